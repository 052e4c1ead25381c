"""README.zh-CN.md stays the Chinese version of README.md.

The Chinese README translates the prose only: its fenced code blocks are README.md's, byte for
byte and in the same order, and it has the same `##` / `###` sections in the same order. The one
exception is a block of CLI output that the Chinese README shows as the Chinese CLI prints it
(CHINESE_OUTPUT below); that block is checked against the CLI itself, in both languages. Links
to a section of the Chinese README must name one of its headings.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from running import run

ROOT = Path(__file__).resolve().parent.parent
EN = ROOT / "README.md"
ZH = ROOT / "README.zh-CN.md"
SAMPLE = ROOT / "seeds" / "000_ad65c542b7148e02.txt"

# The blocks of README.md that README.zh-CN.md deliberately replaces with the Chinese CLI's output:
# README.md's block → the Chinese README's block. Only one: the three closing lines of
# `reportlint check --fix 报告.txt` on the sample ("Fixing findings"). The reason: a reader of the
# Chinese README runs reportlint in Chinese (zh_CN locale or --lang zh-CN), so that is what they
# see; the findings themselves are not translated (rule messages are Chinese, `warning:` stays),
# so the other output blocks (the finding at the top, the --lang example) are the same in both.
FIX_SUMMARY_EN = ("Found 14 findings (12 warnings, 2 info) in 1 file.\n"
                  "Fixed 1 finding in 1 file.\n"
                  "10 more fixable with --fix --unsafe-fixes.\n")
FIX_SUMMARY_ZH = ("检查了 1 个文件，发现 14 个问题（12 个警告，2 个提示）。\n"
                  "已修复 1 个文件中的 1 个问题。\n"
                  "还有 10 个可用 --fix --unsafe-fixes 修复。\n")
CHINESE_OUTPUT = {FIX_SUMMARY_EN: FIX_SUMMARY_ZH}

PARSER = MarkdownIt("commonmark").enable("table")


def tokens(path: Path):
    return PARSER.parse(path.read_text(encoding="utf-8"))


def fences(path: Path) -> list[tuple[str, str]]:
    """The fenced code blocks, as (info string, content)."""
    return [(t.info, t.content) for t in tokens(path) if t.type == "fence"]


def sections(path: Path) -> list[str]:
    """The `##` and `###` headings, by level only ("h2", "h3"), in order."""
    return [t.tag for t in tokens(path) if t.type == "heading_open" and t.tag in ("h2", "h3")]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation (ASCII and Chinese) dropped,
    spaces as hyphens; letters, digits, hyphens and underscores kept."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def headings(path: Path) -> list[str]:
    stream = tokens(path)
    return ["".join(child.content for child in stream[i + 1].children if child.type in ("text", "code_inline"))
            for i, t in enumerate(stream) if t.type == "heading_open"]


def test_both_readmes_link_to_each_other():
    assert EN.read_text(encoding="utf-8").splitlines()[:2] == ["# reportlint", "[简体中文](README.zh-CN.md)"]
    assert ZH.read_text(encoding="utf-8").splitlines()[:2] == ["# reportlint", "[English](README.md)"]


def test_the_code_blocks_are_the_english_readmes():
    english, chinese = fences(EN), fences(ZH)
    assert len(chinese) == len(english), f"README.md has {len(english)} code blocks, README.zh-CN.md {len(chinese)}"
    for number, ((en_info, en_code), (zh_info, zh_code)) in enumerate(zip(english, chinese), 1):
        expected = CHINESE_OUTPUT.get(en_code, en_code)
        assert (zh_info, zh_code) == (en_info, expected), f"code block {number} differs (README.md: {en_code[:60]!r})"


def test_every_replaced_block_is_still_in_the_english_readme():
    # A replacement whose English block was edited away would silently stop being checked.
    english = [code for _, code in fences(EN)]
    for block in CHINESE_OUTPUT:
        assert english.count(block) == 1


def test_the_sections_are_the_same():
    english, chinese = sections(EN), sections(ZH)
    assert len(chinese) == len(english) and chinese == english, (english, chinese)


def test_links_to_sections_name_a_heading_of_the_same_readme():
    for path in (EN, ZH):
        anchors = {slug(h) for h in headings(path)}
        links = re.findall(r"\]\(#([^)]+)\)", path.read_text(encoding="utf-8"))
        assert links, path.name
        assert [link for link in links if link not in anchors] == [], path.name


@pytest.mark.parametrize(("language", "block"), [("en", FIX_SUMMARY_EN), ("zh-CN", FIX_SUMMARY_ZH)])
def test_the_fix_summary_is_what_the_cli_prints(tmp_path, language, block):
    # "Fixing findings": `reportlint check --fix 报告.txt` on the sample ends with these three lines.
    report = tmp_path / "报告.txt"
    shutil.copyfile(SAMPLE, report)
    result = run("check", "--lang", language, "--fix", report)
    assert result.stdout.splitlines()[-3:] == block.splitlines()
