from helpers import assert_rule, findings_for

from reportlint.api import lint_text
from reportlint.config import Config

RULE = "ratio-sum"


def test_fires_on_shares_of_every_part_of_a_whole_that_miss_100():
    assert_rule(
        RULE,
        invalid=[
            "全年三次产业结构为⟦7.1∶38.3∶55.6⟧，服务业增加值占比提高0.8个百分点。",
            "三次产业结构由8.5:40.2:51.3调整为⟦7.1:38.3:55.6⟧。",
            "全年三次产业之比为⟦7.1∶38.3∶55.6⟧。",
            "第一、二、三产业增加值占地区生产总值的比重分别为⟦8.2%、40.5%、49.1%⟧。",
            "三次产业结构为⟦10.5%、40.2%、48.3%⟧，结构持续优化。",
            "年末常住人口中，城镇、农村人口占比分别为⟦62.4%、36.6%⟧。",
            # past 100% too: the whole is named, so ratio-sum reports it
            "第一、二、三产业增加值占比分别为⟦10%、50%、45%⟧。",
        ],
        valid=[
            "全年三次产业结构为7.1∶38.3∶54.6，服务业增加值占比提高0.8个百分点。",
            "三次产业比例为0.3：56.6：43.1，三次产业结构由上年的16.2：38.5：45.3调整为15.3：37.1：47.6。",
            "第一、二、三产业增加值占比分别为8.2%、40.5%、51.3%。",
            # shares rounded to whole percents may miss 100 by their rounding
            "城镇、农村人口占比分别为62%、37%。",
            # ratios that are not shares of a whole named before them
            "省级资金按1∶1配套，生师比为1∶13.9，产业结构比为1∶4∶5。",
            "基础研究、应用研究和试验发展经费之比为6.5∶11.2∶80.3。",
            # partial lists: the rest is held by others
            "其中，农户占30%，龙头企业占40%；第一、二产业增加值占比分别为8.2%、40.5%。",
            "城镇居民和农村居民人均可支配收入分别增长5.1%、6.3%。",
        ],
    )


def test_with_both_rules_run_each_sum_is_reported_once():
    # ratio-sum takes the wholes whose every part is named; percent-range keeps the others
    text = "国有、民营企业占比分别为60%、45%。第一、二、三产业增加值占比分别为10%、50%、45%。\n"
    result = lint_text(text, "case.txt", Config(select=("percent-range", RULE)))
    assert sorted((f.name, text[f.span.start : f.span.end]) for f in result.findings) == [
        ("percent-range", "60%、45%"), (RULE, "10%、50%、45%")]
    # alone, percent-range reports both sums past 100%
    assert len(findings_for("percent-range", text)) == 2
