"""Audit the wrong forms of a substitution pack for the places where they are right.

A wrong form such as 做为 is also what correct text produces across a word
boundary (多做|为民办事), and a form such as 截止 is itself a correct word in
other contexts (截止日期). For every wrong form of every substitution rule this
lists, from the shipped lexicon (jieba's dictionary with its frequencies):

- ``word``: the frequency of the form itself, when the dictionary knows it;
- ``inside``: dictionary words that contain the form (截止日期 contains 截止);
- ``across``: words that, glued together, produce it: the end of one word, then
  whole words, then the start of another (多做 + 为民 → 做为);

and its hits in a corpus of real text (by default the gov-reports corpus beside
the clone), each with the line. A word or a hit that the entry's context
conditions (after / not-after / before / not-before) already exclude is left
out, so what remains is what the entry would still fire on. An entry is marked
RISK when something remains above the frequency threshold.

    python tools/check_pack_entries.py                        # rules/*.toml, risky entries only
    python tools/check_pack_entries.py --all rules/confusable-words.toml
    python tools/check_pack_entries.py --only 做为 --only 截止
"""

from __future__ import annotations

import argparse
import bisect
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent
LEXICON = REPO / "reportlint" / "data" / "lexicon.txt"
CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
# A single character standing alone as a word is only a plausible neighbour
# when it is a common one (为, 使, 既, 做); rare single characters are noise.
SINGLE_CHAR_FREQ = 1000


@dataclass
class Entry:
    wrong: str
    right: tuple[str, ...]
    contexts: dict[str, str] = field(default_factory=dict)


class Lexicon:
    """All dictionary words, searchable by what they contain, start and end with."""

    def __init__(self, path: Path) -> None:
        self.freq: dict[str, int] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            word, freq, _tag = line.split(" ")
            self.freq[word] = int(freq)
        self.total = sum(self.freq.values())
        self.words = sorted(self.freq)
        self._joined = "\n" + "\n".join(self.words) + "\n"
        self._by_end = sorted(w[::-1] for w in self.words)

    def containing(self, text: str) -> list[str]:
        found, position = set(), self._joined.find(text)
        while position >= 0:
            start = self._joined.rfind("\n", 0, position) + 1
            end = self._joined.find("\n", position)
            found.add(self._joined[start:end])
            position = self._joined.find(text, end)
        return [w for w in found if w != text]

    def starting(self, prefix: str) -> list[str]:
        i = bisect.bisect_left(self.words, prefix)
        out = []
        while i < len(self.words) and self.words[i].startswith(prefix):
            out.append(self.words[i])
            i += 1
        return out

    def ending(self, suffix: str) -> list[str]:
        reverse = suffix[::-1]
        i = bisect.bisect_left(self._by_end, reverse)
        out = []
        while i < len(self._by_end) and self._by_end[i].startswith(reverse):
            out.append(self._by_end[i][::-1])
            i += 1
        return out

    def logp(self, word: str) -> float:
        return math.log(self.freq[word] / self.total)

    def plausible(self, word: str, min_freq: int) -> bool:
        freq = self.freq.get(word, 0)
        return freq >= (SINGLE_CHAR_FREQ if len(word) == 1 else min_freq)


def read_entries(path: Path) -> list[Entry]:
    """The wrong forms of every substitution rule, short (swap) and long ([[rule.entry]]) forms."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    lists = {name: "|".join(map(re.escape, words)) for name, words in data.get("lists", {}).items()}
    entries = []
    for rule in data.get("rule", []):
        if rule.get("kind", "substitution") != "substitution":
            continue
        for wrong, right in rule.get("swap", {}).items():
            entries.append(Entry(wrong, (right,) if isinstance(right, str) else tuple(right)))
        for table in rule.get("entry", []):
            right = table.get("right", ())
            contexts = {key: _expand(table[key], lists) for key in ("after", "not-after", "before", "not-before")
                        if key in table}
            entries.append(Entry(table["wrong"], (right,) if isinstance(right, str) else tuple(right), contexts))
    return entries


def _expand(pattern: str, lists: dict[str, str]) -> str:
    return re.sub(r"\{([^{}\d,]+)\}", lambda m: f"(?:{lists[m.group(1)]})" if m.group(1) in lists else m.group(), pattern)


def fires(entry: Entry, before: str, after: str) -> bool:
    """Whether the entry's context conditions let it fire between these two texts."""
    c = entry.contexts
    if "after" in c and not re.match(c["after"], after):
        return False
    if "not-after" in c and re.match(c["not-after"], after):
        return False
    if "before" in c and not re.search(f"(?:{c['before']})$", before):
        return False
    return not ("not-before" in c and re.search(f"(?:{c['not-before']})$", before))


def inside_words(entry: Entry, lexicon: Lexicon, min_freq: int) -> list[tuple[str, int]]:
    out = []
    for word in lexicon.containing(entry.wrong):
        if lexicon.freq[word] < min_freq or any(r in word for r in entry.right if entry.wrong in r):
            continue  # rare, or a word that contains the wrong form only inside the right one
        at = word.find(entry.wrong)
        if any(fires(entry, word[:i], word[i + len(entry.wrong):])
               for i in range(at, len(word)) if word.startswith(entry.wrong, i)):
            out.append((word, lexicon.freq[word]))
    return sorted(out, key=lambda item: -item[1])


def across_words(entry: Entry, lexicon: Lexicon, min_freq: int, limit: int = 4) -> list[tuple[str, float]]:
    """Word sequences producing the wrong form across a boundary, as ("A|B|C", log probability).

    The probability is jieba's: the product of the words' frequencies over the
    total, so a sequence of many single characters (共|克|时|坚持) scores far
    below a natural pair (多做|为民)."""
    wrong, found = entry.wrong, []
    # after each prefix length of the form: (text before the form, words so far, log probability)
    partial: dict[int, list[tuple[str, tuple[str, ...], float]]] = {}
    for cut in range(1, len(wrong)):
        states = []
        # the first word ends inside the form, starting anywhere before it
        for word in lexicon.ending(wrong[:cut]):
            if lexicon.plausible(word, min_freq):
                states.append((word[: len(word) - cut], (word,), lexicon.logp(word)))
        # or a whole word in the middle, after an earlier cut
        for start in range(1, cut):
            middle = wrong[start:cut]
            if lexicon.plausible(middle, min_freq):
                for before, words, logp in partial.get(start, []):
                    states.append((before, (*words, middle), logp + lexicon.logp(middle)))
        partial[cut] = sorted(states, key=lambda s: -s[2])[:50]
    for cut in range(1, len(wrong)):
        for word in lexicon.starting(wrong[cut:]):
            if not lexicon.plausible(word, min_freq):
                continue
            after = word[len(wrong) - cut:]
            for before, words, logp in partial[cut]:
                if fires(entry, before, after):
                    found.append(("|".join((*words, word)), logp + lexicon.logp(word)))
    best: dict[str, float] = {}
    for text, logp in found:
        best[text] = max(best.get(text, -1e9), logp)
    return sorted(best.items(), key=lambda item: -item[1])[:limit]


def corpus_hits(entry: Entry, lines: list[tuple[str, str]], limit: int = 3) -> tuple[int, list[str]]:
    count, shown = 0, []
    for where, line in lines:
        for match in re.finditer(re.escape(entry.wrong), line):
            if fires(entry, line[: match.start()], line[match.end():]):
                count += 1
                if len(shown) < limit:
                    shown.append(f"{where}: …{line[max(0, match.start() - 12): match.end() + 12]}…")
    return count, shown


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    lines = []
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            lines.append((f"{path.name}:{number}", line))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packs", nargs="*", type=Path, default=sorted((REPO / "rules").glob("*.toml")))
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt files to count hits in")
    parser.add_argument("--min-freq", type=int, default=20, help="ignore dictionary words rarer than this")
    parser.add_argument("--max-surprise", type=float, default=-24.0,
                        help="ignore word sequences less probable than this natural log probability")
    parser.add_argument("--only", action="append", default=[], help="audit only this wrong form (repeatable)")
    parser.add_argument("--all", action="store_true", help="print every entry, not only the risky ones")
    args = parser.parse_args(argv)

    lexicon = Lexicon(LEXICON)
    lines = read_corpus(args.corpus) if args.corpus.is_dir() else []
    risky = total = 0
    for pack in args.packs:
        for entry in read_entries(pack):
            if args.only and entry.wrong not in args.only:
                continue
            total += 1
            own = lexicon.freq.get(entry.wrong, 0)
            inside = inside_words(entry, lexicon, args.min_freq)
            across = across_words(entry, lexicon, args.min_freq)
            hits, shown = corpus_hits(entry, lines)
            across = [(w, p) for w, p in across if p >= args.max_surprise]
            risk = bool(inside or across or hits)
            risky += risk
            if not (risk or args.all):
                continue
            context = " ".join(f"{k}={v!r}" for k, v in entry.contexts.items())
            print(f"{'RISK' if risk else 'ok  '} {entry.wrong} → {'、'.join(entry.right)} {context}".rstrip())
            if own:
                print(f"     word: in the dictionary, frequency {own}")
            if inside:
                print("     inside: " + "  ".join(f"{w}({f})" for w, f in inside[:8]))
            if across:
                print("     across: " + "  ".join(f"{w}({p:.1f})" for w, p in across))
            if hits:
                print(f"     corpus: {hits} hit(s)")
                for line in shown:
                    print(f"       {line}")
    print(f"{risky} of {total} entries need a look", file=sys.stderr)
    return 1 if risky else 0


if __name__ == "__main__":
    sys.exit(main())
