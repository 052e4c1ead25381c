"""Running the command line in-process, as the CLI tests do."""

from click.testing import CliRunner

from reportlint.cli import cli


def cli_runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        return CliRunner()  # click >= 8.2 keeps stderr apart by default


def run(*args, input=None, env=None):
    """``reportlint ARGS``; only a deliberate exit is acceptable, never an exception that escaped."""
    result = cli_runner().invoke(cli, [str(a) for a in args], input=input, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result
