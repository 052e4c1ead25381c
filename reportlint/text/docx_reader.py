"""Read a Word file (.docx) as the paragraphs its reader sees in Word.

The Document's source is the text of the Word paragraphs joined by "\\n": line N
is the Nth paragraph (empty ones count, as they do for Word's ¶ marks), so rules
and outputs work unchanged and a finding's line is its paragraph number. Reading
order: body paragraphs and tables (each cell's paragraphs, cell by cell), then
footnotes and endnotes. Headers and footers are page furniture and left out;
so are text boxes and drawings (Word lays them out apart from the text flow).

A paragraph's text is what Word shows: runs, hyperlinks, field results and
tracked insertions; not tracked deletions, field codes or hidden text. A soft
line break (Shift+Enter) joins like a soft-wrapped Markdown line: nothing
between Chinese characters, a space between Latin words. Tabs stay tabs.

Headings come from Word's paragraph styles (Heading 1…, 标题 1…, Title,
Subtitle and any style with an outline level) and from the paragraph's own
outline level; paragraphs numbered by Word's automatic numbering are list
items. Otherwise the structure recogniser decides as for text (一、 / （一）).

A .docx is a zip of XML parts: the archive is checked before anything is
decompressed (part count, declared sizes, compression ratio, DOCTYPE/ENTITY in
XML), so a zip bomb or an entity bomb fails fast with bounded memory. zipfile
never returns more bytes than a part's declared size, and python-docx's XML
parser neither resolves entities nor accepts huge trees.

lxml and python-docx are imported when a Word file is read, never for text.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..i18n import Message
from .decoding import check_regular, reading
from .lazy_regex import LazyPattern
from .markdown import RawParagraph

MAX_PARTS = 5000
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # all parts unpacked (pictures included)
MAX_XML_BYTES = 64 * 1024 * 1024  # one XML part unpacked: it becomes a tree several times its size
MAX_RATIO = 100  # a part that expands more than this…
RATIO_FLOOR = 4 * 1024 * 1024  # …to more than this is a zip bomb, not a document
MAX_OLE_SCAN = 64 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACES = " \t\u3000\xa0"
# Patterns refused anywhere in an XML part, in the encodings an XML part may use (lxml reads UTF-32 too).
_DTD_MARKERS = tuple(
    marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
MAX_CONTENT_TYPES_BYTES = 1024 * 1024  # [Content_Types].xml lists the parts: Word's is a few KB
# What a damaged zip raises while it is read (a bad offset, a bad deflate stream, an unknown
# method, a truncated member): a broken Word file, not a bug of reportlint's.
_BROKEN_ZIP = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError, OverflowError,
               struct.error)
_HEADING_STYLE = LazyPattern(r"(?i)(?:heading|标题)\s*[1-9]|subtitle|副标题")
_TITLE_STYLE = LazyPattern(r"(?i)title|标题")
_FALSE = ("0", "false", "off")
_OPENING_CHARS = 16


def read_word_file(path: Path, strict: bool = True, data: bytes | None = None) -> tuple[str, list[RawParagraph]] | None:
    """(source, paragraphs) of the Word file at *path* (or of its bytes *data*, read from
    stdin), or an InputError in one line.

    With ``strict=False`` (a .doc, which may well be text or HTML saved under
    that name) a file that is neither a zip nor an old Word file gives None.
    """
    head = data[:8] if data is not None else _head(path)
    if head.startswith(_OLE_MAGIC):
        raise InputError(_ole_message(path, data))
    if head.startswith(b"{\\rtf"):
        raise InputError(Message("an RTF file, not a Word .docx file: open it in Word or WPS and save it as .docx"))
    if not head.startswith(b"PK"):
        if not strict:
            return None
        raise InputError(Message("not a Word .docx file (not a zip archive)"))
    source = path if data is None else io.BytesIO(data)
    try:
        with zipfile.ZipFile(source) as archive:
            check_archive(archive)
        return _read_checked(str(path) if data is None else io.BytesIO(data))
    except InputError:
        raise
    except _BROKEN_ZIP as error:
        raise InputError(Message("not a Word .docx file (broken zip archive: {error})",
                                 error=str(error) or type(error).__name__)) from None


def _head(path: Path) -> bytes:
    with reading():
        check_regular(path)
        with path.open("rb") as file:
            return file.read(8)


def _ole_message(path: Path, data: bytes | None = None) -> str:
    # An encrypted .docx is an OLE container too, holding a stream named EncryptedPackage.
    if data is None:
        with path.open("rb") as file:
            data = file.read(MAX_OLE_SCAN)
    data = data[:MAX_OLE_SCAN]
    if "EncryptedPackage".encode("utf-16-le") in data:
        return Message("a password-protected Word file: remove the password in Word (or WPS) and save it again")
    return Message("an old Word 97-2003 .doc file, not .docx: open it in Word or WPS and save it as .docx")


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse, before decompressing anything but XML markers, what no Word file looks like."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise InputError(Message("not a plausible Word file: {count:,} parts in the archive (the limit is {limit:,})",
                                 count=len(infos), limit=MAX_PARTS))
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(Message("refused: part {part} expands {ratio:,} times to {size:,} bytes (a zip bomb?)",
                                     part=info.filename, ratio=size // max(info.compress_size, 1), size=size))
        if info.flag_bits & 0x1:
            raise InputError(Message("refused: part {part} is encrypted", part=info.filename))
    if total > MAX_TOTAL_BYTES:
        raise InputError(Message("refused: the archive unpacks to {size:,} bytes (the limit is {limit:,})",
                                 size=total, limit=MAX_TOTAL_BYTES))
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise InputError(Message("not a Word .docx file (a zip archive without word/document.xml)"))
    # The checks go by what each part is (its content type), not by its name: the main part may
    # be called word/main.dat, and python-docx parses it as XML all the same.
    xml_parts = _xml_parts(archive)
    for info in infos:
        if not (info.filename in xml_parts or _is_xml(info.filename)):
            continue
        _check_xml_part(archive, info, MAX_XML_BYTES)


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> None:
    """Refuse an XML part too large unpacked, or one that declares a DTD (an entity bomb)."""
    if info.file_size > limit:
        raise InputError(Message("refused: XML part {part} is {size:,} bytes unpacked (the limit is {limit:,})",
                                 part=info.filename, size=info.file_size, limit=limit))
    if _has_dtd(archive, info):
        raise InputError(Message("refused: XML part {part} declares a DOCTYPE or ENTITY (Word never writes one)",
                                 part=info.filename))


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _xml_parts(archive: zipfile.ZipFile) -> set[str]:
    """The parts [Content_Types].xml declares as XML (an XML type, or one ending in +xml that is
    not a picture): those are the ones python-docx hands to the XML parser."""
    info = archive.getinfo("[Content_Types].xml")
    _check_xml_part(archive, info, MAX_CONTENT_TYPES_BYTES)
    from xml.etree import ElementTree

    try:
        root = ElementTree.fromstring(archive.read(info))
    except ElementTree.ParseError:
        return set()  # python-docx will say the package is broken
    defaults, overrides = {}, {}
    for element in root:
        tag, kind = element.tag.rsplit("}", 1)[-1], (element.get("ContentType") or "").lower()
        if tag == "Default" and element.get("Extension"):
            defaults[element.get("Extension", "").lower()] = kind
        elif tag == "Override" and element.get("PartName"):
            overrides[element.get("PartName", "").lstrip("/")] = kind

    def is_xml(kind: str) -> bool:
        return kind in ("application/xml", "text/xml") or (kind.endswith("+xml") and not kind.startswith("image/"))

    return {name for name in archive.namelist()
            if is_xml(overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower(), ""))}


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    keep = max(len(m) for m in _DTD_MARKERS) - 1  # a marker may straddle two chunks
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1 << 20):
            window = tail + chunk
            if any(marker in window for marker in _DTD_MARKERS):
                return True
            tail = window[-keep:]
    return False


def _read_checked(source: str | io.BytesIO) -> tuple[str, list[RawParagraph]]:
    """*source*: a path, or the file's bytes in memory."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        document = docx.Document(source)
        notes = [_notes_root(part, etree) for part in _note_parts(document)]
    except (PackageNotFoundError, KeyError):
        raise InputError(Message("not a Word .docx file (its main document part is missing)")) from None
    except ValueError as error:
        raise InputError(Message("not a Word .docx file ({error})", error=str(error))) from None
    except etree.XMLSyntaxError as error:
        raise InputError(Message("not a Word .docx file (broken XML: {error})", error=str(error))) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise InputError(Message("not a Word .docx file (broken zip archive: {error})", error=str(error))) from None
    body = document.element.find(_W + "body")
    if body is None:
        raise InputError(Message("not a Word .docx file (no document body; Strict Open XML is not supported)"))
    styles = _Styles(document.styles.element)
    builder = _Builder(styles)
    builder.blocks(body, in_table=False)
    for root in notes:
        for note in root:
            if note.get(_W + "type") in (None, "normal"):
                builder.blocks(note, in_table=False)
    return "\n".join(builder.lines), builder.paragraphs


def _note_parts(document) -> Iterator[object]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for kind in (RT.FOOTNOTES, RT.ENDNOTES):
        for rel in document.part.rels.values():
            if rel.reltype == kind and not rel.is_external:
                yield rel.target_part


def _notes_root(part, etree):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    return etree.fromstring(part.blob, parser)


def _on(toggle) -> bool:
    """A toggle property such as <w:b/> or <w:b w:val="false"/>."""
    return toggle is not None and toggle.get(_W + "val", "true").lower() not in _FALSE


class _Styles:
    """What a style says about its paragraphs: heading, title, numbered, bold.

    Properties come through the basedOn chain, as in Word."""

    def __init__(self, root) -> None:
        self._styles = {s.get(_W + "styleId"): s for s in root.iter(_W + "style")}
        self.default_paragraph = next(
            (i for i, s in self._styles.items() if s.get(_W + "type") == "paragraph" and _on_attr(s, "default")), None
        )
        self._cache: dict[tuple[str | None, str], object] = {}

    def _chain(self, style_id: str | None) -> Iterator[object]:
        seen = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            yield style
            based = style.find(_W + "basedOn")
            style_id = based.get(_W + "val") if based is not None else None

    def _first(self, style_id: str | None, path: str):
        """The nearest value of the property at *path* (e.g. "pPr/outlineLvl") in the chain."""
        key = (style_id, path)
        if key not in self._cache:
            tags = [_W + step for step in path.split("/")]
            found = None
            for style in self._chain(style_id):
                element = style
                for tag in tags:
                    element = element.find(tag) if element is not None else None
                if element is not None:
                    found = element
                    break
            self._cache[key] = found
        return self._cache[key]

    def kind(self, style_id: str | None) -> str | None:
        """"title", "heading" or None for a paragraph style."""
        key = (style_id, "kind")
        if key not in self._cache:
            self._cache[key] = self._kind(style_id or self.default_paragraph)
        return self._cache[key]  # type: ignore[return-value]

    def _kind(self, style_id: str | None) -> str | None:
        for style in self._chain(style_id):
            name_element = style.find(_W + "name")
            name = (name_element.get(_W + "val") or "").strip() if name_element is not None else ""
            if _TITLE_STYLE.fullmatch(name):
                return "title"
            if _HEADING_STYLE.fullmatch(name):
                return "heading"
        level = self._first(style_id, "pPr/outlineLvl")
        if level is not None and _outline_heading(level):
            return "heading"
        return None

    def numbered(self, style_id: str | None) -> bool:
        number = self._first(style_id or self.default_paragraph, "pPr/numPr/numId")
        return number is not None and number.get(_W + "val") not in (None, "0")

    def bold(self, style_id: str | None) -> bool:
        return _on(self._first(style_id, "rPr/b"))


def _on_attr(element, name: str) -> bool:
    return (element.get(_W + name) or "").lower() in ("1", "true", "on")


def _outline_heading(level) -> bool:
    value = level.get(_W + "val", "")
    return value.isdigit() and int(value) < 9  # 9 is "body text"


class _Builder:
    """Collects the lines of the source and the paragraphs with their hints."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.lines: list[str] = []
        self.paragraphs: list[RawParagraph] = []
        self.offset = 0

    def blocks(self, container, in_table: bool) -> None:
        for child in container:
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child, in_table)
            elif tag == _W + "tbl":
                self.blocks(child, in_table=True)
            elif tag in (_W + "tr", _W + "tc", _W + "sdt", _W + "sdtContent", _W + "customXml"):
                self.blocks(child, in_table)

    def paragraph(self, element, in_table: bool) -> None:
        properties = element.find(_W + "pPr")
        style_id = _val(properties, "pStyle")
        pieces: list[tuple[str, bool]] = []  # (text, bold) per run
        _collect(element, pieces, self.styles, style_id)
        text = _join(pieces)
        start, self.offset = self.offset, self.offset + len(text) + 1
        self.lines.append(text)
        body = text.strip(_SPACES)
        if not body:
            return
        raw = RawParagraph(_hint(properties, style_id, self.styles, in_table))
        raw.whole_bold = all(bold for piece, bold in pieces if piece.strip(_SPACES + "\n"))
        raw.add(body, start + len(text) - len(text.lstrip(_SPACES)))
        self.paragraphs.append(raw)


def _val(properties, tag: str) -> str | None:
    element = properties.find(_W + tag) if properties is not None else None
    return element.get(_W + "val") if element is not None else None


def _hint(properties, style_id: str | None, styles: _Styles, in_table: bool) -> str:
    if in_table:
        return "table-cell"
    kind = styles.kind(style_id)
    level = properties.find(_W + "outlineLvl") if properties is not None else None
    if level is not None:
        if _outline_heading(level):
            return "heading"
        if kind == "heading":  # the paragraph's own level 9 ("body text") overrides its style
            kind = None
    if kind:
        return kind
    number = properties.find(f"{_W}numPr/{_W}numId") if properties is not None else None
    if number is not None:
        return "list-item" if number.get(_W + "val") != "0" else "text"
    return "list-item" if styles.numbered(style_id) else "text"


# Inline containers whose runs Word shows; anything else (w:del, w:moveFrom, pPr,
# bookmarks, comments' ranges) is left out.
_INLINE_CONTAINERS = frozenset(_W + tag for tag in (
    "hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml", "dir", "bdo",
))


def _collect(container, pieces: list[tuple[str, bool]], styles: _Styles, style_id: str | None) -> None:
    for child in container:
        if child.tag == _W + "r":
            pieces.append(_run(child, styles, style_id))
        elif child.tag in _INLINE_CONTAINERS:
            _collect(child, pieces, styles, style_id)


def _run(run, styles: _Styles, style_id: str | None) -> tuple[str, bool]:
    properties = run.find(_W + "rPr")
    if properties is not None and _on(properties.find(_W + "vanish")):
        return "", False
    parts = []
    for child in run:
        tag = child.tag
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")  # a soft break: _join decides what it becomes
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
    bold = properties.find(_W + "b") if properties is not None else None
    if bold is not None:
        is_bold = _on(bold)
    else:
        is_bold = styles.bold(_val(properties, "rStyle")) or styles.bold(style_id)
    return "".join(parts), is_bold


def _join(pieces: list[tuple[str, bool]]) -> str:
    """A paragraph's text on one line: soft breaks join as soft-wrapped lines do."""
    text = "".join(piece for piece, _ in pieces).replace("\r", "\n")
    if "\n" not in text:
        return text
    lines = text.split("\n")
    result = lines[0].rstrip(_SPACES)
    for line in lines[1:]:
        line = line.lstrip(_SPACES)
        if result[-1:].isascii() and result[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum():
            result += " "
        result = (result + line).rstrip(_SPACES) if line else result
    return result


def opening_words(source: str, offset: int) -> str:
    """The first words of the paragraph (source line) holding *offset*: what a
    Word user types into Find to get there."""
    start = source.rfind("\n", 0, offset) + 1
    end = source.find("\n", offset)
    text = source[start : end if end >= 0 else len(source)].strip(_SPACES)
    return text if len(text) <= _OPENING_CHARS else text[:_OPENING_CHARS] + "…"

