from helpers import assert_rule, findings_for

CUT = "培育壮大经营主体。坚持和落实“两个毫不动摇”，⟦大力支持民营企业和民营⟧\n\n经济发展，激发各类经营主体内生动力和发展活力。"


def test_fires_on_paragraphs_cut_by_a_page_break():
    assert_rule(
        "broken-paragraph",
        invalid=[
            CUT,
            "加大社会保障力度。推进社保扩面提质增效。加大医保基金监管力度，⟦开设一批惠民药⟧\n\n房。加强“一老一小”服务保障。",
            "实施科技赋农行动，推动以天麻为代表的食药产品研发生产。力争⟦新培育国家级农业龙头企业⟧\n\n2户，新增“三品一标”70个以上。",
            # a trailing comma or an opening book-title mark: cut in mid-sentence
            "强化部市、院市务实合作，主动对接首都各类资源，⟦中国电子增资麒麟软件，⟧\n\n协和天津基地建设顺利推进。",
            "去年底，⟦国务院发出《⟧\n\n进一步贯彻实施民族区域自治法若干问题的通知》，提出了具体措施。",
            # even a short line is cut when the next one starts with the closing mark it lacks
            "我国已经加入《不扩散核武器条约》。今年又签署了⟦《化学武器公约⟧\n\n》，并将积极履约。",
            # the next paragraph looks like a lead sentence, but the cut left a word hanging
            "加快中心城市组团式发展。持续做大中心城市，⟦推进城市⟧\n\n更新改造全面完成。打造完整社区13个以上。",
        ],
    )


def test_silent_on_headings_titles_and_metadata():
    assert_rule(
        "broken-paragraph",
        valid=[
            "2025年北京市政府工作报告\n\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。",
            "（一）充分发挥经济体制改革牵引作用，努力在重点领域和关键环节取得新突破\n\n全面贯彻落实中央改革决定和市委实施意见，加快推动标志性改革举措落地。",
            "一、2009年工作回顾\n\n过去的一年，是新世纪以来我国经济发展最为困难的一年。",
            "第二，在经济上开始采取了一些新的政策，开始进行经济管理体制的某些改革，整个经济比较活了\n\n农村在放宽政策、发挥优势方面，开辟了一些新的路子。",
            "具体要做好以下工作：\n\n全力抓项目扩投资。扎实推进项目攻坚年。",
            "省长 王予波\n\n各位代表：",
            "# 政府工作报告\n\n## 三、2026年重点工作\n\n2026年是“十五五”规划开局之年，做好今年工作意义重大。",
            "下载\n\n打印\n\n【字号：\n\n加大\n\n还原\n\n减小\n\n】\n\n各位代表：",
        ],
    )


def test_silent_on_complete_paragraphs_and_quotes():
    assert_rule(
        "broken-paragraph",
        valid=[
            "各位代表！实干兴滇，笃行致远。\n\n“十五五”时期是基本实现社会主义现代化夯实基础、全面发力的关键时期。",
            "我们要坚持“人民城市人民建，人民城市为人民”。\n\n加快构建房地产发展新模式。",
            # a paragraph that only lacks its final 。 before a new lead sentence is not a cut
            "推进五里川河流域综合治理，确保“一清水永续北上”\n\n深化污染防治攻坚。加强重点行业挥发性有机物深度治理。",
            "各位代表！蓝图已经绘就，实干创造未来！\n\n》》点击图片进入专题《《",
            "短标题无标点\n\n正文从这里开始，内容完整。",
            "- 列表项一没有标点\n- 列表项二，也没有标点\n\n正文段落。",
        ],
    )


def test_a_page_number_between_the_halves_does_not_hide_the_cut():
    text = "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\n— 12 —\n\n经济发展，激发各类经营主体内生动力。"
    [finding] = findings_for("broken-paragraph", text)
    assert text[finding.related[0].span.start :].startswith("经济发展")
    assert finding.fix is None  # joining would have to delete the page number: layout-artifact's fix


def test_a_newspaper_marker_at_the_end_is_not_a_cut():
    text = "加快推进镇雄低热值煤炭综合利用项目，新增装机100万千瓦以上。\n上接第3版\n\n织密综合交通网。优化推进6条在建高速公路。"
    assert not findings_for("broken-paragraph", text, "report.md")
    text = "加快推进镇雄低热值煤炭综合利用项目，新增装机（下转第二版）\n\n100万千瓦以上。"
    assert findings_for("broken-paragraph", text, "report.txt")


def test_min_length_option():
    text = "深入推进城市更新，用好自主更新政策，改造老旧小区\n\n72个，打造完整社区13个以上。"
    assert findings_for("broken-paragraph", text)
    assert not findings_for("broken-paragraph", text, options={"min-length": 40})


def test_related_span_points_at_the_continuation_and_fix_joins():
    text = CUT.replace("⟦", "").replace("⟧", "")
    [finding] = findings_for("broken-paragraph", text)
    [related] = finding.related
    assert text[related.span.start :].startswith("经济发展")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    [edit] = finding.fix.edits
    assert text[: edit.span.start] + edit.content + text[edit.span.end :] == text.replace("民营\n\n经济", "民营经济")


def test_soft_wrapped_markdown_paragraph_is_one_paragraph():
    text = "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n经济发展，激发各类经营主体内生动力和发展活力。"
    assert not findings_for("broken-paragraph", text, "report.md")
    assert findings_for("broken-paragraph", text, "report.txt")
