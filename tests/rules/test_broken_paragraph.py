from helpers import apply_edit, assert_rule, findings_for
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reportlint.api import lint_text
from reportlint.config import Config

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
    text = "深入推进城市更新。用好自主更新政策，改造老旧小区\n\n打造完整社区13个以上。"
    assert findings_for("broken-paragraph", text)
    assert not findings_for("broken-paragraph", text, options={"min-length": 40})
    # unless the next paragraph's start proves the cut: a paragraph does not open with a count
    text = "深入推进城市更新，用好自主更新政策，改造老旧小区\n\n72个，打造完整社区13个以上。"
    assert findings_for("broken-paragraph", text, options={"min-length": 40})


def test_related_span_points_at_the_continuation_and_fix_joins():
    text = CUT.replace("⟦", "").replace("⟧", "")
    [finding] = findings_for("broken-paragraph", text)
    [related] = finding.related
    assert text[related.span.start :].startswith("经济发展")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"
    [edit] = finding.fix.edits
    assert apply_edit(text, edit) == text.replace("民营\n\n经济", "民营经济")


def test_soft_wrapped_markdown_paragraph_is_one_paragraph():
    text = "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n经济发展，激发各类经营主体内生动力和发展活力。"
    assert not findings_for("broken-paragraph", text, "report.md")
    assert findings_for("broken-paragraph", text, "report.txt")


# Eight body paragraphs first: a short line near the top of a document may be its title.
OPENING = "各位代表：\n\n" + "现在，我代表市人民政府向大会报告工作，请予审议。\n\n" * 8


def test_a_note_after_the_full_stop_ends_the_paragraph():
    assert_rule(
        "broken-paragraph",
        valid=[
            # State Council task lists: the responsible bodies after each item's full stop
            "（二）编制下达全国土地利用计划时，考虑自贸试验区的实际情况，合理安排用地计划。（负责部门：自然资源部）\n\n"
            "（三）将建筑工程施工许可、建筑工程质量安全监督等审批权限下放。（负责部门：住房城乡建设部；适用范围：所有自贸试验区）",
            "探索建立消费扶贫台账，并作为政策支持、评先评优等重要依据。（发展改革委、财政部、扶贫办等和各省级人民政府负责）\n\n"
            "从工业企业结构调整专项奖补资金中安排部分资金，用于职工分流安置。",
            "健全固体废物统计制度，完善农业废弃物、建筑垃圾统计方法。（生态环境部牵头，国家发展改革委、农业农村部参与）\n\n"
            "优化固体废物管理体制机制，强化部门分工协作。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）\n\n"
            "加强制度政策集成创新，增强试点方案的系统性。",
            "要把稳就业摆在突出位置，加大援企稳岗力度。(人力资源社会保障部负责)\n\n推动高校毕业生多渠道就业。",
            # a stray or footnote marker after the full stop
            "曾分别制订了一九八一和一九八二两个年度计划，并经人大常委会审议批准。（⑵⑶）\n\n这两个年度计划，执行情况都是良好的。",
            "全年全部工业增加值比上年增长5.7%，规模以上工业增加值增长5.8%。①\n\n全年规模以上工业中，农副食品加工业增加值增长4.0%。",
            "年末全国就业人员73439万人，比上年末减少82万人。[2]\n\n全年城镇新增就业1256万人，比上年多增12万人。",
        ],
        invalid=[
            # a bracket inside the sentence is no note: the sentence goes on below
            "加大医保基金监管力度，⟦开设一批惠民药房（含连锁药店）⟧\n\n和社区诊所，方便群众就近购药。",
            "推进城市更新，改造老旧小区（2025年）。（住房城乡建设部负责）⟦加快推进保障性住房建设，⟧\n\n"
            "扩大保障性租赁住房供给。",
        ],
    )


def test_a_numbered_item_starts_anew():
    # The item above lacks its final mark; nothing of it goes on in （二）.
    assert_rule(
        "broken-paragraph",
        valid=[
            "各地区各部门要加强组织领导，结合实际抓好工作落实\n\n（二）强化政策支持。加大财政资金投入力度。",
            "完善统计监测制度，及时发布相关数据\n\n3. 加强督促检查。将落实情况纳入年度考核。",
        ],
        invalid=["去年底，⟦国务院发出（⟧\n\n二）关于进一步做好就业工作的通知。"],
    )


def test_an_ordinal_lead_on_a_line_of_its_own_is_a_sub_heading():
    # 一是…，… without a final mark, above its own paragraph, heads it.
    assert_rule(
        "broken-paragraph",
        valid=[
            "一是聚焦全方位扩大内需，着力提消费促投资\n\n坚持惠民生和促消费、投资于物和投资于人紧密结合。",
            "二要坚持创新驱动，加快培育新质生产力\n\n深入实施创新驱动发展战略，加快建设科技强省。\n\n"
            "三要深化重点领域改革，激发经营主体活力\n\n持续优化营商环境，扎实推进国资国企改革。",
            "其三，稳住外贸外资基本盘\n\n推动货物贸易优化升级，积极发展服务贸易。",
        ],
        invalid=[
            # the same lead that stops after a comma is cut, as any paragraph would be
            "一是加大对民营企业的支持力度，⟦推动民营经济发展，⟧\n\n激发各类经营主体内生动力。",
        ],
    )


def test_a_bare_ordinal_lead_split_from_its_sentence_is_a_cut():
    # Wiki captures set a bold 一是 on a line of its own: the sentence is cut after it.
    assert_rule(
        "broken-paragraph",
        invalid=[
            OPENING + "⟦一是⟧\n\n按照法制统一、非歧视、公开透明的原则，抓紧完善法律法规。\n\n"
            "⟦二是⟧\n\n按照加入世贸组织的承诺，有步骤地扩大对外开放领域。",
            OPENING + "⟦一要⟧\n\n坚持扩大内需战略基点，加快培育完整内需体系。",
        ],
        valid=[
            # a bare numeral is the section heading of old reports
            OPENING + "一\n\n一九五六年到一九六七年全国农业发展纲要，是中共中央政治局提出的。",
            OPENING + "一是\n\n（一）按照法制统一的原则，抓紧完善法律法规。",
        ],
    )


def test_a_table_or_chart_caption_is_not_a_cut_sentence():
    assert_rule(
        "broken-paragraph",
        valid=[
            "全年规模以上港口货物吞吐量19550.52万吨，增长14.9%。\n\n表3  2023年客（货）运量、周转量\n\n"
            "全年全市公路通车里程3542.33公里，公路密度144.00公里/百平方公里。",
            "年末制造业贷款余额、普惠小微企业贷款余额分别增长23.0%、20.9%。\n\n图7  2018-2023年各项本外币存、贷款余额\n\n"
            "表9  2023年金融机构存贷款情况\n\n年末全市共有金融机构568家。",
            "表4 2021年南京对主要国家、地区贸易情况\n\n新兴市场份额提升。从市场看，对东盟进出口增长24.5%。",
            # a plan's box: its caption, then its items numbered 01, 02 …
            "注：〔 〕内为五年累计数。\n\n专栏7 制造业提质升级重大工程\n\n"
            "01 先进制造业集群培育工程：围绕六大产业集群，实施集群发展促进机构培育计划。",
        ],
        invalid=[
            # a chart set in the middle of a sentence: the cut goes across its caption
            "全年规模以上工业增加值比上年增长5.1%，⟦制造业增加值增长⟧\n\n图3：2019-2023年规模以上工业增加值增速\n\n"
            "5.6%，高技术制造业增长8.9%。",
        ],
    )


def test_headlines_above_a_news_lead_are_not_cut_sentences():
    assert_rule(
        "broken-paragraph",
        valid=[
            "中央经济工作会议在北京举行\n\n习近平发表重要讲话，李强作总结讲话\n\n赵乐际、王沪宁、蔡奇、丁薛祥、李希出席会议\n\n"
            "央视网消息（新闻联播）：中央经济工作会议12月10日至11日在北京举行。",
            "十四届全国人大一次会议在京闭幕，习近平发表重要讲话\n\n李强、赵乐际、王沪宁、韩正出席\n\n"
            "新华社北京3月13日电 第十四届全国人民代表大会第一次会议圆满完成各项议程，13日上午在人民大会堂闭幕。",
            "全市重点项目建设现场推进会召开，强调抓项目扩投资\n\n本报讯（记者 张华）昨天，全市重点项目建设现场推进会召开。",
        ],
        invalid=[
            # inside the news item a cut is still a cut
            "央视网消息（新闻联播）：中央经济工作会议12月10日至11日在北京举行。会议认为，⟦今年是极不平凡的一年，⟧\n\n"
            "我们攻坚克难，经济回升向好。",
        ],
    )


def _cut_ends(text: str, path: str = "case.txt") -> list[str]:
    return [text[f.span.start : f.span.end] for f in findings_for("broken-paragraph", text, path)]


def test_a_span_on_a_line_of_its_own_makes_two_breaks_and_both_are_reported():
    # A wiki link or a bold span set apart cuts the sentence before and after it.
    text = OPENING + "加强人口和计划生育工作，严格控制人口增长，认真贯彻\n\n人口与计划生育法\n\n的各项规定，稳定低生育水平。"
    assert _cut_ends(text) == ["认真贯彻", "人口与计划生育法"]
    # the first half too short to tell by itself: the span's continuation shows the cut
    text = OPENING + "我们要认真贯彻\n\n人口与计划生育法\n\n，稳定低生育水平。"
    assert _cut_ends(text) == ["我们要认真贯彻", "人口与计划生育法"]
    text = OPENING + "稳健的货币政策要松紧适度。广义货币M\n\n2\n\n预期增长12%左右，在实际执行中，也可以略高些。"
    assert _cut_ends(text) == ["广义货币M", "2"]
    # a short line between complete paragraphs is a heading, not a span
    assert not _cut_ends(OPENING + "我们要认真贯彻人口与计划生育法。\n\n人口与计划生育\n\n稳定低生育水平，提高出生人口素质。")


def test_a_bold_line_in_markdown_is_a_span_when_the_sentence_runs_through_it():
    text = OPENING + "我们要认真贯彻\n\n**人口与计划生育法**\n\n，稳定低生育水平。"
    assert _cut_ends(text, "case.md") == ["我们要认真贯彻", "人口与计划生育法"]
    text = OPENING + "去年底，国务院发出\n\n**《关于进一步做好就业工作的通知》**\n\n，提出了具体措施。"
    assert _cut_ends(text, "case.md") == ["国务院发出", "《关于进一步做好就业工作的通知》"]
    text = OPENING + "**一是**\n\n按照法制统一、非歧视、公开透明的原则，抓紧完善法律法规。"
    assert _cut_ends(text, "case.md") == ["一是"]
    # a bold heading between finished paragraphs stays a heading
    assert not _cut_ends(OPENING + "全面完成各项任务。\n\n**加强组织领导**\n\n各地要把这项工作摆上重要日程。", "case.md")
    assert not _cut_ends(OPENING + "全面完成各项任务\n\n**加强组织领导**\n\n各地要把这项工作摆上重要日程。", "case.md")


def test_a_page_break_form_feed_is_reported_not_a_crash():
    # pdftotext marks a page break with a form feed on a line of its own.
    text = "培育壮大经营主体。坚持和落实“两个毫不动摇”，大力支持民营企业和民营\n\x0c\n经济发展，激发各类经营主体内生动力。"
    [finding] = findings_for("broken-paragraph", text)
    assert text[finding.span.start : finding.span.end] == "大力支持民营企业和民营"
    assert text[finding.related[0].span.start :].startswith("经济发展")
    [edit] = finding.fix.edits
    assert apply_edit(text, edit) == text.replace("民营\n\x0c\n经济", "民营经济")
    assert findings_for("broken-paragraph", text.replace("\n\x0c\n", "\n\x0c经济发展", 1).replace("经济发展经济发展", "经济发展"))


def test_a_hard_wrapped_text_is_not_a_chain_of_cut_sentences():
    lines = [
        "　　培育壮大经营主体。坚持和落实“两个毫不动",
        "摇”，大力支持民营企业和民营经济发展，激发各",
        "类经营主体内生动力和发展活力。",
        "　　今年工作的总体要求是，坚持稳中求进工作总",
        "基调，统筹发展和安全，推动经济实现质的有效提",
        "升和量的合理增长，推进城市更新，改造老旧小区",
        "72个，打造完整社区13个以上。",
    ] * 2
    assert not findings_for("broken-paragraph", "\n".join(lines) + "\n", "report.txt")
    # a cut is still a cut: a page break inside the wrapped text
    cut = lines[:2] + ["— 3 —"] + lines[2:]
    [finding] = findings_for("broken-paragraph", "\n".join(cut) + "\n", "report.txt")
    assert finding.line == 2


# Text as captures and exports make it: Chinese, marks of both widths, page numbers,
# form feeds, lone CRs, other control characters and Unicode line separators.
PIECES = st.sampled_from([
    "大力支持民营企业和民营", "经济发展", "一是", "二要", "表3  ", "图2 ", "央视网消息（新闻联播）：", "本报记者 戴冰摄",
    "。", "，", "、", "；", "：", "！", "？", ",", ".", ":", ";", "!", "?", "（", "）", "(", ")", "《", "》", "“", "”",
    "【", "】", "[", "]", "①", "⑵", "（负责部门：商务部）", "— 12 —", "上接第3版", "（下转第二版）", "分享:",
    "\n", "\n\n", "\r", "\r\n", "\x0c", "\n\x0c\n", "\x0b", "\x00", "\x1c", "\u2028", "\u3000", " ", "\t", "**", "#",
    "- ", "| ", "\ufeff", "\ufffc", "<!--", "-->", "12.5%", "M", "2",
])
ARBITRARY_TEXT = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=200))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARBITRARY_TEXT, suffix=st.sampled_from([".txt", ".md"]))
def test_the_structure_rules_never_raise(text, suffix):
    result = lint_text(text, "case" + suffix, Config(select=("broken-paragraph", "layout-artifact")))
    assert not result.crashes, result.crashes
    for finding in result.findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(text.removeprefix("\ufeff"))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.lists(PIECES, min_size=8, max_size=12).map("".join), min_size=8, max_size=30))
def test_the_structure_rules_never_raise_on_hard_wrapped_text(lines):
    # lines of one width, as a hard wrap leaves them, around arbitrary pieces
    text = "\n".join((line * 3)[:22] for line in lines)
    result = lint_text(text, "case.txt", Config(select=("broken-paragraph", "layout-artifact")))
    assert not result.crashes, result.crashes


def test_a_summary_line_above_its_paragraph_is_not_cut():
    # A line of one sentence without a final mark, above a finished paragraph, heads it:
    # nothing shows that its sentence goes on below.
    assert_rule(
        "broken-paragraph",
        valid=[
            "五年来，改革开放取得突破性进展，社会主义市场经济体制初步建立\n\n所有制结构进一步调整和完善。公有制经济在调整和改革中发展壮大。",
            "最后，着重讲一讲农业和农村工作问题\n\n这几年农村形势很好，主要是由于执行了一系列正确的政策。",
            "这几年取得的巨大成就，是坚决执行自力更生方针的结果\n\n周总理着重指出，我们这几年所取得的巨大成就，是坚决执行自力更生方针的结果。",
            "今后五年建设和改革的目标、方针和任务\n\n中国共产党第十三次全国代表大会规划了我国社会主义现代化建设的宏伟蓝图。",
        ],
        invalid=[
            # the same shape with a word cut in two, a dangling modifier or a count below is cut
            "深入实施就业优先战略，⟦抓好就业这个民⟧\n\n生头等大事。出台稳就业政策措施。",
            "坚持和落实“两个毫不动摇”，⟦大力支持民营企业和民营⟧\n\n经济发展，激发各类经营主体内生动力和发展活力。",
            "深入推进城市更新，用好自主更新政策，⟦改造老旧小区⟧\n\n72个，打造完整社区13个以上。",
            "加大医保基金监管力度，⟦开设一批惠民药房⟧\n\n和社区诊所，方便群众就近购药。",
            "全市普通中学在校学生28.85万人，⟦在园儿童增加0.49⟧\n\n人。新改扩建幼儿园30所。",
        ],
    )


def test_a_short_line_is_cut_when_a_word_runs_across_the_break():
    # Short lines are not body text by their length, but a word cut in two proves the cut.
    assert_rule(
        "broken-paragraph",
        invalid=[
            OPENING + "⟦政府工作报⟧\n\n告。",
            OPENING + "⟦我们要全面深化各领域改⟧\n\n革，加快推进基础性、关键性改革。",
            OPENING + "⟦深入推进和美乡⟧\n\n村建设。开展“百县千镇万村高质量发展工程”。",
        ],
        valid=[
            OPENING + "2024年工作回顾\n\n过去一年，是实现“十四五”规划目标任务的关键一年。",
            OPENING + "附件1\n\n2025年省十件民生实事\n\n坚持民生为大，以更大力度投资于人。",
            OPENING + "一\n\n一九五六年到一九六七年全国农业发展纲要，是中共中央政治局提出的。",
        ],
    )


def test_a_body_paragraph_without_its_final_mark_says_both_readings():
    # Several sentences, no final mark, and nothing shows the sentence goes on: a full
    # stop is missing or the cut fell between two words. Both are said; nothing is joined.
    text = ("隨着糧食、油料、棉布的計劃收購和計劃供應的實施，大批私營的糧食店已經改爲代銷店。"
            "這樣就開闢了逐行逐業改造資本主義商業的道路\n\n對資本主義工商業的改造是一個鬥爭和敎育的過程。")
    [finding] = findings_for("broken-paragraph", text)
    assert "没有句末标点" in finding.message and "漏了句末标点" in finding.message
    assert finding.fix is None
    # a document that sets its summaries so (three or more) has short ones of several sentences too
    summaries = "".join(
        f"五年来，{topic}取得重大进展，积累了丰富经验\n\n{topic}继续深入。各项改革全面推开。\n\n"
        for topic in ("农村改革", "城市改革", "科技体制改革")
    )
    block = "社会主义社会仍然存在阶级和阶级斗争。但是，绝不能说资本主义复辟是不可避免的\n\n毛主席告诉我们，社会主义社会是一个很长的历史阶段。"
    assert findings_for("broken-paragraph", block)
    assert not findings_for("broken-paragraph", summaries + block)


def test_the_titles_of_a_pages_link_list_are_not_cut_sentences():
    # Web chrome read in context (an id line and the linked item's title) is no body text.
    links = ("各位代表！让我们团结一心，奋力谱写新篇章！\n\n相关链接>>\n\n"
             "e4c29f31c6964493a14c4ddf6b160169:\n\n四川干部群众热议政府工作报告 以奋勇争先之姿，乘势而为\n\n"
             "be341a59f1dd422394845dcb3fce09dc:\n\n解读省政府工作报告：在服务大局中担难担重前行 在识变应变中向新而行\n\n打印本页")
    assert not findings_for("broken-paragraph", links)


def test_a_poem_set_one_line_a_paragraph_is_not_cut():
    # a speech quotes verse line by line: lines of one length (4, 5 or 7 characters), each
    # with its mark, are a poem's lines, not a sentence cut by a page break
    assert_rule(
        "broken-paragraph",
        valid=[
            "\n\n".join(["我还想与大家共勉几句话：", "千里之行始足下，", "万山磅礴看主峰。",
                         "莫道征途多险阻，", "敢教日月换新天。", "同志们，新的征程就在眼前。"]),
            "\n\n".join(["《诗经》有云：", "如切如磋，", "如琢如磨。", "做工作也是这样，要精益求精。"]),
            "\n\n".join(["古人写道：", "春眠不觉晓，", "处处闻啼鸟。"]),
        ],
        invalid=[
            # a body paragraph cut after its comma, beside a poem
            "\n\n".join(["千里之行始足下，", "万山磅礴看主峰。",
                         "越是困难的时候，越要坚定信心；⟦越是关键的时候，⟧", "越要保持定力。"]),
        ],
    )
    # a line of verse length whose next paragraph is no verse line: the sentence runs on (a
    # line that is all bold would be a Markdown heading, so no bold variant)
    assert_rule(
        "broken-paragraph",
        invalid=["\n\n".join(["我还想与大家共勉几句话：", "⟦千里之行始足下，⟧", "要一步一个脚印地把蓝图变为现实。"])],
        markup=False,
    )


def test_fields_of_a_form_take_no_full_stop():
    # found by held-out texts: a 民生实事 list, a notice's contact lines, a transcript's header
    assert_rule(
        "broken-paragraph",
        valid=[
            "1.新建改扩建幼儿园5所，新增学位1800个。\n\n责任单位：县教育局、县住房和城乡建设局\n\n完成时限：2024年8月底",
            "联系人：市林业局森林防火科　赵立新\n\n联系电话：0578-2261835（传真同号）",
            "时间：2026年1月20日上午10时\n\n地点：省政府新闻发布厅\n\n"
            "发布人：省统计局局长陈卫东；国家统计局青川调查总队副总队长刘雅琴\n\n主持人：省政府新闻办副主任宋涛",
        ],
        invalid=[
            # a field cut in two is still a cut: the next line is no field
            "责任单位：县教育局、⟦县住房和城乡建⟧\n\n设局。",
            # a label that introduces a sentence is no field
            "今年主要预期目标是：地区生产总值增长5%左右，⟦城镇新增就业⟧\n\n1.2万人以上。",
        ],
    )


def test_rows_of_a_table_set_as_text_take_no_full_stop():
    # found by held-out bulletins and an information-disclosure report: one table row a line
    assert_rule(
        "broken-paragraph",
        valid=[
            "表1　2025年末人口数及其构成\n\n指标 年末数（万人） 比重（%）\n\n其中：0—15岁（含不满16周岁） 23650 16.8\n\n"
            "16—59岁（含不满60周岁） 85210 60.6\n\n60周岁及以上 31720 22.6\n\n其中：65周岁及以上 22480 16.0",
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况\n\n"
            "自然人 法人或其他组织 总计\n\n商业企业 科研机构 社会公益组织 法律服务机构 其他",
            # a list of members, a name and a post a line (names with a space inside too)
            "联席会议成员名单\n\n韩长城　农业农村部副部长\n\n曹远航　中华全国供销合作总社理事会副主任\n\n"
            "蒋立新　中国邮政集团有限公司副总经理\n\n沈　波　国家开发银行副行长\n\n刘　敏　国家统计局副局长",
        ],
        invalid=[
            # a prose paragraph cut before a figure is still a cut, even with a space in it
            "全年地区生产总值达到2.5万亿元，按可比价格计算比上年增长5.6%，⟦其中第三产业增加值达到⟧\n\n1.4万亿元。",
            # a single space between Latin words or figures is no layout: a cut sentence with one is cut
            "全年规模以上工业增加值增长6.4%，我市企业研⟦发的新一代 AI 芯片和⟧\n\n配套软件实现量产。",
        ],
    )


def test_silent_on_the_rows_notes_and_titles_of_tables_and_forms():
    # found by held-out round five: plans' indicator tables with group labels, the information-
    # disclosure report's bracketed note above its table, a title whose only mark is a slogan's
    assert_rule(
        "broken-paragraph",
        valid=[
            # a group label above the rows of a table set as text, numbered on across groups
            "编号　指标项　单位　2020年基期值　2035年目标值　指标属性\n\n空间底线\n\n"
            "1　生态保护红线面积　平方千米　—　≥1846.52　约束性\n\n2　永久基本农田保护面积　万亩　—　≥268.35　约束性\n\n"
            "空间品质\n\n3　历史文化保护线面积　平方千米　—　≥18.62　约束性",
            # a note in brackets, whole in itself, above a header of two levels
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n\n本年度情况　申请人情况\n\n"
            "自然人　法人或其他组织　总计",
            # a title or an annex's name whose marks are inside a slogan or a bracket
            "泓川省“三证合一、一照一码”登记制度改革新闻发布会实录\n\n时间：2015年9月28日上午",
            "附件：各县（市、区）秸秆禁烧和综合利用督查情况统计表\n\n沣阳市人民政府办公室",
            "各县（市、区）秸秆禁烧和综合利用督查情况统计表\n\n县（市、区）　暗访乡镇（个）　暗访村（个）　发现问题（个）",
            # a plan's decimal section numbers on lines of their own
            "枫林县突发地质灾害应急预案\n\n1　总则\n\n1.1　编制目的\n\n为高效有序做好突发地质灾害应急处置工作，最大限度减少人员伤亡和财产损失，制定本预案。",
        ],
        invalid=[
            # a sentence cut before a figure is still cut: a figure with a space is no heading
            "全年城镇新增就业人数达到12.6万人，其⟦中高校毕业生就业人数达到⟧\n\n3 万人以上。",
            # a long sentence with its comma outside any quote still ends without a mark
            "会议强调，要深入推进“三证合一、一照一码”改革。要持续优化营商环境，进一⟦步压减企业开办时间和成本⟧\n\n"
            "会议同意市场监管局的汇报。",
        ],
    )


def test_silent_on_schedules_name_lists_attachment_lists_and_bylines():
    # found by held-out round six: a meeting's schedule, a commendation's list, a notice's
    # attachments, a statistics release's headline above its byline
    assert_rule(
        "broken-paragraph",
        valid=[
            "3月19日上午\n\n9:00—9:10　宣布会议开始，介绍出席会议的领导和嘉宾　厅分管负责同志\n\n10:20—10:30　会间休息\n\n"
            "10:30—11:20　交流发言　东川市、安远市、临江市交通运输局，平川县、清源县交通运输局\n\n3月19日下午\n\n"
            "14:30—16:30　分组讨论《青川省农村公路提质增效三年行动方案（征求意见稿）》　各设区市交通运输局",
            "李秀兰　龙潭乡党委委员、副乡长\n\n张德明　双井镇农业综合服务中心主任\n\n王　芳　县人民医院护士长",
            "附件：1.参会回执\n\n2.2025年度全省“四好农村路”示范县（市、区）名单\n\n3.分组讨论安排\n\n青川省交通运输厅\n\n2026年3月2日",
            "1—10月全市经济运行稳中有进　新动能加快成长\n\n江渚市统计局\n\n2025年11月18日\n\n今年以来，全市经济运行总体平稳。",
        ],
        invalid=[
            # a paragraph cut before the line that names a body is still cut: that line is no byline
            "会议要求，各地要抓紧制定实施方案，⟦明确责任分工和完成时⟧\n\n限，按时报送青川省交通运输厅。",
        ],
    )


def test_silent_on_lines_whose_fields_are_set_apart_by_spaces():
    # running Chinese prose has no full-width space, tab or run of spaces inside a line: a line
    # with one is a form's fields, a row, a byline or a headline of two parts
    assert_rule(
        "broken-paragraph",
        valid=[
            "填报单位（盖章）：　　　　　　填报人：　　　　　　联系电话：\n\n姓名　性别　民族　单位及职务　手机号码",
            "1—10月全市经济运行稳中有进　新动能加快成长\n\n全市规模以上工业增加值同比增长6.8%。",
            "承办单位：市交通运输局  联系人：苏婷\n\n会议期间请保持手机畅通。",
        ],
        invalid=[
            "全年规模以上工业增加值增长6.4%，其⟦中高技术制造业和装备制造⟧\n\n业增加值分别增长12.5%和9.1%。",
        ],
    )


def test_silent_on_a_letters_header_fields_and_its_title_above_the_addressee():
    # found by a held-out reply letter: 类别 and 签发人 fields, the title, then the addressee
    assert_rule(
        "broken-paragraph",
        valid=[
            "澜州省教育厅\n\n澜教提函〔2024〕43号\n\n类别：A\n\n签发人：郑国安\n\n"
            "澜州省教育厅关于省政协十三届二次会议第0215号提案答复的函\n\n黄明远委员：\n\n"
            "您提出的《关于加强乡村教师队伍建设的提案》收悉。现答复如下：",
        ],
        invalid=[
            # below the header, a sentence cut in two is still cut
            "类别：A\n\n签发人：郑国安\n\n关于第0215号提案答复的函\n\n黄明远委员：\n\n"
            "全年规模以上工业增加值增长6.4%，其⟦中高技术制造业和装备制造⟧\n\n业增加值分别增长12.5%和9.1%。",
        ],
    )


def test_silent_on_a_list_of_attachments_a_line_each():
    # found by a held-out model contract: 附件N： titles under 本合同共有以下5个附件：
    assert_rule(
        "broken-paragraph",
        valid=["本合同共有以下3个附件：\n\n附件1：工程项目及报价单\n\n附件2：甲方供应材料、设备明细表\n\n"
               "附件3：乙方供应材料、设备明细表\n\n本合同自双方签字之日起生效。"],
    )


def test_silent_on_a_bulletins_distribution_lines_and_a_title_above_a_body_that_opens_with_its_period():
    # found by held-out statistical briefs: 报：送：发： fields, and a title line above 1—8月，…
    assert_rule(
        "broken-paragraph",
        valid=[
            "3.同比增长按可比口径计算。\n\n报：市委、市政府，省文化和旅游厅\n\n送：市人大常委会、市政协，市统计局\n\n"
            "发：各县（市、区）文化广电和旅游局",
            "2025年1—8月全市工业经济运行情况\n\n1—8月，全市工业经济延续稳中有进的发展态势，主要指标增速逐月回升。",
        ],
        invalid=[
            # a sentence cut before its figure is still cut
            "全年规模以上工业增加值增长6.4%，其⟦中高技术制造业和装备制造⟧\n\n业增加值分别增长12.5%和9.1%。",
        ],
    )


def test_silent_on_a_list_of_units_under_group_labels_and_a_bracketed_label():
    # found by a held-out commendation and a statistics monthly: 市直单位（10个） above its units
    # set apart by 、, the next group's label, and 【本期要目】 above the contents
    assert_rule(
        "broken-paragraph",
        valid=[
            "一、先进集体（9个）\n\n市直单位（5个）\n\n市统计局综合统计科、市发展改革委综合科、市财政局经济建设科、"
            "市税务局征管和科技发展科、市数据资源管理局数据共享科\n\n白沙区（4个）\n\n白沙区统计局、白沙区市场监管局、"
            "白沙区高新园区管理委员会经济发展局、白沙区东湖街道办事处",
            "【本期要目】\n\n1—11月全市经济运行情况简析\n\n主要经济指标",
        ],
        invalid=[
            # a sentence cut in the middle of its enumeration is still cut
            "推进新型工业化、信息化、⟦城镇化和农业现代⟧\n\n化同步发展，取得了新的成效。",
        ],
    )


def test_silent_on_groups_of_names_each_on_a_line_after_its_label():
    # found by a held-out list of results: 单位（N人）：名、名、… a line per unit, no full stop
    assert_rule(
        "broken-paragraph",
        valid=["柏川城建集团有限公司（4人）：毛永萍、邵锋、曾家勇、谢文华\n\n"
               "柏川市建筑设计研究院有限公司（3人）：陶玉辉、傅金辉、钟一平\n\n"
               "平湖县住房和城乡建设局（3人）：邱欣然、邓海涛、罗宇航",
               # found by a held-out 考核结果通报: a grade's two units, then its table's title
               "一般等次（2个）：长坪镇、高桥镇\n\n2024年度镇（街道）综合绩效考核得分情况"],
        invalid=["推进新型工业化、信息化、⟦城镇化和农业现代⟧\n\n化同步发展，取得了新的成效。",
                 # no count in the label: a sentence may have been cut after its colon
                 "主要任务：推进城乡融合发展、⟦乡村全面振兴⟧\n\n和区域协调发展。"],
    )


def test_silent_on_a_photos_caption_and_credit_between_sections():
    # found by a held-out 记者手记: the caption ends with its credit, then a bare section numeral
    assert_rule(
        "broken-paragraph",
        valid=["一\n\n清晨六点，尹秀兰已经站在教学点门口，等着孩子们一个一个走进教室。\n\n"
               "图为尹秀兰在云顶村教学点给学生上课。记者 沈若溪摄\n\n二\n\n中午，孩子们在学校吃饭，饭菜是她和村里的炊事员一起做的。"],
    )


def test_an_articles_number_set_apart_by_a_space_is_no_field():
    # found by a held-out pdftotext regulation: 第十条　 is the layout of regulations, and the
    # space after the article's number made the paragraph read as fields set apart
    assert_rule(
        "broken-paragraph",
        invalid=["第十条　审批部门应当在受理申请后20个工作日内办结；⟦委⟧\n\n托评估或者组织专家评议所需时间不计算在内。"],
        valid=["姓名　职务\n\n李秀兰　龙潭乡党委委员、副乡长"],
    )


def test_a_day_of_a_schedule_on_its_own_line_is_no_cut():
    # found by a held-out meeting notice: each day heads its times (4月16日（星期三） / 7:00—7:40：早餐。)
    assert_rule(
        "broken-paragraph",
        valid=["4月16日（星期三）\n\n7:00—7:40：早餐。\n\n8:30—11:30：分组讨论。",
               "10月17日（周五）\n\n9:00—10:00：开幕式。"],
        invalid=["4月16日（星期三）\n\n上午召开推进新型工业化、信息化、⟦城镇化和农业现代⟧\n\n化同步发展专题会。"],
    )


def test_silent_on_a_document_number_a_second_telephone_and_a_forms_empty_rows():
    # found by held-out notices and forms
    assert_rule(
        "broken-paragraph",
        valid=["关于2025澜江马拉松赛期间实行交通管制的通告\n\n澜公交通〔2025〕9号\n\n2025澜江马拉松赛定于11月16日举行。",
               "监督电话：0736-3312605（县人力资源和社会保障局事业单位人事管理股）\n\n"
               "0736-3315012（县纪委监委驻县人力资源和社会保障局纪检监察组）\n\n受理地址：县人力资源和社会保障局三楼。",
               "序号\t姓名\t单位\n\n1\n\n2\n\n3\n\n注：请按报名先后顺序填写。"],
    )


def test_silent_on_a_programmes_lines_that_are_whole_without_a_final_mark():
    # found by a held-out forum programme, sign-in plan and itinerary
    assert_rule(
        "broken-paragraph",
        valid=["协办单位：澄阳市科学技术协会、澜湖国际会议中心\n\n论坛简介\n\n长河流域生态文明论坛创办于2013年。",
               "5月15日（星期四）：全天报到；下午青年学者论坛；晚上欢迎招待会\n\n5月16日（星期五）：上午开幕式；下午平行分论坛",
               "全市重大项目建设现场推进会\n\n签到及座次安排\n\n（会务工作用，请勿外传）",
               "后勤保障：温晓蕾，手机：13851127746\n\n南浦市政府办公室联系人：任思博，手机：13957462213\n\n"
               "附：代表团在南浦、临港期间用车安排（由接待方协调提供）\n\n1号车（中型客车，19座）：全体代表团成员。"],
    )


def test_a_span_of_years_opens_a_title_not_a_count_cut_off():
    # found by a held-out implementation plan: a lone 附件 label above its table's title, which
    # opens with the years it covers; 2025 is no count that ends the clause above (72个，)
    assert_rule(
        "broken-paragraph",
        valid=["形成人人爱路、护路的良好局面。\n\n附件\n\n2025—2027年农村公路建设主要任务分解表\n\n单位：公里、座",
               "附件\n\n2025至2027年农村公路建设任务表"],
        invalid=["深入推进农村公路建设，⟦新建和改造道路⟧\n\n2025公里，打造示范路段13条以上。",
                 "深入推进城市更新，⟦改造老旧小区⟧\n\n72—80个，打造完整社区13个以上。"],
    )


def test_silent_on_rows_with_bars_between_cells_and_a_field_whose_value_is_a_sentence():
    # found by a held-out State Council decision and a licensing list: a table set as text with
    # ｜ between its cells, and a field line above a 备注 that holds whole sentences
    table = ("序号｜事项名称｜审批部门｜设定依据｜加强事中事后监管措施\n\n"
             "1｜船舶代理业务经营许可｜省级交通运输主管部门｜《国际海运条例》｜1.实行备案管理。2.加强信用监管。\n\n"
             "2｜推动新增重点事项在全省落地｜省政务服务管理局、各有关部门｜2025年6月底前")
    fields = ("设定和实施依据：《公路法》；《公路安全保护条例》；《超限运输车辆行驶公路管理规定》\n\n"
              "备注：跨设区的市行驶的，由省公路事业发展中心实施；在本设区的市行政区域内行驶的，由设区的市级交通运输主管部门实施。")
    assert_rule(
        "broken-paragraph",
        valid=[table, fields],
        invalid=["深入推进城市更新，用好自主更新政策，⟦改造老旧小区⟧\n\n72个，打造完整社区13个以上。"],
    )


def test_silent_on_items_set_one_a_line_without_a_final_mark():
    # found by held-out texts: a work report's 一图读懂 and a list of contacts, items one a line
    keywords = ("关键词一：项目攻坚\n\n实施县级以上重点项目126个，完成投资168.4亿元\n\n"
                "新签约亿元以上项目41个，其中10亿元以上项目6个\n\n新开工亿元以上项目38个，竣工投产25个\n\n"
                "关键词二：乡村振兴\n\n新建高标准农田3.5万亩\n\n“松阳茶油”“松阳山笋”获评省级农产品区域公用品牌")
    contacts = ("在政策执行过程中遇到问题，可以向以下部门咨询：\n\n区市场监管局（“个转企”、品牌培育、权益保护）：62830517\n\n"
                "区发展改革局（政策综合协调）：62830126\n\n区商务局（租金补贴、特色商业街区认定）：62830462\n\n"
                "也可以拨打“12345”政务服务便民热线咨询。")
    assert_rule("broken-paragraph", valid=[keywords, contacts])


def test_a_sentence_cut_into_spans_line_after_line_is_still_reported():
    # national_2017.txt, lines 51–57: links set on lines of their own after prose left unfinished
    text = ("——基础设施支撑能力持续提升。新建\n\n高速铁路\n\n投产里程超过1900公里，新建改建\n\n高速公路\n\n"
            "6700多公里、农村公路29万公里。")
    found = findings_for("broken-paragraph", text)
    assert [text[f.span.start : f.span.end] for f in found] == ["新建", "高速铁路", "新建改建", "高速公路"]
    # and a run that follows a sentence left open by its quote (sichuan_2026.txt, lines 215–219)
    quoted = ("7.“双向揭榜挂帅”：企业找技术、成果找市场“双向\n\n揭榜\n\n"
              "挂帅”的简称，其中“企业找技术”聚焦产业核心技术，由技术供给方带团队、带技术\n\n揭榜\n\n"
              "；“成果找市场”以中试成果等为重点。")
    assert findings_for("broken-paragraph", quoted)


def test_silent_on_a_headline_above_its_byline_or_its_date():
    # found by held-out news texts: an interview's subtitle and byline, an editorial's date
    assert_rule(
        "broken-paragraph",
        valid=["——访澜州市农业农村局党组书记、局长田守仁\n\n本报记者 邵晴川\n\n"
               "今年是乡村全面振兴深入推进的关键之年。近日，记者专访了局长田守仁。",
               "大力发展轻纺工业，更好地满足人民的需要\n\n（一九七九年八月十二日）\n\n"
               "在调整国民经济的工作中，加快轻纺工业的发展，是一项十分紧迫的任务。"],
    )


@given(st.text(alphabet="上接下转第3二版（）() 。，农业①", max_size=24))
@example("推进农业现代化（下转第二版）")
@example("推进农业现代化，上接第3版 ")
@example("上接第3版农业，下转第二版")
def test_the_open_text_leaves_a_closing_marker_out_as_the_plain_search_did(text):
    from reportlint.checks.broken_paragraph import _open_text, _without_trailing_notes
    from reportlint.text.artifacts import CONTINUATION

    plain = text.rstrip()
    marker = CONTINUATION.search(plain)  # every text searched, as before the search was spared
    while marker and marker.end() == len(plain) and marker.start() > 0:
        plain = plain[: marker.start()].rstrip()
        marker = CONTINUATION.search(plain)
    assert _open_text(text) == _without_trailing_notes(plain)
