"""The shipped lexicon is jieba's dictionary, and segments as jieba does."""

import math
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.analysis.lexicon import MAX_WORD, Entry, Lexicon, is_traditional, lexicon, simplified

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
DATA = REPO / "reportlint" / "data"
SAMPLE = REPO / "seeds" / "000_ad65c542b7148e02.txt"


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


@lru_cache(maxsize=1)
def _every_word() -> dict[str, tuple[str, str]]:
    """word -> (frequency, tag) of every line of lexicon.txt, read the plain way."""
    lines = (DATA / "lexicon.txt").read_text(encoding="utf-8").splitlines()
    return {word: (freq, tag) for word, freq, tag in (line.split(" ") for line in lines)}


@lru_cache(maxsize=1)
def _log_total() -> float:
    return math.log(sum(int(freq) for freq, _ in _every_word().values()))


_ALNUM = re.compile(r"[A-Za-z0-9]+(?:\.[0-9]+)?")


def _fresh_lexicon() -> Lexicon:
    return Lexicon((DATA / "lexicon.txt").read_bytes(), (DATA / "lexicon.idx").read_bytes())


def _plain_split(text: str) -> tuple[list[tuple[int, int, str, Entry | None]], float]:
    """jieba's method written plainly over every word of lexicon.txt, with nothing read lazily:
    every word of up to MAX_WORD characters at each place, the most probable path from the end,
    the longer first token at a tie; a number or Latin word is one token. The tokens and the
    path's log probability."""
    words, log_total = _every_word(), _log_total()

    def log_of(entry):
        return math.log(int(entry[0]) if entry else 1) - log_total

    n = len(text)
    best = [(0.0, n, None)] * (n + 1)
    for start in range(n - 1, -1, -1):
        alnum = _ALNUM.match(text, start) if text[start].isascii() else None
        if alnum:
            best[start] = (log_of(None) + best[alnum.end()][0], alnum.end(), None)
            continue
        found = [(start + 1, words.get(text[start]))]
        found += [(end, words[text[start:end]]) for end in range(start + 2, min(n, start + MAX_WORD) + 1)
                  if text[start:end] in words]
        best[start] = max((log_of(entry) + best[end][0], end, entry) for end, entry in found)
    tokens, start = [], 0
    while start < n:
        _, end, entry = best[start]
        if entry is None and text[start].isascii():
            entry = words.get(text[start:end])
        tokens.append((start, end, text[start:end], Entry(int(entry[0]), entry[1]) if entry else None))
        start = end
    return tokens, best[0][0] if text else 0.0


def _split(words: Lexicon, text: str) -> tuple[list[tuple[int, int, str, Entry | None]], float]:
    return [tuple(token) for token in words.segment(text)], words.log_probability(text)


def test_the_index_finds_every_word_of_the_lexicon_with_its_frequency_and_tag():
    words = _fresh_lexicon()
    assert words.total == sum(int(freq) for freq, _ in _every_word().values())
    for word, (freq, tag) in _every_word().items():
        assert words.get(word) == Entry(int(freq), tag), word
    assert words.get("龘龘") is None and "𠀀" not in words and "1号" not in words


def test_a_text_reads_only_the_words_that_start_with_its_pairs_of_characters():
    # the sample report reached 170,000 words when each first character's words were read
    # together; it needs the words of the pairs it holds, and of its characters alone
    text = SAMPLE.read_text(encoding="utf-8")
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    words = _fresh_lexicon()
    for run in runs:
        words.segment(run)
    pairs = {run[at : at + 2] for run in runs for at in range(len(run))}
    expected = {word for word in _every_word() if word[:2] in pairs or (len(word) == 1 and word in text)}
    assert set(words._words) == expected  # the words read so far
    assert len(expected) < 20_000


@pytest.mark.parametrize("path", [SAMPLE, CORPUS / "national_2024.txt", CORPUS / "henan_2025.txt",
                                  CORPUS / "xizang_2026.txt"], ids=lambda path: path.stem)
def test_splits_every_clause_of_a_report_as_the_plain_method_does(path):
    if not path.is_file():
        pytest.skip("the shared corpus is not next to the repository")
    text = path.read_text(encoding="utf-8")
    words = _fresh_lexicon()
    for clause in dict.fromkeys(re.split(r"[\s，。、；：？！“”（）《》,.;:?!()]+", text)):
        assert _split(words, clause) == _plain_split(clause), clause


@given(st.lists(st.one_of(st.sampled_from(["中国", "中国式", "现代化", "发展", "了解", "为了", "的", "一", "工作作风"]),
                          st.text(alphabet="中国人的一了解为工作风现代化A股Z9.-〇龘𠀀\u3400 ", min_size=1, max_size=4)),
                max_size=8))
def test_splits_any_text_as_the_plain_method_does(parts):
    # characters no word starts with (龘, 𠀀), a pair at the end, Latin words, numbers and spaces
    text = "".join(parts)
    assert _split(lexicon(), text) == _plain_split(text)


def test_the_shipped_files_are_mapped_and_a_file_that_cannot_be_is_read(tmp_path):
    # a run reads a few thousand places of 6.5 MB: reading it all cost 3 ms and 6 MB of memory
    from reportlint.analysis.lexicon import _mapped

    assert not isinstance(lexicon()._data, bytes)
    assert _mapped(DATA / "lexicon.idx")[:6] == b"total "
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert _mapped(empty) == b""


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


@given(st.lists(st.one_of(st.sampled_from(["中国", "中国式", "现代化", "发展", "了解", "为了", "的", "一", "工作作风"]),
                          st.text(alphabet="中国人的一了解为工作风现代化A股Z9.-〇龘𠀀\u3400 ", min_size=0, max_size=4)),
                max_size=8))
def test_the_boundaries_are_where_the_split_s_words_begin_and_end(parts):
    text = "".join(parts)
    tokens = lexicon().segment(text)
    assert lexicon().boundaries(text) == [0, *(token.end for token in tokens)]
