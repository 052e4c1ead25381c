"""Every rule is total: on any text it returns findings inside the text, never an exception.

A rule that raises loses all its findings for the file and makes the run exit 2, so the
engine's crash isolation is a last resort, not a habit. The texts are built from what
reports are made of (Chinese words, figures, outline numbers, lists, quotes and brackets of
both widths, paired or not) mixed with what captures leave (form feeds, lone CRs, control
characters, Markdown markup), and from any Unicode at all.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.api import lint_text
from reportlint.config import Config

SETTINGS = settings(max_examples=1500, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    # words, names, lists and counts
    "推进", "新增", "新增新增", "坚定不移", "不移", "市市通", "人人", "扎扎实实", "沈跃跃", "王勇", "、", "和", "及",
    "3个", "三项制度", "分别", "分别达到", "其中", "占", "比重", "增长", "下降", "提高", "个百分点", "年均", "累计",
    "城镇新增就业", "万人", "亿元", "万亿元", "元/吨", "千瓦", "户", "家",
    # names and their 简称, two forms of one word
    "国家发展和改革委员会", "（以下简称“国家发展改革委”）", "国家发展改革委", "(下称\"网约车\")", "网络预约出租汽车", "网约车",
    "《条例》", "（以下简称", "简称", "唯一", "惟一", "其它", "其他",
    # figures in every form
    "5.2%", "106.48%", "0", "1,000", "３．５％", "百分之三十六点七", "一千一百七十亿元", "六亿五千万", "2024年", "二〇二五年",
    "1:500", "3:30", "7.1∶38.3∶55.6", "-", "—", "——", "……", "...", "~", "～",
    # outline numbers and leads
    "一、", "（一）", "(一)", "（三十）", "1.", "1、", "（1）", "⑵", "第一，", "第三条", "一是", "二是", "四是", "附件",
    # punctuation of both widths, paired or not
    "，", ",", "。", ".", "；", ";", "：", ":", "？", "?", "！", "!", "（", "）", "(", ")", "“", "”", '"', "‘", "’", "'",
    "《", "》", "【", "】", "「", "」", "〔", "〕",
    # layout leftovers and markup
    "上接第3版", "（下转第四版）", "本报记者 张三摄", "— 12 —", "来源：", "分享:", "http://a.cn/b,c", "**", "# ", "- ",
    "> ", "`a,b`", "<!-- x -->", "[链接](http://a.cn)",
]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\x0c", "\x0c\n", "\n\x0c\n", "\u2028", "\u3000", " ", "\t", "\x00", "\x1b", "\ufeff"]

report_like = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(BREAKS)), max_size=60).map("".join)
anything = st.text(max_size=200)


def assert_total(text: str, path: str) -> None:
    result = lint_text(text, path, Config())
    assert not result.crashes, result.crashes
    for finding in result.findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(text), (finding.code, finding.span)


@SETTINGS
@given(text=report_like, path=st.sampled_from(["a.txt", "a.md"]))
def test_every_rule_is_total_on_report_like_text(text, path):
    assert_total(text, path)


@SETTINGS
@given(text=anything, path=st.sampled_from(["a.txt", "a.md"]))
def test_every_rule_is_total_on_any_text(text, path):
    assert_total(text, path)
