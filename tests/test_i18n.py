"""reportlint's own words in English or Chinese (reportlint.i18n): which language is chosen,
what is said in Chinese, what never is (the machine formats, the level words), and that the
catalog has every English text the code shows, with the same named values on both sides."""

import ast
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from running import run

from reportlint import i18n
from reportlint.cli_language import wrap_wide
from reportlint.errors import InputError
from reportlint.i18n import EN, ZH_CN, Message, from_environment, localize, message_of, placeholders
from reportlint.output.text_format import width
from reportlint.text.decoding import decode

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
DOUBLED = "新增新增装机100万千瓦以上。\n"
LOCALE = ("REPORTLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def env(**values):
    """An environment with exactly these language variables (the others removed)."""
    return {name: values.get(name) for name in LOCALE}


# --- which language ----------------------------------------------------------------------


@pytest.mark.parametrize("environ, expected", [
    ({}, EN),
    ({"LANG": "zh_CN.UTF-8"}, ZH_CN),
    ({"LANG": "zh_CN.GB18030"}, ZH_CN),
    ({"LANG": "zh_TW.UTF-8"}, ZH_CN),
    # CI machines: English
    ({"LANG": "C.UTF-8"}, EN),
    ({"LANG": "en_US.UTF-8"}, EN),
    ({"LANG": "C"}, EN),
    ({"LANG": "POSIX"}, EN),
    # LC_MESSAGES over LANG, LC_ALL over both: the first one set decides, as POSIX reads them
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, ZH_CN),
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, EN),
    ({"LC_ALL": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, EN),
    ({"LC_ALL": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8", "LANG": "C"}, ZH_CN),
    # an empty variable is not set
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}, ZH_CN),
    # REPORTLINT_LANG over the locale
    ({"REPORTLINT_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, EN),
    ({"REPORTLINT_LANG": "zh-CN", "LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, ZH_CN),
    ({"REPORTLINT_LANG": "zh_CN", "LANG": "C"}, ZH_CN),
    ({"REPORTLINT_LANG": "", "LANG": "zh_CN.UTF-8"}, ZH_CN),
])
def test_the_environment_chooses_reportlint_lang_then_lc_all_then_lc_messages_then_lang(environ, expected):
    assert from_environment(environ) == expected


def test_windows_without_locale_variables_asks_the_system(monkeypatch):
    for name in LOCALE:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(i18n.sys, "platform", "win32")
    monkeypatch.setattr("locale.getlocale", lambda *_: ("Chinese (Simplified)_China", "936"))
    assert from_environment() == ZH_CN
    monkeypatch.setattr("locale.getlocale", lambda *_: ("English_United States", "1252"))
    assert from_environment() == EN
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # a variable that is set still decides
    monkeypatch.setattr("locale.getlocale", lambda *_: ("Chinese (Simplified)_China", "936"))
    assert from_environment() == EN


FOUND_EN = "Found 1 finding (1 warning) in 1 file. 1 fixable with --fix --unsafe-fixes."
FOUND_ZH = "检查了 1 个文件，发现 1 个问题（1 个警告）。其中 1 个可用 --fix --unsafe-fixes 修复。"


@pytest.mark.parametrize("args, environ, expected", [
    # the flag, on the command or before it, over everything
    (["check", "--lang", "en"], env(REPORTLINT_LANG="zh-CN", LC_ALL="zh_CN.UTF-8"), FOUND_EN),
    (["check", "--lang", "zh-CN"], env(REPORTLINT_LANG="en", LC_ALL="C.UTF-8"), FOUND_ZH),
    (["--lang", "zh-CN", "check"], env(REPORTLINT_LANG="en"), FOUND_ZH),
    (["--lang", "zh-CN", "check", "--lang", "en"], env(), FOUND_EN),  # the command's flag is the later one
    (["check", "--lang", "zh-cn"], env(), FOUND_ZH),
    (["check", "--lang", "zh_CN"], env(), FOUND_ZH),
    # then REPORTLINT_LANG, then LC_ALL, LC_MESSAGES, LANG
    (["check"], env(REPORTLINT_LANG="zh-CN", LC_ALL="C.UTF-8"), FOUND_ZH),
    (["check"], env(REPORTLINT_LANG="en", LANG="zh_CN.UTF-8"), FOUND_EN),
    (["check"], env(LC_ALL="zh_CN.UTF-8", LANG="en_US.UTF-8"), FOUND_ZH),
    (["check"], env(LC_ALL="C.UTF-8", LANG="zh_CN.UTF-8"), FOUND_EN),
    (["check"], env(LC_MESSAGES="zh_CN.UTF-8", LANG="C.UTF-8"), FOUND_ZH),
    (["check"], env(LANG="zh_CN.UTF-8"), FOUND_ZH),
    # else English: CI's C.UTF-8 and en_US.UTF-8 too
    (["check"], env(LANG="C.UTF-8"), FOUND_EN),
    (["check"], env(LANG="en_US.UTF-8"), FOUND_EN),
    (["check"], env(), FOUND_EN),
])
def test_the_command_line_follows_the_choice_order(tmp_path, args, environ, expected):
    report = tmp_path / "报告.txt"
    report.write_text(DOUBLED, encoding="utf-8")
    result = run(*args, report, env=environ)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == expected


def test_the_flag_lasts_for_its_run(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text(DOUBLED, encoding="utf-8")
    assert run("check", "--lang", "zh-CN", report, env=env()).stdout.splitlines()[-1] == FOUND_ZH
    assert i18n.current() == EN  # what runs next in this process (the API, another test) speaks English
    assert run("check", report, env=env()).stdout.splitlines()[-1] == FOUND_EN


def test_an_unknown_language_is_a_usage_error():
    result = run("check", "--lang", "fr", SAMPLE)
    assert result.exit_code == 2
    assert "'fr' is not one of en, zh-CN" in result.stderr


# --- what is said in Chinese ---------------------------------------------------------------


def test_the_summary_of_the_sample_in_chinese_keeps_the_level_words_in_english():
    result = run("check", "--lang", "zh-CN", SAMPLE)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == ("检查了 1 个文件，发现 15 个问题（13 个警告，2 个提示）。"
                         "其中 1 个可用 --fix 修复，另有 10 个可用 --fix --unsafe-fixes 修复。")
    # editors' problem matchers read "warning:" and "info:"
    assert re.search(r":28:24: warning: RL101 \[broken-paragraph\] ", result.stdout)
    assert re.search(r":32:183: info: RL201 \[doubled-word\] ", result.stdout)
    concise = run("check", "--lang", "zh-CN", "--format", "concise", SAMPLE).stdout.splitlines()
    assert concise[-1] == lines[-1]
    assert all(": warning: " in line or ": info: " in line for line in concise[:-1])


def test_all_clear_and_unchecked_files_in_chinese(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("现在，我代表市人民政府，向大会报告政府工作。\n", encoding="utf-8")
    assert run("check", "--lang", "zh-CN", clean).stdout == "全部通过：检查了 1 个文件，没有发现问题。\n"
    result = run("check", "--lang", "zh-CN", clean, tmp_path / "没有.txt")
    assert result.stdout == "检查了 1 个文件（另有 1 个无法检查），没有发现问题。\n"


def test_english_counts_say_finding_and_findings(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text(DOUBLED + "坚定不移不移走城市内涵式发展道路。\n", encoding="utf-8")
    assert run("check", "--lang", "en", report).stdout.splitlines()[-1] == (
        "Found 2 findings (2 warnings) in 1 file. 2 fixable with --fix --unsafe-fixes.")
    assert run("check", "--lang", "zh-CN", report).stdout.splitlines()[-1] == (
        "检查了 1 个文件，发现 2 个问题（2 个警告）。其中 2 个可用 --fix --unsafe-fixes 修复。")


@pytest.mark.parametrize("make, english, chinese", [
    (lambda folder: folder / "没有.txt", "{p}: no such file or folder", "{p}: 文件或文件夹不存在"),
    (lambda folder: _write(folder / "图.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
     "{p}: binary file (PNG image), not a text document; save it as plain text (.txt)",
     "{p}: 二进制文件（PNG 图片），不是文本文档；请另存为纯文本（.txt）"),
    (lambda folder: _write(folder / "繁体.txt", "政府工作報告，經濟發展穩中向好，民生福祉持續增進。\n".encode("big5")),
     "{p}: cannot decode: looks like Big5 (traditional Chinese), which is not detected automatically; "
     "use --encoding big5",
     "{p}: 无法解码：看起来是 Big5（繁体中文）编码，不会自动识别；请用 --encoding big5"),
    (lambda folder: _write(folder / "混合.txt", "第一段文字内容。\n".encode() + "第二段文字内容。\n".encode("gb18030")),
     "{p}: cannot decode: mixed encodings, UTF-8 text up to invalid byte 0xB5 at offset 25, line 2 and "
     "GB18030 text from there; save the file in one encoding (or use --encoding to read it all as one)",
     "{p}: 无法解码：编码混杂，前面是 UTF-8 文本，从无效字节 0xB5（偏移量 25，第 2 行）起是 GB18030 文本；"
     "请把文件保存为同一种编码（或用 --encoding 按一种编码读取全部内容）"),
    (lambda folder: _folder(folder / "空"), "{p}: no .md, .markdown, .txt or .docx files in this folder",
     "{p}: 此文件夹中没有 .md、.markdown、.txt 或 .docx 文件"),
    (lambda folder: _write(folder / "坏.docx", b"PK\x03\x04 not a zip"),
     "{p}: not a Word .docx file (broken zip archive: File is not a zip file)",
     "{p}: 不是 Word .docx 文件（zip 压缩包已损坏：File is not a zip file）"),
    (lambda folder: _write(folder / "旧.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100),
     "{p}: an old Word 97-2003 .doc file, not .docx: open it in Word or WPS and save it as .docx",
     "{p}: 旧版 Word 97-2003 .doc 文件，不是 .docx：请用 Word 或 WPS 打开，另存为 .docx"),
])
def test_an_error_line_in_chinese_keeps_paths_offsets_and_options_and_exits_2(tmp_path, make, english, chinese):
    path = make(tmp_path)
    for language, expected in (("en", "reportlint: error: " + english), ("zh-CN", "reportlint: 错误：" + chinese)):
        result = run("check", "--lang", language, path)
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [expected.format(p=path)]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def test_a_huge_file_is_refused_in_chinese():
    with pytest.raises(InputError) as caught:
        decode(b"x" * (i18n_limit() + 1))
    message = message_of(caught.value)
    assert message == f"file too large ({i18n_limit() + 1:,} bytes; the limit is {i18n_limit():,} bytes)"
    assert message.localized(ZH_CN) == f"文件太大（{i18n_limit() + 1:,} 字节；上限为 {i18n_limit():,} 字节）"


def i18n_limit() -> int:
    from reportlint.text.decoding import MAX_FILE_BYTES

    return MAX_FILE_BYTES


@pytest.mark.parametrize("config, english, chinese", [
    ('selct = ["RL1"]\n', "unknown key 'selct' (did you mean 'select'?)", "未知的键 'selct'（是否应为 'select'？）"),
    ('select = ["RL999"]\n', "unknown rule or prefix 'RL999' in select", "select 中有未知的规则或前缀 'RL999'"),
    ('ignore = ["doubled-words"]\n', "unknown rule or prefix 'doubled-words' in ignore (did you mean 'doubled-word'?)",
     "ignore 中有未知的规则或前缀 'doubled-words'（是否应为 'doubled-word'？）"),
    ("select = [\n", "invalid TOML: ", "TOML 格式错误："),
    ('fail-level = "loud"\n', "'fail-level' must be error, warning or info, got 'loud'",
     "'fail-level' 必须是 error、warning 或 info，实际为 'loud'"),
    ("[rule.doubled-word]\nbogus = 1\n", "unknown option 'bogus' for rule doubled-word",
     "规则 doubled-word 没有选项 'bogus'"),
])
def test_config_errors_in_chinese(tmp_path, monkeypatch, config, english, chinese):
    monkeypatch.chdir(tmp_path)
    Path("reportlint.toml").write_text(config, encoding="utf-8")
    Path("报告.txt").write_text(DOUBLED, encoding="utf-8")
    for language, expected in (("en", f"reportlint: error: {tmp_path / 'reportlint.toml'}: {english}"),
                               ("zh-CN", f"reportlint: 错误：{tmp_path / 'reportlint.toml'}: {chinese}")):
        result = run("check", "--lang", language, "报告.txt")
        assert result.exit_code == 2
        assert result.stderr.startswith(expected), result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_flag_errors_in_chinese(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text(DOUBLED, encoding="utf-8")
    cases = [
        (["--select", "RL9"], "reportlint: 错误：--select 中有未知的规则或前缀 'RL9'（是否应为 'RL309'？）"),
        (["--encoding", "foo"], "reportlint: 错误：--encoding: 未知的编码 'foo'"),
        (["--format", "json", "--statistics"], "reportlint: 错误：--statistics 只适用于 text 和 concise 格式，不适用于 json"),
        (["--baseline", tmp_path / "没有.json"], f"reportlint: 错误：--baseline: 基线文件 {tmp_path / '没有.json'}：文件不存在"),
        (["--write-baseline", "b.json", "--diff"], "reportlint: 错误：--write-baseline 不能与 --diff 同时使用"),
    ]
    for flags, expected in cases:
        result = run("check", "--lang", "zh-CN", *flags, report)
        assert (result.exit_code, result.stderr.splitlines()) == (2, [expected])
    # the reason is the system's (a file where a folder should be)
    result = run("check", "--lang", "zh-CN", "--output-file", report / "报告.out", report)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reportlint: 错误：--output-file: 无法写入 {report / '报告.out'}：")
    assert run("rule", "--lang", "zh-CN", "RL9").stderr == "reportlint: 错误：未知的规则 'RL9'（是否应为 'RL309'？）\n"


def test_fix_and_baseline_notes_in_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("报告.txt").write_text(DOUBLED, encoding="utf-8")
    Path("说明.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = run("check", "--lang", "zh-CN", "--fix", "--unsafe-fixes", "报告.txt")
    assert result.stdout == "全部通过：检查了 1 个文件，没有发现问题。\n已修复 1 个文件中的 1 个问题。\n"
    assert run("check", "--lang", "zh-CN", "--diff", "报告.txt").stderr == "没有可应用的修复。\n"
    Path("报告.txt").write_text(DOUBLED, encoding="utf-8")
    diff = run("check", "--lang", "zh-CN", "--diff", "--unsafe-fixes", "报告.txt")
    assert diff.stderr == "--fix 将修复 1 个文件中的 1 个问题。\n"
    written = run("check", "--lang", "zh-CN", "--write-baseline", "基线.json", "报告.txt")
    assert (written.exit_code, written.stderr) == (0, "已将 1 个问题写入 基线.json。\n")
    shown = run("check", "--lang", "zh-CN", "--baseline", "基线.json", "报告.txt")
    assert shown.stdout == "全部通过：检查了 1 个文件，没有发现问题。\n基线.json 中记录的 1 个问题未显示。\n"


def test_rules_and_rule_in_chinese():
    lines = run("rules", "--lang", "zh-CN").stdout.splitlines()
    assert lines[0].split() == ["代码", "名称", "级别", "可修复", "修复方式", "说明"]
    # the columns line up on a terminal: the summaries start in one column
    starts = {width(line[:line.index(line.split()[5])]) for line in lines[:5]}
    assert len(starts) == 1
    english = run("rules", "--lang", "en").stdout.splitlines()
    assert english[0].split() == ["code", "name", "severity", "fixable", "fix", "summary"]
    assert [line.split()[:3] for line in english[1:]] == [line.split()[:3] for line in lines[1:]]
    rule = run("rule", "--lang", "zh-CN", "RL101").stdout
    assert "默认级别：warning。可修复：部分。来源：builtin。" in rule


def test_the_help_in_chinese_fits_an_80_column_terminal():
    for args, environ in ((["check", "--lang", "zh-CN", "--help"], env()),
                          (["check", "--help"], env(REPORTLINT_LANG="zh-CN")),
                          (["--help"], env(LANG="zh_CN.UTF-8"))):
        result = run(*args, env=environ)
        assert result.exit_code == 0
        assert result.stdout.startswith("用法：")
        assert "选项：" in result.stdout and "显示本帮助并退出。" in result.stdout
        assert all(width(line) <= 80 for line in result.stdout.splitlines()), result.stdout
    check = run("check", "--help", env=env(REPORTLINT_LANG="zh-CN")).stdout
    assert "输出格式（默认：text）。" in check
    assert "extend-select" in check  # never broken at its hyphen
    english = run("check", "--help", env=env(LANG="C.UTF-8")).stdout
    assert english.startswith("Usage: ") and "check [OPTIONS] [PATHS]..." in english.splitlines()[0]
    assert "Options:" in english and "Output format (default: text)." in english


def test_wide_text_is_wrapped_between_ideographs_not_inside_words_or_before_punctuation():
    text = "要运行的规则（代码、名称或前缀，以逗号分隔）；取代配置中的 select、extend-select 和 ignore。"
    for columns in range(len("extend-select "), 60):  # the longest word fits
        lines = wrap_wide(text, columns)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(width(line) <= columns for line in lines)
        assert not any(line[0] in "，、；。）" for line in lines)
        assert not any(line.endswith("（") for line in lines)
        assert not any(line.endswith("extend-") for line in lines)


# --- what is never translated ----------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
def test_machine_formats_are_the_same_bytes_in_both_languages(tmp_path, monkeypatch, output_format):
    monkeypatch.chdir(tmp_path)
    Path("报告.txt").write_text(DOUBLED, encoding="utf-8")
    Path("图.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # errors are in SARIF and GitHub output too
    outputs = [run("check", "--lang", language, "--format", output_format, "报告.txt", "图.txt", "没有.txt",
                   SAMPLE).stdout_bytes for language in ("en", "zh-CN")]
    assert outputs[0] == outputs[1]
    assert b"binary file (PNG image)" in outputs[0] or output_format == "json"


def test_the_rule_messages_are_not_touched():
    en = run("check", "--lang", "en", "--format", "concise", "-q", SAMPLE).stdout
    zh = run("check", "--lang", "zh-CN", "--format", "concise", "-q", SAMPLE).stdout
    assert en == zh


def test_a_message_is_its_english_text_and_survives_pickling():
    message = Message("cannot decode as {encoding}: invalid byte at offset {offset}", encoding="gb18030", offset=7)
    assert message == "cannot decode as gb18030: invalid byte at offset 7"
    assert f"{message}" == message and str(message) == message
    again = pickle.loads(pickle.dumps(message))
    assert type(again) is Message and again == message
    assert again.localized(ZH_CN) == "无法按 gb18030 解码：偏移量 7 处有无效字节"
    assert localize(message, ZH_CN) == again.localized(ZH_CN)
    # a value that is a Message is translated with it
    nested = Message("{path}: {what} not found", path="a.toml", what=Message("config file"))
    assert (nested, localize(nested, ZH_CN)) == ("a.toml: config file not found", "a.toml: 找不到配置文件")
    # a plain text is translated only when it is an entry without values (parse.py's "is a directory")
    assert localize("is a directory", ZH_CN) == "是文件夹，不是文件"
    assert localize("报告.txt", ZH_CN) == "报告.txt"
    assert message_of(InputError(message)) is message
    assert message_of(ValueError("plain")) == "plain"


# --- the catalog -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(i18n.CATALOGS))
def test_every_translation_names_the_same_values_as_its_english(language):
    for english, translated in i18n.CATALOGS[language].items():
        assert placeholders(english) == placeholders(translated), (english, translated)
        assert translated.strip(), english
    for singular, plural in i18n.PLURALS.items():
        assert placeholders(singular) == placeholders(plural) == {"count"}, singular


#: The functions whose first argument is an English text to show: t("…"), tn("…", n),
#: N_("…") (translated where shown) and Message("…").
SHOWN = {"t", "tn", "N_", "Message"}


def shown_texts() -> dict[str, list[str]]:
    """Every English text passed to t, tn, N_ or Message in reportlint/, with where."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "reportlint").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in SHOWN:
                continue
            first = node.args[0]
            choices = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
            assert not isinstance(first, ast.JoinedStr), f"{path.name}:{node.lineno}: an f-string is no template"
            for choice in choices:
                if isinstance(choice, ast.Constant) and isinstance(choice.value, str):
                    found.setdefault(choice.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


def test_every_english_text_the_code_shows_is_in_the_catalog():
    found = shown_texts()
    assert len(found) > 150  # the scan sees the calls
    for language, catalog in i18n.CATALOGS.items():
        missing = {text: where for text, where in found.items() if text not in catalog}
        assert not missing, f"not translated to {language}: {missing}"
    plural = {text for text, where in found.items() if any(w.endswith(" tn") for w in where)}
    assert plural <= set(i18n.PLURALS)


def test_every_catalog_entry_is_used():
    found = shown_texts()
    for language, catalog in i18n.CATALOGS.items():
        assert not set(catalog) - set(found), f"{language} entries no code shows"


def test_the_installed_command_speaks_chinese_in_a_chinese_locale(tmp_path):
    environ = {key: value for key, value in os.environ.items() if key not in LOCALE}
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "没有.txt"], cwd=tmp_path,
                            env={**environ, "LANG": "zh_CN.UTF-8"}, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (2, "reportlint: 错误：没有.txt: 文件或文件夹不存在\n")
    assert result.stdout == "检查了 0 个文件（另有 1 个无法检查），没有发现问题。\n"
    english = subprocess.run([sys.executable, "-m", "reportlint", "check", "没有.txt"], cwd=tmp_path,
                             env={**environ, "LANG": "C.UTF-8"}, capture_output=True, text=True, check=False)
    assert (english.returncode, english.stderr) == (2, "reportlint: error: 没有.txt: no such file or folder\n")


def test_ctrl_c_is_said_in_the_language_of_the_run(monkeypatch, tmp_path, capsys):
    from reportlint import cli as cli_module

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    report = tmp_path / "报告.txt"
    report.write_text(DOUBLED, encoding="utf-8")
    monkeypatch.setattr(cli_module.api.Run, "lint", interrupted)
    monkeypatch.setattr(sys, "argv", ["reportlint", "check", "--lang", "zh-CN", str(report)])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    # click ends the ^C line first
    assert (exit_info.value.code, capsys.readouterr().err) == (130, "\nreportlint: 已中断\n")
    i18n.use(None)


@pytest.mark.parametrize("args, expected", [
    (["--lang", "zh-CN", "check", "--bogus"], "reportlint: 错误：没有“--bogus”这个选项，是否应为“--jobs”（见 reportlint check --help）"),
    (["check", "--lang=zh-CN", "--format", "bogus", "x"],
     "reportlint: 错误：'--format' 的值“bogus”无效，可选：'concise', 'github', 'html', 'json', 'sarif', 'text'"
     "（见 reportlint check --help）"),
    (["--lang", "zh-CN", "rule"], "reportlint: 错误：缺少参数 RULE（见 reportlint rule --help）"),
    (["--lang", "zh-CN", "bogus"], "reportlint: 错误：没有“bogus”这个命令（见 reportlint --help）"),
    (["check", "--bogus"], "reportlint: error: no such option '--bogus'. Did you mean '--jobs'? (see reportlint check --help)"),
])
def test_usage_errors_are_said_in_the_language_the_command_line_asks_for(args, expected):
    # --lang is read before click parses the line: an error found while parsing is said in it too
    result = subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True, text=True,
                            encoding="utf-8", env={name: value for name, value in os.environ.items() if name not in LOCALE},
                            stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stderr.splitlines()) == (2, [expected])
