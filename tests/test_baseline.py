"""Baselines on real text: recorded findings stay recorded through edits
elsewhere, re-encoding, line endings and re-wrapping; new ones are reported."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from reportlint.api import Overrides, RunResult, lint_paths
from reportlint.baseline import compare_baseline, filter_baseline, write_baseline
from reportlint.errors import BaselineError
from reportlint.text.document import Span

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "seeds" / "000_ad65c542b7148e02.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"

# Paragraphs of a real report (hebei_2025.txt, first sentences) that give no finding of their own.
INSERTED = (
    "各位代表！习近平总书记的亲切关怀、谆谆教导，时刻引领着河北发展，时刻鼓舞着河北人民。"
    "过去一年，我们牢记嘱托、感恩奋进，以实干诠释忠诚、以实绩拥戴核心，"
    "不断战胜前进道路上的艰难险阻，推动中国式现代化在燕赵大地展现勃勃生机。",
    "同时，我们也清醒地看到面临的困难和挑战：有效需求不足，科技创新能力不强，转型升级任务艰巨，"
    "沿海经济发展还不够快，部分企业生产经营困难，群众就业增收面临压力，一些领域风险隐患仍然较多，"
    "部分市县财力紧张，政府部门形式主义、官僚主义仍不同程度存在。",
    "落实总体要求、实现全年目标，最根本的是贯彻落实习近平总书记重要指示精神和党中央决策部署，"
    "坚持稳中求进、以进促稳，守正创新、先立后破，系统集成、协同配合。",
)
# A sentence of the corpus (beijing_2025.txt style) with a doubled word injected.
CLEAN_SENTENCE = "全年新增城镇就业人员三十万人，城镇调查失业率控制在百分之五以内。"
DOUBLED_SENTENCE = "全年新增新增城镇就业人员三十万人，城镇调查失业率控制在百分之五以内。"


def lint(*paths: str | Path, select: tuple[str, ...] | None = None) -> RunResult:
    return lint_paths([str(p) for p in paths], Overrides(select=select))


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


def summary(results: RunResult) -> list[tuple[str, int, str]]:
    return [(f.code, f.line, f.message) for f in results.findings]


@pytest.fixture
def report(tmp_path, monkeypatch) -> Path:
    """A copy of the sample in a fresh folder, which is also the working folder."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "report.txt")
    return Path("report.txt")


def test_the_sample_has_findings_to_record():
    assert len(lint(SAMPLE).findings) >= 10


def test_unchanged_files_have_nothing_new(report):
    before = lint(report)
    assert write_baseline(before, Path("baseline.json")) == len(before.findings)
    after, dropped = filter_baseline(lint(report), Path("baseline.json"))
    assert after.findings == []
    assert dropped == len(before.findings)


def test_paragraphs_inserted_above_crlf_and_gb18030_leave_nothing_new(report):
    write_baseline(lint(report), Path("baseline.json"))
    lines = sample_lines()
    # A blank line at the very top, paragraphs before the first broken paragraph (line 28) and
    # among the doubled words (lines 42-76).
    edited = "\n".join(["", *lines[:12], INSERTED[0], "", *lines[12:20], INSERTED[1], "", *lines[20:60],
                        INSERTED[2], "", *lines[60:]])
    report.write_bytes(edited.replace("\n", "\r\n").encode("gb18030"))
    moved = lint(report)
    assert [f.line for f in moved.findings] != [f.line for f in lint(SAMPLE).findings]  # lines did move
    comparison = compare_baseline(moved, Path("baseline.json"))
    assert summary(comparison.results) == []
    assert comparison.dropped == len(moved.findings)
    assert comparison.stale == 0


def test_lines_deleted_above_leave_nothing_new(report):
    write_baseline(lint(report), Path("baseline.json"))
    lines = sample_lines()
    # Line 34 of the sample has no finding; lines 28-32 and 40 after it do.
    assert not [f for f in lint(report).findings if f.line == 34]
    report.write_text("\n".join(lines[:33] + lines[34:]), encoding="utf-8")
    comparison = compare_baseline(lint(report), Path("baseline.json"))
    assert summary(comparison.results) == []
    assert comparison.stale == 0


def test_a_new_defect_is_the_only_new_finding(report):
    write_baseline(lint(report), Path("baseline.json"))
    lines = sample_lines()
    assert "坚持" in lines[51] and not [f for f in lint(report).findings if f.line == 52]
    lines[51] = lines[51].replace("坚持", "坚持坚持", 1)
    report.write_text("\n".join([*lines[:20], INSERTED[1], "", *lines[20:]]), encoding="utf-8")
    after, dropped = filter_baseline(lint(report), Path("baseline.json"))
    assert [(f.code, f.line) for f in after.findings] == [("RL201", 54)]
    assert "坚持坚持" in after.findings[0].message
    assert dropped == len(lint(SAMPLE).findings)


def test_a_fixed_defect_is_fine_and_counted_as_stale(report):
    write_baseline(lint(report), Path("baseline.json"))
    source = report.read_text(encoding="utf-8")
    assert source.count("新增新增") == 1
    report.write_text(source.replace("新增新增", "新增"), encoding="utf-8")
    comparison = compare_baseline(lint(report), Path("baseline.json"))
    assert summary(comparison.results) == []
    assert comparison.dropped == len(lint(SAMPLE).findings) - 1
    assert comparison.stale == 1


def test_editing_the_text_of_a_finding_makes_it_new(report):
    write_baseline(lint(report), Path("baseline.json"))
    source = report.read_text(encoding="utf-8")
    assert source.count("滇滇") == 1
    # The doubled character stays; the words right beside it change.
    index = source.index("滇滇")
    report.write_text(source[: index - 2] + "全省" + source[index:], encoding="utf-8")
    after, _ = filter_baseline(lint(report), Path("baseline.json"))
    assert [f.code for f in after.findings] == ["RL201"]
    assert "滇滇" in after.findings[0].message


def test_a_distant_edit_in_the_same_paragraph_is_not_new(report):
    write_baseline(lint(report), Path("baseline.json"))
    lines = sample_lines()
    # Line 108 holds 侨侨 at column 22: the end of that long paragraph is far from it.
    assert "侨侨" in lines[107] and len(lines[107]) > 80
    lines[107] = lines[107][:-1] + "，持续用力。"
    report.write_text("\n".join(lines), encoding="utf-8")
    after, _ = filter_baseline(lint(report), Path("baseline.json"))
    assert summary(after) == []


def test_identical_findings_are_counted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = Path("draft.txt")
    draft.write_text(f"{DOUBLED_SENTENCE}\n{CLEAN_SENTENCE}\n", encoding="utf-8")
    assert write_baseline(lint(draft, select=("RL201",)), Path("baseline.json")) == 1
    # The same slip pasted a second time: one of the two is new.
    draft.write_text(f"{DOUBLED_SENTENCE}\n{DOUBLED_SENTENCE}\n", encoding="utf-8")
    current = lint(draft, select=("RL201",))
    assert len(current.findings) == 2
    after, dropped = filter_baseline(current, Path("baseline.json"))
    assert dropped == 1
    assert [(f.code, f.line) for f in after.findings] == [("RL201", 2)]


def test_rewrapped_markdown_paragraph_is_not_new(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paragraph = "今年经济社会发展的主要预期目标是：" + DOUBLED_SENTENCE + "居民人均可支配收入增长与经济增长同步。"
    draft = Path("draft.md")
    draft.write_text(f"# 政府工作报告\n\n{paragraph}\n", encoding="utf-8")
    assert write_baseline(lint(draft), Path("baseline.json")) == 1
    # Re-wrapped at 17 characters, with CRLF, emphasis added and a heading inserted above.
    wrapped = "\r\n".join(paragraph[i : i + 17] for i in range(0, len(paragraph), 17))
    wrapped = wrapped.replace("主要预期目标", "**主要预期目标**")
    draft.write_text(f"# 政府工作报告\r\n\r\n## 一、目标\r\n\r\n{wrapped}\r\n", encoding="utf-8")
    current = lint(draft)
    assert [f.code for f in current.findings] == ["RL201"]
    assert current.findings[0].line > 3
    after, dropped = filter_baseline(current, Path("baseline.json"))
    assert (summary(after), dropped) == ([], 1)


def test_spaces_near_a_finding_are_not_an_edit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = Path("draft.txt")
    draft.write_text(f"{DOUBLED_SENTENCE}\n", encoding="utf-8")
    write_baseline(lint(draft, select=("RL201",)), Path("baseline.json"))
    # Full-width indentation and spaces around a figure, as another editor or typist writes them.
    spaced = DOUBLED_SENTENCE.replace("三十万人", "三十 万人").replace("城镇就业", "城镇 就业")
    draft.write_text(f"\u3000\u3000{spaced}\n", encoding="utf-8")
    current = lint(draft, select=("RL201",))
    assert len(current.findings) == 1
    after, dropped = filter_baseline(current, Path("baseline.json"))
    assert (summary(after), dropped) == ([], 1)


def test_a_whole_file_finding_survives_a_new_first_paragraph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # A file typed with ASCII punctuation throughout: one punctuation-width finding for the file, at its
    # first ASCII mark.
    ascii_text = "\n".join(p.replace("，", ",").replace("：", ":").replace("！", "!") for p in INSERTED)
    draft = Path("draft.txt")
    draft.write_text(ascii_text + "\n", encoding="utf-8")
    recorded = lint(draft, select=("RL401",))
    assert [(f.line, f.file_level) for f in recorded.findings] == [(1, "")]
    write_baseline(recorded, Path("baseline.json"))
    draft.write_text("2025年河北省政府工作报告\n" + ascii_text.replace("艰巨,", "艰巨,,") + "\n", encoding="utf-8")
    current = lint(draft, select=("RL401", "RL403"))
    assert [(f.code, f.line) for f in current.findings] == [("RL401", 2), ("RL403", 3)]
    after, _ = filter_baseline(current, Path("baseline.json"))
    assert [(f.code, f.line) for f in after.findings] == [("RL403", 3)]


def test_a_span_that_takes_in_markup_is_matched_by_its_prose(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = Path("draft.md")
    draft.write_text(f"{INSERTED[1]}\n\n{INSERTED[1]}\n", encoding="utf-8")
    recorded = lint(draft, select=("RL202",))
    assert [f.line for f in recorded.findings] == [3]
    write_baseline(recorded, Path("baseline.json"))
    # The copy set in bold, and its finding's span (as a rule may make it) taking in the markers.
    draft.write_text(f"{INSERTED[1]}\n\n**{INSERTED[1]}**\n", encoding="utf-8")
    (file,) = lint(draft, select=("RL202",)).files
    start = file.document.source.index("**")
    widened = dataclasses.replace(file.findings[0], span=Span(start, start + len(INSERTED[1]) + 4))
    after, dropped = filter_baseline(RunResult([dataclasses.replace(file, findings=[widened])]), Path("baseline.json"))
    assert (summary(after), dropped) == ([], 1)


def test_a_renamed_file_has_new_findings(report):
    write_baseline(lint(report), Path("baseline.json"))
    report.rename("renamed.txt")
    comparison = compare_baseline(lint("renamed.txt"), Path("baseline.json"))
    assert len(comparison.results.findings) == len(lint(SAMPLE).findings)
    assert comparison.dropped == 0
    assert comparison.stale == 0  # report.txt was not checked: its entries are not called stale


def test_paths_are_relative_to_the_baseline_folder(tmp_path, monkeypatch):
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    shutil.copy(SAMPLE, project / "drafts" / "report.txt")
    monkeypatch.chdir(project / "drafts")
    write_baseline(lint("report.txt"), project / "baseline.json")
    paths = {entry["path"] for entry in json.loads((project / "baseline.json").read_text("utf-8"))["findings"]}
    assert paths == {"drafts/report.txt"}
    # Another clone, checked from its root with a folder argument.
    clone = tmp_path / "clone"
    shutil.copytree(project, clone)
    monkeypatch.chdir(clone)
    after, dropped = filter_baseline(lint("drafts"), Path("baseline.json"))
    assert summary(after) == []
    assert dropped == len(lint(SAMPLE).findings)


def test_the_file_is_versioned_stable_and_one_finding_a_line(report):
    shutil.copy(SAMPLE, "another.txt")
    results = lint(report, "another.txt")
    write_baseline(results, Path("baseline.json"))
    first = Path("baseline.json").read_bytes()
    write_baseline(RunResult(list(reversed(results.files))), Path("baseline.json"))
    assert Path("baseline.json").read_bytes() == first
    text = first.decode("utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["findings"]
    assert len(entries) == len(results.findings)
    assert [e["path"] for e in entries] == sorted(e["path"] for e in entries)
    assert set(entries[0]) == {"path", "code", "fingerprint", "text"}
    assert "新增新增" in text  # readable Chinese, not \\u escapes
    assert len(text.splitlines()) == len(entries) + 5
    # Each file's entries in the order of its findings.
    ours = [e["code"] for e in entries if e["path"] == "report.txt"]
    assert ours == [f.code for f in lint(report).findings]


def test_filtering_leaves_the_given_results_alone(report):
    results = lint(report)
    write_baseline(results, Path("baseline.json"))
    count = len(results.findings)
    after, _ = filter_baseline(results, Path("baseline.json"))
    assert len(results.findings) == count
    assert after.findings == []
    assert [f.path for f in after.files] == [f.path for f in results.files]


def test_an_empty_run_writes_an_empty_baseline(tmp_path):
    assert write_baseline(RunResult(), tmp_path / "baseline.json") == 0
    assert json.loads((tmp_path / "baseline.json").read_text("utf-8")) == {"version": 1, "findings": []}
    after, dropped = filter_baseline(lint(SAMPLE), tmp_path / "baseline.json")
    assert (len(after.findings), dropped) == (len(lint(SAMPLE).findings), 0)


def test_files_that_could_not_be_read_pass_through(report):
    write_baseline(lint(report), Path("baseline.json"))
    results = lint(report, "missing.txt")
    after, _ = filter_baseline(results, Path("baseline.json"))
    assert [(f.path, f.error) for f in after.files if f.error] == [("missing.txt", "no such file or folder")]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"{\"version\": 1, \"findings\": [", "not valid JSON"),
        (b"\xff\xfe\x00{", "not UTF-8"),
        (b"[]", "not a reportlint baseline"),
        (b"{\"findings\": []}", "not a reportlint baseline"),
        (b"{\"version\": 2, \"findings\": []}", "version 2 is not supported"),
        (b"{\"version\": 1, \"findings\": {}}", "\"findings\" must be a list"),
        (b"{\"version\": 1, \"findings\": [{\"path\": \"a.txt\", \"code\": \"RL201\"}]}", "finding 1 needs"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(tmp_path, content, expected):
    baseline = tmp_path / "baseline.json"
    if content is not None:
        baseline.write_bytes(content)
    with pytest.raises(BaselineError) as raised:
        filter_baseline(lint(SAMPLE), baseline)
    message = str(raised.value)
    assert expected in message and str(baseline) in message
    assert "\n" not in message
    assert isinstance(raised.value, ValueError)


def test_a_folder_is_not_a_baseline(tmp_path):
    with pytest.raises(BaselineError, match="is a directory"):
        filter_baseline(RunResult(), tmp_path)


def test_an_unwritable_baseline_is_a_baseline_error(tmp_path):
    with pytest.raises(BaselineError, match="cannot write baseline"):
        write_baseline(lint(SAMPLE), tmp_path / "no-such-folder" / "baseline.json")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the real corpus is not beside this clone")
def test_a_corpus_report_with_injected_defects(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = (CORPUS / "hebei_2025.txt").read_text(encoding="utf-8").split("\n")
    target = next(i for i, line in enumerate(lines) if "有效需求不足" in line)
    lines[target] = lines[target].replace("有效需求不足", "有效需求需求不足", 1)
    Path("hebei.txt").write_text("\n".join(lines), encoding="utf-8")
    recorded = lint("hebei.txt")
    assert "RL201" in [f.code for f in recorded.findings]
    write_baseline(recorded, Path("baseline.json"))
    # Edited above, converted to CRLF and GB18030, and a second slip typed further down.
    later = next(i for i, line in enumerate(lines) if i > target + 4 and "坚持" in line)
    lines[later] = lines[later].replace("坚持", "坚持坚持", 1)
    edited = "\n".join(lines[:2] + ["", "（本稿为征求意见稿）", ""] + lines[2:])
    Path("hebei.txt").write_bytes(edited.replace("\n", "\r\n").encode("gb18030"))
    after, dropped = filter_baseline(lint("hebei.txt"), Path("baseline.json"))
    assert [(f.code, f.line) for f in after.findings] == [("RL201", later + 4)]
    assert dropped == len(recorded.findings)
