"""The wheel, installed on its own, must work: rules, rule packs and all.

An editable install finds the rule packs at the top of the repository; a wheel
must carry them inside the package (hatch force-include of rules/). This test
builds the wheel, installs it into a fresh virtual environment that does not
see the development one, and runs the installed console script from a folder
outside the repository, so nothing can be picked up from the source tree.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "seeds" / "000_ad65c542b7148e02.txt"


def _env() -> dict[str, str]:
    env = dict(os.environ, PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    # Nothing from the development environment may leak into the fresh one.
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_REQUIRE_VIRTUALENV"):
        env.pop(name, None)
    return env


def _run(args: list[str | Path], cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=_env(), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def _ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode == 0, (
        f"{what} failed with exit {result.returncode}:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with the freshly built wheel installed."""
    root = tmp_path_factory.mktemp("wheel")
    dist = root / "dist"
    built = _run([sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO], cwd=root)
    _ok(built, "python -m build --wheel")
    wheels = sorted(dist.glob("reportlint-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {dist}, found {wheels}"

    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / ("python.exe" if os.name == "nt" else "python")
    _ok(_run([python, "-m", "pip", "install", "--quiet", wheels[0]], cwd=root), "pip install of the wheel")
    return bin_dir


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder outside the repository holding a copy of the sample."""
    folder = tmp_path_factory.mktemp("outside")
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    return folder


def test_wheel_is_not_importing_the_source_tree(installed: Path, outside: Path) -> None:
    python = installed / ("python.exe" if os.name == "nt" else "python")
    result = _run([python, "-c", "import reportlint, pathlib; print(pathlib.Path(reportlint.__file__).resolve())"],
                  cwd=outside)
    _ok(result, "import reportlint")
    where = Path(result.stdout.strip())
    assert REPO not in where.parents, f"the fresh venv imported reportlint from the source tree: {where}"


def test_installed_check_finds_the_sample_defects(installed: Path, outside: Path) -> None:
    result = _run([installed / "reportlint", "check", "--format", "json", SAMPLE.name], cwd=outside)
    assert result.returncode == 1, f"exit {result.returncode}, expected 1 (findings)\n{result.stdout}\n{result.stderr}"
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    names = {finding["name"] for finding in findings}
    # doubled-word reads the dictionary shipped in reportlint/data; jieba is not installed here
    assert {"broken-paragraph", "layout-artifact", "doubled-word", "duplicate-paragraph"} <= names, names
    assert {finding["path"] for finding in findings} == {SAMPLE.name}


def test_installed_wheel_ships_the_rule_packs(installed: Path, outside: Path) -> None:
    result = _run([installed / "reportlint", "rules", "--format", "json"], cwd=outside)
    _ok(result, "reportlint rules")
    rows = json.loads(result.stdout)
    codes = {row["code"] for row in rows}
    assert "RL501" in codes, f"RL501 (rules/confusable-words.toml) missing from the installed wheel: {sorted(codes)}"
    assert {"RL101", "RL102"} <= codes


def test_installed_wheel_ships_the_html_report_stylesheet_and_script(installed: Path, outside: Path) -> None:
    # package data, not Python: read with importlib.resources from reportlint/output/html_report/
    result = _run([installed / "reportlint", "check", "--format", "html", SAMPLE.name], cwd=outside)
    assert result.returncode == 1, f"exit {result.returncode}\n{result.stderr}"
    assets = REPO / "reportlint" / "output" / "html_report"
    for name in ("report.css", "report.js"):
        assert (assets / name).read_text(encoding="utf-8") in result.stdout, f"{name} missing from the wheel's page"
    assert result.stdout.count('<li class="it"') == 15
