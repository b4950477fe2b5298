"""The document-level resolver: each figure's reading chosen by the document's arithmetic.

Fact sets are ours, built from the public figures of DOMAIN.md; each case says which
readings survive.
"""

from __future__ import annotations

from dataclasses import replace

from extractors import extract_text
from extractors.facts import QuotaFact
from extractors.resolve import resolve

RE, W = "rare_earth", "tungsten"
M, S, X = "mining", "smelting_separation", "export"


def fact(
    amount: float | None,
    *,
    commodity: str = RE,
    qtype: str = M,
    year: int = 2024,
    period: str = "batch:1",
    category: str | None = None,
    holder: str | None = None,
    change: float | None = None,
) -> QuotaFact:
    return QuotaFact(
        commodity=commodity,
        quota_type=qtype,
        year=year,
        period=period,
        category=category,
        holder=holder,
        amount_t=amount,
        change_pct=change,
    )


def amounts(facts: list[QuotaFact]) -> list[tuple[str, str | None, str | None, float | None]]:
    return [(f.period, f.category, f.holder, f.amount_t) for f in facts]


def test_single_readings_without_arithmetic_are_kept_as_read() -> None:
    facts = [fact(135000), fact(127000, qtype=S), fact(None, year=2025)]
    assert resolve([(f,) for f in facts]) == facts


def test_a_part_is_read_so_that_the_parts_sum_to_the_total() -> None:
    """ "63,000 t, including a 46,890 t mining quota and a 16,110 t by-product quota": the
    mining part is the main-mining category, since with it the parts make the whole."""
    total = fact(63000, commodity=W, year=2021)
    whole = fact(46890, commodity=W, year=2021)
    main = replace(whole, category="tungsten_primary")
    byproduct = fact(16110, commodity=W, year=2021, category="tungsten_byproduct")
    chosen = resolve([(total,), (whole, main), (byproduct,)])
    assert chosen == [total, main, byproduct]


def test_batches_sum_to_the_running_total() -> None:
    """A total after the second batch: the running total (cumulative:2) adds up, so it wins
    over the preferred annual reading only when the arithmetic says so."""
    first, second = fact(135000), fact(135000, period="batch:2")
    total = fact(270000, period="annual")
    running = replace(total, period="cumulative:2")
    assert resolve([(first,), (second,), (total, running)])[2] == total  # both fit: preferred
    third = fact(15000, period="batch:3")
    chosen = resolve([(first,), (second,), (third,), (running, total)])
    assert chosen[3] == running  # 270,000 is the first two batches, not the three


def test_a_batch_larger_than_its_year_is_not_that_batch() -> None:
    """ "135,000 t" after a 255,000 t year that was read as the first batch of 2023 too."""
    year = fact(255000, year=2023, period="annual")
    first = fact(120000, year=2023)
    misread = fact(270000, year=2023)  # the 2024 total, dated a year early
    right = fact(270000, year=2024, period="annual")
    chosen = resolve([(year,), (first,), (misread, right)])
    assert chosen == [year, first, right]


def test_a_contradicted_figure_with_no_other_reading_is_dropped() -> None:
    """A part larger than its whole, and two amounts for one quota: none of them kept,
    unless something else supports one."""
    total = fact(66000, year=2020)
    part = fact(69520, year=2020, category="light")
    assert resolve([(total,), (part,)]) == []
    a, b = fact(105000, year=2011, period="annual"), fact(74650, year=2011, period="annual")
    assert resolve([(a,), (b,)]) == []
    # the first two batches support 210,000 t as the year; the stray 100,000 t goes
    year = fact(210000, year=2022, period="annual")
    stray = fact(100000, year=2022, period="annual")
    batches = [fact(100800, year=2022), fact(109200, year=2022, period="batch:2")]
    chosen = resolve([(year,), *((f,) for f in batches), (stray,)])
    assert chosen == [year, *batches]


def test_parts_short_of_the_total_are_kept() -> None:
    """Tungsten totals can keep a reserve back: 68,680 + 16,200 < 87,000 is no misreading."""
    facts = [
        fact(87000, commodity=W, year=2011, period="annual"),
        fact(68680, commodity=W, year=2011, period="annual", category="tungsten_primary"),
        fact(16200, commodity=W, year=2011, period="annual", category="tungsten_byproduct"),
    ]
    assert resolve([(f,) for f in facts]) == facts


def test_holders_never_exceed_the_nation() -> None:
    nation = fact(135000)
    northern = fact(94580, holder="china_northern_rare_earth")
    group = fact(40420, holder="china_rare_earth_group")
    assert resolve([(nation,), (northern,), (group,)]) == [nation, northern, group]
    too_big = fact(140000, holder="china_rare_earth_group")
    assert resolve([(nation,), (too_big,)]) == []


def test_stated_growth_picks_the_past_figure() -> None:
    """ "up 12.5%" from 120,000 t: the first batch of the year before, not its whole year."""
    current = fact(135000, change=12.5)
    past_batch = fact(120000, year=2023)
    past_year = replace(past_batch, period="annual")
    assert resolve([(current,), (past_year, past_batch)]) == [current, past_batch]


def test_stated_figures_reach_the_resolver_from_the_page() -> None:
    """Wired into extraction: the reading of the main-mining part is chosen on a real text."""
    text = (
        "China issues first 2021 tungsten quota\n"
        "The first batch of 2021 tungsten concentrate (65% WO3) mining quotas is 63,000 t, "
        "including a 46,890 t mining quota and a 16,110 t comprehensive utilization quota."
    )
    found = {f.key() for f in extract_text(text, "https://example.com/w").facts}
    assert found == {
        (W, M, 2021, "batch:1", None, None, 63000),
        (W, M, 2021, "batch:1", "tungsten_primary", None, 46890),
        (W, M, 2021, "batch:1", "tungsten_byproduct", None, 16110),
    }
