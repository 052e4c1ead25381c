"""Candidate entries for RL501: frequent words of official writing with one character swapped
for its classic look-alike or sound-alike.

The everyday slips of a draft are a character replaced by a look-alike or a sound-alike in a
frequent word (防范 → 防犯, 气候 → 气侯, 竞争 → 竟争). This crosses

- the words that government reports use: 2-4 character words of reportlint's lexicon (jieba's
  dictionary) that occur at least --min-count times in the gov-reports corpus, and
- CONFUSIONS, the confusable character pairs (形近/音近) of the published lists of common
  misspellings: 《咬文嚼字》's 《当代汉语出版物中最常见的100个别字》 (2005), the 常见的别字
  appendix of 黄伯荣、廖序东《现代汉语》, and the 易错字辨析 lists for official writing,

and keeps a swapped form only when it is no word: not in the lexicon above --max-wrong-freq, and
absent from the corpus. For each it prints what tools/check_pack_entries.py's audit sees (words
that contain the form, word sequences that produce it across a boundary) so that a person can pick
the slips people make, add contexts, and leave out the mechanical variants nobody writes.

    python tools/confusion_candidates.py                   # every candidate, most frequent word first
    python tools/confusion_candidates.py --pair 竞竟 --pair 候侯
    python tools/confusion_candidates.py --emit 竟争 气侯  # TOML entries with the pair's reason
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_pack_entries import CORPUS, LEXICON, REPO, Entry, Lexicon, across_words, inside_words, read_entries  # noqa: E402

PACK = REPO / "rules" / "confusable-words.toml"

#: What each character means, for the reasons: "“竞争”的“竞”指竞赛、争逐；“竟”是副词“竟然”的“竟”".
GLOSS = {
    "竞": "指竞赛、争逐", "竟": "是副词“竟然”“究竟”的“竟”",
    "候": "指时节、等候", "侯": "指古代爵位，今多作姓",
    "范": "义为防备、法则", "犯": "义为违反、侵犯",
    "账": "指钱物出入的记载，从“贝”", "帐": "指帐子、帐篷，从“巾”",
    "予": "义为给予", "于": "是介词",
    "辐": "指车轮的辐条，引申为由中心向四周", "幅": "指宽度、布帛的宽窄",
    "竣": "义为完毕", "峻": "义为高而陡、严厉",
    "砺": "指磨刀石，引申为磨炼", "励": "义为劝勉、振奋",
    "既": "表已然，用于“既…又…”", "即": "义为就、立刻",
    "掘": "义为挖，从“扌”", "崛": "义为高起，只用于“崛起”",
    "制": "义为制定、规定", "置": "义为放置、设立",
    "赴": "义为前往、投入", "付": "义为交给",
    "成": "义为完成、成就", "承": "义为承接、承担",
    "进": "义为向前、进入", "近": "义为距离小",
    "洽": "义为和睦、商量", "恰": "义为恰好、适当",
    "彻": "义为通、透", "澈": "义为水清，用于“清澈”",
    "汛": "指江河定期涨水", "讯": "指消息、审问",
    "撼": "义为摇动，从“扌”", "憾": "义为遗憾，从“忄”",
    "厉": "义为严格、猛烈", "俱": "义为全、都", "具": "指器具，义为具备",
    "弘": "义为大、扩充", "宏": "义为宏大",
    "胀": "指体积变大", "涨": "指水位、价格上升",
    "蓬": "指蓬草，形容旺盛", "篷": "指遮蔽风雨的篷布",
    "拨": "义为分出、调配", "拔": "义为抽出、选取",
    "炼": "义为用火烧制、锤炼", "练": "义为反复学习、熟习",
    "辨": "义为分辨、辨别，从“刀”", "辩": "义为辩论，从“讠”",
    "籍": "指书册、户口名册", "藉": "义为凭借、慰藉",
    "暴": "义为猛烈、显露", "爆": "义为炸裂",
    "副": "义为居第二位的、相称", "题": "指题目，义为写上", "提": "义为提出、提起",
    "梁": "指桥梁、房梁", "粱": "指高粱等谷物",
    "赢": "义为获胜、获利", "嬴": "是姓氏用字（嬴政）",
    "栽": "义为种植", "载": "义为装载、记载",
    "已": "义为已经、停止", "己": "义为自己",
    "戴": "义为加在头、面、胸等处，引申为拥护", "带": "义为携带、带领",
    "蓝": "指颜色", "篮": "指篮子",
    "座": "指座位，用于“座谈”“讲座”", "坐": "义为坐下",
    "睫": "指睫毛", "捷": "义为快、胜利",
    "著": "义为显明，读 zhù", "着": "读 zhuó 时义为接触、着手",
    "销": "义为熔化、除去、卖出", "消": "义为消失、消耗",
    "蕴": "义为积聚、蕴藏", "酝": "义为酿酒，用于“酝酿”",
    "缔": "义为结合、订立", "谛": "义为意义、道理（真谛）",
    "博": "义为大、多，用于“博士”“博弈”", "搏": "义为搏斗、跳动",
    "踊": "义为跳跃，用于“踊跃”", "涌": "义为水冒出、涌现",
    "晰": "义为明白、清楚", "淅": "是象声词（淅沥）",
    "慕": "义为羡慕、仰慕", "幕": "指帐幕、幕布", "募": "义为征集",
    "偿": "义为归还、抵补", "尝": "义为辨别滋味、尝试",
    "概": "义为大略、气度", "慨": "义为感慨，从“忄”",
    "嘱": "义为嘱咐，从“口”", "瞩": "义为注视，从“目”",
    "振": "义为奋起、振作", "震": "义为震动",
    "健": "义为强健", "建": "义为建立、建造",
    "型": "指模型、类型", "形": "指形状、形势",
    "艰": "义为困难", "坚": "义为坚固、坚定",
    "检": "义为查验", "捡": "义为拾取",
    "勘": "义为实地查看", "堪": "义为能、忍受",
    "撤": "义为除去、退", "撒": "义为放开、散布", "辙": "指车轮压出的痕迹",
    "焕": "义为光明、焕发", "涣": "义为离散",
    "弊": "指害处、弊端", "蔽": "义为遮挡",
    "绩": "指成果、功业", "迹": "指痕迹、事迹", "积": "义为积累",
    "赡": "义为供养", "瞻": "义为往前看、往上看",
    "延": "义为伸长、延续", "沿": "义为顺着、边缘", "伸": "义为展开、伸长", "申": "义为陈述、申明",
    "拓": "义为开拓、扩充", "托": "义为托付、依托",
    "致": "义为给予、招致、达到（导致）", "至": "义为到、极",
    "刻": "义为雕刻、深刻", "克": "义为能、战胜",
    "擅": "义为长于、独揽", "善": "义为善良、擅长",
    "掠": "义为夺取", "略": "义为简略、谋略",
    "疆": "指边界", "僵": "义为僵硬",
    "乏": "义为缺少", "泛": "义为广泛、漂浮",
    "衷": "指内心", "忠": "义为忠诚",
    "辖": "义为管辖", "瞎": "义为目盲",
    "粹": "义为纯粹、精华", "萃": "义为聚集",
    "赃": "指非法所得的财物", "脏": "义为不干净",
    "渲": "义为渲染", "宣": "义为宣布、宣泄",
    "驰": "义为奔跑", "弛": "义为放松",
    "凋": "义为草木衰败", "雕": "义为雕刻",
    "篡": "义为夺取、改动", "纂": "义为编纂",
    "辟": "义为开辟、透彻", "避": "义为躲开",
    "及": "义为到、赶上", "急": "义为急迫",
    "缉": "义为搜捕", "辑": "义为编辑",
    "帜": "指旗帜", "织": "义为编织",
    "萎": "义为枯萎、衰落", "委": "义为委托、曲折",
    "揽": "义为把持、招揽，从“扌”", "览": "义为看，从“见”",
    "棋": "指棋子", "旗": "指旗帜", "言": "指言语", "颜": "指脸色、颜色",
    "纪": "指纪律", "抑": "义为或者（抑或）、压抑", "亦": "义为也",
    "披": "义为打开、揭开（披露）", "批": "义为批示、批评", "僻": "义为偏僻、不常见",
}

#: Confusable pairs from the published lists (both directions are tried).
CONFUSIONS = (
    "竞竟 候侯 范犯 账帐 予于 辐幅 竣峻 砺励 既即 掘崛 制置 赴付 成承 进近 洽恰 彻澈 汛讯 撼憾 厉励 俱具"
    " 弘宏 胀涨 蓬篷 拨拔 炼练 辨辩 籍藉 暴爆 副付 题提 梁粱 赢嬴 栽载 已己 戴带 蓝篮 座坐 睫捷 著着"
    " 销消 蕴酝 缔谛 博搏 踊涌 晰淅 慕幕 募幕 偿尝 概慨 嘱瞩 振震 健建 型形 艰坚 检捡 勘堪 撤撒 辙撤"
    " 焕涣 弊蔽 绩迹 积绩 赡瞻 延沿 伸申 拓托 致至 刻克 擅善 掠略 疆僵 乏泛 衷忠 辖瞎 粹萃 赃脏 渲宣"
    " 驰弛 凋雕 篡纂 辟避 辟僻 及急 缉辑 帜织 萎委 揽览"
    " 棋旗 言颜 己纪 抑亦 披批"
).split()


def corpus_ngrams(folder: Path) -> Counter[str]:
    """Every run of 2-4 Han characters in the corpus, counted."""
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("*.txt")):
        for run in re.findall(r"[\u4e00-\u9fff]+", path.read_text(encoding="utf-8")):
            for n in (2, 3, 4):
                counts.update(run[i : i + n] for i in range(len(run) - n + 1))
    return counts


def reason(right: str, wrong: str) -> str:
    i = next(k for k, (a, b) in enumerate(zip(right, wrong)) if a != b)
    r, w = right[i], wrong[i]
    return f"“{right}”的“{r}”{GLOSS[r]}；“{w}”{GLOSS[w]}"


def candidates(lexicon: Lexicon, counts: Counter[str], pairs: list[str], min_count: int,
               max_wrong_freq: int, known: set[str]) -> list[tuple[str, str, int]]:
    swaps = _swaps(pairs)
    found = []
    for word in lexicon.freq:
        if not 2 <= len(word) <= 4 or counts[word] < min_count:
            continue
        for i, char in enumerate(word):
            for other in swaps.get(char, ()):
                wrong = word[:i] + other + word[i + 1 :]
                if (lexicon.freq.get(wrong, 0) > max_wrong_freq or counts[wrong] or wrong in known):
                    continue
                found.append((word, wrong, counts[word]))
    return sorted(found, key=lambda item: -item[2])


def right_form(wrong: str, lexicon: Lexicon, counts: Counter[str], pairs: list[str]) -> str | None:
    """The word that swapping one character of the wrong form back gives: the most frequent one."""
    swaps = _swaps(pairs)
    options = [wrong[:i] + other + wrong[i + 1 :] for i, char in enumerate(wrong) for other in swaps.get(char, ())]
    options = [word for word in options if word in lexicon.freq or counts[word]]
    return max(options, key=lambda word: (counts[word], lexicon.freq.get(word, 0)), default=None)


def _swaps(pairs: list[str]) -> dict[str, set[str]]:
    swaps: dict[str, set[str]] = {}
    for a, b in pairs:
        swaps.setdefault(a, set()).add(b)
        swaps.setdefault(b, set()).add(a)
    return swaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pair", action="append", default=[], help="only this pair of characters (repeatable)")
    parser.add_argument("--min-count", type=int, default=5, help="the word occurs at least this often in the corpus")
    parser.add_argument("--max-wrong-freq", type=int, default=5,
                        help="a swapped form the lexicon knows more often than this is a word, not a slip")
    parser.add_argument("--emit", nargs="*", metavar="WRONG", help="print TOML entries for these wrong forms")
    args = parser.parse_args(argv)

    lexicon = Lexicon(LEXICON)
    counts = corpus_ngrams(CORPUS)
    known = {entry.wrong for entry in read_entries(PACK)}
    pairs = args.pair or CONFUSIONS
    if args.emit is not None:
        for wrong in args.emit:
            wrong, _, right = wrong.partition("=")
            right = right or right_form(wrong, lexicon, counts, pairs)
            if not right:
                print(f"# {wrong}: no right form from the pairs", file=sys.stderr)
                continue
            print(f'{{ wrong = "{wrong}", right = "{right}", reason = "{reason(right, wrong)}" }},')
        return 0
    for word, wrong, count in candidates(lexicon, counts, pairs, args.min_count, args.max_wrong_freq, known):
        entry = Entry(wrong, (word,))
        inside = inside_words(entry, lexicon, 1)
        across = [(w, p) for w, p in across_words(entry, lexicon, 20) if p >= -24.0]
        risk = "  ".join([*(f"in:{w}({f})" for w, f in inside[:4]), *(f"x:{w}({p:.0f})" for w, p in across[:3])])
        print(f"{word}({count}) → {wrong}  {risk}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
