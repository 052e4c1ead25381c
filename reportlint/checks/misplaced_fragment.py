"""RL204 misplaced-fragment: text that belongs to another part of the document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..analysis.misplacement import COHESION, copy_fit, fragment_bounds, misplaced_copies
from ..analysis.topics import TopicModel, han_count, terms, topic_model
from ..model import Edit, Fix, Related, Violation, rule
from ..text.document import Document, Paragraph, Sentence

# A moved sentence (no copy left behind) is judged on its own: it must share
# nothing with the text around it and most of its telling terms with one
# paragraph elsewhere, whose section fits it as a whole too. Real reports jump
# between topics (a list of achievements, a closing summary), so every bar is high.
# Softer evidence does not tell a move from a natural topic shift: a cohesion dip
# (the sentences on either side share more with each other than with it), being
# the least cohesive sentence of its paragraph, a best-fitting paragraph in another
# chapter by a wide margin, a plan-like sentence among review-like ones. Each is at
# most four times as common among moved sentences as among the sentences of real
# reports (the review's figures, which mirror the plan's, above all): far too weak
# when one sentence in hundreds is moved. tests/test_moved.py keeps the corpus silent.
MOVED_MIN_HAN = 15
MOVED_MIN_TERMS = 12
# It shares no telling term with its window (its paragraph and the neighbouring ones)…
#: …and at most this share of its term weight with its own section
MOVED_SECTION_SHARE = 0.2
#: share the paragraph it fits must use, and that paragraph's section
MOVED_HOME_SHARE = 0.7
MOVED_HOME_SECTION_SHARE = 0.8
#: a sentence sharing this long a run of characters with the paragraph it fits repeats a formula
_FORMULA_RUN = 8
#: sentences this short are the lead sentences of a list of tasks
_SHORT_LEAD = 12
_EXCERPT = 16


@dataclass(frozen=True)
class Options:
    """The options of misplaced-fragment (RL204)."""

    #: also look for sentences moved without leaving a copy (off by default: on real
    #: reports a moved sentence is rarely told apart from a legitimate change of topic)
    moved_sentences: bool = False


@rule(code="RL204", name="misplaced-fragment", severity="warning", summary="文字与所在段落无关，疑为误粘贴或误移",
      rationale="误粘贴进别的段落的文字，让段落说出作者本意之外的话（如城市更新段落里出现农业指标），原本该在那里的文字往往也被替换掉了。",
      options=Options, fixable="sometimes", fix_kinds=("unsafe",), supersedes=("duplicate-sentence",),
      reads=("copy-index", "misplaced-copies", "topics", "moved-sentences"))
def misplaced_fragment(doc: Document, opts: Options) -> Iterator[Violation]:
    """
    ## What it does
    Finds text that belongs to another part of the document: a sentence or a
    clause pasted into a paragraph about something else.

    - **Copied**: the same fragment (a clause to the end of a sentence, 16 or
      more Chinese characters) stands in two sections, and at one place it shares
      nothing with the text around it while at the other it fits. The copy
      that does not fit is reported, pointing at the one that does. Which side
      fits is measured with a TF-IDF model of the document's own sections
      (character bigrams as terms): the fragment is compared with the rest of
      its paragraph and the paragraphs next to it, and with its section.
    - **Moved** (with the option `moved-sentences`): a sentence with no copy
      left that shares none of its telling terms with the text around it,
      while one paragraph elsewhere (and its section) uses most of them.

    A repeat within one section, a formula repeated in mid-sentence, a whole
    duplicated paragraph, headings, lead sentences, short sentences and
    paragraphs of lists or summaries (各位代表，…) are not reported: reports
    legitimately come back to a topic. Nor are
    - the bracketed notes that close items in several chapters
      (（商务部、发展改革委…等和各有关省级人民政府负责）), nor the tail of an
      enumeration that two definitions share (个人出租不动产、机器设备、车船以及其他
      财产取得的所得 / …不动产、机器设备、车船以及其他财产取得的所得): a copy must
      start a clause, and 、 does not;
    - a copy in a place with too little text of its own to tell that it does
      not belong there (fewer than 60 Chinese characters in its section besides
      it): the items of one article (（一）从两处以上取得综合所得，且综合所得年收入额
      减除专项扣除的余额超过6万元；/（二）…，且综合所得年收入额减除专项扣除的余额超过
      6万元；) and parallel articles (国务院全体会议…根据需要可安排有关部门、单位负责人
      列席会议。/ 国务院常务会议…根据需要可安排有关部门、单位负责人列席会议。) share
      their wording by design;
    - what one document of a file shares with another (two regulations issued
      together, a report and the opinion attached to it, a bulletin and the reading
      carried after it; see duplicate-paragraph);
    - a formula that glosses one point of a list of lessons, the items apart by
      semicolons and opening alike (…认识到：必须坚持以人民为中心，…让发展成果更多更公平
      惠及全区人民；必须坚持…);
    - a fragment that stands whole in three paragraphs or more (…其涉嫌犯罪问题被移送
      检察机关依法审查起诉。 closing case after case), and the lead of a release
      restated by the part about its figure (1—6月平均，…上涨0.2%。);
    - the goal that closes both the summary or general requirements and the
      last sentence of the text (…，为争取世界和平、民族解放、人民民主和社会主义事业的
      新胜利而奋斗。);
    - a restatement the text announces (前面说过，在五年内的工业基本建设的投资中，…);
    - a task named without figures in the review of past work and again among
      the tasks ahead, as the topic sentence of a paragraph at one of its places
      or between paragraphs written on one model (加快构筑向西向南开放战略高地和参与
      国际竞争新基地。 leads a review paragraph and closes the lead of the plan's
      opening-up section); a short text that stands in three paragraphs or
      more, a formula of the document;
    - a target with its figure under a heading of goals, restated by the task
      that names its subject (（三）规划目标 … 城市公共供水管网漏损率控制在8%以内 /
      城镇节水降损。实施供水管网更新改造，…漏损率控制在8%以内。).

    ## Why it matters
    A fragment pasted into the wrong paragraph makes the paragraph say
    something its author did not mean (an agricultural target in the
    urban-renewal plan), and usually replaced the text that belonged there.

    ## Example
    Bad:
        （三）扎实推进农业农村现代化。坚持农业农村优先发展，千方百计推动农业增效、农民增收、农村增活力。

        加力发展高原特色农业。深入实施苹果产业提质增效行动，打造竹产业丰产示范区。实施科技赋农行动，大力发展大健康生物医药产业，推动以天麻为代表的食药产品研发生产。扩大天麻、竹笋种植规模，支持农业龙头企业开展食药产品精深加工，延伸生物医药产业链。

        （五）坚持不懈推进新型城镇化建设。突出规划引领，坚持“规、建、管”并重，建设“好房子、好小区、好社区、好城区”。

        深入推进城市更新。基本完成中心城市失地农民安置，对老城区推行小规模有机更新和微改造。大力发展大健康生物医药产业，推动以天麻为代表的食药产品研发生产。改造老旧小区72个，打造完整社区13个以上。
    Good:
        （三）扎实推进农业农村现代化。坚持农业农村优先发展，千方百计推动农业增效、农民增收、农村增活力。

        加力发展高原特色农业。深入实施苹果产业提质增效行动，打造竹产业丰产示范区。实施科技赋农行动，大力发展大健康生物医药产业，推动以天麻为代表的食药产品研发生产。扩大天麻、竹笋种植规模，支持农业龙头企业开展食药产品精深加工，延伸生物医药产业链。

        （五）坚持不懈推进新型城镇化建设。突出规划引领，坚持“规、建、管”并重，建设“好房子、好小区、好社区、好城区”。

        深入推进城市更新。基本完成中心城市失地农民安置，对老城区推行小规模有机更新和微改造。改造老旧小区72个，打造完整社区13个以上。

    The (unsafe) fix of a copied fragment deletes the misplaced copy; a moved
    sentence has no fix, since where it goes back is for the author to decide.

    ## Options
    - `moved-sentences` (false): also report sentences moved without a copy. Off
      by default: a sentence moved to another chapter is rarely distinguishable
      from the topic shifts reports make on purpose (reviews that list
      achievements, chapters that mirror each other). Measured on 144 sentences
      moved between the chapters of 20 real reports, it finds 1, with no false
      alarm there or on the reports themselves; every looser setting tried
      reported legitimate sentences of the real reports too.
    """
    for copy, side in misplaced_copies(doc).items():
        here = (copy.later, copy.later_start, copy.later_end) if side == "later" else (
            copy.earlier, copy.earlier_start, copy.earlier_end)
        there = (copy.earlier, copy.earlier_start, copy.earlier_end) if side == "later" else (
            copy.later, copy.later_start, copy.later_end)
        fit = copy_fit(doc, copy)
        yield _copied(doc, here, there, clear=fit is not None and fit.clear)
    if opts.moved_sentences:
        for moved in moved_sentences(doc):
            yield _moved(moved)


@dataclass(frozen=True)
class Moved:
    """A sentence that fits nothing around it, and the paragraph elsewhere that it fits."""

    sentence: Sentence
    home: Paragraph  # the paragraph elsewhere that the sentence fits


def moved_sentences(doc: Document) -> list[Moved]:
    """Sentences that fit nothing around them and one paragraph elsewhere."""
    return doc.analysis("moved-sentences", _find_moved)


def _find_moved(doc: Document) -> list[Moved]:
    model = topic_model(doc)
    copied = _copied_paragraph_spans(doc)
    found = []
    for paragraph in doc.paragraphs:
        sentences = paragraph.sentences if paragraph.kind == "text" else []
        if len(sentences) < 3 or _ranges_over_topics(paragraph, sentences):
            continue
        spans = copied.get(paragraph.index, ())
        for sentence in sentences[1:]:  # the first one leads the paragraph
            if _overlaps(spans, sentence) or han_count(sentence.text) < MOVED_MIN_HAN:
                continue
            home = _home(doc, model, paragraph, sentence)
            if home is not None:
                found.append(Moved(sentence, home))
    return found


def _home(doc: Document, model: TopicModel, paragraph: Paragraph, sentence: Sentence) -> Paragraph | None:
    fragment = terms(sentence.text)
    section = model.sections[model.section_of[paragraph.index]]
    own = model.paragraph_terms(paragraph.index)
    neighbours = [model.paragraph_terms(i) for i in (paragraph.index - 1, paragraph.index + 1)
                  if section.first <= i < section.end]
    # The cheapest test first: almost every sentence shares a telling term with the text around it.
    for term, count in fragment.items():
        if (own[term] > count or any(term in n for n in neighbours)) and model.weight(term) > 0:
            return None
    weights = model.informative(fragment, [section.index])
    if len(weights) < MOVED_MIN_TERMS:
        return None
    total = sum(weights.values())
    if sum(w for t, w in weights.items() if model.section_terms(section.index)[t] > fragment[t]) > MOVED_SECTION_SHARE * total:
        return None
    best, home = 0.0, None
    for other in doc.paragraphs:
        if other.kind != "text" or model.section_of[other.index] == section.index:
            continue
        other_terms = model.paragraph_terms(other.index)
        share = sum(w for t, w in weights.items() if t in other_terms) / total
        if share > best:
            best, home = share, other
    if home is None or best < MOVED_HOME_SHARE or _repeats_formula(sentence, home):
        return None
    if model.cohesion(paragraph.index, [(paragraph.index, sentence.start, sentence.end)]) < COHESION:
        return None  # a paragraph whose sentences share little with each other: a list, not a topic
    home_section = model.section_terms(model.section_of[home.index])
    if sum(w for t, w in weights.items() if t in home_section) < MOVED_HOME_SECTION_SHARE * total:
        return None
    return home


def _ranges_over_topics(paragraph: Paragraph, sentences: list[Sentence]) -> bool:
    """A closing summary (各位代表，…) ranges over its whole section, and a list of
    tasks with short lead sentences (推进依法行政。…高标准编制“十五五”规划。…) over several."""
    if paragraph.text.startswith(("各位代表", "同志们")):
        return True
    return sum(han_count(s.text) <= _SHORT_LEAD for s in sentences) >= 2


def _repeats_formula(sentence: Sentence, home: Paragraph) -> bool:
    """The sentence and the paragraph it fits share a run of characters: a formula
    said twice in slightly different words (自觉接受人大及其常委会监督…), not a sentence moved."""
    text = sentence.text
    return any(text[i : i + _FORMULA_RUN] in home.text for i in range(len(text) - _FORMULA_RUN + 1)
               if han_count(text[i : i + _FORMULA_RUN]) == _FORMULA_RUN)


def _copied_paragraph_spans(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """Copied runs by paragraph: a sentence with a copy is a duplicate (or a
    copied fragment), judged with both copies, never as moved."""
    from ..analysis.copy_index import copies  # noqa: PLC0415 - paid for only when this rule runs

    spans: dict[int, list[tuple[int, int]]] = {}
    for copy in copies(doc):
        spans.setdefault(copy.earlier, []).append((copy.earlier_start, copy.earlier_end))
        spans.setdefault(copy.later, []).append((copy.later_start, copy.later_end))
    return spans


def _overlaps(spans, sentence: Sentence) -> bool:
    return any(start < sentence.end and sentence.start < end for start, end in spans)


def _copied(doc: Document, here: tuple[int, int, int], there: tuple[int, int, int], clear: bool) -> Violation:
    paragraph, home = doc.paragraphs[here[0]], doc.paragraphs[there[0]]
    start, end = fragment_bounds(paragraph.text, here[1], here[2]) or here[1:]
    home_start, home_end = fragment_bounds(home.text, there[1], there[2]) or there[1:]
    span = paragraph.span(start, end)
    if clear:
        message = (
            f"“{_excerpt(paragraph.text[start:end])}”与所在段落和章节的内容无关，"
            f"同样的文字见于“{_lead(home)}”一段，在那里与上下文相符：疑为从那里复制后误粘贴到此处"
        )
    else:  # both places fit about as well: say which one fits less, and no more
        message = (
            f"“{_excerpt(paragraph.text[start:end])}”也见于另一章“{_lead(home)}”一段；"
            "同一段文字出现在两章，疑为复制粘贴所致，此处与上下文的关联较弱"
        )
    return Violation(
        span, message,
        related=(Related(home.span(home_start, home_end), "这段文字原本所在的位置"),),
        fix=Fix((Edit(span, ""),), "unsafe", "删除误粘贴的文字"),
    )


def _moved(moved: Moved) -> Violation:
    sentence, home = moved.sentence, moved.home
    message = (
        f"“{_excerpt(sentence.text)}”与所在段落和章节的内容无关，"
        f"却与“{_lead(home)}”一段相符：疑为从那里误移到此处"
    )
    return Violation(sentence.span(), message, related=(Related(home.span(), "与这句话内容相符的段落"),))


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


def _lead(paragraph: Paragraph) -> str:
    """The paragraph's lead sentence (加力发展高原特色农业), or its opening words."""
    sentences = paragraph.sentences
    first = sentences[0].text if sentences else paragraph.text
    lead = first.rstrip("。；！？;!?")
    return lead if len(lead) <= 20 else lead[:_EXCERPT] + "…"
