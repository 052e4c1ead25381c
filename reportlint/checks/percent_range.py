"""RL305 percent-range: a share or a rate of attainment that cannot be what the text says."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

from ..analysis.figures import Figure, document_figures, respectively
from ..analysis.shares import CHANGE, PARTS, SECTORS_NAME, listed_after, names_the_whole, partition_of
from ..engine import superseded_by
from ..model import Violation, rule
from ..text.document import Document, Paragraph, Sentence
from ..text.lazy_regex import LazyPattern

# Rates that count a part of a whole, so they lie between 0 and 100%. Rates that may pass 100%
# are left out on purpose: 完成率 (投资完成率129.6%), 增长率, 贡献率, 自给率, 负债率, 产销率,
# 毛入学率 (a gross rate counts pupils of any age), 生产率, and rates measured against a plan or
# a caseload that may include old cases: 到位率, 签约率, 开工率, 结案率, 破案率, 处置率,
# 回收率, 使用率 (a hospital's beds).
_BOUNDED_STEMS = (
    "覆盖", "达标", "满意", "优良", "普及", "参保", "入园", "普惠", "合格", "处理", "治理", "办结", "解决", "失业",
    "就业", "通过", "知晓", "接种", "入学", "巩固", "升学", "完好", "开通", "通达", "落实", "利用",
    "占有", "渗透", "收集", "清运", "化解", "治愈", "识字", "文盲", "发生", "参合", "入网",
    "联网", "上线", "在线", "复工", "复产", "交付", "可办", "网办", "出勤", "入住",
    "受理", "接通", "录取", "留存", "流失", "损失", "死亡", "病死", "安置", "好转",
    "管理", "替代", "加工", "不良贷款", "赤字", "天数比",
)
_RATE = LazyPattern(
    r"(?:(?<!毛)(?:" + "|".join(_BOUNDED_STEMS) + r")(?:（[^（）]{1,6}）)?率|化率|占比|比重|份额|比例|满意度"
    r"|占[^，。；：、,;:！？\d%％]{0,12}?的|占)"
)
# Between the rate and its figure: a few words of verb or adverb (稳定在, 分别达到, 首次突破),
# no number, no new clause and no 的 (which would start a new noun).
_LINK = LazyPattern(r"[^，。；：、,;:！？\d０-９%％的（）()“”]{0,8}\Z")
_FROM = LazyPattern(r"(?:由|从)[^，。；]{0,16}?(?:提高|提升|上升|增加|增|下降|降低|降|减少)(?:到|至)\Z")
_FROM_START = LazyPattern(r"(?:由|从)[^，。；：\d%％]{0,6}?的?\Z")
# Ratios that are meant to pass 100%: a bank's (拨备覆盖率, 流动性覆盖率, 净稳定资金比例, 资本充足率,
# 存贷比), an economy's (证券化率 and 货币化率 compare a stock with GDP), and the proportion of a
# rise (增长比例).
_UNBOUNDED = LazyPattern(r"拨备覆盖率|流动性覆盖率|利息覆盖率|偿债覆盖率|稳定资金比例|流动性比例|充足率|存贷比|负债"
                        r"|证券化率|货币化率|(?:增长|增加|提高|上升|上涨)(?:比例|比重)")
# A whole that is a plan, a budget, a level or an earlier period: 占预算数的106.48%, 占年度计划的112%,
# 占全国平均水平的120%, 占设计能力的108%, 占上年同期的120%, 占1957年的150% compare an amount
# with a reference, which it may pass.
_REFERENCE = LazyPattern(r"^占.*(?:预算|计划|目标|任务|指标|定额|基数|标准|水平|平均|能力|上年|去年|前年|同期|上月|年初"
                        r"|(?:19|20)\d\d年|[〇零一二三四五六七八九]{4}年)")
_MINUS = "-−－﹣"
_JOINER = LazyPattern(r"\s*(?:、|和|及|以及|与)\s*")
_SUBJECT_TRIM = LazyPattern(r"^(?:其中|形成以|以)|(?:合计|总共|共|合)$")
# A share that names its whole (占同类机构的99.7%, 占全国): the bare 占 after it reuse that whole.
_OWN_WHOLE = LazyPattern(r"占[^，。；：、,;:！？\d%％]{1,12}?的|占全")
# What says that one whole is divided: 其中 after the whole, "在…中，", a distribution or a structure.
_DIVIDED = LazyPattern(r"其中|中[，,：:]")
_COMPOSITION = LazyPattern(r"分配|构成|结构|组成|分成|比例为|占比为")
_SUM_TOLERANCE = 0.5  # rounded shares may pass 100 by a few tenths


@rule(code="RL305", name="percent-range", severity="warning", summary="比率或占比超出0—100%",
      rationale="覆盖率120%、各产业占比合计105%，是录入或抄写数字时的错误，而这些数字正是读者和审稿人会引用的。",
      reads=("figures",))
def percent_range(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reports a rate that counts a part of a whole (覆盖率, 达标率, 满意率,
    优良率, 普及率, 参保率, 失业率, 城镇化率, 占比, 比重, 份额, 占…的) given as
    more than 100% or as a negative percentage, and shares of one whole
    that add up past 100%: the three sectors of the economy, town and
    country, the sexes, the regions or the kinds of ownership listed with
    their shares (一、二、三产业占比分别为10%、50%、45%), and the parts of
    one sentence that each take a bare share (其中，农户占30%，龙头企业占
    30%，合作社、村集体共占40%: 占 with no other whole named).

    Bare shares are summed only when the sentence says that one whole is
    divided: 其中 after the whole, "在…中，", a distribution or a structure
    (分配, 构成, 结构), or subjects that split one whole by their names. A
    breakdown that reaches 100% is complete: the shares after it divide the
    whole another way (出口占55%，进口占45%，一般贸易占65%，加工贸易占25%).

    It deliberately does not report:

    - a change, which is not a share: 增长120%, 覆盖率提高5%, 占比分别提高15、
      22个百分点;
    - rates that may pass 100%: 投资完成率129.6%, 增长率, 贡献率, 自给率, 毛入学率,
      and rates of execution against a plan, a budget or an earlier period
      (占预算数的106.48%, 完成计划的112%, 占上年同期的120%);
    - shares of different wholes, which may add up to anything (民营规上工业增加值、
      限上批发零售业商品销售额、外贸进出口总额占比分别为23.1%、62.5%、45.5%);
    - rates of different subjects listed one after another: after 社区卫生服务中心
      占同类机构的99.7%, the bare 社区卫生服务站占97.1%，乡镇卫生院占99.8% are
      each one's share of its own kind; 开展日间手术的占85%，开展远程医疗的占92%
      and 通电的村占100%，通电话的村占99.9% are sets that overlap (members with a
      property, named with 的).

    ## Why it matters
    A coverage of 120% or sectors that make up 105% of the economy is a
    typing or copying error in a figure that readers and reviewers quote.

    ## Example
    Bad:
        全省森林覆盖率达到105.3%，草原综合植被盖度达到50%。
    Good:
        全省森林覆盖率达到65.3%，营业收入增长120%。

    ## Options
    None.
    """
    all_figures = document_figures(doc)
    for paragraph, found in zip(doc.paragraphs, all_figures):
        if not paragraph.is_body or not any(f.unit == "%" for f in found):
            continue
        yield from _out_of_range(paragraph, found)
        yield from _partition_sums(paragraph, found, _wholes_left_to_ratio_sum(doc))


def _out_of_range(paragraph: Paragraph, found: list[Figure]) -> Iterator[Violation]:
    text = paragraph.text
    head: Figure | None = None  # the first value of a list: 达到90%、95%和120%
    for previous, figure in zip([None, *found], found):
        if previous is not None and _JOINER.fullmatch(text, previous.end + len(previous.after), figure.start):
            head = head or previous
        else:
            head = None
        if figure.unit != "%" or figure.kind != "quantity" or figure.direction:
            continue
        negative = _negative(text, figure.start)
        high = figure.value if figure.value is not None else figure.high
        if not negative and (high is None or high <= 100):
            continue
        first = head or figure
        lead_end = first.start - (1 if _negative(text, first.start) else 0)
        rate = _rate_before(text, lead_end)
        if rate is None:
            continue
        number = ("-" if negative else "") + figure.text
        what = "为负数" if negative else "超过100%"
        stated = text[rate[0] : figure.end]
        stated = stated if len(stated) <= 30 else f"{text[rate[0] : rate[1]]}…{number}"
        name = text[rate[0] : rate[1]]
        name = "所占份额" if name.startswith("占") and name != "占比" else name  # 占全国的, 占
        message = f"“{stated}”：{name}是部分占整体的比率，不应{what}，疑为数字录入错误"
        yield Violation(paragraph.span(figure.start - negative, figure.end), message)


def _negative(text: str, start: int) -> bool:
    """-0.5%, but not the second end of a range written with a minus (5%－6%)."""
    if start == 0 or text[start - 1] not in _MINUS:
        return False
    before = text[start - 2 : start - 1]
    return not (before.isdigit() or before in "%％点")


def _rate_before(text: str, end: int) -> tuple[int, int] | None:
    """Offsets of the bounded rate that the figure at *end* states (森林覆盖率达到), or None.
    The nearest one wins: 占全省比重达 states a 比重."""
    offset = max(0, end - 30)
    window = text[offset:end]
    for lead in (_FROM, _FROM_START):  # 由50%提高到120%; 从去年的102.1%
        found = lead.search(window)
        if found:
            window = window[: found.start()]
    if _UNBOUNDED.search(window):
        return None
    rate = None
    for match in _RATE.finditer(window):
        if _REFERENCE.search(match.group()):
            continue  # 占预算数的106.48%: a rate of execution against a plan, not a share
        link = window[match.end() :]
        if _LINK.match(link) and not CHANGE.search(link):
            rate = (offset + _named_from(window, match), offset + match.end())
    return rate


def _named_from(window: str, match: re.Match[str]) -> int:
    """Where the rate's name starts: 化率 alone names nothing, 城镇化率 does."""
    start = match.start()
    if match.group().startswith("化率"):
        while start > max(0, match.start() - 2) and "\u4e00" <= window[start - 1] <= "\u9fff" \
                and window[start - 1] not in "的和与及、是为达":
            start -= 1
    return start


def _wholes_left_to_ratio_sum(doc: Document) -> bool:
    """ratio-sum adds up the shares of a whole whose every part is named, both ways; when it
    runs, percent-range leaves those sums to it."""
    superseders = superseded_by(doc, "percent-range")
    return superseders is None or "ratio-sum" in superseders


def _partition_sums(paragraph: Paragraph, found: list[Figure], leave_wholes: bool) -> Iterator[Violation]:
    text = paragraph.text
    for pair in respectively(text, found):
        if len(pair.subjects) >= 2 and len(pair.values) == len(pair.subjects):
            partition = partition_of(text, pair)
            names = [s.text for s in pair.subjects]
            if partition is None or (leave_wholes and names_the_whole(partition, names)):
                continue
            yield from _sum_violation(paragraph, pair.values, names)
    for sentence, shares in _bare_shares_by_sentence(paragraph, found):
        names = [_share_subject(text, f) for f in shares]
        if len(shares) >= 2 and _one_whole_divided(text, sentence, shares, names):
            for group in _breakdowns(shares):
                if len(group) >= 2:
                    group_names = [names[shares.index(f)] for f in group]
                    yield from _sum_violation(paragraph, group, [_SUBJECT_TRIM.sub("", n) for n in group_names])
    starts = [f.start for f in found]
    for match in SECTORS_NAME.finditer(text):
        values = listed_after(text, islice(found, bisect_left(starts, match.end()), None), match.start(), match.end())
        if len(values) >= 2 and not (leave_wholes and len(values) == 3):
            yield from _sum_violation(paragraph, values, ["第一产业", "第二产业", "第三产业"][: len(values)])


def _bare_shares_by_sentence(paragraph: Paragraph, found: list[Figure]) -> Iterator[tuple[Sentence, list[Figure]]]:
    """Each sentence with the bare shares in it, in one pass over both."""
    text = paragraph.text
    shares = [f for f in found if _bare_share(text, f)]
    if len(shares) < 2:
        return
    i = 0
    for sentence in paragraph.sentences:
        inside = []
        while i < len(shares) and shares[i].start < sentence.end:
            if shares[i].start >= sentence.start:
                inside.append(shares[i])
            i += 1
        if len(inside) >= 2:
            yield sentence, inside


def _one_whole_divided(text: str, sentence: Sentence, shares: list[Figure], names: list[str]) -> bool:
    """Whether the bare shares of a sentence divide one whole: 其中，农户占30%，龙头企业占30%… or
    形成以农户占60%、…的利益分配模式. Shares of subjects that each have their own whole do not:
    after 社区卫生服务中心占同类机构的99.7%, 社区卫生服务站占97.1% is a share of its own kind;
    开展日间手术的占85%，开展远程医疗的占92% and 通电的村占100%，通电话的村占99.9% are sets that
    overlap; 外资企业中制造业占60%，内资企业中服务业占50% name two wholes."""
    before = text[sentence.start : shares[0].start]
    if _OWN_WHOLE.search(before) or any("中" in name for name in names[1:]):
        return False
    if any("的" in name for name in names):
        return False  # 开展日间手术的占85%, 通电的村占100%: members with a property, sets that overlap
    if len([p for p in PARTS if all(p.search(name) for name in names)]) > 0:
        return True
    return bool(_DIVIDED.search(before) or _COMPOSITION.search(text, sentence.start, sentence.end))


def _breakdowns(shares: list[Figure]) -> list[list[Figure]]:
    """The shares cut where they have reached 100%: a breakdown that is complete ends there,
    and two or more shares after it divide the whole another way (出口占55%，进口占45%，
    一般贸易占65%，加工贸易占25%)."""
    groups: list[list[Figure]] = [[]]
    total = 0.0
    for i, share in enumerate(shares):
        groups[-1].append(share)
        total += share.value or 0
        # A single share after 100% is no second breakdown: 44%、16%、40%，…占14% passes 100.
        if abs(total - 100) <= _SUM_TOLERANCE and len(shares) - i - 1 >= 2:
            groups.append([])
            total = 0.0
    return [part for group in groups if group for part in _complete_tail(group)]


def _complete_tail(group: list[Figure]) -> list[list[Figure]]:
    """A breakdown that ends the group complete (首次购房者占57.2%，二次及以上购房者占42.8%) after
    shares of another one left incomplete (本市户籍购房者占83.4%): two breakdowns, not one."""
    for start in range(1, len(group) - 1):
        if abs(sum(f.value or 0 for f in group[start:]) - 100) <= _SUM_TOLERANCE:
            return [group[:start], group[start:]]
    return [group]


def _bare_share(text: str, figure: Figure) -> bool:
    """农户占60%: a part's share of the whole the sentence is about (not 占全国28.7%, not 各占)."""
    return (figure.unit == "%" and figure.value is not None and not figure.direction
            and figure.bound in ("exact", "min") and figure.value <= 100  # past 100 alone: reported alone
            and text[figure.start - 1 : figure.start] == "占"
            and text[figure.start - 2 : figure.start - 1] not in ("各", "别", "均", "都"))


def _share_subject(text: str, figure: Figure) -> str:
    """The words before 占: 农户 in 农户占60%."""
    clause = re.split(r"[，。；：、,;:]", text[max(0, figure.start - 21) : figure.start - 1])[-1]
    return clause[-10:]


def _sum_violation(paragraph: Paragraph, values: list[Figure] | tuple[Figure, ...],
                   names: list[str]) -> Iterator[Violation]:
    total = round(sum(v.value or 0 for v in values), 3)
    if total <= 100 + _SUM_TOLERANCE:
        return
    numbers = "、".join(v.text for v in values)
    message = (f"“{'、'.join(names)}”是同一整体的组成部分，占比{numbers}合计{total:g}%，超过100%，"
               "疑为数字录入错误")
    yield Violation(paragraph.span(values[0].start, values[-1].end), message)
