from reportlint.analysis.figures import figures
from reportlint.analysis.indicators import (
    beyond_frame,
    heading_frame,
    indicator,
    paragraph_frames,
    period_words,
    rounding,
    sections,
    sentence_time,
    strip_leads,
)
from reportlint.text.parse import parse_text


def name(text: str, index: int = 0) -> str | None:
    found = [f for f in figures(text) if f.kind == "quantity"]  # “六上企业” belongs to the name
    previous = found[index - 1].end + len(found[index - 1].after) if index else 0
    return indicator(text, found[index], previous)


def test_the_indicator_is_the_phrase_before_the_figure_without_lead_words():
    assert name("落实落细高质量充分就业政策，城镇新增就业5万人。") == "城镇新增就业"
    assert name("力争中心城市空气质量优良率不低于99%。") == "中心城市空气质量优良率"
    assert name("今年地区生产总值增长5%左右。") == "地区生产总值增长"
    assert name("净增“六上企业”700户以上，其中净增“四上企业”400户以上") == "净增六上企业"
    # a part keeps its 其中: it is not the indicator of the whole
    assert name("净增“六上企业”700户以上，其中净增“四上企业”400户以上", 1) == "其中净增四上企业"
    assert name("地区生产总值年均增长5.5%") == "地区生产总值年均增长"


def test_no_indicator_where_the_phrase_names_nothing_or_a_relation():
    assert name("完成地区生产总值32765亿元、增长4.1%", 1) is None  # 增长 alone
    assert name("财政收入比上年增长8.7%") is None
    assert name("第一、第三产业增加值分别增长3.1%、5.1%") is None
    assert name("龙头企业占30%") is None


def test_chapter_headings_make_time_frames():
    assert heading_frame("一、2025年工作回顾") == "2025|回顾"
    assert heading_frame("二、“十五五”时期主要目标任务") == "十五五"
    assert heading_frame("三、把改革开放扎实推向纵深") is None
    doc = parse_text("一、2014年工作回顾\n二、2015年工作总体部署\n甲。\n三、把改革开放扎实推向纵深\n乙。\n")
    assert paragraph_frames(doc) == ["2014|回顾", "2015", "2015", "2015", "2015"]


def test_sentence_time_words_beyond_the_chapter():
    assert sentence_time("过去一年，城镇新增就业5万人。", "2025|回顾") == ""
    assert sentence_time("五年来，城镇新增就业300万人。", "2025|回顾") == "过去五年"
    assert sentence_time("到2030年，常住人口城镇化率达到70%。", "2026") == "2030"
    assert sentence_time("今年地区生产总值比上年增长5%。", "2026") == ""


def test_the_last_year_and_the_five_years_of_a_review_are_its_own_frame():
    assert sentence_time("一年来，城镇新增就业6万人。", "2025|十四五|回顾") == ""
    assert sentence_time("这五年，我们砥砺奋进。", "2025|十四五|回顾") == ""
    assert sentence_time("这五年，我们砥砺奋进。", "2025|十四五|回顾", spans_only=True) == "十四五"
    assert sentence_time("用3年时间引进1万名人才。", "2025") == "3年时间"
    assert sentence_time("用3年时间引进1万名人才。", "2025", spans_only=True) == ""
    assert sentence_time("工业总产值比1980年预计增长6％。", "1981") == ""


def test_a_count_is_named_by_the_noun_after_it_too():
    assert name("培育20个省级宜居宜业和美乡村建设先导区。") == "培育…省级宜居宜业和美乡村"  # at most ten characters after
    assert name("完成投资2万亿元。") is None  # 投资 alone: many projects 完成投资
    assert name("新增绿道610公里。") == "新增绿道"


def test_rounding_is_half_the_last_digit_of_figures_with_two_digits_or_more():
    def first(text):
        return figures(text)[0]

    assert rounding(first("6.66万亿元")) == 0.005e12
    assert rounding(first("12万人")) == 0.5e4
    assert rounding(first("3万人")) < 1  # a round target, taken as written


def test_years_written_digit_by_digit_make_frames_too():
    assert heading_frame("一、一九五二年工作回顾") == "1952|回顾"
    assert heading_frame("二、二〇二六年工作安排") == "2026"


def test_period_words_are_normalised_spans_years_and_scopes():
    assert period_words("过去五年，这五年，五年来，近五年") == {"过去5年"}
    assert period_words("今后五年") == {"今后5年"}
    assert period_words("第一个五年计划期间，“七五”时期，“十五”计划，“十四五”") == {"一五", "七五", "十五", "十四五"}
    assert period_words("一九五二年、１９５２年、1952年") == {"1952年"}
    assert period_words("上半年，1—11月，一季度") == {"上半年", "1—11月", "一季度"}
    assert period_words("按当年价格计算；按可比价格计算") == {"按当年价格", "按可比价格"}
    assert period_words("全国经济回升向好，全省稳中有进") == {"全国", "本地"}
    # not a period of the paragraph: a count of years, the year spoken of, a base, a ranking
    assert period_words("连续9年，全年，当年，年均，累计") == set()
    assert period_words("比上年增长，较2020年，与去年相比，上年同期，保持近两年的水平") == set()
    assert period_words("进口额居全国首位，建成全省首个") == set()


def test_time_words_that_the_chapter_already_says_add_nothing():
    assert beyond_frame({"去年", "过去1年", "2025年"}, "2025|回顾") == set()
    assert beyond_frame({"今年", "2026年"}, "2026") == set()
    assert beyond_frame({"过去5年"}, "2025|十四五|回顾") == set()
    assert beyond_frame({"今年"}, "2025|回顾") == {"今年"}  # the plan's year in a review
    assert beyond_frame({"2030年", "上半年"}, "2026") == {"2030年", "上半年"}


def test_sections_run_between_headings_and_outline_numbers():
    doc = parse_text("二、2026年工作安排\n（一）稳就业。城镇新增就业3万人。\n甲。\n"
                     "（二）促增收。乙。\n2027年展望\n丙。\n")
    numbers = [number for number, _ in sections(doc)]
    assert numbers == [1, 2, 2, 3, 4, 4]
    assert sections(doc)[2][1] == "（一）稳就业"


def test_strip_leads_keeps_what_is_measured():
    assert strip_leads("力争全年计划投资") == "投资"
    assert strip_leads("确保城镇新增就业") == "城镇新增就业"


# -- the characters a time word begins with ------------------------------------------------------

def _starts(items) -> tuple[set[int], bool]:
    """The characters a match of the parsed *items* can begin with, and whether it can be empty:
    worked out from re's own parse of the pattern, for the constructs the time words use."""
    try:  # the parser's names, for this test alone
        from re import _constants as c
    except ImportError:  # Python 3.10
        import sre_constants as c

    found: set[int] = set()
    for op, value in items:
        if op is c.LITERAL:
            chars, empty = {value}, False
        elif op is c.IN:
            assert all(kind in (c.LITERAL, c.RANGE) for kind, _ in value), value
            chars = {v for kind, v in value if kind is c.LITERAL}
            chars |= {code for kind, v in value if kind is c.RANGE for code in range(v[0], v[1] + 1)}
            empty = False
        elif op is c.BRANCH:
            parts = [_starts(alternative.data) for alternative in value[1]]
            chars, empty = set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        elif op is c.SUBPATTERN:
            chars, empty = _starts(value[-1].data)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            chars, empty = _starts(value[2].data)
            empty = empty or value[0] == 0
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            chars, empty = set(), True
        else:
            raise AssertionError(f"not worked out here: {op}")
        found |= chars
        if not empty:
            return found, False
    return found, True


def test_the_time_words_first_characters_are_every_one_they_can_begin_with():
    import re
    try:
        from re import _parser
    except ImportError:  # Python 3.10
        import sre_parse as _parser

    from reportlint.analysis import indicators

    alternatives = indicators._PERIOD_WORD.pattern.removeprefix(f"(?=[{indicators._PERIOD_STARTS}])")
    can_begin, empty = _starts(_parser.parse(alternatives).data)
    assert not empty and can_begin
    looked_for = re.compile(f"[{indicators._PERIOD_STARTS}]")
    assert all(looked_for.fullmatch(chr(code)) for code in can_begin), \
        "".join(chr(code) for code in sorted(can_begin) if not looked_for.fullmatch(chr(code)))


def test_the_time_words_are_found_alike_with_their_first_characters_looked_for_first():
    import re

    from conftest import CORPUS

    from reportlint.analysis import indicators

    plain = re.compile(indicators._PERIOD_WORD.pattern.removeprefix(f"(?=[{indicators._PERIOD_STARTS}])"))
    texts = ["二〇二五年上半年全省１－１１月，这五年来过去3年内，第七个五年计划与“七五”时期，按当年价格全国"]
    texts += [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*/*.txt"))[::4]]
    for text in texts:
        assert [(m.span(), m.lastgroup) for m in indicators._PERIOD_WORD.finditer(text)] == \
            [(m.span(), m.lastgroup) for m in plain.finditer(text)]
