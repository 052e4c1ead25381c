from helpers import apply_edit, assert_rule, findings_for

from reportlint.model import Severity


def test_fires_on_words_and_parts_of_words_typed_twice():
    assert_rule(
        "doubled-word",
        invalid=[
            "推进昭通抽水蓄能项目前期工作，⟦新增新增⟧装机100万千瓦以上。",
            "我们必须坚定⟦不移不移⟧走城市内涵式发展道路。",
            "加快500千伏水⟦富富⟧、220千伏金沙江变等建设。",
            "统筹做好文史、决策咨询、港澳⟦侨侨⟧、科普、档案工作。",
            "依托院士专家工作站开展科技入滇和⟦滇滇⟧科技交流合作活动。",
            "这是我们⟦的的⟧工作重点。",
            "⟦2026年2026年⟧是“十五五”规划开局之年。",
            "Read ⟦the the⟧ report.",
        ],
    )


def test_fires_where_the_second_copy_is_swallowed_by_the_next_word():
    assert_rule(
        "doubled-word",
        invalid=[
            "我们迎难⟦而上而上⟧、积极作为。",  # 迎难而上|而|上
            "实施土壤⟦污染污染⟧源头防控行动。",  # 污染|污染源|头
            "我们妥善⟦应对应对⟧自然灾害。",  # 应|对应|对
            "要⟦紧紧围绕紧紧围绕⟧企业产品结构调整。",  # the shortest repeat, 紧紧, is a word
            "开展文化文物单⟦位位⟧改革试点。",  # 单位|位: the first copy ends a word
            "城镇新⟦增增⟧就业86万人，新增就业人数稳步增长。",  # 增就业 occurs only after 新
            "提高残疾⟦人人⟧两项补贴标准，落实残疾人两项补贴。",  # 人两项 occurs only after 残疾
            "坚持在发⟦展展⟧中固安全。",  # 展展 is in the dictionary, twice in its whole corpus; 发展 is common
            "一⟦些些⟧企业生产经营困难。",  # 一些 is a word of its own, not 一 + a measure word
        ],
    )


def test_fires_across_a_line_break():
    assert_rule("doubled-word", invalid=["今年加快能源项目建设，全市⟦新增\n\n新增⟧装机100万千瓦，电力总装机达到2800万千瓦。"])
    # soft-wrapped Markdown lines are one paragraph
    found = findings_for("doubled-word", "今年全市新增\n新增装机100万千瓦。\n", "case.md")
    assert [f.line for f in found] == [1]


def test_silent_on_reduplication_chinese_makes_on_purpose():
    assert_rule(
        "doubled-word",
        valid=[
            "人人都是参与者，天天都有新变化，常常深入基层，个个都是好样的。",
            "年年有新进展，渐渐形成合力，谢谢大家，做到一一对应。",
            "扎扎实实做好方方面面的工作，认认真真、家家户户、实实在在、点点滴滴。",
            "一座座新城拔地而起，一项项改革落地见效，一步一步向前推进，一张张笑脸。",
            "牢牢把握高质量发展这个首要任务，紧紧围绕中心工作，久久为功。",
            "全市上下生机勃勃，干干净净、踏踏实实、规规矩矩办事。",
        ],
    )


def test_silent_on_repeats_that_straddle_two_words():
    assert_rule(
        "doubled-word",
        valid=[
            "进一步转变工作作风，为了了解实际情况，扩大生产产品，审议会议议程。",
            "实施积极的财政政策，做好归侨侨眷工作，深化与吉尔吉斯斯坦合作。",
            "完善矛盾纠纷多元化化解机制，扩大中国国际进出口商品交易会影响，加快实现现代化。",
            "要要素市场化配置改革走深走实，加快首都都市圈建设。",
            "强化食品药品安全全链条监管，完善全链条监管机制。",
            "推进市属高校一校一策分类提升。",
        ],
    )


def test_silent_on_particles_numbers_and_parallel_phrasing():
    assert_rule(
        "doubled-word",
        valid=[
            "目的的实现离不开大家的努力。",
            "编制“十五五”规划，建成1100个5G基站，2025年增长5.5%。",
            "学中求进、难中求进、干中求进、变中求进，稳中求进。",
            "人民城市人民建，人民城市为人民。",
            "That that is is fine.",
        ],
    )


def test_a_consistently_used_form_is_reported_once_as_info():
    text = "打造文旅旅商特色品牌。\n\n促进文旅旅商深度融合。\n\n推动文旅旅商高质量发展。\n"
    found = findings_for("doubled-word", text)
    assert [(f.line, f.severity) for f in found] == [(1, Severity.INFO)]
    assert "3处" in found[0].message
    assert findings_for("doubled-word", text, allow_words=frozenset({"文旅旅商"})) == []


def test_a_doubling_inside_a_short_quoted_name_is_info():
    found = findings_for("doubled-word", "打响“通办办”政务服务品牌。")
    assert [(f.column, f.severity) for f in found] == [(5, Severity.INFO)]


def test_fix_deletes_the_second_copy():
    text = "新增新增装机100万千瓦，Read the the report."
    found = findings_for("doubled-word", text)
    assert len(found) == 2
    for finding in found:
        assert finding.fix.applicability == "unsafe"
    fixed = text
    for edit in sorted((e for f in found for e in f.fix.edits), key=lambda e: e.span.start, reverse=True):
        fixed = apply_edit(fixed, edit)
    assert fixed == "新增装机100万千瓦，Read the report."


def test_possibly_intended_doublings_carry_no_fix():
    # The sample's 文旅旅商 (three times) and “通办办” (the brand is 通通办): deleting a copy is no fix.
    text = "推动文旅旅商融合。发展文旅旅商产业。打响文旅旅商品牌。推行“通办办”服务。"
    found = findings_for("doubled-word", text)
    assert [f.severity.value for f in found] == ["info", "info"]
    assert all(f.fix is None for f in found)


def test_silent_on_reduplicated_given_names_in_a_list_of_people():
    assert_rule(
        "doubled-word",
        valid=[
            "在主席台就座的还有：马兴瑞、王毅、尹力、胡春华、沈跃跃、王勇、周强、帕巴拉·格列朗杰、何厚铧。",
            "出席会议的有张欢欢、李丹丹、王勇、刘洋，列席会议的有吴晶晶、郑强。",
            "当选为主席团成员的有：欧阳丽丽、陈佳佳、吴涛、郑晶晶、许其亮。",
            "委员：阿依努尔·买买提、王强、李伟、赵刚。",
            # a given name after a title, or at the start of a sentence
            "全国人大常委会副委员长沈跃跃出席会议。沈跃跃同志主持会议。",
        ],
        invalid=[
            # the surname doubled, and an item of the list that is no name
            "在主席台就座的还有：马兴瑞、王毅、胡春华、⟦沈沈⟧跃、王勇、周强。",
            "会议邀请了张欢欢、李丹丹、王勇、⟦工作工作⟧人员代表。",
        ],
    )


def test_silent_on_a_doubled_unit_that_means_every():
    assert_rule(
        "doubled-word",
        valid=[
            "实现市市通高铁、县县通高速，村村通硬化路，户户通自来水。",
            "重大项目周周有调度，届届见成效，项项优质量，件件有回音。",
            "确保校校通宽带、镇镇有污水处理厂。",
        ],
        invalid=[
            # a verb or a conjunction typed twice is no unit
            "这⟦是是⟧我们的工作。",
            "这是改革⟦和和⟧发展的关键。",
        ],
    )


def test_silent_where_the_second_copy_opens_a_word_the_dictionary_lacks():
    assert_rule(
        "doubled-word",
        valid=[
            # a place name before its generic head
            "集中开展了东山组团、火车站站前广场等重点区域的绿化工作。",
            "建成南昌昌北机场三期，推进高铁站站前广场改造提升，建成长沙沙坪机场。",
            # a preposition after a place name
            "建设西安经周至至乾县高速公路。",
            # a prefix of scope before a noun
            "强化食品药品安全全链条监管。",
            # a compound with the next character, before a noun
            "开展太湖湖体蓝藻治理，加强巢湖湖体保护。",
            "培育产业链链主企业，支持供应链链主企业做大做强。",
            # an abbreviation of one-character verbs
            "加快种业培育育繁推一体化。",
            # the seat before a verb of sitting
            "大会执行主席席就座。",
        ],
        invalid=[
            "坚持在发⟦展展⟧中固安全。",
            "强化食品药品安⟦全全⟧监管。",  # 全监管 is no compound
            "开展太⟦湖湖⟧治理。",
            "统筹推进新型城镇⟦化化⟧建设。",
        ],
    )


def test_silent_on_fixed_terms_and_figures_of_speech():
    assert_rule(
        "doubled-word",
        valid=[
            "发展水水联运、铁水联运和公铁联运，推进江海联运和水水中转。",
            "领导干部要具体抓抓具体，任务很紧很紧，压力很大很大。",
            "“呦呦鹿鸣，食野之苹”，我们热烈欢迎各国朋友。",
        ],
        invalid=[
            "要⟦抓好抓好⟧落实，⟦加强加强⟧监督。",
        ],
    )


def test_traditional_text_is_read_through_simplified_characters():
    assert_rule(
        "doubled-word",
        valid=[
            "中華人民共和國國務院總理周恩來。千千萬萬的人民，子子孫孫，種種困難，紛紛表示，僅僅一年。",
        ],
        invalid=[
            "我們必須⟦堅持堅持⟧社會主義道路，發展國民經濟。",
            "這⟦是是⟧我們的任務。",
        ],
    )


def test_silent_on_chains_of_place_abbreviations():
    assert_rule(
        "doubled-word",
        valid=[
            "漳汕高铁、龙龙铁路武平至梅州段全线开工，荆荆高铁建成运营。",
            "广湛高铁建成通车，广汕汕高铁全线贯通。",
            "打造“宜荆荆”磷化工、“宜荆荆襄”新能源新材料产业集群，带动“宜荆荆恩”城市群一体化发展。",
        ],
        invalid=[
            # a quoted name that is no chain of places keeps its info finding
            "打响“通⟦办办⟧”政务服务品牌。",
        ],
    )


def test_silent_on_same_kind_compounds_beside_their_kin():
    assert_rule(
        "doubled-word",
        valid=[
            "逐步建立农工商结合、农商结合、工商结合或商商结合的新的商业形式。",
            "大力发展铁水联运，推进水水联运。",
        ],
        invalid=[
            # the word itself written again before a compound of its own elsewhere: a slip
            "实施文物保⟦护护⟧利用数字化工程，加强文物保护利用。",
        ],
    )


def test_silent_on_lists_whose_items_share_a_word():
    assert_rule(
        "doubled-word",
        valid=[
            "引入国机集团、中国通用、中国国新等央企战略力量。",
            "新建复线、延长车站站线、工业和其他的专用线。",
        ],
        invalid=["引入国机集团、中国通用、中国国新、华润⟦集团集团⟧等央企战略力量。"],
    )


def test_silent_on_more_doublings_chinese_makes_on_purpose():
    assert_rule(
        "doubled-word",
        valid=[
            "实事求是是我们党的思想路线。",  # the copula after an idiom that ends in 是
            "让三百六十行行行人才辈出。",  # 三百六十行, then 行行 (every trade)
            "确保10件民生实事件件有着落。",  # 实事, then 件件
            "搞团团伙伙、拉帮结派。",
            "让孩子们长得壮壮的，练得棒棒的。",
            "一抹抹民生暖色折射出高质量发展的成色。",
            "用公正监管管出公平、管出效率、管出活力。",  # 管出 opens each clause
            "举办大湾区博士博士后创新创业大赛。",  # 博士、博士后
        ],
        invalid=[
            "这⟦是是⟧我们党的思想路线。",
            "是没有理由不给他以生活的机会⟦和和⟧效力的机会的。",
            "在中西⟦部部⟧一些地方实行退耕还林。",
            "实施土壤⟦污染污染⟧源头防控行动。",
            "会议邀请了张欢欢、李丹丹、王勇、⟦工作工作⟧人员代表。",
        ],
    )


def test_silent_on_parallel_doublings_and_short_kinds_of_the_same():
    assert_rule(
        "doubled-word",
        valid=[
            "推动改革纵向向市县延伸、横向向民生保障等领域拓展。",
            "葡萄酒酒庄酒、枸杞深加工产品产量保持全国首位。",
            "托管15所新型城镇化试点县县中。",
        ],
        invalid=[
            "这是我们⟦的的⟧目标，也是群众⟦的的⟧期盼。",  # particles are never parallel
            "建设未来产业先⟦导导⟧区。",
        ],
    )


def test_silent_on_a_chain_of_place_abbreviations_before_a_head_the_segmenter_cuts():
    # 宜荆荆都市圈: jieba reads 都市|圈, but the chain still stands before its head 都市圈
    assert_rule(
        "doubled-word",
        valid=[
            "武汉都市圈同城化加快推进，襄十随神城市群、宜荆荆都市圈一体化建设提速。",
            "加快长株潭都市圈和宜荆荆都市圈建设。",
        ],
        invalid=["宜荆荆都市圈建设提速，推动⟦区域区域⟧协同发展。"],
    )


def test_silent_on_a_unit_doubled_before_a_word_of_mutual_action():
    # 老老互助: the old helping the old; 村村相通: one village with the next
    assert_rule(
        "doubled-word",
        valid=[
            "某县推行“老老互助”，组织低龄健康老人结对帮扶高龄独居老人。",
            "组织低龄老人开展老老互助，实现村村相通、户户相连。",
        ],
        invalid=["总结推广“老老互助”⟦模式模式⟧。", "组织老人开展互助，推动⟦互助互助⟧养老。"],
    )


def test_silent_on_a_verb_after_the_noun_it_doubles_when_an_aspect_particle_marks_it():
    # 工作|作了具体安排: the verb 作 after its object 工作, marked by 了
    assert_rule(
        "doubled-word",
        valid=[
            "刚才，市长同志对明年的经济工作作了具体安排，我完全同意。",
            "会议对下一阶段的重点工作作了全面部署。",
            # found by a held-out speech: 实干 then the verb 干 with its complement 出来
            "今天的成绩，是全县干部群众拼搏实干干出来的。",
            # found by a held-out speech: 就…工作作具体安排, the verb 作 and what it makes
            "苏文彬同志还将就抓好二季度工作作具体安排。",
        ],
        invalid=["区域经济发⟦展展⟧了新的态势。", "对明年的经济⟦工作工作⟧了具体安排。", "坚决⟦贯彻贯彻⟧党中央决策部署。",
                 "积累和消费的比例关⟦系系⟧有所改善。"],
    )


def test_silent_on_one_after_another():
    # 一个项目一个项目地抓: 一 + a measure word (+ its noun) doubled before a verb
    assert_rule(
        "doubled-word",
        valid=[
            "坚持以项目建设为抓手，一个项目一个项目地抓；坚持以企业服务为重点，一家企业一家企业地帮。",
            "调研组一个村一个村走访，一件实事一件实事地办。",
            "一步一步往前走。",
        ],
        invalid=["今年计划新开工⟦一个项目一个项目⟧。"],
    )


def test_silent_on_a_word_said_twice_and_glossed_by_the_next_clause():
    # 干部干部，干字当头: a noun said twice as the opening clause, taken up by the next one
    assert_rule(
        "doubled-word",
        valid=[
            "各级领导干部要敢于担当。干部干部，干字当头。",
            "改革改革，改字当头，关键在于敢闯敢试。",
        ],
        invalid=["要加强⟦干部干部⟧队伍建设。", "⟦干部干部⟧，要管好用好。"],
    )


def test_silent_on_units_doubled_in_parallel_clauses():
    # 河河有人管、段段有人巡: each clause doubles its unit before the same word, "every X has…",
    # whether or not the dictionary knows the unit after 每 or 各
    assert_rule(
        "doubled-word",
        valid=[
            "开展“河湖长制”巡查，做到河河有人管、段段有人巡。",
            "发展特色产业，让人人有事做、户户有收入。",
        ],
        invalid=["做到河河有人管、段段有人巡，加强⟦河道河道⟧治理。"],
    )


def test_silent_on_a_unit_doubled_in_a_clause_as_long_as_one_opened_by_a_reduplication():
    # 人人关注转型、企企推进转型: beside 人人 (every person), 企企 is "every enterprise"; the two
    # clauses are built alike, which a slip does not do
    assert_rule(
        "doubled-word",
        valid=[
            "营造“人人关注转型、企企推进转型”的浓厚氛围。",
            "形成户户讲卫生、村村比整洁的良好风尚。",
        ],
        invalid=[
            # the clause is not built like 人人参与: no parallel, the copy is a slip
            "推动人人参与，⟦企企⟧推进数字化转型和智能化改造全覆盖。",
        ],
    )


def test_silent_when_the_document_uses_the_second_copys_compound_after_a_determiner():
    # found by a held-out regulation: 路长制 beside 三级路长, 各级路长 (as 河长制 beside 各级河长)
    assert_rule(
        "doubled-word",
        valid=[
            "县级人民政府应当推行农村公路路长制，设立县、乡、村三级路长，明确各级路长的职责范围。",
            "全面推行湖泊湖长制，市、县、乡三级湖长每月巡湖不少于一次。",
        ],
        invalid=[
            # without the compound elsewhere there is no evidence: reported
            "完善农村公⟦路路⟧管护机制，明确职责范围和考核办法。",
            # a compound used elsewhere only as the tail of its own doubling is no evidence
            "今年⟦新增新增⟧装机容量100万千瓦，新增装机规模创历史新高。",
        ],
    )


def test_silent_on_the_port_of_a_place_whose_name_ends_in_gang():
    # found by a held-out provincial report: 临港港 is the port of the city 临港, as in 连云港港
    assert_rule(
        "doubled-word",
        valid=["临港港货物吞吐量突破9亿吨，集装箱吞吐量达到3960万标准箱。", "连云港港完成货物吞吐量3.2亿吨。"],
        invalid=["开展太⟦湖湖⟧治理。"],
    )


def test_silent_on_the_stretch_of_a_river_through_a_place_named_like_it():
    # found by a held-out communiqué: 长江江澜段 is the Yangtze's stretch through 江澜 (长江江苏段);
    # the names here are ones the dictionary does not know
    assert_rule(
        "doubled-word",
        valid=["澜江引水一期等一批重大工程建成投用，长江江澜段生态保护修复取得明显成效。",
               "淮河河澜段综合治理加快推进，沿线水质稳定达标。"],
        invalid=["长江⟦江江⟧澜段生态保护修复取得明显成效。", "推动⟦长江长江⟧江澜段生态保护修复。"],
    )


def test_silent_on_a_doubled_given_name_before_a_form_of_address():
    # found by a held-out reply to a deputy: 尊敬的孙晓晓代表 (a name, then how she is addressed)
    assert_rule(
        "doubled-word",
        valid=["尊敬的孙晓晓代表：", "感谢王丽丽同志对我市交通工作的关心和支持。", "会议由李明明局长主持。"],
        invalid=["推进文⟦旅旅⟧商融合发展，提升代表性项目影响力。", "⟦加快加快⟧代表团驻地建设。"],
    )


def test_silent_on_a_chief_system_and_on_a_list_of_levels_after_the_whole():
    # found by held-out regulations and a report: 路长制 is named as 河长制 is (the chief of the
    # road), and 全市 is followed by the levels 市、县、乡、村 it is made of
    assert_rule(
        "doubled-word",
        valid=[
            "县级人民政府应当推行农村公路路长制，明确职责范围和考核办法。",
            "推行产业链链长制，实施“一链一策”精准服务。",
            "全面落实河湖长制，全市市、县、乡、村四级河湖长2836名。",
            "全省省、市、县三级联动，压实属地责任。",
        ],
        invalid=[
            "全面落实河湖长制，全⟦市市⟧河湖长巡河率达到100%。",
            "完善农村公⟦路路⟧管护机制，明确职责范围和考核办法。",
        ],
    )


def test_silent_on_a_noun_that_opens_with_the_last_character_and_is_counted_by_a_figure():
    # found by a held-out transport bulletin: 集装箱|箱位 (container slots), counted in 标准箱
    assert_rule(
        "doubled-word",
        valid=["全省拥有集装箱船146艘，集装箱箱位1.36万标准箱。"],
        invalid=["全市粮食产⟦量量⟧1.2万吨，比上年增长2.1%。"],
    )


def test_silent_on_a_set_term_after_a_word_that_ends_in_its_head():
    # found twice by held-out texts: the duty a body bears (主体责任) after the body's name
    assert_rule(
        "doubled-word",
        valid=["三是部分经营主体主体责任意识淡薄，安全投入不足。",
               "督促市场主体主体责任落实到位，推动行业部门监管责任压实到人。",
               # found by a held-out 通报: the conjunction 和 before 和美乡村 (宜居宜业和美乡村)
               "凤鸣镇农业特色产业发展和和美乡村建设成效突出。",
               # found by a held-out feature story: a reduplicated word of the dictionary closing its clause
               "满山翠竹随风起伏，竹涛声声。",
               # found by held-out texts: "every case" after 要, parallel to 事事; a name whose second
               # character opens a compound (中国共产党|党和国家机关)
               "对群众反映的问题，要件件有回音、事事有着落。",
               "落实群众信访件件有回复制度，7日内程序回复率达到100%。",
               # found by a held-out county report: the unit counted just before (一岛一品)
               "坚持“一岛一品、岛岛有特色”，打造特色旅游产品。",
               "严格落实《中国共产党党和国家机关基层组织工作条例》。",
               # found by a held-out museum report: a body ending in the word, then the word as the verb
               "全市各级党组织组织党员参观学习860批次。"],
        invalid=["要落实企业⟦主体主体⟧作用，激发创新活力。", "统筹推进改革⟦和和⟧发展。"],
    )


def test_silent_on_the_cells_of_a_table_header():
    # found by a held-out monthly: the columns 11月, 1—11月 and 1—11月比上年同期增长 side by side
    header = "指标\t单位\t11月\t1—11月\t1—11月比上年同期增长（%）"
    assert not findings_for("doubled-word", "\n\n".join([header, "规上工业增加值\t亿元\t86.2\t905.3\t6.8"] * 4))


def test_silent_on_the_verb_ren_after_a_title_that_ends_in_it():
    # found by a held-out plan: 由开发区党工委书记任组长，管委会主任任常务副组长
    assert_rule(
        "doubled-word",
        valid=["成立工作领导小组，由开发区党工委书记任组长，管委会主任任常务副组长，分管副主任任副组长。"],
        invalid=["由管委会主⟦任任⟧牵头抓总，分管副主任负责日常工作。"],
    )


def test_silent_on_a_host_listed_in_the_header_then_opening_his_turn():
    # found by a held-out press conference transcript: 主持人：…韩立群 / 韩立群：…
    assert_rule(
        "doubled-word",
        valid=["主持人：人力资源社会保障部新闻发言人、办公厅副主任　韩立群\n\n韩立群：各位记者，大家上午好。"],
        invalid=["今年全省新增⟦装机装机⟧容量1200万千瓦。"],
    )


def test_a_bodys_name_then_one_of_its_organs_named_after_its_kind():
    # found by held-out rules of an audit office: 审计局|局务会议, as 厅|厅党组, 院|院务会
    assert_rule(
        "doubled-word",
        valid=["（2024年3月15日青禾市审计局局务会议审议通过　青审发〔2024〕6号印发）",
               "经省交通运输厅厅务会议研究决定。", "市审计局局党组书记张明出席会议。", "经学院院务会审议通过。"],
        invalid=["经省交通运输厅厅务⟦务务⟧会议研究决定。".replace("务⟦务务⟧", "⟦务务⟧"),
                 "经市审计⟦局局⟧研究决定，报市政府批准。"],
    )


def test_a_place_name_the_dictionary_lacks_then_a_term_its_head_opens():
    # found by a held-out environment bulletin: 青湖 (an invented lake, unknown to the
    # dictionary) then 湖体, as 太湖|湖体 for a lake the dictionary knows
    assert_rule(
        "doubled-word",
        valid=["青湖湖体水质为Ⅲ类，营养状态为中营养。", "太湖湖体水质为Ⅲ类，营养状态为中营养。"],
        invalid=["青湖⟦湖湖⟧水质为Ⅲ类，营养状态为中营养。", "青⟦湖湖⟧水质持续改善。"],
    )


def test_a_name_that_ends_inside_the_first_copy_and_a_set_phrase_before_the_verb():
    # found by held-out minutes and a speech: 柘城区 (柘城 + 区) then 城区; 苦干实干 (a set phrase)
    # then 干出来的, as 拼搏实干|干出来的
    assert_rule(
        "doubled-word",
        valid=["（一）原则同意《柘城区城区公共停车设施建设三年行动计划（2025—2027年）》。",
               "这些成绩来之不易，是全市上下顶压前行、苦干实干干出来的。"],
        invalid=["今年⟦新增新增⟧装机容量120万千瓦，坚定不移走生态优先之路。",
                 "坚定⟦不移不移⟧走生态优先、绿色发展之路。"],
    )


def test_a_word_with_its_alternative_in_brackets_and_a_localizer_before_a_verb():
    # found by a held-out land notice and an accident report: 扩建|建（构）筑物 (建筑物 / 构筑物);
    # 的情况下|下池施救, as 在此基础上|上调: the localizer closing its frame, then the verb
    assert_rule(
        "doubled-word",
        valid=["严禁突击搭建、加层、扩建建（构）筑物，违者不予补偿。",
               "两名工人在未采取任何防护措施的情况下下池施救，相继晕倒。",
               "在此基础上上调最低工资标准5%。"],
        invalid=["加快推进⟦新增新增⟧项目建设。", "坚定⟦不移不移⟧走生态优先、绿色发展之路。"],
    )


def test_silent_on_a_census_establishment_after_an_industry():
    # found by a held-out census bulletin: 第二产业 then 产业活动单位, the census's establishments
    assert_rule(
        "doubled-word",
        valid=["其中第二产业产业活动单位2.36万个，第三产业产业活动单位8.49万个。"],
        invalid=["推动第二⟦产业产业⟧升级。"],
    )


def test_silent_on_a_noun_lent_to_yi_as_a_measure_and_doubled():
    # found by a held-out feature on a village: 一垄垄 (row after row) as 一栋栋 and 一个个 are
    assert_rule(
        "doubled-word",
        valid=["一垄垄茶树顺着山势铺展开去，一畦畦菜地绿意盎然。"],
        invalid=["全面推进统一规划，一⟦定定⟧要抓好落实。"],
    )


def test_silent_on_a_lines_stop_named_after_the_station_it_serves():
    # found by held-out minutes: the metro line's stop at 东站 is 东站站
    assert_rule(
        "doubled-word",
        valid=["需与在建的地铁4号线东站站同步设计、同步施工。"],
        invalid=["全市建成充电⟦站站⟧345座。"],
    )


def test_silent_on_a_word_said_twice_and_again_after_zai():
    # found by a held-out CPPCC closing news: the stock figure of "again and again"
    assert_rule(
        "doubled-word",
        valid=["引导委员学习学习再学习、调研调研再调研，不断提高政治把握能力。"],
        invalid=["要⟦学习学习⟧各项政策，⟦调研调研⟧基层情况。"],
    )


def test_silent_on_a_names_doubled_syllable():
    # w146, a Yi autonomous county's report: a village, a dish and a quoted word of thanks
    assert_rule(
        "doubled-word",
        valid=[
            "瓦吉木乡洛洛村从昔日的贫困村变成了示范村，支持洛洛村、沙玛觉村发展彝家民宿。",
            "木嘎坨坨肉、酸菜洋芋汤成为游客必尝的特色美食。",
            "游客临走时总要道一声“卡莎莎”。",
        ],
    )


def test_a_paragraph_is_searched_for_a_doubled_latin_word_when_it_has_a_letter_as_the_search_reads_one():
    # the search for a doubled word ignores case, and so reads İ ı ſ K (Kelvin) as letters: the
    # quick look for a letter first must find them too
    import re

    from reportlint.checks.doubled_word import _LATIN_LETTER

    letters = [chr(c) for c in range(0x3000) if re.match("[A-Za-z]", chr(c), re.IGNORECASE)] + ["\u212a"]
    assert all(_LATIN_LETTER.search(letter) for letter in letters)
    assert _LATIN_LETTER.search("坚持稳中求进工作总基调，１２３。") is None
