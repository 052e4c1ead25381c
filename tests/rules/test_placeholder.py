from helpers import assert_rule, findings_for


def test_fires_on_marks_that_stand_for_a_figure_a_name_or_a_date():
    assert_rule(
        "placeholder",
        invalid=[
            "全年新增城镇就业⟦××⟧万人，城镇调查失业率控制在5.5%以内。",
            "完成固定资产投资⟦XX⟧亿元，增长6.2%。",
            "会议由市政府副市长⟦×××⟧同志主持。",
            "⟦ＸＸ⟧县要切实履行属地责任。",
            "本办法自⟦20XX年X月X日⟧起施行。",
            "请于⟦×月×日⟧前将材料报送市发展改革委。",
            "到⟦202X⟧年，全市基本建成现代化产业体系。",
            "确保⟦二〇XX⟧年底前全面完成。",
        ],
    )


def test_fires_on_drafting_notes_left_in_the_text():
    assert_rule(
        "placeholder",
        invalid=[
            "全市规模以上工业增加值增长6.8%，高于全省平均水平⟦（待补充）⟧。",
            "新建改建农村公路326公里⟦【待定】⟧，完成投资12.6亿元。",
            "城乡居民人均可支配收入分别增长5.6%和7.1%⟦（数据待核实）⟧。",
            "⟦此处插入图表⟧：2021—2025年全市地区生产总值及增速。",
            "粮食产量稳定在180万吨以上。⟦TODO⟧：与统计局核对全年数。",
        ],
    )


def test_silent_on_the_multiplication_sign_latin_letters_and_words_with_dai():
    assert_rule(
        "placeholder",
        valid=[
            # one × or X alone: a product, a slogan's sign, a letter of a name
            "加快推进大唐2×66万千瓦发电项目，聚焦“4×4”现代化产业体系，实施“数据要素×”行动。",
            "培育“415X”先进制造业集群，构建“1+N+X”规划体系，推广X射线安检设备，配备X光机。",
            "推广XBRL财务报告标准，引进XXL级大型装备。",
            # English prose quoting a Chinese form (the corpus's SOURCES.md)
            "The document ends item after item with the same （XX部负责）, a convention of the genre.",
            # 待 in words and sentences of the text, and a name given for now on purpose
            "落实教师工资待遇，做好待业青年就业服务，上年待定事项已全部办结。",
            "新建青湖大桥（暂定名），全长2.6公里。",
            # a notice telling its readers of an event not fixed yet
            "第二次集中培训安排在第三季度（具体时间待定），请各单位提前做好准备。",
            # 此处所称 in a regulation, a name hidden on purpose, zeros in years
            "本办法此处所称经营主体，是指在本市登记注册的企业。被告人李某某犯盗窃罪。",
            "二〇〇五年全省粮食产量达到二千一百万吨，一九八○年为一千五百万吨。",
        ],
    )


def test_silent_on_a_blank_form_and_a_format_the_reader_is_to_follow():
    # found by held-out texts: a duty roster handed out as a sample, a receipt's subject line,
    # a case number's format in a procedure
    assert_rule(
        "placeholder",
        valid=[
            "附件2\n\n××单位2025年国庆节中秋节期间值班表（样表）",
            "请于4月9日17:00前报送，邮件标题请注明“××市（州）推进会回执”。",
            "登记后生成案件编号，编号格式为“青复〔年份〕××号”。",
        ],
    )
    # a placeholder in a quoted slogan of the text itself is still one
    assert findings_for("placeholder", "全力打造“××之城”，推动高质量发展。")


def test_reads_titles_headings_and_tables_too():
    assert findings_for("placeholder", "××市2025年政府工作报告\n\n一、2024年工作回顾\n\n过去一年，全市经济稳中向好。")
    assert findings_for("placeholder", "指标　2024年　2025年\n\n地区生产总值（亿元）　3865　××")
