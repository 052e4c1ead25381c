"""Start a new built-in rule: its module and its test, from a template, and the checklist of
what else a rule needs before it lands.

    python tools/new_rule.py RL312 unit-mismatch "单位与数值不符"

writes reportlint/checks/unit_mismatch.py and tests/rules/test_unit_mismatch.py. The
module's docstring is the rule's documentation page: fill in its four sections; its Bad and
Good examples are run by tests/test_docs.py, so the new rule fails the suite until they hold.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Code ranges of the built-in rules: the first digit says what a rule looks at.
RANGES = {
    "0": "suppression comments",
    "1": "layout: cuts, leftovers, numbering",
    "2": "repetition: words, sentences, paragraphs, fragments",
    "3": "figures: counts, 分别, values, parts, percentages, arithmetic",
    "4": "punctuation",
    "5": "wording: words and terms",
}

MODULE = '''"""{code} {name}: {summary}."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import NoOptions, Violation, rule
from ..text.document import Document


@rule(code="{code}", name="{name}", severity="warning", summary="{summary}", options=NoOptions)
def {function}(doc: Document, _opts: NoOptions) -> Iterator[Violation]:
    """
    ## What it does
    TODO: what the rule finds, in one paragraph, with a real example; then what it
    deliberately does not report (the conventions that explain such text), each with an
    example from real documents.

    ## Why it matters
    TODO: what goes wrong for the reader when the defect slips through.

    ## Example
    Bad:
        TODO: a paragraph with the defect (the tests check that the rule fires on it).
    Good:
        TODO: the same paragraph without it (the tests check that the rule is silent).

    ## Options
    None.
    """
    for paragraph in doc.paragraphs:
        if paragraph.kind not in ("text", "quote"):
            continue  # body text only: titles, headings, tables and leftovers follow other habits
        # TODO: find the defect in paragraph.text, then say what shows it:
        # yield Violation(paragraph.span(start, end), "…：message naming the evidence")
    yield from ()
'''

TEST = '''from helpers import assert_rule


def test_fires_on_the_defect_and_not_on_its_conventions():
    assert_rule(
        "{name}",
        # TODO: real text that must fire, the span marked with ⟦…⟧
        invalid=[],
        # TODO: real text that must stay silent: the conventions that look like the defect
        valid=[],
    )
'''

CHECKLIST = """\
Now, before the rule lands:
1. Write its documentation (the module's docstring): the four sections, Bad/Good examples
   that hold (tests/test_docs.py runs them), and `## Options` naming each option with its default.
2. Write its tests in {test}: cases that must fire and cases that must not, from real text.
3. Add its row to the rules table of README.md and README.zh-CN.md (tests/test_docs.py checks
   code, name, severity and fix against the registry), and what it leaves alone.
4. Run it on the corpus: python tests/corpus_review.py {name}; each finding is either a real
   defect (add it to tests/data/corpus-reviewed-{name}.txt with its reason) or a false alarm to
   fix in the rule.
5. Add its defects to the seeds (seeds/expected.toml) if the sample has them, and a quality row
   in bench/ (an injector of its defect) with its recall and precision.
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", help="RL and three digits; the first digit is its range: " +
                        "; ".join(f"{digit}xx {what}" for digit, what in RANGES.items()))
    parser.add_argument("name", help="lower-case words joined by hyphens: unit-mismatch")
    parser.add_argument("summary", help="a short Chinese summary: 单位与数值不符")
    parser.add_argument("--into", type=Path, default=ROOT, help="the checkout to write into (default: this one)")
    args = parser.parse_args(argv)
    if not re.fullmatch(r"RL\d{3}", args.code) or args.code[2] not in RANGES:
        parser.error(f"code {args.code!r}: RL and three digits, the first one of {', '.join(RANGES)}")
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.name):
        parser.error(f"name {args.name!r}: lower-case words joined by hyphens")
    stem = args.name.replace("-", "_")
    module = args.into / "reportlint" / "checks" / f"{stem}.py"
    test = args.into / "tests" / "rules" / f"test_{stem}.py"
    taken = _taken(args.into / "reportlint" / "checks", args.code, args.name)
    if taken or module.exists() or test.exists():
        parser.error(taken or f"{module if module.exists() else test} exists already")
    module.write_text(MODULE.format(code=args.code, name=args.name, summary=args.summary, function=stem),
                      encoding="utf-8")
    test.write_text(TEST.format(name=args.name), encoding="utf-8")
    print(f"wrote {module.relative_to(args.into)} and {test.relative_to(args.into)}")
    print(CHECKLIST.format(test=test.relative_to(args.into), name=args.name))
    return 0


def _taken(checks: Path, code: str, name: str) -> str:
    """Which built-in rule has the code or the name already ("" when neither is taken)."""
    for path in sorted(checks.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if f'code="{code}"' in text:
            return f"{code} is taken by {path.name}"
        if f'name="{name}"' in text:
            return f"{name} is taken by {path.name}"
    return ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
