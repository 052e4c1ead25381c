from helpers import assert_rule, findings_for

RULE = "respectively-mismatch"


def test_fires_when_subjects_and_values_differ_in_number():
    assert_rule(
        RULE,
        invalid=[
            # a value dropped: three subjects, two values
            "放大“绿电+先进制造业”新优势，⟦规模以上工业发电量、全社会用电量、西电东送电量分别增长10.6%、22.9%⟧，"
            "集中式光伏并网和在建规模均居全国前列。",
            # a value added: two subjects, three values
            "⟦生产安全事故起数、死亡人数分别下降9.1%、11.5%、7%⟧，连续61个月未发生重大及以上生产安全事故。",
            # two values for three subjects, in other units
            "航空航天、车联网、信创等产业保持两位数增长，⟦专精特新“小巨人”、制造业单项冠军、独角兽企业分别增至283家、"
            "49家⟧。",
            "⟦全区地方财政收入、支出、债务余额分别达到300亿元、一千一百七十亿元⟧。我们把扩大有效投资作为拉动经济增长的主动力。",
            # subjects joined by 和, values joined by 和
            "⟦全市生产安全死亡事故起数和死亡人数分别下降24.7%和28.2%和3%⟧。着力增强防灾减灾能力。",
            # after an outline number
            "三、⟦城镇、农村居民人均可支配收入分别增长5.1%、6.6%、7%⟧。",
            # each value with its own verb: 增长…和下降… are two values
            "⟦A市、B市、C市分别增长5%和下降3%⟧。",
            # a unit written once after the list (15、22个百分点): still one value short
            "⟦蔬菜、小浆果、花卉设施产量占比分别提高15、22个百分点⟧，咖啡产值增长3倍。",
        ],
    )


def test_silent_on_real_sentences_that_agree():
    assert_rule(
        RULE,
        valid=[
            "力争产业投资、民间投资占比分别达到55%、45%。",
            "力争农村生活垃圾处理率、生活污水治理率分别达到90%、70%以上。",
            "12345市民服务热线诉求解决率、满意率分别达96.7%和97%，一批群众身边的操心事、烦心事、揪心事得到解决。",
            "蔬菜、小浆果设施产量占比分别提高15、22个百分点，花卉产量全球第一、优质鲜切花占比60%。",
            "农村卫生户厕覆盖率、污水治理（管控）率、生活垃圾处理设施覆盖率分别提高20.9、36.2、54个百分点。",
            "小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.7个百分点。",
            "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内，主要经济指标增速继续保持全国前列。",
            "二氧化硫、氮氧化物排放要分别减少3%左右和5%左右。",
            "第一、第三产业增加值分别增长2.5%、3.9%，社会消费品零售总额增长2.9%。",
            "民营规上工业增加值、限上批发零售业商品销售额、外贸进出口总额占比分别为23.1％、62.5％、45.5％。",
            "乡镇通三级公路、30户以上自然村通硬化路的比例分别达70%、78%。",
            "水泥和化肥（折纯）分别达到２．４８亿吨和１９８８万吨，国家经济实力进一步增强。",
        ],
    )


def test_silent_when_the_reading_is_not_sure():
    assert_rule(
        RULE,
        valid=[
            # 和 inside one name: 信息传输、租赁和商务服务业 is two industries
            "信息传输、租赁和商务服务业增加值分别增长18.6%、13.4%。",
            # a 、 list closed by 和 may be two groups sharing a noun
            "农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理（管控）率分别达75%、92%，新改建农村公路1.2万公里。",
            # one value after 分别 is given to each subject: the same amount for each
            "全省新建、改建、扩建中小学分别增加2个。",
            "“十二五”期间，二氧化硫、氮氧化物排放量要分别减少3%。",
            "城镇、农村居民人均可支配收入分别增长5.5%，城镇调查失业率控制在5%以内。",
            "全区地方财政收入、支出分别达到300亿元。",
            "粮食、棉花的收购价格分别提高百分之二十。",
            "城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元。",
            # a single value that is a range, or given to each
            "纲要要求，国家、集体和个人分别储备起足够一年到两年食用的粮食。",
            "对新认定的国家级、省级企业技术中心分别给予最高100万元奖励。",
            "城镇、农村居民人均可支配收入分别增长5%左右。",
            "全区地方财政收入、支出分别突破300亿元。",
            # units the extractor does not read (分, 毛): the list is not read whole
            "早籼稻、中晚籼稻、粳稻每斤分别提高3分、5分和1毛钱，小麦每斤提高3分钱。",
            # an open list, and a pair of values for each subject
            "交通、水利等领域投资和民间投资分别增长5%、6%、7%。",
            "城镇、农村居民收入分别增长5%和6%、7%和8%。",
            # no list before 分别, or no figure after it
            "城乡居民人均可支配收入分别增长6.8%和8.3%。",
            "单晶硅、电解铝产能分别居全国第2、第4位。",
            "分别推出支持国有企业、民营企业、外资企业发展政策。",
            # an outline number is no subject
            "二、城镇、农村居民人均可支配收入分别增长5.1%、6.6%。",
            # a 、 inside quotes does not split a subject
            "“科技、产业、金融”循环和人才工作分别推进5项、3项改革。",
        ],
    )


def test_from_values_and_to_values_must_agree():
    assert_rule(
        RULE,
        invalid=[
            "民生投入累计超过1万亿元，城乡居民人均可支配收入从2021年的⟦46503元和16935元分别提高到58794元、23184元和41800元⟧，"
            "各族群众获得感成色更足。",
        ],
        valid=["城乡居民人均可支配收入从2021年的46503元和16935元分别提高到58794元和23184元，各族群众获得感成色更足。"],
    )


def test_message_quotes_subjects_and_values():
    [finding] = findings_for(RULE, "生产安全事故起数、死亡人数、受伤人数分别下降10.9%、7%。")
    assert "3项" in finding.message and "2个数值" in finding.message
    assert "生产安全事故起数、死亡人数、受伤人数" in finding.message and "10.9%、7%" in finding.message


def test_silent_on_the_sample_report():
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"
    assert not findings_for(RULE, sample.read_text(encoding="utf-8"))


def test_a_count_among_the_subjects_states_their_number():
    # found by a held-out provincial report: 、 parts two grades after the count, not two subjects
    subjects = "电子信息、新能源汽车、先进材料、现代纺织4个万亿级、千亿级产业集群营业收入"
    assert_rule(
        "respectively-mismatch",
        valid=[f"{subjects}分别达到1.08万亿元、5260亿元、4120亿元、2380亿元。"],
        invalid=[f"⟦{subjects}分别达到1.08万亿元、5260亿元、4120亿元、2380亿元、1650亿元⟧。"],
    )


def test_an_official_name_with_a_dunhao_inside_is_one_subject():
    # found by a held-out survey report: industries whose names hold 、 are parted by ，
    industries = "从事批发和零售业，交通运输、仓储和邮政业，住宿和餐饮业，居民服务、修理和其他服务业的农民工比重"
    assert_rule(
        "respectively-mismatch",
        valid=[f"在第三产业中，{industries}分别为12.6%、7.4%、7.0%和12.3%。"],
        invalid=["⟦制造业、建筑业、居民服务、修理和其他服务业从业人员分别增长3.1%和2.4%⟧。"],
    )
