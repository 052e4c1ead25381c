from helpers import assert_rule

RULE = "percentage-point"


def test_fires_on_a_change_of_a_rate_in_percent_that_is_the_difference_in_points():
    assert_rule(
        RULE,
        invalid=[
            "全省常住人口城镇化率由62.1%提高到64.3%，提高⟦2.2%⟧。",
            "高耗能行业增加值占比由20.8%降至18.2%，下降⟦2.6%⟧，产业结构持续优化。",
            "研发经费投入强度从2.35%提升至2.61%，提高了⟦0.26%⟧。",
        ],
        valid=[
            "全省常住人口城镇化率由62.1%提高到64.3%，提高2.2个百分点。",
            # the relative change of the rate, which % states correctly
            "城镇化率由60%提高到66%，提高10%。",
            "全省地区生产总值由5.2万亿元增加到5.5万亿元，增长5.8%。",
            # without both rates the % may be either: not reported
            "城镇调查失业率下降0.2%，居民消费价格上涨0.4%。",
        ],
    )


def test_fires_on_a_fall_given_in_multiples():
    assert_rule(
        RULE,
        invalid=[
            "通过技术改造，单位产品能耗⟦减少了一倍⟧。",
            "审批时限⟦降低两倍⟧，企业满意度明显提升。",
            "安全生产事故起数⟦下降3倍⟧。",
        ],
        valid=[
            "通过技术改造，单位产品能耗减少一半，审批时限压缩到原来的三分之一。",
            "高新技术产业增加值增长1倍，出口额增加了两倍。",
            "降本增效成果显著，利润是上年的3倍。",
        ],
    )
