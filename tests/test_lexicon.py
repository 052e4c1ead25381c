"""The shipped lexicon is jieba's dictionary, and segments as jieba does."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.analysis.lexicon import is_traditional, lexicon, simplified

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"


def test_shipped_files_are_what_the_build_script_makes_from_jieba():
    out = subprocess.run([sys.executable, str(REPO / "tools" / "build_lexicon.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_words_frequencies_and_tags():
    words = lexicon()
    assert words.get("扎扎实实").tag == "z"
    assert words.freq("工作") > words.freq("作风") > 0
    assert "新增新增" not in words and words.get("") is None
    assert words.freq("〇〇〇〇") == 0


def test_segments_like_jieba_without_hmm():
    words = lexicon()
    cases = {
        "坚定不移走中国式现代化道路": ["坚定不移", "走", "中国式", "现代化", "道路"],
        "转变工作作风": ["转变", "工作作风"],
        "为了了解情况": ["为了", "了解", "情况"],
        "建成500千伏变电站": ["建成", "500", "千伏", "变电站"],
    }
    for text, expected in cases.items():
        assert [t.text for t in words.segment(text)] == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not next to the repository")
def test_same_split_as_jieba_on_real_reports():
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(60)
    text = (CORPUS / "beijing_2025.txt").read_text(encoding="utf-8")
    clauses = [c for c in re.split(r"[^\u4e00-\u9fff]+", text) if c][:400]
    words = lexicon()
    for clause in clauses:
        assert [t.text for t in words.segment(clause)] == list(jieba.cut(clause, HMM=False)), clause


def test_shipped_traditional_table_is_what_the_build_script_makes_from_opencc():
    out = subprocess.run([sys.executable, str(REPO / "tools" / "build_t2s.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_traditional_text_is_recognised_and_read_character_for_character():
    text = "中華人民共和國國務院總理周恩來，千千萬萬的人民，子子孫孫。"
    assert is_traditional(text)
    assert simplified(text) == "中华人民共和国国务院总理周恩来，千千万万的人民，子子孙孙。"
    assert len(simplified(text)) == len(text)
    # simplified text, even with characters that are also simplified ones (乾县, 於, 著名)
    assert not is_traditional("建设西安经周至至乾县高速公路，於是著名的显著成效。")
    assert not is_traditional("中华人民共和国国务院")
    assert not is_traditional("1954, ASCII only")


def _traditional_share(text: str) -> bool:
    """is_traditional's measure, counted the plain way: of the characters U+3400–U+9FFF, the
    share that only traditional writing uses (OpenCC's table with no simplified reading)."""
    only = {line.split("\t")[0] for line in (REPO / "reportlint" / "data" / "t2s.txt").read_text(encoding="utf-8")
            .splitlines() if not line.startswith("#") and len(line.split("\t")) == 2}
    han = [char for char in text if "\u3400" <= char <= "\u4dbf" or "\u4e00" <= char <= "\u9fff"]
    return bool(han) and sum(char in only for char in han) >= 0.05 * len(han)


@given(st.text(alphabet="国家國務院於乾发展發展人民𧝞𡑭 ,。1a", max_size=60))
def test_traditional_share_counts_the_characters_of_chinese_runs(text):
    # 𧝞 and 𡑭 are traditional-only characters beyond U+FFFF, which the measure does not count
    assert is_traditional(text) == _traditional_share(text)
