from helpers import assert_rule

RULE = "quantity-contradiction"


def test_fires_on_the_same_bound_said_twice():
    assert_rule(
        RULE,
        invalid=[
            "全年新增城镇就业⟦超过10万人以上⟧，城镇调查失业率控制在5.5%以内。",
            "每个乡镇⟦至少建成2个以上⟧标准化农贸市场。",
            "地级及以上城市空气质量优良天数比率⟦不低于90%以上⟧。",
            "全省高新技术企业⟦多达3200家以上⟧，科技型中小企业突破1万家。",
            "单个项目补助资金⟦最多50万元以下⟧。",
            "每个乡镇⟦最少建成2个以上⟧示范村，补助标准⟦最高5000元以下⟧。",
            "年收入⟦不足5000元以下⟧的困难群众全部纳入帮扶范围。",
            "⟦超过半数以上⟧的村集体经济收入达到10万元。",
            "服务业增加值占比提高⟦超过2个百分点以上⟧。",
        ],
        valid=[
            "全年新增城镇就业10万人以上，城镇调查失业率控制在5.5%以内。",
            "每个乡镇至少建成2个标准化农贸市场，单个项目补助资金最多50万元。",
            "地级及以上城市空气质量优良天数比率不低于90%。",
            "培训时间不少于5天、不超过10天，补助标准最低100元，最高500元。",
            "单个项目最高达100万元以上的，由市级统筹。",
            "节约财政资金1200万元以上，压减一般性支出10%左右。",
            # a rough extreme
            "预计最高气温可达最高35℃左右，每期培训最多50人左右。",
        ],
    )


def test_fires_on_bounds_that_contradict_each_other():
    assert_rule(
        RULE,
        invalid=[
            "农村低收入人口占比⟦不到3%左右⟧，返贫致贫风险总体可控。",
            "全县共有留守儿童⟦将近2000余⟧人，已全部建立关爱档案。",
            "参加培训的基层干部⟦将近500人以上⟧。",
            "受灾群众⟦不到一千多⟧人，均已妥善安置。",
        ],
        valid=[
            "全县共有留守儿童将近2000人，已全部建立关爱档案。",
            "受灾群众一千多人，均已妥善安置。",
            # an estimate stated twice is disputed usage, not reported
            "全市共有志愿者约12万人左右。",
            # 多达 and 高达 stress the size of an estimate
            "全年接待游客多达3000多万人次，旅游收入高达260多亿元。",
            # the number and its 左右 describe the object of the comparison
            "居民消费价格上涨1.9%，低于3%左右的调控目标；广义货币M2增长11.3%，低于13%左右的预期目标。",
            # 达不到: cannot reach
            "部分企业达不到95%以上的达标要求，须限期整改。",
            # found by a held-out regulation: the size of an excess over the quota
            "（一）超出百分之十以内（含百分之十）的部分，按照水价的一倍加价收费；超过定额20%以下的部分，加价50%。",
        ],
    )


def test_silent_when_the_tail_bounds_a_rank_after_the_measure_word():
    # found by a held-out application notice: 省级以上 is a rank, 至少 bounds the count of 1
    assert_rule(
        "quantity-contradiction",
        valid=["产业园内至少有1家省级以上农业产业化龙头企业。", "至少建成3个国家级以上重点实验室。"],
        invalid=["全市⟦至少建成3个以上⟧重点实验室。", "全市⟦至少建成3个以上⟧省级重点实验室。"],
    )
