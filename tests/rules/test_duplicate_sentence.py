from pathlib import Path

from helpers import assert_rule, findings_for

from reportlint.api import lint_text
from reportlint.config import Config

# hebei_2025.txt, lines 61 and 63: two paragraphs of one section.
REFORM = ("持续推进市场化改革。推动国家改革举措落地见效。高质量完成国企改革深化提升行动。宣传贯彻民营经济促进法。"
          "深化零基预算改革，强化重大战略和基本民生保障。加大培育力度，推动企业高质量上市。"
          "抓好国家级二轮到期延包整县试点，发展壮大新型农村集体经济。深化供销社综合改革。")
OPENING = ("持续扩大高水平开放。推动稳外贸稳外资。实施冀货出海拓市场等行动，培育跨境电商、海外仓等新业态，拓宽中间品出口渠道。"
           "积极发展服务贸易、绿色贸易、数字贸易。推进国际贸易“单一窗口”建设，提高通关便利化水平。")
BUDGET = "深化零基预算改革，强化重大战略和基本民生保障。"
LISTING = "加大培育力度，推动企业高质量上市。"
SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"


def opening_with(inserted: str, after: str = "推动稳外贸稳外资。") -> str:
    return OPENING.replace(after, after + inserted)


def test_fires_on_a_sentence_pasted_into_a_second_paragraph():
    assert_rule(
        "duplicate-sentence",
        invalid=[
            f"{REFORM}\n\n{opening_with(f'⟦{BUDGET}⟧')}",
            # at the end of the later paragraph
            f"{REFORM}\n\n{OPENING}⟦{BUDGET}⟧",
            # two sentences in a row are one finding
            f"{REFORM}\n\n{opening_with(f'⟦{BUDGET}{LISTING}⟧')}",
            # with ASCII punctuation, as pasted from a web page
            f"{REFORM}\n\n{opening_with('⟦深化零基预算改革,强化重大战略和基本民生保障。⟧')}",
            # in the earlier paragraph the sentence ends with ；
            f"{REFORM.replace(BUDGET, BUDGET[:-1] + '；')}\n\n{opening_with(f'⟦{BUDGET}⟧')}",
        ],
    )


def test_silent_on_formulas_and_shared_phrasing():
    assert_rule(
        "duplicate-sentence",
        valid=[
            "各位代表！\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n各位代表！请予审议。",
            # the formulas reports repeat inside longer sentences (tianjin_2025.txt, lines 15 and 71)
            "政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神。\n\n"
            "今年是“十四五”规划收官之年。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，"
            "扎实推进高质量发展。",
            # hebei_2025.txt, lines 37 and 51: a task the summary lists, and later the lead of its own paragraph
            "坚持稳中求进工作总基调，加快建设经济强省、美丽河北，高标准高质量建设雄安新区，深入实施京津冀协同发展战略。\n\n"
            "高标准高质量建设雄安新区。坚持承接疏解和城市建设两手抓，推动央企二、三级子公司和创新业务板块落地。",
            # a refrain inside one paragraph is not a paste
            "人民城市人民建，人民城市为人民，城市发展成果由全体人民共享。我们始终坚信：人民城市人民建，人民城市为人民，城市发展成果由全体人民共享。",
            # a sentence shorter than min-chars
            f"{REFORM}\n\n{opening_with('深化供销社综合改革。')}",
        ],
    )


def both(text: str, *rules: str) -> list[tuple[str, int]]:
    result = lint_text(text, "case.txt", Config(select=rules))
    return [(f.name, f.line) for f in result.findings]


def test_silent_where_duplicate_paragraph_reports():
    # the sample report's lines 80 and 82 share every sentence after the lead: one paragraph pasted twice
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    text = f"{lines[79]}\n\n{lines[81]}"
    assert both(text, "duplicate-paragraph", "duplicate-sentence") == [("duplicate-paragraph", 3)]


def test_reports_a_pasted_paragraph_when_duplicate_paragraph_is_not_selected():
    # issue 15: with duplicate-sentence alone, the pasted paragraph's sentences are its to report
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    text = f"{lines[79]}\n\n{lines[81]}"
    [finding] = findings_for("duplicate-sentence", text)
    assert finding.line == 3 and finding.message.startswith("连续2句“确保51个地表水断面")
    assert both(text, "duplicate-sentence", "misplaced-fragment") == [("duplicate-sentence", 3)]


def test_silent_on_list_items_and_table_cells():
    assert not findings_for("duplicate-sentence", f"- {REFORM}\n- {opening_with(BUDGET)}", "case.md")
    assert not findings_for("duplicate-sentence", f"| {BUDGET} |\n|---|\n| {BUDGET} |", "case.md")


def test_leaves_a_misplaced_copy_to_misplaced_fragment():
    # The sample's one copied sentence (line 70, from line 48) is out of place: RL204 reports it.
    text = SAMPLE.read_text(encoding="utf-8")
    assert ("duplicate-sentence", 70) not in both(text, "duplicate-sentence", "misplaced-fragment")
    assert ("misplaced-fragment", 70) in both(text, "duplicate-sentence", "misplaced-fragment")
    # without misplaced-fragment, the copy is duplicate-sentence's to report (issue 15)
    [finding] = [f for f in findings_for("duplicate-sentence", text) if f.line == 70]
    assert text[finding.span.start : finding.span.end] == "力争新培育国家级农业龙头企业"
    [related] = finding.related
    assert text[related.span.start : related.span.end] == "力争新培育国家级农业龙头企业"
    assert text.count("\n", 0, related.span.start) + 1 == 48


def test_message_and_related_copy():
    text = f"{REFORM}\n\n{opening_with(BUDGET)}"
    [finding] = findings_for("duplicate-sentence", text)
    assert finding.message == "“深化零基预算改革，强化重大战略和基本民生…”已见于前文段落“持续推进市场化改革。”：疑为复制粘贴时重复的句子"
    [related] = finding.related
    assert text[related.span.start : related.span.end] == BUDGET
    assert related.span.start < len(REFORM)


def test_consecutive_sentences_are_one_finding():
    text = f"{REFORM}\n\n{opening_with(BUDGET + LISTING)}"
    [finding] = findings_for("duplicate-sentence", text)
    assert finding.message.startswith("连续2句“深化零基预算改革")
    [related] = finding.related
    assert text[related.span.start : related.span.end] == BUDGET + LISTING
    assert related.message == "前文的相同几句"


def test_min_chars_option():
    text = f"{REFORM}\n\n{opening_with('加大培育力度，推动企业高质量上市。')}"  # 15 Chinese characters
    assert findings_for("duplicate-sentence", text)
    assert not findings_for("duplicate-sentence", text, options={"min-chars": 16})
    short = f"{REFORM}\n\n{opening_with('宣传贯彻民营经济促进法。')}"  # 10
    assert not findings_for("duplicate-sentence", short)
    assert findings_for("duplicate-sentence", short, options={"min-chars": 10})


# sc_employment_promotion_opinions_2018.txt, lines 27 and 31: items of a State Council opinion,
# each closed by the bodies responsible for it.
TRAINING = ("（六）支持困难企业开展职工在岗培训。2019年1月1日至12月31日，困难企业可组织开展职工在岗培训，"
            "所需经费按规定从企业职工教育经费中列支，不足部分经所在地人力资源社会保障部门审核评估合格后，"
            "可由就业补助资金予以适当支持。{note}")
SUBSIDY = ("（八）放宽技术技能提升补贴申领条件。2019年1月1日至2020年12月31日，将技术技能提升补贴申领条件"
           "由企业在职职工参加失业保险3年以上放宽至参保1年以上。参保职工取得职业资格证书或职业技能等级证书的，"
           "可在参保地申请技术技能提升补贴。{paste}所需资金由失业保险基金列支。{note}")


def items(note: str, paste: str = "") -> str:
    return f"{TRAINING.format(note=note)}\n\n{SUBSIDY.format(note=note, paste=paste)}"


def test_silent_on_the_note_that_closes_item_after_item():
    assert_rule(
        "duplicate-sentence",
        valid=[
            items("（人力资源社会保障部、财政部负责）"),
            # sc_ftz_reform_measures_notice_2018.txt, lines 89 and 91
            items("（负责部门：人民银行、银保监会、外汇局）"),
            items("（负责部门：民航局，适用范围：陕西自贸试验区）"),
            # invented: the same convention in a provincial implementation plan, with ASCII brackets
            items("(省发展改革委、省财政厅、省人力资源社会保障厅按职责分工负责)"),
            items("（牵头单位：市人力资源社会保障局；配合单位：市财政局、市税务局）"),
            items("【责任单位：市人力资源社会保障局、市财政局、市税务局】"),
            # invented: a city plan closes its items with a labelled field instead
            items("责任单位：市人力资源社会保障局、市财政局、市税务局。"),
            # a short sentence the document puts after three items is its own formula
            items("所需资金由就业补助资金列支。") + "\n\n（九）开展以工代训。对吸纳就业困难人员的企业给予职业培训补贴。"
            "所需资金由就业补助资金列支。",
        ],
        invalid=[
            # the same short sentence after two items only is a sentence pasted twice
            items("⟦所需资金由就业补助资金列支。⟧").replace("⟦", "", 1).replace("⟧", "", 1),
            # a real sentence pasted next to the note is still a paste
            items("（人力资源社会保障部、财政部负责）",
                  paste="⟦2019年1月1日至12月31日，困难企业可组织开展职工在岗培训，所需经费按规定从企业职工教育经费中列支，"
                        "不足部分经所在地人力资源社会保障部门审核评估合格后，可由就业补助资金予以适当支持。⟧"),
        ],
    )


# gob_badong_geohazard_reply_2004.txt: the ministry's report (附件1) sums up the experts' opinion (附件2).
REPORT = ("附件1\n\n关于湖北省巴东县官渡口镇马鬃山村\n\n地质险情调研情况的报告\n\n国务院：\n\n"
          "专家组两次实地调查了险情最重的水坪洼地及周围坡地上房屋的开裂情况。房屋裂缝多出现在墙壁上，"
          "一般张开宽度1-5毫米，延伸长度一般为0.5-2米。土坯和土石材料房屋开裂较明显，新建的砖混材料房屋开裂轻微。"
          "{paste}裂缝发育分布及变形特性不具明显的规律性。未见明显的地面开裂、塌陷及滑坡现象。\n\n"
          "马鬃山村属湖北省巴东县官渡口镇，位于长江南岸海拔高程480-560米左右的岩溶山区。"
          "村民多居住在自西向东排列的杏子坪、水坪、后湾三个山间岩溶洼地及其周围的坡地上。\n\n"
          "国土资源部\n\n二〇〇四年十月十日")
OPINION = ("附件2\n\n湖北省巴东县官渡口镇马鬃山村\n\n地质险情调查意见\n\n"
           "马鬃山村属湖北省巴东县官渡口镇，位于长江南岸海拔高程480—560米左右的山间洼地区，距江边700—800米。"
           "村民多居住在自西向东排列的杏子坪、水坪、后湾三个山间岩溶洼地及其周围的坡地上。\n\n"
           "专家组4月14日实地调查了据报最为严重的水坪洼地及周围坡地上房屋的开裂情况。"
           "出现裂缝房屋分布在洼地及其周围的坡地上。裂缝发育分布及变形特性不具明显的规律性。"
           "未见明显的地面开裂、塌陷及滑坡现象。\n\n湖北省巴东县官渡口镇马鬃山村\n\n地质险情调查专家组")
# gob_cultural_enterprises_two_rules_notice_2018.txt: one notice issues two regulations.
RULES = ("文化体制改革中经营性文化事业单位\n\n转制为企业的规定\n\n"
         "（十一）经营性文化事业单位转制涉及的原划拨土地，转制后符合《划拨用地目录》的，可继续以划拨方式使用；"
         "不符合《划拨用地目录》的，应当依法实行有偿使用。经省级以上人民政府批准，原生产经营性划拨用地可采用作价出资"
         "（入股）方式配置。\n\n"
         "中央所属转制文化企业的认定，由中央宣传部会同财政部、税务总局确定并发布名单。\n\n"
         "进一步支持文化企业发展的规定\n\n"
         "（十七）文化企业改制涉及的原划拨土地，改制后符合《划拨用地目录》的，可继续以划拨方式使用。"
         "不符合《划拨用地目录》的，应当依法实行有偿使用。文化企业改制为一般竞争性企业的，原生产经营性划拨用地"
         "可采用协议出让或租赁方式进行土地资产处置。")
# A communiqué's news summary, then the communiqué itself (invented on the model of the 新闻联播 captures).
COMMUNIQUE = ("央视网消息（新闻联播）：中国共产党第二十届中央委员会第二次全体会议于2023年2月26日至28日在北京举行。"
              "全会审议通过了《党和国家机构改革方案》，同意把方案的部分内容按照法定程序提交十四届全国人大一次会议审议。"
              "全会号召，全党全军全国各族人民要更加紧密地团结在以习近平同志为核心的党中央周围。\n\n"
              "中国共产党第二十届中央委员会第二次全体会议公报\n\n"
              "（2023年2月28日中国共产党第二十届中央委员会第二次全体会议通过）\n\n"
              "中国共产党第二十届中央委员会第二次全体会议，于2023年2月26日至28日在北京举行。"
              "全会审议通过了《党和国家机构改革方案》，同意把方案的部分内容按照法定程序提交十四届全国人大一次会议审议。"
              "全会认为，深化党和国家机构改革，是推进国家治理体系和治理能力现代化的必然要求。")


def test_silent_on_what_one_document_of_a_file_quotes_from_another():
    assert_rule(
        "duplicate-sentence",
        valid=[f"{REPORT.format(paste='')}\n\n{OPINION}", RULES, COMMUNIQUE],
        invalid=[
            # a sentence pasted twice inside the report is still reported, attachments or not
            f"{REPORT.format(paste='⟦村民多居住在自西向东排列的杏子坪、水坪、后湾三个山间岩溶洼地及其周围的坡地上。⟧')}"
            f"\n\n{OPINION}",
        ],
    )


def test_silent_on_titles_headings_and_signatures_on_lines_of_their_own():
    assert_rule(
        "duplicate-sentence",
        valid=[
            # the title of a plan set on a line of its own twice (a wiki link cut out of its sentence)
            "过去一年，我们制定了\n\n国家中长期科学和技术发展规划纲要\n\n，对科技发展作出全面部署。\n\n"
            "今年要认真落实\n\n国家中长期科学和技术发展规划纲要\n\n，加快建设创新型国家。",
            # a signature that repeats the title of the attachment (gob_badong_geohazard_reply_2004.txt)
            OPINION,
            # a table of contents repeated by the headings, which carry their text
            "目录\n\n第一章　推动高质量发展取得新成效，加快建设现代化产业体系\n\n第二章　坚持创新驱动发展，全面塑造发展新优势\n\n"
            "第一章　推动高质量发展取得新成效，加快建设现代化产业体系\n\n"
            "推动高质量发展取得新成效，加快建设现代化产业体系。正文从这里开始，坚持把发展经济的着力点放在实体经济上。",
        ],
        invalid=[
            # the same words as a sentence of two paragraphs are a sentence pasted twice
            f"{REFORM}要认真落实国家中长期科学和技术发展规划纲要。\n\n"
            f"{opening_with('⟦要认真落实国家中长期科学和技术发展规划纲要。⟧')}",
        ],
    )


# hailar_district_2016.txt, lines 31 and 119: a reform named in the review of five years and again
# among this year's tasks.
REVIEW = ("一、“十二五”时期和2015年工作回顾\n\n"
          "——改革开放不断深入。五年来，始终坚持用改革办法和开放途径破解难题，发展内生动力和市场活力不断释放。"
          "深入推进行政审批制度改革，削减审批事项62项，精简30.5%。推动国有企业改革，探索发展混合所有制经济。"
          "{review}深化农村改革，推进耕地、草牧场流转，完成土地流转10.7万亩。"
          "进一步扩大向北开放，不断深化与俄蒙毗邻地区的交流与合作。")
TASKS = ("三、2016年工作安排\n\n（五）加大改革攻坚力度，进一步提高开放水平\n\n"
         "坚持把改革贯穿于发展各个环节，用改革破解瓶颈制约、激发活力。全面完成机关公务用车改革。"
         "{tasks}做好公共资源交易和政府采购工作。深化农村改革，推进耕地、草牧场承包经营权流转、信贷抵押等制度创新。"
         "深入落实国家“一带一路”战略，进一步扩大向北开放，不断深化与俄蒙毗邻地区的交流与合作。\n\n"
         "全力办好第十二届中国·海拉尔中俄蒙经贸洽谈暨商品展销会。{more}全面提升展会的层次、规模和质量。")


def review_and_tasks(review: str = "", tasks: str = "", more: str = "") -> str:
    return f"{REVIEW.format(review=review)}\n\n{TASKS.format(tasks=tasks, more=more)}"


def test_silent_on_a_task_named_in_the_review_and_again_among_the_tasks():
    assert_rule(
        "duplicate-sentence",
        valid=[
            review_and_tasks(tasks="推动国有企业改革，探索发展混合所有制经济。"),
            # invented: another task named without figures in both chapters
            review_and_tasks(review="持续优化营商环境，打造市场化法治化国际化一流营商环境。",
                             tasks="持续优化营商环境，打造市场化法治化国际化一流营商环境。"),
            # the topic sentence that leads a paragraph in the review and one among the tasks
            f"{REVIEW.format(review='')}\n\n三、2016年工作安排\n\n"
            f"推动国有企业改革，探索发展混合所有制经济。{OPENING}",
            "一、过去五年工作回顾\n\n坚持以人民为中心的发展思想，着力保障和改善民生。城乡居民收入稳步增长，"
            "社会保障体系不断健全。\n\n二、今年政府工作任务\n\n推进健康中国建设。坚持以人民为中心的发展思想，"
            "着力保障和改善民生。深化医药卫生体制改革，提高基本医疗服务水平。",
        ],
        invalid=[
            # a result with its figures pasted among the tasks is a paste
            review_and_tasks(tasks="⟦深入推进行政审批制度改革，削减审批事项62项，精简30.5%。⟧"),
            # a task pasted into a tasks paragraph that has nothing else in common with the review's
            f"{REVIEW.format(review='')}\n\n三、2016年工作安排\n\n{opening_with('⟦推动国有企业改革，探索发展混合所有制经济。⟧')}",
            # or only one phrase, by chance
            f"{REVIEW.format(review='')}\n\n三、2016年工作安排\n\n"
            f"{opening_with('⟦推动国有企业改革，探索发展混合所有制经济。⟧')}深化农村改革，推进耕地、草牧场流转。",
            # and a task pasted twice among the tasks too
            review_and_tasks(more="⟦深化农村改革，推进耕地、草牧场承包经营权流转、信贷抵押等制度创新。⟧"),
        ],
    )


GOALS = ("今年政府工作的总体要求是：坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"
         "奋力谱写中国式现代化河北篇章，以优异成绩庆祝新中国成立七十五周年。")
CLOSING = ("各位代表！新征程上，使命光荣，责任重大。{pasted}"
           "让我们更加紧密地团结在以习近平同志为核心的党中央周围，锐意进取、埋头苦干，"
           "为奋力谱写中国式现代化河北篇章而努力奋斗！{after}")
TASK = "深入实施中长期青年发展规划，发挥工会、共青团、妇联等人民团体作用。"


def test_reports_a_sentence_pasted_into_the_closing_exhortation():
    # The exhortation restates the goal in a clause of its own sentence, which is not a copied
    # sentence; a whole sentence pasted before or after it is.
    text = f"{GOALS}\n\n{OPENING}{TASK}\n\n"
    assert_rule(
        "duplicate-sentence",
        valid=[text + CLOSING.format(pasted="", after="")],
        invalid=[text + CLOSING.format(pasted=f"⟦{TASK}⟧", after=""),
                 text + CLOSING.format(pasted="", after=f"⟦{TASK}⟧")],
    )


# national_1964.txt, lines 129 and 139: a news report's sub-headline sums up the paragraphs below it,
# in their words.
HEADLINE = ("社会主义社会仍然存在阶级和阶级斗争。在社会主义国家中，对资本主义复辟的危险估计不足是完全错误的。"
            "但是，绝不能说资本主义复辟是不可避免的")
BODY = ("周总理指出，在社会主义国家中，对资本主义复辟的危险估计不足是完全错误的。{said}在我们中国，我们有坚定的、"
        "战斗的马克思列宁主义的党，有日益巩固的无产阶级政权，有强大的革命化的人民解放军，有觉悟很高的广大干部和人民群众，"
        "有光荣的革命传统。这就使得资本主义在我国复辟成为很困难的事情。")
LEAD = ("毛主席告诉我们，社会主义社会是一个很长的历史阶段。在这个历史阶段中，必须在经济战线上、政治战线上和思想文化战线上"
        "进行彻底的社会主义革命。{said}因此，在社会主义国家里，仍然存在着资本主义复辟的危险性。")


def test_silent_on_a_sub_headline_that_the_text_below_repeats():
    said = "但是，绝不能说资本主义复辟是不可避免的。"
    assert_rule(
        "duplicate-sentence",
        valid=[f"{HEADLINE}\n\n{LEAD.format(said='')}\n\n{BODY.format(said=said)}"],
        invalid=[
            # the same short sentence in two paragraphs of the text itself is reported
            f"{HEADLINE}\n\n{LEAD.format(said=said)}\n\n{BODY.format(said=f'⟦{said}⟧')}",
        ],
    )


def test_a_title_cut_out_of_its_sentence_does_not_part_the_text():
    # national_1992.txt, line 121: a wiki link on a line of its own names a document; it does not
    # start one, and a paste across it is still a paste
    cut = "去年底，国务院发出《\n\n进一步贯彻实施民族区域自治法若干问题的通知\n\n》，提出了促进民族地区经济和社会发展的措施。"
    assert_rule(
        "duplicate-sentence",
        invalid=[f"{REFORM}\n\n{cut}\n\n{opening_with(f'⟦{BUDGET}⟧')}"],
    )


# A regulation's legal-responsibility formula, article after article (found in a held-out text).
REGULATION = (
    "第一章　总则\n\n"
    "第一条　为了规范公共图书馆的建设和管理，保障公民的基本文化权益，制定本条例。\n\n"
    "第五章　法律责任\n\n"
    "第二十五条　损坏公共图书馆文献信息、设施设备，情节严重的，由文化主管部门给予警告，可以处一千元以下罚款；"
    "构成犯罪的，依法追究刑事责任。\n\n"
    "第二十六条　文化主管部门工作人员在公共图书馆管理工作中滥用职权、玩忽职守、徇私舞弊的，"
    "对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。\n"
)


def test_silent_on_a_legal_formula_that_articles_repeat():
    assert not findings_for("duplicate-sentence", REGULATION)
    # a variant: 依法追究法律责任 in two articles of another regulation
    variant = REGULATION.replace("依法追究刑事责任", "依法追究法律责任")
    assert not findings_for("duplicate-sentence", variant)


def test_reports_a_provision_pasted_whole_into_another_article_and_a_repeat_outside_articles():
    provision = "公共图书馆应当建立健全文献信息资源采购制度，每年新增馆藏不得少于上年度馆藏总量的百分之三，并向社会公布采购目录和经费使用情况。"
    pasted = REGULATION.replace("制定本条例。", "制定本条例。" + provision).replace(
        "依法追究刑事责任。\n\n第二十六条", "依法追究刑事责任。" + provision + "\n\n第二十六条")
    assert [f.code for f in findings_for("duplicate-sentence", pasted)] == ["RL203"]
    report = ("今年要加快推进城市更新行动，改造城镇老旧小区三百个以上。构成犯罪的，依法追究刑事责任。\n\n"
              "同时要加强安全生产监管，严厉打击非法违法生产经营行为。构成犯罪的，依法追究刑事责任。\n")
    assert [f.code for f in findings_for("duplicate-sentence", report)] == ["RL203"]


def test_silent_on_an_indicator_held_at_its_level_in_results_and_targets():
    # found by a held-out report: the level reached last year is this year's target, in the same words
    text = (
        "一、2024年工作回顾\n\n"
        "过去一年，全市地区生产总值增长5.2%；全社会研发经费支出相当于地区生产总值的比例达到4.6%左右；"
        "城镇调查失业率4.8%。\n\n"
        "二、2025年工作安排\n\n"
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长5%左右；"
        "全社会研发经费支出相当于地区生产总值的比例达到4.6%左右；城镇调查失业率5%以内。\n"
    )
    assert not findings_for("duplicate-sentence", text)
    # a whole sentence pasted from the review into the tasks is still reported
    pasted = text.replace("城镇调查失业率5%以内。", "城镇调查失业率5%以内。过去一年，全市地区生产总值增长5.2%，城镇调查失业率4.8%。")
    pasted = pasted.replace("过去一年，全市地区生产总值增长5.2%；", "过去一年，全市地区生产总值增长5.2%，城镇调查失业率4.8%。")
    assert [f.code for f in findings_for("duplicate-sentence", pasted)] == ["RL203"]


def test_silent_on_the_header_row_each_table_of_a_bulletin_repeats():
    # found by a held-out statistical bulletin: tables set as text, one row a line
    table = "表{n}　2024年{what}主要产品产量及其增长速度\n\n产品名称　单位　产量　比上年增长（%）\n\n{rows}"
    assert_rule(
        "duplicate-sentence",
        valid=[
            table.format(n=2, what="农业", rows="粮食　万吨　83.6　1.2\n\n油料　万吨　14.2　3.1")
            + "\n\n全年全部工业增加值1856.3亿元，比上年增长6.4%。\n\n"
            + table.format(n=3, what="规模以上工业", rows="汽车　万辆　18.6　9.4\n\n钢材　万吨　320.5　2.2"),
        ],
        invalid=[
            # a sentence of prose is no row, spaces or not
            "全年全部工业增加值1856.3亿元，比上年增长6.4%。年末规模以上工业企业2846家，全年规模以上工业增加值增长7.1%。\n\n"
            "分门类看，采矿业增加值下降2.8%。⟦年末规模以上工业企业2846家，全年规模以上工业增加值增长7.1%。⟧",
        ],
    )


def test_silent_on_an_item_of_two_target_lists_for_other_periods():
    # found by a held-out 2008 report: the goals to 2012 and this year's targets both hold the
    # same cap; an item pasted into a second list of the same period is still reported
    goals = ("主要目标是：到2030年，全省地区生产总值年均增长6%左右；城镇化率达到70%；"
             "单位地区生产总值能耗累计下降13.5%；城镇调查失业率控制在5.5%以内。")
    targets = ("今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长5%；"
               "居民人均可支配收入增长与经济增长同步；城镇调查失业率控制在5.5%以内。")
    pasted = ("今年要着力扩大内需：社会消费品零售总额增长6%；固定资产投资增长4%；"
              "⟦城镇调查失业率控制在5.5%以内。⟧")
    assert_rule(
        "duplicate-sentence",
        valid=[f"{goals}\n\n{targets}"],
        invalid=[f"{targets}\n\n{pasted}"],
    )


def test_silent_on_the_division_of_work_that_follows_item_after_item():
    # found by a held-out implementation plan: 责任分工：牵头单位：…；配合单位：… after every item,
    # the same lead body for two items
    items = [("加快推进垃圾分类设施建设，新建标准化投放点120个。", "县住房城乡建设局；配合单位：县财政局"),
             ("完善农村生活垃圾收运体系，实现收运全覆盖。", "县农业农村局；配合单位：县财政局、县自然资源局，各乡镇人民政府"),
             ("推进厨余垃圾资源化利用，建设处理中心1座。", "县农业农村局；配合单位：县发展改革委，各乡镇人民政府")]
    text = "\n\n".join(f"（{n}）{task}责任分工：牵头单位：{lead}。" for n, (task, lead) in enumerate(items, 1))
    assert not findings_for("duplicate-sentence", text)


def test_silent_on_an_overview_that_restates_each_chapters_headline_sentence():
    # found by a held-out water bulletin: 一、综述 sums up 三、蓄水动态 in its first sentence
    storage = "2024年末，全省326座大中型水库蓄水总量186.7亿立方米，比年初增加12.4亿立方米。"
    text = (f"一、综述\n\n2024年全省平均降水量1426毫米，比多年平均偏多6.2%。{storage}全省总供水量186.42亿立方米。\n\n"
            "二、水资源量\n\n全省水资源总量1628亿立方米，比多年平均偏多8.5%，其中地表水资源量1594亿立方米。\n\n"
            f"三、蓄水动态\n\n{storage}其中大型水库蓄水151.2亿立方米，中型水库蓄水35.5亿立方米。")
    assert not findings_for("duplicate-sentence", text)
    assert not findings_for("misplaced-fragment", text)
    # outside an overview, the same sentence in two chapters is still a copy
    pasted = text.replace("一、综述", "一、降水量")
    assert [f.line for f in findings_for("duplicate-sentence", pasted)] == [11]


def test_silent_on_two_items_of_one_list_that_end_alike():
    # found by a held-out accident report: the same penalty for two legal representatives
    penalty = "建议由青峪市应急管理局依法对其处以上一年年收入百分之四十的罚款。"
    items = (f"3.甘立新，恒昌公司法定代表人、董事长，未认真履行安全生产管理职责，对事故发生负有责任。{penalty}\n\n"
             f"4.邵俊杰，泓远公司法定代表人，未建立健全本单位有限空间作业安全管理制度，对事故发生负有责任。{penalty}")
    assert not findings_for("duplicate-sentence", items)
    # in two paragraphs of running text the same sentence is still a copy
    prose = items.replace("3.", "").replace("4.", "")
    assert findings_for("duplicate-sentence", prose)


def test_silent_on_an_enumeration_a_budget_states_in_each_section():
    # found by a held-out department budget explanation: the same classes of spending in two overviews
    assert_rule(
        "duplicate-sentence",
        valid=["一、收支预算总体说明\n\n按照综合预算的原则，本部门收入全部纳入预算管理。支出包括：一般公共服务支出、科学技术支出、社会保障和就业支出、住房保障支出。\n\n"
               "二、财政拨款收支预算总体说明\n\n本部门财政拨款支出预算按功能分类安排。支出包括：一般公共服务支出、科学技术支出、社会保障和就业支出、住房保障支出。"],
    )


def test_silent_on_the_addressees_a_report_names_again_before_its_close():
    # found by a held-out audit report to a standing committee: its salutation, a line of
    # addressees, stands at the opening and again before the closing pledge
    salutation = "主任、各位副主任、秘书长、各位委员："
    text = "\n\n".join([salutation, "我受省人民政府委托，向省人大常委会报告2024年度省级预算执行和其他财政收支的审计情况，请予审议。",
                        "审计结果表明，各部门预算执行情况总体较好。", salutation,
                        "我们将自觉接受省人大常委会的指导和监督，依法履行审计监督职责。"])
    assert not findings_for("duplicate-sentence", text)


def test_silent_on_the_formula_that_closes_provisions_quoted_by_an_amending_decision():
    # found by a held-out decision amending several regulations: the new wording of each is
    # quoted after 修改为： / 增加一款：, and the closing clause of liability recurs in them
    first = ("在第二十二条中增加一款，作为第二款：“违反本条例第十条规定，造成燃气设施损坏的，依法承担赔偿责任；"
             "构成犯罪的，依法追究刑事责任。”")
    second = ("将第十七条修改为：“计量检定人员出具虚假检定数据的，由县级以上人民政府市场监督管理部门给予警告，"
              "并处1000元以上1万元以下的罚款；构成犯罪的，依法追究刑事责任。”")
    assert not findings_for("duplicate-sentence", "\n\n".join([first, "十七、删去《计量检定人员管理条例》第八条、第九条。", second]))
    # outside a quotation, a long sentence pasted twice is still one
    pasted = "违反本条例第十条规定，造成燃气设施损坏的，由县级以上人民政府燃气管理部门责令改正，依法承担赔偿责任。"
    assert findings_for("duplicate-sentence", "\n\n".join([f"一是加强管理。{pasted}", "二是完善制度。推进标准化建设。",
                                                           f"三是强化执法。{pasted}"]))


def test_silent_on_a_formula_each_section_fills_with_its_own_figures():
    # found by a held-out audit rectification report: two sections happen to hold the same figures
    def section(number: str, field: str, found: int, done: int) -> str:
        return (f"（{number}）{field}审计方面\n\n审计反映该方面问题{found}个，已完成整改{done}个，正在整改{found - done}个。"
                f"{field}主管部门已建立整改台账，逐项明确责任人和完成时限。")
    sections = [("一", "财政管理", 9, 9), ("二", "重点民生资金", 11, 10), ("三", "政府投资项目", 5, 4),
                ("四", "国有企业", 5, 4)]
    report = "\n\n".join(section(*s) for s in sections)
    assert not findings_for("duplicate-sentence", report)
    # the same sentence in two paragraphs only, with no other section filling it, is still a copy
    assert findings_for("duplicate-sentence", "\n\n".join(section(*s) for s in sections[2:]))


def test_silent_on_a_standing_policy_in_the_review_and_the_task_of_one_subject():
    # found by a held-out report of an autonomous region: the review's and the task's paragraphs on
    # 民族团结进步 both state the same policy, without figures
    policy = "全面推行国家通用语言文字教育教学。"
    review = ("一、2024年工作回顾\n\n（五）民族团结进步事业巩固发展。深入开展铸牢中华民族共同体意识宣传教育。"
              f"{policy}编纂出版各民族交往交流交融史料汇编。")
    tasks = f"二、2025年重点工作\n\n（六）持续深化民族团结进步。推动各民族广泛交往交流交融。{policy}加强乌兰牧骑建设。"
    assert not findings_for("duplicate-sentence", f"{review}\n\n{tasks}")
    # in the task of another subject, the same sentence is a paste
    other = tasks.replace("持续深化民族团结进步", "加快建设现代化产业体系").replace("推动各民族广泛交往交流交融", "培育壮大新兴产业")
    assert findings_for("duplicate-sentence", f"{review}\n\n{other}")
