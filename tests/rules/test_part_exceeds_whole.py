from helpers import assert_rule, findings_for


def test_fires_on_a_part_larger_than_its_whole():
    assert_rule(
        "part-exceeds-whole",
        invalid=[
            "科学实施重大生态修复工程，新增营造林148万亩、其中南北山绿化工程⟦430万亩⟧，修复治理退化草原517万亩。",
            # magnitudes: 1.2万 is more than 9000
            "深入实施援企稳岗政策，新增就业9000人，其中高校毕业生⟦1.2万人⟧。",
            # two floors of one plan
            "新建新能源汽车公共充电桩2万个以上，其中农村⟦3万个以上⟧。",
            # a rate of the whole may stand between it and 其中 (zhejiang_2025)
            "持续激发市场活力，全省经营主体达1095.2万户、增长5.9%，其中企业⟦1380.8万户⟧。",
            # 高标准农田 is no rate
            "新建高标准农田100万亩，其中高效节水灌溉⟦120万亩⟧。",
            # full-width digits (national_2002)
            "外贸进出口总额突破５０００亿美元，其中出口⟦７５００亿美元⟧，增长６．８％。",
            # a sentence that opens with 其中 divides the one before (national_1960)
            "加上原有的灌溉面积，共达十亿零七千万亩。其中有⟦十六亿一千万亩⟧，抗旱能力已经达到标准。",
        ],
    )


def test_fires_on_a_breakdown_after_a_colon_that_adds_up_to_more_than_the_whole():
    assert_rule(
        "part-exceeds-whole",
        invalid=[
            "年度目标：引进留用3600名高层次银龄人才，其中：⟦银龄教师1550名、银龄医师1000名、银龄工程师650名、"
            "银龄科技人才100名、银龄技师400名⟧。",
        ],
    )


def test_the_message_quotes_both_numbers():
    [finding] = findings_for("part-exceeds-whole", "新增就业9000人，其中高校毕业生1.2万人。")
    assert "1.2万人" in finding.message and "9000人" in finding.message
    [related] = finding.related
    assert related.message == "总数：“9000人”"
    [finding] = findings_for("part-exceeds-whole", "引进3600名人才，其中：教师1550名、医师1000名、工程师1150名。")
    assert "合计3700名" in finding.message and "3600名" in finding.message


def test_silent_on_parts_within_their_whole():
    assert_rule(
        "part-exceeds-whole",
        valid=[
            # the sample's control
            "奖补支持经营主体上规上限提质发展,推动中小企业“铺天盖地”、支柱企业“顶天立地”,"
            "净增“六上企业”700户以上,其中净增“四上企业”400户以上,力争在有条件的乡镇培育一批规模以上工业企业。",
            # the corpus
            "年度目标：引进留用3600名高层次银龄人才，其中：银龄教师1550名、银龄医师1000名、银龄工程师650名、"
            "银龄科技人才100名、银龄技师300名。",
            "完成营造林40万亩以上、其中南北山绿化工程20万亩，修复治理退化草原220万亩、治理水土流失23万亩。",
            "今年保障性安居工程新安排740万套，其中棚户区改造580万套，增加110万套，把城市危房改造纳入棚改政策范围。",
            "今年拟安排财政赤字10500亿元，其中中央财政赤字8500亿元，继续代发地方债2000亿元并纳入地方财政预算。",
            "营商环境向优向好，实有经营主体688.3万户，其中企业162.5万户、增长1.1倍，民营经济增加值突破1.7万亿元。",
            # a parenthesis ends the parts (yunnan_2025)
            "引进留用1万名左右高层次银龄人才，其中银龄教师6000人左右、银龄科技人才300人（其中银龄科技专家200人、"
            "银龄农业科技特派员100人）左右、银龄技师1000人左右。",
            # rates of parts may exceed the rate of the whole
            "工农业总产值，比1980年预计增长5.5％，其中，农业总产值增长4％，工业总产值增长6％。",
            "实际使用外资152.7亿美元，其中制造业外资占比51%。",
            # a part in another unit, and parts that may overlap
            "为80万重点群体提供就业帮扶，其中离校未就业高校毕业生6万人、退役军人1万人。",
            "培育科技型企业100家，其中高新技术企业80家、专精特新企业50家。",
            # parts of an average or a price may lie above it
            "全省居民人均可支配收入3.2万元，其中城镇居民4.5万元、农村居民1.9万元。",
            "生猪出栏平均价格每公斤15元，其中仔猪30元。",
            "钢材均价4000元/吨，其中特种钢材6000元/吨。",
            # a whole rounded to its last digit
            "新增城镇就业12万人，其中高校毕业生12.3万人。",
            # about: within its tolerance
            "新增就业约10万人，其中高校毕业生10.5万人左右。",
        ],
    )


def test_silent_when_the_whole_is_an_average_a_change_or_a_difference():
    assert_rule(
        "part-exceeds-whole",
        valid=[
            # a yearly average against one year
            "五年来财政收入年均超收2040亿元，其中去年2573亿元。",
            "过去五年粮食产量年平均增加一百二十亿斤，其中去年增加二百一十亿斤。",
            # a change against another period: the change of a part may be larger than the net change
            "全年财政收入比上年增加500亿元，其中税收收入增加800亿元。",
            "进出口总额比上年增长300亿美元，其中出口增长450亿美元。",
            "今年财政赤字较去年减少200亿元，其中中央财政赤字减少300亿元。",
            "全国城镇常住人口增加1200万人，其中东部地区增加1500万人。",
            # a difference between two amounts
            "全年财政收入超收800亿元，其中中央财政超收900亿元。",
            "全年外贸顺差1000亿美元，其中对欧盟顺差1500亿美元。",
            "全年节约资金300亿元，其中中央节约400亿元。",
            # a change between the whole and 其中 is the nearest amount
            "一九五六年国家预算收入二百九十七亿元，比上年增加二十五亿元，其中各项税收一百四十亿元。",
        ],
        invalid=[
            # additions of the period are sums of their parts
            "全年新增城镇就业120万人，其中高校毕业生⟦150万人⟧。",
            "一九五七年新建铁路一千一百公里，其中复线⟦一千三百公里⟧。",
        ],
    )


def test_silent_when_the_whole_is_an_average_per_member_or_each_value():
    # 均 makes an average in every compound, not only 人均 and 年均: a subgroup's average
    # workload, floor space or holding may lie above the average of all (held-out clean texts).
    assert_rule(
        "part-exceeds-whole",
        valid=[
            "2026年，医院医师日均担负诊疗6.3人次和住院2.1床日，其中：公立医院医师日均担负诊疗6.8人次和住院2.2床日。",
            "全省农户户均承包耕地7.6亩，其中山区县农户户均承包耕地9.2亩。",
            "全市中小学生均校舍建筑面积8.6平方米，其中农村学校生均校舍建筑面积10.2平方米。",
            "全市乡镇卫生院月均门诊量1.2万人次，其中中心卫生院月均门诊量2.6万人次。",
            # 均 as "each": the figure applies to each subject, no sum is meant
            "三个产业集群营业收入均突破500亿元，其中新能源产业集群营业收入620亿元。",
        ],
        invalid=[
            # the same measures as sums of the period: still wholes
            "全年新增医疗卫生机构床位2.1万张，其中公立医院⟦2.6万张⟧。",
            "全年建成中小学校舍86万平方米，其中农村学校⟦102万平方米⟧。",
            # 均衡, 均等 and 均匀 are no averages: 均衡性转移支付 is a sum of its parts
            "省级下达均衡性转移支付786.5亿元，其中县级⟦826.4亿元⟧。",
            "安排基本公共服务均等化资金120亿元，其中教育⟦150亿元⟧。",
        ],
    )


def test_silent_on_a_threshold_that_names_a_class_of_the_part():
    # found by a held-out county report: 超过30万元的村 is a class of villages, counted by 52个
    assert_rule(
        "part-exceeds-whole",
        valid=[
            "全县村级集体经济经营性收入全部超过10万元，其中超过30万元的村达到52个。",
            "全市规上工业企业营业收入均在2000万元以上，其中营业收入10亿元以上的企业46家。",
        ],
        invalid=[
            # the class is skipped, the part's own amount is still compared
            "新增规上企业700户，其中年营业收入1亿元以上的企业⟦900户⟧。",
        ],
    )


def test_silent_when_the_amount_before_qi_zhong_is_an_aside():
    # found by a held-out information-disclosure report: 其中 divides the 58, not the aside's 4
    assert_rule(
        "part-exceeds-whole",
        valid=["全年共收到政府信息公开申请58件，比上年增加11件，另有上年结转申请4件。其中，当面申请12件、信函申请9件、网上申请37件。",
               "全市新建保障性住房3200套，此外还有在建项目8个，其中公租房1500套。"],
        invalid=["全年共收到政府信息公开申请58件，其中网上申请⟦61件⟧。"],
    )


def test_silent_on_a_floor_each_one_passes():
    # found by a held-out township summary: 全部超过10万元 is said of each village, not of all
    assert_rule(
        "part-exceeds-whole",
        valid=["全镇16个村（社区）集体经济收入全部超过10万元，其中杨柳村、荷塘村、桃花村3个村超过50万元。",
               "全县12个乡镇财政收入均超过5000万元，其中城关镇超过2亿元。"],
        invalid=["全镇16个村（社区）集体经济收入合计超过300万元，其中杨柳村、荷塘村、桃花村⟦超过500万元⟧。"],
    )


def test_silent_when_a_sentence_opening_with_qi_zhong_follows_a_breakdown():
    # found by a held-out debt report: the sentence before lists the total and its fields, and
    # 其中 divides the total (182.2), not the last field (8.8)
    assert_rule(
        "part-exceeds-whole",
        valid=["新增专项债券182.2亿元，按领域分：交通基础设施46.8亿元，社会事业31.5亿元，其他领域8.8亿元。"
               "其中，用作项目资本金的专项债券资金18.6亿元。"],
        invalid=["全市灌溉面积共达十亿零七千万亩。其中有⟦十六亿一千万亩⟧，抗旱能力已经达到标准。"],
    )


def test_silent_when_qi_zhong_follows_the_last_part_of_a_breakdown():
    # found by a held-out rectification notice: 其中 divides the 19 clues, not the 3 in progress
    assert_rule(
        "part-exceeds-whole",
        valid=["省委巡视组移交的问题线索19件，已办结16件、正在办理3件，其中立案审查调查7件。"],
        invalid=["省委巡视组移交的问题线索19件，其中立案审查调查⟦27件⟧。"],
    )


def test_silent_when_qi_zhong_names_a_year_inside_the_span():
    # found by a held-out 1988-style report: the peak year inside 1982–1987 passed the last year
    assert_rule(
        "part-exceeds-whole",
        valid=["粮食产量由1982年的7080亿斤增加到1987年的8050亿斤，增长13.7%，其中1984年达到8130亿斤，是历史上最高的一年。"],
        invalid=["全年粮食产量8050亿斤，其中夏粮⟦8130亿斤⟧。"],
    )


def test_a_sentence_that_opens_with_qizhong_may_divide_any_clause_of_the_one_before():
    # found by a held-out state-assets report: the clauses of one sentence apart by semicolons,
    # then 其中 on the first of them (营业总收入), not on the last amount (上缴税费)
    assert_rule(
        "part-exceeds-whole",
        valid=["全市国有企业实现营业总收入412.36亿元，增长9.6%；利润总额18.74亿元，增长4.2%；上缴税费23.58亿元。"
               "其中，市属15户监管企业实现营业总收入286.47亿元，利润总额13.92亿元，分别增长10.8%和5.5%。"],
        invalid=["全市国有企业上缴税费23.58亿元，增长4.2%。其中，市属15户监管企业上缴税费⟦286.47亿元⟧。"],
    )


def test_an_age_that_names_a_class_is_no_amount():
    # found by a held-out health plan: 65岁及以上 is a part of 60岁及以上, the shares are the amounts
    assert_rule(
        "part-exceeds-whole",
        valid=["全市60岁及以上人口占比达到24.6%，其中65岁及以上人口占比达到17.8%。"],
        invalid=["全市60岁及以上人口达到98万人，其中65岁及以上人口⟦112万人⟧。"],
    )
