"""The defect injector of bench/quality_arithmetic.py does what it records.

Each injected and consistent edit must stand on the line recorded for it, one to a line, and
each defect must be the defect its kind names, read back with the analyses the rules use (so a
wrong record cannot pass or fail a rule). Skipped without the real corpus beside the clone.
"""

import datetime
import re

from injecting import CORPUS, by_kind, injector, line, needs, report_fixtures

from reportlint.analysis.changes import stated_changes
from reportlint.analysis.figures import figures

REPORT = CORPUS / "zhejiang_2025.txt"  # growths stated with their figures, rates, bounds, 亿 and 万

pytestmark = needs(REPORT)

inj = injector("inject_arithmetic")
clean, injected = report_fixtures(REPORT, inj.inject, seed=3)


def test_each_edit_stands_on_its_own_recorded_line(injected):
    everything = injected.injections + injected.controls
    assert len({i.line for i in everything}) == len(everything), "two edits share a paragraph"
    for edit in everything:
        assert edit.text in line(injected, edit.line), edit
    kinds = {i.kind for i in everything} | set(injected.unplaced)
    assert kinds == {k for ks in (*inj.KINDS.values(), *inj.CONTROLS.values()) for k in ks}


def test_a_wrong_growth_is_wrong_and_its_twin_is_right(injected):
    for kind, wrong in ((inj.GROWTH_WRONG, True), (inj.GROWTH_RIGHT, False)):
        if kind in injected.unplaced:
            continue
        edit = by_kind(injected, kind) if wrong else next(c for c in injected.controls if c.kind == kind)
        [change] = stated_changes(edit.text, figures(edit.text))
        ratio = change.result.value / change.origin.value - 1
        stated = change.change.value / 100
        assert (abs(ratio - stated) > 0.02) == wrong, edit.text


def test_dates_and_weekdays_are_what_their_kind_says(injected):
    day = by_kind(injected, inj.DAY_IMPOSSIBLE)
    year, month, number = map(int, re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", day.text).groups())
    try:
        datetime.date(year, month, number)
        raise AssertionError(f"{day.text} is a real day")
    except ValueError:
        pass
    weekday = by_kind(injected, inj.WEEKDAY_WRONG)
    year, month, number, named = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日（星期(.)）", weekday.text).groups()
    assert "一二三四五六日"[datetime.date(int(year), int(month), int(number)).weekday()] != named


def test_a_range_drops_its_first_magnitude_and_a_bound_is_said_twice(injected):
    assert re.fullmatch(r"[\d.]+～[\d.]+[亿万].+", by_kind(injected, inj.RANGE_DROPPED).text)
    assert re.match(r"(超过|至少|不少于|多达).+以上$", by_kind(injected, inj.BOUND_TWICE).text)
