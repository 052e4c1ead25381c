from helpers import assert_rule, findings_for

from reportlint.checks.conflicting_figure import consistent
from reportlint.figures import figures

PLAN = "二、2026年工作安排\n\n"
REVIEW = "一、2025年工作回顾\n\n"


def test_fires_on_one_indicator_with_two_values_in_one_time_frame():
    assert_rule(
        "conflicting-figure",
        invalid=[
            PLAN + "主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。\n\n"
            "（一）稳就业。城镇新增就业⟦4万人以上⟧，城镇调查失业率控制在5.5%以内。",
            "实现优良天数比率上升，中心城市空气质量优良率不低于99%。\n\n"
            "抓牢大气污染防治，中心城市空气质量优良率⟦不低于98%⟧。",
            # exact figures written with different magnitudes still compare
            PLAN + "力争完成投资2447亿元以上，建设保障性安居工程1.27万套。\n\n"
            "加快城市更新，建设保障性安居工程⟦2.54万套⟧。",
        ],
    )


def test_fires_on_a_clause_restated_in_another_paragraph_of_its_chapter():
    assert_rule(
        "conflicting-figure",
        invalid=[
            # the value reached after 由…提高到 (national_2015)
            PLAN + "人均基本公共卫生服务经费补助标准由35元提高到40元。\n\n"
            "深化医改。人均基本公共卫生服务经费补助标准由35元提高到⟦31元⟧。",
            # a long name, and minutes (national_2010, beijing_2025)
            REVIEW + "城镇职工和城镇居民基本医疗保险参保4.01亿人，新型农村合作医疗制度覆盖8.3亿人。\n\n"
            "实施更加积极的就业政策。城镇职工和城镇居民基本医疗保险参保⟦2.55亿人⟧。",
            REVIEW + "义务教育学校课间时长调整到15分钟，更好促进学生健康成长。\n\n"
            "办好人民满意的教育。义务教育学校课间时长调整到⟦19分钟⟧。",
        ],
    )


def test_fires_on_a_sentence_pasted_to_another_chapter_and_edited_there():
    assert_rule(
        "conflicting-figure",
        invalid=[
            REVIEW + "坚持就业优先战略，农牧民转移就业64.8万人，城镇新增就业5.1万人。\n\n"
            + PLAN + "落实就业政策。坚持就业优先战略，农牧民转移就业⟦46.8万人⟧，城镇新增就业5.1万人。",
        ],
    )


def test_the_message_quotes_both_numbers_and_points_to_the_other_statement():
    text = PLAN + "城镇新增就业3万人以上。\n\n稳就业。城镇新增就业4万人以上。\n"
    [finding] = findings_for("conflicting-figure", text)
    assert "4万人以上" in finding.message and "3万人以上" in finding.message
    assert "城镇新增就业" in finding.message
    [related] = finding.related
    assert text[related.span.start : related.span.end] == "3万人以上"


def test_silent_on_consistent_statements_and_compatible_bounds():
    assert_rule(
        "conflicting-figure",
        valid=[
            # the sample: the same target twice
            "实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。\n\n"
            "抓牢大气污染防治，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。",
            PLAN + "城镇新增就业3万人以上。\n\n稳就业。城镇新增就业3.2万人。",
            PLAN + "地区生产总值增长5%左右。\n\n稳增长。确保地区生产总值增长5.2%。",
            # a floor and an exact figure above it (yunnan_2026)
            "地区生产总值突破3万亿元、年均增长4.7%，人均地区生产总值超1万美元。\n\n"
            "完成地区生产总值32765亿元、增长4.1%，规模以上工业增加值增长4.5%。",
        ],
    )


def test_silent_on_different_indicators_and_time_frames():
    assert_rule(
        "conflicting-figure",
        valid=[
            # last year's result and this year's target (xizang_2025: chapters marked by bare lines)
            "2024年工作回顾\n\n坚持就业优先战略，应届高校毕业生就业率95%以上，农牧民转移就业64.8万人，城镇新增就业5.1万人。\n\n"
            "2025年工作安排\n\n落实落细高质量充分就业政策，城镇新增就业5万人。",
            REVIEW + "全年地区生产总值增长5.4%。\n\n" + PLAN + "地区生产总值增长5%左右。",
            # different indicators sharing words
            PLAN + "地区生产总值增长5%左右。\n\n促消费。社会消费品零售总额增长5.5%。",
            # a short formula in the review and in the plan
            REVIEW + "稳就业成效明显。城镇新增就业1244万人。\n\n" + PLAN + "做好就业工作。城镇新增就业1200万人。",
            # a yearly average is not the growth of one year
            PLAN + "地区生产总值增长5%左右。\n\n到2030年，地区生产总值年均增长5.5%。",
            # five years and the last year inside one review chapter (henan_2026)
            "一、“十四五”时期和2025年工作回顾\n\n过去的五年极不寻常。民生福祉不断增进，城镇新增就业603.7万人。\n\n"
            "刚刚过去的2025年很不平凡。深入实施援企稳岗政策，突出抓好重点群体就业，城镇新增就业121.7万人。",
            # the same without the chapter heading: the openings still tell the spans apart
            "过去的五年极不寻常。民生福祉不断增进，城镇新增就业603.7万人。\n\n"
            "刚刚过去的2025年很不平凡。深入实施援企稳岗政策，突出抓好重点群体就业，城镇新增就业121.7万人。",
            # one subject per clause in one paragraph (zhejiang_2025)
            "1299个重大项目完成投资1.4万亿元、投资完成率129.6%；积极扩大制造业投资，734个制造业重大项目完成投资"
            "2831亿元、投资完成率119.7%，制造业投资增长3.3%。",
            # values after 分别 and comparisons with last year name no indicator of their own
            PLAN + "城乡居民人均可支配收入分别增长6.8%、7%。\n\n促增收。城镇、农村居民人均可支配收入分别增长8%、9%。",
            "财政收入比上年增长8.7%。\n\n进出口总额比上年增长16.6%。",
            # rows that begin with their figures (national_1960)
            "八十斤到九十九斤的有五十五个县、一千零四十四万八千亩棉田；\n\n"
            "六十斤到七十九斤的有一百零四个县、一千八百四十二万三千亩棉田；",
            # a verb before a count names nothing: the noun after it does (henan_2025)
            PLAN + "培育20个省级宜居宜业和美乡村建设先导区。\n\n促消费。培育10个省级品牌消费集聚区。",
            # 一年来 in a review of 2025 is 2025; 过去五年 opens another span (xizang_2026, henan_2026)
            "一、2025年和“十四五”时期工作回顾\n\n过去五年，我们砥砺奋进。城镇新增就业30万人。\n\n"
            "这一年，我们攻坚克难。一年来，城镇新增就业6.2万人。",
            # a part after 其中 is not its whole
            PLAN + "城镇新增就业110万人以上。\n\n稳就业。全年新增就业岗位150万个，其中城镇新增就业20万人。",
            # durations and ages are not indicators (yunnan_2025)
            "用3年时间，引进留用1万名左右高层次银龄人才。\n\n年度目标：引进留用3600名高层次银龄人才。",
        ],
    )


def test_bounds_that_agree_and_floors_that_differ():
    def one(text):
        return figures(text)[0]

    assert consistent(one("3万人以上"), one("3.2万人"))
    assert consistent(one("约5%"), one("5.2%"))
    assert consistent(one("1.2万人"), one("12000人"))
    assert consistent(one("6.66万亿元"), one("66562亿元"))  # rounded in a summary
    assert not consistent(one("6.66万亿元"), one("66462亿元"))
    assert not consistent(one("3万人"), one("3.2万人"))  # one significant digit: no rounding read
    assert not consistent(one("1300亿斤以上"), one("1350亿斤以上"))
    assert not consistent(one("3万人以上"), one("4万人以上"))
    assert not consistent(one("3万人以上"), one("2.8万人"))
    assert not consistent(one("不超过5%"), one("6%"))
