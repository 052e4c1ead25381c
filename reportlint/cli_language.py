"""click in the language chosen (reportlint.i18n): ``--lang``, and the help.

The help texts are written in English and marked ``N_``; they are put in the
language chosen while the help is written, so ``--lang zh-CN --help`` (``--lang``
first: click handles them in the order given) and ``REPORTLINT_LANG=zh-CN``
both give Chinese help. click's own words in it ("Usage:", "Options") come
from the catalog too. Chinese help is wrapped by the columns it takes on a
terminal (click counts characters, and an ideograph takes two), between any
two ideographs; English help is left to click as it is.

click's own usage errors ("No such option: --fxi") stay English: click makes
them with its gettext catalog, which reportlint does not ship.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager

import click

from . import i18n
from .i18n import N_, localize, t
from .output.text_format import width
from .text.lazy_regex import LazyPattern

#: click's own words in the help, looked up in the catalog where they are shown.
CLICK_WORDS = (N_("Options"), N_("Commands"), N_("Show this message and exit."), N_("Show the version and exit."))

#: Never at the start of a line (、。，）…) and never at the end of one (（“…).
_NO_LINE_START = "、。，．；：？！）》」』”’…—"
_NO_LINE_END = "（《「『“‘"


def wrap_wide(text: str, columns: int) -> list[str]:
    """*text* in lines of at most *columns* terminal columns: broken at spaces and between
    two ideographs, never inside a Latin word or an option name (extend-select, --fix)."""
    pieces: list[str] = []  # what is never broken: a word, or an ideograph, with the punctuation that clings to it
    for token in re.findall(r"[ -~]+|.", " ".join(text.split())):
        for unit in re.findall(r"\S+ *| +", token) if token.isascii() else [token]:
            if pieces and ((unit[0] in _NO_LINE_START and not pieces[-1].endswith(" "))
                           or pieces[-1][-1] in _NO_LINE_END):
                pieces[-1] += unit
            else:
                pieces.append(unit)
    lines, line = [], ""
    for piece in pieces:
        if line and width((line + piece).rstrip()) > columns:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = t("Usage:")
            prefix += "" if prefix.endswith("：") else " "  # a full-width colon has its space in it
        super().write_usage(prog, args, prefix)

    def section(self, name: str):
        return super().section(localize(name))

    def write_heading(self, heading: str) -> None:
        if i18n.current() == i18n.EN:
            super().write_heading(heading)
        else:
            self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        if i18n.current() == i18n.EN:
            super().write_text(text)
            return
        indent = " " * self.current_indent
        for paragraph in text.split("\n\n"):
            self.write("".join(f"{indent}{line}\n" for line in wrap_wide(paragraph, self.width - len(indent))))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """As click writes it, the second column wrapped by wrap_wide."""
        if i18n.current() == i18n.EN:
            super().write_dl(rows, col_max, col_spacing)
            return
        rows = list(rows)
        first_col = min(max((width(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + indent)
            lines = wrap_wide(second, max(self.width - first_col - 2, 10)) or [""]
            self.write("".join([lines[0] + "\n", *(f"{indent}{line}\n" for line in lines[1:])]))


class Context(click.Context):
    formatter_class = HelpFormatter


@contextmanager
def _help_in_language(command: click.Command, ctx: click.Context):
    """The help texts of *command*, its options and its subcommands in the language
    chosen, while its help is written."""
    objects = [command, *command.get_params(ctx)]
    if isinstance(command, click.Group):
        objects += [command.get_command(ctx, name) for name in command.list_commands(ctx)]
    saved = [(item, item.help) for item in objects]
    for item, text in saved:
        item.help = localize(text)
    try:
        yield
    finally:
        for item, text in saved:
            item.help = text


class Command(click.Command):
    context_class = Context

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_language(self, ctx):
            super().format_help(ctx, formatter)


class Group(click.Group):
    context_class = Context
    command_class = Command

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_language(self, ctx):
            super().format_help(ctx, formatter)

    def main(self, *args, **kwargs):
        """A run's --lang lasts for that run: the next one (the tests run many in one process,
        and the API may be called after) starts from the environment's language again. After
        Ctrl-C it lasts until reportlint.cli.main has said "interrupted" in it."""
        i18n.use(None)
        given = args[0] if args else kwargs.get("args")
        chosen = language_in(list(sys.argv[1:] if given is None else given))
        if chosen is not None:
            i18n.use(next((known for known in i18n.LANGUAGES if known.lower() == chosen.lower().replace("_", "-")),
                          None))
        interrupted = False
        try:
            return super().main(*args, **kwargs)
        except (KeyboardInterrupt, click.exceptions.Abort, click.exceptions.UsageError):
            interrupted = True  # said by reportlint.cli.main, in the run's language
            raise
        finally:
            if not interrupted:
                i18n.use(None)


# click's usage errors, as reportlint's one line shows them (first letter lowered, no final
# stop), in Chinese: click has no Chinese catalog. What matches none of them stays in English.
_CLICK_IN_CHINESE = [
    (LazyPattern(r"no such option '(?P<a>[^']+)'\. Did you mean '(?P<b>[^']+)'\?"), "没有“{a}”这个选项，是否应为“{b}”"),
    (LazyPattern(r"no such option '(?P<a>[^']+)'"), "没有“{a}”这个选项"),
    (LazyPattern(r"no such command '(?P<a>[^']+)'"), "没有“{a}”这个命令"),
    (LazyPattern(r"option '(?P<a>[^']+)' requires an argument"), "选项“{a}”需要一个值"),
    (LazyPattern(r"missing argument '(?P<a>[^']+)'"), "缺少参数 {a}"),
    (LazyPattern(r"missing option '(?P<a>[^']+)'"), "缺少选项“{a}”"),
    (LazyPattern(r"got unexpected extra arguments? \((?P<a>.+)\)"), "多余的参数：{a}"),
    (LazyPattern(r"invalid value for (?P<a>.+?): '(?P<b>[^']*)' is not one of (?P<c>.+)"),
     "{a} 的值“{b}”无效，可选：{c}"),
    (LazyPattern(r"invalid value for (?P<a>.+?): '(?P<b>[^']*)' is not a valid (?:integer|float)(?: range)?"),
     "{a} 的值“{b}”不是有效的数"),
    (LazyPattern(r"invalid value for (?P<a>.+?): (?P<b>.+)"), "{a} 的值无效：{b}"),
]


def click_message(message: str) -> str:
    """A click usage error's message in the language of the run."""
    if i18n.current() != "zh-CN":
        return message
    for pattern, chinese in _CLICK_IN_CHINESE:
        match = pattern.fullmatch(message)
        if match:
            return chinese.format(**match.groupdict())
    return message


def language_in(args: list[str]) -> str | None:
    """The --lang value of a command line, read before click parses it: a usage error found
    while parsing is said in that language too."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
    return None


def _use_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is None:
        return
    # zh-cn and zh_CN are zh-CN too; anything else is a usage error, not a silent English
    chosen = {language.lower(): language for language in i18n.LANGUAGES}.get(value.lower().replace("_", "-"))
    if chosen is None:
        raise click.BadParameter(f"{value!r} is not one of {', '.join(i18n.LANGUAGES)}")
    i18n.use(chosen)


def _complete_languages(ctx, param, incomplete: str) -> list[str]:
    return [language for language in i18n.LANGUAGES if language.lower().startswith(incomplete.lower())]


def lang_option(function):
    """--lang, on the group and on each command; eager, so that it applies to a --help after it."""
    return click.option("--lang", metavar="[en|zh-CN]", is_eager=True, expose_value=False, callback=_use_language,
                        shell_complete=_complete_languages,
                        help=N_("Language of reportlint's own messages (default: REPORTLINT_LANG, "
                                "else the locale: zh-CN when it is Chinese, else en)."))(function)
