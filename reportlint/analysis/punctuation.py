"""What the punctuation rules share: which ASCII marks of a paragraph are used
as Chinese punctuation, and what their full-width forms are.

The script is decided per clause, never per character (a linter that looks at
the nearest character flags the comma of an English clause quoted in Chinese
text): the text between two punctuation marks is a clause, and a clause is
Chinese when its Han characters are at least as many as its Latin words. A
, ; : ? ! belongs to the clause it ends; a pair of brackets or quotes to the
text around it. Numbers (1,000 / 3:30), URLs, e-mail addresses, HTML entities
and `code` keep their ASCII marks (Markdown code never reaches the prose).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
#: the marks a report writes in both widths: their share decides whether ASCII is the document's habit
ASCII_MARKS = frozenset(FULL_WIDTH)
FULL_WIDTH_MARKS = frozenset(FULL_WIDTH.values())
MARK_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", "()": "括号", "(": "括号",
              ")": "括号", '""': "引号", "...": "省略号"}
#: the full-width form of each kind of mark (see Stray.kind), as a message shows it
FULL_WIDTH_KIND = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "()": "（）", '""': "“”", "...": "……"}
ELLIPSIS = "……"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = LazyPattern(f"[{HAN}]")
_LATIN_WORD = LazyPattern(r"[A-Za-z]+")
# Every mark that ends a clause, and the brackets and quotes that enclose one.
_DELIMITER = LazyPattern(r"[，。、；：？！,;:?!“”‘’\"《》〈〉（）()【】「」『』〔〕\[\]…—]")
# Text inside Chinese prose that is not Chinese prose: its ASCII marks are its own.
_NOT_PROSE = LazyPattern(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|www\.[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|&(?:[A-Za-z]+|#[0-9]+);"
    r"|`[^`\n]+`"  # code in a plain-text file (Markdown code never reaches the prose)
)
# 1,000,000 (digit grouping) and 3:30 / 09:02:33 / 1:500 / 3.6 : 48 : 48.4 (times and ratios)
_IN_NUMBER = LazyPattern(r"(?<=\d),(?=\d{3}(?!\d))|(?:(?<=\d)|(?<=\d )):(?= ?\d)")
# a paragraph without one of these has nothing to decide
_CANDIDATE = LazyPattern(r'[,;:?!()"]|\.\.\.')
# "..." or "......" for 省略号; not inside numbers or Latin words (1...10, etc...)
_DOTS = LazyPattern(r"(?<![.A-Za-z0-9])\.{3,6}(?![.A-Za-z0-9])")

HAN_SCRIPT, LATIN_SCRIPT, NO_SCRIPT = "han", "latin", "none"


def script(text: str, latin_around: bool = False) -> str:
    """The script of a clause: Chinese when its Han characters are at least as many as its
    Latin words (推出iPhone 15 Pro is Chinese, Made in China 2025 is Latin); digits and
    symbols alone have none. In an English paragraph (*latin_around*) only a clause
    without Latin words is Chinese (千 for 干 is English about a character)."""
    return _script(len(_HAN_CHAR.findall(text)), len(_LATIN_WORD.findall(text)), latin_around)


def _script(han: int, words: int, latin_around: bool) -> str:
    if han and (not words if latin_around else han >= words):
        return HAN_SCRIPT
    return LATIN_SCRIPT if words else NO_SCRIPT


@dataclass(frozen=True)
class Stray:
    """ASCII punctuation used in Chinese text: one mark, a pair of brackets or quotes,
    or an ellipsis. Offsets are into ``paragraph.text``."""

    paragraph: Paragraph
    start: int
    end: int
    mark: str  # , ; : ? ! or "()" for brackets, '""' for quotes, "..." for an ellipsis; a lone "(" or ")"
    #: (start, end, full-width text) for each character run the fix replaces
    replacements: tuple[tuple[int, int, str], ...]
    #: for a lone ( or ): the offset of its full-width other half, as in （…) or (…）
    partner: int | None = None
    #: a ? where no question mark can stand: a character the capture lost (nothing replaces it)
    lost: bool = False

    @property
    def text(self) -> str:
        return self.paragraph.text[self.start : self.end]

    @property
    def kind(self) -> str:
        """The kind of mark: , ; : ? ! "()" (brackets, paired or not), '""' or "...";
        "lost" for a lost character."""
        if self.lost:
            return "lost"
        return "()" if self.mark in ("(", ")") else self.mark


def strays(doc: Document) -> list[Stray]:
    """Every ASCII mark of the document used as Chinese punctuation, in order."""
    return doc.analysis("punctuation.strays", lambda d: [s for p in prose(d) for s in paragraph_strays(p)])


def prose(doc: Document) -> list[Paragraph]:
    """The paragraphs the punctuation rules read: not page furniture (您的位置：首页 >, 09:02:33)."""
    return [p for p in doc.paragraphs if p.kind != "artifact"]


def full_width_count(doc: Document) -> int:
    """How many ， ； ： ？ ！ （ ） the document writes (counted by str.count: a loop over every
    character took 0.1 s in 8.8 MB)."""
    return sum(p.text.count(mark) for p in prose(doc) for mark in FULL_WIDTH_MARKS)


_WIDE_KIND = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "()", "“": '""'}
_ELLIPSIS = LazyPattern("…+")


def full_width_kinds(doc: Document) -> Counter[str]:
    """How many marks of each kind (see Stray.kind) the document writes in full width:
    a pair of brackets or quotes counts once, by its opening half; a run of … once."""
    counts: Counter[str] = Counter()
    for paragraph in prose(doc):
        text = paragraph.text
        for mark, kind in _WIDE_KIND.items():
            if mark in text:
                counts[kind] += text.count(mark)
        if "…" in text:
            counts["..."] += len(_ELLIPSIS.findall(text))
    return counts


_OPENERS = frozenset("“‘《〈（(【「『〔[")
_OPENER_OF = dict(zip("”’》〉）)】」』〕]", "“‘《〈（(【「『〔["))


class _Clauses:
    """The clauses of one paragraph (the text between consecutive delimiters), with the
    depth of brackets and quotes each lies in.

    When the clauses beside a mark have no script (digits, or nothing between two
    marks), the nearest clause with one decides, at the mark's depth or above it: a
    quoted Chinese word inside an English sentence (「广义货币M」, …) does not make
    the comma after it Chinese.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.delimiters = [m.start() for m in _DELIMITER.finditer(text)]
        bounds = [-1, *self.delimiters, len(text)]
        counts = [(len(_HAN_CHAR.findall(text, a + 1, b)), len(_LATIN_WORD.findall(text, a + 1, b)))
                  for a, b in zip(bounds, bounds[1:])]
        self.depths = [0]
        open_marks: list[str] = []  # the brackets and quotes open at this point
        open_count: Counter[str] = Counter()
        for at in self.delimiters:
            char = text[at]
            # straight quotes open and close in turn
            opener = '"' if char == '"' and open_count['"'] else _OPENER_OF.get(char)
            if opener and open_count[opener]:
                # a closer also closes what was left open inside it (“》》进入专题《《”)
                while True:
                    top = open_marks.pop()
                    open_count[top] -= 1
                    if top == opener:
                        break
            elif char == '"' or char in _OPENERS:
                open_marks.append(char)
                open_count[char] += 1
            self.depths.append(len(open_marks))
        # Clauses with both scripts go with their paragraph's top level.
        top_han = sum(han for (han, _), depth in zip(counts, self.depths) if depth == 0)
        top_words = sum(words for (_, words), depth in zip(counts, self.depths) if depth == 0)
        self.latin_paragraph = top_words > top_han
        self.scripts = [_script(han, words, self.latin_paragraph) for han, words in counts]
        self.before, self.outer_before = self._nearest(range(len(self.scripts)))
        self.after, self.outer_after = self._nearest(range(len(self.scripts) - 1, -1, -1))

    def _nearest(self, order: range) -> tuple[list[str], list[str]]:
        """For each clause, in *order*: the script of the nearest clause with one that is
        not enclosed deeper, and of the nearest clause at depth 0."""
        nearest, outer = [NO_SCRIPT] * len(self.scripts), [NO_SCRIPT] * len(self.scripts)
        stack: list[tuple[int, str]] = []  # (depth, script), one per depth, deepest last
        top_level = NO_SCRIPT
        for k in order:
            depth, found = self.depths[k], self.scripts[k]
            while stack and stack[-1][0] > depth:
                stack.pop()
            if found != NO_SCRIPT:
                if stack and stack[-1][0] == depth:
                    stack.pop()
                stack.append((depth, found))
                if depth == 0:
                    top_level = found
            nearest[k] = stack[-1][1] if stack else NO_SCRIPT
            outer[k] = top_level
        return nearest, outer

    def quoted_in_latin(self, k: int) -> bool:
        """Is clause k inside brackets or quotes of an English sentence (a mention of
        Chinese text, not Chinese text)?"""
        sides = (self.outer_before[k], self.outer_after[k])
        return self.depths[k] > 0 and LATIN_SCRIPT in sides and HAN_SCRIPT not in sides

    def ending(self, k: int) -> bool:
        """Is delimiter k (a , ; : ? !) in Chinese text? It belongs to the clause it ends."""
        if self.quoted_in_latin(k):
            return False
        for s in (self.scripts[k], self.scripts[k + 1], self.before[k], self.after[k + 1]):
            if s != NO_SCRIPT:
                return s == HAN_SCRIPT
        return False

    def around(self, k_open: int, k_close: int) -> bool:
        """Are the brackets or quotes at delimiters k_open and k_close in Chinese text?
        The text around them decides, then what they enclose."""
        if self.quoted_in_latin(k_open):
            return False
        for sides in ((self.scripts[k_open], self.scripts[k_close + 1]),
                      (self.before[k_open], self.after[k_close + 1])):
            if HAN_SCRIPT in sides:
                return True
            if LATIN_SCRIPT in sides:
                return False
        inside = self.text[self.delimiters[k_open] + 1 : self.delimiters[k_close]]
        return script(inside, self.latin_paragraph) == HAN_SCRIPT

    def beside(self, k: int) -> bool:
        """Is the unpaired bracket at delimiter k in Chinese text (1)加强…)?"""
        if self.quoted_in_latin(k):
            return False
        for sides in ((self.scripts[k], self.scripts[k + 1]), (self.before[k], self.after[k + 1])):
            if HAN_SCRIPT in sides:
                return True
            if LATIN_SCRIPT in sides:
                return False
        return False


def paragraph_strays(paragraph: Paragraph) -> list[Stray]:
    text = paragraph.text
    if not _CANDIDATE.search(text) or not _HAN_CHAR.search(text):
        return []  # most paragraphs of a report: nothing to decide
    clauses = _Clauses(text)
    exempt = _exempt_offsets(text)
    found: list[Stray] = []
    brackets: list[int] = []  # open ( and （ as delimiter indexes
    quotes: list[int] = []
    run_end, run_lost = -1, False  # the run of ? being read
    for k, at in enumerate(clauses.delimiters):
        char = text[at]
        if at in exempt:
            continue
        if char == "?" and at >= run_end:
            run_end, run_lost = _question_run(text, at)
            if run_lost:  # ?? : two characters lost, one finding
                found.append(Stray(paragraph, at, run_end, char, (), lost=True))
        if char == "?" and run_lost:
            continue
        if char in ",;:?!":
            if clauses.ending(k):
                found.append(Stray(paragraph, at, at + 1, char, ((at, at + 1, FULL_WIDTH[char]),)))
        elif char in "(（":
            brackets.append(k)
        elif char in ")）":
            found.extend(_close_bracket(paragraph, clauses, brackets.pop() if brackets else None, k))
        elif char == '"':
            quotes.append(k)
    for k in brackets:  # ( never closed (a full-width （ never closed is unmatched-pair's)
        if text[clauses.delimiters[k]] == "(":
            found.extend(_lone_bracket(paragraph, clauses, k))
    found.extend(_quote_pairs(paragraph, clauses, quotes))
    found.extend(_ellipses(paragraph, clauses, exempt))
    found.sort(key=lambda s: s.start)
    return found


# A character that a capture or a conversion to GBK could not encode comes out as ?: 前1‱ →
# 前1?。, 、澧水 → 、?水. It stands where no question mark can: right after a 点号 or an opening
# mark (a question does not start there), or right before a 点号 (？。 is not written), unless a
# question particle shows a question (……吗?。 is a doubled mark). Inside a word (在贵州?江) it
# is lost too when nothing in its sentence asks (吗, 什么, 如何, 是否, 究竟…还是, 满意不满意 …). A ? alone
# in brackets marks a doubt.
_NO_QUESTION_AFTER = frozenset("、，。；：（“‘《【〔,;:(")
_NO_QUESTION_BEFORE = frozenset("、，。；：,;:")
_QUESTION_PARTICLES = frozenset("吗呢吧么")
_QUESTION_CUE = LazyPattern(r"[吗呢吧么谁哪几岂怎]|什么|如何|何[以时处在必尝]|为何|多[少久长大远高]|是否|难道|可否|能否"
                           r"|究竟|到底|还是|([\u4e00-\u9fff]{1,2})[不没]\1")
_SENTENCE_START = LazyPattern(r"[。！？!?；;\n]")


def lost_character(text: str, at: int) -> bool:
    """Is the ? at *at* a lost character rather than a question mark?"""
    start = at
    while start and text[start - 1] == "?":
        start -= 1
    return _question_run(text, start)[1]


def _question_run(text: str, start: int) -> tuple[int, bool]:
    """The end of the run of ? that starts at *start*, and whether it is lost characters
    (one verdict for the run, so that a long run is read once)."""
    end = start + 1
    while text[end : end + 1] == "?":
        end += 1
    before, after = text[start - 1 : start], text[end : end + 1]
    if end - start == 1 and before + after in ("（）", "()"):
        return end, False  # （?）: a doubt, GB/T 15834
    if start == 0:
        return end, bool(_HAN_CHAR.match(after))
    if before in _NO_QUESTION_AFTER:
        return end, True
    if after in _NO_QUESTION_BEFORE:
        return end, before not in _QUESTION_PARTICLES
    return end, bool(_HAN_CHAR.match(before) and _HAN_CHAR.match(after)) and not _asks(text, start)


def _asks(text: str, end: int) -> bool:
    """Does the sentence that runs up to *end* ask something?"""
    start = end
    while start and not _SENTENCE_START.match(text, start - 1):
        start -= 1
    return bool(_QUESTION_CUE.search(text, start, end))


def _exempt_offsets(text: str) -> set[int]:
    exempt = {m.start() for m in _IN_NUMBER.finditer(text)}
    for match in _NOT_PROSE.finditer(text):
        exempt.update(range(match.start(), match.end()))
    return exempt


def _close_bracket(paragraph: Paragraph, clauses: _Clauses, k_open: int | None, k_close: int) -> list[Stray]:
    """A closing bracket of either width and the opening one it closes, if any: two ASCII
    halves are one pair; a pair whose halves differ in width (（…) or (…）) is a real
    input, and its ASCII half is reported on its own, naming the full-width partner."""
    text = paragraph.text
    close_ascii = text[clauses.delimiters[k_close]] == ")"
    if k_open is None:
        return _lone_bracket(paragraph, clauses, k_close) if close_ascii else []
    open_ascii = text[clauses.delimiters[k_open]] == "("
    if open_ascii and close_ascii:
        return _bracket_pair(paragraph, clauses, k_open, k_close)
    if open_ascii:
        return _lone_bracket(paragraph, clauses, k_open, partner=clauses.delimiters[k_close])
    if close_ascii:
        return _lone_bracket(paragraph, clauses, k_close, partner=clauses.delimiters[k_open])
    return []


def _lone_bracket(paragraph: Paragraph, clauses: _Clauses, k: int, partner: int | None = None) -> list[Stray]:
    if not clauses.beside(k):
        return []
    at = clauses.delimiters[k]
    char = paragraph.text[at]
    return [Stray(paragraph, at, at + 1, char, ((at, at + 1, FULL_WIDTH[char]),), partner)]


def _bracket_pair(paragraph: Paragraph, clauses: _Clauses, k_open: int, k_close: int) -> list[Stray]:
    text = paragraph.text
    start, end = clauses.delimiters[k_open], clauses.delimiters[k_close] + 1
    inside = text[start + 1 : end - 1]
    # f(x), iPhone 15 Pro (256GB): brackets that belong to a Latin name
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    lead = text[before] if before >= 0 else ""
    if lead.isascii() and lead.isalnum() and not _HAN_CHAR.search(inside):
        return []
    if not clauses.around(k_open, k_close):
        return []
    return [Stray(paragraph, start, end, "()", ((start, start + 1, "（"), (end - 1, end, "）")))]


def _quote_pairs(paragraph: Paragraph, clauses: _Clauses, quotes: list[int]) -> list[Stray]:
    """ASCII "…" around Chinese words (加强"三河三湖"治理). Straight quotes do not say which
    one opens: only a paragraph whose quotes pair up is read, first with second and so on."""
    if len(quotes) % 2:
        return []
    found = []
    for k_open, k_close in zip(quotes[::2], quotes[1::2]):
        start, end = clauses.delimiters[k_open], clauses.delimiters[k_close] + 1
        inside = paragraph.text[start + 1 : end - 1]
        if script(inside, clauses.latin_paragraph) == HAN_SCRIPT and clauses.around(k_open, k_close):
            found.append(Stray(paragraph, start, end, '""', ((start, start + 1, "“"), (end - 1, end, "”"))))
    return found


def _ellipses(paragraph: Paragraph, clauses: _Clauses, exempt: set[int]) -> list[Stray]:
    found = []
    for match in _DOTS.finditer(paragraph.text):
        if match.start() in exempt:
            continue
        k = _clause_index(clauses, match.start())
        if clauses.scripts[k] == HAN_SCRIPT or (clauses.scripts[k] == NO_SCRIPT and clauses.before[k] == HAN_SCRIPT):
            found.append(Stray(paragraph, match.start(), match.end(), "...",
                               ((match.start(), match.end(), ELLIPSIS),)))
    return found


def _clause_index(clauses: _Clauses, offset: int) -> int:
    """The index of the clause that holds *offset* (not a delimiter itself)."""
    return bisect.bisect_left(clauses.delimiters, offset)
