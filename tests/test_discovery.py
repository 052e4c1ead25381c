"""Which files a folder walk checks: include / exclude / extend-exclude globs
(config and command line), .gitignore files, explicitly named files and
--force-exclude, symbolic links (loops, broken links) and unreadable folders
and files, each reported in one line without stopping the others."""

import os
import sys
from pathlib import Path

import pytest
from running import run

from reportlint import discovery
from reportlint.api import Overrides, lint_paths
from reportlint.discovery import FileOptions

# A paragraph cut by a page break (RL101): every test file has a finding, so a
# file that is checked shows in the output.
BROKEN = (
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)
ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py

def write(path, text=BROKEN) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def checked(*paths, **files) -> list[str]:
    """The files a run checked, with /, in output order (errors fail the test)."""
    result = lint_paths([str(p) for p in paths], Overrides(files=FileOptions(**files)))
    assert not result.errors, [(r.path, r.error) for r in result.errors]
    return [Path(r.path).as_posix() for r in result.files]


def errors(*paths, **files) -> list[tuple[str, str]]:
    result = lint_paths([str(p) for p in paths], Overrides(files=FileOptions(**files)))
    return [(Path(r.path).as_posix(), r.error) for r in result.errors]


# --- defaults ----------------------------------------------------------------


def test_a_folder_is_walked_for_documents_skipping_hidden_tool_and_lock_files(tmp_path):
    for name in ("报告.md", "章节/一.markdown", "章节/二/三.txt", "附件.DOCX.txt", "大写.TXT",
                 ".隐藏.md", ".git/COMMIT.md", ".venv/lib/说明.md", "node_modules/pkg/README.md",
                 "docs/_build/_sources/index.txt", "venv/x.md", "dist/y.md", "__pycache__/z.txt",
                 "~$报告.md", "图表.png", "说明.pdf"):
        write(tmp_path / "材料" / name)
    assert checked("材料") == ["材料/大写.TXT", "材料/报告.md", "材料/章节/一.markdown", "材料/章节/二/三.txt",
                               "材料/附件.DOCX.txt"]


def test_a_hidden_folder_named_on_the_command_line_is_walked(tmp_path):
    write(tmp_path / ".草稿" / "a.md")
    write(tmp_path / ".草稿" / ".b.md")
    assert checked(".草稿") == [".草稿/a.md"]


def test_the_working_folder_is_not_hidden_by_its_name(tmp_path):
    write(tmp_path / "a.md")
    assert checked(".") == ["a.md"]
    assert checked("./") == ["a.md"]


def test_a_folder_with_nothing_to_check_is_one_error(tmp_path):
    write(tmp_path / "材料" / "图表.png", b"\x89PNG")
    write(tmp_path / "材料" / ".hidden.md")
    assert errors("材料") == [("材料", "no .md, .markdown, .txt or .docx files in this folder")]
    assert errors("材料", include=("*.rst",)) == [("材料", "no files matching *.rst in this folder")]


# --- include / exclude ---------------------------------------------------------


def test_exclude_in_the_config_replaces_the_defaults(tmp_path):
    write(tmp_path / "reportlint.toml", 'exclude = ["旧稿"]\n')
    write(tmp_path / "旧稿" / "a.md")
    write(tmp_path / "新稿" / "旧稿" / "b.md")  # a name without / matches at any depth
    write(tmp_path / ".草稿" / "c.md")  # no longer excluded: exclude replaced the default list
    write(tmp_path / "新稿" / "d.md")
    assert checked(".") == [".草稿/c.md", "新稿/d.md"]


def test_extend_exclude_adds_to_the_defaults_and_paths_are_relative_to_the_config(tmp_path):
    write(tmp_path / "reportlint.toml", 'extend-exclude = ["草稿/*.md", "*.bak.txt"]\n')
    write(tmp_path / "草稿" / "a.md")
    write(tmp_path / "草稿" / "b.txt")
    write(tmp_path / "定稿" / "草稿" / "c.md")  # 草稿/*.md is anchored at the config's folder
    write(tmp_path / "定稿" / "d.bak.txt")
    write(tmp_path / ".hidden" / "e.md")  # the defaults still apply
    assert checked(".") == ["定稿/草稿/c.md", "草稿/b.txt"]
    # the same config found from a subfolder: its globs stay relative to its own folder
    assert checked("草稿") == ["草稿/b.txt"]


def test_include_in_the_config_and_extend_include(tmp_path):
    write(tmp_path / "a.md")
    write(tmp_path / "b.rst")
    write(tmp_path / "c.txt")
    write(tmp_path / "reportlint.toml", 'include = ["*.md"]\nextend-include = ["*.rst"]\n')
    assert checked(".") == ["a.md", "b.rst"]


def test_command_line_globs_replace_or_extend_the_configs(tmp_path):
    write(tmp_path / "reportlint.toml", 'extend-exclude = ["附件"]\n')
    for name in ("附件/a.md", "正文/b.md", "正文/c.txt", ".hidden/d.md"):
        write(tmp_path / name)
    assert checked(".", extend_exclude=("c.txt",)) == ["正文/b.md"]
    # --exclude replaces the config's exclude and the default list, not its extend-exclude
    assert checked(".", exclude=("正文",)) == [".hidden/d.md"]
    assert checked(".", include=("*.txt",)) == ["正文/c.txt"]
    assert checked(".", extend_include=("*.rst",), extend_exclude=("*.txt",)) == ["正文/b.md"]


def test_command_line_path_globs_are_relative_to_the_working_folder(tmp_path, monkeypatch):
    for name in ("项目/正文/a.md", "项目/附件/正文/b.md"):
        write(tmp_path / name)
    monkeypatch.chdir(tmp_path / "项目")
    assert checked(".", extend_exclude=("正文/*",)) == ["附件/正文/b.md"]


def test_cli_flags_are_comma_separated_or_repeated(tmp_path):
    for name in ("a.md", "b.txt", "c.markdown"):
        write(tmp_path / name)
    result = run("check", "--format", "concise", "--extend-exclude", "a.md,b.txt", "--extend-exclude", "c.markdown", ".")
    assert result.exit_code == 2 and "no .md, .markdown, .txt or .docx files in this folder" in result.stderr
    result = run("check", "--format", "concise", "--include", "*.txt", ".")
    assert "b.txt:1:" in result.stdout and "a.md" not in result.stdout


def test_a_folder_config_applies_to_its_own_folder(tmp_path):
    write(tmp_path / "甲" / "reportlint.toml", 'extend-exclude = ["*.txt"]\n')
    for name in ("甲/a.txt", "甲/b.md", "乙/c.txt"):
        write(tmp_path / name)
    assert checked(".") == ["乙/c.txt", "甲/b.md"]


def test_the_config_flag_applies_its_globs_everywhere(tmp_path):
    config = write(tmp_path / "settings" / "team.toml", 'extend-exclude = ["*.txt"]\n')
    for name in ("a.txt", "b.md", "sub/c.txt"):
        write(tmp_path / "docs" / name)
    result = lint_paths(["docs"], Overrides(config_file=config))
    assert [Path(r.path).as_posix() for r in result.files] == ["docs/b.md"]


@pytest.mark.parametrize("toml, fragments", [
    ('exclude = "草稿"\n', ["'exclude' must be a list of strings"]),
    ('respect-gitignore = "yes"\n', ["'respect-gitignore' must be true or false"]),
    ('force-exclud = true\n', ["unknown key 'force-exclud'", "force-exclude"]),
])
def test_malformed_file_settings_are_one_config_error(tmp_path, toml, fragments):
    write(tmp_path / "reportlint.toml", toml)
    write(tmp_path / "a.md")
    result = run("check", "a.md")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    for fragment in fragments:
        assert fragment in result.stderr


# --- files named on the command line ------------------------------------------


def test_a_named_file_is_checked_even_when_excluded_unless_force_exclude(tmp_path):
    write(tmp_path / "reportlint.toml", 'extend-exclude = ["草稿"]\n')
    for name in ("草稿/a.md", "node_modules/pkg/README.md", ".github/说明.md", "b.md", "c.rst"):
        write(tmp_path / name)
    named = ["草稿/a.md", "node_modules/pkg/README.md", ".github/说明.md", "b.md", "c.rst"]
    # ruff's rule: what the user names is checked (c.rst too: include picks files in folders)
    assert checked(*named) == sorted(named)
    # pre-commit names every staged file: --force-exclude skips those a walk would skip,
    # also when a folder above them is excluded
    assert checked(*named, force_exclude=True) == ["b.md", "c.rst"]


def test_force_exclude_from_the_config_and_an_all_excluded_run_is_clean(tmp_path):
    write(tmp_path / "reportlint.toml", 'extend-exclude = ["草稿"]\nforce-exclude = true\n')
    write(tmp_path / "草稿" / "a.md")
    result = run("check", "草稿/a.md")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert run("check", "--no-force-exclude", "草稿/a.md").exit_code == 1


def test_force_exclude_ignores_hidden_folders_above_the_project(tmp_path, monkeypatch):
    # A project that lives in a hidden folder (~/.local/…) is not excluded by ".*":
    # only folders below the working folder (or the config's) count.
    write(tmp_path / ".local" / "项目" / "a.md")
    monkeypatch.chdir(tmp_path / ".local" / "项目")
    assert checked("a.md", force_exclude=True) == ["a.md"]
    assert checked(str(tmp_path / ".local" / "项目" / "a.md"), force_exclude=True) == [
        (tmp_path / ".local" / "项目" / "a.md").as_posix()]


# --- .gitignore -----------------------------------------------------------------


def test_gitignore_files_in_the_walked_tree(tmp_path):
    write(tmp_path / ".gitignore", "输出/\n*.log.txt\n/根.md\n")
    write(tmp_path / "子" / ".gitignore", "!保留.log.txt\n临时*.md\n")
    for name in ("输出/a.md", "b.log.txt", "根.md", "子/根.md", "子/保留.log.txt", "子/临时稿.md",
                 "孙/临时稿.md", "正文.md"):
        write(tmp_path / name)
    assert checked(".") == ["子/保留.log.txt", "子/根.md", "孙/临时稿.md", "正文.md"]
    assert checked(".", respect_gitignore=False) == [
        "b.log.txt", "子/临时稿.md", "子/保留.log.txt", "子/根.md", "孙/临时稿.md", "根.md", "正文.md", "输出/a.md"]


def test_respect_gitignore_false_in_the_config(tmp_path):
    write(tmp_path / ".gitignore", "*.md\n")
    write(tmp_path / "a.md")
    write(tmp_path / "reportlint.toml", "respect-gitignore = false\n")
    assert checked(".") == ["a.md"]
    assert run("check", "--respect-gitignore", ".").exit_code == 2  # the flag wins: nothing left


def test_inside_a_git_repository_the_root_gitignore_and_info_exclude_apply(tmp_path):
    repo = tmp_path / "仓库"
    write(repo / ".git" / "info" / "exclude", "*.draft.md\n")
    write(repo / ".gitignore", "*.log.txt\n")
    write(repo / "docs" / ".gitignore", "!keep.draft.md\n")
    for name in ("a.md", "b.log.txt", "c.draft.md", "keep.draft.md"):
        write(repo / "docs" / "章节" / name)
    # walking a subfolder: the .gitignore files above it, up to the repository's root, count
    assert checked("仓库/docs/章节") == ["仓库/docs/章节/a.md", "仓库/docs/章节/keep.draft.md"]


def test_outside_a_git_repository_gitignore_files_above_the_folder_do_not_apply(tmp_path):
    write(tmp_path / ".gitignore", "*.md\n")  # no .git: not a repository
    write(tmp_path / "docs" / "a.md")
    assert checked("docs") == ["docs/a.md"]


def test_a_folder_named_on_the_command_line_is_walked_even_if_gitignored(tmp_path):
    write(tmp_path / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(tmp_path / ".gitignore", "build/\n*.log.txt\n")
    write(tmp_path / "build" / "a.md")
    write(tmp_path / "build" / "b.log.txt")
    write(tmp_path / "build" / "sub" / "c.md")
    assert errors(".") == [(".", "no .md, .markdown, .txt or .docx files in this folder")]
    assert checked("build") == ["build/a.md", "build/b.log.txt", "build/sub/c.md"]


def test_an_unreadable_gitignore_is_passed_over(tmp_path, monkeypatch):
    write(tmp_path / ".gitignore", "*.md\n")
    write(tmp_path / "a.md")
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path).endswith(".gitignore"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    assert checked(".") == ["a.md"]


# --- symbolic links ---------------------------------------------------------------


@needs_symlinks
def test_symbolic_links_to_files_and_folders_are_followed(tmp_path):
    write(tmp_path / "外部" / "章节" / "a.md")
    write(tmp_path / "外部" / "b.txt")
    write(tmp_path / "报告" / "c.md")
    (tmp_path / "报告" / "链接章节").symlink_to(tmp_path / "外部" / "章节", target_is_directory=True)
    (tmp_path / "报告" / "链接.txt").symlink_to(tmp_path / "外部" / "b.txt")
    assert checked("报告") == ["报告/c.md", "报告/链接.txt", "报告/链接章节/a.md"]


@needs_symlinks
def test_a_link_to_a_file_of_the_same_walk_leaves_it_to_the_real_name(tmp_path):
    # the link sorts first (a.txt < 正文.txt): its findings went under the link, none under the file
    write(tmp_path / "报告" / "正文.txt")
    (tmp_path / "报告" / "a.txt").symlink_to("正文.txt")
    (tmp_path / "报告" / "章节").mkdir()
    (tmp_path / "报告" / "章节" / "上级正文.txt").symlink_to(tmp_path / "报告" / "正文.txt")
    assert checked("报告") == ["报告/正文.txt"]
    # a link named on the command line is checked under that name, as given
    assert checked("报告/a.txt") == ["报告/a.txt"]


@needs_symlinks
def test_a_symbolic_link_loop_is_one_error_and_the_rest_is_checked(tmp_path):
    write(tmp_path / "报告" / "a.md")
    write(tmp_path / "报告" / "章节" / "b.md")
    (tmp_path / "报告" / "章节" / "上级").symlink_to(tmp_path / "报告", target_is_directory=True)
    (tmp_path / "报告" / "自己").symlink_to(tmp_path / "报告" / "自己")  # a link to itself
    (tmp_path / "报告" / "环.md").symlink_to(tmp_path / "报告" / "环.md")
    result = run("check", "--format", "concise", "报告")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [
        "reportlint: error: 报告/环.md: too many levels of symbolic links",
        "reportlint: error: 报告/章节/上级: symbolic link loop: leads back to 报告; not followed",
    ], lines
    assert "报告/a.md:1:24: warning: RL101" in result.stdout and "报告/章节/b.md:1:24: warning: RL101" in result.stdout


@needs_symlinks
def test_broken_links_are_errors_when_they_would_be_checked(tmp_path):
    write(tmp_path / "报告" / "a.md")
    (tmp_path / "报告" / "丢失.md").symlink_to(tmp_path / "不存在.md")
    (tmp_path / "报告" / "图.png").symlink_to(tmp_path / "不存在.png")  # not a document: silent
    (tmp_path / "报告" / "丢失章节").symlink_to(tmp_path / "不存在", target_is_directory=True)
    assert errors("报告") == [("报告/丢失.md", f"broken symbolic link: {tmp_path / '不存在.md'} does not exist")]
    (tmp_path / "named.md").symlink_to("nowhere.md")
    result = run("check", "named.md", "报告/a.md")
    assert result.stderr.splitlines() == ["reportlint: error: named.md: broken symbolic link: nowhere.md does not exist"]
    assert result.exit_code == 2 and "报告/a.md:1:24: warning: RL101" in result.stdout


# --- unreadable folders and files ---------------------------------------------------


def test_folders_a_user_may_not_list_or_search_are_one_error_each(tmp_path, monkeypatch):
    # What a user other than root meets (CI runs as root, which reads anything, so the refusals
    # are simulated): 锁定 has mode 000 (no listing), 只读 mode 444 (listed, but nothing inside
    # can be looked up, not even a config file). Before, the config lookup raised PermissionError.
    write(tmp_path / "报告" / "a.md")
    write(tmp_path / "报告" / "锁定" / "b.md")
    write(tmp_path / "报告" / "只读" / "c.md")
    real_stat, real_scandir = os.stat, os.scandir

    def refused(path) -> bool:
        text = os.fspath(path)
        return f"{os.sep}只读{os.sep}" in text or f"{os.sep}锁定{os.sep}" in text or text.endswith("锁定")

    def stat(path, *args, **kwargs):
        if refused(path) and not os.fspath(path).endswith("锁定"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    def scandir(path="."):
        if refused(path):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "scandir", scandir)
    result = run("check", "--format", "concise", "报告")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert sorted(result.stderr.splitlines()) == [
        "reportlint: error: 报告/只读/c.md: permission denied",
        "reportlint: error: 报告/锁定: cannot read this folder: permission denied",
    ]
    assert "报告/a.md:1:24: warning: RL101" in result.stdout


@pytest.mark.skipif(ROOT_USER or sys.platform == "win32", reason="root reads any folder; Windows has no chmod 000")
def test_an_unreadable_folder_is_one_error_and_the_rest_is_checked(tmp_path):
    write(tmp_path / "报告" / "a.md")
    locked = write(tmp_path / "报告" / "锁定" / "b.md").parent
    locked.chmod(0)
    try:
        assert errors("报告") == [("报告/锁定", "cannot read this folder: permission denied")]
    finally:
        locked.chmod(0o755)


def test_a_folder_that_cannot_be_listed_is_one_error_and_the_rest_is_checked(tmp_path, monkeypatch):
    # As root (CI), chmod 000 denies nothing: the listing is refused here instead.
    write(tmp_path / "报告" / "a.md")
    write(tmp_path / "报告" / "锁定" / "b.md")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "锁定":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    result = run("check", "--format", "concise", "报告")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["reportlint: error: 报告/锁定: cannot read this folder: permission denied"]
    assert "报告/a.md:1:24: warning: RL101" in result.stdout
    assert checked("报告/a.md") == ["报告/a.md"]


def test_an_unreadable_file_found_in_a_folder_is_one_error(tmp_path, monkeypatch):
    write(tmp_path / "报告" / "a.md")
    write(tmp_path / "报告" / "b.md")
    real_open = Path.open

    def open_(self, *args, **kwargs):
        if self.name == "b.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    result = run("check", "--format", "concise", "--jobs", "1", "报告")
    assert result.stderr.splitlines() == ["reportlint: error: 报告/b.md: permission denied"]
    assert result.exit_code == 2 and "报告/a.md:1:24: warning: RL101" in result.stdout


@pytest.mark.skipif(ROOT_USER or sys.platform == "win32", reason="root reads any file; Windows has no chmod 000")
def test_an_unreadable_file_really_denied(tmp_path):
    write(tmp_path / "报告" / "a.md")
    locked = write(tmp_path / "报告" / "b.md")
    locked.chmod(0)
    try:
        assert errors("报告") == [("报告/b.md", "permission denied")]
    finally:
        locked.chmod(0o644)


# --- the globs themselves -----------------------------------------------------------------


@pytest.mark.parametrize("pattern, path, expected", [
    ("草稿", "/p/草稿", True),
    ("草稿", "/p/a/草稿", True),
    ("草稿/", "/p/a/草稿", True),
    ("草稿", "/p/草稿稿", False),
    ("*.bak", "/p/a/b.bak", True),
    ("a/*.md", "/p/a/b.md", True),
    ("a/*.md", "/p/x/a/b.md", False),  # anchored at its root
    ("./a/*.md", "/p/a/b.md", True),
    ("a/*.md", "/elsewhere/a/b.md", False),
    (".*", "/p/.git", True),
    (".*", "/p", False),
])
def test_glob(pattern, path, expected):
    assert discovery.Glob.make(pattern, "/p").matches(path) is expected


def test_include_globs_ignore_case():
    glob = discovery.Glob.make("*.docx", "/p", ignore_case=True)
    assert glob.matches("/p/报告.DOCX") and glob.matches("/p/报告.Docx") and not glob.matches("/p/报告.doc")


def test_the_pre_commit_hooks_skip_excluded_files_that_pre_commit_names(tmp_path):
    yaml = pytest.importorskip("yaml")  # comes with pre-commit, a test extra
    hooks = yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8"))
    staged = [".github/说明.md", "node_modules/pkg/README.md", "报告.md"]
    fixable = "坚持稳中求进,推动高质量发展。\n"  # RL401: a safe fix to full-width
    for hook in hooks:
        for name in staged:
            write(tmp_path / name, fixable)
        entry = hook["entry"].split()
        assert entry[:2] == ["reportlint", "check"] and "--force-exclude" in entry, hook["id"]
        result = run(*entry[1:], "--format", "concise", *staged)
        assert "error" not in result.stderr
        assert ".github" not in result.stdout and "node_modules" not in result.stdout
        for name in staged[:2]:
            assert (tmp_path / name).read_text("utf-8") == fixable, (hook["id"], name)
        if "--fix" in entry:
            assert (tmp_path / "报告.md").read_text("utf-8") == "坚持稳中求进，推动高质量发展。\n"
        else:
            assert "报告.md:1:7: warning: RL401" in result.stdout
