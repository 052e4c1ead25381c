from helpers import assert_rule, findings_for


def test_fires_on_a_word_whose_meaning_its_neighbour_already_holds():
    assert_rule(
        "redundancy",
        invalid=[
            "为全市65岁以上老人⟦免费赠送⟧体检套餐。",
            "代表们⟦亲眼目睹⟧了乡村振兴带来的新变化。",
            "我省健儿在全国运动会上⟦凯旋归来⟧。",
            "移风易俗，破除大操大办等⟦不良陋习⟧。",
            "城乡居民收入差距⟦悬殊很大⟧的状况得到扭转。",
            "将调查结果⟦公诸于众⟧，接受群众监督。",
            "经过三年攻坚，⟦最后终于⟧建成了全省首个零碳园区。",
            "事故发生的⟦原因是因为⟧安全责任没有落实。",
            "⟦切忌不要⟧搞形式主义、官僚主义。",
            "各地在发展中⟦仍然还⟧存在不少短板。",
            "这一结果⟦出乎意料之外⟧。",
        ],
    )


def test_fires_on_a_pair_that_stands_apart_within_one_clause():
    assert_rule(
        "redundancy",
        invalid=[
            "经过连续奋战，⟦最后我们终于⟧完成了抢修任务。",
            "⟦免费向全市中小学生赠送⟧图书2万册。",
            "引导群众摒弃⟦不良生活陋习⟧，树立文明新风。",
            "群众对美好生活的需要⟦日益变得越来越⟧多样。",
        ],
    )


def test_the_fix_drops_the_redundant_word_and_a_pair_apart_has_none():
    [next_to] = findings_for("redundancy", "为全市老人免费赠送体检套餐。")
    assert next_to.message == "“免费赠送”语义重复：“赠送”即无偿送给，不必再说“免费”"
    assert [edit.content for edit in next_to.fix.edits] == ["赠送"] and next_to.fix.applicability == "unsafe"
    [apart] = findings_for("redundancy", "经过连续奋战，最后我们终于完成了抢修任务。")
    assert apart.message.startswith("“最后我们终于”语义重复：")
    assert apart.fix is None


def test_silent_on_accepted_usage_and_on_words_that_only_stand_near_each_other():
    assert_rule(
        "redundancy",
        valid=[
            # accepted usage, written by official texts
            "涉及到群众切身利益的问题，约100人左右参加，目的是为了推动发展。",
            "我们再次重申，政府务必带头讲诚信。",
            # the words in different clauses or items
            "为老人免费体检、赠送药品，免费开放公共文化场馆。",
            "最后，经过连续奋战，抢修任务终于完成。",
            # 最后 that is not "at last"
            "打通服务群众最后一公里终于成为现实，最后的阶段终于到来。",
            # words that only contain the characters
            "引导群众养成良好生活习惯，破除陈规陋习，仍然还原了古城风貌。",
            "发展不平衡不充分问题仍然突出，城乡差距依然较大。",
        ],
    )


def test_a_number_bounded_twice_is_left_to_quantity_contradiction():
    assert findings_for("redundancy", "全市超过10万人以上参加活动。") == []
    assert [f.code for f in findings_for("quantity-contradiction", "全市超过10万人以上参加活动。")] == ["RL309"]
