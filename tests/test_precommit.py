"""The pre-commit hook (.pre-commit-hooks.yaml), run by real pre-commit.

pre-commit installs this repository the way a user's pre-commit would (a git
clone at a commit, `pip install .` into a hook environment) and runs the hook on
files of a throwaway git repository: once through `pre-commit try-repo`, the
command for trying a hook repository, and then through `pre-commit run` with the
README's .pre-commit-config.yaml snippets, their placeholders filled with the
repository and its commit, the way projects use it. The README's CI install line
(pip install from a git URL at a commit) is run the same way.

try-repo on the working copy itself would install its HEAD plus changes to
tracked files only: files not committed yet (a new rule pack, the README the
wheel's metadata reads) would be missing and the hook environment might not
even build. So the hook repository is a commit of a snapshot of the working
tree (tracked and untracked files, less what .gitignore excludes) in a temporary
repository; on a fresh clone, as in CI, the two are the same.

try-repo always installs into a store of its own that it throws away, so it
builds the hook environment each time it runs; `pre-commit run` uses
PRE_COMMIT_HOME, shared by the module, so it builds its environment once.
Building one needs the package index (click, jieba).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

BAD_TEXT = """\
政府工作报告

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

上接第3版

培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营

经济发展，激发各类经营主体内生动力和发展活力。

打造一流营商环境。规范行政执法和涉企检查，推进市场监管公平统一。
"""

GOOD_TEXT = """\
政府工作报告

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营经济发展，激发各类经营主体内生动力和发展活力。

打造一流营商环境。规范行政执法和涉企检查，推进市场监管公平统一。
"""

_IGNORED_IN_COPY = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", "*.pyc", ".pytest_cache",
                                         "build", "dist", "*.egg-info", ".hypothesis")


def _env(pre_commit_home: Path) -> dict[str, str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(pre_commit_home), PIP_DISABLE_PIP_VERSION_CHECK="1",
               PRE_COMMIT_COLOR="never", NO_COLOR="1")
    # Running inside a git hook (or with a redirected git) must not steer these git commands.
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "PYTHONPATH",
                 "VIRTUAL_ENV", "PRE_COMMIT", "SKIP"):
        env.pop(name, None)
    return env


def _run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=timeout)


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    result = _run(["git", *args], cwd, env)
    assert result.returncode == 0, f"git {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _init(folder: Path, env: dict[str, str]) -> None:
    _git(folder, env, "init", "--quiet")
    _git(folder, env, "config", "user.name", "reportlint tests")
    _git(folder, env, "config", "user.email", "tests@reportlint.invalid")
    _git(folder, env, "config", "commit.gpgsign", "false")


def _working_tree_files(env: dict[str, str]) -> list[str] | None:
    """The working tree's files that git does not ignore; None outside a git checkout."""
    result = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], REPO, env)
    if result.returncode != 0:
        return None
    return [name for name in result.stdout.split("\0") if name and (REPO / name).is_file()]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """A one-commit git repository holding the working tree as it is now."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    files = _working_tree_files(env)
    if files is None:  # an unpacked sdist: no git metadata, copy the tree instead
        shutil.copytree(REPO, snapshot, ignore=_IGNORED_IN_COPY, dirs_exist_ok=True)
    else:
        for name in files:
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target)
    assert (snapshot / ".pre-commit-hooks.yaml").is_file()
    _init(snapshot, env)
    _git(snapshot, env, "add", "--all")
    _git(snapshot, env, "commit", "--quiet", "--no-verify", "-m", "snapshot of the working tree")
    return snapshot


@pytest.fixture()
def project(tmp_path: Path, env: dict[str, str]) -> Path:
    """A user's project: an empty git repository the hook runs in."""
    folder = tmp_path / "project"
    folder.mkdir()
    _init(folder, env)
    return folder


def _try_repo(hook_repo: Path, project: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess[str]:
    _git(project, env, "add", "--", *files)
    return _run([sys.executable, "-m", "pre_commit", "try-repo", "--color", "never", hook_repo, "reportlint",
                 "--verbose", "--files", *files], project, env)


URL, COMMIT = "<reportlint git URL>", "<commit>"  # the README's placeholders


def readme_section(title: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"\n## {title}\n")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end > 0 else len(readme)]


def readme_config(hook: str, url: str, rev: str) -> str:
    """The README's pre-commit snippet for *hook*, with its placeholders filled in."""
    blocks = re.findall(r"^```yaml\n(.*?)^```", readme_section("pre-commit"), re.M | re.S)
    [block] = [b for b in blocks if re.search(rf"id: {re.escape(hook)}\s*$", b, re.M)]
    assert URL in block and COMMIT in block, block
    return block.replace(URL, url).replace(COMMIT, rev)


def _run_hook(hook_repo: Path, project: Path, env: dict[str, str], *files: str,
              hook: str = "reportlint") -> subprocess.CompletedProcess[str]:
    """`pre-commit run` with the README's config, naming the hook repository at its commit."""
    rev = _git(hook_repo, env, "rev-parse", "HEAD").strip()
    config = project / ".pre-commit-config.yaml"
    config.write_text(readme_config(hook, hook_repo.as_posix(), rev), encoding="utf-8")
    _git(project, env, "add", "--", config.name, *files)
    return _run([sys.executable, "-m", "pre_commit", "run", "--color", "never", "--verbose", "--files", *files],
                project, env)


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def test_manifest_is_valid(env: dict[str, str]) -> None:
    result = _run([sys.executable, "-m", "pre_commit", "validate-manifest", REPO / ".pre-commit-hooks.yaml"],
                  REPO, env)
    assert result.returncode == 0, _output(result)


def _assert_fails_on_defects(result: subprocess.CompletedProcess[str], path: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode != 0, _output(result)
    assert "reportlint" in output and "Failed" in output, _output(result)
    assert "RL102" in output or "layout-artifact" in output, _output(result)
    assert path in output, _output(result)


def test_try_repo_fails_on_a_defective_report(hook_repo: Path, project: Path, env: dict[str, str]) -> None:
    (project / "report.txt").write_text(BAD_TEXT, encoding="utf-8")
    _assert_fails_on_defects(_try_repo(hook_repo, project, env, "report.txt"), "report.txt")


def test_hook_fails_on_a_defective_report(hook_repo: Path, project: Path, env: dict[str, str]) -> None:
    (project / "report.txt").write_text(BAD_TEXT, encoding="utf-8")
    _assert_fails_on_defects(_run_hook(hook_repo, project, env, "report.txt"), "report.txt")


def test_hook_passes_on_a_clean_report(hook_repo: Path, project: Path, env: dict[str, str]) -> None:
    (project / "report.txt").write_text(GOOD_TEXT, encoding="utf-8")
    result = _run_hook(hook_repo, project, env, "report.txt")
    assert result.returncode == 0, _output(result)
    assert "Passed" in result.stdout, _output(result)


def test_hook_checks_markdown_and_skips_other_types(hook_repo: Path, project: Path, env: dict[str, str]) -> None:
    (project / "notes.md").write_text(BAD_TEXT, encoding="utf-8")
    # The same text in a Python file: types_or keeps the hook away from it.
    (project / "script.py").write_text(f'TEXT = """\n{BAD_TEXT}"""\n', encoding="utf-8")
    result = _run_hook(hook_repo, project, env, "notes.md", "script.py")
    _assert_fails_on_defects(result, "notes.md")
    assert "script.py" not in result.stdout + result.stderr, _output(result)


# Only ASCII commas, which the safe fixes convert; and one doubled word, which they leave.
FIXABLE_TEXT = "培育壮大经营主体,激发各类经营主体内生动力和发展活力。\n\n打造一流营商环境,推进市场监管公平统一。\n"
FIXED_TEXT = "培育壮大经营主体，激发各类经营主体内生动力和发展活力。\n\n打造一流营商环境，推进市场监管公平统一。\n"


def test_fix_hook_fixes_the_file_and_fails_until_it_is_staged(hook_repo: Path, project: Path,
                                                              env: dict[str, str]) -> None:
    report = project / "report.txt"
    report.write_bytes(FIXABLE_TEXT.encode("gb18030"))
    first = _run_hook(hook_repo, project, env, "report.txt", hook="reportlint-fix")
    # pre-commit fails a hook that modified files, even when nothing is left to report
    assert first.returncode == 1, _output(first)
    assert "files were modified by this hook" in first.stdout, _output(first)
    assert report.read_bytes() == FIXED_TEXT.encode("gb18030")  # fixed in place, still GB18030
    second = _run_hook(hook_repo, project, env, "report.txt", hook="reportlint-fix")
    assert second.returncode == 0 and "Passed" in second.stdout, _output(second)
    # what the fixes cannot settle still fails the hook, and the file keeps the unsafe finding's text
    report.write_text("加快500千伏水富富、220千伏金沙江变等建设。\n", encoding="utf-8")
    third = _run_hook(hook_repo, project, env, "report.txt", hook="reportlint-fix")
    assert third.returncode == 1 and "RL201" in third.stdout + third.stderr, _output(third)
    assert "水富富" in report.read_text(encoding="utf-8")


def test_the_readme_install_line_installs_reportlint_from_git_at_a_commit(hook_repo, env, tmp_path):
    # the CI snippets' install line, as written, with a local repository for the URL
    lines = set(re.findall(r'pip install "reportlint @ git\+[^"]+"', readme_section("CI")))
    assert lines == {f'pip install "reportlint @ git+{URL}@{COMMIT}"'}
    rev = _git(hook_repo, env, "rev-parse", "HEAD").strip()
    # file://localhost/…: pip checks that a URL has a host, as a real git URL has
    line = lines.pop().replace(URL, f"file://localhost{hook_repo.as_posix()}").replace(COMMIT, rev)
    venv_dir = tmp_path / "venv"
    _ok = _run([sys.executable, "-m", "venv", venv_dir], tmp_path, env)
    assert _ok.returncode == 0, _output(_ok)
    activate = f". {venv_dir / 'bin' / 'activate'}"
    installed = _run(["bash", "-c", f"{activate} && {line} --quiet && reportlint --version"], tmp_path, env)
    assert installed.returncode == 0, _output(installed)
    assert installed.stdout.startswith("reportlint, version ")
