from helpers import apply_edit, assert_rule, findings_for
from hypothesis import example, given
from hypothesis import strategies as st

BODY = "更好统筹发展和安全两件大事，既是重大理论问题，也是重要实践要求。"


def test_fires_on_newspaper_and_print_leftovers():
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦上接第3版⟧\n\n{BODY}",
            f"{BODY}\n\n⟦（下转第二版）⟧",
            "西藏实现经济较快增长，⟦（下转第四版）⟧",
            "提供了行动指南。⟦（下转第四版）⟧⟦（紧接第一版）⟧ 我们坚持人民至上、生命至上。",
            f"{BODY}\n\n⟦— 12 —⟧\n\n{BODY}",
            f"{BODY}\n\n⟦第3页 共10页⟧",
            # a credit that ran into a body paragraph: only the credit is the leftover
            f"{BODY}{BODY}{BODY}⟦本报记者 戴冰摄⟧\n\n{BODY}",
        ],
    )


def test_a_photo_caption_is_reported_and_deleted_with_its_credit():
    # The caption and its credit are one leftover: deleting only the credit would
    # leave the photo's caption in the body.
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦殷勇同志作政府工作报告。本报记者 戴冰摄⟧\n\n各位代表：\n\n{BODY}",
            f"⟦1月14日，北京市第十六届人民代表大会第三次会议开幕。（新华社记者 李学仁 摄）⟧\n\n{BODY}",
            f"{BODY}\n\n⟦王正谱作政府工作报告。通讯员 张三、李四摄⟧",
            f"⟦本报记者 霍艳恩摄⟧\n\n{BODY}",
        ],
    )
    text = "殷勇同志作政府工作报告。本报记者 戴冰摄\n\n各位代表：\n"
    [finding] = findings_for("layout-artifact", text)
    assert "殷勇同志作政府工作报告" in finding.message and "本报记者 戴冰摄" in finding.message
    [edit] = finding.fix.edits
    assert apply_edit(text, edit) == "各位代表：\n"


def test_a_web_widget_label_with_its_colon_is_chrome():
    # 分享: / 分享： / 字体: are the labels of a page's share bar and font switch.
    assert_rule(
        "layout-artifact",
        invalid=[
            f"{BODY}\n\n⟦分享:⟧",
            f"⟦分享：⟧\n\n{BODY}",
            f"{BODY}\n\n⟦打印 | 分享: | 关闭⟧",
            f"⟦字体: 大 中 小⟧\n\n{BODY}",
        ],
        valid=[
            "各方要分享：发展机遇、合作成果。",
            f"{BODY}\n\n经验分享：坚持问题导向，推动改革落地。",
        ],
    )


def test_fires_once_on_a_block_of_web_page_chrome():
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦下载\n\n打印\n\n全屏\n\n收藏\n\n【字号：\n\n加大\n\n还原\n\n减小\n\n】⟧\n\n2026年北京市政府工作报告\n\n{BODY}",
            f"2026年政府工作报告\n\n⟦来源：云南日报\n\n2026-02-03 09:02:33⟧\n\n{BODY}",
            f"{BODY}\n\n⟦相关报道：⟧",
        ],
    )


def test_breadcrumb_items_belong_to_the_chrome():
    # In plain text each breadcrumb item is a line of its own ("云南要闻" is the item after ">").
    text = f"您的位置:\n\n首页\n\n>\n\n云南要闻\n\n2026年政府工作报告\n\n{BODY}"
    [finding] = findings_for("layout-artifact", text)
    assert text[finding.span.start : finding.span.end] == "您的位置:\n\n首页\n\n>\n\n云南要闻"
    assert "共4段" in finding.message


def test_fires_on_a_running_header_repeated_through_the_text():
    text = "\n\n".join([BODY, "昭通市人民政府工作报告（征求意见稿）"] * 3)
    found = findings_for("layout-artifact", text)
    assert [text[f.span.start : f.span.end] for f in found] == ["昭通市人民政府工作报告（征求意见稿）"] * 3
    assert not found[0].related and found[1].related


def test_the_first_line_that_a_header_repeats_is_the_title_and_stays():
    # pdftotext: the title on page 1, the same words as the header of every later page
    title = "云岫县人民政府工作报告"
    text = "\n\n".join([title, BODY, "— 1 —", title, BODY, "— 2 —", title, BODY, "— 3 —", title, BODY])
    found = [f for f in findings_for("layout-artifact", text) if "重复出现" in f.message]
    assert [f.line for f in found] == [7, 13, 19]  # the copies of pages 2-4, not line 1


def test_copies_with_nothing_between_them_are_no_header():
    # a header stands once a page; deleting adjacent copies would empty the text (issue 14)
    assert not findings_for("layout-artifact", "工作\n工作\n工作\n")
    assert not findings_for("layout-artifact", "测试建设\n\n测试建设\n\n测试建设\n\n测试建设\n")


def test_silent_on_real_report_text():
    assert_rule(
        "layout-artifact",
        valid=[
            # dates, signatures, sources of data and numbered items are part of a report
            "——2026年1月20日在昭通市第五届人民代表大会第八次会议上\n\n省长 王予波\n\n各位代表：",
            "2026年1月20日",
            "数据来源：国家统计局\n\n资料来源：市统计局。",
            "各位代表！\n\n" + BODY + "\n\n各位代表！\n\n" + BODY + "\n\n各位代表！",
            "推动外贸进出口总额突破2亿元，转第三产业发展。版权保护持续加强。",
            "实现优良天数比率上升、PM2.5平均浓度下降“两个目标”，争创“大、中、小”城市协同发展格局。",
            "1. 加快建设现代化产业体系\n\n2. 全面深化改革",
            "建成村道公路安全生命防护工程600公里，第3页所列项目全部完工。",
            "2026-01-20",
            "一张蓝图绘到底，展示城市发展成就的纪录片由市融媒体中心拍摄",
        ],
    )


def test_header_repeats_option():
    text = "\n\n".join([BODY, "内部资料 注意保存"] * 2)
    assert not findings_for("layout-artifact", text)
    assert len(findings_for("layout-artifact", text, options={"header-repeats": 2})) == 2


def test_fix_deletes_the_whole_line():
    text = f"上接第3版\n\n{BODY}\n"
    [finding] = findings_for("layout-artifact", text)
    [edit] = finding.fix.edits
    assert apply_edit(text, edit) == f"{BODY}\n"


def test_a_line_that_recurs_inside_its_sentences_is_no_running_header():
    # A wiki link set apart recurs because the text names it again: 《 / 纲要（草案） / 》…
    named = "\n\n".join(["《", "纲要（草案）", f"》提出，{BODY}"] * 4)
    # 一是 / 二是 lead every enumeration; 各位代表： opens a passage of a speech
    leads = "\n\n".join(f"{lead}\n\n{BODY}" for lead in ["一是", "二是", "三是"] * 3)
    salutations = "\n\n".join(["各位代表：", BODY] * 4)
    assert_rule("layout-artifact", valid=[named, leads, salutations])
    # a real running header still counts, even when a page break puts one mid-sentence
    header = "某市人民政府工作报告（征求意见稿）"
    text = "\n\n".join([BODY, header, BODY, header, BODY, "大力支持民营企业和民营", header, "经济发展。"])
    assert len(findings_for("layout-artifact", text)) == 3


def test_page_metadata_labels_take_their_value_line():
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦发表时间：\n\n2026-02-09 09:45:30\n\n来源：\n\n宁夏日报客户端⟧\n\n{BODY}",
            f"{BODY}\n\n⟦责任编辑：\n\n李莎莎⟧",
            f"⟦2026年02月10日 07时41分⟧\n\n{BODY}",
            f"{BODY}\n\n⟦（来源：青海日报）⟧",
            # a page's list of linked items: each id with the item's title on the next line
            f"{BODY}\n\n⟦相关链接>>\n\ne4c29f31c6964493a14c4ddf6b160169:\n\n四川干部群众热议政府工作报告 以奋勇争先之姿，乘势而为\n\n"
            f"be341a59f1dd422394845dcb3fce09dc:\n\n解读省政府工作报告：在服务大局中担难担重前行⟧",
        ],
        valid=[
            # a label's value is a short line: a sentence after it is the document again
            "数据来源：国家统计局\n\n资料来源：市统计局。",
            f"编辑部：\n\n{BODY}",
        ],
    )


def test_a_notice_keeps_its_own_time_and_place():
    assert_rule("layout-artifact", valid=["时间：\n\n2026年3月5日上午9时\n\n地点：\n\n市政府第一会议室\n\n请各单位准时参加。"])


def test_chrome_items_that_share_a_line_and_a_page_list_of_links():
    # found by held-out web captures: several widgets on one line, set apart by wide spaces
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦来源：石川日报　　发布时间：2026-02-06 09:30　　浏览次数：\n\n【字体：大 中 小】　【打印本页】　【关闭窗口】\n\n"
            f"分享到：微信　微博　QQ空间⟧\n\n{BODY}",
            f"{BODY}\n\n⟦相关阅读：\n\n石川市第十七届人民代表大会第五次会议开幕\n\n【我要纠错】　　【打印本页】　　【关闭窗口】\n\n"
            f"主办：白鹭市人民政府办公室　　网站标识码：3509000007　　闽ICP备12345678号⟧",
        ],
        valid=[
            # a notice's own time and place on one line, and an event's organisers, are no chrome
            f"时间：2026年3月5日　地点：市会议中心\n\n{BODY}",
            f"主办单位：市科协　承办单位：市科技馆\n\n{BODY}",
        ],
    )


def test_a_caption_under_its_image_in_a_markdown_draft_is_the_drafts_own():
    # found by a held-out Markdown news draft: the picture is there, and its caption under it
    caption = "7月16日，全市“六稳”“六保”工作推进会召开。（记者 孙一帆 摄）"
    assert not findings_for("layout-artifact", f"会议指出，要稳住经济基本盘。\n\n![会议现场](images/meeting.jpg)\n\n{caption}\n",
                            "draft.md")
    # without the picture it is what a newspaper's lost photo left: reported
    assert findings_for("layout-artifact", f"会议指出，要稳住经济基本盘。\n\n{caption}\n", "draft.md")
    assert findings_for("layout-artifact", f"会议指出，要稳住经济基本盘。\n\n{caption}\n", "draft.txt")


def test_the_header_row_each_table_of_a_list_repeats_is_no_running_header():
    # found by a held-out 评审结果公示: three tables, one for each kind of project, one header each
    header = "序号　课题名称　负责人　所在单位"
    tables = "\n\n".join(f"{kind}项目（{n}项）\n\n{header}\n\n1　{kind}课题研究{n}　王{n}　临江学院\n\n"
                         f"2　{kind}课题研究{n + 1}　李{n}　青川大学" for n, kind in ((3, "重点"), (5, "一般"), (7, "青年")))
    assert not findings_for("layout-artifact", tables, "a.txt")
    # a short line repeated between pages is still a running header
    page = "临江市社会科学规划办公室"
    pages = "\n\n".join(f"第{n}部分正文，说明有关情况。\n\n{page}" for n in range(1, 5))
    assert [f.line for f in findings_for("layout-artifact", pages, "a.txt")] == [3, 7, 11, 15]


def test_a_newspapers_related_news_column_over_a_report_is_text():
    # found by a held-out news page: 相关新闻 over a headline whose report (本报讯…) follows is a
    # printed column; over titles alone it is a web page's list of links
    report = "本报讯（记者　田诗雨）3月20日，市农业农村局发布《春耕生产技术指导意见》，为全市春耕生产提供技术指导。"
    assert_rule(
        "layout-artifact",
        valid=[
            f"{BODY}\n\n相关新闻\n\n我市发布春耕生产技术指导意见\n\n{report}",
            f"{BODY}\n\n延伸阅读\n\n全省春播进度过半\n\n新华社长沙3月21日电（记者　周明）全省春播粮食进度过半，比去年同期快2个百分点。",
        ],
        invalid=[
            f"{BODY}\n\n⟦相关新闻\n\n我市发布春耕生产技术指导意见\n\n全省春播进度过半⟧",
        ],
    )


def test_widgets_in_brackets_side_by_side_are_chrome():
    # found by a held-out web capture: the page's footer 【打印本页】【关闭窗口】 with no space between
    assert_rule(
        "layout-artifact",
        invalid=[f"{BODY}\n\n⟦【打印本页】【关闭窗口】⟧"],
        valid=[f"【中共中央】【国务院】关于深化改革的意见。\n\n{BODY}"],
    )


def test_more_of_a_pages_furniture_and_a_newspapers_masthead():
    # found by held-out captures: leftovers the rule missed
    assert_rule(
        "layout-artifact",
        invalid=[
            f"⟦岚川日报　2026年1月23日　星期五⟧\n\n{BODY}",
            f"{BODY}\n\n⟦（本版责编：周婉清）⟧",
            f"⟦首页 > 政务公开 > 规划计划 > 政府工作报告⟧\n\n{BODY}",
            f"⟦【字体：大　中　小】　【打印】⟧\n\n{BODY}",
            f"{BODY}\n\n⟦上一篇：泓州市人民政府关于表彰招商引资工作先进单位的通报\n\n"
            "下一篇：关于泓州市2024年预算执行情况的报告\n\n网站地图 | 联系我们 | 隐私声明 | 无障碍浏览\n\n"
            "版权所有：泓州市人民政府办公室　　网站标识码：3622000031⟧",
        ],
        valid=[
            # the words in a sentence, and a newspaper named with a date inside one
            f"{BODY}\n\n下一篇文章将介绍各地的做法，首页已发布相关通知。",
            f"据岚川日报2026年1月23日报道，全市春运工作平稳有序。\n\n{BODY}",
        ],
    )


def test_silent_on_the_title_signature_and_date_of_each_document_of_a_series():
    # found by held-out election announcements: 公告（第1号）…（第3号）, each with its title, signing
    # body and date; a page header repeats more often than the file has documents
    announcement = ("黛山县第十八届人民代表大会第一次会议公告\n\n（第{n}号）\n\n"
                    "黛山县第十八届人民代表大会第一次会议于2021年12月29日举行全体会议，选举产生了{who}，现予公告。\n\n"
                    "黛山县第十八届人民代表大会第一次会议主席团\n\n2021年12月29日")
    series = "\n\n".join(announcement.format(n=n, who=who) for n, who in
                         ((1, "县人大常委会主任"), (2, "县人民政府县长"), (3, "县人民法院院长")))
    header = "黛山县人民代表大会公告汇编（征求意见稿）"
    two = "\n\n".join(announcement.format(n=n, who=who) for n, who in ((1, "县人大常委会主任"), (2, "县人民政府县长")))
    assert_rule("layout-artifact", valid=[series])
    # three copies of a line in a file of two documents: a page header
    text = f"{two}\n\n{header}\n\n{BODY}\n\n{header}\n\n{BODY}\n\n{header}\n\n{BODY}"
    assert [text[f.span.start : f.span.end] for f in findings_for("layout-artifact", text)] == [header] * 3


def test_a_header_row_above_rows_that_part_a_cell_in_two_is_the_tables():
    # found by a held-out duty roster: each unit's table repeats 日期　带班领导　值班人员, and its rows
    # give the leader's post and name in two cells
    tables = "\n\n".join(f"{unit}（值班电话：0873-318{n}119）\n\n日期　带班领导　值班人员\n\n"
                         f"10月1日　支队长　童海峰　郝立军、单志鹏\n\n10月2日　政委　梅建国　姬文斌、卢永亮"
                         for n, unit in enumerate(("一、市应急救援支队", "二、市森林消防大队", "三、市应急物资储备库")))
    assert not findings_for("layout-artifact", tables)


def test_a_forms_seal_and_date_line_under_each_box_is_no_running_header():
    # found by a held-out registration form: three boxes, each closing with its seal and date
    box = "{}意见：\n\n（盖章）　　　　年　　月　　日"
    text = "\n\n".join(box.format(who) for who in ("村党组织", "乡镇（街道）", "县农业农村局"))
    assert_rule("layout-artifact", valid=[text])


def test_a_timetables_parts_of_the_day_are_no_running_headers():
    # found by a held-out training handbook: 上午 and 下午 above each day's sessions
    day = "{}（星期{}）\n\n上午\n\n8:30—11:30　专题讲座\n\n下午\n\n14:30—17:00　分组研讨"
    text = "\n\n".join(day.format(date, weekday) for date, weekday in (("6月9日", "一"), ("6月10日", "二"), ("6月11日", "三")))
    assert_rule("layout-artifact", valid=[text])


def test_a_related_box_of_prose_under_its_label_is_the_articles():
    # found by a held-out news release: 相关链接 heads a paragraph of figures, not links to pages
    assert_rule(
        "layout-artifact",
        valid=["全市集中开工重大项目86个。\n\n相关链接\n\n一季度，全市新开工项目236个，开工率59.0%，完成投资312亿元，同比增长8.6%。"],
        invalid=["全市集中开工重大项目86个。\n\n⟦相关链接\n\n我市召开重大项目推进会\n\n我市出台稳投资十条措施⟧"],
    )


def test_marks_of_omission_and_the_dated_note_under_each_title_are_no_header():
    # found by a held-out excerpt of a list (…… for the items it leaves out) and a compilation
    # of resolutions adopted at one session, each with its dated note under its title
    omitted = "\n\n".join(["序号：1", "事项名称：公路超限运输许可", "……", "序号：5", "事项名称：建设工程规划许可", "……",
                           "序号：9", "事项名称：取水许可", "……", "序号：12", "事项名称：排污许可"])
    note = "（2025年1月17日芦州市第十届人民代表大会第四次会议通过）"
    resolutions = "\n\n".join([f"关于{what}的决议\n\n{note}\n\n{BODY}" for what in ("政府工作报告", "计划", "预算", "法院工作报告")])
    assert not findings_for("layout-artifact", omitted)
    assert not findings_for("layout-artifact", resolutions)
    # a running header in brackets without a date is still one
    header = "（征求意见稿）"
    assert len(findings_for("layout-artifact", "\n\n".join([BODY, header] * 3))) == 3


def test_the_issuer_and_date_under_each_title_of_a_numbered_series_are_no_header():
    # found by held-out census bulletins: 第一号 to 第三号 in one file, each with its issuer and date
    parts = []
    for number, subject in (("一", "农业生产经营单位"), ("二", "农业生产条件"), ("三", "农民生活条件")):
        parts += [f"棠溪市第三次全国农业普查主要数据公报（第{number}号）", "棠溪市第三次全国农业普查领导小组办公室",
                  "棠溪市统计局", "2018年1月15日", f"现将棠溪市第三次全国农业普查{subject}的主要数据公布如下：", BODY]
    assert not findings_for("layout-artifact", "\n\n".join(parts))


def test_a_sites_name_and_a_bare_date_beside_the_pages_time_stamp_or_source():
    # found by held-out web captures: the news site's name stands first on its date line
    assert_rule(
        "layout-artifact",
        invalid=[
            f"鹤阳市人民政府工作报告\n\n⟦鹤阳新闻网　2026-01-13 08:46　来源：鹤阳日报⟧\n\n{BODY}",
            f"汾川省2026年政府工作报告\n\n⟦汾川在线　2026年1月27日　来源：汾川日报⟧\n\n{BODY}",
            f"青泽市政府工作报告（全文）\n\n⟦青泽日报客户端　2026年2月10日 06:30⟧\n\n{BODY}",
            f"汀澜区2024年政府工作报告\n\n⟦信息来源：汀澜区人民政府办公室⟧\n\n{BODY}",
        ],
        valid=[
            # the site's name and a date alone, an issuer and its date, a press conference's own fields
            f"青泽日报客户端　2026年2月10日\n\n{BODY}",
            f"{BODY}\n\n青湖县人民政府　2026年1月5日",
            f"新闻发布会实录\n\n发布时间：2025年6月18日10:00\n\n发布地点：市人民政府新闻发布厅\n\n{BODY}",
            f"数据来源：国家统计局\n\n{BODY}",
        ],
    )


def test_a_caption_on_its_own_and_a_pictures_source_are_what_a_photo_left():
    assert_rule(
        "layout-artifact",
        invalid=[
            f"{BODY}\n\n⟦图为3月25日，石沅镇种粮大户在田间查看秧苗长势。⟧\n\n{BODY}",
            f"{BODY}\n\n⟦▲ 上图：新建成的青湖大桥。⟧",
            f"{BODY}\n\n⟦全市春耕生产现场会在石沅镇召开。（图片来源：岚川日报）⟧",
            f"{BODY}\n\n⟦市委宣传部供图⟧",
        ],
        valid=[
            # 图 in a sentence, and a figure's own title in a bulletin
            f"{BODY}如图所示，全年粮食产量稳定增长。\n\n图1　2021—2025年粮食产量及其增长速度",
            f"{BODY}为群众提供图书借阅服务。",
        ],
    )
    # a caption right under its image in a Markdown draft is the draft's own
    draft = "# 工作动态\n\n![会议现场](img/meeting.png)\n\n图为会议现场。\n"
    assert findings_for("layout-artifact", draft, path="draft.md") == []


def test_marks_an_archive_page_or_markup_left_inside_the_text():
    # national_1983.txt: 栾茀, whose second character the archive's font lacked; PM_2.5 in
    # scraped 2025 and 2026 reports; a middle dot for a decimal point in old typeset pages
    assert_rule(
        "layout-artifact",
        invalid=[
            "被评为全国劳动模范的有赵春娥、栾⟦ｆú＠①⟧、张华等同志。",
            "全市⟦PM_2.5⟧平均浓度下降到28微克/立方米，⟦CO_2⟧排放持续下降。",
            "细颗粒物（⟦PM_{2.5}⟧）浓度下降。",
            "全年工业总产值增长⟦19·5⟧％，财政收入增加⟦3·2⟧亿元。",
            f"{BODY}\n\n⟦字库未存字注释：\n\n＠①原字为：艹弗⟧",
        ],
        valid=[
            # dates set with the 间隔号, quoted or not; names of a code, a file, an e-mail
            "有效应对“7·19”特大暴雨，在6·26国际禁毒日开展宣传，纪念“一·二八”事变。",
            "调用接口get_data_2，下载file_2.5版本，联系admin@example.com。",
            "全市PM2.5平均浓度下降到28微克/立方米。",
        ],
    )
    [finding] = findings_for("layout-artifact", "全年工业总产值增长19·5％。")
    assert finding.message == "“19·5”用间隔号“·”作小数点，应为“19.5”"
    assert [edit.content for edit in finding.fix.edits] == ["."]
    [finding] = findings_for("layout-artifact", "全市PM_2.5平均浓度下降。")
    assert [edit.content for edit in finding.fix.edits] == ["PM2.5"]
    # HTML's subscript in a plain-text file (in Markdown the tag is markup, not prose)
    [finding] = findings_for("layout-artifact", "PM<sub>10</sub>浓度持平。")
    assert [edit.content for edit in finding.fix.edits] == ["PM10"]
    [finding] = findings_for("layout-artifact", "有赵春娥、栾ｆú＠①、张华等同志。")
    assert finding.fix is None  # the character is lost: only the writer can put it back


@given(st.text(alphabet="本报记者新华社李学仁摄图片来源：/供（）() 。上接第3版", max_size=30))
@example("会议现场。（新华社记者 李学仁 摄）")
@example("会议现场。本报记者 李学仁摄")
@example("会议现场。（图片来源：新华社）")
@example("会议现场。市委宣传部供图")
def test_a_credit_is_searched_for_only_where_it_can_end_the_text_and_found_as_before(text):
    from reportlint.text.artifacts import PHOTO_CREDIT, PICTURE_SOURCE, photo_credit, picture_source

    text = text.rstrip()
    plain = PHOTO_CREDIT.search(text) or PICTURE_SOURCE.search(text)
    found = photo_credit(text) or picture_source(text)
    assert (found and found.span()) == (plain and plain.span())
