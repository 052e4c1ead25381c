"""The rules of one large report shared out between this process and a forked one (rule_queue,
engine.run_rules): every rule is taken, by one process only where they do not meet at the same
instant, the forked one only takes rules it may, and the findings are those of one process."""

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportlint.rule_queue import MOST_RULES, RuleQueue

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="rules are shared out only where a process forks")


def test_this_process_takes_from_the_front_the_other_from_the_back_until_they_meet():
    queue = RuleQueue(5, shareable_from=1)
    assert queue.take_front(0) and queue.take_front(1)
    assert queue.take_back() == 4 and queue.take_back() == 3
    assert queue.take_front(2)
    assert queue.take_back() is None  # rule 2 is taken
    assert not queue.take_front(3)  # the other took it


def test_the_forked_process_never_takes_a_rule_before_the_shareable_ones():
    queue = RuleQueue(4, shareable_from=3)
    assert queue.take_back() == 3 and queue.take_back() is None
    assert [queue.take_front(index) for index in range(4)] == [True, True, True, False]


@given(st.integers(0, 40), st.data())
def test_in_any_order_of_turns_every_rule_is_taken_once(count, data):
    shareable_from = data.draw(st.integers(0, count))
    queue = RuleQueue(count, shareable_from)
    mine, theirs, front_done, back_done = [], [], False, False
    while not (front_done and back_done):
        if not front_done and (back_done or data.draw(st.booleans())):
            if len(mine) < count and queue.take_front(len(mine)):
                mine.append(len(mine))
            else:
                front_done = True
        else:
            taken = queue.take_back()
            if taken is None:
                back_done = True
            else:
                theirs.append(taken)
    assert sorted(mine + theirs) == list(range(count))
    assert all(index >= shareable_from for index in theirs)


def test_a_queue_holds_at_most_a_byte_of_rules():
    RuleQueue(MOST_RULES)
    with pytest.raises(ValueError):
        RuleQueue(MOST_RULES + 1)


# Run in a process of its own: a fork is made only where one thread runs (see test_jobs).
SHARED_SCRIPT = """
import json, os, time
from reportlint import engine
from reportlint.model import RuleMeta, Severity, Violation
from reportlint.text.parse import parse_text

here = os.getpid()

def rule(code, name, seconds=0.0, reads=()):
    def check(doc, options):
        time.sleep(seconds)
        yield Violation(doc.paragraphs[0].span(0, 2), "本进程" if os.getpid() == here else "另一进程")
    return RuleMeta(code=code, name=name, severity=Severity.WARNING, summary=name, check=check, reads=reads)

rules = [rule("XT801", "quick-beside"), rule("XT802", "slow-here", 0.5, reads=("figures",)),
         rule("XT803", "shareable-one"), rule("XT804", "shareable-two"), rule("XT805", "also-figures", reads=("figures",))]
doc = parse_text("培育壮大经营主体，激发各类经营主体内生动力和发展活力。", "a.txt")
plan = [(meta, None, meta.severity) for meta in rules]
shared = engine.run_rules(doc, plan, beside=frozenset({"quick-beside"}))
alone = engine.run_rules(parse_text(doc.source, "a.txt"), plan)
print(json.dumps({"where": {f.code: f.message for f in shared.findings},
                  "same places": [(f.code, f.line, f.column) for f in shared.findings]
                                 == [(f.code, f.line, f.column) for f in alone.findings]}))
"""


@needs_fork
def test_the_forked_process_done_with_its_rules_takes_shareable_ones_from_the_busy_one():
    done = subprocess.run([sys.executable, "-c", SHARED_SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["same places"]
    assert report["where"] == {"XT801": "另一进程", "XT802": "本进程", "XT803": "另一进程", "XT804": "另一进程",
                               "XT805": "本进程"}  # a rule reading a shared analysis stays here


def test_the_shareable_rules_go_last_the_costliest_first_so_that_the_two_meet_over_short_ones():
    from reportlint import engine
    from reportlint.registry import build_registry

    rules = [(meta, None, meta.severity) for meta in build_registry()]
    order = [rules[index][0].name for index in engine._order_here(rules, frozenset({"homophone-slip"}))]
    assert "homophone-slip" not in order and len(order) == len(rules) - 1
    shareable = [name for name in order if engine._shareable(next(m for m, _, _ in rules if m.name == name))]
    assert order[-len(shareable):] == shareable  # after every rule that reads a shared analysis
    assert shareable[:2] == ["doubled-word", "confusable-word"] and shareable[-1] == "invalid-date"
    assert "count-mismatch" not in shareable and "duplicate-paragraph" not in shareable
    # checked in one process, the rules keep the registry's order
    assert [rules[index][0].name for index in engine._order_here(rules, frozenset())] == [m.name for m, _, _ in rules]
