"""The README's CI snippets work as written.

The YAML blocks of the README's CI section are parsed; every `reportlint …` command in
them is run with bash in a repository whose docs/ holds the sample report, and what it
produces is checked: the SARIF file is valid and has every finding, the annotations parse,
the exit code is what the job needs.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from test_output_formats import HEADER, check_sarif, parse_annotation

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
CLEAN = "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。\n"


def ci_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("\n## CI\n")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end > 0 else len(readme)]


def yaml_blocks() -> list[object]:
    blocks = re.findall(r"^```ya?ml\n(.*?)^```", ci_section(), re.M | re.S)
    return [yaml.safe_load(textwrap.dedent(block)) for block in blocks]


def commands_in(node) -> list[str]:
    """Every `reportlint …` command of a workflow or a job, in order."""
    if isinstance(node, dict):
        return [c for value in node.values() for c in commands_in(value)]
    if isinstance(node, list):
        return [c for value in node for c in commands_in(value)]
    if isinstance(node, str):
        return [line.strip() for line in node.splitlines() if line.strip().startswith("reportlint ")]
    return []


def steps_using(workflow: dict, action: str) -> list[dict]:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    return [s for s in steps if s.get("uses", "").startswith(action)]


@pytest.fixture(scope="module")
def blocks():
    found = yaml_blocks()
    assert len(found) == 3, "the CI section has a SARIF workflow, an annotations step and a GitLab job"
    return found


@pytest.fixture(scope="module")
def sample_findings() -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json", str(SAMPLE)],
                         capture_output=True, text=True, cwd=ROOT)
    found = json.loads(out.stdout)
    assert found
    return found


@pytest.fixture
def repo(tmp_path):
    """A checkout with the sample report in docs/, and `reportlint` on PATH running this source."""
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    (checkout / "docs").mkdir()
    (checkout / "docs" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "reportlint"
    wrapper.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m reportlint "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("NO_COLOR", None)
    return checkout, env


def sh(command: str, repo) -> subprocess.CompletedProcess:
    checkout, env = repo
    return subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True,
                          timeout=120)


def sarif_target(command: str) -> str:
    match = re.search(r"--format sarif\b.*>\s*(\S+)\s*$", command)
    assert match, command
    return match.group(1)


def assert_sarif_of_the_sample(path: Path, sample_findings) -> None:
    log = json.loads(path.read_text(encoding="utf-8"))
    check_sarif(log)
    results = log["runs"][0]["results"]
    uri = f"docs/{SAMPLE.name}"
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in results] == [
        (f["code"], uri, f["line"], f["column"]) for f in sample_findings]


def test_github_code_scanning_workflow(blocks, repo, sample_findings):
    workflow = blocks[0]
    [job] = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"  # upload-sarif needs it
    [upload] = steps_using(workflow, "github/codeql-action/upload-sarif@")
    [command] = commands_in(workflow)
    target = sarif_target(command)
    assert upload["with"]["sarif_file"] == target
    assert "--exit-zero" in command  # or the step fails before the upload
    result = sh(command, repo)
    assert result.returncode == 0, result.stderr
    assert_sarif_of_the_sample(repo[0] / target, sample_findings)


def test_github_annotations_step(blocks, repo, sample_findings):
    [command] = commands_in(blocks[1])
    assert "--format github" in command
    result = sh(command, repo)
    assert result.returncode == 1  # findings fail the job
    annotations = [parse_annotation(line) for line in result.stdout.splitlines()]
    assert [(a["title"].split()[0], a["file"], a["line"], a.get("col")) for a in annotations] == [
        (f["code"], f"docs/{SAMPLE.name}", str(f["line"]), str(f["column"]) if f["line"] == f["end_line"] else None)
        for f in sample_findings]
    # And a clean tree passes without a word.
    (repo[0] / "docs" / SAMPLE.name).write_text(CLEAN, encoding="utf-8")
    clean = sh(command, repo)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_gitlab_job(blocks, repo, sample_findings):
    job = blocks[2]["reportlint"]
    assert job["artifacts"]["when"] == "always"  # kept when findings fail the job
    commands = commands_in(job)
    assert len(commands) == 2
    sarif_command, log_command = commands
    target = sarif_target(sarif_command)
    assert target in job["artifacts"]["paths"]
    first = sh(sarif_command, repo)
    assert first.returncode == 0, first.stderr
    assert_sarif_of_the_sample(repo[0] / target, sample_findings)
    second = sh(log_command, repo)
    assert second.returncode == 1
    lines = second.stdout.splitlines()
    assert [HEADER.match(line).group("code", "line", "col") for line in lines[:len(sample_findings)]] == [
        (f["code"], str(f["line"]), str(f["column"])) for f in sample_findings]
    if "--statistics" in log_command:
        counts = re.findall(r"^\s*(\d+)\s+(RL\d+)\s+[a-z-]+$", second.stdout, re.M)
        assert sum(int(n) for n, _ in counts) == len(sample_findings)


def test_an_unreadable_file_fails_the_sarif_step_despite_exit_zero(blocks, repo):
    command = commands_in(blocks[0])[0]
    (repo[0] / "docs" / "scan.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    result = sh(command, repo)
    assert result.returncode == 2
    log = json.loads((repo[0] / sarif_target(command)).read_text(encoding="utf-8"))
    check_sarif(log)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
