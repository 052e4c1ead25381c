import pytest
from helpers import apply_edit, assert_rule, findings_for

from reportlint.api import lint_text
from reportlint.config import Config
from reportlint.errors import ConfigError

# The sample report, lines 80 and 82: one body under two lead sentences.
GREEN = ("把绿美环境护得更优。推动签署赤水河流域第三轮横向生态保护补偿机制协议，实现优良天数比率上升、"
         "PM2.5平均浓度下降“两个目标”，中心城市空气质量优良率不低于99%。确保51个地表水断面、"
         "20个县级以上集中式饮用水水源地水质达标率保持100%。扎实推进非法倾倒处置固体废物排查整治专项行动，"
         "强化农村“两污”治理，力争农村生活垃圾处理率、生活污水治理率分别达到90%、70%以上。")
SHIELD = ("把生态屏障筑得更牢。抓牢大气污染防治，实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，"
          "中心城市空气质量优良率不低于99%。确保51个地表水断面、20个县级以上集中式饮用水水源地水质达标率保持100%。"
          "扎实推进非法倾倒处置固体废物排查整治专项行动，强化农村“两污”治理，"
          "力争农村生活垃圾处理率、生活污水治理率分别达到90%、70%以上。")
# national_2015.txt, lines 193 and 195: parallel paragraphs that open alike.
LAW = ("坚持依宪施政，依法行政，把政府工作全面纳入法治轨道。宪法是我们根本的活动准则，各级政府及其工作人员都必须严格遵守。"
       "要尊法学法守法用法，依法全面履行职责，所有行政行为都要于法有据，任何政府部门都不得法外设权。")
SERVICE = ("坚持创新管理，强化服务，着力提高政府效能。提供基本公共服务尽可能采用购买服务方式，"
           "第三方可提供的事务性管理服务交给市场或社会去办。扎实开展政府协商，积极推进决策科学化民主化，重视发挥智库作用。")
# national_2010.txt, lines 165 and 167: the second paragraph of a scraped page repeats the end of the first.
FINANCE = ("三是积极扩大直接融资。完善多层次资本市场体系，扩大股权和债券融资规模，更好地满足多样化投融资需求。"
           "四是加强风险管理，提高金融监管有效性。探索建立宏观审慎管理制度，强化对跨境资本流动的有效监控，"
           "防范各类金融风险。继续完善人民币汇率形成机制，保持人民币汇率在合理、均衡水平上的基本稳定。")
RISK = FINANCE[FINANCE.index("四是") :]


def test_fires_on_a_paragraph_pasted_twice():
    assert_rule(
        "duplicate-paragraph",
        invalid=[
            f"{GREEN}\n\n{LAW}\n\n⟦{GREEN}⟧",
            # with ASCII punctuation and stray spaces, as pasted from a web page
            f"{GREEN}\n\n⟦{GREEN.replace('，', ',').replace('。确保', '。 确保')}⟧",
            # a new lead sentence over the same body (the sample, lines 80 and 82)
            f"{GREEN}\n\n⟦{SHIELD}⟧",
            # a sentence dropped
            f"{GREEN}\n\n{SERVICE}\n\n⟦{GREEN.replace('确保51个地表水断面、20个县级以上集中式饮用水水源地水质达标率保持100%。', '')}⟧",
            # a few characters changed
            f"{GREEN}\n\n⟦{GREEN.replace('第三轮', '第四轮').replace('99%', '98%').replace('两污', '三污')}⟧",
            # the whole of an earlier paragraph, and more (national_2010.txt, lines 165 and 167)
            f"{FINANCE}\n\n⟦{RISK}⟧",
            f"{RISK}\n\n⟦{FINANCE}⟧",
        ],
    )


def test_silent_on_parallel_paragraphs_and_shared_formulas():
    assert_rule(
        "duplicate-paragraph",
        valid=[
            f"{LAW}\n\n{SERVICE}",
            f"{GREEN}\n\n{LAW}",
            # beijing_2025.txt:119 and beijing_2026.txt:165 open with the same clause
            "坚持大城市带动大京郊、大京郊服务大城市，落实乡村振兴促进条例，千方百计推动农业增效益、农村增活力、农民增收入。\n\n"
            "坚持以大城市带动大京郊、大京郊服务大城市，完善城乡融合发展体制机制，推动农业基础更加牢固、农村地区更加繁荣、农民生活更加红火。",
            # yunnan_2026.txt, lines 43 and 47
            "这五年，我们有形有感有效铸牢中华民族共同体意识，民族团结进步示范区建设结出新硕果。\n\n"
            "这五年，我们坚定不移走生态优先绿色发展之路，生态文明建设排头兵展现新面貌。",
            # yunnan_2025.txt, lines 197 and 199: parallel definitions that differ in a few words
            "13．职业教育“3+4”中本贯通：中职学校与本科院校选取部分相近专业开展一体化人才联合培养，学生在中职学校就读3年、本科院校就读4年。\n\n"
            "14．职业教育“3+2”高本贯通：高职学校与本科院校选取部分相近专业开展一体化人才联合培养，学生在高职学校就读3年、本科院校就读2年。",
            # formulas every report repeats (tianjin_2025.txt, lines 15 and 71)
            "政府工作的总体要求是：以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，"
            "深入贯彻习近平总书记视察天津重要讲话精神，坚持稳中求进工作总基调。\n\n"
            "今年是“十四五”规划收官之年。以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和二十届二中、三中全会精神，"
            "扎实推进高质量发展，奋力谱写中国式现代化天津篇章。",
        ],
    )


def test_silent_on_headings_short_lines_lists_and_a_sentence_inside_a_long_paragraph():
    assert_rule(
        "duplicate-paragraph",
        valid=[
            "（一）坚持不懈推进新型城镇化建设\n\n正文第一段。\n\n（一）坚持不懈推进新型城镇化建设",
            "各位代表！\n\n我代表市人民政府向大会报告工作。\n\n各位代表！",
            "加快建设现代化产业体系，推动高质量发展。\n\n加快建设现代化产业体系，推动高质量发展。",  # under min-length
            # a one-sentence paragraph that a much longer one repeats is a copied sentence
            f"{LAW}{SERVICE}{GREEN}\n\n宪法是我们根本的活动准则，各级政府及其工作人员都必须严格遵守。",
        ],
    )


def test_silent_on_list_items_and_table_cells():
    # rows of a list or a table repeat by design
    assert not findings_for("duplicate-paragraph", f"- {GREEN}\n- {GREEN}", "case.md")
    assert not findings_for("duplicate-paragraph", f"| {GREEN} |\n|---|\n| {GREEN} |", "case.md")
    assert findings_for("duplicate-paragraph", f"{GREEN}\n\n{GREEN}", "case.md")


def test_message_names_the_earlier_paragraph_and_the_similarity():
    [finding] = findings_for("duplicate-paragraph", f"{GREEN}\n\n{SHIELD}")
    assert finding.message == "本段与前文段落“把绿美环境护得更优。”雷同，相同文字占较短一段的89%：疑为重复粘贴的段落"
    [related] = finding.related
    assert related.span.start == 0 and related.message == "前文的相似段落"
    assert finding.fix is None  # which of two different versions to keep is the editor's call
    [finding] = findings_for("duplicate-paragraph", f"{FINANCE}\n\n{RISK}")
    assert finding.message == "本段文字已全部出现在前文段落“三是积极扩大直接融资。”中（100%）：疑为重复粘贴的段落"


def test_an_exact_copy_comes_with_a_fix_that_deletes_it():
    for text, expected in [
        (f"{GREEN}\n\n{LAW}\n\n{GREEN}\n\n{SERVICE}\n", f"{GREEN}\n\n{LAW}\n\n{SERVICE}\n"),
        (f"{GREEN}\r\n\r\n{LAW}\r\n\r\n{GREEN}\r\n", f"{GREEN}\r\n\r\n{LAW}\r\n"),
        (f"{GREEN}\n\n{GREEN}", GREEN),
        (f"# 报告\n\n**{GREEN}**\n\n{GREEN}\n\n{LAW}", f"# 报告\n\n**{GREEN}**\n\n{LAW}"),
    ]:
        [finding] = findings_for("duplicate-paragraph", text, "case.md")
        assert "完全相同" in finding.message
        assert finding.fix is not None and finding.fix.applicability == "unsafe"
        [edit] = finding.fix.edits
        assert apply_edit(text, edit) == expected


def test_threshold_and_min_length_options():
    text = f"{GREEN}\n\n{SHIELD}"
    assert findings_for("duplicate-paragraph", text, options={"threshold": 0.85})
    assert not findings_for("duplicate-paragraph", text, options={"threshold": 0.9})
    short = "加快建设现代化产业体系，推动高质量发展。"
    assert findings_for("duplicate-paragraph", f"{short}\n{short}", options={"min-length": 12})
    assert not findings_for("duplicate-paragraph", f"{GREEN}\n{GREEN}", options={"min-length": 300})


@pytest.mark.parametrize("options", [{"threshold": 0}, {"threshold": 1.5}, {"min-length": 5}, {"threshold": "高"}])
def test_invalid_options_are_refused(options):
    config = Config(select=("duplicate-paragraph",), rule_options=(("duplicate-paragraph", tuple(options.items())),))
    with pytest.raises(ConfigError):
        lint_text(GREEN, "case.txt", config)


# pbc_virtual_currency_risk_notice_2026.txt, lines 21 and 23: one mechanism for each of two
# matters, each led by its own agency.
PBOC = ("（三）部门协同联动。中国人民银行会同国家发展改革委、工业和信息化部、公安部、市场监管总局、金融监管总局、"
        "中国证监会、国家外汇局等部门健全工作机制，并与中央网信办、最高人民法院、最高人民检察院加强协调、形成合力，"
        "统筹指导各地区开展虚拟货币相关非法金融活动风险防范和处置工作。")
CSRC = ("中国证监会会同国家发展改革委、工业和信息化部、公安部、中国人民银行、市场监管总局、金融监管总局、国家外汇局等部门"
        "健全工作机制，并与中央网信办、最高人民法院、最高人民检察院加强协调、形成合力，"
        "统筹指导各地区开展现实世界资产代币化相关非法金融活动风险防范和处置工作。")
# Invented on the model of a regulation: the withholding agent's duty, then the taxpayer's.
AGENT = ("第二十四条　扣缴义务人应当按照国家规定办理全员全额扣缴申报，并在代扣税款的次月十五日内向主管税务机关报送"
         "其支付所得的所有个人的有关信息、支付所得数额、扣除事项和数额以及其他相关涉税信息资料。")
PAYER = ("第二十五条　纳税人应当按照国家规定办理全员全额扣缴申报，并在代扣税款的次月十五日内向主管税务机关报送"
         "其支付所得的所有个人的有关信息、支付所得数额、扣除事项和数额以及其他相关涉税信息资料。")


def test_silent_on_parallel_provisions_for_different_subjects():
    assert_rule(
        "duplicate-paragraph",
        valid=[
            f"{PBOC}\n\n{CSRC}",
            f"{AGENT}\n\n{PAYER}",
            # invented: two bureaus of a city plan given the same duty
            "市发展改革委牵头建立重大项目全生命周期服务机制，对列入省市重点的项目实行专班推进、清单管理、"
            "挂图作战，每季度通报进展情况，确保年度投资计划全面完成。\n\n"
            "市工业和信息化局牵头建立重大项目全生命周期服务机制，对列入省市重点的项目实行专班推进、清单管理、"
            "挂图作战，每季度通报进展情况，确保年度投资计划全面完成。",
        ],
        invalid=[
            # the same provision pasted again, its subject mistyped, is one provision twice
            f"{PBOC}\n\n⟦{PBOC.replace('中国人民银行会同', '中国人民很行会同')}⟧",
            f"{AGENT}\n\n⟦{AGENT.replace('第二十四条', '第二十五条')}⟧",
            # with a new lead sentence over the same body, the body is still pasted twice
            f"{PBOC}\n\n⟦{PBOC.replace('（三）部门协同联动。', '（四）强化属地落实。')}⟧",
        ],
    )


# gob_badong_geohazard_reply_2004.txt, lines 41 and 81: the ministry's report quotes the experts'
# opinion, attached to the same reply.
CAUSE = ("专家组认为：根据现场调查，地震监测和地质勘探资料并结合其与三峡水库135米水位蓄水的时空关系的综合分析，"
         "倾向于认为是由浅源地震造成的，不能排除与水库蓄水活动有关；在今后水库进一步抬高水位（156米及175米）时"
         "也有再次发生的可能性；对其再次发生时的强度及影响范围的大小，现时难以准确预测。")
QUOTED = CAUSE.replace("专家组认为：", "对于马鬃山房屋开裂的原因，专家组认为：").replace("米", "m")
ATTACHED = ("附件1\n\n关于湖北省巴东县官渡口镇马鬃山村\n\n地质险情调研情况的报告\n\n国务院：\n\n{report}\n\n国土资源部\n\n"
            "附件2\n\n湖北省巴东县官渡口镇马鬃山村\n\n地质险情调查意见\n\n{opinion}\n\n地质险情调查专家组")


def test_silent_on_a_document_of_the_file_that_quotes_another():
    assert_rule(
        "duplicate-paragraph",
        valid=[ATTACHED.format(report=CAUSE, opinion=QUOTED)],
        invalid=[
            # within one of them, a paragraph pasted twice is still one
            ATTACHED.format(report=f"{CAUSE}\n\n{GREEN}\n\n⟦{QUOTED}⟧", opinion=LAW),
            # and an exact copy is reported wherever it stands
            ATTACHED.format(report=CAUSE, opinion=f"⟦{CAUSE}⟧"),
        ],
    )


def test_silent_on_headings_repeated_from_a_table_of_contents():
    heading = "坚持创新驱动发展，全面塑造发展新优势，加快建设科技强国和制造强国"
    assert_rule("duplicate-paragraph", valid=[f"目录\n\n{heading}\n\n{GREEN}\n\n{heading}\n\n{LAW}"])


def test_silent_on_a_note_repeated_among_the_closing_notes():
    # nhc_health_2024.txt, lines 243 and 279: a bulletin's note under its section and among its notes
    note = "人口概况数据中，出生人口性别比根据住院分娩活产数据计算，其余为国家统计局公布数据。"
    assert_rule(
        "duplicate-paragraph",
        valid=[f"{GREEN}\n\n注：{note}\n\n{LAW}\n\n注解：\n\n13. {note}",
               f"{GREEN}\n\n注：{note}\n\n{LAW}\n\n注：{note}"],
        invalid=[f"{GREEN}\n\n{note}{LAW}\n\n⟦{note}{LAW}⟧"],
    )


def test_reports_a_capture_that_repeats_its_opening_after_its_title():
    # sichuan_2026.txt, lines 1, 27 and 281-283: the page ends with the title and the opening again
    opening = "现在，我代表省人民政府，向大会报告工作，请予审议，并请省政协委员提出意见。"
    text = (f"2026年四川省人民政府工作报告\n\n{opening}\n\n{GREEN}\n\n{LAW}\n\n相关链接>>\n\n"
            "四川省第十四届人民代表大会第五次会议关于政府工作报告的决议\n\n打印本页\n\n关闭窗口\n\n"
            f"2026年四川省人民政府工作报告\n\n⟦各位代表：{opening}⟧")
    assert_rule("duplicate-paragraph", invalid=[text])
    # repeated as it was, duplicate-sentence reports it when duplicate-paragraph does not run
    again = text.replace("⟦各位代表：", "").replace("⟧", "")
    assert [f.line for f in findings_for("duplicate-sentence", again)] == [19]


def test_silent_on_one_formula_filled_in_with_other_figures():
    # an emergency plan defines its grades in one formula: most figures of one grade are not in
    # the other, which a pasted copy (keeping its figures, or changing one) never does
    grades = [
        "（2）大型森林火灾。火情：过火受害森林面积100公顷以上、1000公顷以下，或者因火灾造成人员死亡和失踪"
        "10人以上、30人以下的。影响：需紧急转移安置受威胁群众1000人以上、5000人以下，或者因火灾造成直接经济损失"
        "500万元以上、1000万元以下的。",
        "（3）中型森林火灾。火情：过火受害森林面积1公顷以上、100公顷以下，或者因火灾造成人员死亡和失踪"
        "3人以上、10人以下的。影响：需紧急转移安置受威胁群众100人以上、1000人以下，或者因火灾造成直接经济损失"
        "100万元以上、500万元以下的。",
        "（4）小型森林火灾。火情：过火受害森林面积1公顷以下，或者因火灾造成人员死亡和失踪3人以下的。"
        "影响：需紧急转移安置受威胁群众100人以下，或者因火灾造成直接经济损失100万元以下的。",
    ]
    copy = grades[0].replace("30人以下", "40人以下")
    assert_rule(
        "duplicate-paragraph",
        valid=["\n\n".join(grades)],
        invalid=[f"{grades[0]}\n\n{GREEN}\n\n⟦{copy}⟧"],
    )


def test_silent_on_an_amending_decision_and_the_regulation_republished_after_it():
    # found by a held-out 决定: it quotes the new article whole, and the republished 办法 carries it
    article = "公安机关交通管理部门负责城市道路挖掘施工期间的交通安全管理工作。自然资源和规划、住房城乡建设等部门按照各自职责，做好相关管理工作。"
    decision = (f"榆川市人民政府关于修改《榆川市城市道路挖掘管理办法》的决定\n\n市人民政府决定对该办法作如下修改：\n\n"
                f"一、将第四条修改为：“市城市管理部门负责全市城市道路挖掘的监督管理工作。\n\n“{article}”\n\n"
                f"《榆川市城市道路挖掘管理办法》根据本决定作相应修改，重新公布。\n\n榆川市城市道路挖掘管理办法\n\n"
                f"第四条　市城市管理部门负责全市城市道路挖掘的监督管理工作。\n\n{article}")
    blanks = "第十一条　其他约定事项：\n\n" + "＿" * 30 + "\n\n" + "＿" * 30 + "\n\n第十二条　本合同一式两份。"
    assert_rule(
        "duplicate-paragraph",
        valid=[decision, blanks],
        # within one document, the same article twice is still a paste
        invalid=[f"第四条　市城市管理部门负责全市城市道路挖掘的监督管理工作。\n\n{article}\n\n第五条　挖掘城市道路应当经批准。\n\n⟦{article}⟧"],
    )


def test_silent_on_the_fields_a_plan_sets_under_each_item():
    # found by a held-out plan: one unit leads two projects, and each project carries its fields
    lead = "牵头单位：市住房城乡建设局；责任单位：各县（市、区）人民政府"
    assert_rule(
        "duplicate-paragraph",
        valid=[f"（二）老旧小区改造。完成改造120个。\n\n{lead}。\n\n（十）城市燃气管道更新。更新管道80公里。\n\n"
               f"{lead}，市公安局、市自然资源规划局。"],
        # one field that holds a sentence is prose, and a copy of it is still reported
        invalid=["主要目标：到2027年，全市老旧小区改造全面完成，城市燃气管道老化更新改造任务基本完成。\n\n"
                 "⟦主要目标：到2027年，全市老旧小区改造全面完成，城市燃气管道老化更新改造任务基本完成。⟧"],
    )


def test_silent_on_two_entries_of_a_register_that_share_their_fields():
    # found by a held-out hearing schedule: two closed hearings before one judge differ only in
    # their case and cause; an exact copy of an entry is still reported
    entry = "10.（2025）澜0102民初6138号，离婚纠纷一案（涉及个人隐私，依法不公开开庭审理）。开庭时间：15:00；地点：东湖人民法庭；审判员：钟明亮（独任审理）；书记员：黄诗雨。"
    other = entry.replace("10.", "19.").replace("6138", "6230").replace("离婚", "继承")
    assert_rule("duplicate-paragraph", valid=[f"{entry}\n\n{other}"], invalid=[f"{entry}\n\n⟦{entry}⟧"])


def test_silent_on_the_lines_of_a_form_to_fill_in():
    # found by held-out forms and a model contract: the same labelled blank under each party
    assert_rule(
        "duplicate-paragraph",
        valid=["甲方（出租方）：____________________\n\n身份证号码（或统一社会信用代码）：____________________\n\n"
               "乙方（承租方）：____________________\n\n身份证号码（或统一社会信用代码）：____________________",
               "身份证号码：____________________\n\n工作单位及职务：____________________"],
    )
