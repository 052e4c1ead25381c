from helpers import assert_rule, findings_for

from reportlint.analysis.figures import figures
from reportlint.checks.conflicting_figure import consistent

PLAN = "二、2026年工作安排\n\n"
REVIEW = "一、2025年工作回顾\n\n"


# -- what fires: one statement made twice in one section, the figure edited in one place ------


def test_fires_on_a_clause_restated_in_another_paragraph_of_its_section():
    assert_rule(
        "conflicting-figure",
        invalid=[
            PLAN + "稳就业。城镇新增就业3万人以上，城镇调查失业率控制在5.5%以内。\n\n"
            "促增收。城镇新增就业⟦4万人以上⟧，实施城乡居民增收计划。",
            # the sample report's target, stated twice without any heading
            "实现优良天数比率上升。中心城市空气质量优良率不低于99%，重污染天气基本消除。\n\n"
            "抓牢大气污染防治。中心城市空气质量优良率⟦不低于98%⟧。",
            # exact figures written with different magnitudes still compare
            PLAN + "加快城市更新。建设保障性安居工程1.27万套，改造老旧小区300个。\n\n"
            "完善住房保障。建设保障性安居工程⟦2.54万套⟧。",
            # a long name, and minutes (national_2010, beijing_2025)
            REVIEW + "城镇职工和城镇居民基本医疗保险参保4.01亿人，新型农村合作医疗制度覆盖8.3亿人。\n\n"
            "实施更加积极的就业政策。城镇职工和城镇居民基本医疗保险参保⟦2.55亿人⟧。",
            REVIEW + "义务教育学校课间时长调整到15分钟，更好促进学生健康成长。\n\n"
            "办好人民满意的教育。义务教育学校课间时长调整到⟦19分钟⟧。",
            # a span opening the sentence is no anaphora (这一年 / 这五年)
            REVIEW + "这一年，城镇新增就业5.1万人，农牧民转移就业64.8万人。\n\n"
            "稳就业。这一年，城镇新增就业5.1万人，农牧民转移就业⟦46.8万人⟧。",
            # a verb phrase with the government as its subject (the bench's restated clause)
            REVIEW + "养老服务体系不断健全。新建养老机构17家，服务能力明显提升。\n\n"
            "兜牢民生底线。新建养老机构⟦25家⟧。",
            # after a comparison with other values in each paragraph: no parallel rows (national_2010)
            REVIEW + "中央财政医疗卫生支出1277亿元，比上年增长49.5%。城镇职工和城镇居民基本医疗保险参保4.01亿人，"
            "新型农村合作医疗制度覆盖8.3亿人。\n\n大幅度增加全国教育支出，其中中央财政支出1981亿元，比上年增长23.6%。"
            "城镇职工和城镇居民基本医疗保险参保⟦4.90亿人⟧。",
        ],
    )


def test_fires_on_a_sentence_pasted_into_another_paragraph_and_edited_there():
    assert_rule(
        "conflicting-figure",
        invalid=[
            REVIEW + "坚持就业优先战略，农牧民转移就业64.8万人，城镇新增就业5.1万人。\n\n"
            "落实就业政策。坚持就业优先战略，农牧民转移就业⟦46.8万人⟧，城镇新增就业5.1万人。",
            # the value reached after 由…提高到 (national_2015)
            PLAN + "人均基本公共卫生服务经费补助标准由35元提高到40元。\n\n"
            "深化医改。人均基本公共卫生服务经费补助标准由35元提高到⟦31元⟧。",
            # a sentence that opens with its time, the same in both places
            "2024年，全国社区卫生服务中心诊疗人次9.3亿，平均每个中心年诊疗量9.1万人次。\n\n"
            "社区卫生服务持续加强。2024年，全国社区卫生服务中心诊疗人次9.3亿，平均每个中心年诊疗量⟦7.1万人次⟧。",
        ],
    )


def test_fires_when_both_paragraphs_speak_of_the_same_year_in_any_writing():
    assert_rule(
        "conflicting-figure",
        invalid=[
            "一九五二年，国民经济恢复任务胜利完成。全国粮食产量达到3278亿斤。\n\n"
            "一九五二年，农业生产全面恢复。全国粮食产量达到⟦3087亿斤⟧。",
            # 去年 in a review of 2025 is 2025
            REVIEW + "2025年，全省经济稳中有进。规上工业增加值增长6.1%。\n\n"
            "去年，工业生产加快回升。规上工业增加值增长⟦7.1%⟧。",
        ],
    )


def test_the_message_names_both_values_the_section_and_the_time():
    text = PLAN + "稳就业。城镇新增就业3万人以上。\n\n促增收。城镇新增就业4万人以上。\n"
    [finding] = findings_for("conflicting-figure", text)
    assert "4万人以上" in finding.message and "3万人以上" in finding.message
    assert "城镇新增就业" in finding.message
    assert "第3行" in finding.message and "2026年工作安排" in finding.message
    [related] = finding.related
    assert text[related.span.start : related.span.end] == "3万人以上"
    dated = "2024年，工业稳定。规上工业增加值增长6.1%。\n\n2024年，工业回升。规上工业增加值增长7.1%。\n"
    [finding] = findings_for("conflicting-figure", dated)
    assert "2024年" in finding.message


# -- what stays silent ------------------------------------------------------------------------


def test_silent_on_consistent_statements_and_compatible_bounds():
    assert_rule(
        "conflicting-figure",
        valid=[
            # the sample: the same target twice
            "实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。\n\n"
            "抓牢大气污染防治，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。",
            PLAN + "稳就业。城镇新增就业3万人以上。\n\n促增收。城镇新增就业3.2万人。",
            PLAN + "稳增长。地区生产总值增长5%左右。\n\n扩内需。地区生产总值增长5.2%。",
            # rounded in a summary
            REVIEW + "经济总量迈上新台阶。地区生产总值6.66万亿元。\n\n稳增长成效明显。地区生产总值66562亿元。",
        ],
    )


def test_silent_on_other_periods():
    assert_rule(
        "conflicting-figure",
        valid=[
            # last year's result and this year's target, in their chapters (xizang_2025: bare lines)
            "2024年工作回顾\n\n坚持就业优先战略，应届高校毕业生就业率95%以上，城镇新增就业5.1万人。\n\n"
            "2025年工作安排\n\n落实落细高质量充分就业政策，城镇新增就业5万人。",
            REVIEW + "全年地区生产总值增长5.4%。\n\n" + PLAN + "地区生产总值增长5%左右。",
            # five years and the last year inside one review chapter (henan_2026)
            "一、“十四五”时期和2025年工作回顾\n\n过去的五年极不寻常。民生福祉不断增进。城镇新增就业603.7万人。\n\n"
            "刚刚过去的2025年很不平凡。援企稳岗政策有力。城镇新增就业121.7万人。",
            # the same without a chapter heading: the openings tell the spans apart
            "过去五年，我们砥砺奋进。城镇新增就业300万人。\n\n去年，我们攻坚克难。城镇新增就业62万人。",
            "这五年，经济实力跃上新台阶。城镇新增就业300万人。\n\n今年，要稳住就业基本盘。城镇新增就业62万人。",
            # a five-year total in the review, this year's target in the plan, one section
            "五年来，城镇新增就业累计300万人。城镇新增就业60万人。\n\n今年，城镇新增就业55万人。",
            # plan periods written the old way
            "“六五”时期，经济稳定增长。粮食产量年均增长4.9%。\n\n“七五”时期，经济持续发展。粮食产量年均增长1.8%。",
            # years written digit by digit
            "一九五二年，国民经济恢复任务胜利完成。全国粮食产量达到3278亿斤。\n\n"
            "一九五七年，第一个五年计划超额完成。全国粮食产量达到3700亿斤。",
            # a target year against the present one (……到2030年)
            PLAN + "提升城市品质。常住人口城镇化率达到70%。\n\n到2030年，城乡融合发展。常住人口城镇化率达到75%。",
            # parts of the year, and the year's end against the whole year
            "上半年，经济运行稳中有进。规模以上工业增加值增长5.2%。\n\n"
            "1—11月，工业生产加快。规模以上工业增加值增长6.1%。",
        ],
    )


def test_silent_on_other_scopes():
    assert_rule(
        "conflicting-figure",
        valid=[
            # a price basis said before the figure
            "按当年价格计算，全省生产总值增长6.2%。\n\n按可比价格计算，全省生产总值增长5.1%。",
            "以下绝对数按当年价格计算。全省生产总值增长6.2%。\n\n以下增速按可比价格计算。全省生产总值增长5.1%。",
            # the country against the province
            "全国经济回升向好。城镇新增就业1256万人。\n\n全省经济稳中有进。城镇新增就业60万人。",
            # a comparison with the country is no statement of the indicator
            "城镇居民人均可支配收入增长5.3%。\n\n增速高于全国，城镇居民人均可支配收入增长高于全国0.5个百分点。",
        ],
    )


def test_silent_on_other_subjects():
    assert_rule(
        "conflicting-figure",
        valid=[
            # a bulletin gives one measure for many subjects, in one paragraph (nhc_health_2024)
            "2024年，全国消毒产品被监督单位37079个，专职从业人员19.3万人。依法查处案件2224件。"
            "全国餐具饮具集中消毒服务单位3916个，从业人员4.4万人。依法查处案件980件。",
            # ... and in parallel paragraphs, each opening with its subject
            "全国消毒产品被监督单位37079个，专职从业人员19.3万人。依法查处案件2224件。\n\n"
            "全国餐具饮具集中消毒服务单位3916个，从业人员4.4万人。依法查处案件980件。",
            "年末全市共有公共美术馆12个，从业人员0.6万人。\n\n年末全市共有文化馆14个，从业人员0.9万人。",
            # parallel paragraphs that restate two clauses (nhc_health_2024)
            "2024年，社区卫生服务中心次均门诊费用169.9元；次均住院费用3193.9元，按可比价格下降4.4%。"
            "日均住院费用362.8元。\n\n"
            "2024年，乡镇卫生院次均门诊费用87.6元；次均住院费用2095.8元，按可比价格下降3.9%。日均住院费用328.4元。",
            # rows of one table set out as paragraphs: the next clause differs too
            "城镇居民收入稳步增长。人均可支配收入52000元，增长5.1%。\n\n"
            "农村居民收入较快增长。人均可支配收入23000元，增长6.5%。",
            # sub-sections with their own investment (hailar_district_2012, _2016)
            "（四）做精第一产业。全年计划投资3.7亿元，实施重点农牧业项目33个。\n\n"
            "（五）加快旧城区改造。全年计划投资12.8亿元，实施城市建设重点项目20个。",
            "一是全面坚持高标准建设。全年计划投资15亿元，统筹推进棚户区改造。\n\n"
            "二是加快发展现代农牧业。全年计划投资3.7亿元，实施重点农牧业项目33个。",
            "一是全面坚持高标准建设。全年计划投资15亿元。\n\n二是加快发展现代农牧业。全年计划投资3.7亿元。",
            "推进城市更新。完成投资120亿元。\n\n壮大县域经济。完成投资85亿元。",
            # three values of the same words in one section: a measure of several subjects
            "特大城市：\n\n补助标准提高到每人每月1500元。\n\n大城市：\n\n补助标准提高到每人每月1100元。\n\n"
            "中小城市：\n\n补助标准提高到每人每月800元。",
            "抓好特大城市保障。补助标准提高到每人每月1500元。\n\n抓好大城市保障。补助标准提高到每人每月1100元。\n\n"
            "抓好中小城市保障。补助标准提高到每人每月800元。",
            # tiers of a standard, in sub-sections: even a long sentence with one figure changed
            "（一）特大城市。对符合条件的困难群众，按照每人每月1500元的标准发放临时生活补助。\n\n"
            "（二）大城市。对符合条件的困难群众，按照每人每月1100元的标准发放临时生活补助。",
            "（一）城市\n\n1.补助标准：每人每月1500元。\n\n（二）农村\n\n1.补助标准：每人每月800元。",
            # tiers of a standard
            "一类城市：补助标准为每人每月1500元。\n\n二类城市：补助标准为每人每月1100元。\n\n"
            "三类城市：补助标准为每人每月800元。",
            "1.直辖市、省会城市\n\n补助标准为每人每月1500元。\n\n2.地级市\n\n补助标准为每人每月1100元。",
            # agreements with different countries; wholesale against retail
            "与东盟签署经贸合作协议，协议项下进出口额增长12%。\n\n与欧盟签署投资协定，协议项下进出口额增长8%。",
            "全年批发业销售额增长6.5%。\n\n全年零售业销售额增长4.2%。",
            # a part after 其中, under two different wholes (nanjing_2021, dongguan_2023)
            "全市共有市级以上文化产业园区145家。其中国家级12家。\n\n全市共有高新技术企业8000家。其中国家级31家。",
            PLAN + "城镇新增就业110万人以上。\n\n稳就业。全年新增就业岗位150万个，其中城镇新增就业20万人。",
            # one subject per clause in one paragraph (zhejiang_2025)
            "1299个重大项目完成投资1.4万亿元、投资完成率129.6%；积极扩大制造业投资，734个制造业重大项目完成投资"
            "2831亿元、投资完成率119.7%，制造业投资增长3.3%。",
        ],
    )


def test_silent_where_the_words_differ():
    assert_rule(
        "conflicting-figure",
        valid=[
            # the targets of 主要预期目标 and a task section: a stretch target word, or another section
            PLAN + "主要预期目标是：地区生产总值增长5%左右，城镇新增就业3万人以上。\n\n"
            "（一）稳就业。城镇新增就业4万人以上，城镇调查失业率控制在5.5%以内。",
            PLAN + "稳就业。城镇新增就业4.5万人。\n\n促增收。力争城镇新增就业5万人。",
            PLAN + "稳增长。预计地区生产总值增长5%。\n\n扩内需。地区生产总值增长5.5%。",
            # different indicators sharing words
            PLAN + "地区生产总值增长5%左右。\n\n促消费。社会消费品零售总额增长5.5%。",
            # a yearly average is not the growth of one year
            PLAN + "地区生产总值增长5%左右。\n\n到2030年，地区生产总值年均增长5.5%。",
            # values after 分别 and comparisons with last year name no indicator of their own
            PLAN + "城乡居民人均可支配收入分别增长6.8%、7%。\n\n促增收。城镇、农村居民人均可支配收入分别增长8%、9%。",
            "财政收入比上年增长8.7%。\n\n进出口总额比上年增长16.6%。",
            "比上年增长8.7%。\n\n比上年增长16.6%。",
            # rows that begin with their figures (national_1960)
            "八十斤到九十九斤的有五十五个县、一千零四十四万八千亩棉田；\n\n"
            "六十斤到七十九斤的有一百零四个县、一千八百四十二万三千亩棉田；",
            # a verb before a count names nothing: the noun after it does (henan_2025)
            PLAN + "培育20个省级宜居宜业和美乡村建设先导区。\n\n促消费。培育10个省级品牌消费集聚区。",
            # durations and ages are not indicators (yunnan_2025)
            "用3年时间，引进留用1万名左右高层次银龄人才。\n\n年度目标：引进留用3600名高层次银龄人才。",
            # two statements in one paragraph speak of two subjects
            "新建养老机构17家。改造提升乡镇敬老院，新建养老机构25家。",
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
    assert consistent(one("5%"), one("5个"))  # other units: nothing says they disagree


def test_linear_in_the_length_of_one_paragraph():
    import time

    sentence = "全市城镇新增就业3.2万人，规上工业增加值增长6.1%，新建养老机构17家。"
    short = sentence * 2000
    started = time.perf_counter()
    findings_for("conflicting-figure", short)
    one = time.perf_counter() - started
    started = time.perf_counter()
    findings_for("conflicting-figure", short * 8)
    eight = time.perf_counter() - started
    assert eight < 8 * one * 3 + 0.5, (one, eight)


def test_a_rate_named_at_length_is_one_indicator_across_sections():
    # issue 16: the same rate of the same year given two values in two chapters
    review = "2025年工作回顾\n\n一年来，我们坚持以人民为中心，全年信访事项一次性化解率达到96.4%，群众满意度持续提升。\n\n"
    assert_rule(
        "conflicting-figure",
        invalid=[review + "二、加强政府自身建设\n\n我们扎实推进信访工作法治化，全年信访事项一次性化解率达到⟦96.6%⟧。",
                 # the period said by the chapter alone
                 review.replace("全年", "") + "二、加强政府自身建设\n\n推进信访工作法治化，信访事项一次性化解率达到⟦96.6%⟧。"],
        valid=[
            review + "二、加强政府自身建设\n\n我们扎实推进信访工作法治化，全年信访事项一次性化解率达到96.4%。",
            # a target of the next year, and a short name that needs its subject
            review + "2026年主要目标\n\n信访事项一次性化解率达到97%以上。",
            "一、城市\n\n社区卫生服务中心门诊满意率达到95.2%。\n\n二、农村\n\n乡镇卫生院门诊满意率达到93.1%。",
            # found by a held-out plan: the base year's rate in the review, the target in a —— line
            "第一章　发展基础\n\n2024年，规模以上工业企业关键工序数控化率达到62.3%。\n\n第二章　总体要求\n\n"
            "到2030年，主要目标是：\n\n——产业数字化转型取得突破。规模以上工业企业关键工序数控化率达到75%。",
        ],
    )


def test_a_plans_review_and_its_tasks_are_two_chapters_of_a_rate():
    # found by a held-out water plan: the rate reached in the review, the target in a task
    review = "一、规划背景\n\n水利改革不断深化。组建农民用水合作组织214个，水利工程标准化管理覆盖率达到72%。\n\n"
    assert_rule(
        "conflicting-figure",
        valid=[review + "二、主要任务\n\n（六）提升智慧水利水平\n\n推进水利工程标准化管理，水利工程标准化管理覆盖率达到95%。",
               # or under a heading of goals in a chapter that names none
               review + "二、总体要求\n\n（三）规划目标\n\n到2030年，基本形成水安全保障体系。\n\n"
                        "水利管理方面，水利工程标准化管理覆盖率达到95%，基本建成数字孪生汀江。"],
        # in another chapter that states what is, the name still identifies the rate
        invalid=[review + "二、改革成效\n\n（六）智慧水利水平提升\n\n推进水利工程标准化管理，水利工程标准化管理覆盖率达到⟦95%⟧。"],
    )


def test_the_clauses_of_a_paragraph_are_read_only_when_a_possible_conflict_names_it():
    # Whether two paragraphs state parallel rows is read from their clauses; reading the clauses
    # of every paragraph took a quarter of the rule's time on a document with no conflict.
    from reportlint.checks.conflicting_figure import conflicting_figure
    from reportlint.text.parse import parse_text

    others = "".join(f"开展第{n}批试点，建成示范项目{n + 3}个，带动投资{n * 2}亿元。\n\n" for n in range(1, 6))
    doc = parse_text(PLAN + others + "稳就业。城镇新增就业3万人以上，城镇调查失业率控制在5.5%以内。\n\n"
                     "促增收。城镇新增就业4万人以上，实施城乡居民增收计划。\n")
    assert len(list(conflicting_figure(doc, None))) == 1
    clauses = doc.analysis("conflicting-figure.clauses", lambda d: None)
    assert set(clauses._read) == {index for index, p in enumerate(doc.paragraphs) if "城镇新增就业" in p.text}
