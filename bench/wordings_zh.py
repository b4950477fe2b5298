"""A wording grammar for the Chinese rules' company allocations: sentences made with their facts.

Behavioural testing in the manner of CheckList (Ribeiro et al. 2020), as ``bench/wordings.py``
does for English: a small grammar (data tables below) composes what a notice or a news report
could write about the groups' shares of a batch (group name or short form x frame x where the
year and batch are said x number format x script), each with the facts it states. Near misses
(a group's output, sales, capacity, revenue, share price, a group quoted as the source of the
national figure, a 公告 date, figures not disclosed) must give only the facts they state. Every
figure is from the public record (../shared/DOMAIN.md and the ministries' notices as reported);
every sentence is ours. Traditional characters come from OpenCC (s2t, s2twp).

    python bench/wordings_zh.py [--n 3000] [--seed 10] [--show 20] [--json]

Prints, per capability (each value of each axis), how many texts give exactly their facts;
``--show N`` lists N failures; ``--json`` ends with one JSON line.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wordings import Case, Key, run  # one case shape and command line for both grammars
from extractors.facts import Content
from extractors.normalize import normalize
from extractors.zh import find_facts

MINING, SMELTING = "mining", "smelting_separation"
NORTH, CREG = "china_northern_rare_earth", "china_rare_earth_group"
XTC, GD = "xiamen_tungsten", "guangdong_rare_earth"

# --- the public record -------------------------------------------------------------------------
# (year, period) -> the national figures (mining, smelting) and the notice's publication date
NATIONAL = {
    (2022, "batch:2"): (109_200, 104_800, "2022-08-18"),
    (2023, "batch:3"): (15_000, 13_850, "2023-12-27"),
    (2024, "batch:1"): (135_000, 127_000, "2024-02-20"),
}
# (year, period) -> holder -> (mining, smelting); None where the record gives no figure
SHARES: dict[tuple[int, str], dict[str, tuple[int | None, int | None]]] = {
    (2022, "batch:2"): {NORTH: (81_400, 75_200), CREG: (25_300, 23_800), XTC: (1_376, None),
                        GD: (1_080, 4_242)},
    (2023, "batch:3"): {CREG: (3_000, 2_850), NORTH: (12_000, 11_000)},
    (2024, "batch:1"): {NORTH: (94_580, 88_010), CREG: (40_420, 38_990)},
}  # fmt: skip
# 2024 batch 1 by category (DOMAIN.md): holder -> (light, medium_heavy)
CATEGORY_SHARES = {NORTH: (94_580, None), CREG: (30_280, 10_140)}

# --- the grammar's word tables ---------------------------------------------------------------
# a group's names as the press writes them; the short forms only where they plainly mean it
NAMES = {
    NORTH: ["北方稀土", "中国北方稀土(集团)高科技股份有限公司", "中国北方稀土", "包钢稀土",
            "北方稀土集团"],
    CREG: ["中国稀土集团", "中国稀土集团有限公司", "中稀集团"],
    XTC: ["厦门钨业", "厦钨", "厦门钨业股份有限公司"],
    GD: ["广东稀土", "广东省稀土产业集团", "广晟", "广东稀土集团"],
}  # fmt: skip
# only before a verb of receiving
SHORT_BEFORE_VERB = {NORTH: ["包钢", "包钢集团"], CREG: ["中国稀土"]}
RECEIVE = ["获得", "分得", "获配", "获批", "拿到", "取得", "分配到"]
TYPE_WORDS = {MINING: ["开采指标", "稀土开采指标", "开采配额"],
              SMELTING: ["冶炼分离指标", "冶炼指标", "冶炼分离配额"]}  # fmt: skip
CATEGORY_WORDS = {"light": ["岩矿型稀土", "岩矿型稀土(轻稀土)", "轻稀土"],
                  "medium_heavy": ["离子型稀土", "离子型稀土(中重稀土)", "中重稀土"]}  # fmt: skip
PERIOD_WORDS = {"batch:1": ["第一批", "首批"], "batch:2": ["第二批"], "batch:3": ["第三批"]}
ORDINALS = "一二三四五六"
FULLWIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """12000 → 一万二千, 94580 → 九万四千五百八十, 135000 → 十三万五千 (below a million)."""
    if n >= 10_000:
        high, low = divmod(n, 10_000)
        head = chinese_numeral(high)
        head = head[1:] if head.startswith("一十") else head
        tail = chinese_numeral(low) if low else ""
        return f"{head}万{'零' if low and low < 1000 else ''}{tail}"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero and out else "") + DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def amount(tonnes: int, rng: random.Random) -> tuple[str, str]:
    """A figure as Chinese text writes it, and the format's name."""
    forms = ["吨", "吨", "逗号吨", "全角吨"]
    if tonnes % 10 == 0:
        forms.append("万吨")
    if tonnes < 1_000_000:
        forms.append("汉字")
    form = rng.choice(forms)
    wan = f"{tonnes / 10_000:.4f}".rstrip("0").rstrip(".")
    if form == "汉字":
        return f"{chinese_numeral(tonnes)}吨", form
    text = {
        "吨": f"{tonnes}吨",
        "逗号吨": f"{tonnes:,}吨",
        "全角吨": f"{tonnes}吨".translate(FULLWIDTH),
        "万吨": f"{wan}万吨",
    }[form]
    return text, form


def _fact(year: int, period: str, qtype: str, holder: str | None, tonnes: int,
          category: str | None = None) -> Key:  # fmt: skip
    return ("rare_earth", qtype, year, period, category, holder, float(tonnes))


def _shares(year: int, period: str, qtype: str) -> dict[str, int]:
    """The groups' figures of one type in one batch, where the record gives them."""
    index = qtype == SMELTING
    return {h: v[index] for h, v in SHARES[(year, period)].items() if v[index] is not None}  # type: ignore[misc]


def _name(holder: str, rng: random.Random, receiving: bool) -> str:
    names = NAMES[holder] + (SHORT_BEFORE_VERB.get(holder, []) if receiving else [])
    return rng.choice(names)


def _batch(rng: random.Random) -> tuple[int, str, str]:
    year, period = rng.choice(list(SHARES))
    return year, period, rng.choice(PERIOD_WORDS[period])


def _setting(year: int, period: str, pw: str, rng: random.Random):
    """Where the year and batch are said: (axis value, title, lead sentence, expected)."""
    mining, smelting, _ = NATIONAL[(year, period)]
    place = rng.choice(["title", "sentence before", "sentence before", "same sentence", "今年"])
    if place == "今年":  # the year from the publication date
        return place, None, "", set(), f"今年{pw}稀土指标中，"
    if place == "title":
        title = f"工业和信息化部 自然资源部关于下达{year}年{pw}稀土开采、冶炼分离总量控制指标的通知"
        return place, title, "", set(), ""
    if place == "sentence before":
        m, _ = amount(mining, rng)
        s, _ = amount(smelting, rng)
        lead = f"{year}年{pw}稀土开采、冶炼分离总量控制指标分别为{m}、{s}。"
        facts = {
            _fact(year, period, MINING, None, mining),
            _fact(year, period, SMELTING, None, smelting),
        }
        return place, None, lead, facts, ""
    return place, None, "", set(), f"在{year}年{pw}稀土指标中，"


def _finish(case: Case, rng: random.Random) -> Case:
    script = rng.choice(["简体", "简体", "繁体 s2t", "繁体 s2twp"])
    case.caps["script"] = script
    if script != "简体":
        convert = _converter(script.split()[1])
        case.text = convert(case.text)
        case.title = convert(case.title) if case.title else None
    return case


@cache
def _converter(config: str) -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC(config).convert
    return convert


def frame_receive(rng: random.Random) -> Case:
    """ "X获得开采指标N吨" / "X获得N吨开采指标" / "X开采指标为N吨"."""
    year, period, pw = _batch(rng)
    place, title, lead, facts, opener = _setting(year, period, pw, rng)
    holder = rng.choice(list(SHARES[(year, period)]))
    qtype = rng.choice(
        [t for t, v in zip((MINING, SMELTING), SHARES[(year, period)][holder], strict=True) if v]
    )
    tonnes = SHARES[(year, period)][holder][qtype == SMELTING]
    assert tonnes is not None
    num, form = amount(tonnes, rng)
    tw = rng.choice(TYPE_WORDS[qtype])
    order = rng.choice(["verb type amount", "verb amount type", "type 为 amount"])
    if order == "type 为 amount":
        sentence = f"{_name(holder, rng, False)}的{tw}为{num}"
    else:
        name, verb = _name(holder, rng, True), rng.choice(RECEIVE)
        sentence = (
            f"{name}{verb}{tw}{num}" if order == "verb type amount" else f"{name}{verb}{num}{tw}"
        )
    text = f"{lead}{opener}{sentence}。"
    facts = facts | {_fact(year, period, qtype, holder, tonnes)}
    caps = {"frame": f"receive: {order}", "setting": place, "number": form, "holder": holder}
    return Case(NATIONAL[(year, period)][2], text, facts, caps, title)


def frame_among(rng: random.Random) -> Case:
    """ "…总量控制指标为N吨，其中北方稀土M吨、中国稀土集团K吨"."""
    year, period, pw = _batch(rng)
    qtype = rng.choice([MINING, SMELTING])
    shares = _shares(year, period, qtype)
    holders = list(shares)
    rng.shuffle(holders)
    holders = holders[: rng.randint(1, min(3, len(holders)))]
    mining, smelting, _ = NATIONAL[(year, period)]
    total = smelting if qtype == SMELTING else mining
    word = "开采" if qtype == MINING else "冶炼分离"
    t, _ = amount(total, rng)
    parts = []
    for h in holders:
        n, form = amount(shares[h], rng)
        parts.append(f"{_name(h, rng, False)}{rng.choice(['', '为', '获得'])}{n}")
    joiner = rng.choice(["、", "，", "；"])
    text = f"{year}年{pw}稀土{word}总量控制指标为{t}，其中{joiner.join(parts)}。"
    facts = {_fact(year, period, qtype, None, total)} | {
        _fact(year, period, qtype, h, shares[h]) for h in holders
    }
    caps = {"frame": f"其中 ({len(holders)} groups)", "number": form}
    return Case(NATIONAL[(year, period)][2], text, facts, caps)


def frame_respectively(rng: random.Random) -> Case:
    """ "X和Y分别获得开采指标N吨、M吨"."""
    year, period, pw = _batch(rng)
    place, title, lead, facts, opener = _setting(year, period, pw, rng)
    qtype = rng.choice([MINING, SMELTING])
    shares = _shares(year, period, qtype)
    a, b = rng.sample(list(shares), 2)
    na, form = amount(shares[a], rng)
    nb, _ = amount(shares[b], rng)
    tw = rng.choice(TYPE_WORDS[qtype])
    joint = rng.choice(["和", "、", "与"])
    shape = rng.choice(["分别获得 type", "type 分别为"])
    if shape == "分别获得 type":
        sentence = f"{_name(a, rng, False)}{joint}{_name(b, rng, False)}分别获得{tw}{na}、{nb}"
    else:
        sentence = f"{_name(a, rng, False)}{joint}{_name(b, rng, False)}的{tw}分别为{na}和{nb}"
    text = f"{lead}{opener}{sentence}。"
    facts = facts | {
        _fact(year, period, qtype, a, shares[a]),
        _fact(year, period, qtype, b, shares[b]),
    }
    caps = {"frame": f"分别: {shape}", "setting": place, "number": form}
    return Case(NATIONAL[(year, period)][2], text, facts, caps, title)


def frame_both_types(rng: random.Random) -> Case:
    """ "X的开采指标为N万吨，冶炼分离指标为M万吨" / "X获得N吨开采指标、M吨冶炼分离指标"."""
    year, period, pw = _batch(rng)
    place, title, lead, facts, opener = _setting(year, period, pw, rng)
    holder = rng.choice([h for h, v in SHARES[(year, period)].items() if all(v)])
    m, s = SHARES[(year, period)][holder]
    assert m and s
    nm, form = amount(m, rng)
    ns, _ = amount(s, rng)
    shape = rng.choice(["的…为，…为", "获得N吨…、M吨…", "获得…N吨、…M吨"])
    name = _name(holder, rng, shape != "的…为，…为")
    tm, ts = rng.choice(TYPE_WORDS[MINING]), rng.choice(TYPE_WORDS[SMELTING])
    sentence = {
        "的…为，…为": f"{name}的{tm}为{nm}，{ts}为{ns}",
        "获得N吨…、M吨…": f"{name}获得{nm}{tm}、{ns}{ts}",
        "获得…N吨、…M吨": f"{name}获得{tm}{nm}、{ts}{ns}",
    }[shape]
    text = f"{lead}{opener}{sentence}。"
    facts = facts | {
        _fact(year, period, MINING, holder, m),
        _fact(year, period, SMELTING, holder, s),
    }
    caps = {"frame": f"both types: {shape}", "setting": place, "number": form}
    return Case(NATIONAL[(year, period)][2], text, facts, caps, title)


def frame_category(rng: random.Random) -> Case:
    """ "中国稀土集团获得岩矿型稀土开采指标N吨、离子型稀土M吨" (2024 batch 1)."""
    year, period, pw = 2024, "batch:1", rng.choice(PERIOD_WORDS["batch:1"])
    place, title, lead, facts, opener = _setting(year, period, pw, rng)
    holder = rng.choice([CREG, NORTH])
    light, heavy = CATEGORY_SHARES[holder]
    nl, form = amount(light, rng)
    lw = rng.choice(CATEGORY_WORDS["light"])
    name = _name(holder, rng, True)
    if heavy is None:
        sentence = f"{name}获得{lw}开采指标{nl}"
        new = {_fact(year, period, MINING, holder, light, "light")}
    else:
        nh, _ = amount(heavy, rng)
        hw = rng.choice(CATEGORY_WORDS["medium_heavy"])
        sentence = f"{name}获得{lw}开采指标{nl}、{hw}{nh}"
        new = {_fact(year, period, MINING, holder, light, "light"),
               _fact(year, period, MINING, holder, heavy, "medium_heavy")}  # fmt: skip
    share = rng.choice(["", "，占比70%", "，占比约七成"]) if holder == NORTH else ""
    text = f"{lead}{opener}{sentence}{share}。"
    caps = {"frame": "category" + (" + 占比" if share else ""), "setting": place, "number": form}
    return Case(NATIONAL[(year, period)][2], text, facts | new, caps, title)


def frame_list(rng: random.Random) -> Case:
    """Lines "一、X：N吨" under "各集团开采指标如下："."""
    year, period, pw = _batch(rng)
    qtype = rng.choice([MINING, SMELTING])
    word = "开采" if qtype == MINING else "冶炼分离"
    shares = list(_shares(year, period, qtype).items())
    marker = rng.choice(["一、", "(一)", "1.", ""])
    lines = [f"{year}年{pw}稀土{word}总量控制指标分配如下："]
    form = ""
    for i, (h, v) in enumerate(shares):
        n, form = amount(v, rng)
        mark = {"一、": f"{ORDINALS[i]}、", "(一)": f"({ORDINALS[i]})", "1.": f"{i + 1}.", "": ""}[
            marker
        ]
        lines.append(f"{mark}{_name(h, rng, False)}：{n}；")
    text = "\n".join(lines)
    facts = {_fact(year, period, qtype, h, v) for h, v in shares}
    return Case(
        NATIONAL[(year, period)][2],
        text,
        facts,
        {"frame": f"list {marker or 'bare'}", "number": form},
    )


def frame_table(rng: random.Random) -> Case:
    """A table "企业 | 开采 | 冶炼分离" with a 合计 row, under a title naming the batch."""
    year, period = 2024, "batch:1"
    rows = {
        h: (m, _shares(year, period, SMELTING)[h]) for h, m in _shares(year, period, MINING).items()
    }
    sep = rng.choice([" | ", "\t", "  "])
    unit = rng.choice(["吨", "万吨"])
    div = 10_000 if unit == "万吨" else 1

    def cell(v: int) -> str:
        return f"{v / div:g}" if div > 1 else str(v)

    lines = [f"附件：{year}年第一批稀土开采、冶炼分离总量控制指标（单位：{unit}）",
             sep.join(["稀土集团", "开采", "冶炼分离"])]  # fmt: skip
    for h, (m, s) in rows.items():
        lines.append(sep.join([NAMES[h][0], cell(m), cell(s)]))
    total = rng.random() < 0.6
    if total:
        lines.append(sep.join(["合计", cell(135_000), cell(127_000)]))
    facts = {_fact(year, period, t, h, v) for h, ms in rows.items()
             for t, v in zip((MINING, SMELTING), ms, strict=True)}  # fmt: skip
    if total:
        facts |= {
            _fact(year, period, MINING, None, 135_000),
            _fact(year, period, SMELTING, None, 127_000),
        }
    caps = {
        "frame": "table" + (" + 合计" if total else ""),
        "number": f"table {unit}",
        "separator": repr(sep),
    }
    return Case("2024-02-20", "\n".join(lines), facts, caps)


def frame_announcement(rng: random.Random) -> Case:
    """A group's own announcement: the title names it and the batch, the text says "公司"."""
    year, period, pw = _batch(rng)
    holder = rng.choice([h for h, v in SHARES[(year, period)].items() if all(v)])
    m, s = SHARES[(year, period)][holder]
    assert m and s
    nm, form = amount(m, rng)
    ns, _ = amount(s, rng)
    title = f"{NAMES[holder][0]}：关于获得{year}年{pw}稀土开采、冶炼分离总量控制指标的公告"
    shape = rng.choice(["公司获得", "本公司", "近日，公司收到"])
    sentence = {
        "公司获得": f"公司获得稀土开采指标{nm}、冶炼分离指标{ns}。",
        "本公司": f"本公司本批次获得开采指标{nm}，冶炼分离指标{ns}。",
        "近日，公司收到": f"近日，公司收到通知，公司获得{nm}开采指标和{ns}冶炼分离指标。",
    }[shape]
    facts = {_fact(year, period, MINING, holder, m), _fact(year, period, SMELTING, holder, s)}
    caps = {"frame": f"announcement: {shape}", "number": form, "holder": holder}
    return Case(NATIONAL[(year, period)][2], sentence, facts, caps, title)


def frame_among_sentence(rng: random.Random) -> Case:
    """The national figure, then "其中，X获得N吨，Y获得M吨" as a sentence of its own."""
    year, period, pw = _batch(rng)
    qtype = rng.choice([MINING, SMELTING])
    shares = _shares(year, period, qtype)
    holders = rng.sample(list(shares), 2)
    mining, smelting, published = NATIONAL[(year, period)]
    total = smelting if qtype == SMELTING else mining
    word = "开采" if qtype == MINING else "冶炼分离"
    t, _ = amount(total, rng)
    lead = f"{year}年{pw}稀土{word}总量控制指标为{t}。"
    parts = []
    form = ""
    for h in holders:
        n, form = amount(shares[h], rng)
        parts.append(f"{_name(h, rng, True)}{rng.choice(RECEIVE)}{n}")
    tail = rng.choice(["", "，同比增长12.5%", "，两家合计占全部指标的九成以上"])
    text = f"{lead}其中，{'，'.join(parts)}{tail}。"
    facts = {_fact(year, period, qtype, None, total)} | {
        _fact(year, period, qtype, h, shares[h]) for h in holders
    }
    caps = {"frame": "其中 sentence" + (" + tail" if tail else ""), "number": form}
    return Case(published, text, facts, caps)


def frame_more_shapes(rng: random.Random) -> Case:
    """Other shapes of one batch's split (2024 batch 1): a type heading then the groups, a colon
    per group, a category split in the sentence after, the two types in one 分别 sentence,
    a table with category columns."""
    year, period, pw = 2024, "batch:1", rng.choice(PERIOD_WORDS["batch:1"])
    place, title, lead, facts, opener = _setting(year, period, pw, rng)
    n = {k: amount(v, rng)[0] for k, v in
         (("nm", 94_580), ("ns", 88_010), ("cm", 40_420), ("cs", 38_990), ("cl", 30_280),
          ("ch", 10_140))}  # fmt: skip
    north, creg = _name(NORTH, rng, False), _name(CREG, rng, False)
    new: set[tuple[str, str, str | None, int]]
    shape = rng.choice(["type heading", "colon", "category next sentence", "分别 two types",
                        "category table", "占全国"])  # fmt: skip
    if shape == "type heading":
        body = f"开采指标方面，{north}为{n['nm']}，{creg}为{n['cm']}。"
        new = {(NORTH, MINING, None, 94_580), (CREG, MINING, None, 40_420)}
    elif shape == "colon":
        body = f"{north}：开采指标{n['nm']}；冶炼分离指标{n['ns']}。"
        new = {(NORTH, MINING, None, 94_580), (NORTH, SMELTING, None, 88_010)}
    elif shape == "category next sentence":
        body = f"{creg}获得开采指标{n['cm']}。其中岩矿型稀土{n['cl']}，离子型稀土{n['ch']}。"
        new = {(CREG, MINING, None, 40_420), (CREG, MINING, "light", 30_280),
               (CREG, MINING, "medium_heavy", 10_140)}  # fmt: skip
    elif shape == "分别 two types":
        body = (f"{creg}和{north}分别获得开采指标{n['cm']}、{n['nm']}，"
                f"冶炼分离指标{n['cs']}、{n['ns']}。")  # fmt: skip
        new = {(CREG, MINING, None, 40_420), (NORTH, MINING, None, 94_580),
               (CREG, SMELTING, None, 38_990), (NORTH, SMELTING, None, 88_010)}  # fmt: skip
    elif shape == "category table":
        body = ("\n" + " | ".join(["集团", "岩矿型稀土", "离子型稀土", "冶炼分离"]) + "\n"
                + " | ".join([NAMES[NORTH][0], "94580", "0", "88010"]) + "\n"
                + " | ".join([NAMES[CREG][0], "30280", "10140", "38990"]))  # fmt: skip
        new = {(NORTH, MINING, "light", 94_580), (NORTH, SMELTING, None, 88_010),
               (CREG, MINING, "light", 30_280), (CREG, MINING, "medium_heavy", 10_140),
               (CREG, SMELTING, None, 38_990)}  # fmt: skip
    else:
        body = f"{north}获得开采指标{n['nm']}、冶炼分离指标{n['ns']}，分别占全国的70.06%和69.30%。"
        new = {(NORTH, MINING, None, 94_580), (NORTH, SMELTING, None, 88_010)}
    text = f"{lead}{opener}{body}"
    facts = facts | {_fact(year, period, t, h, v, c) for h, t, c, v in new}
    return Case("2024-02-20", text, facts, {"frame": f"shape: {shape}", "setting": place}, title)


def frame_news(rng: random.Random) -> Case:
    """News wording of a batch's split: who got the most, who came next, a stock code, a
    change on the year, a lead sentence naming the batch without figures."""
    year, period, pw = _batch(rng)
    qtype = rng.choice([MINING, SMELTING])
    shares = sorted(_shares(year, period, qtype).items(), key=lambda kv: -kv[1])
    tw = rng.choice(TYPE_WORDS[qtype])
    (first, a), (second, b) = shares[:2]
    na, form = amount(a, rng)
    nb, _ = amount(b, rng)
    lead = rng.choice([f"工信部、自然资源部下达{year}年{pw}稀土总量控制指标。",
                       f"{year}年{pw}稀土指标近日下达。"])  # fmt: skip
    code = {NORTH: "(600111)", XTC: "(600549)"}.get(first, "") if rng.random() < 0.5 else ""
    shape = rng.choice(["最多…其次", "分列", "同比"])
    if shape == "最多…其次":
        body = (f"{_name(first, rng, False)}{code}获得的{tw}最多，为{na}；"
                f"其次是{_name(second, rng, False)}，获得{nb}。")  # fmt: skip
        new = {(first, a), (second, b)}
    elif shape == "分列":
        body = (f"{_name(first, rng, False)}{code}和{_name(second, rng, False)}分列前两位，"
                f"{tw}分别为{na}和{nb}。")  # fmt: skip
        new = {(first, a), (second, b)}
    else:
        name = _name(first, rng, not code)  # a code follows the full name, not "包钢"
        body = f"{name}{code}获得{tw}{na}，同比增长约6%。"
        new = {(first, a)}
    text = lead + body
    facts = {_fact(year, period, qtype, h, v) for h, v in new}
    caps = {"frame": f"news: {shape}" + (" + code" if code else ""), "number": form}
    return Case(NATIONAL[(year, period)][2], text, facts, caps)


# near misses about the groups: what they state besides quotas gives no fact
NEAR_MISSES = [
    ("{n}{y}年稀土氧化物产量为{a}吨，同比增长12%。", "产量"),
    ("{n}{y}年稀土产品销量达到{a}吨。", "销量"),
    ("{n}现有稀土冶炼分离产能{a}吨/年。", "产能"),
    ("{n}{y}年实现营业收入{r}亿元，净利润下降。", "营收"),
    ("{n}股价今日上涨3.5%，收于21.3元。", "股价"),
    ("{n}于{y}年2月6日发布公告，披露了获得的指标情况。", "公告日期"),
    ("{n}表示，2025年的指标数量没有公开披露。", "2025未披露"),
    ("{n}计划到{y}年将稀土精矿处理能力提升至{a}吨。", "规划产能"),
    ("{n}拟向关联方采购稀土精矿不超过{a}吨。", "采购"),
    ("{n}获得的开采指标约占全国的七成，{y}年以来一直如此。", "占比无数"),
    (
        "此前获得指标的六家集团是中国五矿、中铝集团、北方稀土、厦门钨业、南方稀土和广东稀土。",
        "六家名单",
    ),
    ("{n}{y}年稀土冶炼分离产品产量{a}吨，完成指标的96%。", "完成率"),
]


def frame_near_miss(rng: random.Random) -> Case:
    i = rng.randrange(len(NEAR_MISSES))
    pattern, what = NEAR_MISSES[i]
    holder = rng.choice(list(NAMES))
    name, year = _name(holder, rng, False), rng.choice([2022, 2023, 2024])
    tonnes, revenue = rng.choice([120_000, 30_000, 9_458]), rng.choice([334, 18])
    text = pattern.format(n=name, y=year, a=tonnes, r=revenue)
    return Case("2024-08-01", text, set(), {"frame": f"near miss: {what}"})


def frame_source(rng: random.Random) -> Case:
    """A group quoted as the source of the national figure: the figure is the nation's."""
    year, period, pw = _batch(rng)
    mining, _, published = NATIONAL[(year, period)]
    n, form = amount(mining, rng)
    name = _name(rng.choice(list(SHARES[(year, period)])), rng, False)
    shape = rng.choice(["据X公告，", "X公告显示，", "X在公告中称，"])
    lead = shape.replace("X", name)
    text = f"{lead}{year}年{pw}全国稀土开采总量控制指标为{n}。"
    caps = {"frame": f"source: {shape}", "number": form}
    return Case(published, text, {_fact(year, period, MINING, None, mining)}, caps)


# --- export quotas, histories, province notices, near misses (issue 10, round 5) ----------------
EXPORT, TUNGSTEN, ANTIMONY = "export", "tungsten", "antimony"
# rare earth export quotas (MOFCOM), as reported: year -> (batch 1, batch 2, whole year)
EXPORT_BATCHES = {
    2010: (16_304, 13_954, 30_258),
    2011: (14_446, 15_738, 30_184),
    2013: (15_501, 15_500, 31_001),
    2014: (15_110, 15_500, 30_610),
}
# a year's export quota split by category: year -> (light, medium_heavy)
EXPORT_CATEGORIES = {2012: (26_834, 4_162)}
HALF_WORDS = {"batch:1": ["第一批", "上半年"], "batch:2": ["第二批", "下半年"]}
EXPORT_WORDS = ["出口配额", "出口配额总量", "出口配额指标"]
EXPORT_ISSUERS = ["商务部", "商务部近日", "国家商务部"]


def _export_fact(year: int, period: str, tonnes: int, category: str | None = None,
                 commodity: str = "rare_earth") -> Key:  # fmt: skip
    return (commodity, EXPORT, year, period, category, None, float(tonnes))


def frame_export(rng: random.Random) -> Case:
    """Export quotas: a batch or half, a batch then the year, a category split, an oxide
    equivalent beside a product tonnage."""
    year = rng.choice(list(EXPORT_BATCHES))
    b1, b2, total = EXPORT_BATCHES[year]
    issuer, ew = rng.choice(EXPORT_ISSUERS), rng.choice(EXPORT_WORDS)
    shape = rng.choice(["batch", "second + year", "category", "half 分别", "折氧化物", "钨品",
                        "增补", "history"])  # fmt: skip
    published = f"{year}-07-15"
    if shape == "折氧化物":  # a product tonnage beside its oxide equivalent: the oxide is the fact
        pw = rng.choice(HALF_WORDS["batch:1"])
        n, form = amount(b1, rng)
        product = f"{b1 + 2_400}吨"
        oxide = rng.choice(["折氧化物", "折稀土氧化物", "折REO"])
        about = rng.choice(["", "约"]) if n.endswith("万吨") else ""
        text = rng.choice([f"{year}年{pw}稀土{ew}为{product}（{oxide}{n}）。",
                           f"{year}年{pw}稀土{ew}{product}，{oxide}{about}{n}。",
                           f"{year}年{pw}稀土{ew}为{product}, {oxide}{about}{n}。",
                           f"{year}年{pw}稀土{ew}为{n}（{oxide}计）。"])  # fmt: skip
        facts = {_export_fact(year, "batch:1", b1)}
        published = f"{year}-01-05"
    elif shape == "钨品":  # 2013 tungsten products' export quota, 15,400 t
        n, form = amount(15_400, rng)
        text = rng.choice([f"商务部公布2013年钨品出口配额总量为{n}。",
                           f"2013年钨出口配额{n}，与上年基本持平。"])  # fmt: skip
        facts = {_export_fact(2013, "annual", 15_400, commodity=TUNGSTEN)}
        published = "2013-01-10"
    elif shape == "增补":  # a supplementary batch named 增补 is the second batch
        n, form = amount(b2, rng)
        text = f"{year}年第二批（增补）稀土{ew}为{n}。"
        facts = {_export_fact(year, "batch:2", b2)}
    elif shape == "history":  # several years' export quotas in one sentence
        n1, form = amount(EXPORT_BATCHES[2010][2], rng)
        n2, _ = amount(EXPORT_BATCHES[2011][2], rng)
        text = rng.choice([f"2010年和2011年稀土出口配额分别为{n1}、{n2}。",
                           f"稀土{ew}由2010年的{n1}调整为2011年的{n2}。"])  # fmt: skip
        facts = {_export_fact(2010, "annual", EXPORT_BATCHES[2010][2]),
                 _export_fact(2011, "annual", EXPORT_BATCHES[2011][2])}  # fmt: skip
        published = "2011-12-30"
    elif shape == "batch":
        pw = rng.choice(HALF_WORDS["batch:1"])
        n, form = amount(b1, rng)
        text = f"{issuer}公布{year}年{pw}稀土{ew}，共计{n}。"
        facts = {_export_fact(year, "batch:1", b1)}
        published = f"{year}-01-05"
    elif shape == "second + year":
        pw = rng.choice(HALF_WORDS["batch:2"])
        n, form = amount(b2, rng)
        t, _ = amount(total, rng)
        text = f"{issuer}下达{year}年{pw}稀土{ew}{n}，全年稀土出口配额总量为{t}。"
        facts = {_export_fact(year, "batch:2", b2), _export_fact(year, "annual", total)}
    elif shape == "category":
        year = 2012
        light, heavy = EXPORT_CATEGORIES[year]
        nl, form = amount(light, rng)
        nh, _ = amount(heavy, rng)
        t, _ = amount(light + heavy, rng)
        text = f"{year}年全年稀土{ew}为{t}，其中轻稀土{nl}，中重稀土{nh}。"
        facts = {_export_fact(year, "annual", light + heavy),
                 _export_fact(year, "annual", light, "light"),
                 _export_fact(year, "annual", heavy, "medium_heavy")}  # fmt: skip
        published = "2012-12-28"
    else:
        n1, form = amount(b1, rng)
        n2, _ = amount(b2, rng)
        text = f"{year}年上半年和下半年的稀土{ew}分别为{n1}和{n2}。"
        facts = {_export_fact(year, "batch:1", b1), _export_fact(year, "batch:2", b2)}
        published = f"{year}-12-30"
    return Case(published, text, facts, {"frame": f"export: {shape}", "number": form})


# annual rare earth mining quotas (MLR, then MIIT/MNR), tonnes REO
HISTORY = {2008: 87_620, 2009: 82_320, 2010: 89_200, 2011: 93_800, 2012: 93_800, 2013: 93_800,
           2014: 105_000, 2015: 105_000, 2016: 105_000, 2017: 105_000, 2018: 120_000,
           2019: 132_000, 2020: 140_000, 2021: 168_000, 2022: 210_000, 2023: 255_000,
           2024: 270_000}  # fmt: skip
HISTORY_SMELTING = {2018: 115_000, 2019: 127_000, 2020: 135_000, 2021: 162_000, 2022: 202_000,
                    2023: 243_850, 2024: 254_000}  # fmt: skip


def _annual(year: int, tonnes: int, qtype: str = MINING) -> Key:
    return ("rare_earth", qtype, year, "annual", None, None, float(tonnes))


def frame_history(rng: random.Random) -> Case:
    """Several years in one sentence, a list or a table."""
    shape = rng.choice(["分别为", "从…增至", "连续三年", "year lines", "year table",
                        "历年 sentence", "each year clause"])  # fmt: skip
    form = ""
    if shape == "分别为":
        a = rng.choice([2018, 2019, 2020, 2021])
        years = list(range(a, a + 3))
        nums = [amount(HISTORY[y], rng)[0] for y in years]
        text = f"{years[0]}年至{years[-1]}年，全国稀土开采总量控制指标分别为{'、'.join(nums)}。"
        facts = {_annual(y, HISTORY[y]) for y in years}
    elif shape == "从…增至":
        a, b = rng.choice([(2018, 2024), (2019, 2023), (2020, 2022)])
        na, form = amount(HISTORY[a], rng)
        nb, _ = amount(HISTORY[b], rng)
        text = f"稀土开采总量控制指标从{a}年的{na}增至{b}年的{nb}。"
        facts = {_annual(a, HISTORY[a]), _annual(b, HISTORY[b])}
    elif shape == "连续三年":
        n, form = amount(105_000, rng)
        text = f"2014年至2016年，稀土开采总量控制指标连续三年维持在{n}。"
        facts = {_annual(y, 105_000) for y in (2014, 2015, 2016)}
    elif shape == "历年 sentence":
        years = sorted(rng.sample(sorted(HISTORY_SMELTING), 2))
        na, form = amount(HISTORY[years[0]], rng)
        nb, _ = amount(HISTORY[years[1]], rng)
        verb = rng.choice(["为", "是", "达到"])
        text = f"从历年稀土指标来看，{years[0]}年开采指标{verb}{na}，{years[1]}年{verb}{nb}。"
        facts = {_annual(years[0], HISTORY[years[0]]), _annual(years[1], HISTORY[years[1]])}
    elif shape == "each year clause":
        y = rng.choice(sorted(HISTORY_SMELTING))
        nm, form = amount(HISTORY[y], rng)
        ns, _ = amount(HISTORY_SMELTING[y], rng)
        text = f"{y}年，全国稀土开采指标{nm}，冶炼分离指标{ns}；{y + 1}年的指标随后公布。"
        facts = {_annual(y, HISTORY[y]), _annual(y, HISTORY_SMELTING[y], SMELTING)}
    elif shape == "year lines":
        years = sorted(rng.sample(sorted(HISTORY_SMELTING), 3))
        lines = ["历年稀土开采总量控制指标如下："]
        for y in years:
            n, form = amount(HISTORY[y], rng)
            lines.append(f"{y}年：{n}；")
        text = "\n".join(lines)
        facts = {_annual(y, HISTORY[y]) for y in years}
    else:
        years = sorted(rng.sample(sorted(HISTORY_SMELTING), 3))
        sep = rng.choice([" | ", "\t", "  "])
        lines = ["历年稀土总量控制指标（单位：吨）", sep.join(["年份", "开采", "冶炼分离"])]
        lines += [sep.join([str(y), str(HISTORY[y]), str(HISTORY_SMELTING[y])]) for y in years]
        text = "\n".join(lines)
        facts = {_annual(y, HISTORY[y]) for y in years} | {
            _annual(y, HISTORY_SMELTING[y], SMELTING) for y in years
        }
        form = f"table {sep!r}"
    return Case("2024-08-01", text, facts, {"frame": f"history: {shape}", "number": form})


# MNR tungsten mining quotas 2020 (DOMAIN.md): whole year, main mining and by-product
TUNGSTEN_2020 = (105_000, 78_150, 26_850)
# rare earth mining by province as a notice might list them (light: rock; medium_heavy: ionic)
PROVINCE_SHARES = {"内蒙古": ("neimenggu", "light", 59_500), "四川": ("sichuan", "light", 24_400),
                   "江西": ("jiangxi", "medium_heavy", 9_000),
                   "广东": ("guangdong", "medium_heavy", 2_200)}  # fmt: skip


def frame_province(rng: random.Random) -> Case:
    """Land-ministry notices: tungsten main/by-product, a province list, 控制总量, a figure list
    with one unit at its end."""
    shape = rng.choice(["tungsten 主采", "province list", "控制总量", "one unit", "province table",
                        "antimony", "province 类型"])  # fmt: skip
    if shape == "province table":
        names = rng.sample(sorted(PROVINCE_SHARES), 3)
        sep = rng.choice([" | ", "\t", "  "])
        lines = ["2012年稀土矿开采总量控制指标分配表（单位：吨）", sep.join(["省（区）", "指标"])]
        lines += [sep.join([n, str(PROVINCE_SHARES[n][2])]) for n in names]
        facts = {("rare_earth", MINING, 2012, "annual", None, f"province:{PROVINCE_SHARES[n][0]}",
                  float(PROVINCE_SHARES[n][2])) for n in names}  # fmt: skip
        return Case("2012-06-01", "\n".join(lines), facts, {"frame": f"province: {shape}"})
    if shape == "antimony":  # 2013 antimony ore mining control: 40,000 t (MLR)
        n, form = amount(40_000, rng)
        text = rng.choice([f"2013年全国锑矿开采总量控制指标为{n}。",
                           f"2013年锑矿（金属量）开采总量控制指标{n}。"])  # fmt: skip
        facts = {("antimony", MINING, 2013, "annual", None, None, 40_000.0)}
        return Case("2013-05-01", text, facts, {"frame": f"province: {shape}", "number": form})
    if shape == "province 类型":
        name = rng.choice(sorted(PROVINCE_SHARES))
        pinyin, category, tonnes = PROVINCE_SHARES[name]
        n, form = amount(tonnes, rng)
        word = {"light": "岩矿型稀土", "medium_heavy": "离子型稀土"}[category]
        text = f"2012年{name}{word}开采总量控制指标为{n}。"
        facts = {("rare_earth", MINING, 2012, "annual", category, f"province:{pinyin}",
                  float(tonnes))}  # fmt: skip
        return Case("2012-06-01", text, facts, {"frame": f"province: {shape}", "number": form})
    form = ""
    if shape == "tungsten 主采":
        total, main, by = TUNGSTEN_2020
        nt, form = amount(total, rng)
        nm, _ = amount(main, rng)
        nb, _ = amount(by, rng)
        text = (f"2020年全国钨精矿（三氧化钨含量65%）开采总量控制指标为{nt}，"
                f"其中主采指标{nm}，综合利用指标{nb}。")  # fmt: skip
        facts = {("tungsten", MINING, 2020, "annual", c, None, float(v))
                 for c, v in ((None, total), ("tungsten_primary", main),
                              ("tungsten_byproduct", by))}  # fmt: skip
        return Case("2020-12-01", text, facts, {"frame": f"province: {shape}", "number": form})
    if shape == "province list":
        names = rng.sample(sorted(PROVINCE_SHARES), 3)
        parts = []
        for name in names:
            n, form = amount(PROVINCE_SHARES[name][2], rng)
            parts.append(
                f"{name}{rng.choice(['', '省', '为'])}{n}".replace("内蒙古省", "内蒙古自治区")
            )
        text = f"2012年稀土矿开采总量控制指标分省下达：{'，'.join(parts)}。"
        facts = {("rare_earth", MINING, 2012, "annual", None, f"province:{PROVINCE_SHARES[n][0]}",
                  float(PROVINCE_SHARES[n][2])) for n in names}  # fmt: skip
        return Case("2012-06-01", text, facts, {"frame": f"province: {shape}", "number": form})
    if shape == "控制总量":  # 2016 tungsten concentrate mining: 91,300 t
        n, form = amount(91_300, rng)
        word = rng.choice(["开采控制总量", "开采总量控制指标控制总量", "控制总量"])
        text = f"2016年全国钨精矿{word}为{n}。"
        facts = {("tungsten", MINING, 2016, "annual", None, None, 91_300.0)}
        return Case("2016-06-01", text, facts, {"frame": f"province: {shape}", "number": form})
    joiner = rng.choice(["、", ","])
    text = f"2024年第一批稀土开采、冶炼分离总量控制指标分别为135000{joiner}127000吨。"
    facts = {_fact(2024, "batch:1", MINING, None, 135_000),
             _fact(2024, "batch:1", SMELTING, None, 127_000)}  # fmt: skip
    return Case("2024-02-20", text, facts, {"frame": f"province: {shape} {joiner}"})


# near misses of other families: plans, statistics, capacity, prices, other goods' quotas
NEAR_MISSES_5 = [
    ("规划提出，到2025年稀土开采总量控制在14万吨以内。", "规划"),
    ("2023年我国稀土出口量为5.2万吨，同比增长9.7%。", "出口统计"),
    ("2013年稀土出口仅完成出口配额的一半左右。", "出口完成率"),
    ("全国稀土冶炼分离产能已超过30万吨。", "产能"),
    ("氧化镨钕价格跌至每吨40万元。", "价格"),
    ("2024年化肥出口配额为500万吨。", "化肥配额"),
    ("煤炭出口配额2008年为4500万吨。", "煤炭配额"),
    ("该省下达排污总量控制指标12万吨。", "排污指标"),
    ("碳排放配额2023年分配了45亿吨。", "碳排放配额"),
    ("2012年我国稀土氧化物产量约为10万吨。", "产量"),
    ("2014年稀土出口配额使用率不足30%，实际出口2.8万吨。", "配额使用"),
    ("钨精矿（65%）价格报每吨8.6万元。", "钨价"),
    ("全国钨精矿产量2019年为13.3万吨。", "钨产量"),
    ("2023年锑品出口量为2.2万吨。", "锑出口量"),
    ("到2020年，稀土冶炼分离产能控制在20万吨以内。", "产能目标"),
    ("该省化肥出口配额2009年为300万吨。", "化肥配额2"),
]


def frame_near_miss_5(rng: random.Random) -> Case:
    text, what = rng.choice(NEAR_MISSES_5)
    return Case("2024-08-01", text, set(), {"frame": f"near miss: {what}"})


FRAMES: list[Callable[[random.Random], Case]] = [
    frame_receive, frame_receive, frame_among, frame_respectively, frame_both_types,
    frame_category, frame_list, frame_table, frame_near_miss, frame_near_miss, frame_source,
    frame_announcement, frame_among_sentence, frame_more_shapes, frame_more_shapes, frame_news,
    frame_export, frame_export, frame_history, frame_history, frame_province, frame_province,
    frame_near_miss_5,
]  # fmt: skip


def generate(n: int, seed: int = 10) -> list[Case]:
    rng = random.Random(seed)
    return [_finish(rng.choice(FRAMES)(rng), rng) for _ in range(n)]


def facts_of(case: Case) -> set[Key]:
    """The facts the rules find in the text as extraction gives it to them (normalised: a tab is
    a space), as scored: a record without an amount is left out."""
    content = Content(
        title=normalize(case.title) if case.title else None,
        published=datetime.fromisoformat(case.published),
        language="zh",
        text=normalize(case.text),
    )
    return {fact.key() for fact in find_facts(content) if fact.amount_t is not None}


def main(argv: list[str] | None = None) -> int:
    return run(argv, "wordings_zh", __doc__.splitlines()[0], generate, facts_of, "texts")


if __name__ == "__main__":
    raise SystemExit(main())
