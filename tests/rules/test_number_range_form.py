from helpers import apply_edit, assert_rule, findings_for

RULE = "number-range-form"


def test_fires_on_a_range_whose_first_number_lost_its_magnitude_or_sign():
    assert_rule(
        RULE,
        invalid=[
            "2025年，预计带动社会投资⟦9～16亿⟧元，新增就业岗位5000个以上。",
            "2026年城乡居民医保财政补助标准提高⟦15～30%⟧。",
            "对新认定的专精特新企业，每家给予⟦13～17万⟧元奖励（2025年起执行）。",
            "2025年，力争规上工业增加值增长⟦6—7%⟧。",
            "2026年全市新建保障性住房⟦1.2至1.5万⟧套。",
        ],
        valid=[
            "2025年，项目建设周期3～5年，线路长100～150千米，单价12500～20000元。",
            "2025年，服务业增加值占比提高1～2个百分点。",
            "2025年，预计带动社会投资9亿～16亿元，增长15%～30%。",
            "2025年，咨询电话0871-63125678，国道G15-3段，2025-03-05完成验收。",
            # a document about a year before the first rules on numbers in print
            "一九五七年，基本建设投资比一九五六年约减少5—6%。",
        ],
    )


def test_fires_on_an_estimate_parted_by_a_dun_comma():
    assert_rule(
        RULE,
        invalid=[
            "2025年，用⟦三、四个⟧月时间完成集中整治。",
            "2025年，全县⟦五、六十⟧家企业参与结对帮扶。",
            "2025年，每个乡镇先选⟦一、两个⟧村开展试点。",
        ],
        valid=[
            "2025年，启动二级应急响应，一、二级响应由省指挥部决定。",
            "2025年第三、四季度，一、二年级学生，二、三产业协同发展，三、四月份降水偏少。",
            "2025年，用三四个月时间完成集中整治，全县五六十家企业参与。",
            "三、四个着力点要统筹推进（2025年）。",
            # 三、五 are no neighbours
            "2025年，每年安排三、五个重点项目。",
            "一九五五年，要有四、五十年的时间。",
        ],
    )


def test_the_fix_adds_the_magnitude_or_drops_the_dun_comma():
    text = "2025年，带动投资9～16亿元，用三、四个月时间完成。\n"
    fixed = text
    for finding in reversed(findings_for(RULE, text)):
        assert finding.fix.applicability == "safe"
        fixed = apply_edit(fixed, finding.fix.edits[0])
    assert fixed == "2025年，带动投资9亿元～16亿元，用三四个月时间完成。\n"
