"""Declarative rule packs: loading, validation errors and user packs from config."""

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import findings_for
from hypothesis import given
from hypothesis import strategies as st

from reportlint.api import Overrides, Run, lint_text
from reportlint.cli import cli
from reportlint.config import load_config
from reportlint.errors import ConfigError
from reportlint.packs import PackError, builtin_pack_paths, load_pack, load_pack_specs, rule_doc

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
    assert [p.name for p in builtin_pack_paths()] == ["confusable-words.toml", "redundancy.toml"]


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
        (lambda t: t.replace('format = 1', 'format = 9'), "'format' must be 1 or 2"),
        (lambda t: t.replace('prefix = "ORG"', 'prefix = "RL9"'), "prefix RL is reserved"),
        (lambda t: t.replace('code = "ORG102"', 'code = "XYZ102"'), "rule 2 (banned-words): code 'XYZ102' does not start"),
        (lambda t: t.replace('kind = "existence"', 'kind = "regex"'), "rule 2 (banned-words): unknown kind 'regex'"),
        (lambda t: t.replace('swap = {', 'swapp = {'), "unknown key 'swapp' (did you mean 'swap'?)"),
        (lambda t: t.replace('words = ["亲自"]', 'words = []'), "'words' must be a non-empty list"),
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


# -- format 2 --------------------------------------------------------------------

PACK_2 = r"""
format = 2
prefix = "ORG"

[lists]
"时间词" = ["目前", "当前", "今年", "年底", "上年末"]
"期限词" = ["日期", "时间", "日"]

[[rule]]
code = "ORG101"
name = "preferred-terms"
kind = "substitution"
summary = "本单位规范表述"
message = "“{found}”应为“{expected}”：{reason}"
fix = "unsafe"

[[rule.entry]]
wrong = "截止"
right = "截至"
reason = "表示到某一时间为止用“截至”"
after = '\d|{时间词}'
not-after = '{期限词}'
examples = { bad = ["截止目前，全市已建成5G基站1500个。"], good = ["申报截止日期为6月30日。"] }

[[rule.entry]]
wrong = "截止到"
right = "截至"
reason = "“截至”已含“到”"

[[rule.entry]]
wrong = "做为"
right = "作为"
reason = "“作为”表示身份、当作"
not-before = '多'
not-after = '民'
"""


def lint_with_pack(tmp_path, pack, text, select="ORG"):
    write(tmp_path, pack)
    config_path = write(tmp_path, f'rule-packs = ["terms.toml"]\nselect = ["{select}"]\n', "reportlint.toml")
    return lint_text(text, "a.txt", load_config(config_path)).findings


@pytest.mark.parametrize(
    "text, found",
    [
        # from the corpus: 截止 as a deadline stays silent
        ("各地区要在申报截止日期前完成审核。", []),
        ("截止时间为2024年6月30日。", []),
        ("截止目前，全市已建成5G基站1500个。", [("截止", "截至")]),
        ("截止2023年底，累计完成投资120亿元。", [("截止", "截至")]),
        ("截止到目前，已完成80%。", [("截止到", "截至")]),
        # 截止到 is longest at its place; 截止 alone (not followed by a time) stays silent
        ("项目已于6月截止。", []),
        ("做为全省试点，我市先行先试。", [("做为", "作为")]),
        ("多做为民办实事的好事。", []),
    ],
)
def test_context_conditions_decide(tmp_path, text, found):
    findings = lint_with_pack(tmp_path, PACK_2, text)
    assert [(text[f.column - 1:f.end_column - 1], f.fix.edits[0].content) for f in findings] == found


def test_message_carries_the_reason(tmp_path):
    [finding] = lint_with_pack(tmp_path, PACK_2, "截止目前，已完成80%。")
    assert finding.message == "“截止”应为“截至”：表示到某一时间为止用“截至”"
    assert finding.fix.applicability == "unsafe"


def test_overlapping_entries_fall_back_to_shorter_forms_at_the_same_place(tmp_path):
    pack = PACK_2 + r"""
[[rule.entry]]
wrong = "截止日期前"
right = "截止日期以前"
reason = "测试用：较长的词条"
not-after = '完成'
"""
    # The longest form fails its context, so 截止 is tried at the same place and stays silent too.
    assert lint_with_pack(tmp_path, pack, "在截止日期前完成审核。") == []
    [finding] = lint_with_pack(tmp_path, pack, "在截止日期前报送材料。")
    assert (finding.column, finding.end_column, finding.fix.edits[0].content) == (2, 7, "截止日期以前")
    # 截止到 fails nothing and wins over 截止; after a finding the search goes on behind it
    found = lint_with_pack(tmp_path, pack, "截止到目前，截止今年底，项目截止。")
    assert [(f.column, f.end_column) for f in found] == [(1, 4), (7, 9)]


def test_same_wrong_form_with_and_without_context(tmp_path):
    pack = PACK_2.replace("[[rule.entry]]\nwrong = \"截止到\"", "[[rule.entry]]\nwrong = \"截止\"\nright = \"截止\u200b\"\nreason = \"兜底\"\n\n[[rule.entry]]\nwrong = \"截止到\"")
    # the conditional entry is tried first, the unconditional one catches the rest
    found = lint_with_pack(tmp_path, pack, "截止目前已完成。项目已截止。")
    assert [f.fix.edits[0].content for f in found] == ["截至", "截止\u200b"]


PATTERN_PACK = r"""
format = 2
prefix = "ORG"

[lists]
"单位" = ["万元", "亿元"]

[[rule]]
code = "ORG201"
name = "two-digit-year"
kind = "pattern"
summary = "年份写全"
message = "“{found}”应写全年份：“{expected}”（{reason}）"
pattern = '(?<![0-9])(2[0-9])年(?!代|度)'
replace = '20\1年'
reason = "公文年份写全四位"
fix = "unsafe"

[[rule]]
code = "ORG202"
name = "amount-range"
kind = "pattern"
summary = "金额范围"
message = "“{found}”应为“{expected}”"
pattern = '(?P<low>\d+){单位}?[-~](?P<high>\d+)(?P<unit>{单位})'
replace = '\g<low>\g<unit>至\g<high>\g<unit>'
"""


def test_pattern_rules_with_groups_and_replace(tmp_path):
    text = "23年完成投资80-90亿元，比2022年增长，90年代的厂房、23年度预算除外。"
    found = lint_with_pack(tmp_path, PATTERN_PACK, text)
    assert [(f.code, text[f.column - 1:f.end_column - 1], f.message) for f in found] == [
        ("ORG201", "23年", "“23年”应写全年份：“2023年”（公文年份写全四位）"),
        ("ORG202", "80-90亿元", "“80-90亿元”应为“80亿元至90亿元”"),
    ]
    assert found[0].fix.edits[0].content == "2023年" and found[1].fix is None


CATASTROPHIC_PACK = r"""
format = 2
prefix = "ORG"

[[rule]]
code = "ORG301"
name = "slow-pattern"
kind = "pattern"
summary = "回溯失控的模式"
message = "“{found}”"
pattern = '(a+)+$'

[[rule]]
code = "ORG302"
name = "slow-context"
kind = "existence"
summary = "回溯失控的上下文"
message = "“{found}”"

[[rule.entry]]
wrong = "b"
before = 'c(a+)+'
"""


def test_a_catastrophic_pattern_gives_up_on_the_file_quickly_and_says_so_once(tmp_path, capsys):
    import time

    write(tmp_path, CATASTROPHIC_PACK)
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\nselect = ["ORG"]\n', "reportlint.toml")
    config = load_config(config_path)
    text = "aa\ncaab\nb" + "a" * 100_000 + "b\naa\ncaab\n"
    began = time.perf_counter()
    result = lint_text(text, "long.txt", config)
    elapsed = time.perf_counter() - began
    # Unbounded, these expressions backtrack for hours; the budget is 0.25 s a paragraph. The bound
    # is loose on purpose: it proves the run ends, not how fast (that is bench/'s job), on a busy CI.
    assert elapsed < 10, elapsed
    # what each rule found before its expression ran out of time is kept; the rest of the file is skipped
    assert [(f.code, f.line) for f in result.findings] == [("ORG301", 1), ("ORG302", 2)]
    assert not result.crashes
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 2
    assert warnings[0].startswith("reportlint: warning: rule ORG301 (slow-pattern) gave up on long.txt at line 3:")
    assert "'(a+)+$'" in warnings[0] and "'c(a+)+'" in warnings[1]
    # once per run: a run over two such files says it once for each rule, at the first file
    files = [str(write(tmp_path, text, name)) for name in ("again.txt", "other.txt")]
    Run(Overrides(config_file=config_path)).lint(files)
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 2 and all("again.txt at line 3" in line for line in warnings), warnings


def test_user_pack_through_the_cli_exit_codes(tmp_path):
    write(tmp_path, PACK_2)
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\n', "reportlint.toml")
    bad = write(tmp_path, "截止目前，已完成80%。\n", "bad.txt")
    good = write(tmp_path, "截至目前，已完成80%。申报截止日期为6月30日。\n", "good.txt")
    runner = CliRunner()
    found = runner.invoke(cli, ["check", "--config", str(config_path), "--select", "ORG", str(bad)])
    assert found.exit_code == 1 and "ORG101 [preferred-terms] “截止”应为“截至”" in found.stdout
    clean = runner.invoke(cli, ["check", "--config", str(config_path), "--select", "ORG", str(good)])
    assert clean.exit_code == 0, clean.output
    write(tmp_path, PACK_2.replace(r"'\d|{时间词}'", r"'\d|(目前'"))
    broken = runner.invoke(cli, ["check", "--config", str(config_path), str(bad)])
    assert broken.exit_code == 2
    assert broken.stderr.count("\n") == 1
    assert "rule 1 (preferred-terms): entry 1 (截止): 'after': bad regular expression" in broken.stderr
    assert "Traceback" not in broken.output
    listing = runner.invoke(cli, ["rules", "--config", str(config_path)])
    assert listing.exit_code == 2 and "bad regular expression" in listing.stderr


def test_rules_lists_and_rule_shows_pack_entries_with_contexts(tmp_path):
    write(tmp_path, PACK_2)
    config_path = write(tmp_path, 'rule-packs = ["terms.toml"]\n', "reportlint.toml")
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "--config", str(config_path)]).stdout
    assert "ORG101  preferred-terms" in listed and "RL501   confusable-word" in listed
    shown = runner.invoke(cli, ["rule", "ORG101", "--config", str(config_path)]).stdout
    assert r"- 截止 → 截至 (if followed by /\d|{时间词}/; not followed by /{期限词}/): 表示到某一时间为止用“截至”" in shown
    assert "- 做为 → 作为 (if not followed by /民/; not preceded by /多/): “作为”表示身份、当作" in shown
    assert "- {时间词}: 目前、当前、今年、年底、上年末" in shown
    assert "Entries (3):" in shown


def _entry_error(tmp_path, pack):
    path = write(tmp_path, pack)
    with pytest.raises(PackError) as error:
        load_pack(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('reason = "“作为”', 'reasn = "“作为”', "rule 1 (preferred-terms): entry 3 (做为): unknown key 'reasn' (did you mean 'reason'?)"),
        (r"'\d|{时间词}'", r"'\d|(目前'", r"entry 1 (截止): 'after': bad regular expression '\\d|(目前': missing )"),
        (r"'\d|{时间词}'", r"'\d|{时间}'", "entry 1 (截止): 'after': unknown word list {时间} (did you mean '时间词'?)"),
        ('right = "截至"\nreason = "表示', 'right = 3\nreason = "表示', "entry 1 (截止): the right form must be a string or a non-empty list of strings (got 3)"),
        ('right = "截至"\nreason = "表示', 'right = []\nreason = "表示', "entry 1 (截止): the right form must be"),
        ('right = "截至"\nreason = "表示', 'right = ["截至", "截止"]\nreason = "表示', "entry 1 (截止): a right form equals the wrong form '截止'"),
        ('"期限词" = ["日期", "时间", "日"]', '"期限词" = []', "list '期限词' must be a non-empty list of strings"),
        ('"期限词" = ["日期", "时间", "日"]', '"期限词" = "日期"', "list '期限词' must be a list of strings, not one string"),
        ('wrong = "做为"', 'wrong = ""', "entry 3: 'wrong' must be a non-empty string"),
        ('wrong = "截止到"', 'wrong = "截止"\nafter = \'\\d|{时间词}\'\nnot-after = \'{期限词}\'',
         "entry 2 (截止): same wrong form and the same contexts as entry 1"),
        ('code = "ORG101"', 'code = "ABC101"', "rule 1 (preferred-terms): code 'ABC101' does not start with the pack prefix 'ORG'"),
        ('kind = "substitution"', 'kind = "substitute"', "unknown kind 'substitute' (choose substitution, existence, pattern) (did you mean 'substitution'?)"),
        ('fix = "unsafe"', 'fix = "always"', "'fix' must be none, unsafe or safe (got 'always')"),
        ('message = "“{found}”应为“{expected}”：{reason}"', 'message = "“{found}”应为“{expectd}”"', "message may only use {found} and {expected} and {reason} (got {expectd}) (did you mean 'expected'?)"),
        ('message = "“{found}”应为“{expected}”：{reason}"', 'message = "“{found:>1000000000}”应为“{expected}”"',
         "message fields take no format spec or conversion (write {found}, not {found:>1000000000})"),
        ('message = "“{found}”应为“{expected}”：{reason}"', 'message = "“{found!r}”应为“{expected}”"',
         "message fields take no format spec or conversion (write {found}, not {found!r})"),
        ('[[rule.entry]]\nwrong = "截止到"', '[rule.swap]\n"布署" = "部署"\n\n[[rule.entry]]\nwrong = "截止到"', "swap '布署' (布署): message uses {reason}, but the entry gives no 'reason'"),
        ('not-before = \'多\'', 'not-before = \'多\'\nseverity = "minor"', "entry 3 (做为): unknown severity 'minor'"),
        ('prefix = "ORG"', 'prefix = "ORG"\n[list]\n', "unknown key 'list' (did you mean 'lists'?)"),
        ('format = 2', 'format = "2"', "'format' must be 1 or 2 (got '2')"),
        ('format = 2', 'format = 3', "'format' must be 1 or 2 (got 3)"),
        ("not-before = '多'", "lead = '多|少'", "entry 3 (做为): 'lead' must be the literal start of the word (got '多|少')"),
        ("not-before = '多'", "lead = '多'\nbefore = '少'", "entry 3 (做为): give 'lead' or 'before', not both"),
    ],
)
def test_format_2_validation_errors_are_one_clear_line(tmp_path, old, new, message):
    assert old in PACK_2
    assert message in _entry_error(tmp_path, PACK_2.replace(old, new, 1))


# -- windowed pairs ----------------------------------------------------------------------

PAIR_PACK = r"""
format = 2
prefix = "ORG"

[[rule]]
code = "ORG201"
name = "redundant-pairs"
kind = "substitution"
summary = "语义重复"
message = "“{found}”语义重复：{reason}"
fix = "unsafe"

[[rule.entry]]
wrong = "最后终于"
right = "终于"
reason = "“终于”即最后"

[[rule.entry]]
wrong = "最后"
then = "终于"
between = '[^，。；、]{1,6}'
not-after = '[一二三0-9]'
reason = "“终于”即最后"

[[rule.entry]]
wrong = "免费"
then = "赠送|赠阅"
within = "sentence"
reason = "“赠送”已含无偿之意"
"""


@pytest.mark.parametrize(
    "text, found",
    [
        # next to each other: the longest form, with its fix
        ("经过连续奋战，最后终于完成了抢修任务。", [("最后终于", "终于")]),
        # apart in one clause: both words and what stands between, without a fix
        ("经过连续奋战，最后我们终于完成了抢修任务。", [("最后我们终于", None)]),
        # a comma ends the clause; 一 after 最后 is the not-after context; too far apart for between
        ("最后，经过连续奋战，抢修任务终于完成。", []),
        ("打通最后一公里终于成为现实。", []),
        ("最后由市县两级财政共同出资终于建成。", []),
        # within = "sentence": across a comma, not across a full stop
        ("免费开放图书馆，向读者赠送图书。", [("免费开放图书馆，向读者赠送", None)]),
        ("免费开放图书馆。向读者赠送图书。", []),
    ],
)
def test_a_windowed_pair_fires_within_its_clause_or_sentence(tmp_path, text, found):
    findings = lint_with_pack(tmp_path, PAIR_PACK, text)
    got = [(text[f.column - 1 : f.end_column - 1], f.fix.edits[0].content if f.fix else None) for f in findings]
    assert got == found


def test_a_windowed_pair_is_documented_with_its_scope(tmp_path):
    [spec] = load_pack_specs(write(tmp_path, PAIR_PACK))
    doc = rule_doc(spec)
    assert "- 最后 … 终于 (in one clause, with /[^，。；、]{1,6}/ between)" in doc
    assert "- 免费 … 赠送|赠阅 (in one sentence)" in doc


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('within = "sentence"', 'within = "paragraph"',
         "entry 3 (免费): 'within' must be clause or sentence (got 'paragraph')"),
        ('then = "赠送|赠阅"\nwithin = "sentence"', 'within = "sentence"',
         "entry 3 (免费): 'within' needs 'then' (the second word of a windowed pair)"),
        ('then = "赠送|赠阅"', 'then = "赠送|赠阅"\nright = "免"',
         "entry 3 (免费): a windowed pair ('then') has no 'right'"),
        ("between = '[^，。；、]{1,6}'", "between = '[^，。；、'", "entry 2 (最后): 'between': bad regular expression"),
        ('message = "“{found}”语义重复：{reason}"', 'message = "“{found}”应为“{expected}”"',
         "message uses {expected}, but a windowed pair ('then') has no right form"),
    ],
)
def test_windowed_pair_validation_errors(tmp_path, old, new, message):
    assert old in PAIR_PACK
    assert message in _entry_error(tmp_path, PAIR_PACK.replace(old, new, 1))


@pytest.mark.parametrize(
    "old, new, message",
    [
        (r"'20\1年'", r"'20\2年'", "rule 1 (two-digit-year): 'replace' refers to group 2, the pattern has 1"),
        (r"'\g<low>\g<unit>", r"'\g<lo>\g<unit>", "rule 2 (amount-range): 'replace' refers to unknown group 'lo' (did you mean 'low'?)"),
        ("pattern = '(?<![0-9])(2[0-9])年(?!代|度)'", "pattern = '[0-9]*'", "'pattern' '[0-9]*' matches the empty text"),
        ("pattern = '(?<![0-9])(2[0-9])年(?!代|度)'", "pattern = '(2[0-9]年'", "rule 1 (two-digit-year): 'pattern': bad regular expression '(2[0-9]年': missing )"),
        ("{单位}?[-~]", "{元}?[-~]", "rule 2 (amount-range): 'pattern': unknown word list {元}"),
        ('replace = \'\\g<low>', 'fix = "unsafe"\nreplaces = \'\\g<low>', "unknown key 'replaces' (did you mean 'replace'?)"),
        ('name = "amount-range"', 'name = "amount-range"\nwords = ["x"]', "a pattern rule takes 'pattern' (and 'replace'), not 'words'"),
    ],
)
def test_pattern_validation_errors(tmp_path, old, new, message):
    assert old in PATTERN_PACK
    assert message in _entry_error(tmp_path, PATTERN_PACK.replace(old, new, 1))


def test_existence_entries_reject_right_forms_and_fixes(tmp_path):
    pack = GOOD_PACK.replace("format = 1", "format = 2")
    assert "an existence entry has no 'right'" in _entry_error(
        tmp_path, pack + '\n[[rule.entry]]\nwrong = "亲手"\nright = "x"\n')
    assert "an existence rule has no right form to fix with" in _entry_error(
        tmp_path, pack.replace('words = ["亲自"]', 'words = ["亲自"]\nfix = "unsafe"'))
    assert "message uses {expected}, but an existence rule has no right form" in _entry_error(
        tmp_path, pack.replace("“{found}”不宜", "“{expected}”不宜"))
    # format 1 keeps reading what it always read
    assert [m.code for m in load_pack(write(tmp_path, GOOD_PACK))] == ["ORG101", "ORG102"]
    assert "unknown key 'entry'" in _entry_error(tmp_path, GOOD_PACK + '\n[[rule.entry]]\nwrong = "亲手"\n')


# -- shipped packs ---------------------------------------------------------------


ROOT = Path(__file__).resolve().parent.parent
SHIPPED = [spec for path in builtin_pack_paths() for spec in load_pack_specs(path, builtin=True, compile_now=True)]


def test_shipped_packs_validate_with_their_regular_expressions_compiled():
    # Shipped packs compile lazily at run time; this compiles every expression now.
    assert SHIPPED and all(spec.code.startswith("RL5") for spec in SHIPPED)


def test_an_entry_with_a_lead_is_found_by_its_slip_and_reported_as_the_whole_word(tmp_path):
    pack = PACK_2.replace('[[rule.entry]]\nwrong = "截止到"', '[[rule.entry]]\nwrong = "澈"\nlead = "贯"\nright = "彻"\n'
                          'reason = "“彻”义为通、透"\n\n[[rule.entry]]\nwrong = "截止到"', 1)
    path = write(tmp_path, pack)
    text = "认真贯澈落实，水很清澈。"
    [finding] = findings_for("preferred-terms", text, rule_packs=(path,))
    assert text[finding.column - 1 : finding.end_column - 1] == "贯澈"  # 清澈 has no lead: silent
    assert finding.message == "“贯澈”应为“贯彻”：“彻”义为通、透"
    [edit] = finding.fix.edits
    assert edit.content == "贯彻"


def entry_example_failures(spec, **config):
    """What is wrong with the per-entry examples of a rule: a bad example must
    fire on the entry's own wrong form, a good one must stay silent."""
    failures = []
    for entry in spec.entries:
        for text in entry.examples.get("bad", ()):
            found = [text[f.column - 1:f.end_column - 1] for f in findings_for(spec.name, text, **config) if f.line == 1]
            # a finding covers the entry's lead too, and a windowed pair's second word
            if not any(f == entry.lead + entry.wrong or (entry.pair and f.startswith(entry.wrong)) for f in found):
                failures.append(f"{spec.code} {entry.label} ({entry.wrong}): bad example is silent: {text}")
        for text in entry.examples.get("good", ()):
            if findings_for(spec.name, text, **config):
                failures.append(f"{spec.code} {entry.label} ({entry.wrong}): good example fires: {text}")
    return failures


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda spec: spec.name)
def test_shipped_entry_examples_hold(spec):
    assert entry_example_failures(spec) == []


def test_entry_examples_of_a_user_pack_are_checked_the_same_way(tmp_path):
    path = write(tmp_path, PACK_2)
    [spec] = load_pack_specs(path)
    assert entry_example_failures(spec, rule_packs=(path,)) == []
    wrong = PACK_2.replace('good = ["申报截止日期为6月30日。"]', 'good = ["截止今年底已完成。"]')
    path = write(tmp_path, wrong, "wrong.toml")
    [spec] = load_pack_specs(path)
    assert entry_example_failures(spec, rule_packs=(path,)) == [
        "ORG101 entry 1 (截止): good example fires: 截止今年底已完成。"]


def test_a_run_without_regular_expressions_never_imports_regex(tmp_path):
    import subprocess
    import sys

    write(tmp_path, GOOD_PACK)  # words only
    write(tmp_path, 'rule-packs = ["terms.toml"]\n', "reportlint.toml")
    script = (
        "import sys; from reportlint.api import lint_text; from reportlint.config import load_config\n"
        "config = load_config(__import__('pathlib').Path('reportlint.toml'))\n"
        "result = lint_text('全市经济运行稳中向好，市长亲自部署。', 'a.txt', config)\n"
        "print([f.code for f in result.findings], 'regex' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['ORG102']", "False"]


def test_the_file_budget_bounds_a_rule_across_paragraphs(monkeypatch):
    import time

    from reportlint.packs import bounded_regex
    from reportlint.packs.bounded_regex import Budget, RegexTimeout

    class Slow:  # stands in for a compiled pattern that needs 40 ms a call
        source = written = "slow"

        class compiled:  # noqa: N801
            @staticmethod
            def match(text, pos, timeout):
                if timeout < 0.04:
                    time.sleep(timeout)
                    raise TimeoutError
                time.sleep(0.04)

    monkeypatch.setattr(bounded_regex, "FILE_SECONDS", 0.1)
    budget = Budget(0)
    budget.start_paragraph()
    assert budget.paragraph_left == pytest.approx(0.1)  # a paragraph never gets more than the file has left
    budget.call(Slow, "match", "", 0)
    budget.call(Slow, "match", "", 0)
    budget.start_paragraph()
    with pytest.raises(RegexTimeout, match="slow"):
        budget.call(Slow, "match", "", 0)  # the 20 ms left are not enough
    budget.start_paragraph()
    began = time.perf_counter()
    with pytest.raises(RegexTimeout):
        budget.call(Slow, "match", "", 0)  # the file's time is spent: refused at once
    assert time.perf_counter() - began < 0.01


def _shipped_patterns():
    """Every regular expression of the shipped packs, with the examples of its entry or rule."""
    for spec in SHIPPED:
        if spec.pattern is not None:
            yield spec.pattern, [text for entry in spec.entries for texts in entry.examples.values() for text in texts]
        for entry in spec.entries:
            examples = [text for texts in entry.examples.values() for text in texts]
            contexts = [*entry.contexts, *((entry.pair.then,) if entry.pair else ())]
            patterns = [c.regex for c in contexts if c.regex is not None]
            if entry.pair is not None and entry.pair.between is not None:
                patterns.append(entry.pair.between)
            for pattern in patterns:
                yield pattern, examples


def test_shipped_patterns_read_by_re_match_as_regex_matches_them():
    import re

    import regex

    seed = next(ROOT.glob("seeds/*.txt")).read_text(encoding="utf-8")
    texts = [seed[at : at + 60] for at in range(0, len(seed), 997)]  # a few stretches of a whole report
    by_re = 0
    for pattern, examples in _shipped_patterns():
        assert pattern.shipped
        if not isinstance(pattern.compiled, re.Pattern):
            with pytest.raises(re.error):
                re.compile(pattern.source)  # regex takes only what re cannot read
            continue
        by_re += 1
        reference = regex.compile(pattern.source, regex.V0)
        for text in [*examples, *texts]:
            for at in range(len(text) + 1):
                for method in ("match", "search"):
                    got, want = getattr(pattern.compiled, method)(text, at), getattr(reference, method)(text, at)
                    assert (got and got.span()) == (want and want.span()), (pattern.source, text, at, method)
    assert by_re > 50  # nearly every shipped pattern


def test_a_misspelling_weighed_by_its_context_needs_no_regex_module(tmp_path):
    import subprocess
    import sys

    script = (
        "import sys; from reportlint.api import lint_text\n"
        "result = lint_text('截止2025年底，全市完成投资120亿元。', 'a.txt')\n"
        "print([f.code for f in result.findings], 'regex' in sys.modules)\n"
    )
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True,
                         env=env)
    assert out.stdout.split() == ["['RL501']", "False"]  # 截止 before a date: 截至, told by the context \d


def test_a_shipped_rule_kept_as_plain_data_is_made_again_the_same():
    import marshal

    from reportlint.packs.stored import restored_entry, restored_spec, stored_entry, stored_spec

    for spec in SHIPPED:
        stored = marshal.loads(marshal.dumps(stored_spec(spec)))  # as the user's cache keeps it
        restored = restored_spec(stored)
        assert (restored.code, restored.kind, restored.message, restored.fix, restored.replace, restored.severity) == \
            (spec.code, spec.kind, spec.message, spec.fix, spec.replace, spec.severity)
        entries = [entry for group in stored["entries"].values() for entry in group]
        assert sorted(map(repr, entries)) == sorted(repr(stored_entry(e)) for e in spec.entries)
        for entry in spec.entries:
            again = restored_entry(marshal.loads(marshal.dumps(stored_entry(entry))))
            assert stored_entry(again) == stored_entry(entry) and again.context_key() == entry.context_key()


def test_a_shipped_rule_made_from_plain_data_finds_what_the_validated_rule_finds():
    from reportlint.packs.matching import EntryIndex, make_check
    from reportlint.packs.stored import restored_entry, restored_spec, stored_spec
    from reportlint.text.parse import parse_text

    seed = next(ROOT.glob("seeds/*.txt")).read_text(encoding="utf-8")
    for spec in SHIPPED:
        stored = stored_spec(spec)
        index = None if spec.kind == "pattern" else EntryIndex(stored["entries"], stored["dated"], restored_entry)
        lazy, whole = make_check(restored_spec(stored), index), make_check(spec)
        texts = [seed, *(text for entry in spec.entries for texts in entry.examples.values() for text in texts)]
        for text in texts:
            doc = parse_text(text, "a.txt")
            found = [(v.span, v.message, v.fix, v.severity) for v in lazy(doc, None)]
            assert found == [(v.span, v.message, v.fix, v.severity) for v in whole(doc, None)], (spec.code, text)


def _every_start(pattern, text):
    """(start, what matched) at each place a search from every position finds."""
    import re

    compiled, found = re.compile(pattern), []
    match = compiled.search(text)
    while match:
        found.append((match.start(), match.group()))
        match = compiled.search(text, match.start() + 1)
    return found


def _longest_first(forms):
    import re

    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


def _shipped_wrong_forms():
    from reportlint.packs import load_pack_specs

    return sorted({entry.wrong for path in builtin_pack_paths() for spec in load_pack_specs(path, True)
                   if spec.kind != "pattern" for entry in spec.entries})


def test_the_tree_of_wrong_forms_finds_what_one_alternation_longest_first_finds():
    # The scan finds the same place and the same (longest) form as with one alternation of the
    # forms, longest first: on the sample report, and on text made of the forms cut and joined.
    from reportlint.packs.matching import wrong_forms_pattern

    forms = _shipped_wrong_forms()
    assert len(forms) > 500
    sample = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    joined = "，".join(forms) + "".join(form[1:] + form[:-1] for form in forms) + "截止到目前截止目前截止日期"
    for text in (sample, joined):
        found = _every_start(wrong_forms_pattern(forms), text)
        assert found == _every_start(_longest_first(forms), text) and len(found) > 5


@given(st.lists(st.text(alphabet="截止到目前帐户本a.b*", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="截止到目前帐户本a.b* ", max_size=30))
def test_the_tree_of_any_forms_finds_what_the_alternation_finds(forms, text):
    from reportlint.packs.matching import wrong_forms_pattern

    assert _every_start(wrong_forms_pattern(forms), text) == _every_start(_longest_first(forms), text)
