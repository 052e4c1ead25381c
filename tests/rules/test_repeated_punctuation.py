from helpers import apply_edit, assert_rule, findings_for


def apply(text: str, finding) -> str:
    for edit in sorted(finding.fix.edits, key=lambda e: e.span.start, reverse=True):
        text = apply_edit(text, edit)
    return text


def test_fires_on_doubled_marks():
    assert_rule(
        "repeated-punctuation",
        invalid=[
            "全面落实中央经济工作会议精神⟦，，⟧完整准确全面贯彻新发展理念。",
            "深入实施提振消费专项行动，加力用好“两新”政策⟦。。⟧规划建设一批特色鲜明的旅游消费休闲街区。",
            "推动集成电路、生物医药⟦、、⟧人工智能等产业加快发展。",
            "持续优化一产⟦；；⟧壮大二产；提升三产。",
            "主要预期目标是⟦：：⟧经济增长5.5%左右。",
            # in a document typed with ASCII marks
            "全力抓项目扩投资⟦,,⟧扎实推进项目攻坚年。",
        ],
    )


def test_fires_on_clashing_marks():
    assert_rule(
        "repeated-punctuation",
        invalid=[
            "加快发展新质生产力⟦，。⟧推动科技创新和产业创新深度融合。",
            "优化一产、壮大二产⟦、，⟧提升三产。",
            "重点抓好十个方面的工作⟦：。⟧",
            "持续优化一产；壮大二产⟦；。⟧提升三产，加快构建现代化产业体系。",
            "统筹好总供给和总需求的关系⟦，、⟧以“两重”“两新”为牵引。",
            "全力抓项目扩投资⟦,.⟧扎实推进项目攻坚年。",
            # a quotation used as part of the sentence loses its final 。
            "坚持“人民城市人民建，人民城市为人民⟦。”，⟧加快构建房地产发展新模式。",
        ],
    )


def test_silent_on_what_gb_t_15834_allows():
    assert_rule(
        "repeated-punctuation",
        valid=[
            "各位代表！蓝图已经绘就，实干创造未来！",
            "这难道不是我们的责任吗？！我们怎能袖手旁观！？",
            "推动文化、旅游、体育等产业……各项事业全面发展。",
            "2025年北京市政府工作报告——2025年1月14日在北京市第十六届人民代表大会第三次会议上",
            "我们要坚持“人民城市人民建，人民城市为人民”。加快构建房地产发展新模式。",
            "他说：“我们一定要把这件事办好。”大家都表示赞同。",
            "完成设备更新6.5万台（套）。（以上数据均为初步统计。）实现消费品以旧换新。",
            "以“两重”“两新”为牵引，进一步发挥投资“主引擎”作用和消费基础性作用。",
            # ASCII runs outside Chinese text: a URL, an English sentence, a version number
            "详见https://www.gov.cn/?a=1,,2，欢迎查阅。",
            "Wait,, what? This is English text.",
            "版本号为v1.0.3，1.加快发展新质生产力。",
            "推动教育、医疗、养老......各项事业全面发展。",
        ],
    )


def test_exact_repeat_fix_deletes_the_copy_and_is_safe():
    text = "全面落实中央经济工作会议精神，，完整准确全面贯彻新发展理念。"
    [finding] = findings_for("repeated-punctuation", text)
    assert finding.message == "点号“，，”重复"
    assert finding.fix.applicability == "safe"
    assert apply(text, finding) == text.replace("，，", "，")
    # a mark typed in both widths keeps the full-width one
    [finding] = findings_for("repeated-punctuation", "加快发展,，推动创新。")
    assert apply("加快发展,，推动创新。", finding) == "加快发展，推动创新。"


def test_clash_fix_keeps_the_longest_pause_and_is_unsafe():
    text = "加快发展新质生产力，。推动科技创新和产业创新深度融合。"
    [finding] = findings_for("repeated-punctuation", text)
    assert finding.message == "点号“，。”连用，应只保留一个"
    assert finding.fix.applicability == "unsafe"
    assert apply(text, finding) == "加快发展新质生产力。推动科技创新和产业创新深度融合。"
    text = "优化一产、壮大二产、，提升三产。"
    [finding] = findings_for("repeated-punctuation", text)
    assert apply(text, finding) == "优化一产、壮大二产，提升三产。"


def test_three_full_stops_are_a_mistyped_ellipsis():
    text = "推动文化、旅游、体育等产业。。。各项事业全面发展。"
    [finding] = findings_for("repeated-punctuation", text)
    assert finding.message == "“。。。”疑为省略号，应为“……”"
    assert apply(text, finding) == "推动文化、旅游、体育等产业……各项事业全面发展。"


def test_stop_inside_a_quotation():
    text = "坚持“人民城市人民建，人民城市为人民。”，加快构建房地产发展新模式。"
    [finding] = findings_for("repeated-punctuation", text)
    assert finding.fix.applicability == "unsafe"
    assert apply(text, finding) == "坚持“人民城市人民建，人民城市为人民”，加快构建房地产发展新模式。"
    text = "他说：“我们一定要把这件事办好。”。大家都表示赞同。"
    [finding] = findings_for("repeated-punctuation", text)
    assert apply(text, finding) == "他说：“我们一定要把这件事办好。”大家都表示赞同。"
    assert not findings_for("repeated-punctuation", "他问：“这件事办好了吗？”，大家都笑了。")


def test_markup_between_the_marks_stays():
    text = "全面落实中央经济工作会议精神，**，**完整准确全面贯彻新发展理念。"
    [finding] = findings_for("repeated-punctuation", text, "case.md")
    assert apply(text, finding) == "全面落实中央经济工作会议精神，****完整准确全面贯彻新发展理念。"


def test_silent_on_a_lost_character_beside_a_mark():
    # a ? where a character was lost in a capture is no 点号 (punctuation-width reports it)
    assert_rule(
        "repeated-punctuation",
        valid=[
            "水利领域，洞庭湖区重点垸堤防加固二期、?水灌区开工建设，大兴寨水库大坝封顶。",
            "9个学科进入前1‰、1个学科进入前1?。医疗服务更加优质高效。",
            "推进“?江新区”规划编制，加快建设（??）高速公路。",
        ],
        invalid=[
            # a question followed by a full stop is a doubled mark, in either width
            "群众满意吗⟦?。⟧这是检验工作的标准。",
            "群众满意吗⟦？。⟧这是检验工作的标准。",
            # the real doubled comma of national_2006, beside a lost character
            "以更加昂扬的斗志，更加奋发有为的精神状态⟦，，⟧更加扎实的工作作风、?水灌区。",
        ],
    )
