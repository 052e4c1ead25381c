"""Configuration: where it is found, what selects and ignores rules, severities,
rule options, allow-words, and the errors a broken config gives."""

import json
import textwrap
from pathlib import Path

import pytest
from running import run

from reportlint.api import Overrides, lint_paths, lint_text
from reportlint.config import Config, config_for, find_config_file, load_config
from reportlint.errors import ConfigError
from reportlint.planning import Planner

# RL102 on line 1 (上接第3版), RL101 on line 3, RL501 on line 5 (再接再励, 布署).
THREE_RULES = (
    "上接第3版\n\n"
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。要再接再励，认真布署今年工作。\n"
)
ALL_FOUND = ["RL101", "RL102", "RL501"]


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def codes(*paths, **overrides) -> list[str]:
    """The distinct rule codes found in *paths*, sorted."""
    result = lint_paths([str(p) for p in paths], Overrides(**overrides))
    assert not result.errors, [r.error for r in result.errors]
    assert not any(r.crashes for r in result.files)
    return sorted({f.code for f in result.findings})


def assert_config_error(result, *fragments):
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reportlint: error: "), lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in result.stdout + result.stderr


# --- discovery -----------------------------------------------------------------


def test_no_config_runs_every_rule(tmp_path):
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert config_for(tmp_path).path is None
    assert codes(doc) == ALL_FOUND


@pytest.mark.parametrize("name", ["reportlint.toml", ".reportlint.toml"])
def test_config_file_in_the_folder(tmp_path, name):
    write(tmp_path / name, 'select = ["RL101"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == ["RL101"]


def test_pyproject_tool_section(tmp_path):
    write(tmp_path / "pyproject.toml", """\
        [project]
        name = "gongzuo-baogao"

        [tool.reportlint]
        ignore = ["confusable-word"]
    """)
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == ["RL101", "RL102"]


def test_found_from_the_checked_files_folder_upward_nearest_wins(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL102"]\n')
    write(tmp_path / "2026" / "草稿" / ".reportlint.toml", 'select = ["RL501"]\n')
    top = write(tmp_path / "报告.txt", THREE_RULES)
    middle = write(tmp_path / "2026" / "报告.txt", THREE_RULES)
    deep = write(tmp_path / "2026" / "草稿" / "第一稿" / "报告.txt", THREE_RULES)
    assert codes(top) == ["RL102"]
    assert codes(middle) == ["RL102"]  # no config in 2026/: the one above
    assert codes(deep) == ["RL501"]  # 草稿/ is nearer than the top
    # Each file gets its own: checked together, they keep their own configs.
    result = lint_paths([str(deep), str(top)])
    assert sorted((r.path, f.code) for r in result.files for f in r.findings) == sorted(
        [(str(top), "RL102"), (str(deep), "RL501"), (str(deep), "RL501")])


def test_the_config_is_looked_up_for_the_files_folder_not_the_working_folder(tmp_path, monkeypatch):
    write(tmp_path / "a" / "reportlint.toml", 'select = ["RL102"]\n')
    doc = write(tmp_path / "a" / "报告.txt", THREE_RULES)
    write(tmp_path / "b" / "reportlint.toml", 'select = ["RL101"]\n')
    monkeypatch.chdir(tmp_path / "b")
    assert codes(doc) == ["RL102"]


def test_relative_paths_after_a_change_of_folder(tmp_path, monkeypatch):
    # The same relative name "报告.txt" in two folders: the lookup must not be
    # answered from a cache keyed on the relative folder ".".
    for folder, rule in (("a", "RL102"), ("b", "RL101")):
        write(tmp_path / folder / "reportlint.toml", f'select = ["{rule}"]\n')
        write(tmp_path / folder / "报告.txt", THREE_RULES)
    monkeypatch.chdir(tmp_path / "a")
    assert codes("报告.txt") == ["RL102"]
    monkeypatch.chdir(tmp_path / "b")
    assert codes("报告.txt") == ["RL101"]


def test_in_one_folder_reportlint_toml_comes_first(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL101"]\n')
    write(tmp_path / ".reportlint.toml", 'select = ["RL102"]\n')
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["RL501"]\n')
    assert find_config_file(tmp_path) == (tmp_path / "reportlint.toml").resolve()
    (tmp_path / "reportlint.toml").unlink()
    assert find_config_file(tmp_path) == (tmp_path / ".reportlint.toml").resolve()


def test_a_folder_with_two_config_files_warns_which_one_is_used(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL101"]\n')
    write(tmp_path / ".reportlint.toml", 'select = ["RL102"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    result = run("check", "--format", "concise", doc)
    assert [line.split(": ")[2].split()[0] for line in result.stdout.splitlines()[:-1]] == ["RL101"]
    warning = result.stderr.strip()
    assert warning.startswith("reportlint: warning: ") and "reportlint.toml is used" in warning
    assert ".reportlint.toml ignored" in warning and len(result.stderr.splitlines()) == 1


def test_tool_section_in_reportlint_toml_is_a_clear_error(tmp_path):
    write(tmp_path / "reportlint.toml", '[tool.reportlint]\nselect = ["RL101"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "reportlint.toml", "[tool.reportlint] is for pyproject.toml", "top level")


# --- extend: a folder's config on top of another one ----------------------------------


def test_extend_adds_to_the_base_and_replaces_what_it_sets(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL1"]\nextend-select = ["RL501"]\nallow-words = ["民营"]\n')
    write(tmp_path / "草稿" / "reportlint.toml", 'extend = "../reportlint.toml"\nignore = ["layout-artifact"]\n')
    doc = write(tmp_path / "草稿" / "报告.txt", THREE_RULES)
    assert codes(doc) == ["RL101", "RL501"]  # the base's select and extend-select, the draft's ignore
    config = config_for(doc.parent)
    assert config.select == ("RL1",) and config.allow_words == frozenset({"民营"})
    write(tmp_path / "终稿" / "reportlint.toml", 'extend = "../reportlint.toml"\nselect = ["RL5"]\n')
    assert codes(write(tmp_path / "终稿" / "报告.txt", THREE_RULES)) == ["RL501"]  # select replaced


def test_extend_keeps_the_base_globs_relative_to_the_base_folder(tmp_path):
    write(tmp_path / "reportlint.toml", 'per-file-ignores = { "报告/附件/*.txt" = ["RL1"] }\n'
                                        'extend-exclude = ["报告/旧稿"]\n')
    write(tmp_path / "报告" / "reportlint.toml", 'extend = "../reportlint.toml"\n')
    write(tmp_path / "报告" / "附件" / "a.txt", THREE_RULES)
    write(tmp_path / "报告" / "旧稿" / "b.txt", THREE_RULES)
    write(tmp_path / "报告" / "c.txt", THREE_RULES)
    result = lint_paths([str(tmp_path / "报告")])
    found = {(Path(f.path).name, f.code) for f in result.findings}
    assert found == {("a.txt", "RL501"), ("c.txt", "RL101"), ("c.txt", "RL102"), ("c.txt", "RL501")}


@pytest.mark.parametrize(("extend", "fragment"), [
    ('"missing.toml"', "not found"),
    ('3', "'extend' must be the path of another config file"),
    ('"reportlint.toml"', "'extend' makes a loop"),
])
def test_a_bad_extend_is_one_error(tmp_path, extend, fragment):
    write(tmp_path / "reportlint.toml", f"extend = {extend}\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), fragment)


def test_an_extend_chain_that_loops_through_two_files_is_one_error(tmp_path):
    write(tmp_path / "a" / "reportlint.toml", 'extend = "../b/reportlint.toml"\n')
    write(tmp_path / "b" / "reportlint.toml", 'extend = "../a/reportlint.toml"\n')
    assert_config_error(run("check", write(tmp_path / "a" / "报告.txt", THREE_RULES)), "'extend' makes a loop")


def test_pyproject_without_a_reportlint_section_is_skipped(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL102"]\n')
    write(tmp_path / "项目" / "pyproject.toml", """\
        [project]
        name = "baogao"

        [tool.black]
        line-length = 100
    """)
    doc = write(tmp_path / "项目" / "报告.txt", THREE_RULES)
    assert find_config_file(doc.parent) == (tmp_path / "reportlint.toml").resolve()
    assert codes(doc) == ["RL102"]


def test_malformed_pyproject_meant_for_us_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["RL101"\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "pyproject.toml", "invalid TOML")


def test_config_flag_overrides_discovered_config(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL102"]\n')
    chosen = write(tmp_path / "配置" / "严格.toml", 'select = ["RL501"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc, config_file=chosen) == ["RL501"]
    result = run("check", "-q", "--config", chosen, doc)
    assert result.exit_code == 1
    assert {line.split(": ")[2].split()[0] for line in result.stdout.splitlines()} == {"RL501"}


def test_config_flag_may_name_a_pyproject(tmp_path):
    chosen = write(tmp_path / "其他" / "pyproject.toml", '[tool.reportlint]\nignore = ["RL1"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc, config_file=chosen) == ["RL501"]


def test_command_line_select_replaces_the_config_select(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL102"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc, select=("RL101",)) == ["RL101"]
    assert codes(doc, extend_select=("RL501",)) == ["RL102", "RL501"]
    assert codes(doc, ignore=("RL102",), extend_select=("RL101",)) == ["RL101"]


def test_command_line_select_also_drops_the_config_ignore_and_extend_select(tmp_path):
    # As in ruff: --select says exactly what to run.
    write(tmp_path / "reportlint.toml", 'ignore = ["layout-artifact"]\nextend-select = ["RL501"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == ["RL101", "RL501"]
    assert codes(doc, select=("layout-artifact",)) == ["RL102"]
    assert codes(doc, select=("RL1",), ignore=("RL101",)) == ["RL102"]


# --- select, ignore, extend-select ---------------------------------------------


@pytest.mark.parametrize(("table", "expected"), [
    ('select = ["RL101"]', ["RL101"]),
    ('select = ["broken-paragraph", "layout-artifact"]', ["RL101", "RL102"]),
    ('select = ["RL1"]', ["RL101", "RL102"]),
    ('select = ["RL"]', ALL_FOUND),
    ('select = ["ALL"]', ALL_FOUND),
    ('ignore = ["RL5"]', ["RL101", "RL102"]),
    ('ignore = ["layout-artifact", "RL501"]', ["RL101"]),
    ('select = ["RL1"]\nextend-select = ["confusable-word"]', ALL_FOUND),
    ('select = ["RL5"]\nextend-select = ["RL102"]', ["RL102", "RL501"]),
    ('select = []', []),
])
def test_select_ignore_and_extend_select(tmp_path, table, expected):
    write(tmp_path / "reportlint.toml", table + "\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == expected


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    (["RL1"], ["RL101"], ["RL102"]),  # a code is more specific than a prefix
    (["broken-paragraph"], ["RL1"], ["RL101"]),  # a name beats a prefix
    (["RL101"], ["RL"], ["RL101"]),  # a longer prefix beats a shorter one
    (["ALL"], ["RL1"], ["RL501"]),
    (["RL101"], ["broken-paragraph"], []),  # code against name: a tie, ignore wins
    (["RL1"], ["RL1"], []),  # the same selector: ignore wins
])
def test_the_most_specific_selector_wins_and_ignore_wins_a_tie(tmp_path, select, ignore, expected):
    write(tmp_path / "reportlint.toml", f"select = {json.dumps(select)}\nignore = {json.dumps(ignore)}\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == expected


def test_per_file_ignores_with_globs(tmp_path):
    write(tmp_path / "reportlint.toml", """\
        [per-file-ignores]
        "草稿/*.txt" = ["broken-paragraph"]
        "*.md" = ["RL102"]
        "附件/**" = ["RL5"]
    """)
    plain = write(tmp_path / "报告.txt", THREE_RULES)
    draft = write(tmp_path / "草稿" / "第一稿.txt", THREE_RULES)
    markdown = write(tmp_path / "草稿" / "第二稿.md", THREE_RULES)
    annex = write(tmp_path / "附件" / "一" / "说明.txt", THREE_RULES)
    assert codes(plain) == ALL_FOUND
    assert codes(draft) == ["RL102", "RL501"]
    assert codes(markdown) == ["RL101", "RL501"]  # "*.md" matches the file name in any folder
    assert codes(annex) == ["RL101", "RL102"]


def test_per_file_ignores_are_relative_to_the_config_file(tmp_path, monkeypatch):
    write(tmp_path / "reportlint.toml", '[per-file-ignores]\n"草稿/*.txt" = ["RL101"]\n')
    draft = write(tmp_path / "草稿" / "第一稿.txt", THREE_RULES)
    monkeypatch.chdir(draft.parent)
    assert codes("第一稿.txt") == ["RL102", "RL501"]


def test_per_file_ignores_match_where_the_file_is_not_the_name_it_is_shown_by(tmp_path, monkeypatch):
    # A Dask worker (reportlint.archive) is sent the absolute path and the name the user gave,
    # relative to a working folder that is not the worker's.
    write(tmp_path / "reportlint.toml", '[per-file-ignores]\n"草稿/*.txt" = ["RL101"]\n')
    draft = write(tmp_path / "草稿" / "第一稿.txt", THREE_RULES)
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    plan = Planner().plan(draft.resolve(), "草稿/第一稿.txt")
    assert plan.display == "草稿/第一稿.txt"
    assert "RL101" not in {meta.code for meta, _, _ in plan.rules} and "RL102" in {meta.code for meta, _, _ in plan.rules}


# --- severity --------------------------------------------------------------------


def _severities(doc) -> dict[str, str]:
    result = run("check", "--format", "json", doc)
    return {item["code"]: item["severity"] for item in json.loads(result.stdout)}


def test_severity_overrides_change_the_json_severity(tmp_path):
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert _severities(doc) == {"RL101": "warning", "RL102": "warning", "RL501": "warning"}
    write(tmp_path / "reportlint.toml", """\
        [severity]
        RL1 = "error"
        layout-artifact = "info"
    """)
    # The name is more specific than the prefix; RL501 keeps its default.
    assert _severities(doc) == {"RL101": "error", "RL102": "info", "RL501": "warning"}


def test_unknown_severity_is_an_error(tmp_path):
    write(tmp_path / "reportlint.toml", '[severity]\nRL101 = "fatal"\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "reportlint.toml", "unknown severity 'fatal'")


# --- rule options -----------------------------------------------------------------


def test_rule_option_changes_behaviour(tmp_path):
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert "RL101" in codes(doc)
    # The cut paragraph is 34 characters long: with min-length 100 it is not taken for body text.
    write(tmp_path / "reportlint.toml", "[rule.broken-paragraph]\nmin-length = 100\n")
    assert codes(doc) == ["RL102", "RL501"]


def test_rule_options_by_code(tmp_path):
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    config = Config(select=("RL101",), rule_options=(("RL101", (("min-length", 100),)),))
    assert lint_text(THREE_RULES, str(doc), config).findings == []
    config = Config(select=("RL101",), rule_options=(("RL101", (("min-length", 30),)),))
    assert [f.code for f in lint_text(THREE_RULES, str(doc), config).findings] == ["RL101"]


def test_unknown_option_suggests_the_right_one(tmp_path):
    write(tmp_path / "reportlint.toml", "[rule.broken-paragraph]\nmin-lenght = 100\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "reportlint.toml", "unknown option 'min-lenght'",
                        "did you mean 'min-length'?")


@pytest.mark.parametrize("value", ['"100"', "100.5", "true", "[100]"])
def test_option_of_the_wrong_type(tmp_path, value):
    write(tmp_path / "reportlint.toml", f"[rule.broken-paragraph]\nmin-length = {value}\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "reportlint.toml", "option 'min-length' of rule broken-paragraph must be int")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_an_option_that_is_no_finite_number_is_an_error(tmp_path, value):
    write(tmp_path / "reportlint.toml", f"[rule.duplicate-paragraph]\nthreshold = {value}\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "option 'threshold' of rule duplicate-paragraph must be a finite number")


def _numeric_options():
    from dataclasses import fields

    from reportlint.registry import build_registry

    for meta in build_registry():
        for option in fields(meta.options):
            if isinstance(option.default, (int, float)) and not isinstance(option.default, bool):
                yield pytest.param(meta, option, id=f"{meta.name}.{option.name}")


@pytest.mark.parametrize("meta, option", list(_numeric_options()))
def test_every_numeric_option_declares_its_range_and_refuses_values_outside(tmp_path, meta, option):
    # min-length = -5 or whole-file-share = 2.5 silently turned a rule off or made it fire on everything
    low, high = option.metadata.get("min"), option.metadata.get("max")
    assert low is not None, f"{meta.name}: option {option.name} declares no minimum"
    assert low <= option.default and (high is None or option.default <= high)
    key = option.name.replace("_", "-")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    outside = [low - 1 if isinstance(option.default, int) else low - 0.25] + ([high + 0.5] if high is not None else [])
    for value in [*outside, option.default]:
        write(tmp_path / "reportlint.toml", f"[rule.{meta.name}]\n{key} = {value!r}\n")
        if value != option.default:
            assert_config_error(run("check", doc), "reportlint.toml", f"option '{key}' of rule {meta.name} must be")
    result = run("check", doc)
    assert result.exit_code in (0, 1), result.stderr


def test_options_for_an_unknown_rule(tmp_path):
    write(tmp_path / "reportlint.toml", "[rule.broken-paragrap]\nmin-length = 10\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert_config_error(run("check", doc), "unknown rule 'broken-paragrap'", "did you mean 'broken-paragraph'?")


# --- allow-words ------------------------------------------------------------------


def test_allow_words_silence_a_finding_inside_them(tmp_path):
    write(tmp_path / "reportlint.toml", 'allow-words = ["上接第3版"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    assert codes(doc) == ["RL101", "RL501"]


def test_allow_words_must_cover_the_whole_span(tmp_path):
    # "上接第3" lies inside the finding's span "上接第3版", not the other way round.
    write(tmp_path / "reportlint.toml", 'allow-words = ["上接第3", "再接再励"]\n')
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    result = lint_paths([str(doc)])
    assert sorted((f.code, f.line, f.column) for f in result.findings) == [
        ("RL101", 3, 24), ("RL102", 1, 1), ("RL501", 5, 32)]  # 布署 is still reported


def test_allow_words_in_the_api_config():
    config = Config(allow_words=frozenset({"布署"}))
    found = lint_text(THREE_RULES, "报告.txt", config).findings
    [finding] = [f for f in found if f.code == "RL501"]  # 布署 is allowed; 再接再励 is not
    assert finding.message.startswith("“再接再励”应为“再接再厉”")


# --- malformed configs --------------------------------------------------------------


@pytest.mark.parametrize(("toml", "fragments"), [
    ('selcet = ["RL101"]', ("unknown key 'selcet'", "did you mean 'select'?")),
    ('extend_select = ["RL101"]', ("unknown key 'extend_select'", "did you mean 'extend-select'?")),
    ('select = "RL101"', ("'select' must be a list of strings",)),
    ('ignore = [101]', ("'ignore' must be a list of strings",)),
    ('select = ["RL9"]', ("unknown rule or prefix 'RL9' in select",)),
    ('ignore = ["layout-artefact"]', ("in ignore", "did you mean 'layout-artifact'?")),
    ('per-file-ignores = ["*.md"]', ("'per-file-ignores' must be a table",)),
    ('[per-file-ignores]\n"*.md" = "RL101"', ("per-file-ignores '*.md' must be a list",)),
    ('[per-file-ignores]\n"*.md" = ["RL99"]', ("unknown rule or prefix 'RL99' in per-file-ignores '*.md'",)),
    ('[severity]\nRL101 = 2', ("severity of 'RL101' must be error, warning or info",)),
    ('[severity]\nbroken-paragrph = "error"', ("in severity", "did you mean 'broken-paragraph'?")),
    ('rule = 1', ("'rule' must be a table",)),
    ('[rule]\nbroken-paragraph = 100', ("[rule.broken-paragraph] must be a table of options",)),
    ('select = [\n', ("invalid TOML",)),
])
def test_malformed_config_is_one_clear_error(tmp_path, toml, fragments):
    path = write(tmp_path / "reportlint.toml", toml + "\n")
    doc = write(tmp_path / "报告.txt", THREE_RULES)
    with pytest.raises(ConfigError) as caught:
        load_config(path).validate()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    # The file is named once, not again in every label.
    assert message.count(str(path)) == 1
    for fragment in fragments:
        assert fragment in message
    assert_config_error(run("check", doc), *fragments)


def test_rules_command_reads_the_config_of_the_working_folder(tmp_path):
    write(tmp_path / "reportlint.toml", 'selcet = ["RL101"]\n')
    assert_config_error(run("rules"), "unknown key 'selcet'")


def test_config_for_names_the_file_it_came_from(tmp_path):
    write(tmp_path / ".reportlint.toml", 'ignore = ["RL5"]\n')
    (tmp_path / "章节").mkdir()
    config = config_for(tmp_path / "章节")
    assert config.path == (tmp_path / ".reportlint.toml").resolve()
    assert config.ignore == ("RL5",)
    assert config.select == ("ALL",)
