"""The command line: flags become Overrides; the work happens in api.py.

Exit codes: 0 no findings (or only findings below the fail level: info by
default), 1 findings, 2 usage, config or input error, or a rule that crashed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from . import api, i18n
from .cli_language import Group, click_message, lang_option
from .i18n import N_, localize, t, tn
from .output import FORMATS, STREAMED, RenderOptions, fix_hint, fixable_word, rule_documentation, summary, width
from .progress import ProgressBar

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _read_stdin() -> bytes:
    try:
        return api.read_stdin(sys.stdin.buffer)
    except api.InputError as error:
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
@click.version_option(api.__version__, "--version", prog_name="reportlint")
@lang_option
def cli() -> None:
    pass


def _complete_rules(ctx, param, incomplete: str):
    """Shell completion of rule codes and names (the last of a comma-separated list)."""
    from click.shell_completion import CompletionItem

    done, _, word = incomplete.rpartition(",")
    prefix = done + "," if done else ""
    items = []
    try:
        registry = api.rule_registry()
    except api.ReportlintError:
        return []  # a broken config in the working folder: nothing to offer
    for meta in registry:
        for key in (meta.code, meta.name):
            if key.lower().startswith(word.lower()):
                items.append(CompletionItem(prefix + key, help=meta.summary))
    return items


def _options(*decorators):
    """Options that more than one command takes, as one decorator (applied in the order listed)."""
    def apply(command):
        for decorator in reversed(decorators):
            command = decorator(command)
        return command

    return apply


#: which rules run on a file, and how it is read
_rule_options = _options(
    click.option("--select", multiple=True, shell_complete=_complete_rules, help=N_("Rules to run (codes, names or prefixes, comma-separated); replaces the config's select, extend-select and ignore.")),
    click.option("--extend-select", multiple=True, shell_complete=_complete_rules, help=N_("Rules to enable in addition to the config's select.")),
    click.option("--ignore", multiple=True, shell_complete=_complete_rules, help=N_("Rules to disable (codes, names or prefixes, comma-separated).")),
    click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                 help=N_("Use this config file for every checked file.")),
    click.option("--encoding", help=N_("Read files in this encoding instead of detecting it.")),
)
#: when findings make the exit code 1
_exit_options = _options(
    click.option("--exit-zero", is_flag=True, help=N_("Exit 0 even when there are findings.")),
    click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
                 help=N_("The least severity that makes the exit code 1 (default: the config's fail-level, else warning).")),
)
#: which files a folder walk checks
_file_options = _options(
    click.option("--include", multiple=True, help=N_("Files to check in folders (globs, comma-separated); replaces the config's include.")),
    click.option("--extend-include", multiple=True, help=N_("Files to check in folders in addition to include.")),
    click.option("--exclude", multiple=True, help=N_("Files and folders to skip (globs, comma-separated); replaces the config's exclude and the defaults.")),
    click.option("--extend-exclude", multiple=True, help=N_("Files and folders to skip in addition to exclude.")),
    click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                 help=N_("Skip what .gitignore files ignore (default: on).")),
    click.option("--force-exclude/--no-force-exclude", default=None,
                 help=N_("Apply exclude to the files named on the command line too (for pre-commit).")),
)


@cli.command(help=N_("Check PATHS (files, folders, or - for stdin; default: the working folder)."))
@click.argument("paths", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text",
              help=N_("Output format (default: text)."))
@_rule_options
@click.option("--stdin-filename", help=N_("The name of the file read from stdin (-)."))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write the report to this file instead of standard output (any format)."))
@click.option("--statistics", is_flag=True, help=N_("Print the number of findings per rule (text and concise formats)."))
@_exit_options
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
@_file_options
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help=N_("Check files in this many processes (default: one per core, fewer for a few small files)."))
@click.option("-w", "--watch", is_flag=True,
              help=N_("Check again what changed each time a file is saved, until Ctrl-C."))
@click.option("--show-files", is_flag=True, help=N_("List the files that would be checked, and check nothing."))
@click.option("--show-settings", is_flag=True,
              help=N_("Print the config file and the rules that apply to each file, and check nothing."))
@lang_option
def check(paths, output_format, output_file, select, extend_select, ignore, config_file, encoding, stdin_filename,
          statistics, exit_zero, fail_level, quiet, color, fix, unsafe_fixes, diff, baseline_file, write_baseline_file,
          include, extend_include, exclude, extend_exclude, respect_gitignore, force_exclude, jobs, watch,
          show_files, show_settings, show_fixes) -> None:
    paths = paths or (".",)
    overrides = _overrides(config_file, select, ignore, extend_select, encoding, stdin_filename, fail_level,
                           include, extend_include, exclude, extend_exclude, respect_gitignore, force_exclude)
    _check_usage(encoding, output_format, statistics, quiet, write_baseline_file, baseline_file, diff)
    if show_files or show_settings:
        _show(paths, overrides, show_settings)
    if color is None:
        color = False if output_file else _colour_by_default()
    options = RenderOptions(color=color, show_source=not quiet, statistics=statistics, quiet=quiet,
                            fix_hint=not (fix or unsafe_fixes), show_fixes=show_fixes)
    if watch:
        _check_watch_usage(paths, fix, diff, write_baseline_file)
        _watch(paths, overrides, jobs, output_format, options, output_file, baseline_file)
    stdin = _read_stdin() if "-" in paths else None
    fixing = fix or diff
    with ProgressBar() as progress:
        run = api.Run(overrides, jobs, progress)  # no --jobs: None, chosen from the files
        # fixes and baselines work on the paragraphs; without them only the text is kept
        results = _guarded(run.lint, paths, stdin, bool(fixing or baseline_file or write_baseline_file))
    failed, fixes = False, []
    if fixing:
        outcome = _guarded(run.fix, results, unsafe_fixes, not diff, stdin)
        failed = _report_fixes(outcome.fixes)
        if diff:
            failed = _report_problems(results) or failed
            changed = _print_diffs(outcome.fixes)
            sys.exit(EXIT_ERROR if failed else EXIT_FINDINGS if changed else EXIT_CLEAN)
        _print_bytes(outcome.stdin_output)
        results, fixes = outcome.result, outcome.fixes  # what is reported is what remains
    if write_baseline_file:
        _write_baseline(run, results, write_baseline_file)
        sys.exit(EXIT_ERROR if _report_problems(results) or failed else EXIT_CLEAN)
    results, hidden = _filter_baseline(run, results, baseline_file) if baseline_file else (results, 0)
    if not quiet:
        _report_notes(results)
    # After the summary of text output: what was fixed and what more could be, what the baseline hid.
    notes = "" if quiet or output_format not in ("text", "concise") else (
        (_fix_note(results, fixes, unsafe_fixes) if fix or unsafe_fixes else "") + _baseline_note(hidden, baseline_file))
    # With --fix on stdin, stdout carries the fixed text: the report goes to stderr.
    _emit(results, output_format, options, notes, output_file, to_stderr=bool(fixing and stdin is not None))
    failed = _report_problems(results) or failed
    sys.exit(EXIT_ERROR if failed else EXIT_FINDINGS if results.failing and not exit_zero else EXIT_CLEAN)


def _overrides(config_file, select, ignore, extend_select, encoding, stdin_filename, fail_level, include,
               extend_include, exclude, extend_exclude, respect_gitignore, force_exclude) -> api.Overrides:
    return api.Overrides(
        config_file=config_file,
        select=_split(select) or None,
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        encoding=encoding,
        stdin_filename=stdin_filename,
        fail_level=api.Severity.parse(fail_level) if fail_level else None,
        files=api.FileOptions(
            include=_split(include) or None,
            extend_include=_split(extend_include),
            exclude=_split(exclude) or None,
            extend_exclude=_split(extend_exclude),
            respect_gitignore=respect_gitignore,
            force_exclude=force_exclude,
        ),
    )


def _check_usage(encoding, output_format, statistics, quiet, write_baseline_file, baseline_file, diff) -> None:
    """Flags that cannot work together, or a wrong --encoding: a usage error, said once."""
    _check_encoding(encoding)
    if output_format not in ("text", "concise") and (statistics or quiet):
        # A machine format has no summary to shorten or counts to add: say so rather than ignore it.
        _fail(t("{option} applies to the text and concise formats, not {format}",
                option="--statistics" if statistics else "--quiet", format=output_format))
    if write_baseline_file and (baseline_file or diff):
        _fail(t("--write-baseline cannot be combined with {option}", option="--baseline" if baseline_file else "--diff"))


def _check_encoding(encoding: str | None) -> None:
    if encoding:
        try:
            api.check_encoding(encoding)
        except api.InputError as error:
            _fail(f"--encoding: {localize(i18n.message_of(error))}")


def _guarded(step, *args):
    """Run one step of the run; a config or rule selection that cannot be used ends it (exit 2)."""
    try:
        return step(*args)
    except (api.ConfigError, api.RegistryError) as error:
        _fail(i18n.message_of(error))


def _report_fixes(fixes: list[api.FileFix]) -> bool:
    """Say on stderr which files were not fixed, and why; did one fail?"""
    failed = False
    for done in fixes:
        if done.error:
            _error(f"{done.path}: {localize(done.error)}")
            failed = True
        elif done.skipped:  # by design, not a failure: its findings are still reported
            _warning(t("{path}: not fixed: {reason}", path=done.path, reason=localize(done.skipped)))
        elif not done.settled:
            _warning(t("{path}: the fixes did not settle in {passes} passes; run again to apply the rest",
                       path=done.path, passes=api.MAX_PASSES))
    return failed


def _print_bytes(data: bytes | None) -> None:
    if data is None:
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _emit(results: api.RunResult, output_format: str, options: RenderOptions, notes: str, output_file: Path | None,
          to_stderr: bool) -> None:
    """Render the report in *output_format* and write it to *output_file* or the output."""
    if output_format in STREAMED:
        _write_pieces(output_file, STREAMED[output_format](results, options), to_stderr)
        return
    report = FORMATS[output_format](results, options) + notes
    if output_file:
        _write_report(output_file, report)
        if output_format == "html":  # a page to open, not a log to read: say where it is and what it holds
            click.echo(t("reportlint: wrote the HTML report to {path}. {summary}", path=output_file,
                         summary=summary(results.findings, results, fix_hint=False)), err=True)
    else:
        click.echo(report, nl=False, color=options.color, err=to_stderr)


def _check_watch_usage(paths, fix, diff, write_baseline_file) -> None:
    """--watch reports and writes nothing but its report: a fix would be a save that starts the next round."""
    for given, option in (("-" in paths, "-"), (fix, "--fix"), (diff, "--diff"), (write_baseline_file, "--write-baseline")):
        if given:
            _fail(t("--watch cannot be combined with {option}", option=option))


def _watch(paths, overrides: api.Overrides, jobs: int | None, output_format: str, options: RenderOptions,
           output_file: Path | None, baseline_file: Path | None) -> NoReturn:
    """Report on *paths*, then again on each save, clearing the terminal between rounds as
    ruff's watch mode does; Ctrl-C ends it with exit 0 (stopping is how a watch ends)."""
    from . import watching

    clear = sys.stdout.isatty() and output_file is None
    baseline_run = api.Run(overrides)  # applies the baseline to each round's findings
    try:
        for number, round_ in enumerate(watching.watch(paths, overrides, jobs, whole_documents=bool(baseline_file))):
            if clear:
                click.clear()
            if number:
                click.echo(t("[{time}] Checked again: {files}", time=_now(), files=", ".join(round_.linted)), err=True)
            if round_.error:
                _error(round_.error)
            else:
                results = _filter_baseline(baseline_run, round_.result, baseline_file)[0] \
                    if baseline_file else round_.result
                _report_notes(results)
                _emit(results, output_format, options, "", output_file, to_stderr=False)
                _report_problems(results)
            click.echo(t("[{time}] Watching for changes (Ctrl-C to stop)…", time=_now()), err=True)
    except KeyboardInterrupt:
        pass
    except watching.WatchUnavailable as error:
        _fail(i18n.message_of(error))
    sys.exit(EXIT_CLEAN)


def _now() -> str:
    return time.strftime("%H:%M:%S")


def _show(paths: tuple[str, ...], overrides: api.Overrides, settings: bool) -> NoReturn:
    """--show-files / --show-settings: what a run would check, and with what; exit 2 when a path
    cannot be checked, as a run would."""
    plans = _guarded(api.plan_paths, paths, overrides)
    failed = False
    for plan in plans:
        if isinstance(plan, api.Problem):
            _error(f"{plan.display}: {localize(plan.error)}")
            failed = True
        elif not settings:
            click.echo(plan.display)
        else:
            click.echo(_settings_text(plan))
    sys.exit(EXIT_ERROR if failed else EXIT_CLEAN)


def _settings_text(plan: api.FilePlan) -> str:
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


def _report_notes(results: api.RunResult) -> None:
    """Say on stderr what reading a file assumed (a hard wrap joined into paragraphs):
    not a finding, and no output format carries it."""
    for result in results.files:
        for note in result.document.notes if result.document is not None else ():
            click.echo(f"reportlint: {result.path}: {note}", err=True)


def _report_problems(results: api.RunResult) -> bool:
    """Say on stderr which files could not be read and which rules crashed; any?"""
    for result in results.files:
        if result.error:
            _error(f"{result.path}: {localize(result.error)}")
        for crash in result.crashes:
            _error(t("rule {code} ({name}) crashed on {path}: {error} at {where}", code=crash.code,
                     name=crash.name, path=result.path, error=crash.error, where=crash.where))
    return results.problems


def _print_diffs(fixes: list[api.FileFix]) -> bool:
    """Print what --fix would change; anything?"""
    changed = [done for done in fixes if done.changed]
    for done in changed:
        _print_bytes(api.diff_bytes(done))
    count = sum(done.fixed for done in changed)
    if changed:
        click.echo(t("Would fix {findings} in {files}.", findings=tn("{count} finding", count),
                     files=tn("{count} file", len(changed))), err=True)
    else:
        click.echo(t("No fixes to apply."), err=True)
    return bool(changed)


def _fix_note(results: api.RunResult, fixes: list[api.FileFix], unsafe: bool) -> str:
    """How many findings were fixed, and how many more --fix would fix and with which flags."""
    written = [done for done in fixes if done.changed and not done.error]
    count = sum(done.fixed for done in written)
    lines = [t("Fixed {findings} in {files}.", findings=tn("{count} finding", count),
               files=tn("{count} file", len(written)))] if count else []
    hint = fix_hint(results.fixable_counts(), unsafe, more=bool(count))
    return "".join(line + "\n" for line in [*lines, hint] if line)


def _baseline_note(hidden: int, baseline_file: Path | None) -> str:
    if not baseline_file or not hidden:
        return ""
    return t("{findings} recorded in {path} not shown.", findings=tn("{count} finding", hidden), path=baseline_file) + "\n"


def _write_baseline(run: api.Run, results: api.RunResult, path: Path) -> None:
    try:
        count = run.write_baseline(results, path)
    except (api.BaselineError, OSError) as error:
        _fail(f"--write-baseline: {localize(i18n.message_of(error))}")
    click.echo(t("Wrote {findings} to {path}.", findings=tn("{count} finding", count), path=path), err=True)


def _filter_baseline(run: api.Run, results: api.RunResult, path: Path) -> tuple[api.RunResult, int]:
    try:
        return run.apply_baseline(results, path)
    except api.BaselineError as error:
        _fail(f"--baseline: {localize(i18n.message_of(error))}")


@cli.command("archive", help=N_("Lint PATHS on a Dask cluster (an archive of many documents) and write the findings as "
                                  "JSON Lines: one finding, or one file that could not be read, a line."))
@click.argument("paths", nargs=-1)
@click.option("--scheduler", metavar="ADDRESS",
              help=N_("The Dask scheduler to run on (tcp://host:8786); default: a local cluster, closed afterwards."))
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help=N_("Worker processes of the local cluster (default: the number of cores)."))
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help=N_("Files in one Dask task (default: about eight tasks a worker, at most 128)."))
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Write the JSON Lines to this file instead of standard output."))
@_rule_options
@_exit_options
@_file_options
@lang_option
def archive(paths, scheduler, workers, partition_size, output_file, select, extend_select, ignore, config_file,
            encoding, exit_zero, fail_level, include, extend_include, exclude, extend_exclude, respect_gitignore,
            force_exclude) -> None:
    # A front end of its own, loaded only by this command: it alone imports dask.
    from . import archive as dask_archive

    overrides = _overrides(config_file, select, ignore, extend_select, encoding, None, fail_level,
                           include, extend_include, exclude, extend_exclude, respect_gitignore, force_exclude)
    _check_encoding(encoding)
    if scheduler and workers:
        _fail(t("--workers sets the size of the local cluster: it cannot be combined with --scheduler"))
    errors: list[tuple[str, str]] = []
    with _output(output_file) as write, ProgressBar() as progress:
        try:
            summary = dask_archive.lint_archive(
                paths or (".",), write, overrides, scheduler=scheduler, workers=workers,
                partition_size=partition_size, progress=progress, on_error=lambda *error: errors.append(error))
        except (api.ConfigError, api.RegistryError, dask_archive.ArchiveUnavailable) as error:
            _fail(i18n.message_of(error))
    for path, error in errors:  # after the progress bar, as check says them
        _error(f"{path}: {localize(error)}")
    click.echo(t("Checked {files}: {findings}, {errors}.", files=tn("{count} file", summary.files),
                 findings=tn("{count} finding", summary.findings), errors=tn("{count} error", summary.errors)),
               err=True)
    sys.exit(EXIT_ERROR if summary.errors else EXIT_FINDINGS if summary.failing and not exit_zero else EXIT_CLEAN)


@contextmanager
def _output(path: Path | None) -> Iterator[Callable[[str], object]]:
    """Where a report written in pieces goes: *path* (opened now, so that an unwritable one ends
    the run before any work), else standard output."""
    if path is None:
        yield lambda text: click.echo(text, nl=False)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        file = path.open("w", encoding="utf-8", newline="\n")
    except OSError as error:
        _fail(t("--output-file: cannot write {path}: {reason}", path=path, reason=i18n.reason_of(error)))
    with file:
        def write(text: str) -> None:
            try:
                file.write(text)
            except OSError as error:
                _fail(t("--output-file: cannot write {path}: {reason}", path=path, reason=i18n.reason_of(error)))

        yield write


@cli.command("rules", help=N_("List every rule: code, name, default severity, fixable, summary."))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              help=N_("Output format (default: text)."))
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help=N_("Include the rule packs this config names."))
@lang_option
def list_rules(output_format, config_file) -> None:
    registry = _guarded(api.rule_registry, config_file)
    rows = [
        {"code": m.code, "name": m.name, "severity": m.severity.value, "fixable": m.fixable,
         "fix": list(m.fix_kinds), "summary": m.summary, "source": m.source}
        for m in registry
    ]
    if output_format == "json":
        import json  # here: a plain check needs no JSON

        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    # Columns as wide as their widest cell, heading included (a Chinese heading is two columns a character).
    table = [[t("code"), t("name"), t("severity"), t("fixable"), t("fix"), t("summary")]]
    table += [[r["code"], r["name"], r["severity"], fixable_word(r["fixable"]), _fix_flags(r["fix"]), r["summary"]]
              for r in rows]
    widths = [max([least, *(width(line[column]) for line in table)]) for column, least in enumerate((7, 4, 8, 9, 8))]
    for line in table:
        click.echo(" ".join(cell + " " * (size - width(cell)) for cell, size in zip(line, widths)) + " " + line[5])


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
    meta = _guarded(lambda: api.rule_registry(config_file).get(rule))
    click.echo(rule_documentation(meta), nl=False)


@cli.command("server", help=N_("Run the language server for editors: LSP over standard input and output."))
@click.option("--stdio", is_flag=True, help=N_("Talk over standard input and output (the default; for editors that pass it)."))
@lang_option
def server(stdio) -> None:
    # Imported here: pygls is an optional dependency, and the other commands need none of it.
    try:
        from .server import serve
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _fail(t("the language server needs pygls: pip install 'reportlint[lsp]'"))
    serve()


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
