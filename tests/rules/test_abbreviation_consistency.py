from helpers import assert_rule, findings_for

from reportlint.analysis.variants import pairs
from reportlint.api import lint_text
from reportlint.config import Config
from reportlint.packs import builtin_pack_paths, load_pack_specs

RULE = "abbreviation-consistency"


def test_fires_on_the_full_name_written_again_after_its_definition():
    assert_rule(
        RULE,
        invalid=[
            "国家发展和改革委员会（以下简称“国家发展改革委”）牵头负责全省重大项目统筹调度。"
            "⟦国家发展和改革委员会⟧要会同有关部门抓好落实。",
            # a title in 书名号 is the name; the implementing regulation is another title
            "第一条　根据《中华人民共和国政府采购法》（以下简称《政府采购法》），制定本办法。\n"
            "第五条　采购人应当依照⟦《中华人民共和国政府采购法》⟧第二十条规定签订委托代理协议，"
            "并执行《中华人民共和国政府采购法实施条例》的有关规定。",
            "第一条　为规范网络预约出租汽车（以下简称网约车）经营服务行为，保障运营安全和乘客合法权益，制定本办法。\n"
            "第五条　⟦网络预约出租汽车⟧驾驶员应当取得相应从业资格。",
            # the name's words before the core, the same as at the definition
            "推进紧密型县域医疗卫生共同体（以下简称县域医共体）建设，是深化医改的重要举措。"
            "到2025年，全省⟦紧密型县域医疗卫生共同体⟧建设取得明显成效。",
            "第三条　国家质量监督检验检疫总局（以下简称质检总局）主管全国电动自行车产品质量监督工作。\n"
            "第四条　⟦国家质量监督检验检疫总局⟧负责组织实施监督抽查。",
            # a 简称 that is the end of its name: read where the words before it match too
            "加快推进粤港澳大湾区（以下简称大湾区）建设。要推动⟦粤港澳大湾区⟧建设取得新进展，"
            "支持粤港澳大湾区国际科技创新中心建设。",
            # half-width brackets and quotes, 下称, a note before the 简称
            "省人民政府(以下简称\"省政府\")负责统筹全省安全生产工作。⟦省人民政府⟧各部门要密切配合。",
            "青禾经济技术开发区（下称“青禾经开区”）位于城东。⟦青禾经济技术开发区⟧要加快发展。",
            "国家发展和改革委员会（以下简称“国家发展改革委”，下同）牵头。⟦国家发展和改革委员会⟧要抓好落实。",
            # a contraction keeps the first word of its name: a common word before the name is its
            # modifier, or a verb the dictionary tags as a noun; a word of place after a noun ends a phrase
            "深化国有企业（以下简称“国企”）改革。严格规范⟦国有企业⟧、金融机构经营管理人员的收入。",
            "城乡最低生活保障（以下简称低保）标准稳步提高。要加快建立城市贫困居民的⟦最低生活保障⟧制度。",
            "高新技术企业（以下简称“高企”）达到1.9万家。提高规上工业企业中⟦高新技术企业⟧占比。",
            # a 简称 that is a word, but a proper name: 人民银行 stands for this bank only
            "中国人民银行（以下简称人民银行）负责制定和执行货币政策。⟦中国人民银行⟧分支机构要加强监测。",
            "近日，市政府印发了《青川市促进民营经济高质量发展若干措施》（青政发〔2024〕9号，以下简称《若干措施》）。"
            "⟦《青川市促进民营经济高质量发展若干措施》⟧共20条。",
        ],
    )


def test_the_message_names_the_definition_and_the_fix_writes_the_short_form():
    text = "国家发展和改革委员会（以下简称“国家发展改革委”）牵头。\n国家发展和改革委员会要会同有关部门抓好落实。"
    [finding] = findings_for(RULE, text)
    assert finding.message == "“国家发展和改革委员会”已在第1行定义简称“国家发展改革委”，此处宜用简称"
    assert finding.severity.value == "info" and finding.line == 2
    assert [related.message for related in finding.related] == ["第1行定义的简称“国家发展改革委”"]
    assert [edit.content for edit in finding.fix.edits] == ["国家发展改革委"]
    assert finding.fix.applicability == "unsafe"


def test_a_full_name_written_out_throughout_is_reported_once_with_one_fix():
    uses = "\n".join(f"第{n}条　网络预约出租汽车经营者应当履行第{n}项义务。" for n in "二三四五")
    text = "第一条　为规范网络预约出租汽车（以下简称网约车）经营服务行为，制定本办法。\n" + uses
    [finding] = findings_for(RULE, text)
    assert "此后仍有4处使用全称（第2、3、4、5行）" in finding.message and finding.line == 2
    assert [edit.content for edit in finding.fix.edits] == ["网约车"] * 4


def test_fires_on_a_coined_short_form_used_before_its_definition():
    assert_rule(
        RULE,
        invalid=[
            "各地要支持⟦网约车⟧规范健康发展。\n第一条　为规范网络预约出租汽车（以下简称网约车）经营服务行为，制定本办法。",
            "发挥⟦县防指⟧统筹协调作用。\n县人民政府设立县防汛抗旱指挥部（以下简称县防指），负责全县防汛抗旱工作。",
            "国家⟦高企⟧超1.4万家。\n高新技术企业（以下简称“高企”）是创新的主力军。",
            # the end of a proper name, on its own before its definition
            "⟦大湾区⟧综合性国家科学中心建设加快推进。\n加快推进粤港澳大湾区（以下简称大湾区）建设。",
        ],
    )
    [finding] = findings_for(RULE, "全市⟦规上工业⟧增加值增长6.5%。\n规模以上工业（以下简称“规上工业”）企业达到1200家。"
                             .replace("⟦", "").replace("⟧", ""))
    assert finding.message == "简称“规上工业”到第2行才定义（“规模以上工业”的简称），此处先于定义使用"
    assert finding.severity.value == "warning"


def test_fires_on_two_forms_of_one_word_in_one_document():
    assert_rule(
        RULE,
        invalid=[
            "我市是全省唯一的国家级试点城市。\n改革是我们⟦惟一⟧的出路。",
            # on the first place of the form to change, however often the text writes it
            "⟦惟一⟧的办法是改革。\n这是惟一的选择，也是唯一的出路。",
            "其他地区要加强统筹，其他部门要密切配合。\n⟦其它⟧固体废物处置行动全面推开。",
            # both forms accepted by the dictionary, also as the start of a longer word
            "激发全社会的想象力和创造力。\n发展成就超出了人们的⟦想像⟧。",
            # 及其|他 is also 及|其他: the form ends where a word does (national_2010: 及其它成长型创业企业)
            "省发展改革委及其他有关部门要密切配合。\n为自主创新及⟦其它⟧成长型创业企业开辟了新的融资渠道。",
        ],
    )
    [finding] = findings_for(RULE, "唯一的办法是改革。\n这是惟一的选择，也是唯一的出路。")
    assert finding.message == ("同一文件中“唯一”与“惟一”两种写法混用：“唯一”2处（第1、2行），“惟一”1处（第2行）；"
                               "宜统一为“唯一”（GF 1001-2001《第一批异形词整理表》）")


def test_a_mix_that_confusable_word_marks_goes_on_the_preferred_form():
    # confusable-word reports 惟一 itself (info, GF 1001-2001): the mix is reported elsewhere
    text = "我市是全省唯一的国家级试点城市。\n改革是我们惟一的出路。"
    found = lint_text(text, "a.txt", Config(select=("RL501", "RL503"))).findings
    assert sorted((f.code, text[f.span.start : f.span.end], f.line) for f in found) == [
        ("RL501", "惟一", 2), ("RL503", "唯一", 1)]
    # a report on 1988, before the standard: confusable-word is silent, the mix is on the odd form
    old = "一九八八年国民经济计划执行情况\n\n这是唯一的办法。\n\n这是惟一的选择，唯一的出路。"
    found = lint_text(old, "a.txt", Config(select=("RL501", "RL503"))).findings
    assert [(f.code, old[f.span.start : f.span.end]) for f in found] == [("RL503", "惟一")]


def test_silent_where_a_convention_keeps_the_full_name():
    define = "国家发展和改革委员会（以下简称国家发展改革委）牵头负责。\n"
    assert_rule(
        RULE,
        valid=[
            # a quotation, a heading, an attachment, a list of issuing bodies, a signature
            define + "文件指出：“国家发展和改革委员会要统筹推进。”",
            define + "\n二、国家发展和改革委员会职责\n\n国家发展改革委负责价格监测。",
            define + "\n附件\n\n关于加强价格监测的通知\n\n国家发展和改革委员会要加强价格监测。",
            define + "国家发展和改革委员会　财政部\n2024年3月1日",
            # a longer name that holds it: a body, a quotation that goes on, a name that ends with it
            define + "国家发展和改革委员会价格监测中心要做好数据发布。",
            "建立中国（海岚）自由贸易试验区（以下简称自贸试验区），是党中央作出的重大决策。"
            "对标中国（上海）自由贸易试验区经验，在国务院自由贸易试验区工作部际联席会议统筹下推进。",
            "沣源县永盛食品有限公司（以下简称永盛公司）在清理污水处理站时发生事故。"
            "经调查认定，沣源县永盛食品有限公司“8·3”有限空间中毒窒息一般事故是一起生产安全责任事故。",
            define + "\n抄送：国家发展和改革委员会，财政部，自然资源部。",
            # the head of a numbered item, a body's registration
            "沣源县永盛食品有限公司（以下简称永盛公司）发生事故。\n"
            "4.沣源县永盛食品有限公司，未落实安全生产主体责任。\n"
            "沣源县永盛食品有限公司成立于2013年5月，统一社会信用代码91360823MA35K6T21Y。",
            # a cited title, a new definition
            "根据《中华人民共和国政府采购法》（以下简称《政府采购法》）和《中华人民共和国政府采购法实施条例》，制定本办法。",
            "推进紧密型县域医疗卫生共同体（以下简称医共体）建设。\n"
            "原则同意《江川省紧密型县域医疗卫生共同体综合改革试点总体方案》。",
        ],
    )


def test_silent_where_the_short_form_is_an_ordinary_word_or_the_extent_is_unsure():
    assert_rule(
        RULE,
        valid=[
            # 项目, 领导小组: the name comes back where the word alone could mean another
            "本办法所称政府投资项目（以下简称项目），是指使用预算安排的资金进行的项目。\n"
            "本市建立政府投资项目储备库。政府投资项目不得由施工单位垫资建设。",
            "决定成立溪源县城市更新工作领导小组（以下简称领导小组）。溪源县城市更新工作领导小组下设办公室。",
            # a group (统称), the document itself (本规划), an extent that cannot be read
            "落实政府责任人、技术责任人和巡查责任人（以下统称“三个责任人”）。政府责任人要履职尽责。",
            "编制《岚溪县国土空间总体规划（2021—2035年）》（以下简称本规划）。《岚溪县国土空间总体规划（2021—2035年）》"
            "是岚溪县国土空间保护的纲领。",
            "现将市十四届人大三次会议代表建议、批评和意见（以下简称代表建议）办理情况报告如下。代表建议、批评和意见共248件。",
            "从事电梯维护保养活动的单位（以下简称维保单位）应当依法取得资质。电梯维护保养活动的单位应当建立档案。",
            # the issuer of another document by its full name, with its province's name
            "第一条　为规范省人民政府（以下简称省政府）工作，制定本规则。\n"
            "第三十六条　本规则自印发之日起施行。2020年3月苍屿省人民政府印发的《苍屿省人民政府工作规则》同时废止。",
            # the 简称's first character found in a later word than the name's first (市 of 城市): unsure
            "第四条　市人民政府城市供水主管部门（以下简称市供水主管部门）负责本市城市供水用水的监督管理工作。\n"
            "第二十五条　城市供水主管部门和其他有关部门的工作人员玩忽职守的，依法给予处分。",
            # a name the text writes with its own place (全省|市场监督管理总局 is another body)
            "国家市场监督管理总局（以下简称市场监管总局）负责组织实施。全省市场监督管理局要配合做好工作。",
        ],
    )


def test_silent_on_short_forms_before_their_definition_that_any_text_may_use():
    assert_rule(
        RULE,
        valid=[
            # short titles in 书名号, ordinary words, the last words of a name, the title
            "《条例》的修订工作已列入计划。\n根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本报告。",
            "省政府高度重视。\n第一条　为规范省人民政府（以下简称省政府）工作，制定本规则。",
            "做好维修资金归集工作。\n本细则所称住宅专项维修资金（以下简称维修资金），是指专项用于住宅共用部位维修的资金。",
            "大湾区建设全面提速\n\n加快推进粤港澳大湾区（以下简称大湾区）建设。",
            "粤港澳大湾区综合性国家科学中心建设加快推进。\n加快推进粤港澳大湾区（以下简称大湾区）建设。",
            "关于规范网约车经营服务的通知\n\n为规范网络预约出租汽车（以下简称网约车）经营服务行为，制定本办法。",
        ],
    )


def test_silent_where_two_forms_are_kept_apart_or_cited():
    assert_rule(
        RULE,
        valid=[
            "其他同志要积极配合。其它工作按原计划推进。",  # 其他 for people, 其它 for things
            "这是唯一的办法。\n依据《关于惟一性认定的暂行规定》执行。",  # a cited title keeps its spelling
            "这是唯一的办法，也是唯一的出路。",
            # a string across two words is no form of the word: 尤其|他们, 本身|分为
            "其它工作按原计划推进，尤其他们要带头。",
            "要核实申请人身份。申请事项本身分为三类。",
        ],
    )


def test_the_pairs_are_the_packs_variant_entries_that_need_no_context():
    """The pack is read line by line for speed: the same entries its loader reads."""
    [path] = [p for p in builtin_pack_paths() if p.name == "confusable-words.toml"]
    [spec] = load_pack_specs(path, builtin=True)
    expected = {(e.lead + e.right[0], e.lead + e.wrong, e.since) for e in spec.entries
                if e.severity is not None and e.severity.value == "info"
                and all(c.key == "before" and e.lead for c in e.contexts)}  # a lead stands before its slip
    assert {(p.preferred, p.other, p.since) for p in pairs() if p.since is not None} == expected
    assert ("唯一", "惟一", 2002) in expected and len(expected) >= 25
