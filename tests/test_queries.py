"""Queries: filters and keys, series with gaps, first-seen times kept across re-extraction."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from extractors.errors import ConfigError
from models.queries import (
    Filters,
    load_facts,
    new_fact_rows,
    outlet,
    parse_key,
    parse_years,
    series_rows,
)
from models.reconcile import reconcile_quotas

try:
    from tests.test_reconcile import RE, M, S, add_document, seed
except ImportError:  # tests/ on sys.path rather than the project root
    from test_reconcile import RE, M, S, add_document, seed  # type: ignore[no-redef]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("2019", (2019, 2019)), ("2019..2024", (2019, 2024)), ("2019-2024", (2019, 2024)),
     ("..2020", (None, 2020)), ("2021..", (2021, None))],
)  # fmt: skip
def test_years_and_ranges(given: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_years(given) == expected


@pytest.mark.parametrize("bad", ["", "19", "2024..2019", "last year", "2019..2020..2021"])
def test_bad_years_are_one_line_errors(bad: str) -> None:
    with pytest.raises(ConfigError):
        parse_years(bad)


def test_keys() -> None:
    key = parse_key("rare_earth/mining/2024/batch:1/light/china_northern_rare_earth")
    assert (key.commodity, key.quota_type, key.year_from, key.period) == (RE, M, 2024, "batch:1")
    assert (key.category, key.holder) == ("light", "china_northern_rare_earth")
    national = parse_key("rare_earth/smelting_separation/2023/annual")
    assert (national.category, national.holder) == ("-", "-")
    for bad in ("rare_earth/mining/2024", "gold/mining/2024/annual", "rare_earth/mining/24/annual",
                "rare_earth/mining/2024/batch:0"):  # fmt: skip
        with pytest.raises(ConfigError):
            parse_key(bad)


def test_outlets() -> None:
    assert outlet("https://www.miit.gov.cn/jgsj/x.html") == "miit.gov.cn"
    assert outlet("https://news.cnyes.com/news/id/1") == "news.cnyes.com"
    assert outlet("file:///tmp/a.html") == "file"


def test_filters_are_bound_parameters_not_sql(tmp_path: Path) -> None:
    engine = seed(tmp_path / "q.db")
    everything = load_facts(engine)
    assert load_facts(engine, Filters(holder="x' OR '1'='1")) == []
    assert load_facts(engine, Filters(commodity="rare_earth' --")) == []
    assert len(load_facts(engine)) == len(everything)  # and nothing was dropped


def test_series_show_missing_years_as_gaps(tmp_path: Path) -> None:
    docs = [
        ("https://a.example/2018", date(2018, 12, 1), "official",
         [(RE, M, 2018, "annual", None, None, 120000, None)]),
        ("https://a.example/2020", date(2020, 12, 1), "official",
         [(RE, M, 2020, "annual", None, None, 140000, None),
          (RE, S, 2020, "annual", None, None, 135000, None)]),
    ]  # fmt: skip
    rows = series_rows(reconcile_quotas(seed(tmp_path / "q.db", docs)))
    assert [r["year"] for r in rows] == [2018, 2019, 2020]
    assert rows[1]["mining_t"] is None and rows[1]["smelting_t"] is None
    assert rows[2]["mining_yoy_pct"] is None  # no 2019 figure to compare with
    assert rows[0]["smelting_t"] is None and rows[2]["smelting_t"] == 135000


def test_first_seen_survives_reextraction_and_new_facts_are_told_apart(tmp_path: Path) -> None:
    url = "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/k.html"
    batch1 = [(RE, M, 2024, "batch:1", None, None, 135000, None)]
    engine = seed(tmp_path / "q.db", [(url, date(2024, 2, 6), "official", batch1)])
    with engine.begin() as conn:
        conn.execute(text("UPDATE fact_seen SET first_seen_at = '2024-02-07 08:00:00.000000'"))
    # Re-extraction with improved rules: the same fact again, plus one it had missed.
    more = [*batch1, (RE, S, 2024, "batch:1", None, None, 127000, None)]
    add_document(engine, url, date(2024, 2, 6), "official", more)
    # A news report restating the batch-1 figure.
    add_document(engine, "https://news.example.com/b1", date(2024, 2, 8), "reported", batch1)
    facts = load_facts(engine)
    seen = {(f.url, f.quota_type): f.first_seen_at for f in facts}
    assert seen[(url, M)] == datetime(2024, 2, 7, 8, tzinfo=UTC)
    assert seen[(url, S)] is not None and seen[(url, S)] > datetime(2024, 2, 8, tzinfo=UTC)
    rows = new_fact_rows(facts, datetime(2024, 3, 1))
    assert {(r["url"], r["quota_type"], r["new_value"]) for r in rows} == {
        (url, S, True),
        ("https://news.example.com/b1", M, False),  # a restatement, not a new figure
    }
    assert new_fact_rows(facts, datetime(2100, 1, 1)) == []
