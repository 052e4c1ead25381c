from helpers import assert_rule, findings_for

RULE = "invalid-date"


def test_fires_on_dates_no_calendar_has():
    assert_rule(
        RULE,
        invalid=[
            "截至⟦2025年2月29日⟧，全市累计完成固定资产投资1260亿元。",
            "本办法自⟦2024年4月31日⟧起施行，有效期五年。",
            "⟦二〇二三年二月二十九日⟧",
            "各县（市、区）请于⟦6月31日⟧前将自查报告报送市政府办公室。",
            "申报截止时间为⟦9月0日⟧。",
            "项目计划于⟦2026年13月⟧完成竣工验收。",
            "全年共受理申请1280件（统计截至⟦2025年11月31日⟧）。",
            "验收时间：⟦２０２５年２月２９日⟧",
            "完成时限：⟦2023-02-29⟧",
        ],
        valid=[
            "2024年2月29日，全省首个零碳园区正式挂牌。",
            "每年2月29日前完成上年度考核。",
            "农历二月三十日举办传统庙会，正月初一、腊月二十三各有民俗活动。",
            "规上工业增加值连续13个月保持两位数增长。",
            "1—2月，全市规上工业增加值增长6.1%；3月5日至7日召开全市两会。",
            "2025年12月31日—2026年1月2日放假调休，共3天。",
            "本条例自二〇二五年三月一日起施行。",
            "一季度（1—3月）全省实现地区生产总值1.3万亿元。",
        ],
    )


def test_fires_on_a_weekday_that_does_not_match_its_date():
    assert_rule(
        RULE,
        invalid=[
            "会议定于⟦2025年3月5日（星期二）⟧上午9时在市政府第一会议室召开。",
            "请各单位于⟦2024年10月8日（周一）⟧前报送。",
            # without its year: the paragraph's year and the next are both tried
            "请于2025年12月20日前报名。培训定于⟦1月9日（星期一）⟧开班。",
        ],
        valid=[
            "会议定于2025年3月5日（星期三）上午9时召开。",
            "2026年1月23日　星期五",
            "请于2025年12月20日前报名。年度会议定于1月8日（星期四）召开。",
            "2027年2月5日（农历除夕、周五）至13日放假调休，共9天。",
            # no year anywhere in the text: nothing to check the weekday against
            "请于3月13日（星期五）17:00前报送发言材料。",
        ],
    )


def test_weekday_without_a_year_is_checked_against_the_document_years():
    text = "关于召开年度工作会议的通知\n\n会议定于3月16日（星期一）召开。\n\n2026年3月2日\n"
    assert [f.message for f in findings_for(RULE, text)] == []
    wrong = "关于召开年度工作会议的通知\n\n会议定于3月16日（星期二）召开。\n\n2026年3月2日\n"
    messages = [f.message for f in findings_for(RULE, wrong)]
    assert messages == ["“3月16日（星期二）”：2026年3月16日是星期一，不是星期二"]
