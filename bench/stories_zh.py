"""A held-out story grammar (Chinese): whole short news stories composed with their facts.

An independent test of wording generalization for the fact extractor, written without reading
its rules. Each *story template* (a title, an optional dateline, 2-8 lines, sometimes a list, a
plain-text table or an unrelated paragraph) is filled from a *scenario*: one slice of the public
record (../shared/DOMAIN.md and the facts of dev pages), with figures rendered in one of several
number formats and years in one of several wordings. A story's expected facts are exactly the
figures it printed: every amount slot carries its fact key, and only slots that appear in the text
are expected. Near-miss stories (prices, output, exports shipped, forecasts, export controls,
other goods' quotas) expect nothing. All text is ours, in the manner of the outlets it imitates.

A whole template sits on one side of a tune/held split (``crc32(template id) % 3 == 0`` is held).

    python bench/stories_zh.py [--n 2000] [--seed 10] [--show 15] [--half tune|held|all] [--json]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wordings import Case, Key, run

URL = "https://example.com/story"
RE, W, SB = "rare_earth", "tungsten", "antimony"
MIN, SEP, EXP = "mining", "smelting_separation", "export"
NORTH, CREG, MINMETALS = "china_northern_rare_earth", "china_rare_earth_group", "china_minmetals"
CHALCO, XTC, GD, SOUTH = (
    "chinalco_rare_earth",
    "xiamen_tungsten",
    "guangdong_rare_earth",
    "china_southern_rare_earth",
)

# --- the public record -------------------------------------------------------------------------
# national rare earth batches: (year, batch) -> (mining, smelting or None, light, medium_heavy)
RE_BATCH: dict[tuple[int, int], tuple[int, int | None, int | None, int | None]] = {
    (2013, 1): (46_900, None, 37_950, 8_950),
    (2015, 1): (52_500, 50_050, None, None),
    (2016, 1): (52_500, None, 43_550, 8_950),
    (2017, 1): (52_500, None, None, None),
    (2018, 1): (73_500, None, None, None),
    (2019, 1): (60_000, 57_500, 50_425, 9_575),
    (2019, 2): (72_000, 69_500, None, None),
    (2020, 1): (66_000, 63_500, 56_425, 9_575),
    (2020, 2): (74_000, 71_500, None, None),
    (2021, 1): (84_000, 81_000, None, None),
    (2021, 2): (84_000, 81_000, None, None),
    (2022, 1): (100_800, 97_200, 89_310, 11_490),
    (2022, 2): (109_200, 104_800, None, None),
    (2023, 1): (120_000, 115_000, None, None),
    (2023, 2): (120_000, 115_000, None, None),
    (2023, 3): (15_000, 13_850, None, None),
    (2024, 1): (135_000, 127_000, 124_860, 10_140),
    (2024, 2): (135_000, 127_000, None, None),
}
# running totals: (year, n) -> (mining, smelting, light, medium_heavy)
RE_CUM: dict[tuple[int, int], tuple[int, int, int | None, int | None]] = {
    (2019, 2): (132_000, 127_000, None, None),
    (2020, 2): (140_000, 135_000, None, None),
    (2021, 2): (168_000, 162_000, None, None),
    (2022, 2): (210_000, 202_000, None, None),
    (2023, 2): (240_000, 230_000, 220_850, 19_150),
    (2023, 3): (255_000, 243_850, None, None),
    (2024, 2): (270_000, 254_000, None, None),
}
# the last batch of a year (its running total is the whole year)
LAST_BATCH = {2019: 2, 2020: 2, 2021: 2, 2022: 2, 2023: 3, 2024: 2}
# whole-year national rare earth figures: year -> (mining, smelting or None, light, medium_heavy)
RE_YEAR: dict[int, tuple[int, int | None, int | None, int | None]] = {
    2009: (82_320, None, 72_300, 10_020),
    2010: (89_200, None, 77_000, 12_200),
    2011: (93_800, None, 80_400, 13_400),
    2012: (93_800, None, 80_400, 13_400),
    2013: (93_800, None, 75_900, 17_900),
    2014: (105_000, 100_000, 87_100, 17_900),
    2015: (105_000, 100_000, 87_100, 17_900),
    2016: (105_000, 100_000, 87_100, 17_900),
    2017: (105_000, 100_000, 87_100, 17_900),
    2018: (120_000, 115_000, 100_850, 19_150),
    2019: (132_000, 127_000, None, None),
    2020: (140_000, 135_000, 120_850, 19_150),
    2021: (168_000, 162_000, None, None),
    2022: (210_000, 202_000, None, None),
    2023: (255_000, 243_850, None, None),
    2024: (270_000, 254_000, 250_850, 19_150),
}
# MIIT's 2009 mandatory plan, which disagrees with MLR's mining figure above
MIIT_2009 = (119_500, 110_700)
# tungsten (65% WO3): (year, period) -> (total, main-mining, by-product)
W_REC: dict[tuple[int, str], tuple[int, int | None, int | None]] = {
    (2010, "annual"): (80_000, 66_480, 13_520),
    (2011, "annual"): (87_000, None, None),
    (2012, "annual"): (89_000, None, None),
    (2013, "annual"): (89_000, 71_000, 18_000),
    (2013, "batch:1"): (43_500, None, None),
    (2016, "annual"): (91_300, 73_200, 18_100),
    (2017, "annual"): (91_300, None, None),
    (2018, "annual"): (100_000, 76_150, 23_850),
    (2018, "batch:1"): (63_900, 51_300, 12_600),
    (2019, "batch:1"): (49_835, 38_005, 11_830),
    (2020, "batch:1"): (52_500, 39_075, 13_425),
    (2020, "annual"): (105_000, 78_150, 26_850),
    (2021, "batch:1"): (63_000, 46_890, 16_110),
    (2022, "batch:1"): (63_000, 46_890, 16_110),
    (2023, "batch:1"): (63_000, None, None),
    (2023, "annual"): (111_000, None, None),
    (2024, "batch:1"): (62_000, None, None),
    (2024, "batch:2"): (52_000, None, None),
    (2024, "annual"): (114_000, None, None),
    (2025, "batch:1"): (58_000, None, None),
}
# provincial tungsten allocations, 2013 whole year (part of the list)
W_PROV_2013 = {
    "jiangxi": 37_750, "hunan": 23_100, "henan": 6_000, "yunnan": 6_000, "guangdong": 3_260,
    "guangxi": 3_000, "fujian": 2_900, "gansu": 1_710, "neimenggu": 1_500,
    "heilongjiang": 1_100, "zhejiang": 450,
}  # fmt: skip
PROVINCE_NAMES = {
    "jiangxi": "江西", "hunan": "湖南", "henan": "河南", "yunnan": "云南", "guangdong": "广东",
    "guangxi": "广西", "fujian": "福建", "gansu": "甘肃", "neimenggu": "内蒙古",
    "heilongjiang": "黑龙江", "zhejiang": "浙江", "sichuan": "四川",
}  # fmt: skip
# antimony mining: (year, period, province or None) -> tonnes
SB_MINING = {(2010, None): 100_000, (2010, "hunan"): 60_000, (2011, None): 105_000,
             (2011, "hunan"): 64_900, (2013, None): 98_000}  # fmt: skip
# rare earth export quotas: (year, batch or 0 for the year) -> (total, light, medium_heavy)
RE_EXPORT: dict[tuple[int, int], tuple[int, int | None, int | None]] = {
    (2006, 0): (61_560, None, None),
    (2009, 1): (21_728, None, None),
    (2009, 2): (28_417, None, None),
    (2009, 0): (50_145, None, None),
    (2010, 1): (22_282, None, None),
    (2010, 2): (7_976, None, None),
    (2010, 0): (30_258, None, None),
    (2011, 1): (14_446, None, None),
    (2011, 2): (15_738, None, None),
    (2011, 0): (30_184, None, None),
    (2012, 0): (30_996, None, None),
    (2013, 1): (15_499, 13_561, 1_938),
    (2013, 2): (15_500, 13_821, 1_679),
    (2013, 0): (30_999, None, None),
    (2014, 1): (15_110, 13_314, 1_796),
    (2014, 2): (15_501, 13_692, 1_809),
    (2014, 0): (30_611, None, None),
}
# export quotas of groups: (year, batch) -> holder -> (total, light, medium_heavy)
RE_EXPORT_GROUPS: dict[tuple[int, int], dict[str, tuple[int, int | None, int | None]]] = {
    (2013, 1): {MINMETALS: (883, 710, 173), NORTH: (1_811, None, None)},
    (2013, 2): {MINMETALS: (810, 670, 140), NORTH: (537, 509, 28), GD: (651, 572, 79),
                CHALCO: (469, None, None)},
    (2014, 2): {MINMETALS: (718, 604, 114), GD: (631, 544, 87)},
}  # fmt: skip
W_EXPORT = {2007: 15_400, 2008: 14_900, 2009: 14_600, 2010: 14_300, 2011: 15_700, 2012: 15_400}
SB_EXPORT = {2007: 61_800, 2008: 59_900, 2011: 60_300, 2012: 59_400}
# group allocations: scenario id -> (year, period, {holder: {(type, category): tonnes}})
GROUPS: dict[str, tuple[int, str, dict[str, dict[tuple[str, str | None], int]]]] = {
    "2024b1": (2024, "batch:1", {
        NORTH: {(MIN, None): 94_580, (MIN, "light"): 94_580, (SEP, None): 88_010},
        CREG: {(MIN, None): 40_420, (MIN, "light"): 30_280, (MIN, "medium_heavy"): 10_140,
               (SEP, None): 38_990},
    }),
    "2015b1": (2015, "batch:1", {NORTH: {(MIN, None): 29_750, (SEP, None): 25_960}}),
    "2016b1": (2016, "batch:1", {NORTH: {(MIN, None): 29_750}}),
}  # fmt: skip
# ion-adsorption (medium-heavy) mining quota of the six groups, 2018-2020 whole years
IONIC_SIX = {MINMETALS: 2_010, CHALCO: 2_500, XTC: 3_440, GD: 2_700, SOUTH: 8_500}
# provinces' rare earth mining quota in a first batch: year -> [(province, category, tonnes)]
RE_PROV_B1 = {
    2017: [("neimenggu", "light", 29_750), ("jiangxi", "medium_heavy", 4_500)],
    2018: [("neimenggu", "light", 41_650), ("jiangxi", "medium_heavy", 6_300)],
}
# when each batch's notice came out (month, day); stories follow within weeks
ISSUED = {1: (2, 20), 2: (8, 20), 3: (11, 28), 0: (4, 10)}

# --- words --------------------------------------------------------------------------------------
HOLDER_NAMES: dict[str, list[tuple[str, str]]] = {  # holder -> [(name, naming style)]
    NORTH: [("北方稀土", "short"), ("中国北方稀土（集团）高科技股份有限公司", "full"),
            ("北方稀土集团", "short"), ("包钢稀土", "old")],
    CREG: [("中国稀土集团", "short"), ("中国稀土集团有限公司", "full")],
    MINMETALS: [("五矿", "abbr"), ("中国五矿", "short"), ("五矿集团", "short"),
                ("中国五矿集团有限公司", "full")],
    CHALCO: [("中铝", "abbr"), ("中铝集团", "short"), ("中国稀有稀土", "short"),
             ("中国铝业集团有限公司", "full")],
    XTC: [("厦门钨业", "short"), ("厦钨", "abbr"), ("厦门钨业股份有限公司", "full")],
    GD: [("广东稀土", "short"), ("广晟", "abbr"), ("广东省稀土产业集团", "full"),
         ("广东稀土集团", "short")],
    SOUTH: [("南方稀土", "short"), ("中国南方稀土集团", "full"), ("南方稀土集团", "short"),
            ("赣州稀土", "old")],
}  # fmt: skip
BATCH_WORDS = {1: ["第一批", "首批", "第1批", "第一批次"], 2: ["第二批", "第2批", "第二批次"],
               3: ["第三批", "第3批"]}  # fmt: skip
CN_BATCH = {1: "一", 2: "二", 3: "三"}
ISSUERS = {  # (from year, to year) -> names of who set the quota
    (2006, 2017): ["工业和信息化部", "工信部"],
    (2018, 2030): [
        "工业和信息化部、自然资源部",
        "工信部、自然资源部",
        "两部委",
        "工信部和自然资源部",
    ],
}
MLR = ["国土资源部", "国土部"]
MNR = ["自然资源部", "自然资源部"]
OUTLETS = [  # (dateline with {md}, style)
    ("新华社北京{md}电", "xinhua"), ("人民网北京{md}电", "people"), ("证券时报e公司讯，", "stcn"),
    ("上海证券报·中国证券网讯（记者 王晓）", "cnstock"), ("中国证券报·中证网讯", "cs"),
    ("财联社{md}讯，", "cls"), ("第一财经{md}报道，", "yicai"), ("【SMM快讯】", "smm"),
    ("百川盈孚讯：", "baiinfo"), ("Mysteel快讯：", "mysteel"), ("东方财富网{md}消息，", "eastmoney"),  # noqa: E501 (a story line reads as one string)
    ("新浪财经讯 {md}消息，", "sina"), ("同花顺财经{md}讯，", "10jqka"), ("", "none"),
]  # fmt: skip
BYLINES = ["来源：上海证券报", "来源：证券时报", "责任编辑：李明", "编辑：陈静", "（记者 刘畅）",
           "来源：中国证券报", "原标题已修改", "作者：赵磊 研究员"]  # fmt: skip
CN_DIGITS = "零一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")

# unrelated paragraphs that carry numbers but no quota figure
NOISE = [
    "价格方面，氧化镨钕报价{p1}元/吨，较上周{updown}{p2}元/吨。",
    "海关总署数据显示，{y0}年{mo}月中国出口稀土{x1}吨，环比{updown2}{pc}%。",
    "据统计，{y0}年{mo}月北方稀土稀土氧化物产量约{x2}吨。",
    "金属钨方面，APT主流报价{p3}元/吨度，钨精矿（65%）报价{p4}元/标吨。",
    "分析人士预计，明年稀土开采指标增速或放缓至{pc}%左右。",
    "有机构预测，{y1}年全球氧化镨钕需求量将达到{x3}万吨，供需缺口进一步扩大。",
    "截至发稿，北方稀土股价报{sp}元，涨{pc}%，成交额{amt}亿元。",
    "另据行业协会统计，{y0}年全国稀土冶炼分离产品实际产量约{x4}万吨。",
    "相关阅读：\n· 稀土价格指数周内{updown2}{pc}%\n· 工信部：推进稀土行业高质量发展\n· 北方稀土拟投建{x5}吨/年冶炼项目",  # noqa: E501 (a story line reads as one string)
    "相关新闻\n1. 氧化镝价格周报：成交清淡\n2. 钨精矿价格站上{p5}元/吨\n3. 稀土永磁出口量同比{updown2}{pc}%",  # noqa: E501 (a story line reads as one string)
]
NOISE_CLASS = ["price", "export_shipped", "output", "price", "forecast", "forecast", "ticker",
               "output", "related", "related"]  # fmt: skip


def cn_number(n: int) -> str:
    """135000 -> 十三万五千, 10140 -> 一万零一百四十."""

    def below_10k(v: int, lead: bool) -> str:
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = v // size % 10
            if d:
                if zero and out:
                    out += "零"
                digit = "" if (unit == "十" and d == 1 and not out and lead) else CN_DIGITS[d]
                out += digit + unit
                zero = False
            elif out or not lead:
                zero = True
        return out

    wan, rest = divmod(n, 10_000)
    text = ""
    if wan:
        text = below_10k(wan, True) + "万"
        if rest:
            text += ("零" if rest < 1000 else "") + below_10k(rest, False)
        return text
    return below_10k(rest, True)


def amount_text(t: int, fmt: str) -> str:
    wan = f"{t / 10_000:.4f}".rstrip("0").rstrip(".")
    return {
        "plain": f"{t}吨",
        "comma": f"{t:,}吨",
        "wan": f"{wan}万吨",
        "space": f"{t:,} 吨",
        "fullwidth": f"{t:,}吨".translate(FULLWIDTH),
        "cn": f"{cn_number(t)}吨",
        "wan_space": f"{wan} 万吨",
    }[fmt]


NUM_FORMATS = ["plain", "comma", "wan", "wan", "space", "fullwidth", "cn", "wan_space"]


def year_word(year: int, pub: date, rng: random.Random, relative: bool = True) -> tuple[str, str]:
    options = [(f"{year}年", "digits"), (f"{year}年", "digits")]
    options.append(
        ("".join("〇" if c == "0" else CN_DIGITS[int(c)] for c in str(year)) + "年", "cn")
    )
    if relative and year == pub.year:
        options += [("今年", "this_year"), ("今年", "this_year"), ("本年度", "this_year")]
    if relative and year == pub.year - 1:
        options += [("去年", "last_year"), ("上一年度", "last_year")]
    if relative and year == pub.year - 2:
        options += [("前年", "year_before")]
    return rng.choice(options)


# --- story templates ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Template:
    id: str
    family: str  # group, batch, tungsten, history, export, near_miss
    scenario: str  # which scenario builder fills it
    title: tuple[str, ...]
    body: tuple[str | tuple[str, ...], ...]  # a line, or alternatives; "?" first = optional line
    trad: float = 0.0  # chance of a traditional-character repost
    layouts: tuple[str, ...] = ()  # renderers for {ROWS}
    noise: float = 0.35  # chance of an unrelated paragraph


TEMPLATES: list[Template] = [
    # ---------------- national rare earth batches ----------------
    Template(
        "notice_pair",
        "batch",
        "re_batch",
        (
            "关于下达{YN}{BATCH}稀土开采、冶炼分离总量控制指标的通知",
            "{ISS}下达{YN}{BATCH}稀土开采、冶炼分离总量控制指标",
        ),
        (
            "{ISS}近日下发通知，下达{Y}{BATCH}稀土开采、冶炼分离总量控制指标。",
            (
                "{Y}{BATCH}稀土开采、冶炼分离总量控制指标分别为{M}、{S}。",
                "{BATCH}稀土开采、冶炼分离总量控制指标分别为{M}和{S}。",
            ),
            "?其中，岩矿型稀土矿（以轻稀土为主）指标{ML}，离子型稀土矿（以中重稀土为主）指标{MH}。",
            "?通知要求，各稀土集团严格按照指标组织生产，严禁超指标生产。",
        ),
        trad=0.1,
    ),
    Template(
        "news_yoy",
        "batch",
        "re_batch",
        ("{Y}{BATCH}稀土开采指标同比增长{PCT_M}", "{BATCH}稀土指标出炉：开采{M}，同比增{PCT_M}"),
        (
            "{DATELINE}{Y}{BATCH}稀土开采、冶炼分离总量控制指标近日下达。",
            "其中开采指标为{M}，较{PY}{BATCH}的{PM}增长{PCT_M}；冶炼分离指标为{S}，{PY}同批次为{PS}。",
            "?业内人士表示，指标增速符合市场预期。",
        ),
        trad=0.15,
    ),
    Template(
        "news_sep_sentences",
        "batch",
        "re_batch",
        ("{ISS}下达{BATCH}稀土指标", "稀土指标落地"),
        (
            "{DATELINE}记者获悉，{ISS}已下达{Y}{BATCH}稀土总量控制指标。",
            "本批稀土开采总量控制指标{M}。",
            "冶炼分离总量控制指标{S}。",
            "?上述指标均以稀土氧化物（REO）计。",
        ),
    ),
    Template(
        "news_cum",
        "batch",
        "re_batch_cum",
        ("{Y}前{NCUM}批稀土指标合计{CM}", "{BATCH}稀土指标下达 年内累计指标达{CM}"),
        (
            "{DATELINE}{Y}{BATCH}稀土开采、冶炼分离总量控制指标分别为{M}、{S}。",
            (
                "前{NCUM}批合计，{Y}稀土开采、冶炼分离总量控制指标分别为{CM}、{CS}。",
                "加上此前下达的指标，前{NCUM}批开采指标合计{CM}，冶炼分离指标合计{CS}。",
            ),
            "?其中岩矿型稀土矿指标累计{CML}，离子型稀土矿指标累计{CMH}。",
        ),
        trad=0.1,
    ),
    Template(
        "news_cum_only",
        "batch",
        "re_batch_cum",
        ("前{NCUM}批稀土开采指标累计达{CM}",),
        (
            "{DATELINE}据{ISS}通知，{Y}{BATCH}稀土指标已于近日下发。",
            "截至目前，{Y}前{NCUM}批稀土开采总量控制指标累计{CM}，冶炼分离总量控制指标累计{CS}。",
            "?较{PY}全年的{PAM}，开采指标有所增加。",
        ),
    ),
    Template(
        "news_full_year",
        "batch",
        "re_batch_last",
        ("{Y}稀土开采指标全年合计{AM}", "全年稀土指标{AM}"),
        (
            "{DATELINE}{ISS}下达{Y}{BATCH}稀土开采、冶炼分离总量控制指标，分别为{M}、{S}。",
            "至此，{Y}全年稀土开采、冶炼分离总量控制指标分别为{AM}、{AS}。",
            "?{PY}全年稀土开采指标为{PAM}，冶炼分离指标为{PAS}。",
            "?全年指标增速较往年明显放缓。",
        ),
    ),
    Template(
        "news_wan_headline",
        "batch",
        "re_batch",
        ("{BATCH}稀土开采指标{M}", "稀土指标{M}出炉"),
        (
            "{DATELINE}{ISS}{MD}发布{Y}{BATCH}稀土开采、冶炼分离总量控制指标。",
            "开采端{M}，冶炼分离端{S}。",
            "?相比{PY}{BATCH}，开采端增加{DM}。",
        ),
        noise=0.5,
    ),
    Template(
        "news_types_before",
        "batch",
        "re_batch",
        ("稀土{BATCH}指标下达",),
        (
            "{DATELINE}{Y}{BATCH}稀土指标下达：稀土矿开采指标{M}、冶炼分离产品指标{S}。",
            "?分类型看，轻稀土（岩矿型）{ML}，中重稀土（离子型）{MH}。",
            "?{PY}{BATCH}分别为{PM}、{PS}。",
        ),
        trad=0.2,
    ),
    Template(
        "analyst_summary",
        "batch",
        "re_batch",
        ("【研报】稀土{BATCH}指标点评", "点评：{Y}{BATCH}指标发布"),
        (
            "事件：{ISS}下达{Y}{BATCH}稀土开采、冶炼分离总量控制指标。",
            "点评：{BATCH}开采指标{M}，同比+{PCT_M}；冶炼分离指标{S}，同比+{PCT_S}。",
            "?其中轻稀土{ML}，中重稀土{MH}。",
            "?风险提示：下游需求不及预期；价格大幅波动。",
        ),
        noise=0.5,
    ),
    Template(
        "notice_split_first",
        "batch",
        "re_batch_split",
        ("{YN}{BATCH}稀土指标：岩矿型{ML}",),
        (
            "{DATELINE}{ISS}下达的{Y}{BATCH}稀土开采总量控制指标中，岩矿型稀土{ML}、离子型稀土{MH}，合计{M}。",
            "?冶炼分离总量控制指标为{S}。",
        ),
        trad=0.15,
    ),
    Template(
        "flat_second",
        "batch",
        "re_batch_flat",
        ("{Y}{BATCH}稀土指标与{PREVB}持平",),
        (
            "{DATELINE}{Y}{BATCH}稀土开采、冶炼分离总量控制指标分别为{M}、{S}，与{PREVB}持平。",
            "?市场此前预期本批指标将有所增加。",
        ),
    ),
    Template(
        "quiet_2025",
        "batch",
        "none",
        ("2025年稀土指标已悄然下达 未对外公布", "稀土指标今年不再公开发布"),
        (
            "{DATELINE}多位业内人士证实，2025年第一批稀土开采、冶炼分离总量控制指标已于近期下达至相关企业。",
            "与往年不同，本次指标未通过官网公开发布，企业也被要求不得对外披露具体数量。",
            "?此前，2025年8月施行的《稀土开采和稀土冶炼分离总量调控管理暂行办法》对指标管理作出新规定。",
        ),
        noise=0.6,
    ),
    Template(
        "batch_table",
        "batch",
        "re_year_batches",
        ("{YN}稀土指标分批次一览", "图解：{Y}稀土指标"),
        (
            "{DATELINE}{Y}稀土开采、冶炼分离总量控制指标分批次情况如下：",
            "{ROWS}",
            "?注：指标以稀土氧化物（REO）计。",
        ),
        layouts=("table_pipe", "table_space", "table_tab"),
    ),
    Template(
        "notice_points",
        "batch",
        "re_batch",
        ("工业和信息化部 自然资源部关于下达{YN}{BATCH}稀土开采、冶炼分离总量控制指标的通知",),
        (
            "各有关省、自治区工业和信息化主管部门、自然资源主管部门，各稀土集团：",
            "一、{YN}{BATCH}稀土开采、冶炼分离总量控制指标分别为{M}、{S}（见附件）。",
            "?二、其中岩矿型稀土矿（以轻稀土为主）指标{ML}，离子型稀土矿（以中重稀土为主）指标{MH}。",
            "三、各稀土集团要严格执行指标，不得超指标生产，严禁收购、加工、销售非法稀土矿产品。",
            "附件：{YN}{BATCH}稀土开采、冶炼分离总量控制指标表",
            "工业和信息化部 自然资源部",
            "{SIGNDATE}",
        ),
        noise=0.0,
    ),
    Template(
        "hk_repost",
        "batch",
        "re_batch",
        ("內地下達{Y}{BATCH}稀土指標 開採量{M}",),
        (
            "（香港）據內地工信部網站消息，{Y}{BATCH}稀土開採、冶煉分離總量控制指標分別為{M}、{S}。",
            "?{PY}同期分別為{PM}及{PS}。",
            "?稀土概念股午後走強。",
        ),
        trad=1.0,
    ),
    Template(
        "smm_lines",
        "batch",
        "re_batch",
        ("SMM：{BATCH}稀土指标解读",),
        (
            "{DATELINE}",
            "- 开采指标：{M}（{PY}同批：{PM}）",
            "- 冶炼分离指标：{S}（{PY}同批：{PS}）",
            "?- 岩矿型：{ML}；离子型：{MH}",
            "?SMM认为，指标增量主要集中在轻稀土。",
        ),
        noise=0.5,
    ),
    Template(
        "first_vs_second",
        "batch",
        "re_batch_second",
        ("{Y}第二批稀土指标下达",),
        (
            "{DATELINE}{Y}第二批稀土开采、冶炼分离总量控制指标分别为{M}、{S}。",
            "今年{B1WORD}指标为开采{B1M}、冶炼分离{B1S}。",
            "?两批合计，开采指标{CM}、冶炼分离指标{CS}。",
        ),
    ),
    # ---------------- whole-year and history ----------------
    Template(
        "annual_yoy",
        "history",
        "re_year",
        ("{Y}稀土开采总量控制指标{AM}", "年度稀土指标{AM}"),
        (
            "{DATELINE}{Y}全年稀土开采总量控制指标为{AM}，冶炼分离总量控制指标为{AS}。",
            "?{PY}全年开采指标为{PAM}。",
            "?其中岩矿型{AML}、离子型{AMH}。",
        ),
    ),
    Template(
        "history_list",
        "history",
        "series",
        ("历年稀土{TYPEW}一览", "图表：{Y0}年以来稀土{TYPEW}"),
        (
            "{DATELINE}以下为{Y0}年以来我国稀土{TYPEW}（稀土氧化物）：",
            "{ROWS}",
            "?可以看到，{YMAX}年以来指标持续增长。",
        ),
        layouts=("year_lines", "year_colon", "year_table"),
        trad=0.1,
    ),
    Template(
        "history_sentence",
        "history",
        "series",
        ("稀土指标十年回顾",),
        (
            "{DATELINE}回顾历年稀土{TYPEW}，{ROWS}。",
            "?业内人士认为，指标调整体现了总量控制的政策导向。",
        ),
        layouts=("year_run",),
    ),
    Template(
        "mlr_2009",
        "history",
        "none_2009",
        ("国土资源部下达2009年稀土开采总量控制指标",),
        (
            "国土资源部近日下达2009年稀土矿开采总量控制指标{M09}，其中轻稀土{L09}、中重稀土{H09}。",
            "?而工业和信息化部下达的2009年稀土矿产品指令性生产计划为{P09}，冶炼分离产品生产计划为{S09}。",
            "?两部门口径不同，数字存在差异。",
        ),
        trad=0.1,
    ),
    Template(
        "miit_plan",
        "history",
        "re_year_plan",
        ("工信部下达{Y}稀土生产总量控制计划",),
        (
            "{DATELINE}工业和信息化部日前下达{Y}稀土生产总量控制计划。",
            (
                "计划规定，稀土矿产品（稀土氧化物）{AM}，冶炼分离产品{AS}。",
                "其中稀土矿产品生产总量控制计划为{AM}，冶炼分离产品生产总量控制计划为{AS}。",
            ),
            "?计划要求各地严格执行，严厉打击违法违规开采。",
        ),
        trad=0.1,
    ),
    Template(
        "mlr_light_heavy",
        "history",
        "re_year_old",
        ("{Y}稀土开采总量控制指标下达",),
        (
            "国土资源部日前下达{Y}稀土矿开采总量控制指标{AM}，与{PY}{FLATWORD}。",
            "其中，轻稀土矿{AML}，中重稀土矿{AMH}。",
            "?按省分配，内蒙古、四川、江西、广东等省区获得主要份额。",
        ),
        trad=0.15,
    ),
    Template(
        "province_b1",
        "history",
        "re_prov",
        ("{Y}第一批稀土开采指标下达",),
        (
            "{ISS0}下达{Y}第一批稀土开采总量控制指标{M}。",
            "分省看，内蒙古获得岩矿型稀土指标{P_NM}，江西获得离子型稀土指标{P_JX}。",
            "?其余省份指标按上年度比例下达。",
        ),
    ),
    # ---------------- group allocations ----------------
    Template(
        "group_run",
        "group",
        "groups",
        ("{YN}{BATCH}稀土指标分配出炉", "稀土指标分配：{G1}获{G1CAT}开采指标{G1M}"),
        (
            "{DATELINE}{Y}{PERIODW}稀土开采、冶炼分离总量控制指标分别为{M}、{S}。",
            "{ROWS}",
            "?集中度进一步提升。",
        ),
        layouts=("gain_run", "gain_lines", "fenbie"),
    ),
    Template(
        "group_table",
        "group",
        "groups",
        ("{YN}{BATCH}稀土指标分集团明细",),
        (
            "{DATELINE}{Y}{PERIODW}稀土指标分集团情况如下：",
            "{ROWS}",
            "?注：离子型稀土指标全部分配给中国稀土集团。",
        ),
        layouts=("table_pipe", "table_space", "table_tab"),
    ),
    Template(
        "group_share",
        "group",
        "groups",
        ("{G1}获得{Y}{BATCH}{G1CAT}开采指标{G1M}",),
        (
            "{DATELINE}{Y}{PERIODW}稀土开采总量控制指标为{M}。",
            "其中，{G1}获得{G1CAT}开采指标{G1M}，占比约{SHARE}%。",
            "?{G1}同时获得冶炼分离指标{G1S}。",
        ),
        trad=0.1,
    ),
    Template(
        "company_notice",
        "group",
        "company",
        ("{CO_FULL}关于获得{YN}{BATCH}稀土开采、冶炼分离总量控制指标的公告",),
        (
            "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。",
            "近日，公司收到{ISS}下达的{Y}{BATCH}稀土开采、冶炼分离总量控制指标。",
            (
                "公司获得{CAT}稀土开采指标{CM_}，冶炼分离指标{CS_}。",
                "根据通知，本公司{Y}{BATCH}{CAT}稀土开采总量控制指标为{CM_}，冶炼分离总量控制指标为{CS_}。",
            ),
            "?公司将严格按照指标组织生产。",
            "特此公告。",
        ),
        noise=0.0,
    ),
    Template(
        "investor_qa",
        "group",
        "company",
        ("{CO}：{Y}{BATCH}稀土指标已下达",),
        (
            "有投资者在互动平台提问：请问公司{Y}获得的稀土指标是多少？",
            "{CO}{MD}回复称，公司已获得{Y}{BATCH}{CAT}稀土开采指标{CM_}、冶炼分离指标{CS_}，具体以公司公告为准。",
            "?公司将根据市场情况合理安排生产。",
        ),
        noise=0.2,
    ),
    Template(
        "investor_qa_parent",
        "group",
        "groups",
        ("中国稀土：控股股东已获{Y}{BATCH}稀土指标",),
        (
            "有投资者在互动易提问：中国稀土集团今年获得了多少稀土指标？",
            "中国稀土{MD}在互动易回复称，公司控股股东{C2}获得{Y}{BATCH}稀土开采指标{C2M}，其中岩矿型{C2L}、离子型{C2H}；冶炼分离指标{C2S}。",
            "?公司作为中国稀土集团旗下上市平台，将积极推进资源整合。",
        ),
        noise=0.2,
    ),
    Template(
        "ionic_six",
        "group",
        "ionic",
        ("{Y}离子型稀土矿开采指标分配",),
        (
            "{DATELINE}{Y}全年离子型稀土矿（以中重稀土为主）开采总量控制指标为{AMH}，分配如下：",
            "{ROWS}",
            "?岩矿型稀土指标主要分配给北方稀土。",
        ),
        layouts=("gain_lines", "table_pipe", "gain_run"),
    ),
    Template(
        "prov_neimenggu_2020",
        "group",
        "north2020",
        ("内蒙古{Y}稀土开采指标{G1M}",),
        (
            "{DATELINE}{Y}全年稀土开采总量控制指标为{AM}，其中岩矿型稀土{AML}。",
            "内蒙古自治区获得岩矿型稀土开采指标{G1M}，占全国岩矿型指标六成以上。",
            "?离子型指标{AMH}则分配给南方的五家集团。",
        ),
        trad=0.1,
    ),
    Template(
        "tw_group",
        "group",
        "groups",
        ("陸稀土配額出爐 {G1}獨攬{G1CAT}開採指標{G1M}",),
        (
            "（台北訊）中國大陸{Y}{PERIODW}稀土開採總量控制指標為{M}。",
            "{ROWS}",
            "?法人指出，稀土供給仍受嚴格控管。",
        ),
        layouts=("gain_run",),
        trad=1.0,
    ),
    # ---------------- tungsten ----------------
    Template(
        "w_notice",
        "tungsten",
        "w",
        ("自然资源部下达{YN}{WPER}钨矿开采总量控制指标", "{Y}{WPER}钨矿开采指标{WT}"),
        (
            "{DATELINE}{WISS}下达{Y}{WPER}钨矿开采总量控制指标（三氧化钨含量65%）{WT}。",
            "?其中主采指标{WP}，综合利用指标{WB}。",
            "?{PY}{WPER}钨矿开采总量控制指标为{PWT}。",
        ),
        trad=0.15,
    ),
    Template(
        "w_with_re",
        "tungsten",
        "w_re",
        ("{Y}第一批稀土矿钨矿开采总量控制指标下达",),
        (
            "{DATELINE}{WISS}下达{Y}第一批稀土矿、钨矿开采总量控制指标。",
            "稀土矿（稀土氧化物REO）开采总量控制指标{M}，钨精矿（三氧化钨含量65%）开采总量控制指标{WT}。",
            "?钨矿指标中主采{WP}、综合利用{WB}。",
        ),
    ),
    Template(
        "w_split_first",
        "tungsten",
        "w_split",
        ("钨矿指标：主采{WP}",),
        (
            "{DATELINE}{Y}{WPER}钨精矿开采总量控制指标中，主采矿山指标{WP}，综合利用指标{WB}，合计{WT}。",
            "?综合利用指标占比有所提高。",
        ),
    ),
    Template(
        "w_years",
        "tungsten",
        "w_years",
        ("钨矿开采指标连续上调",),
        (
            (
                "{DATELINE}{Y}钨矿开采总量控制指标为{WT}，{Y_1}和{Y_2}分别为{W_1}和{W_2}。",
                "{DATELINE}{Y}钨矿开采总量控制指标为{WT}，此前{Y_1}为{W_1}，{Y_2}为{W_2}。",
            ),
            "?钨价近期高位运行。",
        ),
    ),
    Template(
        "w_province",
        "tungsten",
        "w_prov",
        ("2013年钨矿开采指标分省下达",),
        (
            "{DATELINE}国土资源部下达2013年钨矿开采总量控制指标{WT}。",
            "主要省份分配如下：",
            "{ROWS}",
        ),
        layouts=("prov_lines", "prov_run"),
    ),
    Template(
        "w_flat",
        "tungsten",
        "w_flat",
        ("{Y}第一批钨矿开采指标持平",),
        (
            "{DATELINE}{Y}第一批钨矿开采总量控制指标为{WT}，与{PY}第一批持平。",
            "?业内认为，供给端保持稳定。",
        ),
    ),
    Template(
        "sb_mining",
        "tungsten",
        "sb",
        ("{Y}锑矿开采总量控制指标下达",),
        (
            "国土资源部下达{Y}锑矿开采总量控制指标{SBT}。",
            "?其中湖南省{SBH}，继续居各省首位。",
        ),
    ),
    # ---------------- export quotas ----------------
    Template(
        "export_batch",
        "export",
        "export",
        ("商务部下达{YN}第{NCN}批稀土出口配额", "{Y}{BATCH}稀土出口配额{XT}"),
        (
            "{DATELINE}商务部网站公布，{Y}{BATCH}稀土出口配额共计{XT}。",
            "?其中轻稀土{XL}，中重稀土{XH}。",
            "?{PY}同批次配额为{PXT}。",
            "?配额分配给通过环保核查的企业。",
        ),
        trad=0.15,
    ),
    Template(
        "export_annual",
        "export",
        "export_last",
        ("{Y}稀土出口配额全年{XA}",),
        (
            "{DATELINE}商务部公布{Y}第二批稀土出口配额{XT}。",
            "加上第一批的{X1}，全年稀土出口配额总量为{XA}。",
            "?{PY}全年配额为{PXA}。",
        ),
    ),
    Template(
        "export_groups",
        "export",
        "export_groups",
        ("{Y}{BATCH}稀土出口配额企业名单",),
        (
            "{DATELINE}{Y}{BATCH}稀土出口配额共{XT}，主要企业配额如下：",
            "{ROWS}",
            "?出口配额的实际使用率仍不足一半。",
        ),
        layouts=("gain_lines", "gain_run", "table_pipe"),
    ),
    Template(
        "export_history",
        "export",
        "export_series",
        ("历年{COMM}出口配额回顾",),
        (
            "{DATELINE}商务部历年下达的{COMM}出口配额如下：",
            "{ROWS}",
            "?{COMM}出口配额制度已于2015年取消。",
        ),
        layouts=("year_lines", "year_run"),
    ),
    Template(
        "export_used",
        "export",
        "export",
        ("{Y}稀土出口配额使用不足",),
        (
            "{DATELINE}{Y}{BATCH}稀土出口配额为{XT}。",
            "而海关数据显示，同期实际出口稀土仅{SHIP}，配额使用率不足六成。",
        ),
    ),
    Template(
        "export_batch_table",
        "export",
        "export_batches",
        ("{YN}稀土出口配额分批次情况",),
        (
            "{DATELINE}{Y}稀土出口配额分两批下达，具体如下：",
            "{ROWS}",
            "?数据来源：商务部",
        ),
        layouts=("table_pipe", "table_space"),
    ),
    # ---------------- near misses ----------------
    Template(
        "nm_stockpile",
        "near_miss",
        "none",
        ("国家收储稀土 市场情绪回暖",),
        (
            "{DATELINE}据市场消息，国家物资储备部门拟收储氧化镝、氧化铽等产品，规模约{x13}吨。",
            "?收储价格较市场价略有溢价。",
            "受此影响，氧化镨钕价格{updown}至{p1}元/吨。",
        ),
    ),
    Template(
        "nm_other_metal",
        "near_miss",
        "none",
        ("{y0}年钼精矿产量创新高", "锂盐企业扩产"),
        (
            "{DATELINE}据行业统计，{y0}年全国钼精矿（折45%）产量约{x6}吨，同比{updown2}{pc}%。",
            "?碳酸锂产能预计增加{x7}吨，部分企业获得采矿许可。",
            "?业内预计明年产量仍将保持增长。",
        ),
    ),
    Template(
        "nm_price",
        "near_miss",
        "none",
        ("稀土价格周评：氧化镨钕{updown}", "本周稀土市场综述"),
        (
            "{DATELINE}本周稀土市场{updown}，氧化镨钕均价{p1}元/吨。",
            "氧化镝报价{p6}元/公斤，氧化铽报价{p7}元/公斤。",
            "?市场关注{y1}年第一批稀土指标的下达时间。",
        ),
        noise=0.0,
    ),
    Template(
        "nm_output",
        "near_miss",
        "none",
        ("北方稀土{y0}年产量稳步增长",),
        (
            "{DATELINE}北方稀土披露，{y0}年公司稀土冶炼分离产品产量{x6}吨，同比增长{pc}%。",
            "稀土金属产量{x7}吨，稀土功能材料产量{x8}吨。",
        ),
    ),
    Template(
        "nm_exports",
        "near_miss",
        "none",
        ("{y0}年稀土出口量{updown2}",),
        (
            "{DATELINE}海关总署数据显示，{y0}年我国稀土出口量为{x9}吨，同比{updown2}{pc}%。",
            "出口金额{amt}亿元。",
            "?稀土永磁体出口{x10}吨。",
        ),
    ),
    Template(
        "nm_export_control",
        "near_miss",
        "none",
        ("商务部 海关总署公告：对部分中重稀土相关物项实施出口管制",),
        (
            "{DATELINE}商务部、海关总署发布公告，决定对钐、钆、铽、镝、镥、钪、钇等7类中重稀土相关物项实施出口管制。",
            "出口经营者应向商务部申请出口许可。",
            "?业内人士表示，出口许可审批周期约为45个工作日。",
        ),
    ),
    Template(
        "nm_other_quota",
        "near_miss",
        "none",
        ("{y1}年第一批成品油出口配额下达", "化肥出口配额政策调整"),
        (
            "{DATELINE}据悉，{y1}年第一批成品油出口配额{x11}万吨已下发至相关企业。",
            "?此外，碳排放配额分配方案也在征求意见，涉及钢铁、电解铝等行业。",
            "?稀土行业方面，市场仍在等待今年指标。",
        ),
    ),
    Template(
        "nm_forecast",
        "near_miss",
        "none",
        ("机构：预计{y1}年稀土指标增速放缓",),
        (
            "{DATELINE}某券商研报预计，{y1}年稀土开采指标或增长{pc}%至约{x12}万吨。",
            "该机构同时预计氧化镨钕均价将在{p1}元/吨附近。",
            "?以上预测仅供参考。",
        ),
    ),
    Template(
        "nm_capacity",
        "near_miss",
        "none",
        ("稀土项目环评公示",),
        (
            "{DATELINE}某稀土公司年产{x5}吨稀土冶炼分离项目进行环评公示。",
            "项目建成后，将新增稀土氧化物处理能力{x13}吨/年。",
            "?项目总投资{amt}亿元。",
        ),
        trad=0.2,
    ),
]


# --- scenarios: slices of the record, each amount slot with its fact -------------------------
def _fact(c: str, t: str, y: int, p: str, cat: str | None, h: str | None, amount: int) -> Key:
    return (c, t, y, p, cat, h, float(amount))


def _pub(year: int, batch: int, rng: random.Random, later_years: int = 0) -> date:
    month, day = ISSUED[batch]
    return date(year + later_years, month, day) + timedelta(days=rng.randint(0, 40))


def _issuer(year: int, rng: random.Random) -> str:
    for (lo, hi), names in ISSUERS.items():
        if lo <= year <= hi:
            return rng.choice(names)
    return "工信部"


def _pct(new: int, old: int) -> str:
    return f"{(new - old) / old * 100:.2f}".rstrip("0").rstrip(".") + "%"


def scen_re_batch(rng: random.Random, kind: str) -> dict[str, Any] | None:
    keys = list(RE_BATCH)
    if kind == "re_batch_cum":
        keys = [k for k in keys if k in RE_CUM]
    if kind == "re_batch_last":
        keys = [k for k in keys if LAST_BATCH.get(k[0]) == k[1]]
    if kind == "re_batch_split":
        keys = [k for k in keys if RE_BATCH[k][2] and RE_BATCH[k][1]]
    if kind == "re_batch_flat":
        keys = [k for k in keys if k[1] == 2 and RE_BATCH[k][:2] == RE_BATCH[(k[0], 1)][:2]]
    if kind == "re_batch_second":
        keys = [k for k in keys if k[1] == 2 and RE_BATCH[k][1]]
    year, n = rng.choice(keys)
    m, s, light, heavy = RE_BATCH[(year, n)]
    pub = _pub(year, n, rng)
    per = f"batch:{n}"
    amounts: dict[str, Key] = {"M": _fact(RE, MIN, year, per, None, None, m)}
    if s:
        amounts["S"] = _fact(RE, SEP, year, per, None, None, s)
    if light and heavy:
        amounts["ML"] = _fact(RE, MIN, year, per, "light", None, light)
        amounts["MH"] = _fact(RE, MIN, year, per, "medium_heavy", None, heavy)
    words: dict[str, str] = {
        "NCN": CN_BATCH[n],
        "NCUM": "两三"[n - 2] if n > 1 else "一",
        "PREVB": "第一批",
    }
    if (year, n) in RE_CUM:
        cm, cs, cl, ch = RE_CUM[(year, n)]
        amounts["CM"] = _fact(RE, MIN, year, f"cumulative:{n}", None, None, cm)
        amounts["CS"] = _fact(RE, SEP, year, f"cumulative:{n}", None, None, cs)
        if cl and ch:
            amounts["CML"] = _fact(RE, MIN, year, f"cumulative:{n}", "light", None, cl)
            amounts["CMH"] = _fact(RE, MIN, year, f"cumulative:{n}", "medium_heavy", None, ch)
    if LAST_BATCH.get(year) == n:
        am, as_, _, _ = RE_YEAR[year]
        amounts["AM"] = _fact(RE, MIN, year, "annual", None, None, am)
        amounts["AS"] = _fact(RE, SEP, year, "annual", None, None, as_ or 0)
    prev = RE_BATCH.get((year - 1, n))
    if prev:
        amounts["PM"] = _fact(RE, MIN, year - 1, per, None, None, prev[0])
        words["PCT_M"] = _pct(m, prev[0])
        words["DM"] = amount_text(m - prev[0], "wan")  # a difference: no fact
        if prev[1] and s:
            amounts["PS"] = _fact(RE, SEP, year - 1, per, None, None, prev[1])
            words["PCT_S"] = _pct(s, prev[1])
    if year - 1 in RE_YEAR:
        pam, pas, _, _ = RE_YEAR[year - 1]
        amounts["PAM"] = _fact(RE, MIN, year - 1, "annual", None, None, pam)
        if pas:
            amounts["PAS"] = _fact(RE, SEP, year - 1, "annual", None, None, pas)
    if n == 2 and (year, 1) in RE_BATCH:
        b1m, b1s, _, _ = RE_BATCH[(year, 1)]
        amounts["B1M"] = _fact(RE, MIN, year, "batch:1", None, None, b1m)
        if b1s:
            amounts["B1S"] = _fact(RE, SEP, year, "batch:1", None, None, b1s)
        words["B1WORD"] = rng.choice(["第一批", "首批", "第1批"])
    return {"year": year, "batch": n, "pub": pub, "amounts": amounts, "words": words}


def scen_re_year(rng: random.Random, kind: str) -> dict[str, Any] | None:
    years = [y for y in RE_YEAR if y >= 2014 and RE_YEAR[y][1]]
    if kind == "re_year_old":
        years = [y for y in RE_YEAR if y <= 2017 and RE_YEAR[y][2]]
    if kind == "north2020":
        years = [2020]
    if kind == "re_year_plan":
        years = [2014, 2015, 2016, 2017]
    year = rng.choice(years)
    am, as_, light, heavy = RE_YEAR[year]
    amounts = {"AM": _fact(RE, MIN, year, "annual", None, None, am)}
    if as_:
        amounts["AS"] = _fact(RE, SEP, year, "annual", None, None, as_)
    if light and heavy:
        amounts["AML"] = _fact(RE, MIN, year, "annual", "light", None, light)
        amounts["AMH"] = _fact(RE, MIN, year, "annual", "medium_heavy", None, heavy)
    words = {}
    if year - 1 in RE_YEAR:
        prev = RE_YEAR[year - 1][0]
        if prev == am:  # unchanged: the earlier year is not restated
            words["FLATWORD"] = "持平"
        else:
            amounts["PAM"] = _fact(RE, MIN, year - 1, "annual", None, None, prev)
            words["FLATWORD"] = "相比有所调整，{PY}为{PAM}"
    if kind == "north2020":
        amounts["G1M"] = _fact(RE, MIN, 2020, "annual", "light", "province:neimenggu", 73_550)
    pub = _pub(year, 0, rng, later_years=rng.choice([0, 0, 1]) if kind == "re_year" else 0)
    if kind == "re_year_old" and "FLATWORD" not in words:
        return None
    return {"year": year, "pub": pub, "amounts": amounts, "words": words}


def scen_re_year_batches(rng: random.Random, kind: str) -> dict[str, Any] | None:
    year = rng.choice(list(LAST_BATCH))
    rows = []
    for n in range(1, LAST_BATCH[year] + 1):
        m, sep, _, _ = RE_BATCH[(year, n)]
        cells = {(MIN, None): _fact(RE, MIN, year, f"batch:{n}", None, None, m)}
        if sep:
            cells[(SEP, None)] = _fact(RE, SEP, year, f"batch:{n}", None, None, sep)
        rows.append({"label": rng.choice(BATCH_WORDS[n][:2]), "cells": cells})
    am, as_, _, _ = RE_YEAR[year]
    rows.append(
        {
            "label": rng.choice(["全年", "全年合计", "年度合计"]),
            "cells": {
                (MIN, None): _fact(RE, MIN, year, "annual", None, None, am),
                (SEP, None): _fact(RE, SEP, year, "annual", None, None, as_ or 0),
            },
        }
    )
    pub = _pub(year, LAST_BATCH[year], rng, later_years=rng.choice([0, 1]))
    return {
        "year": year,
        "pub": pub,
        "amounts": {},
        "words": {},
        "rows": rows,
        "rowkind": "batches",
        "colnames": {
            (MIN, None): rng.choice(["开采指标", "开采"]),
            (SEP, None): rng.choice(["冶炼分离指标", "冶炼分离"]),
        },
        "rowhead": "批次",
    }


def scen_series(rng: random.Random, kind: str) -> dict[str, Any] | None:
    if kind == "export_series":
        comm, table, name = rng.choice(
            [
                (RE, {y: v[0] for (y, b), v in RE_EXPORT.items() if b == 0}, "稀土"),
                (W, W_EXPORT, "钨"),
                (SB, SB_EXPORT, "锑"),
            ]
        )
        typ = EXP
    else:
        comm, typ, name = RE, rng.choice([MIN, MIN, SEP]), "稀土"
        table = {y: (v[0] if typ == MIN else v[1]) for y, v in RE_YEAR.items()}
        table = {y: t for y, t in table.items() if t}
    years = sorted(table)
    k = rng.randint(3, min(8, len(years)))
    start = rng.randint(0, len(years) - k)
    chosen = years[start : start + k]
    rows = [
        {"year": y, "amount": _fact(comm, typ, y, "annual", None, None, table[y])} for y in chosen
    ]
    pub = date(chosen[-1] + rng.choice([0, 1]), rng.randint(5, 12), rng.randint(1, 28))
    words = {
        "Y0": str(chosen[0]),
        "YMAX": str(chosen[0]),
        "COMM": name,
        "TYPEW": {MIN: "开采总量控制指标", SEP: "冶炼分离总量控制指标", EXP: "出口配额"}[typ],
    }
    return {
        "year": chosen[-1],
        "pub": pub,
        "amounts": {},
        "words": words,
        "rows": rows,
        "rowkind": "years",
    }


def scen_groups(rng: random.Random, kind: str) -> dict[str, Any] | None:
    if kind == "ionic":
        year = rng.choice([2018, 2019, 2020])
        rows = [
            {
                "holder": h,
                "cells": {
                    (MIN, "medium_heavy"): _fact(RE, MIN, year, "annual", "medium_heavy", h, t)
                },
            }
            for h, t in IONIC_SIX.items()
        ]
        rng.shuffle(rows)
        amounts = {"AMH": _fact(RE, MIN, year, "annual", "medium_heavy", None, 19_150)}
        return {
            "year": year,
            "pub": _pub(year, 0, rng, rng.choice([0, 1])),
            "amounts": amounts,
            "words": {},
            "rows": rows,
            "rowkind": "groups",
            "period": "annual",
        }
    sid = "2024b1" if kind == "groups" else rng.choice(["2024b1", "2015b1", "2016b1"])
    year, period, alloc = GROUPS[sid]
    n = int(period[-1])
    m, s, _, _ = RE_BATCH[(year, n)]
    amounts = {"M": _fact(RE, MIN, year, period, None, None, m)}
    if s:
        amounts["S"] = _fact(RE, SEP, year, period, None, None, s)
    rows = []
    for holder, cells in alloc.items():
        rows.append(
            {
                "holder": holder,
                "cells": {
                    tc: _fact(RE, tc[0], year, period, tc[1], holder, t) for tc, t in cells.items()
                },
            }
        )
    words = {"PERIODW": "{BATCH}"}
    g1 = rows[0]
    mining_cells = [tc for tc in g1["cells"] if tc[0] == MIN]
    tc = rng.choice(mining_cells)
    amounts["G1M"] = g1["cells"][tc]
    words["G1CAT"] = {"light": "岩矿型稀土", "medium_heavy": "离子型稀土", None: "稀土"}[tc[1]]
    words["SHARE"] = f"{g1['cells'][tc][6] / m * 100:.0f}"
    if (SEP, None) in g1["cells"]:
        amounts["G1S"] = g1["cells"][(SEP, None)]
    for r in rows:
        if r["holder"] == CREG:
            amounts.update(
                {
                    "C2M": r["cells"][(MIN, None)],
                    "C2L": r["cells"][(MIN, "light")],
                    "C2H": r["cells"][(MIN, "medium_heavy")],
                    "C2S": r["cells"][(SEP, None)],
                }
            )
            words["C2"] = "中国稀土集团"
    company = rows[0]  # Northern: the listed holder that announces its own quota
    if kind == "company":
        cells = company["cells"]
        if (SEP, None) not in cells:
            return None
        mtc = rng.choice([k for k in cells if k[0] == MIN])
        amounts["CM_"] = cells[mtc]
        amounts["CS_"] = cells[(SEP, None)]
        words["CAT"] = {"light": "岩矿型", "medium_heavy": "离子型", None: ""}[mtc[1]]
        words["CO"] = "北方稀土" if year > 2015 else rng.choice(["北方稀土", "包钢稀土"])
        words["CO_FULL"] = "中国北方稀土（集团）高科技股份有限公司"
    return {
        "year": year,
        "batch": n,
        "pub": _pub(year, n, rng),
        "amounts": amounts,
        "words": words,
        "rows": rows,
        "rowkind": "groups",
        "period": period,
        "g1": g1["holder"],
    }


def scen_w(rng: random.Random, kind: str) -> dict[str, Any] | None:
    keys = list(W_REC)
    if kind == "w_re":
        keys = [k for k in keys if k[1] == "batch:1" and (k[0], 1) in RE_BATCH]
    if kind == "w_split":
        keys = [k for k in keys if W_REC[k][1]]
    if kind == "w_flat":
        keys = [
            k
            for k in keys
            if k[1] == "batch:1" and W_REC.get((k[0] - 1, "batch:1"), (0,))[0] == W_REC[k][0]
        ]
    if kind == "w_years":
        keys = [
            k
            for k in keys
            if k[1] == "annual" and (k[0] - 1, "annual") in W_REC and (k[0] - 2, "annual") in W_REC
        ]
        if not keys:
            keys = [(2013, "annual")]
    if kind == "w_prov":
        keys = [(2013, "annual")]
    year, per = rng.choice(keys)
    total, prim, byp = W_REC[(year, per)]
    amounts = {"WT": _fact(W, MIN, year, per, None, None, total)}
    if prim and byp:
        amounts["WP"] = _fact(W, MIN, year, per, "tungsten_primary", None, prim)
        amounts["WB"] = _fact(W, MIN, year, per, "tungsten_byproduct", None, byp)
    prev = W_REC.get((year - 1, per))
    if prev and kind != "w_flat":
        amounts["PWT"] = _fact(W, MIN, year - 1, per, None, None, prev[0])
    words = {
        "WPER": {"annual": "", "batch:1": "第一批", "batch:2": "第二批"}[per]
        if per != "annual"
        else rng.choice(["", "全年", "年度"]),
        "WISS": rng.choice(MNR if year >= 2018 else MLR),
    }
    if kind == "w_years":
        for i in (1, 2):
            amounts[f"W_{i}"] = _fact(
                W, MIN, year - i, "annual", None, None, W_REC[(year - i, "annual")][0]
            )
            words[f"Y_{i}"] = f"{year - i}年"
    if kind == "w_re":
        m = RE_BATCH[(year, 1)][0]
        amounts["M"] = _fact(RE, MIN, year, "batch:1", None, None, m)
    rows = []
    if kind == "w_prov":
        provs = list(W_PROV_2013.items())
        rng.shuffle(provs)
        rows = [
            {"province": p, "amount": _fact(W, MIN, 2013, "annual", None, f"province:{p}", t)}
            for p, t in provs[: rng.randint(3, len(provs))]
        ]
    batch = int(per[-1]) if per.startswith("batch") else 0
    return {
        "year": year,
        "batch": batch,
        "pub": _pub(year, batch, rng),
        "amounts": amounts,
        "words": words,
        "rows": rows,
        "rowkind": "provinces",
    }


def scen_sb(rng: random.Random, kind: str) -> dict[str, Any] | None:
    year = rng.choice([2010, 2011])
    amounts = {
        "SBT": _fact(SB, MIN, year, "annual", None, None, SB_MINING[(year, None)]),
        "SBH": _fact(SB, MIN, year, "annual", None, "province:hunan", SB_MINING[(year, "hunan")]),
    }
    return {"year": year, "pub": _pub(year, 0, rng), "amounts": amounts, "words": {}}


def scen_re_prov(rng: random.Random, kind: str) -> dict[str, Any] | None:
    year = rng.choice(list(RE_PROV_B1))
    (p1, c1, t1), (p2, c2, t2) = RE_PROV_B1[year]
    amounts = {
        "M": _fact(RE, MIN, year, "batch:1", None, None, RE_BATCH[(year, 1)][0]),
        "P_NM": _fact(RE, MIN, year, "batch:1", c1, f"province:{p1}", t1),
        "P_JX": _fact(RE, MIN, year, "batch:1", c2, f"province:{p2}", t2),
    }
    words = {"ISS0": rng.choice(["国土资源部", "工业和信息化部、国土资源部"])}
    return {"year": year, "batch": 1, "pub": _pub(year, 1, rng), "amounts": amounts, "words": words}


def scen_export(rng: random.Random, kind: str) -> dict[str, Any] | None:
    if kind == "export_batches":
        year = rng.choice([2013, 2014])
        rows = []
        for n in (1, 2):
            total, light, heavy = RE_EXPORT[(year, n)]
            per = f"batch:{n}"
            rows.append(
                {
                    "label": BATCH_WORDS[n][0],
                    "cells": {
                        (EXP, None): _fact(RE, EXP, year, per, None, None, total),
                        (EXP, "light"): _fact(RE, EXP, year, per, "light", None, light or 0),
                        (EXP, "medium_heavy"): _fact(
                            RE, EXP, year, per, "medium_heavy", None, heavy or 0
                        ),
                    },
                }
            )
        rows.append(
            {
                "label": "全年",
                "cells": {
                    (EXP, None): _fact(RE, EXP, year, "annual", None, None, RE_EXPORT[(year, 0)][0])
                },
            }
        )
        return {
            "year": year,
            "pub": _pub(year, 2, rng),
            "amounts": {},
            "words": {},
            "rows": rows,
            "rowkind": "batches",
            "rowhead": "批次",
            "colnames": {
                (EXP, None): "出口配额",
                (EXP, "light"): "轻稀土",
                (EXP, "medium_heavy"): "中重稀土",
            },
        }
    keys = [k for k in RE_EXPORT if k[1] > 0]
    if kind == "export_last":
        keys = [k for k in keys if k[1] == 2 and (k[0], 1) in RE_EXPORT and (k[0], 0) in RE_EXPORT]
    if kind == "export_groups":
        keys = list(RE_EXPORT_GROUPS)
    year, n = rng.choice(keys)
    total, light, heavy = RE_EXPORT[(year, n)]
    per = f"batch:{n}"
    amounts = {"XT": _fact(RE, EXP, year, per, None, None, total)}
    if light and heavy:
        amounts["XL"] = _fact(RE, EXP, year, per, "light", None, light)
        amounts["XH"] = _fact(RE, EXP, year, per, "medium_heavy", None, heavy)
    if (year - 1, n) in RE_EXPORT:
        amounts["PXT"] = _fact(RE, EXP, year - 1, per, None, None, RE_EXPORT[(year - 1, n)][0])
    if (year, 0) in RE_EXPORT:
        amounts["XA"] = _fact(RE, EXP, year, "annual", None, None, RE_EXPORT[(year, 0)][0])
    if (year - 1, 0) in RE_EXPORT:
        amounts["PXA"] = _fact(RE, EXP, year - 1, "annual", None, None, RE_EXPORT[(year - 1, 0)][0])
    if n == 2 and (year, 1) in RE_EXPORT:
        amounts["X1"] = _fact(RE, EXP, year, "batch:1", None, None, RE_EXPORT[(year, 1)][0])
    words = {"NCN": CN_BATCH[n], "SHIP": amount_text(int(total * rng.uniform(0.35, 0.58)), "comma")}
    rows = []
    if kind == "export_groups":
        for holder, (t, lt, ht) in RE_EXPORT_GROUPS[(year, n)].items():
            cells = {(EXP, None): _fact(RE, EXP, year, per, None, holder, t)}
            if lt and ht:
                cells[(EXP, "light")] = _fact(RE, EXP, year, per, "light", holder, lt)
                cells[(EXP, "medium_heavy")] = _fact(RE, EXP, year, per, "medium_heavy", holder, ht)
            rows.append({"holder": holder, "cells": cells})
    return {
        "year": year,
        "batch": n,
        "pub": _pub(year, n, rng),
        "amounts": amounts,
        "words": words,
        "rows": rows,
        "rowkind": "groups",
        "period": per,
    }


def scen_none(rng: random.Random, kind: str) -> dict[str, Any] | None:
    if kind == "none_2009":
        amounts = {
            "M09": _fact(RE, MIN, 2009, "annual", None, None, 82_320),
            "L09": _fact(RE, MIN, 2009, "annual", "light", None, 72_300),
            "H09": _fact(RE, MIN, 2009, "annual", "medium_heavy", None, 10_020),
            "P09": _fact(RE, MIN, 2009, "annual", None, None, MIIT_2009[0]),
            "S09": _fact(RE, SEP, 2009, "annual", None, None, MIIT_2009[1]),
        }
        return {
            "year": 2009,
            "pub": date(2009, rng.randint(4, 9), rng.randint(1, 28)),
            "amounts": amounts,
            "words": {},
        }
    year = rng.choice([2021, 2022, 2023, 2024, 2025])
    return {
        "year": year,
        "pub": date(year, rng.randint(3, 11), rng.randint(1, 28)),
        "amounts": {},
        "words": {},
    }


SCENARIOS = {
    "re_batch": scen_re_batch, "re_batch_cum": scen_re_batch, "re_batch_last": scen_re_batch,
    "re_batch_split": scen_re_batch, "re_batch_flat": scen_re_batch, "re_batch_second": scen_re_batch,  # noqa: E501 (a story line reads as one string)
    "re_year": scen_re_year, "re_year_old": scen_re_year, "north2020": scen_re_year,
    "re_year_plan": scen_re_year, "re_year_batches": scen_re_year_batches, "export_batches": scen_export,  # noqa: E501 (a story line reads as one string)
    "series": scen_series, "export_series": scen_series,
    "groups": scen_groups, "company": scen_groups, "ionic": scen_groups,
    "w": scen_w, "w_re": scen_w, "w_split": scen_w, "w_years": scen_w, "w_prov": scen_w,
    "w_flat": scen_w, "sb": scen_sb, "re_prov": scen_re_prov,
    "export": scen_export, "export_last": scen_export, "export_groups": scen_export,
    "none": scen_none, "none_2009": scen_none,
}  # fmt: skip

# --- layouts: how rows (groups, years, provinces) are written ----------------------------------
CELL_LABELS: dict[tuple[str, str | None], list[str]] = {
    (MIN, None): ["开采指标", "稀土开采指标", "开采总量控制指标"],
    (MIN, "light"): ["岩矿型稀土开采指标", "岩矿型开采指标", "轻稀土开采指标"],
    (MIN, "medium_heavy"): ["离子型稀土开采指标", "离子型开采指标", "中重稀土开采指标"],
    (SEP, None): ["冶炼分离指标", "冶炼分离总量控制指标", "冶炼分离产品指标"],
    (EXP, None): ["出口配额"],
    (EXP, "light"): ["轻稀土出口配额"],
    (EXP, "medium_heavy"): ["中重稀土出口配额"],
}
COLUMN_NAMES = {(MIN, None): "开采合计", (MIN, "light"): "开采 岩矿型", (MIN, "medium_heavy"): "开采 离子型",  # noqa: E501 (a story line reads as one string)
                (SEP, None): "冶炼分离", (EXP, None): "出口配额", (EXP, "light"): "其中轻稀土",
                (EXP, "medium_heavy"): "其中中重稀土"}  # fmt: skip
GAIN_VERBS = ["获得", "获配", "分得", "拿到", "获"]
TABLE_SEPS = {"table_pipe": " | ", "table_space": "    ", "table_tab": "\t"}


@dataclass
class Story:
    rng: random.Random
    scen: dict[str, Any]
    numfmt: str
    names: dict[str, str]
    facts: set[Key]

    def amount(self, key: Key, fmt: str | None = None) -> str:
        self.facts.add(key)
        return amount_text(int(key[6] or 0), fmt or self.numfmt)

    def bare(self, key: Key, fmt: str) -> str:
        """A figure in a table whose unit line says 吨 or 万吨."""
        self.facts.add(key)
        t = int(key[6] or 0)
        return {
            "plain": str(t),
            "comma": f"{t:,}",
            "wan": f"{t / 10_000:.4f}".rstrip("0").rstrip("."),
        }[fmt]

    def cells_text(self, cells: dict[tuple[str, str | None], Key]) -> str:
        keys = [k for k in CELL_LABELS if k in cells]
        chosen = [k for k in keys if self.rng.random() < 0.75] or keys[:1]
        total = cells.get((MIN, None))
        parts = []
        if (MIN, None) in chosen and total is not None:
            splits = [
                k
                for k in ((MIN, "light"), (MIN, "medium_heavy"))
                if k in chosen and cells[k][6] != total[6]
            ]
            text = self.rng.choice(CELL_LABELS[(MIN, None)]) + self.amount(total)
            if splits:
                inner = "、".join(
                    ("岩矿型" if k[1] == "light" else "离子型") + self.amount(cells[k])
                    for k in splits
                )
                text += f"（其中{inner}）"
            parts.append(text)
            chosen = [k for k in chosen if k[0] != MIN]
        for k in chosen:
            parts.append(self.rng.choice(CELL_LABELS[k]) + self.amount(cells[k]))
        return "、".join(parts)


def layout_gain_run(st: Story, rows: list[dict[str, Any]]) -> str:
    return (
        "；".join(
            f"{st.names[r['holder']]}{st.rng.choice(GAIN_VERBS)}{st.cells_text(r['cells'])}"
            for r in rows
        )
        + "。"
    )


def layout_gain_lines(st: Story, rows: list[dict[str, Any]]) -> str:
    bullet = st.rng.choice(["{i}. ", "（{i}）", "· ", "- ", "{i}、"])
    return "\n".join(
        bullet.format(i=i) + f"{st.names[r['holder']]}：{st.cells_text(r['cells'])}"
        for i, r in enumerate(rows, 1)
    )


def layout_fenbie(st: Story, rows: list[dict[str, Any]]) -> str:
    shared = [k for k in CELL_LABELS if all(k in r["cells"] for r in rows)]
    if len(rows) < 2 or not shared:
        return layout_gain_run(st, rows)
    key = st.rng.choice(shared)
    names = "、".join(st.names[r["holder"]] for r in rows)
    amounts = "、".join(st.amount(r["cells"][key]) for r in rows)
    return f"{names}{st.rng.choice(['获得的', '所获'])}{st.rng.choice(CELL_LABELS[key])}分别为{amounts}。"  # noqa: E501 (a story line reads as one string)


def layout_table(st: Story, rows: list[dict[str, Any]], sep: str) -> str:
    colnames = st.scen.get("colnames", COLUMN_NAMES)
    columns = [k for k in COLUMN_NAMES if any(k in r["cells"] for r in rows)]
    if len(columns) > 2 and st.rng.random() < 0.5:  # some tables leave out a column
        columns.remove(st.rng.choice(columns[1:]))
    fmt = st.rng.choice(["plain", "comma", "wan"])
    empty = st.rng.choice(["—", "-", "／", ""])
    lines = [
        "单位：万吨"
        if fmt == "wan"
        else st.rng.choice(["单位：吨", "（单位：吨）", "单位：吨（REO）"])
    ]
    lines.append(
        sep.join(
            [
                st.scen.get("rowhead", st.rng.choice(["集团", "企业"])),
                *(colnames[c] for c in columns),
            ]
        )
    )
    for r in rows:
        vals = [st.bare(r["cells"][c], fmt) if c in r["cells"] else empty for c in columns]
        lines.append(sep.join([r.get("label") or st.names[r["holder"]], *vals]))
    totals = st.scen.get("totals", {})
    if totals and all(c in totals for c in columns) and st.rng.random() < 0.5:
        lines.append(sep.join(["合计", *(st.bare(totals[c], fmt) for c in columns)]))
    return "\n".join(lines)


def layout_year_lines(st: Story, rows: list[dict[str, Any]]) -> str:
    return "\n".join(f"{r['year']}年：{st.amount(r['amount'])}" for r in rows)


def layout_year_colon(st: Story, rows: list[dict[str, Any]]) -> str:
    return "\n".join(f"{r['year']}年 {st.amount(r['amount'])}" for r in rows)


def layout_year_table(st: Story, rows: list[dict[str, Any]]) -> str:
    fmt = st.rng.choice(["plain", "comma", "wan"])
    sep = st.rng.choice([" | ", "\t", "    "])
    head = sep.join(["年份", "指标（万吨）" if fmt == "wan" else "指标（吨）"])
    return "\n".join([head, *(sep.join([str(r["year"]), st.bare(r["amount"], fmt)]) for r in rows)])


def layout_year_run(st: Story, rows: list[dict[str, Any]]) -> str:
    return "，".join(f"{r['year']}年为{st.amount(r['amount'])}" for r in rows)


def layout_prov_lines(st: Story, rows: list[dict[str, Any]]) -> str:
    return "\n".join(f"{PROVINCE_NAMES[r['province']]}：{st.amount(r['amount'])}" for r in rows)


def layout_prov_run(st: Story, rows: list[dict[str, Any]]) -> str:
    return (
        "其中"
        + "、".join(f"{PROVINCE_NAMES[r['province']]}{st.amount(r['amount'])}" for r in rows)
        + "。"
    )


LAYOUTS = {
    "gain_run": layout_gain_run, "gain_lines": layout_gain_lines, "fenbie": layout_fenbie,
    "table_pipe": lambda st, rows: layout_table(st, rows, TABLE_SEPS["table_pipe"]),
    "table_space": lambda st, rows: layout_table(st, rows, TABLE_SEPS["table_space"]),
    "table_tab": lambda st, rows: layout_table(st, rows, TABLE_SEPS["table_tab"]),
    "year_lines": layout_year_lines, "year_colon": layout_year_colon,
    "year_table": layout_year_table, "year_run": layout_year_run,
    "prov_lines": layout_prov_lines, "prov_run": layout_prov_run,
}  # fmt: skip


# --- composing a story --------------------------------------------------------------------------
SLOT = re.compile(r"\{(\w+)\}")


def half_of(template_id: str) -> str:
    return "held" if zlib.crc32(template_id.encode()) % 3 == 0 else "tune"


def _noise_words(pub: date, rng: random.Random) -> dict[str, str]:
    return {
        "p1": f"{rng.randint(38, 62) * 10_000 + rng.choice([0, 2500, 5000]):,}", "p2": f"{rng.randint(1, 20) * 1000}",  # noqa: E501 (a story line reads as one string)
        "updown": rng.choice(["上涨", "下跌", "小幅上涨", "企稳"]), "updown2": rng.choice(["增长", "下降"]),  # noqa: E501 (a story line reads as one string)
        "y0": str(pub.year - 1), "y1": str(pub.year + 1), "mo": str(rng.randint(1, 12)),
        "x1": f"{rng.randint(3000, 6500):,}", "pc": f"{rng.randint(10, 300) / 10:g}",
        "x2": f"{rng.randint(5000, 12000)}", "p3": f"{rng.randint(18, 32) * 10_000:,}",
        "p4": f"{rng.randint(11, 18) * 10_000:,}", "x3": f"{rng.randint(80, 120) / 10:g}",
        "sp": f"{rng.randint(150, 300) / 10:g}", "amt": f"{rng.randint(10, 500) / 10:g}",
        "x4": f"{rng.randint(20, 30)}", "x5": f"{rng.randint(2, 20) * 1000}", "p5": f"{rng.randint(11, 18)}万",  # noqa: E501 (a story line reads as one string)
        "p6": f"{rng.randint(1500, 3000)}", "p7": f"{rng.randint(6000, 12000)}",
        "x6": f"{rng.randint(150, 250) * 1000:,}", "x7": f"{rng.randint(20, 40) * 1000:,}",
        "x8": f"{rng.randint(50, 90) * 1000:,}", "x9": f"{rng.randint(40, 60) * 1000 + rng.randint(0, 999):,}",  # noqa: E501 (a story line reads as one string)
        "x10": f"{rng.randint(50, 60) * 1000:,}", "x11": f"{rng.randint(800, 1900)}",
        "x12": f"{rng.randint(28, 33)}", "x13": f"{rng.randint(3, 30) * 1000}",
    }  # fmt: skip


def _common_words(
    t: Template, scen: dict[str, Any], rng: random.Random, caps: dict[str, str]
) -> dict[str, str]:
    pub: date = scen["pub"]
    year: int = scen["year"]
    words = _noise_words(pub, rng)
    words["Y"], caps["year"] = year_word(year, pub, rng)
    words["YN"] = f"{year}年"
    words["PY"] = year_word(year - 1, pub, rng)[0]
    words["MD"] = f"{pub.month}月{pub.day}日"
    signed = pub - timedelta(days=rng.randint(3, 20))
    words["SIGNDATE"] = f"{signed.year}年{signed.month}月{signed.day}日"
    dateline, caps["outlet"] = rng.choice(OUTLETS)
    words["DATELINE"] = dateline.format(md=words["MD"])
    words["ISS"] = _issuer(year, rng)
    n = scen.get("batch") or int(
        str(scen.get("period", "batch:1"))[-1]
        if str(scen.get("period", "")).startswith("batch")
        else 1
    )
    words["BATCH"] = rng.choice(BATCH_WORDS.get(n, ["第一批"]))
    words.setdefault("NCN", CN_BATCH.get(n, "一"))
    return words


def _pick_names(year: int, rng: random.Random, caps: dict[str, str]) -> dict[str, str]:
    names, styles = {}, []
    for holder, options in HOLDER_NAMES.items():
        usable = [(nm, sty) for nm, sty in options if not (sty == "old" and year > 2015)]
        nm, sty = rng.choice(usable)
        names[holder] = nm
        styles.append(sty)
    caps["holder"] = rng.choice(styles)
    return names


def _expand(text: str, words: dict[str, str]) -> str:
    for _ in range(4):  # words may hold slots of their own
        text = SLOT.sub(lambda m: words.get(m.group(1), m.group(0)), text)
    return text


def _ready(line: str, words: dict[str, str], scen: dict[str, Any]) -> bool:
    slots = SLOT.findall(_expand(line, words))
    return all(s in scen["amounts"] or (s == "ROWS" and scen.get("rows")) for s in slots)


def compose(t: Template, rng: random.Random) -> Case | None:
    scen = SCENARIOS[t.scenario](rng, t.scenario)
    if scen is None:
        return None
    caps: dict[str, str] = {"story": t.id, "half": half_of(t.id), "family": t.family}
    words = {**_common_words(t, scen, rng, caps), **scen["words"]}
    if scen.get("g1"):
        words.setdefault("G1", "")
    numfmt = rng.choice(NUM_FORMATS)
    names = _pick_names(scen["year"], rng, caps)
    if "g1" in scen:
        words["G1"] = names[scen["g1"]]
    st = Story(rng, scen, numfmt, names, set())
    titles = [x for x in t.title if _ready(x, words, scen)]
    lines: list[str] = []
    for spec in t.body:
        options = [spec] if isinstance(spec, str) else list(spec)
        optional = options[0].startswith("?")
        options = [o.lstrip("?") for o in options if _ready(o.lstrip("?"), words, scen)]
        if not options:
            if optional:
                continue
            return None
        if optional and rng.random() < 0.4:
            continue
        lines.append(rng.choice(options))
    if not titles:
        return None
    layout = rng.choice(t.layouts) if t.layouts else ""
    caps["layout"] = layout or "prose"

    def fill(text: str) -> str:
        text = _expand(text, words)
        out = []
        for part in re.split(r"(\{\w+\})", text):
            m = SLOT.fullmatch(part)
            if m and m.group(1) == "ROWS":
                out.append(LAYOUTS[layout](st, scen["rows"]))
            elif m:
                out.append(st.amount(scen["amounts"][m.group(1)]))
            else:
                out.append(part)
        return "".join(out)

    title = fill(rng.choice(titles))
    body = [fill(line) for line in lines]
    body = [b for b in body if b.strip()]
    caps["noise"] = "none"
    if rng.random() < t.noise:
        i = rng.randrange(len(NOISE))
        body.append(
            _expand(NOISE[i], words)
        )  # unrelated paragraphs and related links close the story
        caps["noise"] = NOISE_CLASS[i]
    if rng.random() < 0.25:
        body.append(rng.choice(BYLINES))
    text = title + "\n" + "\n".join(body)
    caps["script"] = "simplified"
    if rng.random() < t.trad:
        variant = rng.choice(["s2hk", "s2tw"])
        text = _converter(variant).convert(text)
        title = _converter(variant).convert(title)
        caps["script"] = variant
    caps["numfmt"] = numfmt if st.facts else "none"
    return Case(
        published=scen["pub"].isoformat(), text=text, expected=st.facts, caps=caps, title=title
    )


_CONVERTERS: dict[str, Any] = {}


def _converter(name: str) -> Any:
    if name not in _CONVERTERS:
        from opencc import OpenCC

        _CONVERTERS[name] = OpenCC(name)
    return _CONVERTERS[name]


def generate(n: int, seed: int = 10, half: str = "all") -> list[Case]:
    rng = random.Random(seed)
    pool = [t for t in TEMPLATES if half in ("all", half_of(t.id))]
    cases: list[Case] = []
    while len(cases) < n:
        t = rng.choice(pool)
        for _ in range(30):
            case = compose(t, rng)
            if case is not None:
                cases.append(case)
                break
    return cases


def facts_of(case: Case) -> set[Key]:
    from extractors import extract_text

    extraction = extract_text(case.text, URL, published=date.fromisoformat(case.published))
    return {f.key() for f in extraction.facts if f.amount_t is not None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--half", choices=["tune", "held", "all"], default="all")
    known, rest = parser.parse_known_args(argv)
    return run(rest, f"stories_zh[{known.half}]", (__doc__ or "").splitlines()[0],
               lambda n, seed: generate(n, seed, known.half), facts_of, "stories")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
