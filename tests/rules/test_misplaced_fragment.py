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


NOTE = "（农业农村部、住房城乡建设部、发展改革委等和各有关省级人民政府负责）"


def test_silent_on_the_note_that_closes_items_in_several_chapters():
    # gob_consumption_poverty_alleviation_opinion_2018.txt: items of different chapters end with the
    # bodies responsible for them, in brackets after the full stop
    text = report().replace("力争农业综合产值突破1900亿元。", "力争农业综合产值突破1900亿元。" + NOTE)
    assert_rule("misplaced-fragment", valid=[
        text.replace("打造完整社区13个以上。", "打造完整社区13个以上。" + NOTE),
        text.replace("打造完整社区13个以上。", "打造完整社区13个以上。(农业农村部、住房城乡建设部、发展改革委等和各有关省级人民政府负责)"),
        # a formula of the document, put after three items, in brackets or not
        report(investment=FRAGMENT, urban=FRAGMENT),
    ], invalid=[
        # the fragment pasted before the note is still out of place
        text.replace("打造完整社区13个以上。", f"打造完整社区13个以上。⟦{FRAGMENT}⟧{NOTE}"),
    ])


# sc_iit_law_implementing_regulations_2018.txt, lines 125-149: the conditions of one article, an
# item each (（一）/（二）), written to one pattern.
ARTICLES = (
    "居民个人在中国境外一个国家（地区）实际已经缴纳的个人所得税税额，低于依照前款规定计算出的来源于该国家（地区）所"
    "得的抵免限额的，应当在中国缴纳差额部分的税款；超过来源于该国家（地区）所得的抵免限额的，其超过部分不得在本纳税"
    "年度的应纳税额中抵免，但是可以在以后纳税年度来源于该国家（地区）所得的抵免限额的余额中补扣。补扣期限最长不得超"
    "过五年。\n\n"
    "第二十二条　居民个人申请抵免已在境外缴纳的个人所得税税额，应当提供境外税务机关出具的税款所属年度的有关纳税凭证"
    "。\n\n"
    "第二十三条　个人所得税法第八条第二款规定的利息，应当按照税款所属纳税申报期最后一日中国人民银行公布的与补税期间"
    "同期的人民币贷款基准利率计算，自税款纳税申报期满次日起至补缴税款期限届满之日止按日加收。纳税人在补缴税款期限届"
    "满前补缴税款的，利息加收至补缴税款之日。\n\n"
    "第二十四条　扣缴义务人向个人支付应税款项时，应当依照个人所得税法规定预扣或者代扣税款，按时缴库，并专项记载备查"
    "。\n\n"
    "前款所称支付，包括现金支付、汇拨支付、转账支付和以有价证券、实物以及其他形式的支付。\n\n"
    "第二十五条　取得综合所得需要办理汇算清缴的情形包括：\n\n"
    "（一）从两处以上取得综合所得，且综合所得年收入额减除专项扣除的余额超过6万元；\n\n"
    "（二）取得劳务报酬所得、稿酬所得、特许权使用费所得中一项或者多项所得，且综合所得年收入额减除专项扣除的余额超过"
    "6万元；\n\n"
    "（三）纳税年度内预缴税额低于应纳税额；\n\n"
    "（四）纳税人申请退税。\n\n"
    "纳税人申请退税，应当提供其在中国境内开设的银行账户，并在汇算清缴地就地办理税款退库。\n\n"
    "汇算清缴的具体办法由国务院税务主管部门制定。\n\n"
    "第二十六条　个人所得税法第十条第二款所称全员全额扣缴申报，是指扣缴义务人在代扣税款的次月十五日内，向主管税务机"
    "关报送其支付所得的所有个人的有关信息、支付所得数额、扣除事项和数额、扣缴税款的具体数额和总额以及其他相关涉税信"
    "息资料。"
)
# sc_work_rules_notice_2004.txt, lines 99-131: the plenary and the executive meetings, article by article.
MEETINGS = (
    "第七章　工作安排布局\n\n"
    "三十二、国务院及各部门要加强工作的计划性、系统性和预见性，搞好年度工作安排布局，并根据形势和任务的变化及时作出"
    "调整。\n\n"
    "三十三、国务院提出年度重点工作目标，确定需要讨论的法律草案和审议的行政法规草案、国务院召开的全国性会议和制发的"
    "公文等事项，形成国务院年度工作安排布局，下发执行。\n\n"
    "三十四、各地区、各部门要认真落实国务院年度工作安排布局，并在年中和年末向国务院报告执行情况。国务院办公厅适时作"
    "出通报。\n\n"
    "第八章　会议制度\n\n"
    "三十五、国务院实行国务院全体会议和国务院常务会议制度。\n\n"
    "三十六、国务院全体会议由总理、副总理、国务委员、各部部长、各委员会主任、人民银行行长、审计长、秘书长组成，由总"
    "理召集和主持。国务院全体会议的主要任务是：\n\n"
    "（一）讨论决定国务院工作中的重大事项；\n\n"
    "（二）部署国务院的重要工作；\n\n"
    "（三）通报国内外形势。\n\n"
    "国务院全体会议一般每半年召开一次，根据需要可安排有关部门、单位负责人列席会议。\n\n"
    "三十七、国务院常务会议由总理、副总理、国务委员、秘书长组成，由总理召集和主持。国务院常务会议的主要任务是：\n\n"
    "（一）讨论决定国务院工作中的重要事项；\n\n"
    "（二）讨论法律草案、审议行政法规草案；\n\n"
    "（三）通报和讨论国务院其他事项。\n\n"
    "国务院常务会议一般每月召开三次，如有需要可临时召开。根据需要可安排有关部门、单位负责人列席会议。\n\n"
    "三十八、提请国务院全体会议和国务院常务会议讨论的议题，由国务院分管领导同志协调或审核后提出，报总理确定；会议文"
    "件由总理批印。国务院全体会议和国务院常务会议的组织工作由国务院办公厅负责，文件和议题于会前送达与会同志。"
)


def test_silent_on_parallel_items_and_articles_too_short_to_be_out_of_place():
    assert_rule("misplaced-fragment", valid=[ARTICLES, MEETINGS])


# gob_cultural_enterprises_two_rules_notice_2018.txt, lines 19-151: one notice issues two regulations
# that treat land the same way.
TWO_RULES = "\n\n".join([
    "文化体制改革中经营性文化事业单位",
    "转制为企业的规定",
    "为进一步深化文化体制改革，继续推进国有经营性文化事业单位转企改制，特制定以下规定：",
    "三、关于资产和土地处置",
(
    "（十）经营性文化事业单位在转制过程中，对于清查出的资产损失按规定报经批准后进行核销；切实维护银行合法债权安全，严"
    "肃处理各类借转制之名逃废银行债务行为，维护金融安全稳定。转制后财务制度应执行《企业财务通则》，会计制度应执行《企"
    "业会计准则》或《小企业会计准则》。"
    ),
(
    "（十一）经营性文化事业单位转制涉及的原划拨土地，转制后符合《划拨用地目录》的，可继续以划拨方式使用；不符合《划拨"
    "用地目录》的，应当依法实行有偿使用。经省级以上人民政府批准，经营性文化事业单位转制为国有独资或国有控股企业的，原"
    "生产经营性划拨用地，经批准可采用作价出资（入股）方式配置；经营性文化事业单位转制为国有参股企业或非国有企业的，原"
    "生产经营性划拨用地可采用协议出让或租赁方式进行土地资产处置。"
    ),
    "四、关于收入分配",
(
    "（十二）转制后执行企业收入分配制度。按照国家有关规定实行工资总额预算管理，由国有文化企业自主编制，按规定履行内部"
    "决策程序后，报有关部门核准或备案后执行。完善工资与效益联动机制，工资效益联动指标应同时选取反映社会效益和经济效益"
    "、国有资本保值增值的指标。建立健全以岗位工资为主的基本工资制度，以岗位价值为依据，以业绩为导向，参照劳动力市场工"
    "资价位并结合企业社会效益和经济效益，合理确定不同岗位的工资水平，使职工工资收入与其工作业绩和实际贡献紧密挂钩，合"
    "理拉开工资分配差距。人力资源社会保障部门、国有文化资产管理机构和企业主管主办部门要加强对国有文化企业工资收入分配"
    "的指导和监督，规范国有文化企业收入分配秩序。"
    ),
    "进一步支持文化企业发展的规定",
    "为进一步深化文化体制改革，促进文化企业发展，特制定以下规定：",
    "三、关于资产和土地处置",
(
    "（十六）发生分立、合并、重组、改制、撤销等经济行为涉及国有资产或产权结构重大变动的文化企业，应当按照国家有关规定"
    "进行清产核资，清产核资工作中发现的资产损失经确认后应当依次冲减未分配利润、盈余公积、资本公积、实收资本。"
    ),
(
    "（十七）文化企业改制涉及的原划拨土地，改制后符合《划拨用地目录》的，可继续以划拨方式使用；不符合《划拨用地目录》"
    "的，应当依法实行有偿使用。经省级以上人民政府批准，国有文化企业改制为授权经营或国有控股企业的，原生产经营性划拨用"
    "地，经批准可采用作价出资（入股）方式配置。文化企业改制为一般竞争性企业的，原生产经营性划拨用地可采用协议出让或租"
    "赁方式进行土地资产处置。"
    ),
(
    "（十八）利用划拨方式取得的存量房产、土地兴办文化产业的，符合《划拨用地目录》的，可按划拨方式办理用地手续；不符合"
    "《划拨用地目录》的，在符合国家有关规定的前提下可采取协议出让方式办理。"
    ),
])


def test_silent_on_what_two_documents_of_one_file_share():
    assert_rule("misplaced-fragment", valid=[TWO_RULES])


def closing(goal: str, *, exhortation: str = "我们要坚定信心、真抓实干，同全市各族人民一起，", after: str = "") -> str:
    """The sample's sections, the agricultural paragraph ending with *goal*, and a closing paragraph."""
    text = report().replace("力争农业综合产值突破1900亿元。", f"力争农业综合产值突破1900亿元，{goal}。")
    return (f"{text}\n\n（八）久久为功筑牢安全底线。更好统筹发展和安全，坚决维护社会大局稳定和长治久安。\n\n"
            f"各位代表！新征程上，使命光荣，责任重大。{exhortation}{after}")


def test_silent_on_the_goal_restated_to_close_the_text():
    # national_1964.txt, lines 3 and 287: the summary and the closing words end with the same goal
    goal = "为加快建设现代化农业强市、推动农民增收致富而努力奋斗"
    assert_rule(
        "misplaced-fragment",
        valid=[
            closing(goal, after=f"{goal}。"),
            # the general requirements go on after the goal; the closing words end with it
            closing(goal, after=f"{goal}。").replace(f"{goal}。", f"{goal}。全年粮食产量稳定在350万吨以上。", 1),
            closing(goal, exhortation="让我们更加紧密地团结在以习近平同志为核心的党中央周围，锐意进取、埋头苦干，",
                    after=f"{goal}！"),
        ],
        invalid=[
            # the same clause pasted into the closing paragraph, where it does not close it
            closing(goal, after=f"坚持以人民为中心，⟦{goal}。⟧让全市人民的日子越过越红火。"),
        ],
    )


def test_silent_on_a_restatement_the_text_announces():
    # national_1955.txt, line 255: 前面说过，在五年内的工业基本建设的投资中，… repeats line 175 on purpose
    assert_rule(
        "misplaced-fragment",
        valid=[report(urban=f"前面说过，{FRAGMENT}"), report(urban=f"如前所述，{FRAGMENT}")],
        invalid=[report(urban=f"前面几年，⟦{FRAGMENT}⟧")],
    )


# sichuan_2025.txt, lines 13-107: the topic sentence of a review paragraph closes the lead of the plan's
# opening-up section.
TOPIC = "加快构筑向西向南开放战略高地和参与国际竞争新基地。"
REVIEW_AND_PLAN = "\n\n".join([
    "2024年工作回顾",
(
    "（四）聚力打造改革开放新高地。隆重举行邓小平同志诞辰120周年纪念活动。扎实推进省委十二届六次全会改革部署落实，"
    "实施23项“系统集成改革事项”。推进国企改革深化提升行动，省属国有企业“1+8”重点领域改革全面启动，实施川投集"
    "团和省能投集团战略性重组，组建四川科创投资集团、省储备粮集团、省担保集团，四川农商联合银行开业运营。组建民营经济"
    "发展局，健全与民营经营主体常态化沟通交流机制，发布工程建设项目招标文件编制负面清单，开展维护公平竞争市场秩序专项"
    "行动。以控制成本为核心推进优化营商环境改革，降低要素供给、生产经营、制度性交易等成本。"
    ),
(
    "加快构筑向西向南开放战略高地和参与国际竞争新基地。天府、双流国际机场“两场一体”协同高效运营，双流国际机场飞行区"
    "改造完成投用。大力提升成都口岸通关能力，建立鲜活产品快速通关“绿色通道”，进口货物出关时间缩短至1.5小时以内，"
    "北欧的三文鱼最快48小时可从捕捞地端上成都餐桌。"
    ),
    "（五）扎实做好保障改善民生工作。实施民生政策动态调整机制，加快补齐短板弱项。",
    "2025年工作安排建议",
(
    "建设宜居宜业和美乡村。深入学习运用“千万工程”经验，实施“百片引领、千村带动、万村补短”行动，深入开展农村人居环"
    "境整治，实施农村户厕无害化改造，持续推进农村生活污水治理。"
    ),
(
    "（五）扩大高水平对外开放，提升开放型经济发展质效。积极服务国家对外开放总体战略，用好举办成都世界运动会等国际交流"
    "合作重大机遇，全方位推进四川开放发展，加快构筑向西向南开放战略高地和参与国际竞争新基地。"
    ),
(
    "着力扩通道强枢纽。加快对外开放大通道建设，支持成都打造全方位门户复合型国际航空枢纽，实施空中丝绸之路建设三年行动"
    "，恢复和开通更多国际航线，做强国际航空货运基地，推进天府国际机场二期工程前期工作。"
    ),
])


def test_silent_on_a_topic_sentence_of_the_review_that_the_tasks_restate():
    assert REVIEW_AND_PLAN.count(TOPIC) == 2
    assert_rule("misplaced-fragment", valid=[REVIEW_AND_PLAN])
    # with figures it states a result or a target, which a report gives once
    figures = REVIEW_AND_PLAN.replace(TOPIC, "加快构筑向西向南开放战略高地和参与国际竞争新基地，新开通国际航线12条。")
    assert findings_for("misplaced-fragment", figures)


def test_silent_on_a_legal_phrase_that_articles_of_different_chapters_share():
    regulation = (
        "第一章　总则\n\n"
        "第三条　县级以上人民政府应当将公共图书馆事业纳入本级国民经济和社会发展规划，将所需经费列入本级预算，"
        "对在公共图书馆工作中做出显著成绩的单位和个人给予表彰。\n\n"
        "第五章　法律责任\n\n"
        "第二十二条　公共图书馆违反本条例规定，未向社会公众免费开放的，由文化主管部门责令改正；拒不改正的，"
        "对直接负责的主管人员和其他直接责任人员依法给予处分。\n\n"
        "第二十六条　文化主管部门工作人员滥用职权、玩忽职守、徇私舞弊的，"
        "对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。\n"
    )
    assert not findings_for("misplaced-fragment", regulation)


TRANSCRIPT = (
    "主持人：\n\n各位记者朋友，欢迎参加今天的新闻发布会。下面请省统计局局长介绍2025年全省经济运行情况。\n\n"
    "陈卫东：\n\n"
    "一、经济运行总体平稳\n\n"
    "2025年全省地区生产总值增长5.6%。全年全省居民人均可支配收入增长5.4%，其中，城镇居民人均可支配收入49870元，"
    "增长4.7%；农村居民人均可支配收入23415元，增长6.5%。\n\n"
    "二、民生保障有力有效\n\n"
    "全年城镇新增就业56万人，城镇调查失业率平均为5.1%。养老、医疗保险参保率保持在95%以上。\n\n"
    "青川日报记者：\n\n请问去年城乡居民收入增长有什么特点？\n\n"
    "刘雅琴：\n\n"
    "谢谢您的提问。去年城乡居民收入稳步增长。分城乡看，城镇居民人均可支配收入49870元，增长4.7%；"
    "农村居民人均可支配收入23415元，增长6.5%。农村居民收入增速快于城镇居民，城乡收入差距继续缩小。\n\n"
    "主持人：\n\n谢谢各位。今天的新闻发布会到此结束。\n"
)


def test_silent_on_what_a_speaker_restates_in_an_answer():
    # found by a held-out press conference transcript: the headline figures restated in an answer
    assert not findings_for("misplaced-fragment", TRANSCRIPT)
    assert not findings_for("duplicate-sentence", TRANSCRIPT)
    # a report's salutations (各位代表： again and again) are one speaker: no transcript
    report = TRANSCRIPT.replace("主持人：", "各位代表：").replace("陈卫东：", "各位代表：").replace(
        "刘雅琴：", "各位代表：").replace("青川日报记者：", "各位代表：")
    assert findings_for("duplicate-sentence", report) or findings_for("misplaced-fragment", report)


def test_silent_on_the_fields_that_entries_of_a_register_share():
    # found by a held-out 干部任前公示: two cadres in two groups hold the same degree from the
    # same school (在职研究生学历、公共管理硕士学位（青川大学公共管理专业）); the entry's form
    # repeats the field, nobody pasted it
    register = (Path(__file__).resolve().parents[1] / "data" / "clean-texts-w13" / "w13-10-renqian-gongshi.txt")
    assert not findings_for("misplaced-fragment", register.read_text(encoding="utf-8"), "a.txt")
    # a fragment copied between chapters of prose is still found
    assert findings_for("misplaced-fragment", report(urban=f"{FRAGMENT}"))


def test_silent_on_the_closing_formula_of_a_list_of_projects():
    # found by a held-out investment plan: each item ends 2025年计划投资X万元。责任单位：…; two items
    # of different chapters that happen to share the figure share no topic
    items = [
        ("（一）城镇基础设施", "17.县城智慧停车场建设项目（新开工）。建设内容：新建智慧停车泊位1200个，配套充电桩300个。"
         "总投资8200万元，2025年计划投资3500万元。责任单位：县城市管理局。"),
        ("（二）交通设施", "18.县城至高铁站快速通道（续建）。建设内容：新建一级公路12公里。"
         "总投资4.6亿元，2025年计划投资1.2亿元。责任单位：县交通运输局。"),
        ("（三）生态环保", "27.县生活垃圾焚烧发电厂配套工程（新开工）。建设内容：建设渗滤液处理站及飞灰填埋场。"
         "总投资6900万元，2025年计划投资3500万元。责任单位：县城市管理局。"),
        ("（四）社会事业", "30.县人民医院门诊综合楼（续建）。建设内容：新建门诊楼3.2万平方米。"
         "总投资2.1亿元，2025年计划投资8000万元。责任单位：县卫生健康局。"),
    ]
    text = "\n\n".join(f"{heading}\n\n{item}" for heading, item in items)
    assert not findings_for("misplaced-fragment", text)


def test_silent_on_an_indicator_achieved_in_the_review_and_listed_among_the_targets():
    # found by a held-out plan report: the review says 八是… 单位地区生产总值能耗降低完成省下达任务。 and
    # the targets list it again; a table's header row under the review heading sets no chapter
    review = ("一、2024年国民经济和社会发展计划执行情况\n\n序号\t指标\t单位\t2024年计划\t2024年执行\n\n"
              "1\t地区生产总值增长\t%\t6\t6.2\n\n"
              "2024年，全市经济运行总体平稳、稳中有进，主要指标完成情况好于预期，高质量发展迈出坚实步伐。\n\n"
              "八是绿色底色更加鲜亮。单位地区生产总值能耗降低完成省下达任务。中心城区空气质量优良天数比例为86.3%，"
              "比上年提高2.1个百分点，国控断面水质优良比例保持100%，森林覆盖率达到58.6%，生态环境持续改善。\n\n")
    targets = ("二、2025年经济社会发展的主要目标\n\n"
               "2025年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右；规模以上工业增加值增长7%；"
               "社会消费品零售总额增长5.5%；城乡居民人均可支配收入增长与经济增长基本同步；"
               "粮食产量稳定在63万吨以上；单位地区生产总值能耗降低完成省下达任务。")
    assert not findings_for("misplaced-fragment", review + targets)


def test_silent_on_the_labelled_fields_of_a_courts_hearing_schedule():
    # found by a held-out hearing schedule: one judge, room and clerk come back on another day,
    # the same fields of the same form
    schedule = (Path(__file__).resolve().parents[1] / "data" / "clean-texts-w57" / "w57-08-court-hearings.txt")
    assert not findings_for("misplaced-fragment", schedule.read_text(encoding="utf-8"), "a.txt")
    assert findings_for("misplaced-fragment", report(urban=f"{FRAGMENT}"))


HELD_OUT = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("text", [
    # a five-year review: both lists of targets hold the same formula
    "clean-texts-w58/w58-02-wunian-huigu.txt",
    # a new-term report: the lessons of five years, each clause opening with 必须坚持, gloss
    # 以人民为中心 with the formula that the livelihood task says again
    "clean-texts-w102/w102-01-chengchuan-district-2022-new-term.txt",
    # a bulletin of typical cases: each case ends with the same disposition, and the runs two
    # cases share reach further than the formula itself
    "clean-texts-w108/w108-09-jiwei-tongbao-dianxing-anli.txt",
    # a price release: the lead's half-year figure opens the part on the half year
    "clean-texts-w105/08-heting-cpi-yuedu.txt",
])
def test_silent_on_formulas_and_restatements_of_held_out_texts(text):
    # found by held-out texts; a fragment pasted into a paragraph of prose is still reported
    assert not findings_for("misplaced-fragment", (HELD_OUT / text).read_text(encoding="utf-8"), "a.txt")
    assert findings_for("misplaced-fragment", report(urban=f"{FRAGMENT}"))


def test_silent_on_a_goal_the_task_that_delivers_it_restates():
    # found by a held-out water plan: a target under （三）规划目标, restated by the task 城镇节水降损
    plan = (HELD_OUT / "clean-texts-w125/03-tingchuan-shui-anquan.txt").read_text(encoding="utf-8")
    assert not findings_for("misplaced-fragment", plan, "a.txt")
    # the same target left in the task on flood defences, which names nothing of what it measures
    target = "城市公共供水管网漏损率控制在8%以内。"
    task = next(line for line in plan.split("\n") if line.startswith("城镇节水降损"))
    moved = plan.replace(task, task.replace(target, "")).replace("加固、新建堤防64公里。", "加固、新建堤防64公里。" + target)
    [finding] = findings_for("misplaced-fragment", moved, "a.txt")
    assert "提升堤防防洪能力" in finding.message
