"""The command line: flags become Overrides; the work happens in api.py.

Exit codes: 0 no findings, 1 findings, 2 usage, config or input error, or a
rule that crashed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .api import Overrides, lint_paths
from .config import ConfigError, config_for, load_config
from .decoding import InputError, check_encoding
from .output import FORMATS
from .registry import RegistryError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _fail(message: str) -> None:
    click.echo(f"reportlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="reportlint")
def cli() -> None:
    """reportlint: lint Chinese official documents and reports."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Rules to run (codes, names or prefixes, comma-separated); replaces the config's select, extend-select and ignore.")
@click.option("--extend-select", multiple=True, help="Rules to enable in addition to the config's select.")
@click.option("--ignore", multiple=True, help="Rules to disable (codes, names or prefixes, comma-separated).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Use this config file for every checked file.")
@click.option("--encoding", help="Read files in this encoding instead of detecting it.")
@click.option("--stdin-filename", help="The name of the file read from stdin (-).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only, no source excerpts or summary.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal, unless NO_COLOR is set).")
def check(paths, output_format, select, extend_select, ignore, config_file, encoding, stdin_filename,
          statistics, exit_zero, quiet, color) -> None:
    """Check PATHS (files, folders, or - for stdin)."""
    overrides = Overrides(
        config_file=config_file,
        select=_split(select) or None,
        ignore=_split(ignore),
        extend_select=_split(extend_select),
        encoding=encoding,
        stdin_filename=stdin_filename,
    )
    if encoding:
        # A wrong --encoding is a usage error: say so once, not once for every file.
        try:
            check_encoding(encoding)
        except InputError as error:
            _fail(f"--encoding: {error}")
            return
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    try:
        results = lint_paths(paths, overrides, stdin=stdin)
    except (ConfigError, RegistryError) as error:
        _fail(str(error))
        return

    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    render = FORMATS[output_format]
    if output_format == "text":
        text = render(results, color=color, show_source=not quiet, statistics=statistics, quiet=quiet)
    else:
        text = render(results)
    click.echo(text, nl=False, color=color)

    failed = False
    for result in results.files:
        if result.error:
            click.echo(f"reportlint: error: {result.path}: {result.error}", err=True)
            failed = True
        for crash in result.crashes:
            click.echo(f"reportlint: error: rule {crash.code} ({crash.name}) crashed on {result.path}: "
                       f"{crash.error} at {crash.where}", err=True)
            failed = True
    if failed:
        sys.exit(EXIT_ERROR)
    if results.findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _registry(config_file: Path | None):
    config = load_config(config_file) if config_file else config_for(Path.cwd())
    return config.validate()


@cli.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Include the rule packs this config names.")
def list_rules(output_format, config_file) -> None:
    """List every rule: code, name, default severity, fixable, summary."""
    try:
        registry = _registry(config_file)
    except (ConfigError, RegistryError) as error:
        _fail(str(error))
        return
    rows = [
        {"code": m.code, "name": m.name, "severity": m.severity.value, "fixable": m.fixable,
         "summary": m.summary, "source": m.source}
        for m in registry
    ]
    if output_format == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    name_width = max((len(r["name"]) for r in rows), default=4)
    click.echo(f"{'code':<7} {'name':<{name_width}} {'severity':<8} {'fixable':<9} summary")
    for r in rows:
        click.echo(f"{r['code']:<7} {r['name']:<{name_width}} {r['severity']:<8} {r['fixable']:<9} {r['summary']}")


@cli.command("rule")
@click.argument("rule")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Include the rule packs this config names.")
def show_rule(rule, config_file) -> None:
    """Show the documentation of RULE (a code or a name)."""
    try:
        meta = _registry(config_file).get(rule)
    except (ConfigError, RegistryError) as error:
        _fail(str(error))
        return
    click.echo(f"# {meta.code} {meta.name}\n\n{meta.summary}\n")
    click.echo(f"Default severity: {meta.severity.value}. Fixable: {meta.fixable}. Source: {meta.source}.\n")
    click.echo(meta.doc)
    defaults = meta.option_defaults()
    if defaults:
        click.echo("\nDefaults:")
        for key, value in defaults.items():
            click.echo(f"  {key} = {json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)}")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("reportlint: interrupted", err=True)
        sys.exit(130)


__all__ = ["cli", "main"]
