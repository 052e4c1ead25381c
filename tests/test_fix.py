"""check --fix / --unsafe-fixes / --diff, and the atomic write behind them.

On copies of the sample report in several encodings, on Markdown with markup
the fixes must not touch, on stdin; the write refuses a file that changed on
disk after it was read. The properties (idempotency, nothing fixable left,
safe fixes keep every word) are in test_fix_properties.py.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from running import run

from reportlint import fixing
from reportlint.api import FixableCounts, Run, RunResult, lint_paths, lint_text
from reportlint.errors import WriteError
from reportlint.fixing import ProseGuard, apply_fixes, fix_file, fixable
from reportlint.model import Edit, Fix
from reportlint.text.document import Span
from reportlint.writing import digest, encoding_of, write_atomic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"
SAMPLE_TEXT = SAMPLE.read_text(encoding="utf-8")
# the doubled words of the sample (KNOWN-DEFECTS 3, 5, 6, 9, 12) and what they become
DOUBLED = {"滇滇科技": "滇科技", "新增新增装机": "新增装机", "水富富、": "水富、", "坚定不移不移走": "坚定不移走",
           "港澳侨侨": "港澳侨"}
ASCII_MARKS = re.compile(r"[,;:!?()]")
WORD = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")

MARKDOWN = """\
---
title: 政府工作报告,2025年
---

# 一、2024年工作回顾

过去一年,我们推进5G基站建设,详见[规划(2024版)](https://example.gov.cn/plan?a=1,b=2)和`config(a,b)`说明,并印发<https://example.gov.cn/x,y>通知。

- 推进重点项目建设,完成投资120亿元。
1. 新增新增装机100万千瓦以上,全市电力总装机达到2800万千瓦以上。

```text
代码块里的,逗号(不改)
```

加快500千伏水富富、220千伏金沙江变等建设!**重点,项目**全部开工。
"""
MARKDOWN_FIXED = """\
---
title: 政府工作报告,2025年
---

# 一、2024年工作回顾

过去一年，我们推进5G基站建设，详见[规划（2024版）](https://example.gov.cn/plan?a=1,b=2)和`config(a,b)`说明，并印发<https://example.gov.cn/x,y>通知。

- 推进重点项目建设，完成投资120亿元。
1. 新增装机100万千瓦以上，全市电力总装机达到2800万千瓦以上。

```text
代码块里的,逗号(不改)
```

加快500千伏水富、220千伏金沙江变等建设！**重点，项目**全部开工。
"""


pytestmark = pytest.mark.usefixtures("in_fresh_folder")  # tests/conftest.py


def copy_sample(folder: Path, name: str = "report.txt", encoding: str = "utf-8", crlf: bool = False,
                bom: bytes = b"") -> Path:
    text = SAMPLE_TEXT.replace("\n", "\r\n") if crlf else SAMPLE_TEXT
    path = folder / name
    path.write_bytes(bom + text.encode(encoding))
    return path


def words(text: str) -> str:
    return "".join(WORD.findall(text))


def findings(path: Path, *flags: str) -> list[tuple[str, int]]:
    result = run("check", "--format", "json", *flags, path)
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]


# --- the sample: --fix, --unsafe-fixes, a second run -------------------------


def test_fix_converts_the_punctuation_and_touches_no_word(tmp_path):
    path = copy_sample(tmp_path)
    before = findings(path)
    result = run("check", "--fix", path)
    after = path.read_text(encoding="utf-8")
    assert result.exit_code == 1, result.stderr  # the unsafe-only findings remain
    assert words(after) == words(SAMPLE_TEXT)
    assert len(after) == len(SAMPLE_TEXT)  # one mark for one mark
    assert "全文改为" not in result.stdout and "RL401" not in result.stdout
    assert "Fixed 1 finding in 1 file." in result.stdout
    assert "10 more fixable with --fix --unsafe-fixes." in result.stdout  # RL101 at 70 offers no join
    # ASCII marks left only where they are not Chinese punctuation (none in this report's prose)
    assert not ASCII_MARKS.search(after.replace("**", ""))
    assert all(doubled in after for doubled in DOUBLED)
    # what is reported is what remains: everything but the punctuation finding, on the same lines
    assert findings(path) == [f for f in before if f[0] != "RL401"]


def test_unsafe_fixes_also_remove_the_doubled_words_and_a_second_run_changes_nothing(tmp_path):
    path = copy_sample(tmp_path)
    result = run("check", "--fix", "--unsafe-fixes", path)
    after = path.read_text(encoding="utf-8")
    for doubled, single in DOUBLED.items():
        assert doubled not in after and single in after, doubled
    assert "Fixed 12 findings in 1 file." in result.stdout
    # What remains has no fix: the duplicate paragraph (which copy to keep is the author's call)
    # and the two doublings that may be intended (文旅旅商 three times, the quoted “通办办”).
    assert findings(path) == [("RL201", 28), ("RL201", 36), ("RL202", 74)]
    assert result.exit_code == 1
    mtime = path.stat().st_mtime_ns
    again = run("check", "--fix", "--unsafe-fixes", path)
    assert path.read_text(encoding="utf-8") == after
    assert path.stat().st_mtime_ns == mtime  # an unchanged file is not rewritten
    assert "Fixed" not in again.stdout
    assert run("check", "--diff", "--unsafe-fixes", path).exit_code == 0


def test_diff_shows_the_edits_and_leaves_the_file_untouched(tmp_path):
    path = copy_sample(tmp_path)
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    result = run("check", "--diff", "--unsafe-fixes", path)
    assert result.exit_code == 1
    assert path.read_bytes() == SAMPLE.read_bytes()
    assert path.stat().st_mtime_ns == 1_600_000_000_000_000_000
    diff = result.stdout
    assert diff.startswith(f"--- {path}\n+++ {path}\n@@ ")
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    for doubled, single in DOUBLED.items():
        assert any(doubled in line for line in removed) and any(single in line for line in added), doubled
    assert "-上接第3版" in removed
    assert "Would fix 12 findings in 1 file." in result.stderr
    # the safe diff changes punctuation only
    safe = run("check", "--diff", path).stdout.splitlines()
    assert any(line.startswith("+**（五）构建安全发展新格局。**") for line in safe)
    old = [line[1:] for line in safe if line.startswith("-") and not line.startswith("---")]
    new = [line[1:] for line in safe if line.startswith("+") and not line.startswith("+++")]
    assert len(old) == len(new) > 50 and [words(line) for line in old] == [words(line) for line in new]


@pytest.mark.skipif(shutil.which("patch") is None, reason="patch(1) is not installed")
def test_the_diff_applies_with_patch_and_gives_what_fix_writes(tmp_path):
    for name, crlf in (("lf.txt", False), ("crlf.md", True)):
        path = copy_sample(tmp_path, name, crlf=crlf)
        path.write_bytes(path.read_bytes().rstrip(b"\r\n"))  # and no line break at the end
        diff = run("check", "--diff", "--unsafe-fixes", path).stdout_bytes  # .stdout would turn CRLF into LF
        patched = tmp_path / f"patched-{name}"
        shutil.copy(path, patched)
        subprocess.run(["patch", "--quiet", "--binary", str(patched)], input=diff, check=True)
        run("check", "--fix", "--unsafe-fixes", path)
        assert patched.read_bytes() == path.read_bytes(), name


@pytest.mark.parametrize("name, encoding, bom, crlf", [
    ("gb18030.txt", "gb18030", b"", False),
    ("gb18030-crlf.md", "gb18030", b"", True),
    ("bom.txt", "utf-8", codecs.BOM_UTF8, False),
    ("gb-bom.txt", "gb18030", "\ufeff".encode("gb18030"), True),
])
def test_the_diff_of_a_file_in_another_encoding_is_in_that_encoding_and_applies(tmp_path, name, encoding, bom, crlf):
    path = copy_sample(tmp_path, name, encoding=encoding, crlf=crlf, bom=bom)
    diff = run("check", "--diff", "--unsafe-fixes", path).stdout_bytes
    assert "新增装机".encode(encoding) in diff and f"--- {path}".encode() in diff
    patched = tmp_path / f"patched-{name}"
    shutil.copy(path, patched)
    subprocess.run(["patch", "--quiet", "--binary", str(patched)], input=diff, check=True)
    run("check", "--fix", "--unsafe-fixes", path)
    assert patched.read_bytes() == path.read_bytes(), name


# --- encodings, BOM, line endings, permissions ---------------------------------


@pytest.mark.parametrize("name, encoding, bom, crlf", [
    ("gb18030.txt", "gb18030", b"", False),
    ("bom-crlf.txt", "utf-8", codecs.BOM_UTF8, True),
    ("utf16le.txt", "utf-16-le", codecs.BOM_UTF16_LE, False),
    ("utf16be.md", "utf-16-be", codecs.BOM_UTF16_BE, True),
])
def test_a_fixed_file_keeps_its_encoding_bom_line_endings_and_mode(tmp_path, name, encoding, bom, crlf):
    reference = copy_sample(tmp_path, "reference.txt")
    run("check", "--fix", "--unsafe-fixes", reference)
    expected = reference.read_text(encoding="utf-8")
    path = copy_sample(tmp_path, name, encoding, crlf, bom)
    path.chmod(0o640)
    result = run("check", "--fix", "--unsafe-fixes", path)
    assert result.exit_code == 1, result.stderr
    data = path.read_bytes()
    assert data.startswith(bom) if bom else not data.startswith((codecs.BOM_UTF8, b"\x84\x31\x95\x33"))
    text = data[len(bom):].decode(encoding)
    if crlf:
        assert text.count("\r\n") == text.count("\n") > 0
    assert text.replace("\r\n", "\n") == expected
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # still GB18030, not converted
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["reference.txt", name])  # no temporary left


def test_a_fixed_file_with_lines_ended_by_a_lone_cr_keeps_them(tmp_path):
    # classic Mac OS line ends: read line by line, written back with CR
    reference = copy_sample(tmp_path, "reference.txt")
    run("check", "--fix", "--unsafe-fixes", reference)
    path = tmp_path / "mac.txt"
    path.write_bytes(SAMPLE_TEXT.replace("\n", "\r").encode("gb18030"))
    result = run("check", "--fix", "--unsafe-fixes", path)
    assert result.exit_code == 1, result.stderr
    data = path.read_bytes().decode("gb18030")
    assert "\n" not in data and data.count("\r") == reference.read_text(encoding="utf-8").count("\n")
    assert data.replace("\r", "\n") == reference.read_text(encoding="utf-8")
    stdin = run("check", "--fix", "--unsafe-fixes", "-", input=SAMPLE_TEXT.replace("\n", "\r").encode())
    assert stdin.stdout_bytes.decode() == data


def test_the_fix_goes_through_a_symbolic_link(tmp_path):
    target = copy_sample(tmp_path, "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    run("check", "--fix", link)
    assert link.is_symlink()
    assert "，" in target.read_text(encoding="utf-8")[:400] and "," not in target.read_text(encoding="utf-8")[:400]


def test_encoding_of_refuses_bytes_that_would_not_round_trip():
    with pytest.raises(WriteError, match="round-trip"):
        encoding_of("报告".encode(), "报吿", "utf-8")
    assert encoding_of(b"\xef\xbb\xbfab", "ab", "utf-8").bom == codecs.BOM_UTF8  # read with --encoding utf-8
    gb_bom = b"\x84\x31\x95\x33"
    assert encoding_of(gb_bom + "报告".encode("gb18030"), "报告", "gb18030").bom == gb_bom


# --- a file that changed on disk is not overwritten ------------------------------


def test_write_atomic_refuses_a_file_that_changed_since_it_was_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("旧文本,".encode())
    expected = digest(path.read_bytes())
    path.write_bytes("别人刚保存的文本,".encode())
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(path, "旧文本，".encode(), expected)
    assert path.read_bytes() == "别人刚保存的文本,".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # the temporary file is gone
    write_atomic(path, "新文本。".encode(), digest(path.read_bytes()))
    assert path.read_text(encoding="utf-8") == "新文本。"


def test_write_atomic_refuses_a_save_right_after_its_last_read(tmp_path, monkeypatch):
    # The editor saves after the final re-read, before the rename: the bytes read were the
    # expected ones, but the file's size, mtime or inode moved.
    path = tmp_path / "a.txt"
    path.write_bytes("旧文本,".encode())
    expected = digest(path.read_bytes())
    original = Path.read_bytes

    def read_then_someone_saves(self):
        data = original(self)
        if self == path:
            path.write_bytes("别人刚保存的文本,".encode())
        return data

    monkeypatch.setattr(Path, "read_bytes", read_then_someone_saves)
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(path, "旧文本，".encode(), expected)
    monkeypatch.undo()
    assert path.read_bytes() == "别人刚保存的文本,".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_write_atomic_refuses_read_only_files_and_hard_links(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("旧文本,".encode())
    path.chmod(0o444)
    with pytest.raises(WriteError, match="read-only file"):
        write_atomic(path, "旧文本，".encode(), digest(path.read_bytes()))
    path.chmod(0o644)
    os.link(path, tmp_path / "链接.txt")
    with pytest.raises(WriteError, match="has 2 hard links"):
        write_atomic(path, "旧文本，".encode(), digest(path.read_bytes()))
    assert path.read_bytes() == (tmp_path / "链接.txt").read_bytes() == "旧文本,".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "链接.txt"]


def test_the_cli_refuses_a_read_only_file_in_one_line_and_fixes_the_others(tmp_path):
    locked, other = copy_sample(tmp_path), copy_sample(tmp_path, "other.txt")
    before = locked.read_bytes()
    locked.chmod(0o444)
    result = run("check", "--fix", locked, other)
    assert result.exit_code == 2
    assert f"reportlint: error: {locked}: read-only file; not overwritten" in result.stderr
    assert locked.read_bytes() == before and "，" in other.read_text(encoding="utf-8")


def test_stale_temporary_files_of_a_killed_run_are_removed_by_the_next_write(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("旧文本,".encode())
    stale, fresh, other = (tmp_path / ".a.txt.k1lled.reportlint-tmp", tmp_path / ".a.txt.w0rking.reportlint-tmp",
                           tmp_path / ".b.txt.k1lled.reportlint-tmp")
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"half")
    old = os.stat(stale).st_mtime - 120
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(path, "旧文本，".encode(), digest(path.read_bytes()))
    # its own stale one goes; one that may belong to a run in progress, or to another file, stays
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", fresh.name, other.name])


@pytest.mark.skipif(not hasattr(os, "fork") or os.name != "posix", reason="POSIX signals")
def test_sigterm_while_writing_removes_the_temporary_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("旧文本,".encode())
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from reportlint import writing\n"
        "os.fsync = lambda fd: (print('writing', flush=True), time.sleep(30))\n"
        f"path = Path({str(path)!r})\n"
        "writing.write_atomic(path, '旧文本，'.encode(), writing.digest(path.read_bytes()))\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "writing\n"
    assert len(list(tmp_path.glob(".a.txt.*.reportlint-tmp"))) == 1
    process.terminate()
    assert process.wait(timeout=20) == -signal.SIGTERM
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert path.read_bytes() == "旧文本,".encode()


def test_cli_reports_a_file_edited_while_it_was_being_fixed(tmp_path, monkeypatch):
    path = copy_sample(tmp_path)
    other = copy_sample(tmp_path, "other.txt")
    edited = "有人在修改期间保存了文件,\n".encode()
    original = fixing.fix_result

    def fix_while_someone_saves(result, *args, **kwargs):
        outcome = original(result, *args, **kwargs)
        if result.path == str(path):
            path.write_bytes(edited)  # an editor saves between the read and the replace
        return outcome

    monkeypatch.setattr(fixing, "fix_result", fix_while_someone_saves)
    result = run("check", "--fix", path, other)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("reportlint: error:")]
    assert errors == [f"reportlint: error: {path}: changed on disk since it was read; not overwritten "
                      "(run again to fix the new text)"]
    assert path.read_bytes() == edited
    assert "，" in other.read_text(encoding="utf-8")  # the other file was fixed
    # the file not written is reported as it was: its punctuation finding is still there
    assert f"{path}:9:3: warning: RL401" in result.stdout


def test_a_file_changed_between_the_check_and_the_fix_is_left_alone(tmp_path):
    path = copy_sample(tmp_path)
    result = lint_paths([str(path)]).files[0]
    path.write_text("另一份文本,\n", encoding="utf-8")
    done = fix_file(result, Run().relinter(result), unsafe=False, write=True)
    assert done.error == "changed on disk while it was checked; not overwritten"
    assert path.read_text(encoding="utf-8") == "另一份文本,\n"


def test_binary_formats_are_refused_by_the_write_path(tmp_path):
    path = tmp_path / "报告.docx"
    path.write_bytes("推进5G,建设。\n".encode())
    result = lint_text("推进5G,建设。\n", str(path))
    done = fix_file(result, Run().relinter(result), unsafe=False, write=True)
    assert (done.error, done.skipped) == (None, ".docx files are not written: only plain text and Markdown are fixed")
    assert path.read_bytes() == "推进5G,建设。\n".encode()
    with pytest.raises(WriteError, match=r"\.docx files are not written"):
        write_atomic(path, b"x", digest(path.read_bytes()))
    with pytest.raises(WriteError, match="files read as docx are not written"):
        encoding_of(b"PK", "", "docx")


def test_a_word_file_is_reported_and_not_fixed(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("推进5G,建设新型基础设施。")
    path = tmp_path / "报告.docx"
    document.save(path)
    text = tmp_path / "报告.txt"
    text.write_text("推进5G,建设新型基础设施。\n", encoding="utf-8")
    data = path.read_bytes()
    result = run("check", "--fix", path, text)
    assert result.exit_code == 1, result.stderr  # the Word file's finding remains; no error
    assert result.stderr == (f"reportlint: warning: {path}: not fixed: .docx files are not written: only plain text "
                             "and Markdown are fixed\n")
    assert "RL401" in result.stdout and path.read_bytes() == data
    assert text.read_text(encoding="utf-8") == "推进5G，建设新型基础设施。\n"
    assert run("check", "--diff", path).exit_code == 0


# --- overlapping edits -------------------------------------------------------------


def edit(start: int, end: int, content: str = "") -> Edit:
    return Edit(Span(start, end), content)


def test_overlapping_fixes_first_by_position_wins_the_rest_wait_for_the_next_pass():
    text = "0123456789"
    early = Fix((edit(2, 5, "a"),), "safe")
    overlapping = Fix((edit(4, 6, "b"),), "safe")
    touching = Fix((edit(5, 7, "c"),), "safe")  # starts where the first ends: both apply
    for fixes in ([early, overlapping, touching], [touching, overlapping, early]):
        new, applied = apply_fixes(text, fixes)
        assert new == "01ac789"
        assert applied == [early, touching]


def test_a_fix_is_all_or_nothing():
    pair = Fix((edit(1, 2, "（"), edit(6, 7, "）")), "safe")  # ( and ) of one pair
    inside = Fix((edit(0, 2, "X"),), "safe")  # starts first, overlaps the pair's opening mark
    new, applied = apply_fixes("a(bcd)e)", [pair, inside])
    assert applied == [inside] and new == "Xbcd)e)"  # the closing mark was not converted alone


def test_insertions_at_one_point_and_inside_a_replacement_conflict():
    first = Fix((edit(3, 3, "x"),), "unsafe")
    same_point = Fix((edit(3, 3, "y"),), "unsafe")
    covering = Fix((edit(2, 5, "Z"),), "unsafe")
    new, applied = apply_fixes("abcdefg", [covering, first, same_point])
    assert applied == [covering] and new == "abZfg"
    new, applied = apply_fixes("abcdefg", [same_point, first])
    assert applied == [same_point] and new == "abcydefg"
    assert apply_fixes("abc", [Fix((edit(1, 2), edit(1, 3)), "safe")]) == ("abc", [])  # a fix overlapping itself


def test_a_comma_two_rules_fix_at_once_ends_as_one_full_width_comma(tmp_path):
    # RL401 converts the ASCII comma, RL403 deletes it as a doubled mark: the edits overlap
    path = tmp_path / "a.txt"
    path.write_text("坚持稳中求进,，推动高质量发展。\n", encoding="utf-8")
    codes = {code for code, _ in findings(path)}
    assert {"RL401", "RL403"} <= codes
    assert run("check", "--fix", path).exit_code == 0
    assert path.read_text(encoding="utf-8") == "坚持稳中求进，推动高质量发展。\n"


# --- markup is never edited -----------------------------------------------------------


def test_fixes_in_markdown_edit_prose_only(tmp_path):
    path = tmp_path / "报告.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    result = run("check", "--fix", "--unsafe-fixes", path)
    assert result.exit_code == 0, result.stdout
    assert path.read_text(encoding="utf-8") == MARKDOWN_FIXED


def test_every_fix_the_rules_propose_in_markdown_stays_in_prose():
    """The guard is a safety net, not a filter the rules rely on: on Markdown
    with links, code, list markers and front matter no rule proposes an edit
    outside the prose."""
    for text in (MARKDOWN, MARKDOWN.replace("\n", "\r\n"), SAMPLE_TEXT):
        result = lint_text(text, "报告.md")
        guard = ProseGuard(result.document)
        proposed = [f for f in result.findings if f.fix is not None]
        assert proposed
        assert [f for f in proposed if not guard.allows(f.fix)] == []


def test_the_guard_refuses_edits_of_markup():
    doc = lint_text(MARKDOWN, "报告.md").document
    guard = ProseGuard(doc)
    source = doc.source

    def at(fragment: str, length: int | None = None, skip: int = 0) -> Fix:
        start = source.index(fragment) + skip
        return Fix((edit(start, start + (len(fragment) - skip if length is None else length), "，"),), "safe")

    assert guard.allows(at("我们推进"))
    assert not guard.allows(at("a=1,b=2", skip=3, length=1))  # the link's URL
    assert not guard.allows(at("config(a,b)", skip=8, length=1))  # inline code
    assert not guard.allows(at("逗号(不改)", skip=2, length=1))  # a fenced code block
    assert not guard.allows(at("政府工作报告,2025年", skip=6, length=1))  # front matter
    assert not guard.allows(at("- 推进", length=2))  # a list marker
    assert not guard.allows(at("**重点", length=3))  # emphasis markers with prose
    assert not guard.allows(at("](https", length=2))
    # the line break between two paragraphs may go (merging a paragraph cut in two)
    start = source.index("亿元。\n") + 3
    assert guard.allows(Fix((edit(start, start + 1),), "unsafe"))


def test_a_fix_over_markup_is_skipped_and_not_counted_as_fixable():
    result = lint_text("推进项目建设,完成投资。\n", "a.md")
    assert RunResult([result]).fixable_counts() == FixableCounts(safe=1, unsafe=0)
    finding = result.findings[0]
    doc = lint_text("推进[项目](http://a.cn/x,y)建设。\n", "b.md")
    url_comma = doc.document.source.index(",")
    bad = Fix((edit(url_comma, url_comma + 1, "，"),), "safe")
    doc.findings.append(dataclasses.replace(finding, fix=bad, path="b.md"))
    assert fixable(doc, unsafe=True) == []


# --- stdin ---------------------------------------------------------------------------


def test_stdin_fix_prints_the_fixed_text_and_reports_what_remains_on_stderr():
    text = "推进5G,建设新型基础设施(含数据中心)。新增新增装机100万千瓦。\n"
    result = run("check", "--fix", "-", "--stdin-filename", "报告.txt", input=text.encode("gb18030"))
    assert result.stdout_bytes == "推进5G，建设新型基础设施（含数据中心）。新增新增装机100万千瓦。\n".encode("gb18030")
    assert "报告.txt:1:" in result.stderr and "RL201" in result.stderr
    assert result.exit_code == 1
    unsafe = run("check", "--fix", "--unsafe-fixes", "-", input=text.encode())
    assert unsafe.stdout == "推进5G，建设新型基础设施（含数据中心）。新增装机100万千瓦。\n"
    assert unsafe.exit_code == 0
    clean = run("check", "--fix", "-", input="推进项目建设。".encode())
    assert clean.stdout == "推进项目建设。" and clean.exit_code == 0  # printed as it came, no line break added


def test_stdin_fix_passes_input_it_cannot_read_through_unchanged():
    # reportlint check --fix - < 报告.txt > 报告-fixed.txt must never leave an empty file behind
    data = "中文".encode() + b"\x80\x80" + "测试,".encode()
    result = run("check", "--fix", "-", "--stdin-filename", "报告.txt", input=data)
    assert result.exit_code == 2 and result.stdout_bytes == data
    assert "reportlint: error: 报告.txt: cannot decode" in result.stderr


def test_fixes_that_need_more_passes_than_allowed_are_said_to_be_unsettled(tmp_path, monkeypatch):
    import functools

    path = tmp_path / "a.txt"
    path.write_text("今年新增新增新增装机容量100万千瓦。\n", encoding="utf-8")  # one copy goes per pass
    monkeypatch.setattr(fixing, "fix_result", functools.partial(fixing.fix_result, max_passes=1))
    result = run("check", "--fix", "--unsafe-fixes", path)
    assert "did not settle" in result.stderr and "run again" in result.stderr
    monkeypatch.undo()
    result = run("check", "--fix", "--unsafe-fixes", path)
    assert "did not settle" not in result.stderr
    assert path.read_text(encoding="utf-8") == "今年新增装机容量100万千瓦。\n"


def test_stdin_diff(tmp_path):
    text = "推进5G,建设新型基础设施。\n"
    result = run("check", "--diff", "-", "--stdin-filename", "x.txt", input=text.encode())
    assert result.stdout == "--- x.txt\n+++ x.txt\n@@ -1 +1 @@\n-推进5G,建设新型基础设施。\n+推进5G，建设新型基础设施。\n"
    assert result.exit_code == 1
    assert run("check", "--diff", "-", input="推进建设。\n".encode()).exit_code == 0


def test_stdin_and_files_together(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("推进项目建设,完成投资。\n", encoding="utf-8")
    result = run("check", "--fix", path, "-", input="加快建设!\n".encode())
    assert result.stdout == "加快建设！\n"
    assert path.read_text(encoding="utf-8") == "推进项目建设，完成投资。\n"
    assert "Fixed 2 findings in 2 files." in result.stderr


# --- the text output and exit codes ------------------------------------------------------


def test_unsafe_fixes_alone_changes_nothing_and_counts_every_fix(tmp_path):
    path = copy_sample(tmp_path)
    result = run("check", "--unsafe-fixes", path)
    assert result.exit_code == 1
    assert "11 fixable with --fix --unsafe-fixes." in result.stdout.splitlines()
    assert path.read_bytes() == SAMPLE.read_bytes()


def test_fix_that_leaves_nothing_exits_0(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("推进项目建设,完成投资。\n", encoding="utf-8")
    result = run("check", "--fix", path)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["All clear: no findings in 1 file.", "Fixed 1 finding in 1 file."]
    assert run("check", "--fix", "--exit-zero", copy_sample(tmp_path)).exit_code == 0


def test_fix_with_json_output_reports_the_remaining_findings(tmp_path):
    path = copy_sample(tmp_path)
    data = json.loads(run("check", "--fix", "--format", "json", path).stdout)
    assert "RL401" not in {d["code"] for d in data} and len(data) == 14


def test_an_unreadable_file_is_an_error_and_the_others_are_fixed(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfd\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("推进项目建设,完成投资。\n", encoding="utf-8")
    result = run("check", "--fix", "bad.txt", good)
    assert result.exit_code == 2
    assert good.read_text(encoding="utf-8") == "推进项目建设，完成投资。\n"


# --- --write-baseline / --baseline (the module is reportlint.baseline) -----------------------


def test_baseline_flags(tmp_path):
    path = copy_sample(tmp_path)
    written = run("check", "--write-baseline", "baseline.json", path)
    assert written.exit_code == 0 and written.stdout == ""
    assert written.stderr == "Wrote 15 findings to baseline.json.\n"
    known = run("check", "--baseline", "baseline.json", path)
    assert known.exit_code == 0, known.stdout
    assert known.stdout.splitlines()[-2:] == ["All clear: no findings in 1 file.",
                                              "15 findings recorded in baseline.json not shown."]
    path.write_text(path.read_text(encoding="utf-8") + "\n要再接再励，认真布署今年工作。\n", encoding="utf-8")
    new = run("check", "--baseline", "baseline.json", "--format", "json", path)
    assert new.exit_code == 1
    assert sorted((d["code"], d["message"][:4]) for d in json.loads(new.stdout)) == [("RL501", "“再接再"),
                                                                                    ("RL501", "“布署”")]


def test_baseline_errors_are_one_line(tmp_path):
    path = copy_sample(tmp_path)
    missing = run("check", "--baseline", "none.json", path)
    assert missing.exit_code == 2
    assert missing.stderr.startswith("reportlint: error: --baseline: ") and len(missing.stderr.splitlines()) == 1
    both = run("check", "--baseline", "a.json", "--write-baseline", "b.json", path)
    assert both.exit_code == 2 and "cannot be combined" in both.stderr
    assert not (tmp_path / "b.json").exists()


def test_a_file_named_twice_is_fixed_once(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("推进项目建设,完成投资。\n", encoding="utf-8")
    result = run("check", "--fix", folder, path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "Fixed 1 finding in 1 file." in result.stdout
    assert path.read_text(encoding="utf-8") == "推进项目建设，完成投资。\n"
