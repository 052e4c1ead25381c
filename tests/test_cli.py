"""The command line: bad input, encodings, stdin, exit codes, output formats,
the rules / rule commands. In-process through click's CliRunner, except where
a real terminal or a real interpreter is the point."""

import codecs
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from running import run

from reportlint import __version__
from reportlint.text import decoding

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"

# A paragraph cut in two by a page break: RL101 at 1:24-1:35, continued at 3:1.
BROKEN = (
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)
CLEAN = (
    "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。\n\n"
    "今年是“十四五”规划收官之年，也是为“十五五”良好开局打牢基础的关键之年，做好政府各项工作意义重大。\n"
)
# RL102 on line 1, RL101 on line 3, RL501 twice on line 5.
THREE_RULES = (
    "上接第3版\n\n"
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。要再接再励，认真布署今年工作。\n"
)
HEADER = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning|info): (?P<code>[A-Z]+\d+) \[(?P<name>[a-z0-9-]+)\] (?P<msg>.+)$")
JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix", "related"}


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py


def write(path, text, encoding="utf-8"):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def assert_one_error_line(result, *fragments):
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("reportlint: error: ")
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in result.stdout + result.stderr


# --- bad input -------------------------------------------------------------


def test_missing_path():
    result = run("check", "不存在的报告.md")
    assert_one_error_line(result, "不存在的报告.md", "no such file or folder")
    assert "All clear" not in result.stdout  # nothing was checked


def test_folder_without_documents(tmp_path):
    write(tmp_path / "材料" / "图表.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "材料" / "说明.pdf", b"%PDF-1.7")
    result = run("check", "材料")
    assert_one_error_line(result, "材料", "no .md, .markdown, .txt or .docx files")


def test_binary_file_named_txt(tmp_path):
    write(tmp_path / "x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00")
    assert_one_error_line(run("check", "x.txt"), "x.txt", "binary file")


def test_file_that_is_neither_utf8_nor_gb18030(tmp_path):
    data = "培育壮大经营主体。".encode() + b"\xff\xff\xff\xff"
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb18030")
    write(tmp_path / "报告.txt", data)
    assert_one_error_line(run("check", "报告.txt"), "报告.txt", "cannot decode", "--encoding")


def test_an_unreadable_file_does_not_stop_the_others(tmp_path):
    write(tmp_path / "a.txt", b"\xff\xff\xff\xff")
    write(tmp_path / "b.txt", BROKEN)
    result = run("check", "a.txt", "b.txt")
    assert_one_error_line(result, "a.txt")
    assert "b.txt:1:24: warning: RL101 [broken-paragraph]" in result.stdout


def test_malformed_toml_config(tmp_path):
    write(tmp_path / "reportlint.toml", 'select = ["RL101"\nignore = []\n')
    write(tmp_path / "报告.txt", CLEAN)
    assert_one_error_line(run("check", "--config", "reportlint.toml", "报告.txt"), "reportlint.toml", "invalid TOML")


def test_unknown_config_key_suggests_the_right_one(tmp_path):
    write(tmp_path / "reportlint.toml", 'selcet = ["RL101"]\n')
    write(tmp_path / "报告.txt", CLEAN)
    assert_one_error_line(run("check", "--config", "reportlint.toml", "报告.txt"),
                          "reportlint.toml", "unknown key 'selcet'", "did you mean 'select'?")


def test_missing_config_file(tmp_path):
    write(tmp_path / "报告.txt", CLEAN)
    assert_one_error_line(run("check", "--config", "没有.toml", "报告.txt"), "没有.toml", "not found")


@pytest.mark.parametrize(("flag", "typo", "suggestion"), [
    ("--select", "broken-paragrph", "broken-paragraph"),
    ("--ignore", "layout-artefact", "layout-artifact"),
    ("--extend-select", "RL1O1", "RL101"),
])
def test_unknown_rule_on_the_command_line_suggests_a_rule(tmp_path, flag, typo, suggestion):
    write(tmp_path / "报告.txt", CLEAN)
    result = run("check", flag, typo, "报告.txt")
    assert_one_error_line(result, f"'{typo}'", flag, f"did you mean '{suggestion}'?")


def test_a_command_line_typo_is_not_blamed_on_the_config_file(tmp_path):
    write(tmp_path / "reportlint.toml", 'ignore = ["RL501"]\n')
    write(tmp_path / "报告.txt", CLEAN)
    result = run("check", "--select", "broken-paragrph", "报告.txt")
    assert_one_error_line(result, "--select", "did you mean 'broken-paragraph'?")
    assert "reportlint.toml" not in result.stderr


def test_unknown_encoding_is_one_error_however_many_files(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    write(tmp_path / "b.txt", CLEAN)
    result = run("check", "--encoding", "gb-18030x", "a.txt", "b.txt")
    assert_one_error_line(result, "--encoding", "unknown encoding 'gb-18030x'")
    assert result.stdout == ""


def test_an_encoding_that_is_no_text_encoding(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    assert_one_error_line(run("check", "--encoding", "base64", "a.txt"), "'base64' is not a text encoding")


def test_file_too_large(tmp_path, monkeypatch):
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 64)
    write(tmp_path / "报告.txt", BROKEN)
    assert_one_error_line(run("check", "报告.txt"), "报告.txt", "file too large")


@pytest.mark.parametrize("name", ["空.txt", "空.md"])
def test_empty_file_is_clean(tmp_path, name):
    write(tmp_path / name, b"")
    result = run("check", name)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == "All clear: no findings in 1 file.\n"


# --- encodings and line endings ------------------------------------------------


def _json_positions(result):
    return [
        (d["line"], d["column"], d["end_line"], d["end_column"], d["code"],
         [(r["line"], r["column"]) for r in d["related"]],
         [(e["line"], e["column"], e["end_line"], e["end_column"]) for e in d["fix"]["edits"]])
        for d in json.loads(result.stdout)
    ]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_every_encoding_gives_the_same_findings_at_the_same_place(tmp_path, suffix):
    variants = {
        "utf8": BROKEN.encode("utf-8"),
        "utf8bom": codecs.BOM_UTF8 + BROKEN.encode("utf-8"),
        "utf16": codecs.BOM_UTF16_LE + BROKEN.encode("utf-16-le"),
        "utf16be": codecs.BOM_UTF16_BE + BROKEN.encode("utf-16-be"),
        "gb18030": BROKEN.encode("gb18030"),
    }
    seen = {}
    for name, data in variants.items():
        write(tmp_path / f"{name}{suffix}", data)
        result = run("check", "--format", "json", f"{name}{suffix}")
        assert result.exit_code == 1, (name, result.stderr)
        seen[name] = _json_positions(result)
    expected = [(1, 24, 1, 35, "RL101", [(3, 1)], [(1, 35, 3, 1)])]
    assert seen == {name: expected for name in variants}


def test_text_output_of_a_gb18030_file_shows_the_decoded_text(tmp_path):
    write(tmp_path / "gb.txt", BROKEN, "gb18030")
    result = run("check", "gb.txt")
    assert "gb.txt:1:24: warning: RL101 [broken-paragraph] 段落在“大力支持民营企业和民营”处中断" in result.stdout
    assert "1 | 培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营" in result.stdout


def test_forced_gb18030(tmp_path):
    write(tmp_path / "gb.txt", BROKEN, "gb18030")
    result = run("check", "--encoding", "gb18030", "--format", "json", "gb.txt")
    assert result.exit_code == 1
    assert _json_positions(result)[0][:4] == (1, 24, 1, 35)


def test_forced_encoding_that_does_not_fit(tmp_path):
    write(tmp_path / "u8.txt", BROKEN)
    assert_one_error_line(run("check", "--encoding", "gb18030", "u8.txt"), "u8.txt", "cannot decode as gb18030")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_lines_and_columns_as_lf(tmp_path, suffix, newline):
    write(tmp_path / f"lf{suffix}", THREE_RULES)
    write(tmp_path / f"other{suffix}", THREE_RULES.replace("\n", newline))
    lf = run("check", "--format", "json", f"lf{suffix}")
    other = run("check", "--format", "json", f"other{suffix}")
    positions = [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"]) for d in json.loads(lf.stdout)]
    assert [p[:3] for p in positions] == [("RL102", 1, 1), ("RL101", 3, 24), ("RL501", 5, 25), ("RL501", 5, 32)]
    assert [(d["code"], d["line"], d["column"], d["end_line"], d["end_column"])
            for d in json.loads(other.stdout)] == positions
    # The excerpt must not show the carriage return.
    assert "\r" not in run("check", f"other{suffix}").stdout


# --- stdin -------------------------------------------------------------------


def test_stdin_with_a_file_name():
    result = run("check", "-", "--stdin-filename", "x.md", input=BROKEN.encode())
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("x.md:1:24: warning: RL101 [broken-paragraph] ")
    data = json.loads(run("check", "--format", "json", "-", "--stdin-filename", "x.md", input=BROKEN.encode()).stdout)
    assert [(d["path"], d["related"][0]["path"]) for d in data] == [("x.md", "x.md")]


def test_stdin_is_decoded_like_a_file():
    result = run("check", "-q", "-", "--stdin-filename", "报告.txt", input=BROKEN.encode("gb18030"))
    assert result.exit_code == 1
    assert result.stdout.startswith("报告.txt:1:24: warning: RL101 ")


def test_stdin_without_a_name_is_shown_as_dash():
    result = run("check", "-q", "-", input=BROKEN.encode())
    assert result.stdout.startswith("-:1:24: warning: RL101 ")


def test_stdin_that_cannot_be_decoded():
    result = run("check", "-", "--stdin-filename", "x.md", input=b"\xff\xff\xff\xff")
    assert_one_error_line(result, "x.md", "cannot decode")


def test_stdin_gets_the_config_of_its_file_name_folder(tmp_path):
    write(tmp_path / "报告" / "reportlint.toml", 'ignore = ["broken-paragraph"]\n')
    result = run("check", "-", "--stdin-filename", "报告/x.md", input=BROKEN.encode())
    assert result.exit_code == 0, result.stdout


# --- exit codes, --statistics, --quiet ----------------------------------------


def test_exit_codes(tmp_path):
    write(tmp_path / "clean.txt", CLEAN)
    write(tmp_path / "broken.txt", BROKEN)
    clean = run("check", "clean.txt")
    assert (clean.exit_code, clean.stdout) == (0, "All clear: no findings in 1 file.\n")
    assert run("check", "broken.txt").exit_code == 1
    assert run("check", "clean.txt", "broken.txt").exit_code == 1
    zero = run("check", "--exit-zero", "broken.txt")
    assert zero.exit_code == 0
    assert "broken.txt:1:24: warning: RL101" in zero.stdout


# A form used the same way three times: one doubled-word finding, of level info.
INFO_ONLY = "推动文旅旅商融合发展。\n\n壮大文旅旅商产业规模。\n\n打造文旅旅商消费品牌。\n"


def test_findings_below_the_fail_level_do_not_fail_the_run(tmp_path):
    write(tmp_path / "info.txt", INFO_ONLY)
    write(tmp_path / "broken.txt", BROKEN)
    default = run("check", "info.txt")
    assert default.exit_code == 0
    assert "info.txt:1:4: info: RL201 [doubled-word]" in default.stdout and "(1 info)" in default.stdout
    assert run("check", "--fail-level", "info", "info.txt").exit_code == 1
    assert run("check", "--fail-level", "warning", "info.txt", "broken.txt").exit_code == 1
    assert run("check", "--fail-level", "error", "info.txt", "broken.txt").exit_code == 0
    assert run("check", "--fail-level", "info", "--exit-zero", "info.txt").exit_code == 0
    assert run("check", "--fail-level", "notice", "info.txt").exit_code == 2


def test_the_config_sets_the_fail_level_per_folder_and_the_flag_wins(tmp_path):
    write(tmp_path / "严格" / "reportlint.toml", 'fail-level = "info"\n')
    write(tmp_path / "严格" / "info.txt", INFO_ONLY)
    write(tmp_path / "宽松" / "info.txt", INFO_ONLY)
    assert run("check", "宽松").exit_code == 0
    assert run("check", "严格").exit_code == 1
    assert run("check", "宽松", "严格").exit_code == 1
    assert run("check", "--fail-level", "warning", "严格").exit_code == 0
    write(tmp_path / "严格" / "reportlint.toml", 'fail-level = "notice"\n')
    bad = run("check", "严格")
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1 and "fail-level" in bad.stderr


def test_an_error_wins_over_findings_and_is_not_all_clear(tmp_path):
    write(tmp_path / "clean.txt", CLEAN)
    result = run("check", "clean.txt", "missing.txt")
    assert result.exit_code == 2
    assert "All clear" not in result.stdout
    assert "1 could not be checked" in result.stdout
    write(tmp_path / "broken.txt", BROKEN)
    assert run("check", "--exit-zero", "broken.txt", "missing.txt").exit_code == 2


def test_statistics_counts_findings_per_rule(tmp_path):
    write(tmp_path / "a.txt", THREE_RULES)
    write(tmp_path / "b.txt", BROKEN)
    result = run("check", "--statistics", "a.txt", "b.txt")
    counts = re.findall(r"^\s*(\d+)\s+(RL\d+)\s+([a-z-]+)$", result.stdout, re.M)
    assert counts == [("2", "RL101", "broken-paragraph"), ("1", "RL102", "layout-artifact"),
                      ("2", "RL501", "confusable-word")]
    assert "Found 5 findings (5 warnings) in 2 files" in result.stdout


def test_quiet_prints_the_header_lines_only(tmp_path):
    write(tmp_path / "a.txt", THREE_RULES)
    result = run("check", "--quiet", "a.txt")
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert all(HEADER.match(line) for line in lines), lines
    assert result.exit_code == 1
    write(tmp_path / "clean.txt", CLEAN)
    quiet_clean = run("check", "-q", "clean.txt")
    assert (quiet_clean.exit_code, quiet_clean.stdout) == (0, "")


# --- JSON --------------------------------------------------------------------


def test_json_contract_on_the_sample():
    result = run("check", "--format", "json", SAMPLE)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert isinstance(data, list) and data
    for item in data:
        assert set(item) == JSON_KEYS
        assert item["path"] == str(SAMPLE)
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(item[key], int) and item[key] >= 1
        assert (item["end_line"], item["end_column"]) > (item["line"], item["column"])
        assert re.fullmatch(r"[A-Z]+\d+", item["code"]) and item["name"] and item["message"]
        assert item["severity"] in ("error", "warning", "info")
        fix = item["fix"]
        assert fix is None or (set(fix) == {"applicability", "edits"} and fix["applicability"] in ("safe", "unsafe"))
        for edit in (fix or {}).get("edits", []):
            assert set(edit) == {"line", "column", "end_line", "end_column", "content"}
            assert isinstance(edit["content"], str)
        assert isinstance(item["related"], list)
        for related in item["related"]:
            assert set(related) == {"path", "line", "column", "message"}
    broken = [d for d in data if d["name"] == "broken-paragraph" and d["line"] == 28]
    assert len(broken) == 1
    assert broken[0]["code"] == "RL101"
    assert [(r["path"], r["line"], r["column"]) for r in broken[0]["related"]] == [(str(SAMPLE), 30, 1)]
    assert broken[0]["fix"]["applicability"] == "unsafe"
    # Sorted by line within the file.
    assert [d["line"] for d in data] == sorted(d["line"] for d in data)


def test_json_of_a_clean_file_is_an_empty_array(tmp_path):
    write(tmp_path / "clean.txt", CLEAN)
    result = run("check", "--format", "json", "clean.txt")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_json_keeps_chinese_readable(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    assert "大力支持民营企业和民营" in run("check", "--format", "json", "a.txt").stdout


# --- text format and colour ----------------------------------------------------


ANSI = "\x1b["


def test_a_long_span_shows_its_opening_only(tmp_path):
    # A pasted paragraph of several hundred characters: the excerpt stays a window.
    paragraph = "加快建设现代化产业体系，坚持以科技创新引领产业创新，大力发展新质生产力。" * 12
    write(tmp_path / "a.txt", f"{paragraph}\n\n{paragraph}\n")
    result = run("check", "--select", "duplicate-paragraph", "a.txt")
    shown = [line for line in result.stdout.splitlines() if line.startswith(("3 |", "  |"))]
    assert shown and all(len(line) < 160 for line in shown), shown
    assert any(line.strip(" |").startswith("^") and line.count("^") == 96 for line in shown)  # 48 wide characters


def test_show_fixes_lists_each_fix_as_before_and_after(tmp_path):
    write(tmp_path / "a.txt", "今年新增新增装机容量100万千瓦,同比增长5%。\n")
    plain = run("check", "a.txt").stdout
    shown = run("check", "--show-fixes", "a.txt").stdout
    assert "修改" not in plain
    assert "= 修改（--fix）：“容量100万千瓦,同比增长5%。⏎” → “容量100万千瓦，同比增长5%。⏎”" in shown
    assert "= 修改（--fix --unsafe-fixes）：“今年新增新增装机容量100万” → “今年新增装机容量100万”" in shown


def test_text_format_header_and_excerpt(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    result = run("check", "a.txt")
    lines = result.stdout.splitlines()
    header = HEADER.match(lines[0])
    assert header and header.group("path", "line", "col", "code", "name") == ("a.txt", "1", "24", "RL101", "broken-paragraph")
    assert lines[1:5] == [
        "  |",
        "1 | 培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营",
        # 21 wide characters and the two quotes (one column each, as in terminals)
        # come before the span; its 11 characters take 22 columns.
        "  | " + " " * (21 * 2 + 2) + "^" * 22,
        "  = 接续的下一段从这里开始 (a.txt:3:1)",
    ]
    assert lines[-1] == "Found 1 finding (1 warning) in 1 file. 1 fixable with --fix --unsafe-fixes."


def test_every_header_line_of_the_sample_has_the_format():
    result = run("check", SAMPLE)
    lines = result.stdout.splitlines()
    excerpt = re.compile(r"^ *\d* [|=]( |$)")  # "   |", "28 | …", "   | ^^^", "   = …"
    headers = [line for line in lines[:-1] if line and not excerpt.match(line)]
    assert len(headers) == len(json.loads(run("check", "--format", "json", SAMPLE).stdout)) > 0
    for line in headers:
        match = HEADER.match(line)
        assert match, line
        assert match.group("path") == str(SAMPLE)
    assert f"{SAMPLE}:28:24: warning: RL101 [broken-paragraph] " in result.stdout
    assert lines[-1].startswith(f"Found {len(headers)} findings")


def test_no_colour_when_not_a_terminal(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    assert ANSI not in run("check", "a.txt").stdout
    assert ANSI not in run("check", "--no-color", "a.txt").stdout


def test_color_flag_forces_colour(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--color", "a.txt")
    assert ANSI in result.stdout
    assert click.unstyle(result.stdout) == run("check", "a.txt").stdout
    assert ANSI in run("check", "--color", "a.txt", env={"NO_COLOR": "1"}).stdout  # the flag wins


def test_force_color_colours_a_pipe_and_the_flag_still_wins(tmp_path, monkeypatch):
    write(tmp_path / "a.txt", BROKEN)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert ANSI in run("check", "a.txt", env={"FORCE_COLOR": "1"}).stdout
    assert ANSI in run("check", "a.txt", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in run("check", "a.txt", env={"FORCE_COLOR": ""}).stdout  # empty: not set
    assert ANSI not in run("check", "--no-color", "a.txt", env={"FORCE_COLOR": "1"}).stdout


def test_no_path_checks_the_working_folder_and_a_file_named_twice_once(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    write(tmp_path / "章节" / "b.md", BROKEN)
    result = run("check", "--format", "concise")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()[:-1]] == ["a.txt", "章节/b.md"]
    twice = run("check", "--format", "concise", "a.txt", ".", "./a.txt", "章节")
    assert [line.split(":")[0] for line in twice.stdout.splitlines()[:-1]] == ["a.txt", "章节/b.md"]
    stdin = run("check", "--format", "concise", "-", "-", input=BROKEN.encode())
    assert stdin.stdout.count("RL101") == 1


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github"])
def test_output_file_takes_the_report_of_every_format(tmp_path, output_format):
    write(tmp_path / "a.txt", BROKEN)
    printed = run("check", "--format", output_format, "a.txt")
    written = run("check", "--format", output_format, "--output-file", "报告/结果.out", "a.txt")
    assert (written.exit_code, written.stdout) == (printed.exit_code, "") == (1, "")
    assert (tmp_path / "报告" / "结果.out").read_text(encoding="utf-8") == printed.stdout


def test_output_file_has_no_colour_unless_asked_and_a_bad_path_is_one_error(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    run("check", "-o", "plain.txt", "a.txt", env={"FORCE_COLOR": "1"})
    assert ANSI not in (tmp_path / "plain.txt").read_text(encoding="utf-8")
    run("check", "--color", "-o", "colour.txt", "a.txt")
    assert ANSI in (tmp_path / "colour.txt").read_text(encoding="utf-8")
    write(tmp_path / "文件", "")
    bad = run("check", "-o", "文件/结果.txt", "a.txt")
    assert bad.exit_code == 2 and bad.stderr.startswith("reportlint: error: --output-file:")
    assert len(bad.stderr.splitlines()) == 1


@pytest.mark.parametrize("flag", ["--statistics", "--quiet"])
@pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
def test_statistics_and_quiet_with_a_machine_format_are_usage_errors(tmp_path, flag, output_format):
    write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--format", output_format, flag, "a.txt")
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"{flag} applies to the text and concise formats" in result.stderr


def test_show_files_lists_what_would_be_checked_and_checks_nothing(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    write(tmp_path / "章节" / "b.md", BROKEN)
    write(tmp_path / "旧稿" / "c.md", BROKEN)
    result = run("check", "--show-files", "--extend-exclude", "旧稿")
    assert (result.exit_code, result.stdout) == (0, "a.txt\n章节/b.md\n")
    missing = run("check", "--show-files", "a.txt", "丢失.md")
    assert (missing.exit_code, missing.stdout) == (2, "a.txt\n")
    assert missing.stderr == "reportlint: error: 丢失.md: no such file or folder\n"


def test_show_settings_names_the_config_and_the_rules_of_each_file(tmp_path):
    write(tmp_path / "reportlint.toml", 'ignore = ["RL1"]\nfail-level = "info"\nallow-words = ["文旅旅商"]\n'
                                        '[rule.duplicate-paragraph]\nthreshold = 0.9\n')
    write(tmp_path / "a.txt", BROKEN)
    result = run("check", "--show-settings", "--extend-select", "RL101", "a.txt")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("a.txt:\n") and f"config file: {tmp_path / 'reportlint.toml'}" in out
    assert "fail-level: info" in out and "allow-words: 文旅旅商" in out
    assert "RL101 broken-paragraph warning" in out and "RL102" not in out
    assert "RL202 duplicate-paragraph warning threshold=0.9" in out


@pytest.mark.parametrize(("words", "expected"), [
    ("reportlint check --for", {"--format", "--force-exclude"}),
    ("reportlint check --select RL10", {"RL101", "RL102", "RL103", "RL104", "RL105"}),
    ("reportlint check --ignore RL101,doub", {"RL101,doubled-word"}),
    ("reportlint check --select abbrev", {"abbreviation-consistency"}),
])
def test_shell_completion_of_options_and_rules(words, expected):
    env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1),
           "_REPORTLINT_COMPLETE": "bash_complete"}
    result = subprocess.run([sys.executable, "-m", "reportlint"], env=env, capture_output=True, text=True, check=False)
    assert {line.split(",", 1)[1] for line in result.stdout.splitlines()} == expected
    script = subprocess.run([sys.executable, "-m", "reportlint"], env={**os.environ, "_REPORTLINT_COMPLETE": "bash_source"},
                            capture_output=True, text=True, check=False)
    assert "_reportlint_completion" in script.stdout


@pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "mkfifo"), reason="POSIX devices and pipes")
def test_devices_and_named_pipes_are_refused_without_reading_them(tmp_path):
    os.mkfifo(tmp_path / "管道.txt")  # opening it would wait for a writer forever
    result = run("check", "/dev/zero", "管道.txt")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines == [f"reportlint: error: {name}: not a regular file (a pipe, device or socket); "
                     "to read standard input, name it -" for name in ("/dev/zero", "管道.txt")]


def test_standard_input_is_read_up_to_the_limit_only(monkeypatch):
    from reportlint.text import decoding

    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 1000)
    result = run("check", "-", input="测试\n".encode() * 1000)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "reportlint: error: -: more than 1,000 bytes (the limit); not read to the end\n"
    assert run("check", "-", input="测试。\n".encode() * 10).exit_code == 0


def _run_on_terminal(args, env_extra, cwd):
    """Run the real command with stdout on a pseudo-terminal; return what it printed."""
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(env_extra)
    process = subprocess.Popen([sys.executable, "-m", "reportlint", *args], stdout=follower,
                               stderr=subprocess.PIPE, cwd=cwd, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait(timeout=60)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_colour_on_a_terminal_unless_no_color(tmp_path):
    write(tmp_path / "a.txt", BROKEN)
    assert ANSI in _run_on_terminal(["check", "a.txt"], {}, tmp_path)
    plain = _run_on_terminal(["check", "a.txt"], {"NO_COLOR": "1"}, tmp_path)
    assert "RL101 [broken-paragraph]" in plain
    assert ANSI not in plain


# --- rules and rule -----------------------------------------------------------


def test_rules_lists_every_rule():
    result = run("rules")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "fixable", "fix", "summary"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["RL101"][:5] == ["RL101", "broken-paragraph", "warning", "sometimes", "--unsafe-fixes"]
    assert rows["RL101"][5] == "段落被分页或粘贴截断"
    assert rows["RL102"][1] == "layout-artifact"
    # what plain --fix applies, and what needs --unsafe-fixes
    assert rows["RL401"][4] == "--fix" and rows["RL403"][4] == "--fix,--unsafe-fixes" and rows["RL103"][4] == "-"
    assert "Its unsafe fixes may change words" in run("rule", "RL201").stdout
    assert "Plain --fix applies its safe fixes" in run("rule", "RL401").stdout


def test_rules_as_json():
    result = run("rules", "--format", "json")
    rows = json.loads(result.stdout)
    assert {"code", "name", "severity", "fixable", "summary"} <= set(rows[0])
    by_code = {row["code"]: row for row in rows}
    assert by_code["RL101"]["name"] == "broken-paragraph"
    assert by_code["RL101"]["severity"] == "warning"
    assert by_code["RL101"]["fixable"] == "sometimes"
    assert by_code["RL101"]["summary"] == "段落被分页或粘贴截断"
    assert by_code["RL102"]["fixable"] == "always"
    assert by_code["RL102"]["fix"] == ["unsafe"] and by_code["RL401"]["fix"] == ["safe"] and by_code["RL103"]["fix"] == []
    assert [row["code"] for row in rows] == sorted(by_code)


@pytest.mark.parametrize("rule", ["RL101", "rl101", "broken-paragraph"])
def test_rule_prints_its_documentation(rule):
    result = run("rule", rule)
    assert result.exit_code == 0
    assert result.stdout.startswith("# RL101 broken-paragraph\n")
    assert "## What it does" in result.stdout
    assert "## Options" in result.stdout
    assert "min-length = 15" in result.stdout


def test_unknown_rule_suggests_one():
    assert_one_error_line(run("rule", "broken-paragrph"), "unknown rule 'broken-paragrph'",
                          "did you mean 'broken-paragraph'?")


def test_version_through_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "reportlint", "--version"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0
    assert out.stdout.strip() == f"reportlint, version {__version__}"


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("check", "rules", "rule"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.M)


def test_ctrl_c_exits_130_with_one_line(monkeypatch, capsys):
    import click
    import pytest

    from reportlint import cli as cli_module

    for interruption in (KeyboardInterrupt, click.exceptions.Abort):
        def interrupted(*args, interruption=interruption, **kwargs):
            raise interruption()

        monkeypatch.setattr(cli_module.cli, "main", interrupted)
        with pytest.raises(SystemExit) as exit_info:
            cli_module.main()
        assert exit_info.value.code == 130  # not click's "Aborted!" and 1, which reads as "findings"
        assert capsys.readouterr().err == "reportlint: interrupted\n"


def test_ctrl_c_while_the_modules_load_is_one_line_too():
    # The interrupt arrives during `from reportlint.cli import …`, before cli.main's handler exists.
    script = ("import builtins, sys\n"
              "real = builtins.__import__\n"
              "def interrupting(name, *args, **kwargs):\n"
              "    if name == 'cli' or name.endswith('.cli'):\n"
              "        raise KeyboardInterrupt\n"
              "    return real(name, *args, **kwargs)\n"
              "builtins.__import__ = interrupting\n"
              "from reportlint.__main__ import main\n"
              "main()\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "reportlint: interrupted\n")


@pytest.mark.parametrize(("args", "message"), [
    (["check", "--foo", "a.txt"], "no such option '--foo'"),
    (["chek"], "no such command 'chek'. Did you mean 'check'?"),
    (["check", "--format", "xml", "a.txt"], "invalid value for '--format'"),
    (["rule"], "missing argument 'RULE'"),
])
def test_usage_errors_are_one_line_in_the_house_style(args, message):
    result = subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True, check=False,
                            env={**os.environ, "REPORTLINT_LANG": "en"})
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("reportlint: error: ") and message in line and line.endswith("--help)")


def test_checking_the_repository_itself_skips_its_data_and_quoted_examples():
    # pyproject.toml's [tool.reportlint]: the 5 MB lexicon, the reviewed findings and the sample
    # are excluded, and the READMEs (which quote defects as examples) have every rule ignored.
    result = run("check", "--format", "concise", ROOT)
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    assert result.stdout.startswith("All clear")
