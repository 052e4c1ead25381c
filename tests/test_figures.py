"""The figure extractor on real sentences: what it reads, with values and spans, and
what it must leave alone (words that hold a numeral, labels, codes).

Sentences come from the sample (seeds/000_ad65c542b7148e02.txt) and the corpus
(/work/shared/corpus/gov-reports), quoted as they stand.
"""

from __future__ import annotations

import pytest

from reportlint.analysis.figures import (
    Figure,
    chinese_value,
    counted_enumerations,
    document_figures,
    enumeration_before,
    figures,
    respectively,
)
from reportlint.text.parse import parse_text


def read(text: str, **kwargs: bool) -> list[tuple[str, float | None, str]]:
    """(text, value, unit) of each figure, after checking that its offsets cover its text."""
    found = figures(text, **kwargs)
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
    return [(f.text, f.value, f.unit) for f in found]


def only(text: str, **kwargs: bool) -> Figure:
    found = figures(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


# -- Arabic numbers, magnitudes, units ------------------------------------------------


def test_the_sample_s_targets_with_units_and_bounds():
    text = ("经济社会发展主要预期目标建议为:地区生产总值增长5%左右,固定资产投资增长3%以上,"
            "城镇调查失业率5.5%以内,城镇新增就业3万人以上")
    found = figures(text)
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("5%", 5.0, "%"), ("3%", 3.0, "%"), ("5.5%", 5.5, "%"), ("3万人", 30000.0, "人")]
    assert [(f.before, f.after, f.bound, f.direction) for f in found] == [
        ("增长", "左右", "about", "up"), ("增长", "以上", "min", "up"), ("", "以内", "max", None),
        ("", "以上", "min", None)]
    assert text[found[3].start : found[3].end] == "3万人" and found[3].scale == 1e4


def test_magnitudes_make_values_comparable_in_base_units():
    text = "新增装机100万千瓦以上，全市电力总装机达到2800万千瓦"
    small, total = figures(text)
    assert (small.text, small.value, small.unit, small.scale, small.bound) == ("100万千瓦", 1e6, "千瓦", 1e4, "min")
    assert (total.text, total.value, total.unit, total.before) == ("2800万千瓦", 2.8e7, "千瓦", "达到")
    assert read("外调绿电规模力争达到400亿千瓦时") == [("400亿千瓦时", 4e10, "千瓦时")]
    assert read("统筹用好2亿元前期经费，新增授信超2100亿元") == [("2亿元", 2e8, "元"), ("2100亿元", 2.1e11, "元")]
    assert read("1.5万个") == [("1.5万个", 15000.0, "个")]
    assert read("北京地区进出口总额超3.6万亿元")[0][1] == pytest.approx(3.6e12)
    # bed-days, the unit of a hospital's inpatient workload (the health bulletins)
    assert read("医师日均担负诊疗6.3人次和住院2.1床日") == [("6.3人次", 6.3, "人次"), ("2.1床日", 2.1, "床日")]
    assert read("医疗卫生机构床位1062.0万张，每千人口7.56床") == [("1062.0万张", 1.062e7, "张"), ("7.56床", 7.56, "床")]


def test_approximate_counts_with_duo_and_yu_are_lower_bounds():
    figure = only("全年新增外商投资企业１．２万多家")
    assert (figure.text, figure.value, figure.unit, figure.bound) == ("１．２万多家", 12000.0, "家", "min")
    figure = only("占棉田实收面积八千五百多万亩的")
    assert (figure.text, figure.value, figure.unit, figure.bound) == ("八千五百多万亩", 8.5e7, "亩", "min")


def test_thousands_separators_and_full_width_digits():
    assert read("粮食产量33，212万吨，比上年增加2，737万吨") == [
        ("33，212万吨", 3.3212e8, "吨"), ("2，737万吨", 2.737e7, "吨")]
    assert read("石油达到１．３９亿吨") == [("１．３９亿吨", 1.39e8, "吨")]
    assert read("产量1,000吨") == [("1,000吨", 1000.0, "吨")]


def test_percentage_points_and_multiples():
    figure = only("地区生产总值比上年提高0.2个百分点")
    assert (figure.text, figure.value, figure.unit, figure.direction) == ("0.2个百分点", 0.2, "个百分点", "up")
    cars, multiple = figures("在京生产新能源汽车约30万辆、增长近3倍")
    assert (cars.text, cars.value, cars.before, cars.bound, cars.direction) == ("30万辆", 3e5, "约", "about", None)
    assert (multiple.text, multiple.unit, multiple.before, multiple.bound, multiple.direction) == (
        "3倍", "倍", "增长近", "about", "up")


def test_ranges():
    assert [(f.text, f.low, f.high, f.value, f.unit) for f in figures("力争建成1—2个智算中心")] == [
        ("1—2个", 1.0, 2.0, None, "个")]
    assert [(f.low, f.high, f.unit) for f in figures("地区生产总值年均增速4.5%-5%")] == [(4.5, 5.0, "%")]
    assert [(f.low, f.high, f.scale) for f in figures("吸纳3—5万人就业")] == [(3e4, 5e4, 1e4)]
    assert [(f.text, f.low, f.high) for f in figures("每年3至5项、3~5次")] == [("3至5项", 3.0, 5.0), ("3~5次", 3.0, 5.0)]
    assert figures("每年3至5项")[0].is_range


def test_qualifiers_before_the_number():
    assert [(f.before, f.bound) for f in figures("面向民间资本推介重大项目总投资不低于2000亿元")] == [("不低于", "min")]
    assert [(f.before, f.bound) for f in figures("减税降费及退税超1500亿元")] == [("超", "min")]
    assert [(f.before, f.bound) for f in figures("近3.3万名工作人员在副中心办公")] == [("近", "about")]
    # 最近三年 and 近5年 are "the last years", not "nearly"
    assert [(f.text, f.bound) for f in figures("最近3年")] == [("3年", "exact")]
    assert [(f.text, f.before, f.bound) for f in figures("近5年人均预期寿命提高")] == [("5年", "", "exact")]
    # 节约 and 签约 end in 约 without making an estimate; 约 and 大约 do
    assert [(f.text, f.bound) for f in figures("全年节约资金300亿元，新签约项目50个")] == [
        ("300亿元", "exact"), ("50个", "exact")]
    assert [(f.before, f.bound) for f in figures("约400亿元，大约3万人")] == [("约", "about"), ("大约", "about")]
    values = figures("生产安全事故起数、死亡人数分别下降9.1%、11.5%")
    assert [(f.text, f.direction, f.before) for f in values] == [("9.1%", "down", "分别下降"), ("11.5%", None, "")]
    # a space between the verb and the number (national_2010)
    spaced = figures("化学需氧量、二氧化硫排放量分别下降 9.66%和13.14%")
    assert [(f.text, f.before, f.direction) for f in spaced] == [("9.66%", "分别下降", "down"), ("13.14%", "", None)]
    assert [v.text for v in respectively("化学需氧量、二氧化硫排放量分别下降 9.66%和13.14%")[0].values] == [
        "9.66%", "13.14%"]


# -- Chinese numerals -------------------------------------------------------------------


@pytest.mark.parametrize("numeral, value", [
    ("两", 2), ("八", 8), ("十二", 12), ("二十一", 21), ("一百零五", 105), ("三千四百九十六", 3496),
    ("六亿五千万", 6.5e8), ("十万", 1e5), ("五十五点五", 55.5),
])
def test_chinese_value(numeral, value):
    assert chinese_value(numeral) == value


@pytest.mark.parametrize("numeral", ["十四五", "十五五", "五一", "一一", "千", "百二"])
def test_chinese_value_refuses_what_is_not_one_number(numeral):
    assert chinese_value(numeral) is None


def test_chinese_numerals_with_units_from_the_1960_report():
    text = "即从一九五五年的三千四百九十六亿斤，增加到了一九五九年的五千四百零一亿斤"
    assert read(text) == [("三千四百九十六亿斤", 3.496e11, "斤"), ("五千四百零一亿斤", 5.401e11, "斤")]
    assert read("一百零五个县") == [("一百零五个", 105.0, "个")]
    assert read("实现“两个目标”以外，还有两个关键") == [("两个目标", 2.0, "个"), ("两个", 2.0, "个")]
    assert read("在十二年内") == [("十二年", 12.0, "年")]
    assert read("中央八项规定精神") == [("八项", 8.0, "项")]


@pytest.mark.parametrize("text", [
    "一些地方统一推进一体化", "对整个国民经济的发展具有十分重要的意义", "“十五五”规划", "十四五时期",
    "规划建设一批特色鲜明的旅游消费休闲街区", "做好“三农”工作以外的三农工作", "以防万一", "一定要进一步加强",
    "另一方面，我们也必须看到", "我们一方面要在", "全面实施新一轮国企改革深化提升行动", "推进塞罕坝林场“二次创业”",
    "统筹推进“五位一体”总体布局", "面向特殊困难群众发放一次性补贴", "数字经济核心产业收入保持两位数增长",
    "坚持一户一策", "一个个项目落地", "坚持两岸同胞一家亲", "推进“一网通办”", "动态消除黑臭水体和劣五类水体",
])
def test_words_that_hold_a_numeral_are_not_figures(text):
    assert [f.text for f in figures(text) if f.kind != "abbreviation"] == []
    assert [f.text for f in figures(text, labels=True) if f.kind != "abbreviation"] == []


def test_san_nong_is_an_abbreviation_only_in_quotes():
    assert [(f.text, f.value, f.kind, f.label) for f in figures("做好“三农”工作，三农工作")] == [
        ("三农", 3.0, "abbreviation", "农")]


# -- labels: ordinals and dates ---------------------------------------------------------


def test_ordinals_are_labels_returned_only_when_asked():
    text = "深入贯彻党的二十大和二十届二中、三中全会精神"
    assert figures(text) == []
    assert [(f.text, f.value, f.kind) for f in figures(text, labels=True)] == [
        ("二十大", 20.0, "ordinal"), ("二十届", 20.0, "ordinal"), ("三", 3.0, "ordinal")]
    text = "在河北省第十四届人民代表大会第三次会议上"
    assert figures(text) == []
    assert [(f.text, f.kind) for f in figures(text, labels=True)] == [("十四届", "ordinal"), ("三次", "ordinal")]
    assert [(f.text, f.kind) for f in figures("召开3次会议")] == [("3次", "quantity")]


@pytest.mark.parametrize("text, label", [
    ("（一）加快构建现代化产业体系", "一"), ("一、2025年工作回顾", "一"), ("一是坚持稳中求进", "一"),
    ("3.关爱儿童方面", "3"), ("推动签署赤水河流域第三轮横向生态保护补偿机制协议", "三轮"), ("开通地铁17号线", "17号"),
])
def test_numbering_and_ordinals(text, label):
    assert all(f.kind != "quantity" or f.text != label for f in figures(text))
    assert label in [f.text for f in figures(text, labels=True) if f.kind == "ordinal"]


def test_dates_are_labels_and_durations_are_quantities():
    text = "到二〇三五年基本建成，2025年1—11月，过去五年，3个月"
    assert read(text) == [("五年", 5.0, "年"), ("3个月", 3.0, "个月")]
    assert [(f.text, f.kind) for f in figures(text, labels=True)] == [
        ("二〇三五年", "date"), ("2025年", "date"), ("1—11月", "date"), ("五年", "quantity"), ("3个月", "quantity")]


@pytest.mark.parametrize("text", [
    "新建5G基站1500个", "PM2.5平均浓度下降", "聚焦“1+2+4+N”目标任务体系", "从1.68∶1提升至2.5∶1",
    "健康县城建设2.0版", "时间：2026-02-02 09:02:33", "完善“141”基层治理体系",
])
def test_codes_ratios_and_versions_are_not_quantities(text):
    assert [f.text for f in figures(text)] == (["1500个"] if "1500个" in text else [])


def test_percent_written_in_words():
    assert read("１９９１年国民生产总值比上年增长百分之七") == [("百分之七", 7.0, "%")]
    assert read("粮食每亩平均年产量还有百分之七十以上的县") == [("百分之七十", 70.0, "%")]
    assert read("百分之五十五点五，百分之百") == [("百分之五十五点五", 55.5, "%"), ("百分之百", 100.0, "%")]
    assert only("增长百分之五").direction == "up"


# -- quoted numbered abbreviations --------------------------------------------------------


def test_quoted_abbreviations_give_count_measure_word_and_noun():
    text = "净增“六上企业”700户以上,其中净增“四上企业”400户以上"
    assert [(f.text, f.value, f.unit, f.kind, f.label, f.bound) for f in figures(text)] == [
        ("六上企业", 6.0, "", "abbreviation", "上企业", "exact"), ("700户", 700.0, "户", "quantity", "", "min"),
        ("四上企业", 4.0, "", "abbreviation", "上企业", "exact"), ("400户", 400.0, "户", "quantity", "", "min")]
    assert [(f.value, f.unit, f.label) for f in figures("落实“三张清单”，坚持“两个毫不动摇”")] == [
        (3.0, "张", "清单"), (2.0, "个", "毫不动摇")]


@pytest.mark.parametrize("text", ["“十四五”", "“五个一”工程", "“一带一路”", "“一网通办”", "“两高四着力”"])
def test_labels_in_quotes_are_not_abbreviated_counts(text):
    assert figures(text) == []


# -- what a count counts -----------------------------------------------------------------


def test_a_count_after_a_list_of_places():
    text = "打造昭阳、镇雄、水富3个省级物流枢纽"
    [(enumeration, count)] = counted_enumerations(text)
    assert [item.text for item in enumeration.items] == ["打造昭阳", "镇雄", "水富"]
    assert (count.text, count.value, count.unit) == ("3个", 3.0, "个")
    assert not enumeration.open


def test_a_list_is_not_split_inside_brackets():
    [(enumeration, _)] = counted_enumerations("推进昭阳（鲁甸、巧家）、镇雄、水富（含盐津和绥江）3个片区建设")
    assert [item.text for item in enumeration.items] == ["推进昭阳（鲁甸、巧家）", "镇雄", "水富（含盐津和绥江）"]


def test_an_outline_number_that_opens_the_clause_is_not_an_item():
    [(enumeration, _)] = counted_enumerations("二、深圳、珠海、汕头、厦门四个特区")
    assert [item.text for item in enumeration.items] == ["深圳", "珠海", "汕头", "厦门"]
    [pair] = respectively("2、城镇、农村居民收入分别增长5%、6%")
    assert [item.text for item in pair.subjects] == ["城镇", "农村居民收入"]
    # ordinals that are the items themselves stay
    [pair] = respectively("一、二、三产业占比分别为10%、50%、40%")
    assert [item.text for item in pair.subjects] == ["一", "二", "三产业占比"]


def test_a_count_after_a_quoted_list_and_an_abbreviation_after_a_list():
    [(enumeration, count)] = counted_enumerations("落实政企交往“正面、负面、倡导”3张清单")
    assert [i.text for i in enumeration.items] == ["正面", "负面", "倡导"] and count.text == "3张"
    text = "提升有组织、有技能、有品牌、有服务“四有”转移就业水平"
    [(enumeration, count)] = counted_enumerations(text)
    assert [i.text for i in enumeration.items] == ["提升有组织", "有技能", "有品牌", "有服务"]
    assert (count.text, count.value, count.kind) == ("四有", 4.0, "abbreviation")


def test_a_list_ending_with_deng_is_open_and_he_joins_the_last_item():
    text = "开通3号线一期、12号线、昌平线南延一期等3条"
    [(enumeration, count)] = counted_enumerations(text)
    assert len(enumeration.items) == 3 and enumeration.open and count.value == 3
    enumeration = enumeration_before("推动黄河、淮河和长江", len("推动黄河、淮河和长江"))
    assert [i.text for i in enumeration.items] == ["推动黄河", "淮河", "长江"] and enumeration.last_joiner == "和"
    assert counted_enumerations("打造昭阳、镇雄、水富3个")[0][0].last_joiner == "、"
    # 和 inside a word does not join items
    assert [i.text for i in enumeration_before("民主、文明、和谐", 8).items] == ["民主", "文明", "和谐"]


@pytest.mark.parametrize("text", [
    "推动城市公园提质扩容，新增公园35个、全市公园总数达1100个",  # two statements, not a list
    "坚持和落实“两个毫不动摇”",  # 坚持和落实 is not a list of two
    "努力实现落地一个企业、形成一个链条",  # one is not a count of a list
    "增强“四个意识”、坚定“四个自信”、做到“两个维护”",  # items that are counts themselves
])
def test_no_counted_list(text):
    assert counted_enumerations(text) == []


def test_respectively_subjects_and_values():
    [pairing] = respectively("产业投资、民间投资占比分别达到55%、45%")
    assert [s.text for s in pairing.subjects] == ["产业投资", "民间投资占比"]
    assert [(v.text, v.value) for v in pairing.values] == [("55%", 55.0), ("45%", 45.0)]
    text = "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内"
    [pairing] = respectively(text)
    assert [(v.text, v.after) for v in pairing.values] == [("5%", ""), ("3%", "以内")]
    assert text[pairing.start : pairing.end] == "分别"


def test_respectively_says_when_the_last_subject_was_split_at_he():
    # 租赁和商务服务业 is one industry: three subjects as split, two values, and the rule can tell why
    [pairing] = respectively("信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%")
    assert [s.text for s in pairing.subjects] == ["信息传输", "租赁", "商务服务业增加值"]
    assert pairing.last_joiner == "和" and [v.value for v in pairing.values] == [18.6, 13.4]
    assert respectively("产业投资、民间投资占比分别达到55%、45%")[0].last_joiner == "、"


def test_respectively_values_share_a_unit_written_once():
    [pairing] = respectively("蔬菜、小浆果设施产量占比分别提高15、22个百分点")
    assert [(v.text, v.value, v.unit) for v in pairing.values] == [("15", 15.0, "个百分点"), ("22个百分点", 22.0, "个百分点")]
    [pairing] = respectively("在三种不同的地区，分别达到四百斤、五百斤和八百斤")
    assert pairing.subjects == () and [v.value for v in pairing.values] == [400.0, 500.0, 800.0]


def test_document_figures_are_computed_once_per_document():
    document = parse_text("城镇新增就业3万人以上\n新增装机100万千瓦以上\n", "case.txt")
    found = document_figures(document)
    assert [[f.text for f in paragraph] for paragraph in found] == [["3万人"], ["100万千瓦"]]
    assert document_figures(document) is found
    span = document.paragraphs[1].span(found[1][0].start, found[1][0].end)
    assert document.text(span) == "100万千瓦"


# --- Chinese numerals, against cn2an -------------------------------------------------


def test_chinese_numerals_read_as_cn2an_reads_them():
    import random

    cn2an = pytest.importorskip("cn2an")
    rng = random.Random(20261206)
    for _ in range(5000):
        number = rng.choice([rng.randint(0, 100), rng.randint(0, 10**4), rng.randint(0, 10**8), rng.randint(0, 10**12)])
        written = cn2an.an2cn(number, "low")
        assert chinese_value(written) == number, written


@pytest.mark.parametrize(("numeral", "value"), [
    ("两万三", 23000), ("三万五", 35000), ("三百五", 350), ("一千五", 1500), ("一亿五", 150_000_000),
    ("两千三百万", 23_000_000), ("一万零三", 10003), ("十五", 15), ("一百零五", 105),
])
def test_a_digit_after_a_unit_counts_in_the_unit_below(numeral, value):
    # 两万三 is 23000 (chinese_value gave 20003); cn2an agrees where it reads the form at all
    assert chinese_value(numeral) == value
