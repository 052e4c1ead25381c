"""RL501 confusable-word: the built-in declarative pack rules/confusable-words.toml."""

import pytest
from helpers import apply_edit, assert_rule, findings_for

from reportlint.model import Severity
from reportlint.registry import build_registry

ENTRIES = next(meta for meta in build_registry() if meta.name == "confusable-word").check.pack_rule.entries


def test_fires_on_known_misspellings():
    assert_rule(
        "confusable-word",
        invalid=[
            "要⟦再接再励⟧，认真⟦布署⟧今年各项工作。",
            "坚持⟦按步就班⟧推进，⟦一如继往⟧抓好落实。",
            "深入推进⟦减政放权⟧。",
            "⟦循私舞弊⟧、⟦贪脏⟧枉法的，依法严肃查处。",
        ],
    )


def test_jiezhi_fires_before_a_time_and_stays_silent_as_deadline():
    assert_rule(
        "confusable-word",
        invalid=[
            "⟦截止目前⟧，全市已建成5G基站1500个。",
            "⟦截止到目前⟧，已完成年度投资计划的80%。",
            "⟦截止⟧2024年底，全市常住人口达到1200万人。",
            "⟦截止⟧去年末，住户存款余额增长8.1%。",
        ],
        valid=[
            "截至目前，全市已建成5G基站1500个。",
            "项目申报截止日期为6月30日，逾期不予受理。",
            "报名于6月30日截止。截止时间以系统记录为准。",
            "截止到2024年底，累计发放贷款300亿元。",
        ],
    )


def test_zuowei_fires_but_not_across_a_word_boundary():
    assert_rule(
        "confusable-word",
        invalid=[
            "⟦做为⟧全省唯一的试点城市，我们先行先试。",
            "把优化营商环境⟦做为⟧一号改革工程，有所⟦做为⟧。",
        ],
        valid=[
            "引导党员干部多做为民办实事的好事。",
            "多做为群众排忧解难的工作。",
            "作为全省唯一的试点城市，我们先行先试。",
            "多做打基础、利长远的实事。",  # hebei_2026.txt
        ],
    )


def test_jishi_fires_unless_a_you_follows_in_the_sentence():
    assert_rule(
        "confusable-word",
        invalid=[
            "⟦既使⟧困难再大，也要按期完成任务。",
            "⟦既使⟧在疫情期间，项目建设也没有停工。",
        ],
        valid=[
            "既使企业受益，又方便群众办事。",
            "既使老百姓得到实惠，也使村集体经济壮大。",
            "即使困难再大，也要按期完成任务。",
            "廉政建设既要靠教育，也要靠法制。",  # national_1992.txt
        ],
    )


def test_boundary_forms_inside_correct_text_stay_silent():
    assert_rule(
        "confusable-word",
        valid=[
            "按装机容量计算，新能源占比过半。全部暑期托管服务免费开放。",
            "按排名先后确定入选名单，按排放量核定配额。",
            "在官方网站发布署名文章。面对严峻工作挑战，我们迎难而上。",
            "发现问题立即定目标、定责任、定时限。",
            "圆满完成份内工作，推动供给与需求动态平衡。",
            "促进产业空间供给与优质要素需求更新匹配。",  # tianjin_2026.txt
            "避免多头、重复和过度检查。",  # zhejiang_2025.txt
            "人民公社是我国农村由集体所有制过渡到全民所有制的最好的形式。",  # national_1960.txt
            "城区绿色出行比例从75.6%提升至76.5%，房价一度升至高点。",
            "每笔划拨资金都要公开，从事绩效管理工作。",
            "该项目并非盈利性项目。神州大地春潮涌动。这给我们深刻启示。",
        ],
    )


def test_classic_character_confusions_fire_on_the_whole_word():
    assert_rule(
        "confusable-word",
        invalid=[
            "加强风险⟦防犯⟧，当前形势依然⟦严竣⟧复杂。",
            "⟦竟争⟧力明显增强，⟦气侯⟧条件总体有利。",
            "清理拖欠企业⟦帐款⟧，⟦赋于⟧基层更多自主权。",
            "⟦即要⟧抓发展，又要保安全。",
            "坚持⟦因地置宜⟧，⟦全力以付⟧做好防汛工作。",
            "认真⟦贯澈⟧落实，关系⟦融恰⟧，进一步⟦挖崛⟧消费潜力。",
            "要在⟦砥励⟧奋进中开创新局。",
        ],
    )


def test_classic_confusions_stay_silent_where_correct_text_produces_them():
    assert_rule(
        "confusable-word",
        valid=[
            "加强预防犯罪工作，严防犯罪分子逃匿。",
            "对重点工程从严竣工验收。",
            "即要求各地限期整改。立即要求各地限期整改，又要求省级部门督查。",
            "既便利企业，又方便群众。",
            "电力主要来自已建成的水电站。欢欣鼓舞，不能自已。",
            "鼓励农民自己经营家庭农场。",
            "建设职工俱乐部，扩大休牧补偿试点范围。",  # xizang_2025.txt
            "推动完善长期护理保险。",  # tianjin_2026.txt
            "完善自然灾害风险监测预警体系。",  # henan_2026.txt
            "成功创建全域国家森林城市。",  # beijing_2026.txt
            "抢抓国家构建全国统一大市场的机遇。",  # henan_2025.txt
            "研究竞争政策，做好金融恰当支持。新开托育机构20家。",
            "一批露天矿山完成生态修复。",
        ],
    )


def test_contextual_forms_fire_where_they_are_wrong():
    assert_rule(
        "confusable-word",
        invalid=[
            "为老旧小区⟦按装⟧电梯120部，⟦按排⟧专项资金5亿元。",
            "确保完成⟦即定⟧目标，项目年内⟦峻工⟧投产。",
            "⟦神州⟧十三号载人飞船发射成功。发布招聘⟦启示⟧。",
            "培育发展⟦非盈利⟧组织，防止⟦过渡⟧开发，设置3年⟦过度⟧期。",
            "抢占产业发展⟦至高点⟧，⟦挤身⟧全国百强县行列。",
            "⟦二零二⟧四年是关键之年。",
        ],
    )


def test_message_carries_the_reason_and_the_fix_the_first_right_form():
    [finding] = findings_for("confusable-word", "认真布署工作。")
    assert finding.message == "“布署”应为“部署”：“部署”指安排、布置，“部”不写作“布”"
    assert finding.fix.applicability == "unsafe"
    assert [e.content for e in finding.fix.edits] == ["部署"]
    [finding] = findings_for("confusable-word", "截止今年6月，累计完成投资80亿元。")
    assert finding.message.startswith("“截止”应为“截至”：后接时间")


def test_variant_forms_of_gf_1001_are_info_and_misspellings_warnings():
    [variant] = findings_for("confusable-word", "这是全省惟一的国家级示范区。")
    assert variant.severity == Severity.INFO and "GF 1001-2001" in variant.message
    [misspelling] = findings_for("confusable-word", "这是全省唯一的国家级示范区，要再接再励。")
    assert misspelling.severity == Severity.WARNING


def test_the_pack_has_at_least_150_entries_each_with_a_reason():
    assert len(ENTRIES) >= 150
    assert all(entry.reason for entry in ENTRIES)


def _bad_example(entry) -> str:
    """The entry's own bad example, or its wrong form alone in a sentence, after its
    `lead` (贯 + 澈); entries that need another context to fire carry an example."""
    bad = entry.examples.get("bad")
    if bad:
        return bad[0]
    return f"报告写道：{entry.lead}{entry.wrong}。"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.wrong)
def test_every_entry_fires_and_its_fix_leaves_correct_text(entry):
    text = _bad_example(entry)
    word = entry.lead + entry.wrong  # the finding covers the whole word
    found = [f for f in findings_for("confusable-word", text) if text[f.span.start : f.span.end] == word]
    assert found, f"{entry.wrong} is silent on {text}"
    [finding] = found
    assert entry.reason in finding.message
    [edit] = finding.fix.edits
    fixed = apply_edit(text, edit)
    assert edit.content == entry.lead + entry.right[0]
    assert not findings_for("confusable-word", fixed), f"the right form {entry.right[0]} fires: {fixed}"


def test_yilanzi_is_a_package_and_only_a_currency_basket_takes_lan():
    assert_rule(
        "confusable-word",
        valid=[
            "出台一揽子政策措施，实施一揽子增量政策，推出一揽子化债方案。",
            "人民币汇率参考一篮子货币进行调节。",
        ],
        invalid=["人民币加入⟦一揽子货币⟧。"],
    )


def test_variant_forms_are_not_held_against_documents_written_before_their_standard():
    # 成份 (GF 1001-2001) and 帐户 were the usual forms of their time: a report about 1955 or
    # 1993 keeps them; a report about 2024 (or naming no year) is told the standard form.
    old = "一九五五年是第一个五年计划的第三年。一九五五年，社会主义经济成份逐步加强，建立银行帐户制度。\n"
    assert findings_for("confusable-word", old) == []
    older = "１９９３年要建立个人收入申报和银行帐户制度。１９９２年，多种经济成份共同发展。\n"
    assert findings_for("confusable-word", older) == []
    new = "2024年，多种经济成份共同发展。2025年要规范银行帐户管理。\n"
    found = findings_for("confusable-word", new)
    assert [(f.message[:10], f.severity) for f in found] == [
        ("“成份”应为“成分”", Severity.INFO), ("“帐户”应为“账户”", Severity.WARNING)]


def test_since_must_be_a_year(tmp_path):
    from reportlint.packs import load_pack
    from reportlint.packs.format import PackError

    pack = tmp_path / "terms.toml"
    pack.write_text('format = 2\nprefix = "ORG"\n[[rule]]\ncode = "ORG101"\nname = "terms"\nkind = "substitution"\n'
                    'summary = "s"\nmessage = "{found}"\nentry = [{ wrong = "帐户", right = "账户", since = "2002" }]\n',
                    encoding="utf-8")
    with pytest.raises(PackError, match="'since' must be a year"):
        load_pack(pack)


def test_neighbouring_words_are_not_misspellings():
    assert_rule(
        "confusable-word",
        valid=[
            "培育票根经济、谷子经济、悦己经济等消费新业态。",
            "鼓励农民自己经营家庭农场。",
            "加快福州地铁6号线西延线、地铁2号线东延线建设。",
        ],
        invalid=["目标任务⟦己经⟧完成。", "加强高速公路⟦延线⟧环境整治。"],
    )
