"""reportlint.decoding.decode: every encoding a Chinese report arrives in, and
the inputs that must be refused with a one-line message instead of mojibake."""

import codecs

import pytest

from reportlint import decoding
from reportlint.decoding import InputError, check_encoding, decode

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


def test_utf16_without_bom_looks_binary():
    # Without a BOM the NULs of UTF-16 are indistinguishable from binary data.
    with pytest.raises(InputError, match="binary file"):
        decode(TEXT.encode("utf-16-le"))


@pytest.mark.parametrize(
    "data",
    [
        b"\xff\xff\xff\xff",
        "培育壮大经营主体。".encode() + b"\xff\xfe\xff",
        b"\x80\x80\x80\x80",
    ],
)
def test_neither_utf8_nor_gb18030_is_refused(data):
    with pytest.raises(InputError, match="not UTF-8 .* and not GB18030; use --encoding"):
        decode(data)


def test_gb18030_that_does_not_read_as_chinese_is_refused():
    # Valid GB18030 four-byte sequences that decode to control characters.
    with pytest.raises(InputError, match="not plausible GB18030 text"):
        decode(b"\x81\x30\x81\x30" * 3)


def test_the_error_names_the_offset_of_the_bad_byte():
    with pytest.raises(InputError, match="invalid byte at offset 27"):
        decode("培育壮大经营主体。".encode() + b"\xff\xff\xff\xff")


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
