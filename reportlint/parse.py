"""Build a Document from text or from a file on disk."""

from __future__ import annotations

import os
from pathlib import Path

from . import decoding
from .artifacts import running_headers
from .decoding import InputError, decode
from .document import Document, Paragraph
from .markdown import RawParagraph, looks_like_markdown, split_paragraphs
from .structure import classify

MARKDOWN_SUFFIXES = (".md", ".markdown")
#: read by reportlint.docx_reader; .doc is there only to be refused with a useful message
WORD_SUFFIXES = (".docx", ".doc")
#: Document.encoding of a Word file: there are no text bytes to write back, so fixes refuse it
DOCX_ENCODING = "docx"


def parse_text(text: str, path: str = "<text>", encoding: str = "utf-8",
               allow_words: frozenset[str] = frozenset()) -> Document:
    if text.startswith("\ufeff"):
        text = text[1:]
    suffix = Path(path).suffix.lower()
    is_md_file = suffix in MARKDOWN_SUFFIXES
    markdown = is_md_file or looks_like_markdown(text)
    raws = split_paragraphs(text, markdown=markdown, one_per_line=not is_md_file)
    return build_document(raws, text, path, encoding, markdown, allow_words)


def build_document(raws: list[RawParagraph], source: str, path: str, encoding: str, markdown: bool,
                   allow_words: frozenset[str] = frozenset()) -> Document:
    """Classify split paragraphs (from text or from a Word file) into a Document."""
    kinds = [classify(raw, index) for index, raw in enumerate(raws)]
    # A line repeated on every page is a running header or footer, not prose.
    eligible = [raw.text if kind in ("text", "meta", "title") else "" for raw, (kind, _) in zip(raws, kinds)]
    for copies in running_headers(eligible).values():
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
    try:
        if path.is_dir():
            raise InputError("is a directory")
        size = path.stat().st_size
        if size > decoding.MAX_FILE_BYTES:
            raise InputError(decoding.too_large(size))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


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
            return build_document(raws, source, display, DOCX_ENCODING, False, allow_words)
    text, used = decode(read_bytes(path) if data is None else data, encoding)
    return parse_text(text, display, used, allow_words)
