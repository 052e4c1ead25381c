"""RL301 count-mismatch: a count that disagrees with the items it counts."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from ..analysis.figures import JOINER_WORDS, Enumeration, Figure, Item, counted_enumerations, document_figures
from ..analysis.lexicon import lexicon
from ..model import Related, Violation, rule
from ..text.document import Document, Paragraph
from ..text.lazy_regex import LazyPattern
from ..text.structure import chinese_number, numbering

# A list written out in full names a handful of things; a count far from the
# number of items before it counts something else (停建、缓建大中型项目295个).
MAX_COUNT = 12
MAX_GAP = 3
# 共/合计 before the count: a total over the items (两座电厂共6台机组), not their number.
_TOTAL = ("共", "合计", "总计", "共计")
_QUOTE_OPEN, _QUOTE_CLOSE = "“‘「『", "”’」』"
_JOINERS = ("和", "及", "与", "以及")
# The list ends here when the count is itself the last item (邓小平理论和“三个代表”).
_JOINER_END = LazyPattern(r"(?:以及|[和及与、])$")
# Tags of a word that ends a clause rather than a name: verbs, adverbs, prepositions, particles.
_NOT_NAME_TAGS = ("v", "vd", "vi", "vg", "ad", "d", "p", "c", "u", "ul", "uj", "uz", "f")
# 新建、改扩建3所学校: a list of actions; the count counts their objects, which may be more.
_ACTIONS = ("新建", "改建", "扩建", "改扩建", "新改建", "续建", "在建", "建成", "开工", "新开工", "竣工", "完成", "启动",
            "修订", "制定", "修改", "废止", "停建", "缓建", "改造", "提升", "新增", "培育", "认定", "引进", "创建",
            "争创", "申报", "命名", "评定", "认证", "挂牌", "投产", "达产", "新设", "设立", "撤销", "合并", "整合",
            "关闭", "关停", "搬迁", "淘汰", "取消", "下放", "保留", "清理")
_GRADES = ("级", "型")
_EACH = ("各", "均", "每", "都")
_ADVERB_TAGS = ("ad", "d", "u", "ul", "uj", "uz", "f")
_PROPER_NAME_TAGS = ("ns", "nr", "nt", "nz")
_VERB_TAGS = ("v", "vd", "vi", "vg")
_JOINER_IN_ITEM = LazyPattern(r"以及|和|及|与")
_NO_NOUN = ("和", "及", "与", "、", "等")
_ITEM_NOUN = 8  # the longest noun after a count that makes the phrase one item of a list
# An item's words up to the mark or word that ends it in a list.
_ITEM_TAIL = LazyPattern(r"[^、，。；：,;:！？!?（()）“”《》\s等]{0,20}")
# Dictionary tags of a numeral with its measure word (三个, 四件, 三部曲), not of a name.
_NUMBER_TAGS = ("m", "mq", "q", "t")
MAX_NAME = 8
_PHRASE_END = LazyPattern(r"[，。；：、,;:！？!?（）()“”《》\s]")

# "…实施三大工程：" / "“六项重点工作”：": a count, at most a short noun, then a colon.
# …三大工程： / 共有3个试点县，分别是… / 3个重点水库，即…: the count's noun, then what introduces its items
_COLON_AFTER = LazyPattern(rf"[^，。；：、,;:{_QUOTE_OPEN}{_QUOTE_CLOSE}]{{0,10}}[{_QUOTE_CLOSE}]?"
                          rf"(?:[：:]|[，,](?:分别是|分别为|即)[：:]?)")
# A second count between the first and its colon (11个行政村和2个社区，即…), or joined to it
# before (三个街道、两个乡：…).
_SECOND_COUNT = LazyPattern(r"[0-9０-９]|[一二两三四五六七八九十]+(?:个|项|家|所|座|条|类|种|大|方面)")
_COUNT_JOINED_BEFORE = LazyPattern(r"(?:[0-9０-９]+|[一二两三四五六七八九十]+)(?:个|项|家|所|座|条|类|种)"
                                  r"[^，。；：、,;:\s]{1,8}[、和与及]\Z")
# The claim that closes a paragraph: "具体抓好8个方面工作：", "重点做好以下九个方面工作。"
# Only a count of tasks or points: "十方面民生实事圆满完成。" reports work done, not sections.
_CLAIM_TAIL = LazyPattern(
    r"的?(?:重点|主要|具体)?(?:民生)?(?P<task>工作|任务|任务举措|举措|措施|内容|事项|实事)?(?P<end>[：:。]?)\s*"
)
# 一是…二是…: the ordinals of a list run inside a paragraph.
_SHI_ORDINAL = LazyPattern(r"(?:^|(?<=[。；，,;：:]))([一二三四五六七八九十]{1,3})是")
_CONTINUED = LazyPattern(r"\s*(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}|[（(]?[一二三四五六七八九十0-9]{1,3}[）)、.．])")
_CLAUSE_END = LazyPattern(r"[。；;！？!?]")
_SENTENCE_END = LazyPattern(r"[。！？!?]")
# Where the next item of a marked enumeration may start, and how far one item may run.
_ITEM_START = LazyPattern(r"[。；;！？!?，,]\s*")
_MARKER_WIDTH = 8
# Words that add items to a list in prose: 还有两类, 此外, 另一类, 其余.
_MORE = LazyPattern(r"还有|另有|再有|此外|另外|另一|其他|其余|其它")
_MAX_MARKED_ITEM = 1000
_SPACES = LazyPattern(r"\s*")


@dataclass(frozen=True)
class _Listed:
    """Items a count is compared with, and where they are."""

    count: Figure
    items: tuple[str, ...]
    start: int  # offsets in the paragraph text of the listed items, for the related span
    end: int
    where: str  # 前面 / 后面
    shown: str = ""  # how the items are quoted in the message, when not one by one


@rule(code="RL301", name="count-mismatch", severity="warning", summary="数量与所列项目不符",
      rationale="数量与所列项目不符，说明修改时增删了项目却没有改数字，或者漏掉了一段；读者无法判断哪一个是对的。",
      reads=("figures",))
def count_mismatch(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Finds a count that disagrees with the items it counts, in three places
    where a report writes both:

    - a list directly followed by its count: 打造昭阳、镇雄、水富、彝良3个省级物流枢纽
      (four names, count 3), 落实“正面、负面、倡导”3张清单, 企业、产业、就业、创业“四业”;
    - a count followed by a colon and its items: 实施三大工程：一是…二是…,
      报告共分四个部分：一、…；二、…；三、…；四、… (counted by their markers, one
      level in sequence), or “六项重点工作”：种业、设施农业、…;
    - a paragraph that announces the sections after it: 具体抓好8个方面工作： followed
      by （一）…（七）. The sections counted are the numbered paragraphs that follow
      at the next outline level (GB/T 9704: 一、 → （一） → 1. → （1）), up to the end
      of the claim's chapter (a paragraph numbered at a higher level, an unnumbered
      heading, or the numbering starting again); their items may go on inline
      (计有以下四类： / （一）……；（二）……；（三）……；（四）……).

    The message names the count and the items it was compared with. Only a count
    that surely counts exactly that list is compared. It deliberately does not report:

    - names that hold a numeral, which were fixed once and count nothing nearby:
      a quoted name after two items that it does not sum up (深化“校园餐”、农村集体
      “三资”管理; 中国农业银行、中国邮政储蓄银行“三农”金融事业部; 各地区、各部门全面
      推行“三项制度”), and a count that starts a name of the dictionary (和平共处五项
      原则, 三个代表, 两个凡是);
    - a count that is the object of the verb ending the list, not the items' number:
      a name, its verb and the name it acts on (中国、印度、缅甸倡导和平共处五项原则;
      广州、深圳援助梅州建设4个小镇), manners of the verb (旗帜鲜明、理直气壮地宣传四项
      基本原则), a list after a preposition closed by a verb (从增速、结构、效率方面提出
      5项指标). An abbreviation whose word every item holds still compares
      (早发现、早报告、早隔离、早治疗“四早”; 人防、技防“两防”);
    - a count whose phrase is one item of the list: it ends in 等 (城乡低保、儿童福利、
      残疾人“两项补贴”等标准), or the next item has its noun (…最低生活保障标准、残疾人
      “两项”补贴标准、孤困儿童基本生活最低养育标准); a count with no noun of its own
      (上海、天津、重庆、湛江、海南岛八所和安徽裕溪口等港口: 八所 is a port);
    - a count that belongs to the last item: the earlier items carry the counted
      noun themselves (宁东煤制油项目、新疆准东3个煤制气项目), or a classifier of one
      kind of thing right after it counts it (户口簿、近期一寸免冠彩色照片2张);
    - a numbered unit: 交通警察支队三大队大队长 (三大 counts no big ones); a count
      the last item owns (…全部行政区域和青湖县的4个镇) or that points back to a list
      given before (有信心、有能力确保这4个子项目);
    - a count after 分别, which each item has (县人民医院、县中医院分别成功创建三级
      综合医院);
    - a 和 inside an item, which may join two names: 北京、上海、重庆和沈阳、大连5个
      城市 may name five cities (and a count smaller than a list whose last items are
      joined by 和/及/与: …最低养育标准和残疾人“两项补贴”);
    - two counts of two things: 从增速、结构、效率三个方面提出5项指标;
    - what is not an item: an outline marker (二、认真进行坚持四项基本原则的正面教育),
      a modifier ended by 的 (在广东、福建两省的深圳、珠海、汕头、厦门四个地区: four
      places), and 、 inside quoted items parted by commas (“人口多、土地少，小生产、
      大市场，投入高、产出低”三大基本矛盾);
    - a list that is not exhaustive (A、B等5个); a total or a count per item (A、B共6台,
      A、B各3个); a count far from the number of items (more than 12, or 4 apart, is a
      count of something else); a count written after its own noun (停建、缓建大中型
      项目295个); lists of actions or grades that qualify what is counted (新建、改扩建
      3所学校, 国家级、省级3个示范区); a two-item list that stops at an adverb, a
      preposition or a place and its verb (阻挠直接“三通”, 支持昭阳、鲁甸创建3个示范区);
      a quoted abbreviation that is the object of a verb ending the list
      (经济建设、政治建设、协调推进“四个全面”) or of a phrase a preposition in the last item opens
    (党中央、国务院和省委、省政府关于扎实做好“六稳”工作); a count that is itself the last item
      (邓小平理论和“三个代表”).

    A 一是 or marked list shorter than its count is not compared when the next
    paragraph goes on with the next marker (三是, 三、) or the paragraph goes on with
    more items in prose (还有两类…, 此外, 另一类). Sections that sort the counted items into
    groups leave the count to the items, numbered on through them or starting
    again in each (十件民生实事 / 一、教育类 / 1.… 2.… / 二、医疗健康类 / 3.…).
    A paragraph announces sections only
    when it ends with the count and a task word (工作, 任务, 举措…), 方面 or a colon,
    and the next paragraph is numbered one: 主要做了以下工作 (no number) has nothing to
    check, and a claim followed by prose describes its points there. The words' parts
    of speech come from the shipped dictionary, read only when a list and its count
    disagree.

    ## Why it matters
    A count that does not match its list shows that an item was added or dropped
    in editing without updating the number, or that a section went missing: a
    reader cannot tell which of the two is right.

    ## Example
    Bad:
        推进物流枢纽建设，打造昭阳、镇雄、水富、彝良3个省级物流枢纽。
    Good:
        推进物流枢纽建设，打造昭阳、镇雄、水富3个省级物流枢纽。

    ## Options
    None.
    """
    all_figures = document_figures(doc)
    paragraphs = doc.paragraphs
    for index, (paragraph, found) in enumerate(zip(paragraphs, all_figures)):
        if not paragraph.is_body or not found:
            continue
        following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
        for listed in (*_listed_before(paragraph.text, found), *_listed_after(paragraph.text, found, following)):
            if len(listed.items) != listed.count.value:
                yield _violation(paragraph, listed)
        yield from _sections_after(paragraphs, index, found)


# -- a list and its count ---------------------------------------------------------


def _listed_before(text: str, found: list[Figure]) -> Iterator[_Listed]:
    """Lists directly followed by their count (昭阳、镇雄、水富3个…), when the pair is reliable."""
    for whole_list, count in counted_enumerations(text, found):
        enumeration = _counted_part(whole_list)
        if enumeration and len(enumeration.items) != count.value and _reliable_before(text, enumeration, count):
            items = enumeration.items
            start = _trimmed_start(items)
            shown = (text[start : items[0].end], *(item.text for item in items[1:]))
            yield _Listed(count, shown, start, items[-1].end, "前面")


def _counted_part(enumeration: Enumeration) -> Enumeration | None:
    """The items the count may count: only those after a 的 that ends a modifier inside the
    list (在广东、福建两省的深圳、珠海、汕头、厦门四个地区: the four places after 的)."""
    items = list(enumeration.items)
    # Items that each hold a 的 are parallel (能源的开发和节约、…、经济管理体制的改革): only a 的
    # after which the items hold none starts the list anew.
    for i in range(len(items) - 2, 0, -1):
        cut = items[i].text.rfind("的")
        if cut >= 0 and not any("的" in item.text for item in items[i + 1 :]):
            rest = items[i].text[cut + 1 :]
            items = [Item(items[i].start + cut + 1, items[i].end, rest), *items[i + 1 :]]
            break
    if len(items) < 2 or not items[0].text:
        return None
    return Enumeration(tuple(items), enumeration.open, enumeration.last_joiner)


def _reliable_before(text: str, enumeration: Enumeration, count: Figure) -> bool:
    items, value = enumeration.items, int(count.value or 0)
    listed = len(items)
    if enumeration.open or count.before or text.endswith(_TOTAL, 0, count.start) or _JOINER_END.search(items[-1].text):
        return False  # A、B等5个, A、B共6台, A、B达到3个, 邓小平理论和“三个代表”
    if text[count.start - 1 : count.start] in _EACH:
        return False  # A、B各3个: a count for each item
    if items[-1].text.endswith("的"):
        return False  # 江北区、临港区全部行政区域和青湖县的4个镇: the count is the last item's own
    if text.endswith(_POINTING_BACK, 0, count.start) or items[-1].text.endswith(_POINTING_BACK):
        return False  # 有信心、有能力确保这4个子项目: 这 points back to what was listed before
    if all(item.text.endswith(_ACTIONS) for item in items) or all(item.text.endswith(_GRADES) for item in items):
        return False  # 新建、改扩建3所学校; 国家级、省级3个示范区: the count counts their objects
    if enumeration.last_joiner != "、" and value < listed:
        return False  # 和 may join two names or two groups (…标准和残疾人“两项补贴”)
    if listed < value <= listed + _inner_joiners(text, items):
        return False  # 重庆和沈阳、大连3个城市: a 和 inside an item may join two of them
    if count.kind == "quantity" and not _noun_follows(text, count.end):
        return False  # 缓建大中型项目295个；, 海南岛八所和安徽裕溪口: no noun of its own after the count
    if count.unit in _OWN_CLASSIFIERS and text[count.start - 1 : count.start] == items[-1].text[-1:] \
            and not _noun_opens(text, count.end):
        return False  # 户口簿、近期一寸免冠彩色照片2张到学校报名: how many of the last item, not of the list
    if _inside_the_last_of_quotations(text, items[0].start):
        return False  # 围绕“A”“B”“…平时能训、战时能用”三个主题: the quotations are the items
    quoted = items[0].start > 0 and text[items[0].start - 1] in _QUOTE_OPEN
    if (not quoted and listed == 2 and value > 4) or value > MAX_COUNT or abs(value - listed) > MAX_GAP:
        return False
    if quoted:
        # “人口多、土地少，小生产、大市场，投入高、产出低”三大基本矛盾: the commas part the items
        return not any(mark in text[items[0].start : items[-1].end] for mark in "，,；;")
    if _phrase_is_an_item(text, count):
        return False  # 残疾人“两项”补贴标准、孤困儿童…标准: the count's phrase is one item of the list
    if _label_names_every_item(items, count):
        return True  # 企业、产业、就业“四业”
    if count.kind == "abbreviation" and listed == 2:
        return False  # 农村集体“三资”, 各部门全面推行“三项制度”: a name the last item qualifies
    if any(_CLAUSE_VERB.search(item.text) and len(item.text) > _LONG_ITEM for item in items[1:-1]):
        return False  # 补助对象、…和资金分配情况应当按照规定在村、乡镇、县三级: two lists, a clause between
    if count.unit == "级" and not _counts_levels(text, items, count):
        return False  # 省、市三级医院: a grade; 中央和省、市、自治区两级: one level named by its kinds
    if _numeral_in_a_name(text, count):
        return False  # 和平共处五项原则, “三个代表”: the numeral belongs to a name
    if _count_of_the_last_item(text, items, count):
        return False  # 宁东煤制油项目、准东3个煤制气项目: the earlier items carry their own noun
    if _last_item_holds_the_predicate(text, items):
        return False  # 中国、印度、缅甸倡导和平共处五项原则: the count is the verb's object
    if listed == 2:
        return _list_runs_to_the_count(items, count)
    return count.kind != "abbreviation" or _abbreviation_names_the_items(items, count)


def _inside_the_last_of_quotations(text: str, start: int) -> bool:
    """Whether *start* lies inside a quotation that follows another one right after it closes
    (“…”“…、…”): a 顿号 inside it parts the words of one quoted item, not the items counted."""
    opening = max(text.rfind(mark, 0, start + 1) for mark in _QUOTE_OPEN)
    if opening <= 0 or any(mark in text[opening:start] for mark in _QUOTE_CLOSE):
        return False
    return text[opening - 1] in _QUOTE_CLOSE


# 这4个, 上述3项, 以上5条: a count that points back to a list given before, not to the words before it
_POINTING_BACK = ("这", "那", "该", "上述", "以上", "前述", "这些", "此")


# Classifiers that count one kind of thing (照片2张, 复印件1份), unlike 个, 项, 家 or 人: right after
# the last item and before no noun of their own (五件大事), they count that item
_OWN_CLASSIFIERS = frozenset("张份本册件套台辆只头棵株把枚双副盒瓶袋箱")


def _noun_opens(text: str, at: int) -> bool:
    tokens = lexicon().segment(text[at : at + _NOUN_REACH])
    return bool(tokens) and tokens[0].entry is not None and tokens[0].entry.tag[:1] == "n"


_NOUN_REACH = 6


# A verb or modal that starts a clause inside an item: the 、 before and after it join two lists
# (…审批结果和资金分配情况应当按照规定在村、乡镇…; …扩建项目实行节水设施与主体工程同时设计、…).
_CLAUSE_VERB = LazyPattern(r"应当|按照|依照|实行|实施|开展|推进|推动|加快|建立|健全|完善|落实|坚持|实现|进行|通过|采取|围绕")
_LONG_ITEM = 8

# What a grade names after 级 (三级医院, 一级响应, 二级以上): a grade, not a number of levels.
_GRADE_AFTER = LazyPattern(r"以上|以下|及以上|医院|医疗机构|响应|预警|应急|标准|公路|资质|风险|指标|岗位|职称|文物|保护单位|"
                          r"水质|水体|防火|重点|工程师|教师|甲等|乙等")
# The kinds of one level named together (省、市、自治区 is the provincial level): not two levels.
_KINDS_OF_ONE_LEVEL = LazyPattern(r"自治区|直辖市|兵团|自治州|自治县|旗")


def _counts_levels(text: str, items: tuple[Item, ...], count: Figure) -> bool:
    """县、乡、村四级: a count of levels, the items each one level."""
    return not _GRADE_AFTER.match(text, count.end) and not any(_KINDS_OF_ONE_LEVEL.search(i.text) for i in items)


def _inner_joiners(text: str, items: tuple[Item, ...]) -> int:
    """How many 和/及/与 stand inside the items before the last one: each may join two items
    (重庆和沈阳) or sit inside one name (交通运输和邮政), so the list may be that much longer."""
    return _names_joined_in_the_first(items[0].text) + sum(
        1 for item in items[1:-1] for _ in _inner_joiner_positions(text, item))


def _names_joined_in_the_first(first: str) -> int:
    """1 when the first item ends with two names joined by 和 (支持天津和重庆), else 0: its start
    runs back into the clause, where a 和 joins other things (落实…方针和香港)."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    tokens = lexicon().segment(first)
    for before, joiner, after in zip(tokens, tokens[1:], tokens[2:]):
        if joiner.text in ("和", "及", "与") and after is tokens[-1]:
            return int(bool(before.entry and before.entry.tag in _PROPER_NAME_TAGS))
    return 0


def _inner_joiner_positions(text: str, item: Item) -> Iterator[int]:
    """和/及/与 inside an item that may join two names; not after a 的, which makes the pair one
    noun phrase (能源的开发和节约)."""
    for match in _JOINER_IN_ITEM.finditer(text, item.start + 1, item.end - 1):
        i, j = match.start(), match.end()
        if "的" in text[item.start : i]:
            continue
        if text[i - 1 : j] not in JOINER_WORDS and text[i : j + 1] not in JOINER_WORDS:
            yield i


def _label_names_every_item(items: tuple[Item, ...], count: Figure) -> bool:
    """企业、产业、就业、创业“四业”, 人防、技防“两防”: every item holds a character of the
    abbreviation's own word, so the abbreviation sums up exactly these items."""
    label = count.label.removeprefix("大")
    return count.kind == "abbreviation" and bool(label) and all(any(c in item.text for c in label) for item in items)


def _numeral_in_a_name(text: str, count: Figure) -> bool:
    """Whether the count starts a word of the dictionary that is a name, not a number (五项原则,
    三个代表, 四大发明, 三座大山, 两个凡是): its numeral was fixed once, not counted here."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    shortest = len(count.text) + (count.kind != "abbreviation")
    for end in range(count.start + shortest, min(len(text), count.start + MAX_NAME) + 1):
        entry = lexicon().get(text[count.start : end])
        if entry and entry.tag not in _NUMBER_TAGS:
            return True
    return False


def _counted_noun(text: str, count: Figure) -> str:
    """The words after a count up to the end of its phrase (3个煤制气示范项目 → 煤制气示范项目)."""
    end = _PHRASE_END.search(text, count.end, count.end + 12)
    return text[count.end : end.start() if end else count.end + 12]


def _count_of_the_last_item(text: str, items: tuple[Item, ...], count: Figure) -> bool:
    """Whether an earlier item already names the kind of thing counted while the last one does
    not: in 推进鄂尔多斯煤制油项目、宁东煤制油项目、新疆准东3个煤制气项目 each item is a whole
    noun phrase and the count belongs to the last one alone."""
    noun = _counted_noun(text, count)
    if len(noun) < 2:
        return False
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    # Only the first item's last word: where it starts is a guess (中央政府全力支持香港).
    first = lexicon().segment(items[0].text)[-1].text
    shares = [_shares_a_word(item, noun) for item in (first, *(item.text for item in items[1:]))]
    # Not when only some share it: 现代服务业、高新技术产业、热带特色高效农业四大主导产业.
    return all(shares[:-1]) and not shares[-1]


def _shares_a_word(item: str, noun: str) -> bool:
    """Whether *item* and *noun* have two Chinese characters in a row in common."""
    return any(_is_cjk(noun[i]) and _is_cjk(noun[i + 1]) and noun[i : i + 2] in item for i in range(len(noun) - 1))


def _last_item_holds_the_predicate(text: str, items: tuple[Item, ...]) -> bool:
    """Whether the list ended inside its last item, which goes on into the clause's verb, so that
    the count is that verb's object and not the items' number: a name, a verb and the name it acts
    on (中国、印度、缅甸倡导和平共处五项原则; 广州、深圳援助梅州建设4个小镇), manners of the
    verb (旗帜鲜明、理直气壮地宣传四项基本原则), or a list after a preposition closed by the verb
    (从增速、结构、效率方面提出5项指标)."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    tokens = [(t.text, t.entry.tag if t.entry else "") for t in lexicon().segment(items[-1].text)]
    for (_, name), (verb, tag), (_, target) in zip(tokens, tokens[1:], tokens[2:]):
        if name in _PROPER_NAME_TAGS and tag in (*_VERB_TAGS, "vn") and len(verb) > 1 and target in _PROPER_NAME_TAGS:
            return True
    for (_, tag), (_, following) in zip(tokens[1:], tokens[2:]):
        if tag == "uv" and following in (*_VERB_TAGS, "vn"):
            return True
    if len(tokens) < 2 or tokens[-1][1] not in _VERB_TAGS or len(tokens[-1][0]) < 2 or tokens[-2][1][:1] != "n":
        return False  # 在政治、经济、思想和组织: a last word that is a noun as well
    before = lexicon().segment(text[items[0].start : _trimmed_start(items)])
    return bool(before) and before[-1].entry is not None and before[-1].entry.tag == "p"


def _abbreviation_names_the_items(items: tuple[Item, ...], count: Figure) -> bool:
    """Whether a quoted abbreviation sums up the list before it, rather than being the object of
    a verb that is the last item (经济建设、政治建设、协调推进“四个全面”). A last item that is
    only verbs counts when every item shares a character with the abbreviation (早发现、早报告、
    早隔离、早治疗“四早”); one with a subject before its verb (…、常住人口实现“四个翻番”) does."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    tags = [token.entry.tag if token.entry else "" for token in lexicon().segment(items[-1].text)]
    shares_a_character = bool(count.label) and all(any(char in item.text for char in count.label) for item in items)
    if "p" in tags[1:]:
        # 党中央、国务院和省委、省政府关于扎实做好“六稳”工作: the items are whose decisions, and
        # the abbreviation the object of the phrase the preposition opens
        return shares_a_character
    if not all(tag.startswith("v") or tag in _ADVERB_TAGS or tag in ("a", "p") for tag in tags):
        return True
    return shares_a_character


def _noun_follows(text: str, end: int) -> bool:
    following = text[end : end + 1]
    if text.startswith(_NO_NOUN, end):
        return False  # 八所和安徽裕溪口, 三个、四个: a joiner or 等 right after the count
    return bool(following) and (_is_cjk(following) or following in _QUOTE_OPEN)


def _phrase_is_an_item(text: str, count: Figure) -> bool:
    """Whether the count's phrase is itself one item of a longer list, so that the items before
    it are its peers, not what it counts: the phrase ends in 等 (城乡低保、儿童福利、残疾人
    “两项补贴”等标准), or the item after it holds the phrase's own noun (…保障标准、残疾人
    “两项”补贴标准、孤困儿童基本生活最低养育标准). A count after it (3个县区、12个乡镇) is a
    list of counts, and 和 may join the counted phrase with something else (两个特别行政区政府
    和行政长官)."""
    start = count.end + (text[count.end : count.end + 1] in _QUOTE_CLOSE)
    phrase = _ITEM_TAIL.match(text, start)
    end = phrase.end()
    if text.startswith("等", end):
        return True
    if text[end : end + 1] != "、" or not 2 <= end - start <= _ITEM_NOUN:
        return False  # 4项成果分别在联合国气候变化大会、…: a clause, not one item's noun
    following = _ITEM_TAIL.match(text, end + 1).group()
    head = phrase.group()[-2:]
    return bool(following) and not following[0].isdigit() and head in following


def _list_runs_to_the_count(items: tuple[Item, ...], count: Figure) -> bool:
    """Whether a two-item list reaches the count: in 阻挠直接“三通” (an adverb), 以缩小“三大差距”
    (a preposition), 城乡融合发展、缩小“三大差距” (a verb and its quoted object) or
    支持昭阳、鲁甸创建3个示范区 (a place, then a verb) the list stopped earlier and the count
    counts what follows it. A verb alone ends many items (排查调处三个环节)."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    tags = [token.entry.tag if token.entry else "" for token in lexicon().segment(items[-1].text)]
    if not tags or tags[-1] in _ADVERB_TAGS or any(tag in ("p", "c") for tag in tags):
        return False
    if count.kind == "abbreviation" and tags[-1] == "v":
        return False
    return not (len(tags) > 1 and tags[-1] == "v" and tags[-2] in _PROPER_NAME_TAGS)


def _trimmed_start(items: tuple[Item, ...]) -> int:
    """The first item runs back to its clause's start (打造昭阳, 《纲要草案》从创新): show it
    from after the last verb, adverb, preposition or mark before its final word."""
    from ..analysis.lexicon import lexicon  # read the dictionary only for a mismatch

    first = items[0]
    tokens = lexicon().segment(first.text)
    start = 0
    for token in tokens[:-1]:
        # 重点发展电子信息: a verb used as a noun (发展, vn) still leads into the list
        ends_a_clause = token.entry.tag in (*_NOT_NAME_TAGS, "vn") if token.entry else not _is_cjk(token.text[0])
        if ends_a_clause:
            start = token.end
    return first.start + start


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _listed_after(text: str, found: list[Figure], following: str) -> Iterator[_Listed]:
    """A count, a colon and then its items: 实施三大工程：一是…二是…; “六项重点工作”：种业、….
    A 一是 list shorter than its count may go on in the next paragraph (三是…): then it is not
    compared."""
    starts = [f.start for f in found]
    for count in found:
        if not count.is_count or (count.value or 0) < 2 or count.bound != "exact" or count.direction:
            continue
        colon = _COLON_AFTER.match(text, count.end)
        if not colon or (count.value or 0) > MAX_COUNT:
            continue
        if _SECOND_COUNT.search(text, count.end, colon.end()) or _COUNT_JOINED_BEFORE.search(text, 0, count.start):
            continue  # 11个行政村和2个社区，即… / 三个街道、两个乡：…: the items answer two counts together
        start = colon.end()
        ordinals = _shi_run(text, start)
        if ordinals:
            end = _shi_end(text, start, len(ordinals))
            if len(ordinals) < (count.value or 0) and (_CONTINUED.match(following) or _goes_on(text, end)):
                continue
            yield _Listed(count, tuple(ordinals), start, end, "后面", f"一是至{ordinals[-1]}是")
            continue
        start = _SPACES.match(text, start).end()
        labels = _labelled_run(text, start)
        if labels:
            # 分为4个小组：第一组为A、B；第二组为…: the labels count the items, the 、 name members
            end = _CLAUSE_END.search(text, labels[-1][0])
            yield _Listed(count, tuple(label for _, label in labels), start, end.start() if end else len(text),
                          "后面", f"{labels[0][1]}至{labels[-1][1]}")
            continue
        if numbering(text[start : start + _MARKER_WIDTH]):
            # 报告共分四个部分：一、…；二、…: the markers count the items, not the 、 in 一、
            yield from _marked(text, start, count, following)
            continue
        items = _colon_items(text, start, starts)
        if items and abs(len(items) - (count.value or 0)) <= MAX_GAP:
            yield _Listed(count, tuple(i.text for i in items), items[0].start, items[-1].end, "后面")


def _marked(text: str, start: int, count: Figure, following: str) -> Iterator[_Listed]:
    """The items of a marked enumeration after a colon (一、…；二、…, （一）…（二）…, 1.…2.…,
    第一，…第二，…), counted by their markers. A run shorter than its count that the next
    paragraph goes on with (三、…) is not compared."""
    run, level, cut_short = _marker_run(text, start)
    if len(run) < 2 or (cut_short and len(run) < (count.value or 0)):
        return  # the next item may lie further on than the run was followed
    going_on = numbering(following[:_MARKER_WIDTH].lstrip())
    end = _CLAUSE_END.search(text, run[-1][0])
    if len(run) < (count.value or 0) and ((going_on and going_on[:2] == (level, len(run) + 1))
                                          or _goes_on(text, end.end() if end else len(text))):
        return
    markers = [marker.rstrip("、.．，,：: ") for _, marker in run]
    yield _Listed(count, tuple(markers), start, end.start() if end else len(text), "后面",
                  f"{markers[0]}至{markers[-1]}")


# 第一组 / 第二批 / 第3类: an item labelled by its ordinal and the noun the items share
_LABEL = LazyPattern(r"第([一二三四五六七八九十]{1,3}|[0-9]{1,2})([\u4e00-\u9fff])")
_LABEL_GAP = LazyPattern(r"[；;]\s*")


def _labelled_run(text: str, start: int) -> list[tuple[int, str]]:
    """第一组…；第二组…；第三组…: the labels in sequence from *start*, each opening a clause after
    a semicolon, within one sentence; [] when fewer than two start there."""
    first = _LABEL.match(text, start)
    if not first or chinese_number(first.group(1)) != 1:
        return []
    noun, run = first.group(2), [(start, first.group())]
    sentence_end = _SENTENCE_END.search(text, start)
    stop = sentence_end.start() if sentence_end else len(text)
    for gap in _LABEL_GAP.finditer(text, start, stop):
        label = _LABEL.match(text, gap.end())
        if label and label.group(2) == noun and chinese_number(label.group(1)) == len(run) + 1:
            run.append((gap.end(), label.group()))
    return run if len(run) >= 2 else []


def _goes_on(text: str, end: int) -> bool:
    """Whether the paragraph goes on after a numbered list with more of its kind in other words:
    大体上有四种类型：一是…二是…。在这两大类之间，还有两类产品和企业。一类是…另一类是…"""
    return bool(_MORE.search(text, end, end + _MAX_MARKED_ITEM))


def _marker_run(text: str, start: int) -> tuple[list[tuple[int, str]], int, bool]:
    """The markers 1, 2, 3… of one level, in sequence from *start*, each at the start of a clause,
    their outline level, and whether the search was cut short: it stops at a marker out of
    sequence (a new list), and gives up far past the last marker, where one item would have run
    on for a page."""
    first = numbering(text[start : start + _MARKER_WIDTH])
    if not first or first[1] != 1:
        return [], 0, False
    run = [(start, first[2])]
    for boundary in _ITEM_START.finditer(text, start):
        position = boundary.end()
        if position - run[-1][0] > _MAX_MARKED_ITEM:
            return run, first[0], True
        marker = numbering(text[position : position + _MARKER_WIDTH])
        if not marker or marker[0] != first[0]:
            continue
        if marker[1] != len(run) + 1:
            break  # a new list of the same level
        run.append((position, marker[2]))
    return run, first[0], False


def _shi_run(text: str, start: int) -> list[str]:
    """一是, 二是, … right after a colon at *start*: the ordinals in sequence, or [] when none start there."""
    run: list[str] = []
    last = start
    for match in _SHI_ORDINAL.finditer(text, start):
        if not run and match.start() != start:
            return []
        if chinese_number(match.group(1)) != len(run) + 1 or match.start() - last > _MAX_MARKED_ITEM:
            break  # a nested list starts again at 一是, or the run is long over
        run.append(match.group(1))
        last = match.start()
    return run if len(run) >= 2 else []


def _shi_end(text: str, start: int, length: int) -> int:
    for number, match in enumerate(_SHI_ORDINAL.finditer(text, start), 1):
        if number == length:
            end = _CLAUSE_END.search(text, match.end())
            return end.start() if end else len(text)
    return len(text)


def _colon_items(text: str, start: int, starts: list[int]) -> list[Item]:
    """The 、 list that fills the clause after a colon (种业、设施农业、…。), or [] if it is not one."""
    end_match = _CLAUSE_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    clause = text[start:end]
    if not clause or any(c in clause for c in "，,：:") or "等" in clause:
        return []
    if bisect_left(starts, start) != bisect_left(starts, end):
        return []  # 16个州（市）全覆盖、…: statements with figures, not names
    items, depth, item_start = [], 0, start
    for i in range(start, end):
        char = text[i]
        if char in "（(" + _QUOTE_OPEN:
            depth += 1
        elif char in "）)" + _QUOTE_CLOSE:
            depth -= 1
        elif char == "、" and depth == 0:
            items.append(Item(item_start, i, text[item_start:i]))
            item_start = i + 1
    items.append(Item(item_start, end, text[item_start:end]))
    if len(items) < 2 or any(not item.text.strip() or len(item.text) > 30 for item in items):
        return []
    if any(j in items[-1].text for j in _JOINERS):
        return []  # A、B和C: two items or three
    return items


# -- a claim about the sections that follow ------------------------------------------


def _sections_after(paragraphs: list[Paragraph], index: int, found: list[Figure]) -> Iterator[Violation]:
    """具体抓好8个方面工作： followed by （一）…（八）: the number of sections at the next level."""
    claim_paragraph = paragraphs[index]
    count = found[-1]
    text = claim_paragraph.text
    if not count.is_count or (count.value or 0) < 2 or count.bound != "exact" or count.direction:
        return
    claim = _CLAIM_TAIL.fullmatch(text, count.end)
    if not claim or _SHI_ORDINAL.search(text, count.end):
        return
    if not (claim.group("task") or count.unit in ("方面", "个方面") or claim.group("end") in ("：", ":")):
        return  # …受理信访1009件。 before the next chapter: a figure, not an announcement
    if len(found) >= 2 and found[-2].is_count and found[-2].end == count.start:
        return  # 七个方面19项工作: two counts, the sections and the items inside them
    following = (p for p in islice(paragraphs, index + 1, None) if p.kind != "artifact")
    first_section = next(following, None)
    if first_section is None or not first_section.numbering:
        return  # the points are described in prose, or the claim counts something else
    level, ordinal, _ = first_section.numbering
    own = claim_paragraph.numbering
    if ordinal != 1 or (own and own[0] >= level and own[0] != 0):
        return
    chapter = _chapter(chain([first_section], following), level)
    sections = [p for p in chapter if p.numbering and p.numbering[0] == level]
    if len(sections) == count.value or _inline_reach(sections, level) == count.value:
        return
    if _counts_the_items_inside(chapter, level, int(count.value or 0)):
        return
    first, last = sections[0], sections[-1]
    assert first.numbering and last.numbering
    message = f"“{count.text}”与其后的{len(sections)}个部分{_range(first.numbering[2], last.numbering[2])}不符"
    marker = last.numbering[2]
    offset = last.text.find(marker)
    related = Related(last.span(max(offset, 0), max(offset, 0) + len(marker)), f"最后一个部分{marker}")
    yield Violation(claim_paragraph.span(count.start, count.end), message, related=(related,))


def _chapter(following: Iterable[Paragraph], level: int) -> list[Paragraph]:
    """The paragraphs from the first section at *level* up to the end of the chapter they
    belong to: an unnumbered heading, a number of a higher level, or *level* starting again."""
    chapter: list[Paragraph] = []
    previous = 0
    for paragraph in following:
        number = paragraph.numbering
        if number is None and paragraph.kind in ("heading", "title"):
            break  # an unnumbered heading starts another part (名词解释)
        if number and (number[0] < level and number[0] != 0 or (number[0] == level and number[1] < previous)):
            break  # the next chapter, or a new list at the same level
        if number and number[0] == level:
            previous = number[1]
        chapter.append(paragraph)
    return chapter


def _counts_the_items_inside(chapter: list[Paragraph], level: int, count: int) -> bool:
    """十件民生实事 / 一、教育类 / 1.… 2.… / 二、医疗类 / 3.…: the sections group the items the
    count counts. True when one deeper level, spread over more than one section, has *count*
    items in all (numbered on through the sections or starting again in each)."""
    items: dict[int, int] = {}
    holders: dict[int, set[int]] = {}
    section = 0
    for paragraph in chapter:
        number = paragraph.numbering
        if not number or number[0] == 0:
            continue
        if number[0] == level:
            section += 1
        elif number[0] > level:
            items[number[0]] = items.get(number[0], 0) + 1
            holders.setdefault(number[0], set()).add(section)
    return any(total == count and len(holders[depth]) > 1 for depth, total in items.items())


def _inline_reach(sections: list[Paragraph], level: int) -> int | None:
    """计有以下四类： / （一）……；（二）……；（三）……；（四）……。: the items may go on inside the
    sections' paragraphs, each at a clause's start; the number the count reaches in order, or
    None when no item goes on inline."""
    reached, inline = 0, False
    for paragraph in sections:
        text = paragraph.text
        for boundary in _ITEM_START.finditer(text):
            marker = numbering(text[boundary.end() : boundary.end() + _MARKER_WIDTH])
            if marker and marker[0] == level and marker[1] == reached + 2:
                inline = True
                reached += 1
        reached += 1  # the paragraph's own
    return reached if inline else None


def _range(first: str, last: str) -> str:
    """（一至九） for bare numerals, but “（一）至（九）” for markers with brackets of their own:
    （（一）至（九）） doubled the brackets."""
    return f"“{first}”至“{last}”" if first.startswith(("（", "(")) else f"（{first}至{last}）"


def _violation(paragraph: Paragraph, listed: _Listed) -> Violation:
    count = listed.count
    shown = listed.shown or "、".join(listed.items)
    items = f"“{shown}”" if shown.startswith(("（", "(")) else f"（{shown}）"
    message = f"“{count.text}”与{listed.where}列出的{len(listed.items)}项{items}不符"
    related = Related(paragraph.span(listed.start, listed.end), f"列出的{len(listed.items)}项")
    return Violation(paragraph.span(count.start, count.end), message, related=(related,))
