"""The sample report: every known defect of the rules that exist, and nothing else."""

import json
import sys
from pathlib import Path

from click.testing import CliRunner

from reportlint.api import lint_paths
from reportlint.cli import cli
from reportlint.registry import build_registry

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SAMPLE = SEEDS / "000_ad65c542b7148e02.txt"
EXPECTED = tomllib.loads((SEEDS / "expected.toml").read_text(encoding="utf-8"))["finding"]


def rules_that_exist() -> set[str]:
    return {meta.name for meta in build_registry()}


def expected() -> set[tuple[str, int]]:
    names = rules_that_exist()
    return {(entry["rule"], entry["line"]) for entry in EXPECTED if entry["rule"] in names}


def test_expected_data_covers_the_first_rules():
    assert {"broken-paragraph", "layout-artifact"} <= {rule for rule, _ in expected()}


def test_api_reports_exactly_the_known_defects():
    result = lint_paths([str(SAMPLE)])
    names = rules_that_exist()
    actual = {(f.name, f.line) for f in result.findings if f.name in names}
    assert actual == expected()
    severities = {(e["rule"], e["line"]): e.get("severity") for e in EXPECTED}
    for finding in result.findings:
        if severities.get((finding.name, finding.line)):
            assert finding.severity.value == severities[(finding.name, finding.line)]


def test_json_output_reports_them():
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SAMPLE)])
    assert result.exit_code == 1
    actual = {(item["name"], item["line"]) for item in json.loads(result.stdout)}
    assert actual == expected()


def test_text_output_reports_them():
    result = CliRunner().invoke(cli, ["check", "--quiet", str(SAMPLE)])
    assert result.exit_code == 1
    actual = set()
    for line in result.stdout.splitlines():
        location, _, rest = line.partition(": ")
        level, code, name = rest.split(" ")[:3]
        assert level in ("warning:", "info:")
        actual.add((name.strip("[]"), int(location.split(":")[-2])))
    assert actual == expected()
