"""Detection quality of the structure rules on real reports with injected defects.

Takes the clean corpus (../shared/corpus/gov-reports by default), injects with a
fixed seed the defects that page breaks and copying leave behind, and prints
recall and precision per rule:

- broken-paragraph: a body paragraph cut in two at a random point inside a
  sentence (never right after 。！？；, where a split is just a new paragraph),
  sometimes with a page number between the halves, as in text copied from a PDF;
- layout-artifact: page numbers, newspaper continuation markers (as a line and
  at the end of a paragraph) and a running header repeated through the text.

Findings the clean document already has (real defects of the published text,
listed in tests/data/corpus-reviewed-<rule>.txt) are left out of both counts.

    python bench/quality_structure.py [--corpus DIR] [--seed N] [--cuts N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reportlint.api import lint_text  # noqa: E402
from reportlint.config import Config  # noqa: E402
from reportlint.text.parse import parse_text  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "gov-reports"
SENTENCE_END = "。！？；"
RULES = ("broken-paragraph", "layout-artifact")


@dataclass
class Injected:
    rule: str
    kind: str  # what was injected, for the per-kind table
    marker: str  # a unique string placed at the defect, to find its line afterwards


def inject(text: str, rng: random.Random, cuts: int) -> tuple[str, list[Injected]]:
    """Cut *cuts* body paragraphs and add layout leftovers; one paragraph per line in and out."""
    doc = parse_text(text, "x.txt")
    lines = text.split("\n")
    body = [p for p in doc.paragraphs if p.kind == "text" and len(p.text) >= 40]
    chosen = rng.sample(body, min(cuts + 3, len(body)))
    injected: list[Injected] = []
    replacements: dict[int, str] = {}
    for number, paragraph in enumerate(chosen):
        line = doc.lines.position(paragraph.span().start)[0] - 1
        original = lines[line]
        if number < cuts:
            cut = _cut_point(original, rng)
            kind = "cut after a comma" if original[cut - 1] in "，、" else (
                "cut early (< 15 chars)" if cut < 15 else "cut inside a clause")
            between = ""
            if rng.random() < 0.3:
                page = f"— {rng.randint(2, 60)} —"
                between = f"\n\n{page}"
                kind += " + page number"
                injected.append(Injected("layout-artifact", "page number line", page))
            first = original[:cut]
            replacements[line] = f"{first}{between}\n\n{original[cut:]}"
            injected.append(Injected("broken-paragraph", kind, first[-8:]))
        elif number == cuts:
            page = rng.randint(2, 12)
            replacements[line] = f"上接第{page}版\n\n{original}"
            injected.append(Injected("layout-artifact", "continuation line", f"上接第{page}版"))
        elif number == cuts + 1:
            page = "二三四五六七"[rng.randint(0, 5)]
            replacements[line] = f"{original}（下转第{page}版）"
            injected.append(Injected("layout-artifact", "continuation at paragraph end", f"（下转第{page}版）"))
        else:
            replacements[line] = f"{original}\n\n第{rng.randint(2, 9)}页 共10页"
            injected.append(Injected("layout-artifact", "page x of y", "共10页"))
    header = "某市人民政府工作报告（征求意见稿）"
    # once a page: after four body lines with text between them (two copies side by side
    # are no page header; the rule leaves such copies alone, as it must: 工作 / 工作 / 工作)
    picked: list[int] = []
    for line in sorted(rng.sample(range(len(lines)), 4)):
        while line < len(lines) - 1 and (not lines[line].strip() or picked and line - picked[-1] <= 2):
            line += 1  # the next body line with text between it and the copy before
        if line not in picked:
            picked.append(line)
    for line in picked:
        replacements[line] = replacements.get(line, lines[line]) + f"\n\n{header}"
    injected.append(Injected("layout-artifact", "running header", header))
    new_lines = [replacements.get(i, line) for i, line in enumerate(lines)]
    return "\n".join(new_lines), injected


def _cut_point(text: str, rng: random.Random) -> int:
    while True:
        cut = rng.randint(1, len(text) - 2)
        if text[cut - 1] not in SENTENCE_END and text[cut] not in SENTENCE_END + "，、”》）":
            return cut


def findings(text: str) -> list:
    return lint_text(text, "x.txt", Config(select=RULES)).findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--cuts", type=int, default=6, help="cut paragraphs per document")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}")
        return 0
    rng = random.Random(args.seed)
    true_pos, false_pos, missed = Counter(), Counter(), Counter()
    per_kind_found, per_kind_total = Counter(), Counter()
    examples_missed: list[str] = []
    false_examples: list[str] = []
    for path in sorted(args.corpus.glob("*.txt")):
        clean = path.read_text(encoding="utf-8")
        already = Counter((f.name, f.message) for f in findings(clean))
        text, injected = inject(clean, rng, args.cuts)
        found = []
        for finding in findings(text):
            if already[(finding.name, finding.message)] > 0:
                already[(finding.name, finding.message)] -= 1  # a real defect of the published text
            else:
                found.append(finding)
        matched: set[int] = set()
        for item in injected:
            hits = [i for i, f in enumerate(found) if f.name == item.rule and item.marker in _around(text, f)]
            per_kind_total[(item.rule, item.kind)] += 1
            if hits:
                per_kind_found[(item.rule, item.kind)] += 1
                true_pos[item.rule] += 1
                matched.update(hits)
            else:
                missed[item.rule] += 1
                if item.rule == "broken-paragraph" and len(examples_missed) < 8:
                    examples_missed.append(f"{path.name}: …{item.marker} / …")
        for i, finding in enumerate(found):
            if i not in matched:
                false_pos[finding.name] += 1
                if len(false_examples) < 12:
                    false_examples.append(f"{path.name}:{finding.line}: {finding.name}: {finding.message[:70]}")
    print(f"corpus: {args.corpus} (seed {args.seed}, {args.cuts} cuts per document)\n")
    print(f"{'rule':<18} {'injected':>8} {'found':>6} {'false':>6} {'recall':>7} {'precision':>9}")
    for rule in RULES:
        total = true_pos[rule] + missed[rule]
        flagged = true_pos[rule] + false_pos[rule]
        recall = true_pos[rule] / total if total else float("nan")
        precision = true_pos[rule] / flagged if flagged else float("nan")
        print(f"{rule:<18} {total:>8} {true_pos[rule]:>6} {false_pos[rule]:>6} {recall:>7.3f} {precision:>9.3f}")
    print("\nby kind of defect:")
    for key in sorted(per_kind_total):
        print(f"  {key[0]:<18} {key[1]:<36} {per_kind_found[key]:>3}/{per_kind_total[key]:<3}")
    if examples_missed:
        print("\nmissed cuts (first half's end):")
        print("\n".join(f"  {e}" for e in examples_missed))
    if false_examples:
        print("\nfindings matching no injected defect:")
        print("\n".join(f"  {e}" for e in false_examples))
    return 0


def _around(text: str, finding) -> str:
    """The finding's span with the text right around it, to find the injected marker."""
    return text[max(0, finding.span.start - 40) : finding.span.end + 40]


if __name__ == "__main__":
    sys.exit(main())
