"""The command line: flags become Overrides; the work happens in api.py.

Exit codes: 0 no findings (or only findings below the fail level: info by
default), 1 findings, 2 usage, config or input error, or a rule that crashed.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NoReturn

import click

from . import __version__, i18n
from .api import FilePlan, Overrides, RunResult, lint_paths, plan_paths
from .baseline import filter_baseline, write_baseline
from .cli_language import Group, click_message, lang_option
from .config import config_for, load_config
from .decoding import check_encoding, read_limited
from .discovery import FileOptions, Problem
from .engine import FileResult
from .errors import BaselineError, ConfigError, InputError, RegistryError
from .fixing import MAX_PASSES, FileFix, diff_bytes, fix_file, fix_hint
from .i18n import N_, localize, t, tn
from .model import Severity
from .output import FORMATS, STREAMED
from .output.text_format import width
from .parallel import available_cores
from .progress import ProgressBar

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _read_stdin() -> bytes:
    try:
        return read_limited(sys.stdin.buffer)
    except InputError as error:
        _fail(f"-: {localize(i18n.message_of(error))}")


def _fail(message: str) -> NoReturn:
    _error(message)
    sys.exit(EXIT_ERROR)


def _error(message: str) -> None:
    """One line on stderr, in the language chosen (a Message in its translation)."""
    click.echo(t("reportlint: error: {message}", message=localize(message)), err=True)


def _warning(message: str) -> None:
    click.echo(t("reportlint: warning: {message}", message=localize(message)), err=True)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("reportlint: lint Chinese official documents and reports."))
@click.version_option(__version__, "--version", prog_name="reportlint")
@lang_option
def cli() -> None:
    pass


def _complete_rules(ctx, param, incomplete: str):
    """Shell completion of rule codes and names (the last of a comma-separated list)."""
    from click.shell_completion import CompletionItem

    from .registry import build_registry

    done, _, word = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    items = []
    for meta in build_registry():
        for key in (meta.code, meta.name):
            if key.lower().startswith(word.lower()):
                items.append(CompletionItem(prefix + key, help=meta.summary))
    return items


@cli.command(help=N_("Check PATHS (files, folders, or - for stdin; default: the working folder)."))
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text",
              help=N_("Output format (default: text)."))
@click.option("--select", multiple=True, shell_complete=_complete_rules, help=N_("Rules to run (codes, names or prefixes, comma-separated); replaces the config's select, extend-select and ignore."))
@click.option("--extend-select", multiple=True, shell_complete=_complete_rules, help=N_("Rules to enable in addition to the config's select."))
@click.option("--ignore", multiple=True, shell_complete=_complete_rules, help=N_("Rules to disable (codes, names or prefixes, comma-separated)."))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Use this config file for every checked file."))
@click.option("--encoding", help=N_("Read files in this encoding instead of detecting it."))
@click.option("--stdin-filename", help=N_("The name of the file read from stdin (-)."))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write the report to this file instead of standard output (any format)."))
@click.option("--statistics", is_flag=True, help=N_("Print the number of findings per rule (text and concise formats)."))
@click.option("--exit-zero", is_flag=True, help=N_("Exit 0 even when there are findings."))
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help=N_("The least severity that makes the exit code 1 (default: the config's fail-level, else warning)."))
@click.option("-q", "--quiet", is_flag=True, help=N_("Print findings only, no source excerpts or summary (text and concise formats)."))
@click.option("--color/--no-color", default=None,
              help=N_("Colour the text output (default: on a terminal; FORCE_COLOR forces it, NO_COLOR turns it off)."))
@click.option("--fix", is_flag=True, help=N_("Apply the safe fixes to the files (stdin: print the fixed text); report what remains."))
@click.option("--unsafe-fixes", is_flag=True, help=N_("With --fix or --diff: apply the unsafe fixes too (they may change words)."))
@click.option("--diff", is_flag=True, help=N_("Print the unified diff of what --fix would change, and write nothing."))
@click.option("--show-fixes", is_flag=True, help=N_("Show each finding's fix as before → after (text format)."))
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Report only findings not recorded in this baseline file."))
@click.option("--write-baseline", "write_baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Record the findings in this baseline file instead of reporting them."))
@click.option("--include", multiple=True, help=N_("Files to check in folders (globs, comma-separated); replaces the config's include."))
@click.option("--extend-include", multiple=True, help=N_("Files to check in folders in addition to include."))
@click.option("--exclude", multiple=True, help=N_("Files and folders to skip (globs, comma-separated); replaces the config's exclude and the defaults."))
@click.option("--extend-exclude", multiple=True, help=N_("Files and folders to skip in addition to exclude."))
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help=N_("Skip what .gitignore files ignore (default: on)."))
@click.option("--force-exclude/--no-force-exclude", default=None,
              help=N_("Apply exclude to the files named on the command line too (for pre-commit)."))
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Check files in this many processes (default: the number of cores)."))
@click.option("--show-files", is_flag=True, help=N_("List the files that would be checked, and check nothing."))
@click.option("--show-settings", is_flag=True,
              help=N_("Print the config file and the rules that apply to each file, and check nothing."))
@lang_option
def check(paths, output_format, output_file, select, extend_select, ignore, config_file, encoding, stdin_filename,
          statistics, exit_zero, fail_level, quiet, color, fix, unsafe_fixes, diff, baseline_file, write_baseline_file,
          include, extend_include, exclude, extend_exclude, respect_gitignore, force_exclude, jobs,
          show_files, show_settings, show_fixes) -> None:
    paths = paths or (".",)
    overrides = Overrides(
        config_file=config_file,
        select=_split(select) or None,
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        encoding=encoding,
        stdin_filename=stdin_filename,
        fail_level=Severity.parse(fail_level) if fail_level else None,
        files=FileOptions(
            include=_split(include) or None,
            extend_include=_split(extend_include),
            exclude=_split(exclude) or None,
            extend_exclude=_split(extend_exclude),
            respect_gitignore=respect_gitignore,
            force_exclude=force_exclude,
        ),
    )
    jobs = jobs or available_cores()
    if encoding:
        # A wrong --encoding is a usage error: say so once, not once for every file.
        try:
            check_encoding(encoding)
        except InputError as error:
            _fail(f"--encoding: {localize(i18n.message_of(error))}")
            return
    if output_format not in ("text", "concise") and (statistics or quiet):
        # A machine format has no summary to shorten or counts to add: say so rather than ignore it.
        _fail(t("{option} applies to the text and concise formats, not {format}",
                option="--statistics" if statistics else "--quiet", format=output_format))
        return
    if show_files or show_settings:
        _show(paths, overrides, show_settings)
        return
    if write_baseline_file and (baseline_file or diff):
        _fail(t("--write-baseline cannot be combined with {option}", option="--baseline" if baseline_file else "--diff"))
        return
    stdin = _read_stdin() if "-" in paths else None
    fixing = fix or diff
    try:
        with ProgressBar() as progress:
            if fixing and stdin is not None:
                # stdin is fixed apart from the files: its fixed text goes to stdout
                files = [p for p in paths if p != "-"]
                results = lint_paths(files, overrides, jobs=jobs, progress=progress) if files else RunResult()
                stdin_run = lint_paths(["-"], overrides, stdin=stdin)
                from_stdin = stdin_run.files
                results = _joined(results, stdin_run)
            else:
                # fixes and baselines work on the paragraphs; without them only the text is kept
                whole = bool(fixing or baseline_file or write_baseline_file)
                results = lint_paths(paths, overrides, stdin=stdin, jobs=jobs, progress=progress, whole_documents=whole)
                from_stdin = []
    except (ConfigError, RegistryError) as error:
        _fail(i18n.message_of(error))
        return

    failed = False
    fixes: list[tuple[FileResult, FileFix]] = []
    if fixing:
        try:
            fixes = _fix_files(results, from_stdin, stdin, overrides, unsafe_fixes, write=not diff)
        except (ConfigError, RegistryError) as error:
            _fail(i18n.message_of(error))
        for done in _unique(done for _, done in fixes):
            if done.error:
                _error(f"{done.path}: {localize(done.error)}")
                failed = True
            elif done.skipped:  # by design, not a failure: its findings are still reported
                _warning(t("{path}: not fixed: {reason}", path=done.path, reason=localize(done.skipped)))
            elif not done.settled:
                _warning(t("{path}: the fixes did not settle in {passes} passes; run again to apply the rest",
                           path=done.path, passes=MAX_PASSES))
        if diff:
            failed = _report_problems(results) or failed
            changed = _print_diffs(_unique(done for _, done in fixes))
            sys.exit(EXIT_ERROR if failed else EXIT_FINDINGS if changed else EXIT_CLEAN)
        for original in from_stdin:
            # A filter passes its input through: text that could not be read or fixed comes out
            # unchanged (with the error on stderr and exit code 2), never as nothing.
            done = next((done for fixed, done in fixes if fixed is original), None)
            sys.stdout.flush()
            sys.stdout.buffer.write(done.data if done is not None and done.data is not None else stdin or b"")
            sys.stdout.buffer.flush()
        # What is reported is what remains after the fixes.
        after = {id(original): done.result for original, done in fixes}
        results = _with_files(results, [after.get(id(r), r) for r in results.files])

    if write_baseline_file:
        _write_baseline(results, write_baseline_file)
        failed = _report_problems(results) or failed
        sys.exit(EXIT_ERROR if failed else EXIT_CLEAN)
    hidden = 0
    if baseline_file:
        results, hidden = _filter_baseline(results, baseline_file)

    if color is None:
        color = False if output_file else _colour_by_default()
    # With --fix on stdin, stdout carries the fixed text: the report goes to stderr.
    to_stderr = bool(fixing and from_stdin)
    render = FORMATS[output_format]
    if not quiet:
        _report_notes(results)
    if output_format in ("text", "concise"):
        # With --fix the note after the report says what was fixed and what more could be.
        report = render(results, color=color, show_source=not quiet, statistics=statistics, quiet=quiet,
                        fix_hint=not (fix or unsafe_fixes), show_fixes=show_fixes)
        if not quiet:
            # After the summary. Without --fix or --unsafe-fixes the renderer's summary
            # says what --fix would fix (the output of a plain check is the renderer's).
            if fix or unsafe_fixes:
                report += _fix_note(results, _unique(done for _, done in fixes), unsafe_fixes)
            report += _baseline_note(hidden, baseline_file)
    else:
        report = None if output_format in STREAMED else render(results)
    if report is None:
        _write_pieces(output_file, STREAMED[output_format](results), to_stderr)
    elif output_file:
        _write_report(output_file, report)
    else:
        click.echo(report, nl=False, color=color, err=to_stderr)

    failed = _report_problems(results) or failed
    if failed:
        sys.exit(EXIT_ERROR)
    if results.failing and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _show(paths: tuple[str, ...], overrides: Overrides, settings: bool) -> NoReturn:
    """--show-files / --show-settings: what a run would check, and with what; exit 2 when a path
    cannot be checked, as a run would."""
    try:
        plans = plan_paths(paths, overrides)
    except (ConfigError, RegistryError) as error:
        _fail(i18n.message_of(error))
    failed = False
    for plan in plans:
        if isinstance(plan, Problem):
            _error(f"{plan.display}: {localize(plan.error)}")
            failed = True
        elif not settings:
            click.echo(plan.display)
        else:
            click.echo(_settings_text(plan))
    sys.exit(EXIT_ERROR if failed else EXIT_CLEAN)


def _settings_text(plan: FilePlan) -> str:
    config = plan.config
    lines = [f"{plan.display}:", "  " + t("config file: {path}", path=config.path or t("(none: the defaults)")),
             f"  fail-level: {plan.fail_level.value}"]
    if config.allow_words:
        lines.append(f"  allow-words: {', '.join(sorted(config.allow_words))}")
    if config.rule_packs:
        lines.append(f"  rule-packs: {', '.join(str(p) for p in config.rule_packs)}")
    lines.append("  " + t("rules ({count}):", count=len(plan.rules)))
    for meta, options, severity in plan.rules:
        changed = {key: value for key, value in meta.option_defaults().items()
                   if getattr(options, key.replace("-", "_"), value) != value}
        extra = "".join(f" {key}={getattr(options, key.replace('-', '_'))!r}" for key in changed)
        lines.append(f"    {meta.code} {meta.name} {severity.value}{extra}")
    return "\n".join(lines) + "\n"


_PIECES_WRITTEN_AT_ONCE = 1 << 16  # characters


def _write_pieces(path: Path | None, pieces: Iterable[str], to_stderr: bool) -> None:
    """Write a report as it is rendered, a batch of pieces at a time, to *path* or the output."""
    def batches() -> Iterator[str]:
        batch: list[str] = []
        size = 0
        for piece in pieces:
            batch.append(piece)
            size += len(piece)
            if size >= _PIECES_WRITTEN_AT_ONCE:
                yield "".join(batch)
                batch, size = [], 0
        yield "".join(batch)

    if path is None:
        for batch in batches():
            click.echo(batch, nl=False, err=to_stderr)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as file:
            for batch in batches():
                file.write(batch)
    except OSError as error:
        _fail(t("--output-file: cannot write {path}: {reason}", path=path, reason=i18n.reason_of(error)))


def _write_report(path: Path, report: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    except OSError as error:
        _fail(t("--output-file: cannot write {path}: {reason}", path=path, reason=i18n.reason_of(error)))


def _colour_by_default() -> bool:
    """On a terminal, unless NO_COLOR is set; FORCE_COLOR (force-color.org) wins, for CI logs
    that render colours. Either counts only when it is not empty."""
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _with_files(results: RunResult, files: list) -> RunResult:
    """*results* (and whatever else the run recorded) with another list of files."""
    return dataclasses.replace(results, files=sorted(files, key=lambda r: r.path))


def _fix_files(results: RunResult, from_stdin: list[FileResult], stdin: bytes | None, overrides: Overrides,
               unsafe: bool, write: bool) -> list[tuple[FileResult, FileFix]]:
    """Fix every file read; a file named twice (a.txt and its folder) is fixed once."""
    fixes: list[tuple[FileResult, FileFix]] = []
    by_file: dict[str, FileFix] = {}
    for result in results.files:
        if result.document is None:
            continue
        if any(result is s for s in from_stdin):
            fixes.append((result, fix_file(result, overrides, unsafe, write, stdin=stdin)))
            continue
        key = os.path.realpath(result.path)
        if key not in by_file:
            by_file[key] = fix_file(result, overrides, unsafe, write)
        fixes.append((result, by_file[key]))
    return fixes


def _unique(fixes) -> list[FileFix]:
    return list({id(done): done for done in fixes}.values())


def _joined(first: RunResult, second: RunResult) -> RunResult:
    """Two runs as one: their files, and whatever else they recorded (e.g. rules by code) merged."""
    joined = _with_files(first, first.files + second.files)
    for item in dataclasses.fields(first):
        mine, theirs = getattr(first, item.name), getattr(second, item.name)
        if item.name != "files" and isinstance(mine, dict) and isinstance(theirs, dict):
            setattr(joined, item.name, dict(sorted({**mine, **theirs}.items())))
    return joined


def _problems(results: RunResult) -> bool:
    return any(r.error or r.crashes for r in results.files)


def _report_notes(results: RunResult) -> None:
    """Say on stderr what reading a file assumed (a hard wrap joined into paragraphs):
    not a finding, and no output format carries it."""
    for result in results.files:
        for note in result.document.notes if result.document is not None else ():
            click.echo(f"reportlint: {result.path}: {note}", err=True)


def _report_problems(results: RunResult) -> bool:
    """Say on stderr which files could not be read and which rules crashed; any?"""
    for result in results.files:
        if result.error:
            _error(f"{result.path}: {localize(result.error)}")
        for crash in result.crashes:
            _error(t("rule {code} ({name}) crashed on {path}: {error} at {where}", code=crash.code,
                     name=crash.name, path=result.path, error=crash.error, where=crash.where))
    return _problems(results)


def _print_diffs(fixes: list[FileFix]) -> bool:
    """Print what --fix would change; anything?"""
    changed = [done for done in fixes if done.changed]
    for done in changed:
        sys.stdout.flush()
        sys.stdout.buffer.write(diff_bytes(done))
        sys.stdout.buffer.flush()
    count = sum(done.fixed for done in changed)
    if changed:
        click.echo(t("Would fix {findings} in {files}.", findings=tn("{count} finding", count),
                     files=tn("{count} file", len(changed))), err=True)
    else:
        click.echo(t("No fixes to apply."), err=True)
    return bool(changed)


def _fix_note(results: RunResult, fixes: list[FileFix], unsafe: bool) -> str:
    """How many findings were fixed, and how many more --fix would fix and with which flags."""
    written = [done for done in fixes if done.changed and not done.error]
    count = sum(done.fixed for done in written)
    lines = [t("Fixed {findings} in {files}.", findings=tn("{count} finding", count),
               files=tn("{count} file", len(written)))] if count else []
    hint = fix_hint(results.files, unsafe, more=bool(count))
    return "".join(line + "\n" for line in [*lines, hint] if line)


def _baseline_note(hidden: int, baseline_file: Path | None) -> str:
    if not baseline_file or not hidden:
        return ""
    return t("{findings} recorded in {path} not shown.", findings=tn("{count} finding", hidden), path=baseline_file) + "\n"


def _write_baseline(results: RunResult, path: Path) -> None:
    try:
        count = write_baseline(results, path)
    except (BaselineError, OSError) as error:
        _fail(f"--write-baseline: {localize(i18n.message_of(error))}")
        return
    click.echo(t("Wrote {findings} to {path}.", findings=tn("{count} finding", count), path=path), err=True)


def _filter_baseline(results: RunResult, path: Path) -> tuple[RunResult, int]:
    try:
        return filter_baseline(results, path)
    except BaselineError as error:
        _fail(f"--baseline: {localize(i18n.message_of(error))}")


def _registry(config_file: Path | None):
    config = load_config(config_file) if config_file else config_for(Path.cwd())
    return config.validate()


@cli.command("rules", help=N_("List every rule: code, name, default severity, fixable, summary."))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              help=N_("Output format (default: text)."))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Include the rule packs this config names."))
@lang_option
def list_rules(output_format, config_file) -> None:
    try:
        registry = _registry(config_file)
    except (ConfigError, RegistryError) as error:
        _fail(i18n.message_of(error))
        return
    rows = [
        {"code": m.code, "name": m.name, "severity": m.severity.value, "fixable": m.fixable,
         "fix": list(m.fix_kinds), "summary": m.summary, "source": m.source}
        for m in registry
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    # Columns as wide as their widest cell, heading included (a Chinese heading is two columns a character).
    table = [[t("code"), t("name"), t("severity"), t("fixable"), t("fix"), t("summary")]]
    table += [[r["code"], r["name"], r["severity"], _fixable(r["fixable"]), _fix_flags(r["fix"]), r["summary"]]
              for r in rows]
    widths = [max([least, *(width(line[column]) for line in table)]) for column, least in enumerate((7, 4, 8, 9, 8))]
    for line in table:
        click.echo(" ".join(cell + " " * (size - width(cell)) for cell, size in zip(line, widths)) + " " + line[5])


#: A rule's "fixable" as its metadata (and `rules --format json`) says it; in Chinese in Chinese.
_FIXABLE = (N_("never"), N_("sometimes"), N_("always"))


def _fixable(value: str) -> str:
    return localize(value) if value in _FIXABLE else value


def _fix_flags(kinds) -> str:
    """What applies a rule's fixes: --fix (safe), --unsafe-fixes (unsafe: they may change words)."""
    if not kinds:
        return "-"
    return ",".join("--fix" if kind == "safe" else "--unsafe-fixes" for kind in kinds)


@cli.command("rule", help=N_("Show the documentation of RULE (a code or a name)."))
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Include the rule packs this config names."))
@lang_option
def show_rule(rule, config_file) -> None:
    try:
        meta = _registry(config_file).get(rule)
    except (ConfigError, RegistryError) as error:
        _fail(i18n.message_of(error))
        return
    click.echo(f"# {meta.code} {meta.name}\n\n{meta.summary}\n")
    click.echo(t("Default severity: {severity}. Fixable: {fixable}. Source: {source}.", severity=meta.severity.value,
                 fixable=_fixable(meta.fixable), source=meta.source))
    if "safe" in meta.fix_kinds:
        click.echo(t("Plain --fix applies its safe fixes, which change no word."))
    if "unsafe" in meta.fix_kinds:
        click.echo(t("Its unsafe fixes may change words: they need --fix --unsafe-fixes (review them with --diff)."))
    click.echo("")
    click.echo(meta.doc)
    defaults = meta.option_defaults()
    if defaults:
        click.echo("\n" + t("Defaults:"))
        for key, value in defaults.items():
            click.echo(f"  {key} = {json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)}")


def main() -> None:
    # Not click's standalone mode: it turns Ctrl-C into "Aborted!" and exit code 1, which a
    # pipeline cannot tell from "findings". A usage error is one line in the house style (exit 2).
    try:
        # One name however it is started (reportlint, python -m reportlint), so that shell
        # completion answers to _REPORTLINT_COMPLETE either way.
        status = cli.main(prog_name="reportlint", complete_var="_REPORTLINT_COMPLETE", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo(t("reportlint: interrupted"), err=True)
        sys.exit(130)
    except click.exceptions.UsageError as error:
        _error(_usage_line(error))
        sys.exit(error.exit_code)
    except click.exceptions.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(status if isinstance(status, int) else 0)


def _usage_line(error: click.exceptions.UsageError) -> str:
    """click's four lines (Usage, Try …, blank, Error: …) as one: the error, then where help is."""
    message = error.format_message().rstrip(".")
    command = error.ctx.command_path if error.ctx is not None else "reportlint"
    return t("{message} (see {command} --help)", message=click_message(message[:1].lower() + message[1:]),
             command=command)


__all__ = ["cli", "main"]
