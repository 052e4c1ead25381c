"""Turn the bytes of a file into text, or say clearly why that is impossible.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 (Word's
"Unicode text" export, with a BOM; without one from some converters) and
GB18030/GBK (older Windows tools). We detect those without being told; anything
else is refused with one line that says what the file seems to be, instead of
producing mojibake findings. ``--encoding`` names the encoding when detection
cannot.

How detection decides, in order:

1. A BOM (UTF-8, UTF-32, UTF-16, GB18030's 84 31 95 33) settles it.
2. Known binary formats (PNG, JPEG, GIF, PDF, ZIP — so .docx/.xlsx/.odt —,
   old Word/WPS, RTF, gzip, 7z, RAR) are refused by their first bytes.
3. NUL bytes: UTF-16 without a BOM if one byte order reads as plausible text,
   else a binary file.
4. A strict UTF-8 decode. UTF-8 wins whenever it succeeds, with one exception:
   a short GB18030 text such as 学校 (D1 A7 D0 A3) or 农业 is also valid UTF-8
   ("ѧУ", "ũҵ"). When the UTF-8 reading has no character above U+07FF (so no
   Chinese at all), the GB18030 reading is mostly Chinese (as many ideographs
   as ASCII letters or more) and more plausible than the UTF-8 one, GB18030
   wins. Real UTF-8 Chinese always has characters above U+07FF, so it never
   reaches this test; a lone Latin-1 letter or symbol (ó, ·) stays UTF-8, as
   its GB18030 reading (贸, 路) is no more plausible. The price: a file written
   only in Greek or Cyrillic letters may read as GB18030 (--encoding utf-8).
5. Otherwise GB18030, if the whole file decodes strictly and reads as Chinese.
   Big5 (traditional Chinese) nearly always decodes as GB18030 too, into
   kana, symbols and rare characters: it fails the plausibility test and is
   refused with a message that suggests ``--encoding big5``.

"Reads as Chinese" is measured on the characters outside printable ASCII: the
share that are GB2312 hanzi (the 6,763 characters of everyday simplified
Chinese, taken from the codec itself), CJK and general punctuation, fullwidth
forms or Latin-1 symbols, with other CJK ideographs counting half. Real reports
score above 0.98 as whole files (above 0.8 for single paragraphs); UTF-8 text
misread as GB18030 scores at most 0.67 per paragraph, Big5 misread as GB18030
at most 0.5. Large files are measured on samples so detection stays a small
part of the run.

Errors name the byte offset and line of the first bad byte, and say what the
text before it was: "GB18030 text with an invalid byte", "UTF-8 text followed
by GB18030" (mixed encodings), or neither. There is no lenient mode: a
replaced byte would change the text that --fix writes back.
"""

from __future__ import annotations

import codecs
import stat
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from ..errors import InputError
from ..i18n import N_, Message
from .lazy_regex import LazyPattern

#: Files larger than this are refused: linting them would take minutes and the
#: memory of several copies of the text.
MAX_FILE_BYTES = 64 * 1024 * 1024

#: How much of a large text the plausibility measure reads: the start, then
#: evenly spaced chunks through the rest.
_SAMPLE_HEAD, _SAMPLE_CHUNK, _SAMPLE_CHUNKS = 65536, 4096, 32

#: A reading is Chinese text when at least this share of its non-ASCII
#: characters is plausible (see the module docstring for the measurements).
PLAUSIBLE = 0.8

# First bytes of formats that are no text documents, with the name users know (translated where shown).
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", N_("PNG image")),
    (b"\xff\xd8\xff", N_("JPEG image")),
    (b"GIF87a", N_("GIF image")),
    (b"GIF89a", N_("GIF image")),
    (b"%PDF-", N_("PDF document")),
    (b"PK\x03\x04", N_("ZIP archive, e.g. a .docx, .xlsx or .odt document")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("old Word, Excel or WPS document")),
    (b"{\\rtf", N_("RTF document")),
    (b"\x1f\x8b", N_("gzip archive")),
    (b"7z\xbc\xaf\x27\x1c", N_("7z archive")),
    (b"Rar!\x1a\x07", N_("RAR archive")),
)

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
)


def too_large(size: int) -> str:
    return Message("file too large ({size:,} bytes; the limit is {limit:,} bytes)", size=size, limit=MAX_FILE_BYTES)


@contextmanager
def reading() -> Iterator[None]:
    """Turn what the operating system says when a file cannot be read into an InputError of one line."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(Message("no such file")) from None
    except PermissionError:
        raise InputError(Message("permission denied")) from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def check_regular(path) -> None:
    """Refuse, before opening it, what is not a regular file: opening a named pipe waits for a
    writer, and a device such as /dev/zero never ends."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise InputError(Message("is a directory"))
    if not stat.S_ISREG(mode):
        raise InputError(Message("not a regular file (a pipe, device or socket); to read standard input, name it -"))


def read_limited(stream) -> bytes:
    """All of a binary *stream*, or an InputError once it passes MAX_FILE_BYTES: a device
    such as /dev/zero, or endless standard input, is never read to the end."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(Message("more than {limit:,} bytes (the limit); not read to the end", limit=MAX_FILE_BYTES))
    return data


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode *data*; return (text, encoding name). BOMs are removed from the text."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(too_large(len(data)))
    if encoding:
        return _decode_forced(data, encoding)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _without_bom(_strict(data, codec, codec)), codec
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(Message("binary file ({kind}), not a text document; save it as plain text (.txt)",
                                     kind=Message(kind)))
    if b"\x00" in data[:_SAMPLE_HEAD]:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise InputError(Message("binary file (contains NUL bytes), not a text document"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _not_utf8(data, error.start)
    if not text.isascii() and not _has_utf8_above_07ff(data):
        gb = _gb18030_instead_of(text, data)
        if gb is not None:
            return gb, "gb18030"
    return text, "utf-8"


def lines_of(text: str) -> tuple[str, str]:
    """*text* with "\n" ending its lines, and the line end the file uses: a file whose lines
    end in a lone CR (classic Mac OS, some exports) has them turned into "\n", so that its
    lines and paragraphs are found as in any other; ``restore_lines`` turns them back."""
    if "\r" in text and "\n" not in text:
        return text.replace("\r", "\n"), "\r"
    return text, "\n"


def restore_lines(text: str, newline: str) -> str:
    """The text as the file writes it: its own line end back in place of "\n"."""
    return text if newline == "\n" else text.replace("\n", newline)


def check_encoding(encoding: str) -> str:
    """The codec's canonical name, or an InputError for a name that is no text encoding."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(Message("unknown encoding {encoding}", encoding=repr(encoding))) from None
    # base64, hex, rot13, zlib… are codecs too, but bytes.decode() raises LookupError for them.
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(Message("{encoding} is not a text encoding", encoding=repr(encoding)))
    return info.name


def plausibility(text: str) -> float:
    """The share of *text*'s characters outside printable ASCII that belong in a
    Chinese document (1.0 when there are none); large texts are sampled."""
    counts = Counter(_sample(text))
    total = good = 0.0
    for char, count in counts.items():
        weight = _weight(char)
        if weight is None:
            continue
        total += count
        good += weight * count
    return 1.0 if total == 0 else good / total


def _decode_forced(data: bytes, encoding: str) -> tuple[str, str]:
    name = check_encoding(encoding)
    return _without_bom(_strict(data, name, name)), name


def _without_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise InputError(Message("cannot decode as {encoding}: invalid byte at offset {offset}", encoding=label,
                                 offset=error.start)) from None
    except UnicodeError as error:  # e.g. the "undefined" codec, which refuses everything
        raise InputError(Message("cannot decode as {encoding}: {error}", encoding=label, error=str(error))) from None


# --- the readings a detector weighs -------------------------------------------


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM has NULs in the ASCII characters (newlines, digits)
    on one side of each pair; the other byte order reads as rare ideographs and
    symbols, and binary data as control codes and unpaired surrogates."""
    if len(data) % 2:
        return None
    head = data[: _SAMPLE_HEAD * 2]
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = head.decode(codec)
        except UnicodeDecodeError:
            # The head may cut a surrogate pair in two: only an error before its end counts.
            try:
                sample = head[:-2].decode(codec)
            except UnicodeDecodeError:
                continue
        if plausibility(sample) >= PLAUSIBLE and _has_text(sample):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as error:
                raise InputError(Message("cannot decode as {encoding} (detected, no BOM): invalid byte at offset "
                                         "{offset}; use --encoding to name the encoding",
                                         encoding=codec, offset=error.start)) from None
    return None


def _has_text(text: str) -> bool:
    """Some letters or ideographs, not only punctuation: a reading of binary data
    can be all symbols."""
    return any(char.isalpha() for char in text[:4096])


def _gb18030_instead_of(utf8_text: str, data: bytes) -> str | None:
    """The GB18030 reading of a valid UTF-8 file that holds no Chinese, when
    that reading is mostly Chinese (at least as many ideographs as ASCII
    letters) and more plausible than the UTF-8 one. A lone Latin-1 letter or
    symbol (ó, ·) stays UTF-8: its GB18030 reading (贸, 路) is no more likely."""
    utf8_score = plausibility(utf8_text)
    if utf8_score >= 1.0:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    sample = _sample(text)
    ideographs = len(_IDEOGRAPHS.findall(sample))
    letters = len(_LETTERS.findall(sample))
    score = plausibility(text)
    if ideographs and ideographs >= letters and score >= PLAUSIBLE and score > utf8_score:
        return text
    return None


def _has_utf8_above_07ff(data: bytes) -> bool:
    """In valid UTF-8, a lead byte E0-F4 starts a character above U+07FF. One
    memchr per byte value: a Chinese file answers at its first character, and
    even 50 MB without one takes milliseconds (max(text) took 0.8 s)."""
    return any(bytes((lead,)) in data for lead in range(0xE0, 0xF5))


def _not_utf8(data: bytes, bad: int) -> tuple[str, str]:
    """GB18030 text, or an InputError that says what the bytes look like."""
    before = data[:bad].decode("utf-8")
    if _is_chinese(before):
        raise InputError(_utf8_then_not(data, bad))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise InputError(_gb18030_then_not(data, bad, error.start)) from None
    if _korean(data):
        raise InputError(Message("cannot decode: looks like Korean (EUC-KR), which reads as plausible but "
                                 "meaningless GB18030; use --encoding {encoding} if that is what it is",
                                 encoding="euc-kr"))
    if plausibility(text) >= PLAUSIBLE:
        return text, "gb18030"
    big5 = _big5_name(data)
    if big5:
        raise InputError(Message("cannot decode: looks like Big5 (traditional Chinese), which is not detected "
                                 "automatically; use --encoding {encoding}", encoding=big5))
    found = _utf16_without_bom(data)
    if found:
        return found
    raise InputError(Message("cannot decode: not UTF-8 ({where}) and not plausible GB18030 text; "
                             "use --encoding to name the encoding", where=_where(data, bad)))


def _utf8_then_not(data: bytes, bad: int) -> str:
    line_end = data.find(b"\n", bad)
    rest = data[bad: line_end if line_end >= 0 else len(data)]
    try:
        rest_text = rest.decode("gb18030")
    except UnicodeDecodeError:
        rest_text = ""
    if _is_chinese(rest_text):
        return Message("cannot decode: mixed encodings, UTF-8 text up to {where} and GB18030 text "
                       "from there; save the file in one encoding (or use --encoding to read it all as one)",
                       where=_where(data, bad))
    return Message("cannot decode: UTF-8 text with {where}; fix that byte, or use --encoding to name the encoding",
                   where=_where(data, bad))


def _gb18030_then_not(data: bytes, utf8_bad: int, bad: int) -> str:
    line_start = data.rfind(b"\n", 0, bad) + 1
    # Judge the lines before the bad one: the bad line may be another encoding
    # that GB18030 read as mojibake up to the bad byte. (0x0A is never part of
    # a GB18030 character, so a line start is a character boundary.)
    if _is_chinese(data[: line_start or bad].decode("gb18030")):
        line_end = data.find(b"\n", bad)
        try:
            line = data[line_start: line_end if line_end >= 0 else len(data)].decode("utf-8")
        except UnicodeDecodeError:
            line = ""
        if _is_chinese(line):
            return Message("cannot decode: mixed encodings, GB18030 text and then UTF-8 text on line {line}; "
                           "save the file in one encoding", line=_line(data, bad))
        return Message("cannot decode: GB18030 text with {where}; fix that byte, or use --encoding to name the "
                       "encoding", where=_where(data, bad))
    return Message("cannot decode: not UTF-8 ({where}) and not GB18030 ({where_gb18030}); "
                   "use --encoding to name the encoding", where=_where(data, utf8_bad), where_gb18030=_where(data, bad))


_HANGUL = LazyPattern(r"[\uac00-\ud7a3]")


def _korean(data: bytes) -> bool:
    """EUC-KR text: its Hangul rows are GB2312's hanzi rows, so it reads as everyday simplified
    characters. Read as EUC-KR (cp949) it is Hangul, spaced between words, as Korean is written
    and Chinese is not."""
    try:
        text = _sample(data.decode("cp949"))
    except UnicodeDecodeError:
        return False
    chars = [char for char in text if not char.isascii() and not char.isspace()]
    hangul = len(_HANGUL.findall(text))
    # a few spaced words (a title 政 府 工 作 报 告) are no evidence: this tool is for Chinese
    return hangul >= 20 and hangul >= 0.8 * len(chars) and text.count(" ") >= 0.15 * hangul


def _big5_name(data: bytes) -> str | None:
    """big5 (or Microsoft's superset cp950) when the bytes read as traditional Chinese."""
    for codec in ("big5", "cp950"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        sample = _sample(text)
        common = _big5_common()
        chars = [char for char in sample if not char.isascii() and not char.isspace()]
        if chars and sum(char in common or _weight(char) == 1 for char in chars) / len(chars) >= PLAUSIBLE:
            return codec
    return None


def _is_chinese(text: str) -> bool:
    """A stretch of real Chinese: two ideographs or more, and plausible."""
    return _TWO_IDEOGRAPHS.search(text) is not None and plausibility(text) >= PLAUSIBLE


def _where(data: bytes, offset: int) -> str:
    return Message("invalid byte 0x{byte:02X} at offset {offset}, line {line}", byte=data[offset], offset=offset,
                   line=_line(data, offset))


def _line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


# --- character classes ----------------------------------------------------------


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_HEAD + _SAMPLE_CHUNK * _SAMPLE_CHUNKS:
        return text
    step = (len(text) - _SAMPLE_HEAD) // _SAMPLE_CHUNKS
    return text[:_SAMPLE_HEAD] + "".join(
        text[_SAMPLE_HEAD + i * step: _SAMPLE_HEAD + i * step + _SAMPLE_CHUNK] for i in range(_SAMPLE_CHUNKS))


_IDEOGRAPH = "[\u3400-\u9fff\U00020000-\U0003134f]"
_IDEOGRAPHS = LazyPattern(_IDEOGRAPH)
_LETTERS = LazyPattern("[A-Za-z]")
_TWO_IDEOGRAPHS = LazyPattern(f"{_IDEOGRAPH}[^\\x00]*?{_IDEOGRAPH}")


def _is_ideograph(char: str) -> bool:
    return _IDEOGRAPHS.match(char) is not None


# Ranges whose characters belong in a Chinese document: Latin-1 symbols and
# letters (· × ° é), general punctuation (— “” …), letterlike symbols, number
# forms, arrows, maths, ①, box drawing and shapes, CJK punctuation (、。《》),
# enclosed CJK and units (㈠ ㎡), fullwidth forms (，：（）％).
_PLAUSIBLE_RANGES = (
    (0x00A0, 0x00FF), (0x2010, 0x2027), (0x2030, 0x205E), (0x2100, 0x27BF),
    (0x3000, 0x303F), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF01, 0xFF65), (0xFFE0, 0xFFE6),
)


@cache
def _weight(char: str) -> float | None:
    """1 for a character that belongs in Chinese text, 0.5 for a rarer
    ideograph, 0 for anything else; None for printable ASCII and whitespace,
    which read the same in every encoding detected here and prove nothing."""
    if char.isascii():
        return None if char.isprintable() or char in "\t\n\r\x0b\x0c" else 0.0
    if char.isspace():
        return None
    if char in _gb2312_hanzi():
        return 1.0
    code = ord(char)
    if any(low <= code <= high for low, high in _PLAUSIBLE_RANGES):
        return 1.0
    return 0.5 if _is_ideograph(char) else 0.0


@cache
def _gb2312_hanzi() -> frozenset[str]:
    """GB2312's 6,763 hanzi (rows B0-F7): everyday simplified Chinese."""
    return frozenset(_decode_rows("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)))


@cache
def _big5_common() -> frozenset[str]:
    """Big5's 5,401 frequently used characters (A440-C67E), and its symbols (A140-A3BF)."""
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    return frozenset(_decode_rows("big5", range(0xA1, 0xC7), trails))


def _decode_rows(codec: str, leads, trails) -> str:
    chars = []
    for lead in leads:
        for trail in trails:
            try:  # pair by pair: after an unassigned pair a bulk decode could lose its alignment
                chars.append(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                pass
    return "".join(chars)
