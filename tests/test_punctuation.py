"""The shared reading of punctuation: which ASCII marks of a paragraph are Chinese
punctuation, decided per clause, and what replaces them."""

from reportlint.analysis.punctuation import (
    HAN_SCRIPT,
    LATIN_SCRIPT,
    NO_SCRIPT,
    full_width_count,
    full_width_kinds,
    lost_character,
    script,
    strays,
)
from reportlint.text.parse import parse_text


def marks(text: str, path: str = "case.txt") -> list[tuple[str, str]]:
    """(mark kind, text it covers) of every stray ASCII mark in *text*."""
    return [(s.mark, s.text) for s in strays(parse_text(text, path))]


def test_script_of_a_clause_counts_han_characters_against_latin_words():
    assert script("推进5G网络建设") == HAN_SCRIPT
    assert script("苹果发布iPhone 15 Pro") == HAN_SCRIPT  # 4 Han characters, 3 words
    assert script("Made in China 2025") == LATIN_SCRIPT
    assert script("2026-02-03 09") == NO_SCRIPT
    assert script("") == NO_SCRIPT
    # in an English paragraph a clause with English words in it is English
    assert script(" — 千 for 干 ", latin_around=True) == LATIN_SCRIPT
    assert script("各位代表", latin_around=True) == HAN_SCRIPT


def test_each_ascii_mark_ending_a_chinese_clause():
    assert marks("86个“两重”项目全部开工,“两新”政策带动设备更新投资增长。") == [(",", ",")]
    assert marks("在肯定成绩的同时，我们也清醒地看到面临的问题和挑战:需求不足。") == [(":", ":")]
    assert marks("各位代表!一年来，我们全力做好国防动员。") == [("!", "!")]
    assert marks("巩固壮大实体经济根基;推动传统产业提质升级。") == [(";", ";")]
    assert marks("我们该怎么办?答案在改革。") == [("?", "?")]


def test_numbers_urls_mail_and_code_keep_their_marks():
    assert marks("全年新增贷款1,000万元，比例尺为1:500，会议9:30开始，增长2.5%。") == []
    assert marks("1,234,567元") == []
    assert marks("详见https://www.gov.cn/a,b，欢迎查阅。") == []
    assert marks("详见www.gov.cn/search?q=a;b，欢迎查阅。") == []
    assert marks("来信请寄mail@gov.cn，我们将及时回复。") == []
    assert marks("字段格式为`a,b`，请按此填写。") == []  # a plain-text file keeps the backticks
    assert marks("字段格式为`a,b`，请按此填写。", "case.md") == []
    assert marks("1.加快发展新质生产力。") == []
    # a comma between digits that is not a thousands separator is punctuation
    assert marks("第1,2条规定的情形") == [(",", ",")]


def test_latin_clauses_keep_their_marks():
    assert marks("这一理念的英文表述为“Lucid waters and lush mountains are invaluable assets, and we keep them.”") == []
    assert marks("我们推进“中国制造2025”（Made in China 2025, MIC 2025）。") == []
    assert marks("The plan, known as Made in China 2025, was issued in 2015 by 国务院.") == []
    # … but a clause with more Han characters than Latin words is Chinese
    assert marks("苹果发布iPhone 15 Pro, 售价不变。") == [(",", ",")]
    assert marks("推进5G,建设数字中国。") == [(",", ",")]


def test_chinese_quoted_in_an_english_sentence_is_a_mention():
    text = ("- Punctuation is as in the source: some files use ASCII 「!」/「:」 in Chinese text "
            "(e.g. henan_2025 「各位代表:」); old national reports use full-width digits (１９９２年).")
    assert marks(text, "notes.md") == []
    text = 'trailing page chrome kept: "》》点击图片进入专题《《" / "收藏" / "分享到:" / "×"; whitespace only.'
    assert marks(text, "notes.md") == []
    text = "Doubled-word findings (reviewed): 「促进进出口」, 「节能能力」, 「拉长长板」 — 千 for 干 (cf. 「实干为要」)."
    assert marks(text, "notes.md") == []


def test_brackets_are_judged_by_the_text_around_them():
    assert marks("对国家公务员特别是县(处)级以上领导干部进行普遍培训。") == [("()", "(处)")]
    assert marks("(一)坚决维护社会和谐稳定。扎实推进中华民族共同体建设。") == [("()", "(一)")]
    assert marks("(1)加快发展新质生产力。") == [("()", "(1)")]
    assert marks("推广政府和社会资本合作(PPP)模式。") == [("()", "(PPP)")]
    assert marks("推进5G(第五代移动通信)网络建设。") == [("()", "(第五代移动通信)")]
    # brackets that belong to a Latin name or formula
    assert marks("设函数f(x)为增长率，苹果发布iPhone 15 Pro (256GB)。") == []
    assert marks("政府和社会资本合作，即Public-Private Partnership (PPP)。") == []


def test_a_pair_is_one_stray_with_both_halves_and_a_lone_bracket_is_one_mark():
    [pair] = strays(parse_text("实施中(藏)医药振兴发展重大工程。"))
    assert pair.replacements == ((3, 4, "（"), (5, 6, "）"))
    assert marks("(一）坚决维护社会和谐稳定。") == [("(", "(")]
    assert marks("1)加快发展新质生产力。") == [(")", ")")]


def test_straight_quotes_around_chinese_words_when_they_pair_up():
    [pair] = strays(parse_text('加强"三河三湖" 等重点流域水污染防治。'))
    assert (pair.mark, pair.text, pair.replacements) == ('""', '"三河三湖"', ((2, 3, "“"), (7, 8, "”")))
    assert marks('字段"name"用于记录名称。') == []  # Latin words in quotes
    assert marks('加强"三河三湖"和"两湖一库等重点流域治理。') == []  # which one opens? left alone


def test_ascii_ellipsis_in_chinese_text():
    [dots] = strays(parse_text("推进教育、医疗、养老......各项事业全面发展。"))
    assert (dots.mark, dots.text, dots.replacements) == ("...", "......", ((10, 16, "……"),))
    assert marks("等等...") == [("...", "...")]
    assert marks("第1...10条、etc...、v1.0...都不是省略号。") == []


def test_page_furniture_and_text_without_chinese_are_not_read():
    assert marks("您的位置:\n\n首页\n\n2026-02-03 09:02:33\n\n分享到:") == []
    assert marks("Hello, world! (an English line)") == []


def test_full_width_count_counts_the_marks_with_an_ascii_twin():
    assert full_width_count(parse_text("一是（甲），二是：乙；三是丙？好！")) == 7


def test_spaced_ratios_keep_their_colons():
    assert marks("三次产业结构演进为3.6 : 48 : 48.4。比例尺为1 : 500，1:2:3。") == []
    assert marks("主要预期目标是: 3项约束性指标全面完成。") == [(":", ":")]


def test_a_bracket_pair_of_two_widths_is_its_ascii_half_with_the_partner():
    text = "高中阶段教育（普通高中、技工教育)、高等教育（大学本科）。"
    [lone] = strays(parse_text(text))
    assert (lone.mark, lone.kind, lone.partner) == (")", "()", text.index("（"))
    assert lone.replacements == ((text.index(")"), text.index(")") + 1, "）"),)
    text = "对县(处）级以上领导干部进行培训（轮训）。"
    [lone] = strays(parse_text(text))
    assert (lone.mark, lone.partner) == ("(", text.index("）"))
    # a full-width pair around an ASCII one pairs each with its own
    assert marks("编制了《纲要（草案(试行)）》。") == [("()", "(试行)")]
    assert marks("经济(发展") == [("(", "(")]


def test_lost_characters_are_question_marks_where_no_question_can_stand():
    assert lost_character("加固二期、?水灌区", 5)
    assert lost_character("进入前1?。医疗", 4)
    assert lost_character("建设（??）高速", 3) and lost_character("建设（??）高速", 4)
    assert lost_character("?江新区规划", 0)
    assert not lost_character("怎么办?答案在改革", 3)
    assert not lost_character("满意吗?。这是", 3)  # a question, then a doubled mark
    assert not lost_character("始建于唐代（?），历代重修", 5)  # a doubt (GB/T 15834)
    # inside a word, when nothing in the sentence asks
    assert lost_character("推进贵州?江航道整治工程。", 4)
    assert not lost_character("发展为了谁?为了人民。", 5)
    assert not lost_character("改革的出路在哪里?在创新。", 7)
    assert not lost_character("群众满意不满意?这是标准。", 7)
    assert not lost_character("我们要问，这是为什么?答案在改革。", 10)
    [lost] = strays(parse_text("建设（??）高速公路，推进“?江新区”规划。"))[:1]
    assert (lost.kind, lost.text, lost.replacements) == ("lost", "??", ())


def test_full_width_kinds_count_each_kind_once_per_mark_or_pair():
    counts = full_width_kinds(parse_text("一是（甲），二是：乙；三是“丙”？好！……等等……"))
    assert counts == {"()": 1, ",": 1, ":": 1, ";": 1, '""': 1, "?": 1, "!": 1, "...": 2}
