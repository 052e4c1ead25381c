"""Build a Document from text or from a file on disk."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from . import decoding
from .artifacts import answers_kept, running_headers
from .decoding import decode, lines_of
from .document import WORD_ENCODING, Document, Paragraph
from .hard_wrap import detect_hard_wrap
from .markdown import RawParagraph, looks_like_markdown, markdown_blocks, split_paragraphs
from .markdown_blocks import CODE
from .soft_wrap import detect_soft_wrap
from .structure import classify

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: read by reportlint.text.docx_reader; .doc is there only to be refused with a useful message
WORD_SUFFIXES = (".docx", ".doc")


def parse_text(text: str, path: str = "<text>", encoding: str = "utf-8",
               allow_words: frozenset[str] = frozenset()) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    with answers_kept():
        return _parsed(text, path, encoding, allow_words)


def _parsed(text: str, path: str, encoding: str, allow_words: frozenset[str]) -> Document:
    suffix = Path(path).suffix.lower()
    is_md_file = suffix in MARKDOWN_SUFFIXES
    markdown = is_md_file or looks_like_markdown(text)
    # A Markdown file wraps as it likes (its paragraphs end at blank lines); a text
    # file is one paragraph a line, unless its line lengths show a hard wrap.
    wrap = None if is_md_file else detect_hard_wrap(text)
    # …or, copied from a PDF viewer, paragraphs apart by blank lines whose lines break anywhere
    soft = None if is_md_file or markdown or wrap else detect_soft_wrap(text)
    blocks = markdown_blocks(text, markdown, one_per_line=not is_md_file)
    joins = wrap.joins_next if wrap else soft or frozenset()
    raws = split_paragraphs(text, markdown=markdown, one_per_line=not is_md_file, joins_next=joins, blocks=blocks)
    doc = build_document(raws, text, path, encoding, markdown, allow_words)
    doc.code_lines = frozenset(number + 1 for number, kind in blocks.items() if kind == CODE)
    if wrap:
        doc.notes = (f"按固定行宽（约{wrap.width}字）折行的文本，已将折行合并为段落",)
    elif soft:
        doc.notes = ("段落以空行分隔、段内在句中任意换行的文本（如从 PDF 阅读器复制），已将段内各行合并为段落",)
    return doc


def build_document(raws: list[RawParagraph], source: str, path: str, encoding: str, markdown: bool,
                   allow_words: frozenset[str] = frozenset()) -> Document:
    """Classify split paragraphs (from text or from a Word file) into a Document."""
    kinds = [classify(raw, index) for index, raw in enumerate(raws)]
    # A line repeated on every page is a running header or footer, not prose.
    eligible = [kind in ("text", "meta", "title") for kind, _ in kinds]
    for copies in running_headers([raw.text for raw in raws], eligible=eligible).values():
        for index in copies:
            kinds[index] = ("artifact", None)
    paragraphs = [
        Paragraph(index, kind, raw.text, raw.source_map(), number)  # type: ignore[arg-type]
        for index, (raw, (kind, number)) in enumerate(zip(raws, kinds))
    ]
    return Document(path=path, source=source, encoding=encoding, paragraphs=paragraphs,
                    markdown=markdown, allow_words=allow_words)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an InputError that says in one line what is wrong."""
    with decoding.reading():
        decoding.check_regular(path)
        size = path.stat().st_size
        if size > decoding.MAX_FILE_BYTES:
            raise InputError(decoding.too_large(size))
        with path.open("rb") as file:
            # the size said may be wrong (/proc files, a file growing meanwhile): read no more
            return decoding.read_limited(file)


def read_document(path: Path, display_path: str | None = None, encoding: str | None = None,
                  allow_words: frozenset[str] = frozenset(), data: bytes | None = None) -> Document:
    """A file as a Document: Word files (.docx) by their paragraphs, anything else as text.

    *data*: the file's bytes when they come from elsewhere (stdin), *path* then giving only
    the name. *encoding* names the text encoding; a Word file carries its own and ignores it.
    """
    suffix = path.suffix.lower()
    display = display_path or os.fspath(path)
    if suffix in WORD_SUFFIXES:
        # imported here: reading text files never pays for zipfile, lxml and python-docx
        from .docx_reader import read_word_file

        # a .doc may be text or HTML saved under that name: read it as text then
        word = read_word_file(path, strict=suffix == ".docx", data=data)
        if word is not None:
            source, raws = word
            return build_document(raws, source, display, WORD_ENCODING, False, allow_words)
    text, used = decode(read_bytes(path) if data is None else data, encoding)
    return parse_lines(text, display, used, allow_words)


def parse_lines(text: str, path: str = "<text>", encoding: str = "utf-8",
                allow_words: frozenset[str] = frozenset()) -> Document:
    """parse_text for the text of a file as it was read: lines that end in a lone CR (classic
    Mac OS) are read as lines, and the document remembers its line end for the fixes. (The
    texts fixes produce are parsed as they are: a CR they leave is no line end.)"""
    text, newline = lines_of(text.removeprefix("\ufeff"))
    doc = parse_text(text, path, encoding, allow_words)
    doc.newline = newline
    return doc
