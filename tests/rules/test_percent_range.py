from pathlib import Path

from helpers import assert_rule, findings_for

RULE = "percent-range"


def test_fires_on_a_bounded_rate_past_100_percent():
    assert_rule(
        RULE,
        invalid=[
            "深入推进城乡环境整治，全省森林覆盖率达到⟦105.3%⟧，草原综合植被盖度达到50%。",
            "地级城市空气质量优良天数比率达⟦199.1%⟧，细颗粒物平均浓度下降。",
            "农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理（管控）率分别达75%、92%、⟦157%⟧，新改建农村公路1.2万公里。",
            "12345市民服务热线诉求解决率、满意率分别达96.7%和⟦107%⟧，一批群众身边的操心事得到解决。",
            "地表水国控断面I—Ⅲ类水质比例不低于⟦197.5%⟧。",
            "数字经济核心产业增加值占地区生产总值比重提高到⟦112%⟧。",
            "研发投入占比由2.1%提高到⟦120%⟧。",
            # a negative figure for a share
            "城镇调查失业率为⟦-0.5%⟧，就业形势总体稳定。",
        ],
    )


def test_fires_on_shares_of_one_whole_that_pass_100_percent():
    assert_rule(
        RULE,
        invalid=[
            "一、二、三产业占比分别为⟦10%、50%、45%⟧。",
            "第一、第二、第三产业增加值占地区生产总值的比重分别为⟦10.2%、48.5%、45.3%⟧。",
            "全年三次产业结构为⟦10.5%、50.2%、49.3%⟧，服务业主导作用增强。",
            "城镇、农村人口占比分别为⟦60%、45%⟧。",
            # parts of one sentence, each taking a bare share (占 with no other whole named)
            "探索形成利益联结机制，其中，农户占⟦30%，龙头企业占40%，国有管理公司、合作社、村集体共占40%⟧。",
            "蒙自市在发展蓝莓产业中，形成以农户占⟦60%、村集体公司占30%、龙头企业占20%⟧的利益分配模式。",
        ],
    )


def test_silent_on_changes_and_rates_that_may_pass_100_percent():
    assert_rule(
        RULE,
        valid=[
            "航空双枢纽时隔5年旅客吞吐量再次破亿、入境游客大幅增长186.8%，旅游人次和收入均创历史新高。",
            "1299个重大项目完成投资1.4万亿元、投资完成率129.6%；微腔电子纸显示器件项目投产。",
            "“7+28+N”产业链群对规上工业增长贡献率达72.4%，服务业对经济增长贡献率超170%。",
            "银行业拨备覆盖率达到210%，流动性覆盖率保持在150%以上。",
            "上市公司资产证券化率达到120%，货币化率保持在200%左右。",
            "居民消费价格涨幅为-0.3%，城镇调查失业率控制在5%－6%。",
            "森林覆盖率提高120%。",
            "蔬菜、小浆果设施产量占比分别提高15、22个百分点，花卉产量全球第一、优质鲜切花占比60%。",
            "中心城市空气质量优良率不低于99%。",
        ],
    )


def test_silent_on_shares_of_different_wholes():
    assert_rule(
        RULE,
        valid=[
            "民营规上工业增加值、限上批发零售业商品销售额、外贸进出口总额占比分别为23.1％、62.5％、45.5％。",
            "力争产业投资、民间投资占比分别达到55%、45%。",
            "第一、第二、第三产业中民营经济占比分别为80%、60%、70%。",
            "城镇、农村居民医保参保人员中老年人占比分别为30%、80%。",
            "城镇、农村学校达标占比分别为40%、70%。",
            "第一、第三产业增加值分别增长2.5%、3.9%，社会消费品零售总额增长2.9%。",
            "三次产业结构为10.5%、40.2%、49.3%。",
            "其中，保障性住房、农村民生工程、社会事业投资占44%，自主创新、结构调整、节能减排和生态建设占16%，"
            "重大基础设施建设占23%，灾后恢复重建占14%。",
            # a share of another whole named, each part's own share, or the same share for each
            "北京地区获评国家科学技术奖58项、占全国28.7%，高被引科学家数量占全国的80%。",
            "外资企业中制造业占60%，内资企业中服务业占50%。",
            "中央和地方各占60%。",
        ],
    )


def test_silent_on_rates_of_execution_against_a_plan_or_a_period():
    assert_rule(
        RULE,
        valid=[
            "全省一般公共预算支出完成8000亿元，占预算数的106.48%。",
            "税收收入占年初预算的103.5%，非税收入占调整预算的98%。",
            "全年基本建设投资完成计划的112%。",
            "全年工业总产值占年度计划的百分之一百零六点四。",
            "钢产量占1957年的百分之一百五十，粮食产量占上年同期的120%。",
            "城镇居民人均可支配收入占全国平均水平的120%，发电设备利用小时数占设计能力的108%。",
        ],
        invalid=[
            # a share of a whole that is not a plan
            "全年工业总产值完成计划的百分之一百零二，占全国的⟦百分之一百二十⟧。",
            "全省粮食产量占全国的⟦112%⟧，比上年提高1个百分点。",
        ],
    )


def test_silent_on_rates_of_different_subjects_one_after_another():
    assert_rule(
        RULE,
        valid=[
            # each subject's share of its own kind, named once at the first (nhc_health_2024)
            "2024年，提供中医服务的社区卫生服务中心占同类机构的99.7%，社区卫生服务站占97.1%，乡镇卫生院占99.8%，"
            "村卫生室占86.6%。",
            # sets that overlap
            "全省三级医院中，开展日间手术的占85%，开展远程医疗的占92%。",
            # found by a held-out market analysis: one breakdown left incomplete, then a complete one
            "购房群体中，本市户籍购房者占83.4%，首次购房者占57.2%，二次及以上购房者占42.8%。",
            # found by a held-out census bulletin: villages with one facility each, shares of all villages
            "全省21436个村中，通公路的村占99.8%，通电的村占100%，安装了有线电视的村占89.4%，通宽带互联网的村占93.6%。",
            # nothing says that one whole is divided
            "全市规模以上工业企业研发机构覆盖面达到45%，高新技术企业占60%，科技型中小企业占70%。",
            # two breakdowns of one whole, each complete at 100%
            "全年进出口总额中，出口占55%，进口占45%，一般贸易占65%，加工贸易占25%。",
            "全国工业总产值中，国营工业占百分之六十七，合作社营工业占百分之二十，公私合营工业占百分之十三。",
        ],
        invalid=[
            "在全部从业人员中，男性占⟦62%，女性占48%⟧。",
            "全年财政支出中，教育占⟦40%，卫生健康占35%，社会保障占30%⟧。",
            "全年进出口总额中，出口占⟦55%，进口占50%，一般贸易占65%，加工贸易占25%⟧。",
            # one share after 100% is no second breakdown
            "全年财政支出中，教育占⟦40%，卫生健康占35%，社会保障占25%，农林水占14%⟧。",
            "全国工业总产值中，国营工业占⟦百分之六十七，合作社营工业占百分之三十，公私合营工业占百分之十三⟧。",
        ],
    )


def test_message_quotes_the_numbers_and_the_sum():
    [finding] = findings_for(RULE, "一、二、三产业占比分别为10%、50%、45%。")
    assert "10%、50%、45%" in finding.message and "合计105%" in finding.message
    [finding] = findings_for(RULE, "全省森林覆盖率达到105.3%。")
    assert "“覆盖率达到105.3%”" in finding.message
    # one share past 100% is reported once, as itself, not again in the sum
    [finding] = findings_for(RULE, "其中，农户占130%，龙头企业占30%。")
    assert "“占130%”：所占份额" in finding.message


def test_silent_on_the_sample_report():
    sample = Path(__file__).resolve().parents[2] / "seeds" / "000_ad65c542b7148e02.txt"
    assert not findings_for(RULE, sample.read_text(encoding="utf-8"))


def test_the_message_names_the_whole_rate():
    [finding] = findings_for("percent-range", "全市常住人口城镇化率达到112%，比上年提高1个百分点。")
    assert "“城镇化率达到112%”" in finding.message and "城镇化率是" in finding.message
