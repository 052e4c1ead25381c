"""RL309 quantity-contradiction: a number bounded twice, by words that repeat or contradict each other."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Violation, rule
from ..text.document import Document
from ..text.lazy_regex import LazyPattern

# What a word says of the number it bounds: more than it, less than it, a little less than it
# (将近), or about it.
_MORE = ("超过", "超出", "多于", "大于", "高于", "不少于", "不低于", "不小于", "至少", "起码", "最少", "最低", "多达", "高达",
         "逾")
_LESS = ("不超过", "不高于", "不多于", "不大于", "最多", "至多", "顶多", "最高", "不足", "不到", "少于", "低于", "小于",
         "不满", "未满")
_NEARLY = ("将近", "接近")
# The highest or lowest value of a range: said with 左右 it is a rough extreme, not a contradiction.
_EXTREMES = ("最高", "最低", "最少", "最多")
_LEADS = {**dict.fromkeys(_MORE, "more"), **dict.fromkeys(_LESS, "less"), **dict.fromkeys(_NEARLY, "nearly")}
_TAILS = {"以上": "more", "以下": "less", "以内": "less", "左右": "about", "上下": "about"}
_NUMBER = r"(?:[\d０-９][\d０-９.．,，]*|[零〇一二两三四五六七八九十百千万亿]+|半数|一半|[一二三四五六七八九十]+分之[一二三四五六七八九十]+)"
# The number, then a magnitude and 余/多 inside it (100余人, 一百多人, 3000多万元).
# Adverbs may stand before the verb that takes the number (至少建成2个, 最多补助50万元).
_ADVERBS = ("至少", "起码", "最少", "最多", "至多", "顶多")
_QUANTITY = LazyPattern(
    "(?P<lead>" + "|".join(sorted(_LEADS, key=len, reverse=True)) + r")"
    r"(?:(?:(?<=" + ")|(?<=".join(_ADVERBS) + r"))(?:(?![的是零〇一二两三四五六七八九十百千万亿半])[\u4e00-\u9fff]){1,3}?)?\s*"
    rf"(?P<number>{_NUMBER})(?P<approx>余|多)?(?:万亿|亿|万|千|百)?(?P<approx2>余|多)?"
)
# Its unit, a few characters of a measure word (个百分点, 平方公里, 周岁) with no 的 and no
# punctuation, then the word after it.
_UNIT_AND_TAIL = LazyPattern(r"[^\s\d０-９的和与及或、，。；：！？,;:!?()（）“”\"]{0,4}?(?P<tail>以上|以下|以内|左右|上下)")
# 多达 after 最 (最多达100人以上: up to), and 不到 or 不足 after a verb (达不到95%以上: cannot reach
# 95% or more) are other words.
_OTHER_WORD = {"more": LazyPattern(r"最\Z"), "less": LazyPattern(r"[达做办找想用考看买赶拿轮享感听见得顾够]\Z"),
               "nearly": LazyPattern(r"(?!)")}
# Verbs that compare with an object: after them the number and its 左右 or 以上 may describe a
# noun (低于13%左右的预期目标: below the target, which was about 13%).
_COMPARING = ("超过", "超出", "多于", "大于", "高于", "不到", "少于", "低于", "小于")
_REFERENCE = LazyPattern(r"的[^，。；、,;]{0,4}?(?:预期|目标|计划|任务|指标|水平|标准|平均|要求|增速|增幅|幅度|控制线|红线|均值)")
_WHY = {
    ("more", "more"): "意思重复，留其一即可",
    ("less", "less"): "意思重复，留其一即可",
    ("more", "about"): "一个说超出，一个说约数，二者矛盾",
    ("less", "about"): "一个说不足，一个说约数，二者矛盾",
    ("less", "over"): "一个说不足，一个说超出，二者矛盾",
    ("nearly", "over"): "一个说不足，一个说超出，二者矛盾",
    ("nearly", "more"): "一个说不足，一个说超出，二者矛盾",
}


@rule(code="RL309", name="quantity-contradiction", severity="warning", summary="数量的限定词重复或矛盾",
      rationale="“超过……以上”在正式文稿中显得草率；“不到……左右”让读者不知道这个数是上限还是约数。")
def quantity_contradiction(doc: Document, opts: object) -> Iterator[Violation]:
    """
    ## What it does
    Reports a number bounded twice, by a word before it and a word after
    it (or 余/多 inside it) that say the same thing or opposite things:

    - the same bound twice: 超过100万人以上, 至少3个以上, 不低于95%以上,
      多达200家以上, 最多50人以下, 不足5000元以下;
    - bounds that contradict each other: 不到10%左右 (a ceiling and an
      estimate), 将近100余人 and 不到一百多人 (less than the number, and more),
      超过10人左右.

    It deliberately does not report:

    - 约100人左右 and 大约…左右: linguists disagree whether this repeats
      itself, and official texts use it;
    - 多达200多家, 高达3000多万元, 超过100余人: the lead word stresses the size,
      the number is an estimate;
    - two bounds of a range: 不少于5天、不超过10天; 最低100元，最高500元;
    - a number that describes the object of a comparison: 增长11.3%，低于13%左右的
      预期目标 (the target was about 13%);
    - an excess measured by its size: 超出百分之十以内的部分 (the part of the use
      over the quota, up to 10% of it), 超过定额20%以下的部分;
    - words that only share characters with a bound: 最高达, 达不到95%以上的要求;
    - 以上 after a rank, which bounds the rank: 至少有1家省级以上龙头企业.

    ## Why it matters
    "超过…以上" reads as careless drafting in a formal text; "不到…左右" leaves
    the reader unsure whether the figure is a ceiling or an estimate.

    ## Example
    Bad:
        全年新增城镇就业超过10万人以上，城镇调查失业率控制在5.5%以内。
    Good:
        全年新增城镇就业10万人以上，城镇调查失业率控制在5.5%以内。

    ## Options
    None.
    """
    for paragraph in doc.paragraphs:
        if not paragraph.is_body:
            continue
        text = paragraph.text
        for match in _QUANTITY.finditer(text):
            lead = _LEADS[match.group("lead")]
            if _OTHER_WORD[lead].search(text, 0, match.start()):
                continue
            after = _UNIT_AND_TAIL.match(text, match.end())
            if after and match.group("lead") in _COMPARING and _REFERENCE.match(text, after.end()):
                continue
            if after and "级" in text[match.end() + 1 : after.start("tail")]:
                after = None  # 至少有1家省级以上龙头企业: 以上 bounds the rank (省级), not the number
            tail = _TAILS[after.group("tail")] if after else None
            approx = match.group("approx") or match.group("approx2")
            if tail is None and approx and lead in ("less", "nearly"):
                tail = "over"  # 不到一百多人, 将近100余人
            if tail == "about" and match.group("lead") in _EXTREMES:
                continue  # 最高35℃左右: an extreme given roughly, as forecasts and records give it
            why = _WHY.get((lead, tail)) if tail else None
            if why is None:
                continue
            end = after.end() if after else match.end()
            second = after.group("tail") if after else approx
            message = f"“{text[match.start() : end]}”：“{match.group('lead')}”与“{second}”{why}"
            yield Violation(paragraph.span(match.start(), end), message)
