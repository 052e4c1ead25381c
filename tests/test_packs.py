"""Declarative rule packs: loading, validation errors and user packs from config."""

import textwrap

import pytest
from click.testing import CliRunner

from reportlint.api import lint_text
from reportlint.cli import cli
from reportlint.config import ConfigError, load_config
from reportlint.packs import PackError, builtin_pack_paths, load_pack

GOOD_PACK = """
format = 1
prefix = "ORG"

[[rule]]
code = "ORG101"
name = "preferred-terms"
kind = "substitution"
severity = "info"
summary = "本单位规范表述"
message = "宜用“{expected}”代替“{found}”"
fix = "unsafe"
swap = { "新冠肺炎" = "新冠病毒感染", "农民工工资" = ["劳动报酬", "工资"] }
examples = { bad = ["做好新冠肺炎防控。"], good = ["做好新冠病毒感染防控。"] }

[[rule]]
code = "ORG102"
name = "banned-words"
kind = "existence"
summary = "禁用词"
message = "“{found}”不宜用于正式文件"
words = ["亲自"]
"""


def write(tmp_path, text, name="terms.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_builtin_packs_are_found_from_the_source_tree():
    assert [p.name for p in builtin_pack_paths()] == ["confusable-words.toml"]


def test_user_pack_named_in_config_runs(tmp_path):
    write(tmp_path, GOOD_PACK)
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\nselect = ["ORG"]\n', "reportlint.toml")
    config = load_config(config_path)
    result = lint_text("市长亲自部署新冠肺炎防控。", "a.txt", config)
    assert [(f.code, f.message, f.severity.value) for f in result.findings] == [
        ("ORG102", "“亲自”不宜用于正式文件", "warning"),
        ("ORG101", "宜用“新冠病毒感染”代替“新冠肺炎”", "info"),
    ]
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "--config", str(config_path)])
    assert "ORG101" in listed.stdout and "preferred-terms" in listed.stdout
    shown = runner.invoke(cli, ["rule", "ORG101", "--config", str(config_path)])
    assert "## What it does" in shown.stdout and "新冠肺炎 → 新冠病毒感染" in shown.stdout


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace('format = 1', 'format = 9'), "'format' must be 1"),
        (lambda t: t.replace('prefix = "ORG"', 'prefix = "RL9"'), "prefix RL is reserved"),
        (lambda t: t.replace('code = "ORG102"', 'code = "XYZ102"'), "rule 2 (banned-words): code 'XYZ102' does not start"),
        (lambda t: t.replace('kind = "existence"', 'kind = "regex"'), "rule 2 (banned-words): unknown kind 'regex'"),
        (lambda t: t.replace('swap = {', 'swapp = {'), "unknown key 'swapp' (did you mean 'swap'?)"),
        (lambda t: t.replace('words = ["亲自"]', 'words = []'), "needs a non-empty 'words' list"),
        (lambda t: t.replace('{found}”不宜', '{fund}”不宜'), "message may only use"),
        (lambda t: t.replace('severity = "info"', 'severity = "fatal"'), "unknown severity 'fatal'"),
        (lambda t: t + "\n[[rule]\n", "invalid TOML"),
    ],
)
def test_invalid_packs_are_clear_errors(tmp_path, change, message):
    path = write(tmp_path, change(GOOD_PACK))
    with pytest.raises(PackError) as error:
        load_pack(path)
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_bad_pack_in_config_is_a_one_line_cli_error(tmp_path):
    write(tmp_path, GOOD_PACK.replace('kind = "existence"', 'kind = "regex"'))
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\n', "reportlint.toml")
    report = write(tmp_path, "正文。\n", "a.txt")
    result = CliRunner().invoke(cli, ["check", "--config", str(config_path), str(report)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "unknown kind 'regex'" in result.stderr
    assert "Traceback" not in result.output


def test_missing_pack_is_a_config_error(tmp_path):
    config_path = write(tmp_path, 'rule-packs = ["nowhere.toml"]\n', "reportlint.toml")
    with pytest.raises(ConfigError, match="rule pack not found"):
        load_config(config_path).validate()
