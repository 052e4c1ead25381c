"""reportlint.text.decoding.decode: every encoding a Chinese report arrives in, and
the inputs that must be refused with a one-line message instead of mojibake."""

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import cli
from reportlint.errors import InputError
from reportlint.text import decoding
from reportlint.text.decoding import check_encoding, decode

TEXT = (
    "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n"
    "经济发展，激发各类经营主体内生动力和发展活力。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # native order with a BOM, as Python writes it
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),  # Word's "Unicode text"
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),  # GBK is a subset of GB18030
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"],
)
def test_detects_each_encoding_and_drops_the_bom(data, encoding):
    text, used = decode(data)
    assert text == TEXT
    assert used == encoding
    assert not text.startswith("\ufeff")


def test_crlf_is_kept_as_read():
    text, _ = decode(TEXT.replace("\n", "\r\n").encode("gb18030"))
    assert text == TEXT.replace("\n", "\r\n")


def test_empty_input_is_empty_text():
    assert decode(b"") == ("", "utf-8")


def test_ascii_and_chinese_mix_in_gb18030_is_accepted():
    text = "2025年全市地区生产总值增长5.2%左右，一般公共预算收入增长5%。\n"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_forced_encoding_is_used_even_where_detection_would_differ():
    data = TEXT.encode("gb18030")
    assert decode(data, "gb18030") == (TEXT, "gb18030")
    assert decode(data, "GBK") == (TEXT, "gbk")
    # Latin-1 decodes anything: forcing it is the user's choice, not an error.
    assert decode(data, "latin-1")[1] == "iso8859-1"


def test_forced_encoding_drops_a_bom():
    assert decode(codecs.BOM_UTF8 + TEXT.encode(), "utf-8") == (TEXT, "utf-8")


def test_forced_encoding_that_does_not_fit_is_an_input_error():
    with pytest.raises(InputError, match=r"cannot decode as gb18030: invalid byte at offset \d+"):
        decode(TEXT.encode("utf-8"), "gb18030")


def test_unknown_encoding_name():
    with pytest.raises(InputError, match="unknown encoding 'gb2312x'"):
        decode(TEXT.encode(), "gb2312x")
    with pytest.raises(InputError, match="unknown encoding"):
        check_encoding("no-such-codec")


@pytest.mark.parametrize("name", ["base64", "hex", "rot13", "zlib"])
def test_a_codec_that_is_not_a_text_encoding_is_refused(name):
    # bytes.decode() raises LookupError for these; it must not escape as a traceback.
    with pytest.raises(InputError, match="is not a text encoding"):
        decode(TEXT.encode(), name)


def test_the_undefined_codec_is_an_input_error():
    with pytest.raises(InputError, match="cannot decode as undefined"):
        decode(TEXT.encode(), "undefined")


def test_check_encoding_returns_the_canonical_name():
    assert check_encoding("GB18030") == "gb18030"
    assert check_encoding("utf8") == "utf-8"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "培育壮大经营主体".encode() + b"\x00\x00" + "经济发展".encode(),
    ],
    ids=["png", "nul-inside-text"],
)
def test_binary_data_is_refused(data):
    with pytest.raises(InputError, match="binary file"):
        decode(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_in_the_byte_order_that_reads_as_text(codec):
    # The NULs of the ASCII newlines sit on one side of each pair; the other
    # order reads as rare ideographs and symbols.
    assert decode(TEXT.encode(codec)) == (TEXT, codec)


def test_nuls_that_read_as_no_text_in_either_byte_order_are_binary():
    data = bytes(range(256)) * 4
    with pytest.raises(InputError, match=r"binary file \(contains NUL bytes\)"):
        decode(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff\xff\xff",
        b"\x80\x80\x80\x80",
    ],
)
def test_neither_utf8_nor_gb18030_is_refused(data):
    with pytest.raises(InputError, match=r"cannot decode: not UTF-8 \(invalid byte 0x.. at offset 0, line 1\) and not "
                                         r"GB18030 \(.*\); use --encoding"):
        decode(data)


def test_gb18030_that_does_not_read_as_chinese_is_refused():
    # Valid GB18030 four-byte sequences that decode to control characters.
    with pytest.raises(InputError, match="not plausible GB18030 text"):
        decode(b"\x81\x30\x81\x30" * 3)


def test_utf8_with_a_stray_byte_names_its_offset_and_line():
    data = "培育壮大经营主体。\n".encode() + "坚持和落实".encode() + b"\xff\xff" + "两个毫不动摇".encode()
    with pytest.raises(InputError, match=r"^cannot decode: UTF-8 text with invalid byte 0xFF at offset 43, line 2; "
                                         r"fix that byte, or use --encoding"):
        decode(data)


def test_gbk_with_a_stray_byte_names_its_offset_and_line():
    # A stray 0xFF in GBK text (a byte no GB18030 character starts with):
    # refused, not read leniently, since --fix writes the text back.
    data = "培育壮大经营主体。\n坚持和落实".encode("gbk") + b"\xff" + "两个毫不动摇。".encode("gbk")
    with pytest.raises(InputError, match=r"^cannot decode: GB18030 text with invalid byte 0xFF at offset 29, line 2"):
        decode(data)


def test_gbk_cut_in_the_middle_of_a_character():
    data = "培育壮大经营主体".encode("gbk")[:-1]
    with pytest.raises(InputError, match=r"GB18030 text with invalid byte 0x.. at offset 14, line 1"):
        decode(data)


def test_utf8_then_gb18030_is_mixed():
    data = "培育壮大经营主体。\n".encode() + "坚持和落实“两个毫不动摇”。\n".encode("gb18030")
    with pytest.raises(InputError, match=r"mixed encodings, UTF-8 text up to invalid byte 0x.. at offset 28, line 2 "
                                         r"and GB18030 text from there; save the file in one encoding"):
        decode(data)


def test_gb18030_then_utf8_is_mixed():
    data = "培育壮大经营主体。\n".encode("gb18030") + "坚持和落实“两个毫不动摇”，大力支持民营经济发展。\n".encode()
    with pytest.raises(InputError, match=r"mixed encodings, GB18030 text and then UTF-8 text on line 2"):
        decode(data)


# Big5, as a Taiwanese or Hong Kong office writes it.
TRADITIONAL = "政府工作報告：過去一年，我們堅持穩中求進，經濟發展穩定，人民生活持續改善。\n"


def test_big5_is_refused_with_a_hint_instead_of_read_as_gb18030_mojibake():
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # it does decode: into mojibake
    with pytest.raises(InputError, match=r"looks like Big5 \(traditional Chinese\).*use --encoding big5"):
        decode(data)
    assert decode(data, "big5") == (TRADITIONAL, "big5")


KOREAN = ("대한민국 정부는 국민의 삶의 질을 높이기 위하여 다양한 정책을 추진하고 있습니다.\n"
          "올해 경제 성장률은 2.5%로 예상되며, 일자리 창출과 지역 균형 발전에 힘쓰겠습니다.\n")


def test_korean_is_refused_with_a_hint_instead_of_read_as_meaningless_chinese():
    data = KOREAN.encode("euc-kr")
    data.decode("gb18030")  # it does decode, into everyday hanzi: 措茄刮惫 沥何绰 …
    with pytest.raises(InputError, match=r"looks like Korean \(EUC-KR\).*use --encoding euc-kr"):
        decode(data)
    assert decode(data, "euc-kr")[0] == KOREAN


def test_chinese_in_gb18030_is_not_taken_for_korean():
    for text in (DOUBLED_COMMA, TRADITIONAL, "各位代表：现在，我代表市人民政府向大会报告工作。", "推进 改革 开放",
                 "政 府 工 作 报 告\n\n" + DOUBLED_COMMA):
        assert decode(text.encode("gb18030"))[1] == "gb18030"


def test_traditional_chinese_in_utf8_is_read():
    assert decode(TRADITIONAL.encode()) == (TRADITIONAL, "utf-8")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive, e.g. a .docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "old Word, Excel or WPS document"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'c5\\'e0", "RTF document"),
    ],
)
def test_known_binary_formats_are_named(data, kind):
    with pytest.raises(InputError, match=r"^binary file \(") as refused:
        decode(data)
    assert kind in str(refused.value)
    assert "\n" not in str(refused.value)


def test_utf32_and_gb18030_boms():
    assert decode(TEXT.encode("utf-32")) == (TEXT, "utf-32")
    assert decode(b"\x84\x31\x95\x33" + TEXT.encode("gb18030")) == (TEXT, "gb18030")


# --- short files: a title alone ------------------------------------------------
# 学校 is D1 A7 D0 A3 in GB18030, which is also valid UTF-8 ("ѧУ"). The UTF-8
# reading has no Chinese and is implausible letters; the GB18030 reading is
# all common hanzi: GB18030 wins.


@pytest.mark.parametrize("title", ["学校", "农业", "统一", "水平", "系统", "每一", "一路", "思路", "食品药品", "农业强省", "抓实抓细", "全省PM2.5"])
def test_a_short_gb18030_title_that_is_also_valid_utf8(title):
    data = title.encode("gb18030")
    data.decode("utf-8")  # valid UTF-8 too: that is the ambiguity
    assert decode(data) == (title, "gb18030")


@pytest.mark.parametrize("text", ["系建", "稳产", "碳达", "café", "25°C", "3×4", "·", "ó", "Müller"])
def test_short_utf8_stays_utf8_though_it_is_valid_gb18030(text):
    data = text.encode()
    data.decode("gb18030")  # 系建 reads as 绯诲缓, café as caf茅
    assert decode(data) == (text, "utf-8")


def test_a_lone_gb18030_character_that_reads_as_a_latin1_letter_stays_utf8():
    # 贸 is C3 B3: UTF-8 for ó. Both readings are one plausible character; the
    # strict UTF-8 reading comes first. Documented, not guessed.
    assert decode("贸".encode("gb18030")) == ("ó", "utf-8")


def test_plausibility_separates_text_from_mojibake():
    paragraph = "现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。"
    assert decoding.plausibility(paragraph) == 1.0
    assert decoding.plausibility(paragraph.encode().decode("gb18030", "replace")) < decoding.PLAUSIBLE
    assert decoding.plausibility(TRADITIONAL.encode("big5").decode("gb18030")) < decoding.PLAUSIBLE
    assert decoding.plausibility("GDP 5.2%") == 1.0  # ASCII proves nothing either way


def test_truncated_utf16_is_an_input_error():
    with pytest.raises(InputError, match="cannot decode as utf-16"):
        decode(TEXT.encode("utf-16") + b"\x41")


def test_too_large(monkeypatch):
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 16)
    with pytest.raises(InputError, match="file too large"):
        decode(TEXT.encode())
    with pytest.raises(InputError, match="file too large"):
        decode(TEXT.encode(), "utf-8")  # forcing an encoding does not skip the limit
    assert decode("经济发展".encode()) == ("经济发展", "utf-8")  # 12 bytes: within the limit


# --- through the command line ----------------------------------------------------
# Forced encodings and bad input as a user meets them: one error line per file
# that cannot be read, exit 2, and every other file still checked.

DOUBLED_COMMA = "经济发展，，人民生活持续改善。\n"  # RL403 at 1:5
TRADITIONAL_DOUBLED_COMMA = "經濟發展，，人民生活持續改善。\n"


def _check(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()
    result = runner.invoke(cli, ["check", "--format", "json", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    errors = [line for line in result.stderr.splitlines() if line.startswith("reportlint: error: ")]
    assert "Traceback" not in result.stderr
    return result, errors


def _places(result):
    return sorted((Path(f["path"]).name, f["line"], f["column"], f["code"]) for f in json.loads(result.stdout))


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("gb18030", DOUBLED_COMMA.encode("gb18030")),
        ("GBK", DOUBLED_COMMA.encode("gbk")),
        ("utf-16", codecs.BOM_UTF16_BE + DOUBLED_COMMA.encode("utf-16-be")),
        ("utf-16-be", DOUBLED_COMMA.encode("utf-16-be")),
        ("big5", TRADITIONAL_DOUBLED_COMMA.encode("big5")),
    ],
)
def test_forced_encoding_through_the_cli(tmp_path, monkeypatch, encoding, data):
    (tmp_path / "报告.txt").write_bytes(data)
    result, errors = _check(tmp_path, monkeypatch, "--encoding", encoding, "报告.txt")
    assert errors == []
    assert _places(result) == [("报告.txt", 1, 5, "RL403")]


def test_big5_without_encoding_is_one_error_line_that_names_the_flag(tmp_path, monkeypatch):
    (tmp_path / "報告.txt").write_bytes(TRADITIONAL_DOUBLED_COMMA.encode("big5"))
    (tmp_path / "ok.txt").write_bytes(DOUBLED_COMMA.encode("gb18030"))
    result, errors = _check(tmp_path, monkeypatch, "報告.txt", "ok.txt")
    assert result.exit_code == 2
    assert errors == ["reportlint: error: 報告.txt: cannot decode: looks like Big5 (traditional Chinese), which is "
                      "not detected automatically; use --encoding big5"]
    assert _places(result) == [("ok.txt", 1, 5, "RL403")]


def test_forced_encoding_reads_a_file_that_detection_reads_otherwise(tmp_path, monkeypatch):
    # C3 B3 is 贸 in GB18030 and ó in UTF-8; detection keeps the strict UTF-8 reading.
    (tmp_path / "a.txt").write_bytes("贸".encode("gb18030") + "易发展，，人民生活持续改善。\n".encode("gb18030"))
    result, errors = _check(tmp_path, monkeypatch, "--encoding", "gb18030", "a.txt")
    assert errors == [] and _places(result) == [("a.txt", 1, 5, "RL403")]


def test_binary_files_are_refused_one_line_each_and_the_others_are_checked(tmp_path, monkeypatch):
    (tmp_path / "图.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    # A .docx renamed to .txt (a .docx itself is not read as text)
    (tmp_path / "报告.txt").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
    (tmp_path / "报告.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "空.txt").write_bytes(b"")
    (tmp_path / "正文.txt").write_bytes(DOUBLED_COMMA.encode("gb18030"))
    result, errors = _check(tmp_path, monkeypatch, "图.txt", "报告.txt", "报告.pdf", "空.txt", "正文.txt")
    assert result.exit_code == 2
    assert sorted(errors) == [
        "reportlint: error: 图.txt: binary file (PNG image), not a text document; save it as plain text (.txt)",
        "reportlint: error: 报告.pdf: binary file (PDF document), not a text document; save it as plain text (.txt)",
        "reportlint: error: 报告.txt: binary file (ZIP archive, e.g. a .docx, .xlsx or .odt document), "
        "not a text document; save it as plain text (.txt)",
    ]
    assert _places(result) == [("正文.txt", 1, 5, "RL403")]


def test_an_empty_file_is_clean(tmp_path, monkeypatch):
    (tmp_path / "空.txt").write_bytes(b"")
    result, errors = _check(tmp_path, monkeypatch, "空.txt")
    assert (result.exit_code, errors, result.stdout.strip()) == (0, [], "[]")


def test_a_huge_file_is_one_error_line_and_the_others_are_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 1000)
    (tmp_path / "大.txt").write_bytes(DOUBLED_COMMA.encode() * 40)
    (tmp_path / "小.txt").write_bytes(DOUBLED_COMMA.encode())
    result, errors = _check(tmp_path, monkeypatch, "大.txt", "小.txt")
    assert result.exit_code == 2
    assert errors == ["reportlint: error: 大.txt: file too large (1,840 bytes; the limit is 1,000 bytes)"]
    assert _places(result) == [("小.txt", 1, 5, "RL403")]


def test_mixed_encodings_through_the_cli(tmp_path, monkeypatch):
    (tmp_path / "拼接.txt").write_bytes(DOUBLED_COMMA.encode() + DOUBLED_COMMA.encode("gb18030"))
    result, errors = _check(tmp_path, monkeypatch, "拼接.txt")
    assert result.exit_code == 2
    assert len(errors) == 1 and "拼接.txt: cannot decode: mixed encodings, UTF-8 text up to" in errors[0]
