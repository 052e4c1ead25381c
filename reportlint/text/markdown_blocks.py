"""Which lines of a Markdown file are not prose, as CommonMark decides it.

The block structure that decides what is code, raw HTML or a link reference
definition is subtle (an indented line is code after a blank line, but a lazy
continuation inside a paragraph or a list item; an HTML block runs to the next
blank line; a definition is only one where a paragraph could start), so it is
taken from markdown-it-py, a CommonMark parser with line maps, rather than
guessed line by line. The splitter (markdown.py) still reads the prose itself,
character by character, so that every offset maps back to its column.
"""

from __future__ import annotations

from functools import lru_cache

from .lazy_regex import LazyPattern

CODE, HTML, DEFINITION = "code", "html", "definition"
_FOOTNOTE = LazyPattern(r"[ ]{0,3}\[\^[^\]\s]+\]:")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt  # imported here: plain-text files never pay for it

    # Blocks only: the inline rules (emphasis, links) are the splitter's, with its source map.
    return MarkdownIt("commonmark").enable("table").disable("inline")


def not_prose(lines: list[str], skipped: frozenset[int] = frozenset()) -> dict[int, str]:
    """0-based line numbers of *lines* that hold no prose, with why: CODE (fenced or
    indented code), HTML (a raw HTML block) or DEFINITION (a link reference definition,
    which CommonMark consumes without a block of its own). *skipped* lines (front
    matter) are read as blank."""
    text = "\n".join("" if number in skipped else line for number, line in enumerate(lines))
    kinds: dict[int, str] = {}
    covered = set(skipped)
    for token in _parser().parse(text):
        if token.map is None:
            continue
        first, last = token.map
        kind = CODE if token.type in ("fence", "code_block") else HTML if token.type == "html_block" else None
        if kind is not None:
            kinds.update(dict.fromkeys(range(first, last), kind))
        if token.level == 0:
            covered.update(range(first, last))
    for number, line in enumerate(lines):
        # [^1]: … is a footnote (an extension the splitter reads), which CommonMark takes for a definition
        if number not in covered and line.strip() and not _FOOTNOTE.match(line):
            kinds.setdefault(number, DEFINITION)
    return kinds
