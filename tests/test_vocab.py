"""The vocabulary tables: aliases in both languages, longest first, and page relevance."""

from __future__ import annotations

import pytest

from extractors import vocab


def _values(text: str, kind: str) -> list[str]:
    return [term.value for term in vocab.find_terms(text, (kind,))]


@pytest.mark.parametrize(
    ("alias", "company"),
    [
        ("中国稀土集团有限公司", "china_rare_earth_group"),
        ("China Rare Earth Group", "china_rare_earth_group"),
        ("CREG", "china_rare_earth_group"),
        ("中国北方稀土（集团）高科技股份有限公司", "china_northern_rare_earth"),
        ("中国北方稀土(集团)高科技股份有限公司", "china_northern_rare_earth"),
        ("北方稀土", "china_northern_rare_earth"),
        ("包钢稀土", "china_northern_rare_earth"),
        ("China Northern Rare Earth Group High-Tech", "china_northern_rare_earth"),
        ("China North Rare Earth", "china_northern_rare_earth"),
        ("Baotou Steel Rare Earth", "china_northern_rare_earth"),
        ("Baotou Steel Rare-Earth", "china_northern_rare_earth"),
        ("CNRE", "china_northern_rare_earth"),
        ("厦门钨业", "xiamen_tungsten"),
        ("XTC", "xiamen_tungsten"),
        ("广东省稀土产业集团", "guangdong_rare_earth"),
        ("Guangdong Rising", "guangdong_rare_earth"),
        ("Guangsheng", "guangdong_rare_earth"),
        ("中国五矿", "china_minmetals"),
        ("China Minmetals", "china_minmetals"),
        ("中铝", "chinalco_rare_earth"),
        ("中国稀有稀土", "chinalco_rare_earth"),
        ("Chinalco", "chinalco_rare_earth"),
        ("南方稀土", "china_southern_rare_earth"),
        ("赣州稀土", "china_southern_rare_earth"),
        ("China Southern Rare Earth", "china_southern_rare_earth"),
    ],
)
def test_company_aliases(alias: str, company: str) -> None:
    assert vocab.find_companies(f"据报道，{alias}获得指标。") == (company,)


def test_longest_alias_wins_so_names_do_not_leak_commodities() -> None:
    assert _values("厦门钨业获得钨矿开采指标", "commodity") == ["tungsten"]
    assert _values("China Northern Rare Earth said rare earth output rose", "commodity") == [
        "rare_earth"
    ]
    assert _values("广东省稀土产业集团", "province") == []


def test_find_companies_in_order_of_first_mention_each_once() -> None:
    text = "北方稀土获得9.458万吨，中国稀土集团获得4.042万吨；包钢稀土（即北方稀土）居首。"
    assert vocab.find_companies(text) == ("china_northern_rare_earth", "china_rare_earth_group")
    assert vocab.find_companies("稀土价格上涨") == ()


def test_chinese_rare_earth_alone_is_not_the_group() -> None:
    assert vocab.find_companies("中国稀土出口量下降") == ()


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("稀土开采、冶炼分离总量控制指标", "quota_type", ["mining", "smelting_separation"]),
        ("矿产品和冶炼分离产品", "quota_type", ["mining", "smelting_separation"]),
        ("稀土出口配额", "quota_type", ["export"]),
        (
            "quotas for mining and smelting and separation",
            "quota_type",
            ["mining", "smelting_separation"],
        ),
        ("separation and smelting", "quota_type", ["smelting_separation"]),
        ("岩矿型稀土矿、离子型稀土矿", "category", ["light", "medium_heavy"]),
        ("以轻稀土为主、以中重稀土为主", "category", ["light", "medium_heavy"]),
        ("ionic clay and medium-heavy", "category", ["medium_heavy", "medium_heavy"]),
        ("主采指标、综合利用指标", "category", ["tungsten_primary", "tungsten_byproduct"]),
        ("稀土、钨精矿、锑", "commodity", ["rare_earth", "tungsten", "antimony"]),
        ("rare-earth and tungsten", "commodity", ["rare_earth", "tungsten"]),
        ("工业和信息化部 自然资源部", "issuer", ["MIIT", "MNR"]),
        ("国土资源部、商务部", "issuer", ["MLR", "MOFCOM"]),
        ("the Ministry of Commerce", "issuer", ["MOFCOM"]),
    ],
)
def test_tables(text: str, kind: str, values: list[str]) -> None:
    assert _values(text, kind) == values


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("内蒙古自治区", "province:neimenggu"),
        ("Inner Mongolia", "province:neimenggu"),
        ("四川省", "province:sichuan"),
        ("江西", "province:jiangxi"),
        ("广西壮族自治区", "province:guangxi"),
        ("湖南省", "province:hunan"),
        ("Guangdong", "province:guangdong"),
    ],
)
def test_provinces(text: str, province: str) -> None:
    assert _values(text, "province") == [province]


def test_latin_aliases_need_word_boundaries() -> None:
    assert _values("determine the undermined", "quota_type") == []
    assert _values("Free trade", "commodity") == []


def test_lookup_one_alias() -> None:
    assert vocab.lookup("北方稀土") == ("company", "china_northern_rare_earth")
    assert vocab.lookup("Rare-Earths") == ("commodity", "rare_earth")
    assert vocab.lookup("稀土价格") is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知", ""),
        ("", "据悉，第一批稀土开采指标为13.5万吨。"),
        ("China sets first batch of rare earth quotas", ""),
        ("", "The tungsten mining quota was raised."),
        ("", "2014年锑矿开采总量控制指标为10万吨。"),
    ],
)
def test_relevant(title: str, text: str) -> None:
    assert vocab.is_relevant(title, text)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("稀土价格上涨", "氧化镨钕价格上涨3%。"),
        ("Car plate quotas", "Beijing cut car licence quotas again."),
        ("", "稀土板块走强。" + "无关内容。" * 40 + "汽车牌照指标收紧。"),
    ],
)
def test_not_relevant(title: str, text: str) -> None:
    assert not vocab.is_relevant(title, text)


# Headlines and leads in the wordings real pages use for a quota (our sentences): each must
# reach the rules, in the page filter and in the sources' listing filter alike.
QUOTA_HEADLINES = [
    "今年稀土开采总量控制在14万吨",
    "工信部下达2014年稀土生产总量控制计划",
    "2016年鎢礦開採總量控制指標下達",  # a traditional-character repost's listing title
    "China sets a ceiling on rare earth output for the year",
    "Rare earth mining output is limited to 105,000 tonnes",
    "Beijing raises its rare-earth production cap",
    "Ministry sets the first tranche of rare earth quotas",
    "Total rare earth mining control indicator set at 120,000 t",
    "Tungsten concentrate output allocated to provinces",
]
NOT_QUOTA_HEADLINES = [
    "稀土价格本周继续上涨",
    "Rare earth prices rise for a third week",
    "Car quotas in Beijing; rare earth magnets in demand",  # far apart in a longer text below
]


@pytest.mark.parametrize("headline", QUOTA_HEADLINES)
def test_quota_wordings_reach_the_rules(headline: str) -> None:
    from extractors.normalize import to_simplified
    from scraper.sources import is_quota_title

    assert vocab.is_relevant(to_simplified(headline), "")
    assert is_quota_title(headline)


@pytest.mark.parametrize("headline", NOT_QUOTA_HEADLINES[:2])
def test_prices_do_not_pass_the_filters(headline: str) -> None:
    from scraper.sources import is_quota_title

    assert not vocab.is_relevant(headline, "")
    assert not is_quota_title(headline)


def test_a_quota_word_far_from_the_commodity_is_not_enough() -> None:
    filler = " Traffic was heavy across the city that day." * 3
    assert not vocab.is_relevant("", f"Beijing sets car quotas.{filler} Rare earth magnets sell.")
