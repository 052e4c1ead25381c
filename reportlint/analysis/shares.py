"""Shares of one whole: the parts that divide it (the three sectors, town and country, the
sexes, the regions, the kinds of ownership), and the lists of their shares that percent-range
and ratio-sum add up."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.lazy_regex import LazyPattern
from .figures import Figure, Respectively

# A change of the rate (提高5%, 比上年增长) is not the rate itself; 提高到 / 提升至 are.
CHANGE = LazyPattern(r"(?<!不)(?:增长|增加|提高|提升|上升|上涨|下降|降低|减少|回落|扩大|缩小|高出|高于|低于)(?![到至为])")
# Subjects that partition one whole: the three sectors of the economy, town and country,
# the sexes, the regions, the kinds of ownership.
PARTS = (
    LazyPattern(r"(?:第?[一二三]|[一二三]次)产"),
    LazyPattern(r"城镇|城市|农村|乡村"),
    LazyPattern(r"男|女"),
    LazyPattern(r"东部|中部|西部|东北"),
    LazyPattern(r"国有|民营|私营|外资|外商|集体|个体|非公有|公有"),
)
_SECTOR_ORDINAL = LazyPattern(r"[一二三]产")
_BARE_ORDINAL = LazyPattern(r"第?[一二三]\Z")
_WITHIN = LazyPattern(r"[中内里的]")
_SHARE_WORD = LazyPattern(r"占比|比重|份额|占|结构|构成")
# 三次产业结构为10.5%、40.2%、49.3%: one whole named, its parts listed without 分别.
SECTORS_NAME = LazyPattern(r"三次产业|一二三产业|一、二、三产业")
_SECTORS_LIST = LazyPattern(rf"(?:{SECTORS_NAME.pattern})(?:增加值)?(?:结构|比重|占比|比例|构成)(?:比)?"
                           r"(?:调整为|优化为|为|是|达到)\s*\Z")


def partition_of(text: str, pair: Respectively) -> int | None:
    """Which of PARTS the subjects split their whole by, when the values are their shares."""
    names = [s.text for s in pair.subjects]
    names[0] = names[0][-8:]  # the first item carries its clause's lead words
    if _SECTOR_ORDINAL.search(names[-1]) and all(_BARE_ORDINAL.search(n) for n in names[:-1]):
        names = [n + "产" for n in names[:-1]] + names[-1:]  # 一、二、三产业: 一产, 二产, 三产
    parts = [part for part in PARTS if all(part.search(name) for name in names)]
    if not parts:
        return None
    lead = text[pair.subjects[-1].end : pair.values[0].start]
    phrase = names[-1] + lead
    share = _SHARE_WORD.search(phrase)
    if not share or CHANGE.search(lead):
        return None
    if _WITHIN.search(phrase[: share.start()]):
        return None  # 第一、第二产业中民营经济占比: a share inside each part, not of the whole
    if parts[0] is not PARTS[0] and share.group() != "占":
        # 城镇、农村人口占比 is of the whole population, 城镇、农村学校达标占比 is each
        # one's own share: beyond the sectors, only a short noun may stand between.
        last_part = list(parts[0].finditer(phrase, 0, share.start()))[-1]
        if share.start() - last_part.end() > 3:
            return None
    if not all(v.unit == "%" and not v.direction and v.value is not None and v.bound in ("exact", "min")
               and v.value <= 100 for v in pair.values):
        return None  # a share past 100% alone is reported by itself
    return PARTS.index(parts[0])


# What each partition needs named for its shares to make the whole: all three sectors, town
# and country, both sexes, the four regions; the kinds of ownership are never all named.
_WHOLE = (
    (LazyPattern(r"一"), LazyPattern(r"二"), LazyPattern(r"三")),
    (LazyPattern(r"城镇|城市"), LazyPattern(r"农村|乡村")),
    (LazyPattern(r"男"), LazyPattern(r"女")),
    (LazyPattern(r"东部"), LazyPattern(r"中部"), LazyPattern(r"西部"), LazyPattern(r"东北")),
    (),
)


def names_the_whole(partition: int, names: list[str]) -> bool:
    """Whether the subjects named are every part of the whole (一、二、三产业; 城镇、农村)."""
    needed = _WHOLE[partition]
    return bool(needed) and len(names) == len(needed) and all(any(p.search(n) for n in names) for p in needed)


def listed_after(text: str, found: Iterable[Figure], start: int, name_end: int) -> list[Figure]:
    """三次产业结构为10.5%、40.2%、49.3%: the shares listed right after the whole is named."""
    values: list[Figure] = []
    for figure in found:
        if figure.start < name_end:
            continue  # 三次 itself reads as a count
        if not values:
            if not _SECTORS_LIST.match(text, start, figure.start):
                return []
        elif not re.fullmatch(r"[、：:∶]", text[values[-1].end : figure.start]):
            break
        if figure.unit != "%" or figure.direction or figure.value is None or figure.value > 100:
            return []
        values.append(figure)
    return values
