"""Which copied fragments are out of place: the decision misplaced-fragment reports, and
duplicate-sentence leaves to it.

A fragment copied into two places (the copy index, reportlint.analysis.copy_index) is judged by the topic model
(reportlint.analysis.topics): it is misplaced in one of them when that place's section is about something
else and the other place's is about what the fragment says, and no convention explains the copy
(a formula the document repeats, a task restated, an article of a regulation, a dialogue)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text.document import Document
from ..text.lazy_regex import LazyPattern
from ..text.structure import field_share
from .copy_index import (
    Copy,
    between_articles,
    in_brackets,
    in_dialogue,
    in_overview,
    in_target_lists,
    is_enumeration,
    is_field,
    mirrored,
    normalise,
    recurring,
    refers_back,
    restated_task,
    restates_closing,
    same_part,
    share_a_name,
)
from .topics import TOPICAL_KINDS, Fit, TopicModel, han_count, section_of_paragraphs, terms, topic_model

#: a paragraph whose sentences share less than this with each other is a list, not a topic
COHESION = 0.2
#: a fragment needs this many informative terms to be placed at all
MIN_TERMS = 5
#: Chinese characters a section needs besides the fragment to tell that it does not belong there
MIN_CONTEXT = 60
# 坚定拥护“两个确立”、坚决做到“两个维护”: a clause built on numbered political
# formulas is said in several chapters on purpose.
_NUMBERED_FORMULA = LazyPattern(r"[“‘][一二两三四五六七八九十]个[\u4e00-\u9fff]{2,5}[”’]")
#: a fragment with formulas needs this many informative terms of its own
FORMULA_MIN_TERMS = 10
#: weight of the sentences around a fragment against its section, in telling where it fits
LOCAL_WEIGHT = 4.0
#: one side fits clearly better when the other scores at most this share of it
CLEAR_RATIO = 0.5
#: shorter copies (打造高素质专业化教师队伍。) are set phrases that many parts of a report use
FRAGMENT_MIN_HAN = 16
# A copy covering most of a paragraph is a duplicated paragraph (RL202), not a fragment.
_MAX_PARAGRAPH_SHARE = 0.8
# Not 、: it joins the items of one enumeration, so a run that starts after it
# (…、机器设备、车船以及其他财产取得的所得) is the tail of a shared phrase.
_CLAUSE_MARKS = "，。；！？,;!?：:"
_SENTENCE_END = "。；！？;!?"
_OPENING_MARKS = "“‘（(《"
# characters a copied run may share by chance beyond its fragment
_SPILL = 4
_CLOSING_MARKS = "”’）)》"


def misplaced_copies(doc: Document) -> dict[Copy, str]:
    """The copies RL204 reports, each mapped to "earlier" or "later": the side that is out of place."""
    return doc.analysis("misplaced-copies", _judge_copies)


def fragment_bounds(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The copied run [start, end) as a fragment of its own, trimmed of the
    punctuation at its edges: from the start of a clause to the end of a sentence
    (or of the paragraph). A shared formula in mid-sentence (…以习近平新时代中国
    特色社会主义思想为指导，…) is not a fragment that can be out of place. A run
    may reach a few characters past its fragment where the text around the two
    copies happens to agree (…成效。|举办…): those are cut off."""
    if not _starts_clause(text, start):
        start = next((i + 1 for i in range(start, min(start + _SPILL + 1, end)) if text[i] in _CLAUSE_MARKS), end)
    while start < end and text[start] in _CLAUSE_MARKS + _CLOSING_MARKS:
        start += 1
    while end > start and text[end - 1] in "，,、：:" + _OPENING_MARKS:
        end -= 1
    if not _ends_sentence(text, end):
        end = next((j for j in range(end - 1, max(end - _SPILL - 1, start), -1) if _ends_sentence(text, j)), start)
    return (start, end) if han_count(text[start:end]) >= FRAGMENT_MIN_HAN else None


def _starts_clause(text: str, start: int) -> bool:
    return start == 0 or text[start - 1] in _CLAUSE_MARKS + _OPENING_MARKS or text[start] in _CLAUSE_MARKS


def _ends_sentence(text: str, end: int) -> bool:
    return (
        not text[end:].strip()
        or text[end - 1] in _SENTENCE_END
        or text[end - 1] in _CLOSING_MARKS and text[end - 2 : end - 1] in tuple(_SENTENCE_END)
        or text[end] in _SENTENCE_END
    )


@dataclass(frozen=True)
class CopyFit:
    """How well a copied fragment fits each of its two places."""

    earlier: Fit
    later: Fit
    terms: int  # informative terms of the fragment
    earlier_local: float = 0.0  # how much the sentences around it share with it
    later_local: float = 0.0
    #: Chinese characters of the section around each copy, without the fragment
    earlier_context: int = MIN_CONTEXT
    later_context: int = MIN_CONTEXT

    @property
    def misplaced(self) -> str | None:
        """The side that fits its surroundings worse: a verbatim fragment in two
        chapters is out of place at one of them. The later copy when neither
        fits better (a paste usually comes after what it was copied from);
        None for a fragment with too few telling terms to place (a formula)."""
        if self.terms < MIN_TERMS:
            return None
        earlier, later = _score(self.earlier, self.earlier_local), _score(self.later, self.later_local)
        side = "earlier" if earlier < later else "later"
        if (self.earlier_context if side == "earlier" else self.later_context) < MIN_CONTEXT:
            # An item of a list or a one-sentence article (…，且综合所得年收入额减除专项扣除的
            # 余额超过6万元；) has too little text of its own to show that the fragment
            # does not belong there: parallel items share their wording by design.
            return None
        return side

    @property
    def clear(self) -> bool:
        """Whether one side fits clearly better than the other."""
        scores = sorted((_score(self.earlier, self.earlier_local), _score(self.later, self.later_local)))
        return scores[1] > 0 and scores[0] <= CLEAR_RATIO * scores[1]


def _score(fit: Fit, local: float) -> float:
    """How well a fragment fits one place. Measured on copies injected into real
    reports, the sentences right around it tell most (it was written with them),
    its section a little more; together they pick the pasted side 9 times in 10."""
    return LOCAL_WEIGHT * local + fit.section


# （三）规划目标, 二、主要预期目标, 主要指标: the heading of a plan's goals
_GOALS_HEADING = LazyPattern(r"目标|指标")
_FIGURE = LazyPattern(r"[0-9０-９]")


def _goal_restated(doc: Document, places: list[tuple[int, int, int]], text: str) -> bool:
    """城市公共供水管网漏损率控制在8%以内 under （三）规划目标 and again in the task 城镇节水降损。…:
    a plan sets a target with its figure among its goals, and the task meant to reach it states the
    target again. True when the earlier place lies under a heading of goals, the copy holds a
    figure, and the later paragraph names its subject outside the copy too (实施供水管网更新改造)."""
    if not _FIGURE.search(text):
        return False
    heading = next((p for p in reversed(doc.paragraphs[: places[0][0]]) if p.kind in ("heading", "title")), None)
    if heading is None or not _GOALS_HEADING.search(heading.text):
        return False
    index, start, end = places[1]
    return share_a_name(text, doc.paragraphs[index].text[:start] + "。" + doc.paragraphs[index].text[end:])


def copy_fit(doc: Document, copy: Copy) -> CopyFit | None:
    """The fit of a copied fragment at each of its places, or None when the copy
    is not a fragment of body text in two sections (a whole paragraph, a
    heading, a formula inside a sentence, a repeat within one section)."""
    places = []
    for index, start, end in ((copy.earlier, copy.earlier_start, copy.earlier_end),
                              (copy.later, copy.later_start, copy.later_end)):
        paragraph = doc.paragraphs[index]
        bounds = fragment_bounds(paragraph.text, start, end)
        if paragraph.kind != "text" or not bounds or end - start > _MAX_PARAGRAPH_SHARE * len(paragraph.text.strip()):
            return None
        if in_brackets(paragraph.text, *bounds) or refers_back(paragraph.text, bounds[0]):
            return None  # a bracketed note (（…负责）), or a restatement the text announces (前面说过，…)
        places.append((index, *bounds))
    if restates_closing(doc, places):
        return None  # the goal that closes the text and its summary (…而奋斗。)
    text = doc.paragraphs[places[1][0]].text[places[1][1] : places[1][2]]
    if restated_task(doc, places, text, mirrored(_shared_runs(doc)[copy.earlier, copy.later])):
        return None  # a task named in the review and among the tasks
    if in_target_lists(doc, places):
        return None  # a target of the five years and of this year (城乡居民收入增长与经济增长基本同步)
    if _goal_restated(doc, places, text):
        return None  # a target of the goals section restated by the task that delivers it
    if between_articles(doc, copy.earlier, copy.later, text):
        return None  # a legal formula that articles repeat
    if in_dialogue(doc, copy.earlier, copy.later):
        return None  # a speaker restating in an answer what was said before
    if section_of_paragraphs(doc)[copy.earlier] == section_of_paragraphs(doc)[copy.later]:
        return None  # a repeat within one section is a duplicate, never out of place
    if _record(doc.paragraphs[copy.earlier].text) and _record(doc.paragraphs[copy.later].text):
        return None  # 张海燕，女，汉族，…，在职研究生学历、公共管理硕士学位: two entries of a register
    if is_enumeration(text):
        return None  # 支出包括：一般公共服务支出、科学技术支出、…: a list the template states in each section
    if _form_fields(text):
        return None  # 地点：第三法庭；审判员：林慧敏；书记员：赵子墨。: the fields of a register's entries
    if any(_parallel_leads(doc.paragraphs[index].text) for index, _, _ in places):
        return None  # 必须坚持…；必须坚持…；必须坚持…: a list of lessons glosses each with the formulas of its topic
    if not same_part(doc, copy.earlier, copy.later):
        return None  # quoted from another document of the file
    if in_overview(doc, copy.earlier):
        return None  # 一、综述 restates the headline sentence of each chapter after it
    model = topic_model(doc)  # only now: most documents have no copied fragment to place
    index, start, end = places[0]
    text = doc.paragraphs[index].text[start:end]
    fragment = terms(text)
    weights = model.informative(fragment, [model.section_of[copy.earlier], model.section_of[copy.later]])
    if _NUMBERED_FORMULA.search(text) and len(weights) < FORMULA_MIN_TERMS:
        return None
    earlier = model.fit(fragment, weights, *places[0], without=[places[1]])
    later = model.fit(fragment, weights, *places[1], without=[places[0]])
    return CopyFit(earlier, later, len(weights), _local(doc, model, fragment, weights, *places[0]),
                   _local(doc, model, fragment, weights, *places[1]),
                   _context(doc, model, places[0], places[1]), _context(doc, model, places[1], places[0]))


_CLAUSE_BREAK = LazyPattern(r"[，。；,;]")
_LIST_BREAK = LazyPattern(r"[；;]")  # the items of a list, not the sentences of prose
#: clauses that open alike make a list (必须坚持…；必须坚持…；必须坚持…), not a topic
_PARALLEL_CLAUSES = 3
_LEAD = 2  # characters


def _parallel_leads(text: str) -> bool:
    """五年来的实践，使我们深刻认识到：必须坚持党的全面领导…；必须坚持以人民为中心…；必须坚持…: a
    colon, then items apart by semicolons that open with the same words, is a list of points on many
    topics."""
    intro, colon, items = text.partition("：")
    leads = Counter(clause.strip()[:_LEAD] for clause in _LIST_BREAK.split(items) if len(clause.strip()) > _LEAD)
    return bool(colon and leads) and leads.most_common(1)[0][1] >= _PARALLEL_CLAUSES
_RECORD_LEAD = 3  # short fields that open an entry: a name, 男, 汉族
_RECORD_FIELD = 6  # characters
_RECORD_FIELDS = 6


_FORM_FIELDS = 2  # fields at least
_FORM_SHARE = 0.6  # of the fragment's characters


def _form_fields(text: str) -> bool:
    """A fragment made of labelled fields (开庭时间：9:30；地点：第二法庭；审判长：郭振宇): what
    entries of one form share, by form, wherever they stand."""
    count, share = field_share(text)
    return count >= _FORM_FIELDS and share >= _FORM_SHARE


def _record(text: str) -> bool:
    """An entry of a register (a 任前公示, a list of award winners): a paragraph of fields that
    opens with several short ones (欧阳晓东，男，汉族，1980年6月生，…). Its values repeat from
    entry to entry (the same degree, the same school) by the form, not by a paste; and it has
    no topic to be out of place in."""
    fields = [field.strip() for field in _CLAUSE_BREAK.split(text) if field.strip()]
    return (len(fields) >= _RECORD_FIELDS
            and all(len(field) <= _RECORD_FIELD for field in fields[:_RECORD_LEAD]))


def _shared_runs(doc: Document) -> Counter[tuple[int, int]]:
    """How many copied runs each pair of paragraphs shares (memoised)."""
    from .copy_index import copies  # noqa: PLC0415

    return doc.analysis("topics.shared-runs", lambda d: Counter((c.earlier, c.later) for c in copies(d)))


def _context(doc: Document, model: TopicModel, place: tuple[int, int, int], other: tuple[int, int, int]) -> int:
    """The Chinese characters of the section around a fragment, without the fragment:
    what there is to judge it by."""
    section = model.section_of[place[0]]
    total = doc.analysis("topics.section-han", lambda d: {}).get(section)
    if total is None:
        first, end = model.sections[section].first, model.sections[section].end
        total = sum(han_count(p.text) for p in doc.paragraphs[first:end] if p.kind in TOPICAL_KINDS)
        doc.analysis("topics.section-han", lambda d: {})[section] = total
    for index, start, end in (place, other):
        if model.section_of[index] == section and doc.paragraphs[index].kind in TOPICAL_KINDS:
            total -= han_count(doc.paragraphs[index].text[start:end])
    return total


def _local(doc: Document, model: TopicModel, fragment: Counter[str], weights: dict[str, float],
           index: int, start: int, end: int, reach: int = 2) -> float:
    """How much the sentences right before and after the fragment share with it:
    text pasted in between two sentences that were written together shares less
    with them than the sentences that were written around it."""
    sentences = doc.paragraphs[index].sentences
    before = [x for x in sentences if x.end <= start][-reach:]
    after = [x for x in sentences if x.start >= end][:reach]
    lead = [sentences[0]] if sentences and sentences[0].end <= start and sentences[0] not in before else []
    context = Counter()
    for sentence in before + after + lead:
        context.update(terms(sentence.text))
    return model._cosine(fragment, weights, context) if weights else 0.0


def _judge_copies(doc: Document) -> dict[Copy, str]:
    from .copy_index import copies  # noqa: PLC0415 - the copy index is paid for only by the rules that use it

    found = copies(doc)
    shared: Counter[tuple[int, int]] = Counter()
    for copy in found:
        shared[copy.earlier, copy.later] += copy.length
    verdicts, fragments = {}, {}
    for copy in found:
        shortest = min(len(doc.paragraphs[copy.earlier].text), len(doc.paragraphs[copy.later].text))
        if shared[copy.earlier, copy.later] > _MAX_PARAGRAPH_SHARE * shortest:
            continue  # two paragraphs that are mostly the same: a duplicated paragraph (RL202)
        fragments[copy] = _fragment(doc, copy)
        if not fragments[copy]:
            continue
        fit = copy_fit(doc, copy)
        side = fit.misplaced if fit else None
        if side:
            verdicts[copy] = side
    if not verdicts:
        return verdicts
    # A fragment that stands in three paragraphs or more is a formula of the document.
    formulas = recurring((text, copy.earlier, copy.later) for copy, text in fragments.items() if text)
    return {copy: side for copy, side in verdicts.items()
            if normalise(fragments[copy]).text not in formulas and not _formula_of_a_list(doc, fragments[copy])
            and not _stands_in_many(doc, fragments[copy])}


def _stands_in_many(doc: Document, fragment: str) -> bool:
    """其涉嫌犯罪问题被移送检察机关依法审查起诉。 closing case after case of a bulletin: the fragment
    stands whole in three paragraphs or more, though the runs two of them share reach further."""
    core = fragment.strip(_CLAUSE_MARKS + _OPENING_MARKS + "”’）) \u3000")
    return bool(core) and sum(core in paragraph.text for paragraph in doc.paragraphs) >= _FORMULA_PARAGRAPHS


#: paragraphs a fragment with its figures changed must stand in to be the document's formula
_FORMULA_PARAGRAPHS = 3
_FIGURE_RUN = LazyPattern(r"\d+(?:\.\d+)?")


def _formula_of_a_list(doc: Document, fragment: str) -> bool:
    """2025年计划投资3500万元。责任单位：县城市管理局。: a list of projects ends item after item with
    these sentences, the figures changed (a labelled field such as 责任单位： aside); two items that
    happen to share the figures share no topic."""
    sentences = [s for s in re.split(r"(?<=[。；！？])", fragment.strip()) if s and not is_field(s)]
    if not sentences or not all(_FIGURE_RUN.search(sentence) for sentence in sentences):
        return False
    for sentence in sentences:
        pattern = re.compile(_FIGURE_RUN.sub(r"\\d+(?:\\.\\d+)?", re.escape(sentence)))
        if sum(1 for paragraph in doc.paragraphs if pattern.search(paragraph.text)) < _FORMULA_PARAGRAPHS:
            return False
    return True


def _fragment(doc: Document, copy: Copy) -> str:
    """The fragment a copy makes in its later paragraph ("" when it makes none)."""
    text = doc.paragraphs[copy.later].text
    bounds = fragment_bounds(text, copy.later_start, copy.later_end)
    return text[bounds[0] : bounds[1]] if bounds else ""
