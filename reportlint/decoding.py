"""Turn the bytes of a file into text, or say clearly why that is impossible.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 with a BOM
(Word's "Unicode text" export) and GB18030/GBK (older Windows tools). We detect
those without being told; anything else is refused instead of producing
mojibake findings.
"""

from __future__ import annotations

import codecs
import unicodedata

#: Files larger than this are refused: linting them would take minutes and the
#: memory of several copies of the text.
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be linted; the message is one line meant for the user."""


def too_large(size: int) -> str:
    return f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,} bytes)"


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode *data*; return (text, encoding name). BOMs are removed from the text."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(too_large(len(data)))
    if encoding:
        return _decode_forced(data, encoding)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                f"cannot decode: not UTF-8 (invalid byte at offset {utf8_error.start}) and not GB18030; "
                "use --encoding to name the encoding"
            ) from None
        if not _looks_like_chinese_text(text):
            raise InputError(
                f"cannot decode: not UTF-8 (invalid byte at offset {utf8_error.start}) and not plausible "
                "GB18030 text; use --encoding to name the encoding"
            ) from None
        return text, "gb18030"


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or an InputError for a name that is no text encoding."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    # base64, hex, rot13, zlib… are codecs too, but bytes.decode() raises LookupError for them.
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(f"{encoding!r} is not a text encoding")
    return info.name


def _decode_forced(data: bytes, encoding: str) -> tuple[str, str]:
    name = check_encoding(encoding)
    text = _strict(data, name, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, name


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(f"cannot decode as {label}: invalid byte at offset {error.start}") from None
    except UnicodeError as error:  # e.g. the "undefined" codec, which refuses everything
        raise InputError(f"cannot decode as {label}: {error}") from None


def _looks_like_chinese_text(text: str) -> bool:
    """GB18030 maps almost any byte string to *some* characters; real text is
    mostly common CJK ideographs, ASCII and punctuation, never control codes or
    private-use and rare four-byte characters."""
    plausible = total = 0
    for char in text:
        if char in "\r\n\t ":
            continue
        total += 1
        code = ord(char)
        if code < 0x80:
            plausible += char.isprintable()
        elif 0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF:
            plausible += 1
        elif unicodedata.category(char)[0] in "LPNS" and code <= 0xFFFF and not 0xE000 <= code <= 0xF8FF:
            plausible += 0.5
    return total == 0 or plausible / total >= 0.9
