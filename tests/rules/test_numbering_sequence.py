from pathlib import Path

from helpers import assert_rule, findings_for

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"

# Real headings and body paragraphs (beijing_2025, hebei_2025, national_2010, yunnan_2025).
H1 = "一、2024年工作回顾"
H2 = "二、2025年工作总体要求和重点任务"
H3 = "三、2025年重点工作"
S1 = "（一）经济运行总体平稳、稳中有进。抢抓国家重大政策机遇，推动“两重”“两新”等落地见效。"
S2 = "（二）重大战略走深走实、成效明显。坚持全域对接、全面承接，机遇优势加速转化为发展红利。"
S3 = "（三）转型升级步伐加快、提质增效。注重以科技创新引领产业创新，因地制宜发展新质生产力。"
S4 = "（四）改革开放加力提速、深化拓展。认真落实党中央改革部署，成功争取一批国家重大政策改革试点。"
BODY = "过去的一年，是新世纪以来我国经济发展最为困难的一年。"


def lines(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


def test_fires_on_a_skipped_number():
    assert_rule(
        "numbering-sequence",
        invalid=[
            lines(H1, S1, S2, S4.replace("（四）", "⟦（四）⟧")),
            lines(H1, BODY, H3.replace("三、", "⟦三、⟧"), S1),
            # half-width brackets count the same (punctuation-width reports them)
            lines("(一)坚决维护社会和谐稳定。扎实推进中华民族共同体建设。",
                  "(二)全力以赴稳预期促增长。坚持稳中求进、以进促稳。",
                  "⟦(五)⟧统筹推进城乡融合发展。坚持农业农村优先发展。"),
            # body paragraphs numbered 1. 2. under a heading
            lines("（十一）保障和改善民生，增强人民群众获得感幸福感安全感",
                  "1.医疗卫生方面。为全省重点人群免费开展结直肠癌筛查。",
                  "2.养老帮困方面。新增养老护理、应急救护“双持证”护理员8000人。",
                  "⟦4.⟧就业创业方面。推进“30分钟职业技能培训圈”建设。"),
            # a document whose numbering starts at （二） after body text lacks （一）
            lines(BODY, S2.replace("（二）", "⟦（二）⟧"), S3),
        ],
    )


def test_fires_on_a_repeated_number_once():
    assert_rule(
        "numbering-sequence",
        invalid=[
            lines(H1, S1, S2, S2.replace("（二）", "⟦（二）⟧"), S3),
            # （三） renumbered （二）: the run goes on at （四） without a second finding
            lines(H1, S1, S2, S3.replace("（三）", "⟦（二）⟧"), S4),
            lines(H1, BODY, H1.replace("一、", "⟦一、⟧"), BODY, H3),
            lines("（1）加快推进镇雄低热值煤炭综合利用项目。", "⟦（1）⟧优化推进6条在建高速公路。"),
        ],
    )


def test_fires_when_a_child_level_does_not_restart_under_its_parent():
    assert_rule(
        "numbering-sequence",
        invalid=[
            # 二、 restarts at （一）: that is the document's habit, and 三、 continues 二、's count
            lines(H1, S1, S2, H2, S1, S2, H3, S3.replace("（三）", "⟦（三）⟧"), S4),
            # the habit is read from the whole document: the restart may come later
            lines(H1, S1, S2, H2, S3.replace("（三）", "⟦（三）⟧"), S4, H3, S1, S2),
            # the first child of a new parent is missing
            lines(H1, S1, S2, H2, S2.replace("（二）", "⟦（二）⟧"), S3),
        ],
    )


def test_a_deleted_chapter_heading_is_reported_once_at_the_next_chapter():
    # 二、 is gone: its （一）（二） start afresh (silent), 三、 follows 一、
    assert_rule("numbering-sequence", invalid=[lines(H1, S1, S2, S1, S2, H3.replace("三、", "⟦三、⟧"), S1)])


def test_messages_name_the_missing_number_and_point_at_the_previous_one():
    text = lines(H1, S1, S2, S4)
    [finding] = findings_for("numbering-sequence", text)
    assert finding.message == "序号“（四）”前缺少“（三）”：“（二）”之后直接出现“（四）”"
    [related] = finding.related
    assert text[related.span.start :].startswith("（二）重大战略")
    [finding] = findings_for("numbering-sequence", lines(H1, S1, S2, S2))
    assert finding.message == "序号“（二）”重复"
    text = lines(H1, S1, S2, H2, S1, S2, H3, S3)
    [finding] = findings_for("numbering-sequence", text)
    assert finding.message == (
        "序号“（三）”接着上一部分的“（二）”编号：本文件在新的上级标题下重新编号（“二、”下从“（一）”开始），"
        "“三、”下也应从“（一）”开始"
    )
    assert [text[r.span.start :][:3] for r in finding.related] == ["（二）", "（一）"]
    text = lines(H1, S1, S2, S2.replace("（二）", "（五）"))
    assert findings_for("numbering-sequence", text)[0].message.startswith("序号“（五）”前缺少“（三）”“（四）”")
    text = lines("1.坚持创新驱动。", "2.坚持改革开放。", "7.坚持绿色发展。")
    assert findings_for("numbering-sequence", text)[0].message.startswith("序号“7.”前缺少“3.”至“6.”")


def test_silent_on_the_sample_report():
    # it starts at (五) after 上接第3版, then 三、 restarts (一)…(八)
    text = SEED.read_text(encoding="utf-8")
    assert not findings_for("numbering-sequence", text, SEED.name)


def test_silent_on_real_outlines():
    assert_rule(
        "numbering-sequence",
        valid=[
            # a child level restarts under each parent
            lines(H1, S1, S2, S3, H2, S1, S2, H3, BODY),
            # a skipped level (一、 then 1.) restarts under each parent it has
            lines(H1, "1.稳定和扩大就业。实现城镇新增就业50万人。", "2.深化“一老一小”关爱服务。",
                  H2, "1.实施银龄人才计划。", "2.推动法律援助扩面提质。", "3.持续整治提升农村人居环境。"),
            # an excerpt that begins mid-run after a continuation marker
            lines("政府工作报告", "上接第3版", "(五)构建安全发展新格局。更好统筹发展和安全两件大事。",
                  H3, "(一)千方百计扩大经济总量。坚定信心，铆足干劲。", "(二)坚定不移壮大资源经济。坚持发现优势。"),
            # an annex and a glossary number afresh
            lines(H3, S1, S2, "名词解释", "1.“两重”：国家重大战略实施和重点领域安全能力建设。",
                  "2.“两新”：大规模设备更新和消费品以旧换新。", "附件", "2025年10件惠民实事", "一、稳定和扩大就业",
                  "二、深化“一老一小”关爱服务", "三、实施银龄人才计划"),
            # 第一，… leads restart under each chapter (national_1980)
            lines("一、国民经济在调整、改革、整顿、提高中取得了新的进展",
                  "第一，重大的比例关系正在朝着协调的方向发展，国民经济持续增长",
                  "第二，在经济上开始采取了一些新的政策，开始进行经济管理体制的某些改革",
                  "二、1981年国民经济计划的任务和主要指标",
                  "三、采取有力措施，保证1980、1981年计划的完成",
                  "第一，实行能源的开发和节约并重，近期要把节能放在优先的地位"),
            # chapters run on through the parts of a plan
            lines("第一篇 开启全面建设社会主义现代化国家新征程", "第一章 发展环境", "第二章 指导方针",
                  "第二篇 坚持创新驱动发展", "第三章 强化国家战略科技力量", "第四章 提升企业技术创新能力"),
            # two numerals joined by a 顿号 are a range, not a restart
            lines(H1, S1, S2, "一、二线城市房地产市场总体平稳，三四线城市去库存取得积极成效。", S3),
            lines("1.“两重”：国家重大战略实施和重点领域安全能力建设。", "2.“两新”：大规模设备更新和消费品以旧换新。",
                  "1、2月份规模以上工业增加值同比增长7.2%。", "3.“厅局长坐诊接诉”：省级部门主要负责同志坐诊接诉。"),
        ],
    )


def test_numbers_cut_by_a_page_break_or_read_as_decimals_still_count():
    assert_rule(
        "numbering-sequence",
        valid=[
            # yunnan_2026: the opening bracket of （三） stayed on the line before (broken-paragraph reports it)
            lines("（一）经济运行顶住压力、稳中有进。", "（二）产业发展提质增效、转型加快。", "（",
                  "三）改革开放持续深化、互促共进。", "（四）城乡发展齐头并进、更趋协调。"),
            # yunnan_2025: "3．10种" is item 3, not the decimal 3.10
            lines("1.“两重”：国家重大战略实施和重点领域安全能力建设。", "2.“两新”：大规模设备更新和消费品以旧换新。",
                  "3．10种有色金属：铜、铅、锌、镍、锡、锑、铝、镁、硅、钛。", "4.“厅局长坐诊接诉”：省级部门主要负责同志坐诊接诉。"),
        ],
    )


def test_markdown_lists_tables_and_quotes_are_not_counted():
    lazy = "1. 坚持创新驱动，加快发展新质生产力。\n1. 坚持改革开放，增强发展动力活力。\n1. 坚持绿色发展，建设美丽中国。\n"
    assert not findings_for("numbering-sequence", lazy, "report.md")
    # in plain text the same numbers are the author's
    assert len(findings_for("numbering-sequence", lazy.replace("\n", "\n\n"), "report.txt")) == 2
    table = "| 序号 | 任务 |\n|---|---|\n| 1. | 稳定和扩大就业 |\n| 3. | 实施银龄人才计划 |\n"
    assert not findings_for("numbering-sequence", table, "report.md")
    quoted = f"{H1}\n\n{S1}\n\n> （三）转型升级步伐加快、提质增效。\n\n{S2}\n"
    assert not findings_for("numbering-sequence", quoted, "report.md")
    heading = f"## {H1}\n\n{S1}\n\n{S2}\n\n## 三、2025年重点工作\n"
    assert [f.line for f in findings_for("numbering-sequence", heading, "report.md")] == [7]


def test_counting_down_is_reported_unless_an_unnumbered_heading_starts_another_list():
    assert_rule("numbering-sequence", invalid=[lines(H1, S1, S2, S3, S2.replace("（二）", "⟦（二）⟧"))])
    sections = "## 就业\n\n1. 城镇新增就业50万人。\n\n2. 农村劳动力转移就业1500万人。\n\n3. 职业技能培训36万人次。\n\n"
    sections += "## 教育\n\n2. 新增公办普通高中新生学位2万个。\n"
    assert not findings_for("numbering-sequence", sections.replace("1. ", "1.").replace("2. ", "2.").replace("3. ", "3."), "report.md")


def test_lists_inside_paragraphs():
    assert_rule(
        "numbering-sequence",
        invalid=[
            "今年重点抓好三方面工作：一是稳定宏观经济大盘；二是扩大有效需求；⟦四是⟧防范化解重点领域风险。",
            lines("继续实施适度宽松的货币政策。一是保持货币信贷合理充裕。", "二是优化信贷结构。落实有保有控的信贷政策。",
                  "三是积极扩大直接融资。完善多层次资本市场体系。四是加强风险管理，提高金融监管有效性。",
                  "⟦四是⟧加强风险管理，提高金融监管有效性。"),
            "稳定经济要把握好几点：第一，坚持稳中求进；⟦第三⟧，坚持系统观念。",
            # national_1980 writes its 第一，… leads as headings
            lines("一、国民经济在调整、改革、整顿、提高中取得了新的进展",
                  "第一，重大的比例关系正在朝着协调的方向发展，国民经济持续增长", BODY,
                  "⟦第三⟧，随着国民经济比例关系的调整、经济管理体制改革和企业整顿的进展，各方面的经济效果提高了"),
            # national_2015: items that open paragraphs may each have a few paragraphs
            lines("第一，稳定和完善宏观经济政策。继续实施积极的财政政策和稳健的货币政策。", BODY, BODY, BODY, BODY,
                  "⟦第三⟧，培育和催生经济社会发展新动力。"),
        ],
        valid=[
            # beijing_2026: lists that start afresh at 一是
            lines("聚焦实现“十五五”时期目标，要把握好以下原则：一是坚持党的全面领导。二是坚持人民至上。三是坚持高质量发展。",
                  "今年将重点抓好以下工作：一是扩大有效需求，二是发展新质生产力，三是深化改革开放。"),
            # paragraphs that open with 一是, 二是 (xizang_2025)
            lines("一是稳定态势持续向好。牢固树立总体国家安全观。", "二是发展动能不断增强。完成重点项目投资1700亿元以上。",
                  "三是潜力优势日益显现。打好农牧业提质增效攻坚战。"),
            # words, rankings and industries, not list items
            "坚持全国一盘棋，统一是前提。主要经济指标增速居全国第一，第一、第三产业增加值分别增长2.5%、3.9%。",
            # a later 二是 far from its list belongs to another list
            lines("一是稳定态势持续向好。", "二是发展动能不断增强。", *[BODY] * 9, "二是安全屏障更加稳固。"),
            lines("当前经济运行存在一些突出矛盾：一是有效需求不足；二是企业经营困难。", BODY, BODY, BODY, BODY,
                  "二是保持稳增长与调结构的平衡。"),
        ],
    )


def test_inline_lists_option():
    text = "今年重点抓好三方面工作：一是稳定宏观经济大盘；二是扩大有效需求；四是防范化解重点领域风险。"
    assert not findings_for("numbering-sequence", text, options={"inline-lists": False})


# Central and State Council documents number their items across their parts (cpc_15th_fyp_proposal_2025,
# sc_agricultural_mechanization_opinion_2018); regulations number articles through their chapters.
CPC = [
    "一、“十五五”时期是基本实现社会主义现代化的关键时期",
    "（1）“十四五”时期我国发展取得重大成就。",
    "（2）“十五五”时期在基本实现社会主义现代化进程中具有承前启后的重要地位。",
    "（3）“十五五”时期我国发展环境面临深刻复杂变化。",
    "二、“十五五”时期经济社会发展的指导方针和主要目标",
    "（4）“十五五”时期经济社会发展的指导思想。",
    "（5）“十五五”时期经济社会发展必须遵循的原则。",
    "（6）“十五五”时期经济社会发展的主要目标。",
    "三、建设现代化产业体系，巩固壮大实体经济根基",
    "（7）优化提升传统产业。",
    "（8）培育壮大新兴产业和未来产业。",
]
SC = [
    "一、总体要求",
    "（一）指导思想。以习近平新时代中国特色社会主义思想为指导。",
    "（二）发展目标。到2025年，农机装备品类基本齐全。",
    "二、加快推动农机装备产业高质量发展",
    "（三）完善农机装备创新体系。",
    "（四）推进农机装备全产业链协同发展。",
    "（五）优化农机装备产业结构布局。",
    "三、着力推进主要农作物生产全程机械化",
    "（六）加快补齐全程机械化生产短板。",
    "（七）推进农机农艺融合。",
    "四、保障措施",
    "（八）加强组织领导。",
    "（九）强化督促落实。",
]


def marked(paragraphs: list[str], index: int, marker: str, new: str | None = None) -> list[str]:
    """The paragraphs with paragraph *index*'s *marker* replaced by ⟦new⟧."""
    result = list(paragraphs)
    result[index] = result[index].replace(marker, f"⟦{new or marker}⟧", 1)
    return result


def test_silent_when_the_document_numbers_its_items_across_its_parts():
    assert_rule(
        "numbering-sequence",
        valid=[
            lines(*CPC),
            lines(*SC),
            # a part without items of its own: the count goes on after it
            lines(*SC[:7], "三、着力推进主要农作物生产全程机械化", BODY, "四、保障措施", "（六）加强组织领导。"),
            # sc_work_rules_notice_2004: 一、二、 run through the chapters
            lines("第一章　总  则", "一、第十届全国人民代表大会第一次会议产生的国务院，要全面贯彻党的基本路线。",
                  "二、国务院工作以邓小平理论为指导。", "第二章　组成人员职责", "三、国务院由下列人员组成。",
                  "四、国务院实行总理负责制。", "第三章　全面履行政府职能", "五、国务院及各部门要加快转变政府职能。"),
            # a regulation's articles run through its chapters; its items restart in each article
            lines("第一章　总　则", "第一条　根据《中华人民共和国个人所得税法》，制定本条例。",
                  "第二条　个人所得税法所称在中国境内有住所，是指因户籍、家庭、经济利益关系而在中国境内习惯性居住。",
                  "第二章　应纳税所得", "第三条　下列所得，为来源于中国境内的所得：", "（一）因任职、受雇、履约等在中国境内提供劳务取得的所得；",
                  "（二）将财产出租给承租人在中国境内使用而取得的所得；", "第四条　在中国境内无住所的个人，在中国境内居住累计满183天的年度连续不满六年的，免予缴纳个人所得税。",
                  "（一）工资、薪金所得，为个人因任职或者受雇取得的工资、薪金；", "（二）劳务报酬所得。"),
            # an annex numbers afresh after a document that counts across its parts
            lines(*SC, "附件", "重点任务分工", "一、总体要求", "（一）指导思想。", "（二）发展目标。",
                  "二、保障措施", "（一）加强组织领导。", "（二）强化督促落实。", "三、其他", "（一）附则。"),
        ],
        invalid=[
            # a number left out or given twice in the continuous count, also where the parts meet
            lines(*SC[:8], "加快补齐全程机械化生产短板。", *marked(SC, 9, "（七）")[9:]),
            lines(*marked(SC, 4, "（三）", "（二）")),
            lines(*marked(CPC, 9, "（7）", "（6）")),
            lines(*marked(SC, 5, "（四）", "（三）")),
            # one part starts again where the others go on counting
            lines(*marked(SC, 8, "（六）", "（一）")),
            # an article left out
            lines("第一章　总　则", "第一条　为了规范政府工作，制定本规则。", "第二条　本规则适用于国务院各部门。",
                  "第二章　工作制度", "⟦第四条⟧　国务院实行总理负责制。"),
        ],
    )


def test_messages_on_a_continuous_count_name_the_last_item_of_the_part_before():
    text = lines(*SC[:8], SC[9])
    [finding] = findings_for("numbering-sequence", text)
    assert finding.message == "序号“（七）”前缺少“（六）”：本文件各部分的“（一）”级序号连续编号，上一部分止于“（五）”"
    assert text[finding.related[0].span.start :].startswith("（五）优化")
    [finding] = findings_for("numbering-sequence", lines(*SC[:8], SC[8].replace("（六）", "（一）"), *SC[9:]))
    assert finding.message == "序号“（一）”重新编号：本文件各部分的“（一）”级序号连续编号，上一部分止于“（五）”，此处应为“（六）”"


def test_headings_whose_text_starts_with_a_numeral_are_numbered():
    assert_rule(
        "numbering-sequence",
        valid=[
            lines("一、一年来工作回顾", S1, S2, "二、2025年工作安排", S1, "（二）三大攻坚战取得关键进展。", "三、三农工作"),
            lines("一、过去五年工作回顾", "二、三农工作扎实推进", "三、四个方面的重点任务"),
            lines("1.一年来主要工作", "2.3项重点改革", "3.五个方面的任务"),
            # dates that start with a range of months: 十一、十二月份 / 11、12月
            lines(H1, S1, "十一、十二月份，全市规模以上工业增加值增速逐月回升。", S2,
                  "11、12月全省新增城镇就业8.2万人。", S3),
        ],
        invalid=[
            lines("一、一年来工作回顾", S1, S2, "⟦三、⟧2025年工作安排", S1),
            lines("一、一年来工作回顾", S1, "⟦（三）⟧三大攻坚战取得关键进展。"),
            lines("一、一年来工作回顾", BODY, "⟦一、⟧一年来工作回顾"),
        ],
    )


def test_a_first_item_written_after_a_label_in_the_paragraph_before():
    assert_rule(
        "numbering-sequence",
        valid=[
            # gob_badong_geohazard_reply_2004
            lines("国务院办公厅", "附件：1.国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告",
                  "2.湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见"),
            lines(BODY, "注：1.本公报中数据均为初步统计数。", "2.部分数据因四舍五入的原因，存在总计与分项合计不等的情况。",
                  "3.城镇新增就业人数为全年累计数。"),
            lines(BODY, "说明：（1）本表数据为快报数。", "（2）增速按可比价格计算。"),
            lines(BODY, "附件：1．重点任务分工方案", "2．重大项目清单"),
        ],
        invalid=[
            lines(BODY, "注：1.本公报中数据均为初步统计数。", "2.部分数据因四舍五入的原因，存在总计与分项合计不等的情况。",
                  "⟦4.⟧城镇新增就业人数为全年累计数。"),
            # the label is not the item before
            lines(BODY, "附件：国土资源部关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告",
                  "⟦2.⟧湖北省巴东县官渡口镇马鬃山村地质险情调查专家组意见"),
        ],
    )


def test_several_documents_in_one_file_have_their_own_habits():
    bulletin = [H1, "1.农业。全年粮食产量。", "2.工业。全年规模以上工业增加值。", "二、固定资产投资",
                "1.投资。全年固定资产投资。", "2.房地产。全年房地产开发投资。"]
    assert_rule(
        "numbering-sequence",
        valid=[
            # bulletins of several years concatenated
            lines("2024年国民经济和社会发展统计公报", *bulletin, "2023年国民经济和社会发展统计公报", *bulletin),
            # a table of contents, then the text
            lines("目　录", "一、总体要求", "二、重点任务", "三、保障措施", *SC),
            # a document counting across its parts, then one restarting under each part
            lines(*SC, "2025年重点工作", H1, S1, S2, H2, S1, S2, H3, S1),
        ],
        invalid=[
            lines(*SC, "2025年重点工作", H1, S1, S2, H2, S1, S2, H3, S3.replace("（三）", "⟦（三）⟧")),
        ],
    )


def test_a_document_that_says_it_is_an_excerpt():
    assert_rule(
        "numbering-sequence",
        valid=[
            # a newspaper continuation marker, with the lead of the page before the first number
            lines("政府工作报告", "（上接第二版）", BODY, S3, S4, H3, S1, S2),
            # a declared selection may also leave items out
            lines("政府工作报告（摘要）", "——2025年1月20日在省第十四届人民代表大会第三次会议上", BODY, H3, S1, S3, S4),
            lines("在全省经济工作会议上的讲话（节选）", BODY, S2, "五、坚持稳中求进", S1, S4),
        ],
        invalid=[
            # no declaration: body text comes first, the run lacks its start
            lines("政府工作报告", BODY, S3.replace("（三）", "⟦（三）⟧"), S4),
            # a continuation leaves no gap inside the run
            lines("政府工作报告", "（上接第二版）", BODY, S2, S4.replace("（四）", "⟦（四）⟧")),
            # a selection still does not repeat a number
            lines("政府工作报告（摘要）", BODY, H3, S1, S3, S3.replace("（三）", "⟦（三）⟧")),
        ],
    )


def test_a_list_inside_an_item_numbered_with_a_higher_level_marker():
    # older national reports (1955, 1981, 1986) write 一、二、三、 inside （一）'s text or inside 四、;
    # the outer count goes on after the list: the list was inside the item, not a new part
    assert_rule(
        "numbering-sequence",
        valid=[
            lines("三、第一个五年计划的若干问题", "（一）关于工业和运输业的基本建设问题", BODY,
                  "一、", "我国人民已经推翻了帝国主义者在中国的统治。", "二、", "我国人民推翻了封建主义。",
                  "三、", "我国人民推翻了官僚资本主义。", "（二）关于工业的生产问题", BODY,
                  "一、", "增加生产。", "二、", "提高质量。", "（三）关于农业的增产问题", BODY,
                  "四、为完成和超额完成第一个五年计划而奋斗"),
            lines("四、有重点有步骤地进行技术改造", "一、节约能源，节约原材料，降低消耗。",
                  "二、改革产品结构，使产品升级换代。", "三、合理地利用资源，提高综合利用水平。", BODY,
                  "五、分批进行企业的全面整顿和必要改组"),
            # （一） above 一、: the parts are （一）（二）（三）, the items of （二） are 一、二、
            lines("（一）当前的经济形势", BODY, "（二）今后经济建设的方针", "一、依靠政策和科学，加快农业的发展",
                  "二、把消费品工业的发展放到重要地位", "（三）我国经济发展的前景"),
            # a list under 一、（一） that starts again at 一、
            lines(H1, S1, "一、", BODY, "二、", BODY, S2, H2),
        ],
        invalid=[
            # a number left out inside the inner list is still one
            lines("四、有重点有步骤地进行技术改造", "一、节约能源，节约原材料，降低消耗。",
                  "二、改革产品结构，使产品升级换代。", "⟦四、⟧合理地利用资源，提高综合利用水平。", BODY,
                  "五、分批进行企业的全面整顿和必要改组"),
            # the outer count does not go on: a heading given twice
            lines(H1, S1, S2, H1.replace("一、", "⟦一、⟧"), S1, S2, H2),
            # （四） after the second 一、's own （一）（二） is that 一、's, though it would go on from （三）
            lines(H1, S1, S2, S3, H1.replace("一、", "⟦一、⟧"), S1, S2, S4.replace("（四）", "⟦（四）⟧")),
            # national_1987: a list of sentences inside 四、 is not taken up again by a sentence
            lines("四、巩固和发展安定团结的政治局面", "一、继续深入批评资产阶级自由化的错误观点；",
                  "二、认真进行坚持四项基本原则的正面教育；", "三、进一步整顿、充实和加强舆论阵地；",
                  "⟦五、⟧大力加强马克思主义理论队伍的建设。"),
            # a higher level (三、) ends what could have been a list inside （三）
            lines(H1, S1, S2, S3, S1, S2, H3.replace("三、", "⟦三、⟧"), S1, S2, S4.replace("（四）", "⟦（四）⟧")),
        ],
    )


def test_one_is_the_other_is():
    # 一是…，一是…: “the one…, the other…”, not a list that repeats its first item (national_1987)
    assert_rule(
        "numbering-sequence",
        valid=[
            "坚持两个基本点：一是坚持四项基本原则，一是坚持改革开放。",
            "煤炭工业建设的重点：一是集中力量开发大露天矿；一是抓紧现有矿井的技术改造。",
            lines("坚持两个基本点：一是坚持四项基本原则，一是坚持改革开放。",
                  "今年要抓好以下工作：一是稳增长；二是促改革；三是调结构。"),
        ],
        invalid=[
            "今年要抓好以下工作：一是稳增长；⟦一是⟧促改革；三是调结构。",
            "今年要抓好以下工作：一是稳增长；⟦一是⟧促改革；二是调结构。",
        ],
    )


def test_a_number_that_lost_its_closing_bracket_still_counts():
    # unmatched-pair reports the bracket; the count goes on
    assert_rule(
        "numbering-sequence",
        valid=[
            lines("（十）加强组织领导。各地区、各部门要充分认识全面推行规范性文件合法性审核机制的重要意义。",
                  "（十一注重能力建设。各地区、各部门要高度重视规范性文件合法性审核能力建设。",
                  "（十二）强化指导监督。各地区、各部门要将规范性文件合法性审核工作纳入法治政府建设督察内容。"),
            # an opening bracket that is no number
            lines(H1, "（一带一路”建设取得新进展）", S1, S2),
        ],
        invalid=[
            lines("（十）加强组织领导。", "（十一注重能力建设。", "⟦（十三）⟧强化指导监督。"),
        ],
    )


SUBHEADS = [
    "（一）坚持扩大内需",
    "一是聚焦全方位扩大内需，着力提消费促投资",
    "深入实施提振消费专项行动。一是提高居民收入；二是扩大服务消费；三是优化消费环境。",
    "二是聚焦科技创新，加快发展新质生产力",
    "强化企业科技创新主体地位。一是加强基础研究；二是推进关键核心技术攻关。",
    "三是聚焦深化改革，激发经营主体活力",
    "深化国资国企改革。",
]


def test_a_list_inside_an_item_of_a_list():
    # 一是… sub-headings, each followed by a paragraph with its own 一是…二是… list
    assert_rule(
        "numbering-sequence",
        valid=[
            lines(*SUBHEADS),
            lines("一是稳定经济增长。具体包括：一是扩大有效投资；二是提振消费。", "二是推动科技创新。重点抓好三件事。",
                  "三是深化改革开放。"),
        ],
        invalid=[
            lines(*SUBHEADS[:5], SUBHEADS[5].replace("三是", "⟦四是⟧"), SUBHEADS[6]),
            lines(*SUBHEADS[:2], SUBHEADS[2].replace("二是扩大服务消费；三是", "⟦三是⟧扩大服务消费；四是"), *SUBHEADS[3:]),
        ],
    )


def test_a_list_inside_the_first_part_of_an_older_report():
    # reports of the 1950s–1980s start a list 一、二、三、 right under their first part 一、:
    # 一、 after 一、 is the list's first item when the outer count goes on after it (二、)
    plan = ("一、一九五七年国民经济计划的执行结果", "在工业方面，一九五七年的生产有以下几个特点：",
            "一、重工业生产增长较快。钢产量比上年增长百分之二十九点三。",
            "二、轻工业生产保持了适当的水平。", "三、产品质量有了提高，品种有了增加。",
            "在工作中我们也有一些缺点：", "一、有些项目的规模定得过大。", "二、对综合平衡注意不够。",
            "二、一九五八年国民经济计划草案", BODY)
    assert_rule(
        "numbering-sequence",
        valid=[
            lines(*plan),
            lines(*plan, "三、为完成一九五八年的计划而奋斗", BODY),
            lines("一、关于调整国民经济的问题", "一、农业。要继续贯彻执行发展农业的各项政策。",
                  "二、轻工业。要优先安排轻工业的原料、燃料和动力。", "二、关于经济管理体制的改革", BODY),
        ],
        invalid=[
            # the outer count never goes on: 一、 given twice
            lines("一、一九五七年国民经济计划的执行结果", BODY, "⟦一、⟧一九五七年国民经济计划的执行结果", BODY),
            # a number left out inside the list is still one
            lines(*plan[:4], "⟦四、⟧产品质量有了提高，品种有了增加。", *plan[5:]),
            # the outer count does not go on after the lists (三、 goes on from the list's 二、):
            # the first part's 一、 is given twice
            lines(plan[0], plan[1], plan[2].replace("一、", "⟦一、⟧"), *plan[3:8], "三、一九五八年国民经济计划草案", BODY),
        ],
    )


def test_paragraphs_numbered_through_the_whole_document():
    # a policy address (Hong Kong) or a white paper numbers its paragraphs 1. 2. … through
    # all its parts 一、 and sections （一）: the count goes on under each new （一）
    address = ("一、引言", "1.主席、各位議員：今天，我向立法會發表施政報告。",
               "2.我們會集中精力拼經濟、謀發展、惠民生。", "二、鞏固傳統優勢", "（一）國際金融中心",
               "3.香港是全球最大的離岸人民幣業務樞紐。", "4.政府會優化上市制度。", "（二）國際航運中心",
               "5.我們會推動港口數字化。", "三、培育增長新動能", "（一）創新科技", "6.北部都會區是香港未來發展的新引擎。",
               "7.政府會成立產業發展基金。")
    white_paper = ("一、基本情况", "1.我国是一个统一的多民族国家。", "2.新中国成立以来，各项事业取得了长足进步。",
                   "二、主要成就", "（一）经济持续发展", "3.经济总量稳步增长。", "（二）民生明显改善",
                   "4.居民收入持续增加。", "三、基本经验", "（一）坚持党的领导", "5.这是根本保证。")
    assert_rule(
        "numbering-sequence",
        valid=[lines(*address), lines(*white_paper)],
        invalid=[
            lines(*address[:11], "⟦7.⟧北部都會區是香港未來發展的新引擎。", "8.政府會成立產業發展基金。"),
            lines(*white_paper[:7], "⟦3.⟧居民收入持续增加。", *white_paper[8:]),
        ],
    )


def test_a_list_whose_first_item_follows_its_label():
    # found by held-out notices: 附件：1.… / 注：1.… keep their first item on the label's line,
    # and an item may start with a year (2.2025年度…名单 is item 2, not the decimal 2.2025)
    notice = ("（九）报名方式", "请各单位于3月13日前报送回执。", "附件：1.参会回执",
              "2.2025年度全省“四好农村路”示范县（市、区）名单", "3.分组讨论安排",
              "注：1.请于3月13日17:00前将回执发送至电子邮箱。", "2.“是否住宿”一栏请注明“单间”或“合住”。",
              "3.报到当日18:00后抵达的，请注明抵达时间。")
    assert_rule(
        "numbering-sequence",
        valid=[lines(*notice)],
        invalid=[lines(*notice[:3], "⟦3.⟧分组讨论安排"),
                 lines(*notice[:5], "注：1.请于3月13日17:00前将回执发送至电子邮箱。", "⟦3.⟧报到当日18:00后抵达的，请注明抵达时间。")],
    )


def test_an_ordinal_lead_before_a_word_in_bu_is_no_part_of_the_document():
    # 第二，部门监管责任: 第X， leads a point of a speech; only 第X部分 (no mark between) names a part
    assert_rule(
        "numbering-sequence",
        valid=[
            "第一，党政领导责任必须压实。各级党委和政府要认真落实责任制。\n\n"
            "第二，部门监管责任必须压实。要严格落实“三个必须”。\n\n"
            "第三，企业主体责任必须压实。企业是安全生产的责任主体。",
            "第一部门负责统筹协调，第二部门负责督促落实。",
        ],
        invalid=["第一部分　总体要求\n\n⟦第三部分⟧　重点任务"],
    )


def test_an_item_number_before_a_month_is_an_item_not_a_decimal():
    # found by a held-out water bulletin: 重要水事 numbered 1. to 5., each opening with its month
    events = ["1.3月，省人民政府印发《全省节水行动实施方案》。", "2.5月，全省水资源管理工作会议召开。",
              "3.7月至8月，开展河湖“清四乱”专项行动。", "4.9月，引水工程主体完工。"]
    assert_rule(
        "numbering-sequence",
        valid=["\n\n".join([*events, "5.全年完成重点河湖生态流量保障目标。"])],
        invalid=["\n\n".join([*events, "⟦6.⟧全年完成重点河湖生态流量保障目标。"])],
    )


def test_a_glossary_after_items_numbered_through_the_parts_starts_at_one():
    # found by a held-out report: tasks 1. to 3. run on through （一）（二）, then 名词解释 restarts
    body = ("（一）稳增长\n\n1.扩大有效投资。\n\n2.提振消费。\n\n（二）促转型\n\n3.培育新兴产业。\n\n"
            "各位代表！让我们团结奋斗，再创佳绩！\n\n")
    assert_rule(
        "numbering-sequence",
        valid=[body + "名词解释\n\n1.县县通高速：指所有县均通达高速公路。\n\n2.两新：指设备更新和消费品以旧换新。"],
        # without the appendix's label, one part restarting where the others count on is reported
        invalid=["（一）稳增长\n\n1.扩大有效投资。\n\n2.提振消费。\n\n（二）促转型\n\n3.培育新兴产业。\n\n"
                 "（三）强支撑\n\n4.建设重大工程。\n\n（四）惠民生\n\n⟦1.⟧办好民生实事。"],
    )


def test_a_box_numbers_in_its_own_habit():
    # found by a held-out industrial plan: each 一、 restarts its 1.–3.; 专栏3 numbers its 12 projects
    # 1.–12. on through its own （一）…（四）
    body = ("一、做大整车\n\n1.扩大产能。\n\n2.优化结构。\n\n二、提升电池\n\n1.扩大电池产能。\n\n2.完善材料配套。\n\n"
            "三、突破零部件\n\n1.电驱动系统。\n\n2.智能网联部件。\n\n")
    box = ("专栏3　重点建设项目（共4个）\n\n（一）整车类项目（2个）\n\n1.整车扩能项目。\n\n2.商用车项目。\n\n"
           "（二）电池类项目（2个）\n\n3.动力电池三期项目。\n\n4.储能电池项目。\n\n四、保障措施\n\n1.加强组织领导。")
    assert_rule(
        "numbering-sequence",
        valid=[body + box],
        # outside the box, a part that counts on where the others restart is still reported
        invalid=[body + "四、保障措施\n\n⟦3.⟧加强组织领导。"],
    )


def test_a_list_of_attachments_after_its_label_starts_at_one():
    # found by a held-out pilot plan: items 1. to 3. run on through the parts, then 附件：1.…
    assert_rule(
        "numbering-sequence",
        valid=["（一）明确目标\n\n1.建设试点县8个。\n\n2.完善机制。\n\n（二）强化保障\n\n3.加强组织领导。\n\n"
               "附件：1.试点县（市、区）名单\n\n2.试点工作任务清单"],
    )


def test_a_chapter_published_on_its_own_under_the_documents_title_is_an_excerpt():
    # found by a held-out white paper: its chapter 三、 on a page of its own, under the title block
    chapter = "三、用水效率持续提升\n\n（一）农业节水成效明显\n\n全市高效节水灌溉面积达到42万亩。\n\n（二）工业节水稳步推进"
    assert_rule(
        "numbering-sequence",
        valid=[f"《澄川的节水型社会建设》白皮书\n\n澄川市人民政府新闻办公室\n\n2025年3月\n\n{chapter}"],
        # with running text before it, the missing 一、 and 二、 are reported
        invalid=["近年来，澄川市全面推进节水型社会建设，取得明显成效。\n\n⟦三、⟧用水效率持续提升\n\n全市高效节水灌溉面积达到42万亩。"],
    )


def test_a_roster_numbered_on_through_its_counted_groups():
    # found by a held-out accident report: the people held responsible, 1.–6. through groups that
    # count their members, in a file whose other lists restart under each heading
    other = "（一）直接原因\n\n1.违章作业。\n\n2.未检测。\n\n（二）间接原因\n\n1.培训不到位。\n\n2.监管缺失。\n\n"
    roster = ("四、对有关责任人员的处理建议\n\n（一）建议移送司法机关的人员（2人）\n\n1.韩某，项目经理。\n\n2.蒋某，副部长。\n\n"
              "（二）建议给予处分的人员（2人）\n\n3.付某，局长。\n\n4.刘某，副主任。\n\n（三）建议给予诫勉的人员（1人）\n\n5.杜某，科长。")
    assert_rule("numbering-sequence", valid=[f"三、事故原因\n\n{other}{roster}"])


def test_a_groups_first_item_in_the_next_cell_of_its_table_row():
    # found by a held-out information-disclosure report: the form's group and its first sub-row
    # share one row of the table set as text, so 1. stands after a tab, the rows below start at 2.
    rows = ["三、本年度办理结果", "（一）予以公开\t38\t5", "（二）不予公开\t1.属于国家秘密\t0\t0", "2.其他法律行政法规禁止公开\t0\t0",
            "3.保护第三方合法权益\t2\t1", "（三）无法提供\t1.本机关不掌握相关政府信息\t17\t2", "2.没有现成信息需要另行制作\t4\t1"]
    table = "\n\n".join(rows)
    assert_rule("numbering-sequence", valid=[table],
                invalid=[table.replace("（三）无法提供\t1.本机关", "（三）无法提供\t⟦2.⟧本机关").replace(
                    "2.没有现成信息", "3.没有现成信息")])


def test_a_groups_label_in_the_first_cell_of_the_row_that_holds_its_first_item():
    # found by a held-out assessment table: 环境质量改善（40分）<tab>1.空气质量 / <tab>2.水环境
    rows = ["第七条　考核指标如下：", "环境质量改善（40分）\t1.空气质量\t15", "\t2.水环境质量\t15", "\t3.土壤环境\t10",
            "污染减排（30分）\t4.重点工程减排\t15", "\t5.结构减排\t15"]
    # a .txt file: in Markdown a line that starts with a tab is code
    assert not findings_for("numbering-sequence", "\n\n".join(rows), "case.txt")
    assert findings_for("numbering-sequence", "\n\n".join(rows).replace("4.重点", "6.重点"), "case.txt")


def test_items_that_ran_inline_before_one_that_opens_a_paragraph():
    # a plan's points run inline (（1）…。（2）…。) and the next one opens a paragraph, or a
    # page break or a hard wrap set it at a line's start: the numbers it skips are written
    head = "（八）加强民生保障。"
    first = "实施就业优先行动。（1）做好高校毕业生就业工作，实现“订单班”毕业生就业2万人。（2）持续改善农村学校办学条件。"
    third = "（3）加强医疗健康服务，新建县域医疗次中心58个。（4）提升“一老一小”服务能力。"
    assert_rule(
        "numbering-sequence",
        valid=[lines(head, first, third),
               lines(head, first.replace("实施就业优先行动。", ""), third)],
        invalid=[
            # the number skipped is not written before: a real gap
            lines(head, first.replace("（2）", ""), "⟦（3）⟧加强医疗健康服务，新建县域医疗次中心58个。"),
            # written inside a sentence, not opening one: a citation, not an item
            lines(head, "按照第（2）项要求做好高校毕业生就业工作。（1）持续改善农村学校办学条件。",
                  "⟦（3）⟧加强医疗健康服务，新建县域医疗次中心58个。"),
        ],
    )


def test_a_count_that_runs_on_through_sections_may_start_again_in_the_next_part():
    # found by a held-out plan: 1.–4. (targets) under 一、's （三）, then the tasks 1.–8. numbered
    # on through 二、's （一）（二）（三）（四）: a new part (二、) may start its count again
    def item(n: int) -> str:
        return f"{n}.推进第{n}项重点工作。完善工作机制，强化督促落实。"

    part_one = ["一、总体要求", "（一）指导思想。坚持稳中求进。", "（二）基本原则。坚持市场主导。", "（三）主要目标。",
                *map(item, range(1, 5))]
    part_two = ["二、重点任务", "（一）完善商业网络", item(1), item(2), "（二）健全物流体系", item(3), item(4),
                "（三）推动电商升级", item(5), item(6), "（四）优化消费环境", item(7), item(8)]
    restarted = [*part_two, "（五）强化要素保障", "⟦1.⟧推进第1项重点工作。完善工作机制，强化督促落实。"]
    assert_rule(
        "numbering-sequence",
        valid=[lines(*part_one, *part_two)],
        invalid=[lines(*part_one, *restarted)],
    )


def test_measures_numbered_as_articles_count_on_through_the_parts_that_hold_them():
    # found by a held-out city's 若干措施: 一、 / 第一条…第四条 / 二、 / 第五条…, no 第X章
    def article(n: str) -> str:
        return f"第{n}条　落实第{n}项措施。完善工作机制，强化督促落实。"

    text = [*("一、持续优化发展环境", article("一"), article("二"), article("三"), article("四")),
            *("二、加大财税金融支持", article("五"), article("六")), *("三、支持创新转型升级", article("七"))]
    skipped = [*text[:8], "⟦第八条⟧　落实第八项措施。完善工作机制，强化督促落实。"]
    assert_rule("numbering-sequence", valid=[lines(*text)], invalid=[lines(*skipped)])
