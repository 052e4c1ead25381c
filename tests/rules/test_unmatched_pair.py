from helpers import assert_rule, findings_for

# Real sentences of the corpus (../shared/corpus/gov-reports), used as they stand or with one
# closing mark deleted, as the quality bench injects the defect.
BEIJING_PLAN = (
    "根据《中共北京市委关于制定北京市国民经济和社会发展第十五个五年规划的建议》，我们编制了"
    "《北京市国民经济和社会发展第十五个五年规划纲要（草案）》（以下简称《纲要草案》），全文提交大会审查。"
)
HEBEI_LEADS = (
    "“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。\n\n"
    "“十五五”时期我省经济社会发展的指导思想是：坚持马克思列宁主义、毛泽东思想、邓小平理论。"
)
HENAN_2025 = "培育国家级专精特新⟦“⟧小巨人企业414家，制造业“单项冠军”企业51家，规上工业企业研发活动覆盖率达到55%。"


def test_fires_on_a_deleted_closing_mark():
    assert_rule(
        "unmatched-pair",
        invalid=[
            # a real defect of henan_2025.txt (line 17)
            HENAN_2025,
            "抢抓国家重大政策机遇，推动⟦“⟧两重“两新”等落地见效，稳住经济基本盘。",
            "根据⟦《⟧中共北京市委关于制定北京市国民经济和社会发展第十五个五年规划的建议，我们编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）》，全文提交大会审查。",
            "拉萨贡嘎机场升级为国际机场，日喀则⟦(⟧吉隆陆上边境口岸型国家物流枢纽获批，国际陆地港出口货物查验场建成投运。",
            "⟦（⟧一充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破",
            # the last quotation of a paragraph, left open at its end
            "打造多业态融合消费场景，举办省旅发大会，⟦“⟧这么近，那么美，周末到河北品牌影响力进一步提升。",
        ],
    )


def test_fires_on_an_inner_mark_closed_by_the_outer_one():
    text = "编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案》，全文提交大会审查。"
    assert_rule("unmatched-pair", invalid=[text.replace("（", "⟦（⟧")])
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "左括号没有对应的右括号"
    [related] = finding.related
    assert text[related.span.start : related.span.end] == "》"
    text = "他说：“要坚持‘人民城市人民建，人民城市为人民”。"
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "左单引号没有对应的右单引号" and text[finding.span.start] == "‘"
    assert text[finding.related[0].span.start] == "”"


def test_fires_on_a_closing_mark_without_its_opening_half():
    assert_rule(
        "unmatched-pair",
        invalid=[
            "推动“两重”“两新”⟦”⟧等落地见效，稳住经济基本盘。",
            "完成设备更新6.5万台(套)⟦)⟧，实现消费品以旧换新销售额19.5亿元。",
        ],
    )
    [finding] = findings_for("unmatched-pair", "完成设备更新6.5万台套），实现消费品以旧换新销售额19.5亿元。")
    assert finding.message == "多出的右括号：前面没有与之配对的左括号"


def test_fires_on_the_halves_of_two_different_pairs():
    # a 》 further on closes the 《: the ） is only one too many
    assert_rule("unmatched-pair", invalid=["编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）⟦）⟧》，全文提交大会审查。"])
    text = "我们编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）），全文提交大会审查。"
    assert_rule("unmatched-pair", invalid=["我们编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）⟦）⟧，全文提交大会审查。"])
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "左书名号与右括号不配对"
    assert text[finding.related[0].span.start] == "《"


def test_silent_on_the_corpus_pairs():
    assert_rule(
        "unmatched-pair",
        valid=[
            BEIJING_PLAN,
            HEBEI_LEADS,
            "拉萨贡嘎机场升级为国际机场，日喀则(吉隆)陆上边境口岸型国家物流枢纽获批，七地(市)大数据中心节点建成运行。",
            "（一）充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破",
            "打造多业态融合消费场景，举办省旅发大会，“这么近，那么美，周末到河北”品牌影响力进一步提升。“新三样”助力出口提质升级。",
            "加强\"三河三湖\" 等重点流域水污染防治。",
            # the sample report writes half-width brackets throughout
            "**(五)构建安全发展新格局。**更好统筹发展和安全两件大事，做实水富5GWh锂离子电池生产基地(二期)等项目前期。",
            # 〔2024〕 document numbers and nested citations
            "按照《国务院办公厅关于进一步优化营商环境的意见》（国办发〔2024〕12号（以下简称《意见》））要求抓好落实。",
        ],
    )


def test_silent_on_a_quotation_over_several_paragraphs():
    # GB/T 15834: each paragraph of the quotation reopens its “, only the last one closes it
    assert_rule(
        "unmatched-pair",
        valid=[
            "习近平总书记指出：“中国式现代化是人口规模巨大的现代化。我国十四亿多人口整体迈进现代化社会。\n\n"
            "“中国式现代化是全体人民共同富裕的现代化。共同富裕是中国特色社会主义的本质要求。\n\n"
            "“中国式现代化是物质文明和精神文明相协调的现代化。”",
        ],
        invalid=[
            # the last paragraph does not close it either
            "习近平总书记指出：“中国式现代化是人口规模巨大的现代化。我国十四亿多人口整体迈进现代化社会。\n\n"
            "⟦“⟧中国式现代化是全体人民共同富裕的现代化。共同富裕是中国特色社会主义的本质要求。\n\n"
            "各位代表，我们要坚定信心。",
            # “十五五”时期… opens the next paragraph with a short quote: no continuation
            HEBEI_LEADS.replace("“十五五”时期是", "⟦“⟧十五五时期是"),
        ],
    )


def test_silent_when_a_page_break_cut_the_pair():
    # national_1992.txt: broken-paragraph reports the cut; one defect, one finding
    assert_rule(
        "unmatched-pair",
        valid=[
            "去年底，国务院发出《\n\n进一步贯彻实施民族区域自治法若干问题的通知\n\n》，提出了促进民族地区经济和社会发展的具体措施。",
            "我国已经加入《\n\n不扩散核武器条约\n\n》，并将为禁止化学武器和生物武器而继续作出努力。",
            # yunnan_2026.txt: a heading's numbering cut in two
            "（\n\n三）改革开放持续深化、互促共进。",
            "创新体系建设工程、“双一流19\n\n— 12 —\n\n6”工程和高校基础设施提质工程。",
        ],
        invalid=[
            # a paragraph that ends its sentence was not cut: the quote is open in one, extra in the other
            "经济向好态势持续巩固。⟦“⟧两重项目全部开工。\n\n向民间资本推介项目⟦”⟧，民间投资稳步回升。",
            # closed three paragraphs later: too far for a page break
            "去年底，国务院发出⟦《⟧\n\n进一步贯彻实施民族区域自治法。\n\n若干问题的通知。\n\n⟦》⟧，提出了具体措施。",
        ],
    )


def test_silent_on_markers_apostrophes_urls_and_english():
    assert_rule(
        "unmatched-pair",
        valid=[
            "主要任务是：1）稳增长；2）促改革；3）调结构。",
            "主要任务包括1）稳增长，2）促改革，3）调结构。",
            "1）深化国资国企改革，推动国有资本向重要行业和关键领域集中。",
            "a) 扩大高水平对外开放；b) 推动共建“一带一路”高质量发展。",
            "一）持续优化营商环境。",
            "西安（Xi’an）是“一带一路”重要节点城市，China’s exports grew.",
            "他说：“这是‘China’s rise’的标志。”留学生联合会（the students’ union）举办了交流活动。",
            "详见政府门户网站 https://zh.wikipedia.org/wiki/Foo_(bar 及有关文件。",
            "屏幕尺寸为12\"的终端设备。",
            # an English paragraph quotes Chinese marks: they are not its punctuation
            'Web-page capture, trailing page chrome kept: "》》点击图片进入专题《《" / "收藏" / "分享到:".',
            "In the Wikisource texts these come from former wiki links (「《」 / 「》」, a bold lead sentence).",
            "统一使用书名号「《」和「》」标示文件名称。",
        ],
    )


def test_fires_on_an_odd_number_of_ascii_quotes():
    # not directional: the pairs are counted, and the last quote is the one left over
    assert_rule("unmatched-pair", invalid=['加强"三河三湖等重点流域水污染防治，推进"两山⟦"⟧理念落地。'])


def test_markdown_links_and_footnotes_are_not_brackets():
    text = "深化[“放管服”改革](https://www.gov.cn/zhengce/(2024)) 与简政放权[^1]。\n\n[^1]: 见《国务院关于深化“放管服”改革的意见》。"
    assert not findings_for("unmatched-pair", text, "report.md")
    text = "深化[“放管服改革](https://www.gov.cn/) 与简政放权[^1]。"
    [finding] = findings_for("unmatched-pair", text, "report.md")
    assert finding.message == "左双引号没有对应的右双引号"


def test_artifacts_are_left_to_layout_artifact():
    # beijing_2026.txt: a web page's font-size toolbar, one item per line
    assert not findings_for("unmatched-pair", "下载\n\n打印\n\n【字号：\n\n加大\n\n还原\n\n减小\n\n】\n\n各位代表：")


def test_silent_on_the_apostrophe_of_a_two_digit_year():
    assert_rule(
        "unmatched-pair",
        valid=[
            "成功举办’99昆明世界园艺博览会，接待中外游客950万人次。",
            "“’98抗洪精神”激励全国人民，‘08奥运会和’10世博会相继成功举办。",
            "举办’99《财富》全球论坛年会，吸引了众多跨国公司负责人。",
        ],
        invalid=[
            # a quotation of a year-named event still needs its closing mark
            "提出建设⟦“⟧’99昆明世博会精品工程的目标，全面完成各项筹备工作。",
            # a ’ after a digit is no year's apostrophe
            "房屋编号为2⟦’⟧99，已登记入册。",
            # ‘99 closed by its ’ is a quotation
            "他说：⟦“⟧这是‘99计划’的核心内容。",
        ],
    )


def test_a_mark_closed_by_the_wrong_half_is_one_finding_when_the_later_quotes_pair_up():
    # national_1986: the later “五五” pairs up, so nothing is left to close the “ of “六五’
    text = ("“五五”末期，国家财政出现较大的赤字。“六五’期间，通过调整和改革，收入增加。"
            "财政收入增加最多的是“五五”时期，而“六五”期间的增加额大大超过“五五”时期。")
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "左双引号与右单引号不配对" and finding.span.start == text.index("’")
    assert finding.related[0].span.start == text.index("“六五’")
    # national_2006: “ typed for 《, and a quotation later in the paragraph
    text = "一是建设社会主义新农村。“纲要（草案）》把解决“三农”问题放在各项战略任务的首位。"
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "左双引号与右书名号不配对"
    assert_rule(
        "unmatched-pair",
        invalid=[
            "“五五”末期出现赤字。“六五⟦’⟧期间收入增加，超过“五五”时期。",
            "我们编制了《纲要（草案）⟦”⟧，“十五五”规划全文提交大会审查。",
        ],
        # a 》 further on that is left for the 《: the ） is only one too many
        valid=["编制了《北京市国民经济和社会发展第十五个五年规划纲要（草案）》，“十五五”规划全文提交大会审查。"],
    )


def test_a_quote_turned_the_wrong_way_is_one_finding():
    assert_rule(
        "unmatched-pair",
        invalid=[
            # national_1982: the opening quote typed as a closing one
            "许多地方开展了“三热爱”活动，正在汇合成一个⟦”⟧五讲四美三热爱”的统一的活动。",
            "推动“两重⟦“⟧“两新”等落地见效，稳住经济基本盘。",
            "他说：“要学习⟦’⟧两个确立’，做到两个维护。”",
            "他说：“要学习‘两个确立⟦‘⟧，做到两个维护。”",
        ],
    )
    text = "正在汇合成一个”五讲四美三热爱”的统一的活动。"
    [finding] = findings_for("unmatched-pair", text)
    assert finding.message == "这个右双引号应为左双引号：”五讲四美三热爱”的引号方向不对"
    assert finding.related[0].span.start == text.rindex("”")


def test_two_unpaired_quotes_that_do_not_enclose_a_short_term_are_two_findings():
    assert_rule(
        "unmatched-pair",
        invalid=[
            # a whole sentence between them: not a quoted term
            "会议指出⟦”⟧要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。推动高质量发展⟦”⟧。",
        ],
    )
