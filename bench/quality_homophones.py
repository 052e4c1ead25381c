"""Detection quality of RL504 homophone-slip: recall and precision over its threshold.

Each report of the corpus is linted clean, then in ``--per-doc`` versions with slips injected
by inject_homophones.py (same-syllable characters of frequent words, seeded). For every value
of the rule's ``min-gain`` the script prints:

- recall: injected slips found with the right word;
- precision on injected text: those against every other finding of the versions that the clean
  report does not have (a finding on the slip that names another word counts as false);
- the findings on the clean reports themselves: real text, which should give none.

``--hmm`` adds the test of jieba's HMM (a test dependency): a finding is dropped when jieba,
guessing unknown words with its HMM, reads the found sequence as one new word. ``--weighting
uniform`` draws the typed character evenly among its syllable's instead of as an input method
ranks them.

    .venv/bin/python bench/quality_homophones.py [--seed N] [--per-doc N] [--corpus DIR] [--hmm] [--weighting ime|uniform]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inject_homophones import inject  # noqa: E402

from reportlint.checks.homophone_slip import slips  # noqa: E402
from reportlint.text.parse import parse_text  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
THRESHOLDS = (6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 13.5, 14.0)


def _findings(text: str, hmm) -> list[tuple[int, int, str, float, str]]:
    """(start, end, fix, gain, found) of every candidate slip the rule weighs in *text*, where
    the fix is the offset of the typed character and the character meant."""
    doc = parse_text(text, "report.txt")
    found = []
    for slip in slips(doc):
        if hmm is not None and _hmm_word(hmm, slip):
            continue
        span = slip.paragraph.span(slip.start, slip.end)
        typed = slip.paragraph.span(slip.at, slip.at + 1).start
        found.append((span.start, span.end, (typed, slip.word[slip.at - slip.start]), slip.gain, slip.found))
    return found


def _hmm_word(jieba, slip) -> bool:
    """Whether jieba with its HMM reads the found sequence as one word of the clause."""
    text = slip.paragraph.text
    low, high = max(0, slip.start - 8), min(len(text), slip.end + 8)
    position = low
    for piece in jieba.cut(text[low:high], HMM=True):
        if position <= slip.start and slip.end <= position + len(piece) and len(piece) >= slip.end - slip.start:
            return True
        position += len(piece)
    return False


def run(corpus: Path, seed: int, per_doc: int, weighting: str, hmm) -> None:
    tally = {t: [0, 0, 0] for t in THRESHOLDS}  # true, false on injected text, false on clean text
    injected = 0
    clean_examples, false_examples, misses = [], [], []
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        clean = _findings(text, hmm)
        known = {(s, e, w) for s, e, w, _, _ in clean}
        for _s, _e, (_, meant), gain, found in clean:
            clean_examples.append((gain, path.name, found, meant))
            for t in THRESHOLDS:
                tally[t][2] += gain >= t
        for version, injections in inject(text, path.name, seed, per_doc, weighting=weighting):
            injected += len(injections)
            found = _findings(version, hmm)
            for slip in injections:
                hit = [f for f in found if f[2] == (slip.offset, slip.word[slip.at])]
                best = max((f[3] for f in hit), default=None)
                for t in THRESHOLDS:
                    tally[t][0] += best is not None and best >= t
                if best is None:
                    misses.append((version[max(0, slip.offset - 6) : slip.offset + 6], slip.word))
            for start, end, word, gain, seq in found:
                if (start, end, word) in known or any(word == (s.offset, s.word[s.at]) for s in injections):
                    continue
                false_examples.append((gain, path.name, version[max(0, start - 6) : end + 6], seq, word[1]))
                for t in THRESHOLDS:
                    tally[t][1] += gain >= t
    print(f"{injected} slips injected ({weighting}), seed {seed}, {per_doc} versions a report, corpus {corpus}")
    print(f"{'min-gain':>8} {'recall':>7} {'precision':>9} {'found':>6} {'false':>6} {'clean':>6}")
    for t in THRESHOLDS:
        true, false, on_clean = tally[t]
        precision = true / (true + false) if true + false else 1.0
        print(f"{t:8.1f} {true / injected:7.3f} {precision:9.3f} {true:6d} {false:6d} {on_clean:6d}")
    print("\nfalse findings on injected versions, highest gain first:")
    for gain, name, context, found, meant in sorted(false_examples, reverse=True)[:15]:
        print(f"  {gain:.2f} {name}  {context}  {found}->{meant}")
    print("\nmissed slips (a sample):")
    for context, word in misses[:: max(1, len(misses) // 25)]:
        print(f"  {context}  ({word})")
    print("\nfindings on the clean reports, highest gain first:")
    for gain, name, found, meant in sorted(clean_examples, reverse=True)[:15]:
        print(f"  {gain:.2f} {name}  {found}->{meant}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-doc", type=int, default=8)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "gov-reports")
    parser.add_argument("--weighting", choices=("ime", "uniform"), default="ime")
    parser.add_argument("--hmm", action="store_true", help="drop findings jieba's HMM reads as one new word")
    args = parser.parse_args(argv)
    hmm = None
    if args.hmm:
        import jieba

        jieba.setLogLevel(60)
        hmm = jieba
    run(args.corpus, args.seed, args.per_doc, args.weighting, hmm)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
