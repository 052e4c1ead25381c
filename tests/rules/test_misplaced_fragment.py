from pathlib import Path

import pytest
from helpers import assert_rule, findings_for

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"

# Real paragraphs of the sample report, three sections of its plan.
INVESTMENT = (
    "（一）千方百计扩大经济总量。坚定信心，铆足干劲，全面开展“春雨行动”“夏季攻势”“百日攻坚”等系列行动，"
    "抓实“三个增长”，在全省经济“挑大梁”中展现昭通担当。\n\n"
    "全力抓项目扩投资。扎实推进项目攻坚年，多出谋划项目的“金点子”，争取项目的“好路子”、推进项目的“实办法”、"
    "保障项目的“硬措施”，统筹用好2亿元前期经费，动态更新重大项目储备库。{paste}发挥23个“两重”项目和省级重大项目"
    "带动作用，加快524个续建项目建设进度，新开工项目1000个以上，不断提升“三率”。"
)
AGRICULTURE = (
    "（三）扎实推进农业农村现代化。坚持农业农村优先发展，千方百计推动农业增效、农民增收、农村增活力。\n\n"
    "加力发展高原特色农业。坚决守牢耕地保护红线和粮食安全底线。深入实施苹果产业提质增效行动，加快打造百万亩竹产业"
    "丰产示范区，2万亩加工型马铃薯生产基地。科学高效开发金沙江干热河谷，打造热区水果“黄金产业带”。实施科技赋农行动，"
    "{original}力争新培育国家级农业龙头企业2户，新增“三品一标”70个以上，力争农业综合产值突破1900亿元。"
)
URBAN = (
    "（五）坚持不懈推进新型城镇化建设。突出规划引领，坚持“规、建、管”并重，建设“好房子、好小区、好社区、好城区”，"
    "加快打造高品质“人民城市”。\n\n"
    "深入推进城市更新。基本完成中心城市失地农民安置，打造城市更新新形态，让群众“安置”变“安居”。{paste}"
    "用好“老旧小区自主更新、原拆原建”政策，因地制宜推进城市更新“留、改、拆”，对老城区推行小规模有机更新和微改造。"
    "改造老旧小区72个，打造完整社区13个以上。"
)
MOVED = {"moved-sentences": True}
FRAGMENT = "大力发展大健康生物医药产业，推动以天麻为代表的食药产品研发生产。"


def report(*, investment: str = "", original: str = FRAGMENT, urban: str = "") -> str:
    return "\n\n".join([INVESTMENT.format(paste=investment), AGRICULTURE.format(original=original),
                        URBAN.format(paste=urban)])


def test_a_copied_fragment_is_reported_where_it_does_not_fit():
    assert_rule(
        "misplaced-fragment",
        invalid=[
            report(urban=f"⟦{FRAGMENT}⟧"),  # pasted into a later section
            report(investment=f"⟦{FRAGMENT}⟧"),  # or an earlier one
        ],
    )


def test_the_finding_points_at_the_copy_that_fits_and_offers_to_delete_the_pasted_one():
    text = report(urban=FRAGMENT)
    [finding] = findings_for("misplaced-fragment", text)
    [related] = finding.related
    assert text[related.span.start : related.span.end] == FRAGMENT
    assert related.span.start < finding.span.start  # the copy in the agriculture paragraph
    assert "加力发展高原特色农业" in finding.message and "误粘贴" in finding.message
    [edit] = finding.fix.edits
    assert (edit.span, edit.content, finding.fix.applicability) == (finding.span, "", "unsafe")


def test_the_sample_report_has_one_misplaced_fragment_pointing_at_the_agriculture_paragraph():
    text = SAMPLE.read_text(encoding="utf-8")
    [finding] = findings_for("misplaced-fragment", text, path=str(SAMPLE))
    assert finding.line == 70
    assert text[finding.span.start : finding.span.end] == "推动以天麻为代表的食药产品研发生产。力争新培育国家级农业龙头企业"
    [related] = finding.related
    assert text.count("\n", 0, related.span.start) + 1 == 48


def test_silent_when_no_side_is_out_of_place():
    assert_rule(
        "misplaced-fragment",
        valid=[
            report(),
            # the same fragment twice in one section is a duplicate (duplicate-sentence), not out of place
            report(original=FRAGMENT + "支持龙头企业开展精深加工。" + FRAGMENT),
            # a formula that two chapters share (zhejiang_2025): it fits both places
            "一、2024年工作回顾\n\n过去一年，我们始终把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，"
            "坚定拥护“两个确立”、坚决做到“两个维护”。\n\n二、2025年重点工作\n\n扩大有效投资，实施重大项目攻坚行动。\n\n"
            "三、全面加强政府自身建设\n\n坚持党的全面领导。深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”，"
            "坚定拥护“两个确立”、坚决做到“两个维护”。",
        ],
    )


def test_silent_on_legitimate_topic_shifts_in_real_reports():
    assert_rule(
        "misplaced-fragment",
        valid=[
            # tianjin_2025: a list of tasks, each with its short lead sentence
            "一、2024年工作回顾\n\n一年来，我们全面加强政府自身建设。自觉接受市人大及其常委会监督、市政协民主监督，"
            "办理人大代表建议和政协委员提案。\n\n二、2025年主要任务\n\n（一）全面深化改革。深化国资国企改革，推动国有资本向"
            "战略性新兴产业集中。\n\n三、努力建设人民满意政府\n\n推进依法行政。加强政府立法审查，完善重大决策、规范性文件合法性审查"
            "机制，深入实施提升行政执法质量三年行动计划，扎实开展“八五”普法。高标准编制“十五五”规划。自觉接受市人大及其常委会"
            "监督、市政协民主监督，支持群团组织更好发挥作用。落实党的民族、宗教和侨务政策，做好港澳台工作，巩固发展军政军民团结。",
            # henan_2026: the review and the plan both promise to accept supervision
            "一、2025年工作回顾\n\n一年来，我们全面正确履行政府职能。自觉接受人大及其常委会监督、政协民主监督和各方面监督，"
            "办理人大代表建议、政协提案。\n\n二、2026年工作安排\n\n（十）有力有效防范化解重点领域风险。完善全口径地方债务监测。\n\n"
            "面对新征程新使命，我们将更加深刻领悟“两个确立”的决定性意义，增强“四个意识”，坚定“四个自信”，做到“两个维护”。"
            "树立和践行正确政绩观，坚持为人民出政绩、以实干出政绩，提高专业素养、增强实干本领。"
            "自觉接受人大及其常委会监督、政协民主监督和各方面监督，懂法纪、明规矩、知敬畏，依法履职、秉公用权。"
            "持续巩固拓展深入贯彻中央八项规定精神学习教育成果，持续纠“四风”转作风树新风。",
        ],
        options=MOVED,
    )


# national_2010: the review's housing figures between two social-security figures, and the plan's
# housing paragraph that mirrors them. The sentence is the least cohesive of its paragraph, shares
# more with its neighbours' neighbours than with them, and fits the plan paragraph five times better
# than any other: every sign of a moved sentence, yet it was written there.
REVIEW_MIRRORS_PLAN = "\n\n".join([
    "一、2009年工作回顾",
    "加快完善社会保障体系。普遍建立养老保险省级统筹制度，出台包括农民工在内的城镇企业职工养老保险关系转移接续办法。"
    "在320个县开展新型农村社会养老保险试点，推动我国社会保障制度建设迈出历史性步伐。",
    "中央财政安排社会保障资金2906亿元，比上年增长16.6%。企业退休人员基本养老金连续5年增加，去年又人均提高10%。"
    "农村五保户供养水平、优抚对象抚恤补助标准、城乡低保对象保障水平都有新的提高。",
    "中央财政安排保障性安居工程补助资金551亿元，比上年增长2倍。新建、改扩建各类保障性住房200万套，棚户区改造解决住房"
    "130万套。全国社会保障基金积累6927亿元，比上年增长44.2%。社会保障体系得到加强。",
    "进一步促进教育公平。大幅度增加全国教育支出，其中中央财政支出1981亿元，比上年增长23.6%。全面落实城乡义务教育政策，"
    "中央下达农村义务教育经费666亿元，提前一年实现农村中小学生人均公用经费500元和300元的目标。",
    "二、2010年主要任务",
    "促进房地产市场平稳健康发展。要坚决遏制部分城市房价过快上涨势头，满足人民群众的基本住房需求。一是继续大规模实施"
    "保障性安居工程。中央财政拟安排保障性住房专项补助资金632亿元，比上年增加81亿元。",
    "建设保障性住房300万套，各类棚户区改造住房280万套。扩大农村危房改造试点范围。各级政府要切实负起责任，严格执行"
    "年度建设计划，确保土地、资金和优惠政策落实到位。",
    "二是继续支持居民自住性住房消费。增加中低价位、中小套型普通商品房用地供应，加快普通商品房项目审批和建设进度。"
    "规范发展二手房市场，倡导住房租赁消费。盘活住房租赁市场。",
])


def test_silent_on_a_review_sentence_that_mirrors_the_plan():
    assert_rule("misplaced-fragment", valid=[REVIEW_MIRRORS_PLAN], options=MOVED)


def test_every_paragraph_of_the_sample_stays_silent_where_nothing_was_pasted():
    text = SAMPLE.read_text(encoding="utf-8")
    clean = text.replace("新增保障性租赁住房,推动以天麻为代表的食药产品研发生产。力争新培育国家级农业龙头企业", "新增保障性租赁住房,")
    assert clean != text
    assert findings_for("misplaced-fragment", clean, path=str(SAMPLE)) == []
    assert findings_for("misplaced-fragment", clean, path=str(SAMPLE), options=MOVED) == []


# national_2002: the employment paragraph of chapter 一 and the Taiwan paragraph of chapter 七.
ONE_CHINA = "一个中国的原则是发展两岸关系、促进祖国和平统一的基础和前提。"
NATIONAL_2002 = "\n\n".join([
    "一、扩大和培育内需，促进经济较快增长",
    "四是积极扩大就业和再就业。",
    "这是增加居民收入的重要途径。努力拓宽就业渠道，增加就业岗位。{moved}大力发展就业容量大的劳动密集型产业、服务业、"
    "中小企业。扩大社区服务就业门路。实行弹性大、灵活性强、多样化的就业形式。发展劳动力市场，完善就业服务体系。"
    "对弱势群体给予特殊的就业援助。",
    "二、加快农业和农村经济发展，努力增加农民收入",
    "发展农业生产力，提高农民购买力，是扩大和培育内需十分重要的方面，关系国民经济发展和社会稳定全局。要把加强农业和"
    "增加农民收入，作为整个经济工作的突出任务；把农民是否增加收入和减轻负担，作为检验农业和农村工作的重要标准。",
    "七、进一步转变政府职能，加强政风建设",
    "全面贯彻落实“一国两制”方针和香港、澳门两个基本法。维护香港、澳门长期稳定和繁荣发展，是我们坚定不移的目标。"
    "中央政府将继续全力支持香港、澳门两个特别行政区政府和行政长官依法施政，进一步加强内地与香港、澳门的经贸、科技、"
    "文化、教育等领域的交流和合作。我们对香港、澳门的前景满怀信心。",
    "在新的一年里，我们将坚持“和平统一、一国两制”的基本方针和江泽民主席关于解决台湾问题的八项主张，努力推动两岸关系"
    "朝着和平统一的方向发展。我们重申，世界上只有一个中国，大陆与台湾同属一个中国，中国的主权和领土完整不容分割。"
    "{original}我们坚持在一个中国原则的基础上恢复两岸对话与谈判，进一步扩大两岸经济、文化交流，推动两岸关系发展，"
    "尽早实现直接“三通”。我们将一如既往地与坚持一个中国原则、主张发展两岸关系的台湾各党派、各界人士加强交往和对话。"
    "支持海外华侨华人反对“台独”、促进祖国统一的正义行动。我们坚信，祖国的完全统一大业一定能够早日实现。",
    "八、进一步做好外交工作",
    "２００１年，国际形势变化起伏。但和平与发展作为时代的主题并未改变，世界多极化发展趋势并未改变，我国面临的国际环境"
    "仍然是机遇大于挑战。总体和平、局部战争，总体缓和、局部紧张，总体稳定、局部动荡，将是今后一个时期国际局势的基本态势。",
])


def test_a_sentence_moved_to_a_chapter_it_shares_nothing_with_is_reported_when_asked():
    assert_rule(
        "misplaced-fragment",
        invalid=[NATIONAL_2002.format(moved=f"⟦{ONE_CHINA}⟧", original="")],
        valid=[NATIONAL_2002.format(moved="", original=ONE_CHINA)],
        options=MOVED,
    )
    text = NATIONAL_2002.format(moved=ONE_CHINA, original="")
    assert findings_for("misplaced-fragment", text) == []  # off by default
    [finding] = findings_for("misplaced-fragment", text, options=MOVED)
    [related] = finding.related
    assert text[related.span.start : related.span.end].startswith("在新的一年里")  # the Taiwan paragraph
    assert "误移" in finding.message and finding.fix is None


def test_a_moved_sentence_in_a_whole_real_report():
    corpus = SAMPLE.parents[2] / "shared" / "corpus" / "gov-reports" / "national_2002.txt"
    if not corpus.is_file():
        pytest.skip("the real corpus is not beside this clone")
    lines = corpus.read_text(encoding="utf-8").split("\n")
    assert ONE_CHINA in lines[280] and lines[54].startswith("这是增加居民收入的重要途径")
    lines[280] = lines[280].replace(ONE_CHINA, "")
    lines[54] = lines[54].replace("增加就业岗位。", "增加就业岗位。" + ONE_CHINA)
    [finding] = findings_for("misplaced-fragment", "\n".join(lines), path="national_2002.txt", options=MOVED)
    assert (finding.line, finding.related[0].span.start > finding.span.start) == (55, True)
