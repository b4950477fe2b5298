"""Reconciliation: one value per key, official first, conflicts kept, annual values derived.

The reference database below (``seed``) is shared by the other analyst tests. Its figures are
the real ones of shared/DOMAIN.md; the sentences are ours. It also holds a conflicting
reported figure, a misplaced 万, a wrong stated growth and an issuance without a figure.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from extractors.facts import Content, Extraction, QuotaFact
from models.base import open_engine
from models.queries import Filters
from models.reconcile import ReconciledQuota, reconcile_quotas
from models.store import Store

RE, M, S = "rare_earth", "mining", "smelting_separation"
NORTH, CREG = "china_northern_rare_earth", "china_rare_earth_group"
MIIT = "https://www.miit.gov.cn/jgsj/ycls/wjfb/art"

# (url, published, status, facts as (commodity, type, year, period, category, holder, t, pct))
Row = tuple[str, str, int, str, str | None, str | None, float | None, float | None]
DOCUMENTS: list[tuple[str, date, str, list[Row]]] = [
    (
        f"{MIIT}/2018/a.html",
        date(2018, 12, 20),
        "official",
        [
            (RE, M, 2018, "annual", None, None, 120000, None),
            (RE, S, 2018, "annual", None, None, 115000, None),
        ],
    ),
    (
        f"{MIIT}/2019/b.html",
        date(2019, 12, 26),
        "official",
        [
            (RE, M, 2019, "annual", None, None, 132000, None),
            (RE, S, 2019, "annual", None, None, 127000, None),
            (RE, M, 2019, "batch:1", None, None, 60000, None),
            (RE, M, 2019, "batch:1", "light", None, 50425, None),
            (RE, M, 2019, "batch:1", "medium_heavy", None, 9575, None),
        ],
    ),
    (
        "https://www.mnr.gov.cn/gk/tzgg/202003/t.html",
        date(2020, 3, 25),
        "official",
        [
            (RE, M, 2020, "batch:1", None, None, 66000, None),
            (RE, M, 2020, "batch:1", "light", None, 56425, None),
            (RE, M, 2020, "batch:1", "medium_heavy", None, 9575, None),
            ("tungsten", M, 2020, "batch:1", None, None, 52500, None),
        ],
    ),
    (
        f"{MIIT}/2020/c.html",
        date(2020, 12, 30),
        "official",
        [
            (RE, M, 2020, "annual", None, None, 140000, None),
            (RE, S, 2020, "annual", None, None, 135000, None),
            (RE, M, 2020, "annual", "light", None, 120850, None),
            (RE, M, 2020, "annual", "medium_heavy", None, 19150, None),
            ("tungsten", M, 2020, "annual", None, None, 105000, None),
            ("tungsten", M, 2020, "annual", "tungsten_primary", None, 78150, None),
            ("tungsten", M, 2020, "annual", "tungsten_byproduct", None, 26850, None),
        ],
    ),
    (
        "https://news.example.com/2021/first-batch",
        date(2021, 3, 2),
        "reported",
        [
            (RE, M, 2021, "batch:1", None, None, 84000, 27.0),
            (RE, S, 2021, "batch:1", None, None, 81000, None),
            (RE, S, 2020, "batch:1", None, None, 63500, None),
        ],
    ),
    (
        "https://metals.example.net/2021/ionic",
        date(2021, 3, 5),
        "reported",
        [
            (RE, M, 2021, "batch:1", "medium_heavy", None, 76600000, None),  # 7660万吨, a typo
        ],
    ),
    (
        f"{MIIT}/2021/d.html",
        date(2021, 9, 30),
        "official",
        [
            (RE, M, 2021, "annual", None, None, 168000, None),
            (RE, S, 2021, "annual", None, None, 162000, None),
            (RE, M, 2021, "batch:1", None, None, 84000, None),
            (RE, S, 2021, "batch:1", None, None, 81000, None),
        ],
    ),
    (
        f"{MIIT}/2022/e.html",
        date(2022, 2, 15),
        "official",
        [
            (RE, M, 2022, "batch:1", None, None, 100800, None),
            (RE, S, 2022, "batch:1", None, None, 97200, None),
        ],
    ),
    (
        f"{MIIT}/2022/f.html",
        date(2022, 7, 28),
        "official",
        [
            (RE, M, 2022, "batch:2", None, None, 109200, None),
            (RE, S, 2022, "batch:2", None, None, 104800, None),
            (RE, M, 2022, "cumulative:2", None, None, 210000, None),
            (RE, S, 2022, "cumulative:2", None, None, 202000, None),
        ],
    ),
    (
        "https://www.gov.cn/zhengce/zhengceku/2022-07/28/g.htm",
        date(2022, 7, 28),
        "official",
        [
            (RE, M, 2022, "batch:2", None, None, 109200, None),
            (RE, S, 2022, "batch:2", None, None, 104800, None),
            (RE, M, 2022, "cumulative:2", None, None, 210000, None),
            (RE, S, 2022, "cumulative:2", None, None, 202000, None),
        ],
    ),
    (
        f"{MIIT}/2023/h.html",
        date(2023, 3, 24),
        "official",
        [
            (RE, M, 2023, "batch:1", None, None, 120000, None),
            (RE, S, 2023, "batch:1", None, None, 115000, None),
        ],
    ),
    (
        f"{MIIT}/2023/i.html",
        date(2023, 9, 20),
        "official",
        [
            (RE, M, 2023, "batch:2", None, None, 120000, None),
            (RE, S, 2023, "batch:2", None, None, 115000, None),
            (RE, M, 2023, "cumulative:2", None, None, 240000, None),
            (RE, S, 2023, "cumulative:2", None, None, 230000, None),
        ],
    ),
    (
        f"{MIIT}/2023/j.html",
        date(2023, 12, 14),
        "official",
        [
            (RE, M, 2023, "batch:3", None, None, 15000, None),
            (RE, S, 2023, "batch:3", None, None, 13850, None),
            (RE, M, 2023, "annual", None, None, 255000, None),
            (RE, S, 2023, "annual", None, None, 243850, None),
        ],
    ),
    (
        f"{MIIT}/2024/k.html",
        date(2024, 2, 6),
        "official",
        [
            (RE, M, 2024, "batch:1", None, None, 135000, None),
            (RE, S, 2024, "batch:1", None, None, 127000, None),
            (RE, M, 2024, "batch:1", "light", NORTH, 94580, None),
            (RE, S, 2024, "batch:1", None, NORTH, 88010, None),
            (RE, M, 2024, "batch:1", None, CREG, 40420, None),
            (RE, M, 2024, "batch:1", "light", CREG, 30280, None),
            (RE, M, 2024, "batch:1", "medium_heavy", CREG, 10140, None),
            (RE, S, 2024, "batch:1", None, CREG, 38990, None),
        ],
    ),
    (
        f"{MIIT}/2024/l.html",
        date(2024, 8, 19),
        "official",
        [
            (RE, M, 2024, "batch:2", None, None, 135000, None),
            (RE, S, 2024, "batch:2", None, None, 127000, None),
            (RE, M, 2024, "annual", None, None, 270000, None),
            (RE, S, 2024, "annual", None, None, 254000, None),
        ],
    ),
    (
        "https://news.example.com/2024/quota-raised",
        date(2024, 8, 20),
        "reported",
        [
            (RE, M, 2024, "annual", None, None, 280000, None),  # conflicts with the notice
            (RE, M, 2024, "batch:1", None, None, 135000, 20.0),  # the real change is 12.5%
        ],
    ),
    (
        "https://wire.example.org/2024/quotas",
        date(2024, 8, 21),
        "reported",
        [
            (RE, M, 2024, "annual", None, None, 280000, None),
            (RE, S, 2024, "annual", None, None, 254000, None),
        ],
    ),
    (
        "https://news.example.com/2025/quiet",
        date(2025, 4, 10),
        "reported",
        [
            (RE, M, 2025, "batch:1", None, None, None, None),  # issued without figures
        ],
    ),
]

FETCHED = datetime(2025, 6, 1, tzinfo=UTC)


def add_document(engine: Engine, url: str, published: date, status: str, rows: list[Row]) -> int:
    """Store one document and its facts through the real Store, as the pipeline does."""
    store = Store(engine)
    stored = store.save_document(
        url=url,
        final_url=url,
        source="test",
        status=200,
        content_type="text/html",
        etag=None,
        last_modified=None,
        body=f"<html><body>{url}</body></html>".encode(),
        fetched_at=FETCHED,
        published=published,
        title=f"Quotas ({url.rsplit('/', 1)[-1]})",
    )
    facts = tuple(
        QuotaFact(
            *row[:7],
            status=status,
            change_pct=row[7],
            evidence=_sentence(row),
            span=(0, len(_sentence(row))),
        )
        for row in rows
    )
    when = datetime(published.year, published.month, published.day)
    content = Content(title=None, published=when, language="en", text="…")
    store.save_extraction(stored.id, Extraction(url=url, content=content, facts=facts, version="t"))
    return stored.id


def _sentence(row: Row) -> str:
    _, quota_type, year, period, category, holder, amount, pct = row
    amount_text = "without a figure" if amount is None else f"at {amount:,.0f} tonnes"
    who = f" for {holder}" if holder else ""
    part = f" ({category})" if category else ""
    growth = f", up {pct}%" if pct is not None else ""
    return f"The {year} {period} {quota_type}{part} quota{who} was set {amount_text}{growth}."


def seed(path: Path, documents: list[tuple[str, date, str, list[Row]]] | None = None) -> Engine:
    """A migrated SQLite file holding ``documents`` (default: the reference set)."""
    engine = open_engine(f"sqlite:///{path}")
    for url, published, status, rows in DOCUMENTS if documents is None else documents:
        add_document(engine, url, published, status, rows)
    return engine


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return seed(tmp_path / "quotas.db")


def find(quotas: list[ReconciledQuota], *key: Any) -> ReconciledQuota:
    full = (*key, None, None)[:6] if len(key) < 6 else key
    matches = [q for q in quotas if q.key == full]
    assert len(matches) == 1, f"{full}: {matches}"
    return matches[0]


def test_the_official_value_wins_over_more_numerous_reports(engine: Engine) -> None:
    quotas = reconcile_quotas(engine)
    year = find(quotas, RE, M, 2024, "annual")
    assert year.amount_t == 270000
    assert year.has_official and not year.derived
    assert [s.url for s in year.sources] == [f"{MIIT}/2024/l.html"]
    assert len(year.disagreements) == 1
    conflict = year.disagreements[0]
    assert conflict.amount_t == 280000
    assert {d.url for d in conflict.documents} == {
        "https://news.example.com/2024/quota-raised",
        "https://wire.example.org/2024/quotas",
    }


def test_without_an_official_value_the_majority_then_the_earliest_wins(tmp_path: Path) -> None:
    docs = [
        (
            "https://a.example/1",
            date(2025, 5, 2),
            "reported",
            [(RE, M, 2025, "batch:1", None, None, 70000, None)],
        ),
        (
            "https://b.example/2",
            date(2025, 5, 1),
            "reported",
            [(RE, M, 2025, "batch:1", None, None, 69000, None)],
        ),
        (
            "https://c.example/3",
            date(2025, 5, 3),
            "reported",
            [(RE, M, 2025, "batch:1", None, None, 70000, None)],
        ),
        (
            "https://d.example/4",
            date(2025, 6, 2),
            "reported",
            [(RE, S, 2025, "batch:1", None, None, 66000, None)],
        ),
        (
            "https://e.example/5",
            date(2025, 6, 1),
            "reported",
            [(RE, S, 2025, "batch:1", None, None, 65000, None)],
        ),
    ]
    quotas = reconcile_quotas(seed(tmp_path / "q.db", docs))
    mining = find(quotas, RE, M, 2025, "batch:1")
    assert (mining.amount_t, mining.n_documents, mining.has_official) == (70000, 2, False)
    assert [d.amount_t for d in mining.disagreements] == [69000]
    smelting = find(quotas, RE, S, 2025, "batch:1")  # one document each: the earliest wins
    assert smelting.amount_t == 65000
    assert smelting.sources[0].url == "https://e.example/5"


def test_documents_stating_the_same_value_are_counted_once_each(engine: Engine) -> None:
    batch2 = find(reconcile_quotas(engine), RE, M, 2022, "batch:2")
    assert batch2.n_documents == 2 and batch2.amount_t == 109200
    assert batch2.disagreements == ()


def test_annual_values_are_derived_from_the_running_total(engine: Engine) -> None:
    quotas = reconcile_quotas(engine)
    year = find(quotas, RE, M, 2022, "annual")
    assert year.derived and year.derived_from == "cumulative:2"
    assert year.amount_t == 210000
    assert {s.url for s in year.sources} >= {f"{MIIT}/2022/f.html"}
    assert find(quotas, RE, S, 2022, "annual").amount_t == 202000


def test_annual_values_are_derived_from_a_running_total_and_later_batches(tmp_path: Path) -> None:
    docs = [d for d in DOCUMENTS if "2023" in d[0] and not d[0].endswith("j.html")]
    docs.append(
        (
            "https://x.example/b3",
            date(2023, 12, 15),
            "official",
            [(RE, M, 2023, "batch:3", None, None, 15000, None)],
        )
    )
    quotas = reconcile_quotas(seed(tmp_path / "q.db", docs))
    year = find(quotas, RE, M, 2023, "annual")
    assert (year.amount_t, year.derived_from) == (255000, "cumulative:2 + batch:3")


def test_annual_values_are_derived_from_contiguous_batches_only(tmp_path: Path) -> None:
    docs = [
        (
            "https://x.example/1",
            date(2022, 2, 1),
            "official",
            [
                (RE, M, 2022, "batch:1", None, None, 100800, None),
                (RE, M, 2022, "batch:2", None, None, 109200, None),
                (RE, S, 2022, "batch:1", None, None, 97200, None),
                (RE, S, 2022, "batch:3", None, None, 1000, None),
                (RE, M, 2021, "batch:1", None, None, 84000, None),
            ],
        ),
    ]
    quotas = reconcile_quotas(seed(tmp_path / "q.db", docs))
    mining = find(quotas, RE, M, 2022, "annual")
    assert (mining.amount_t, mining.derived_from) == (210000, "batch:1..2")
    annual = {(q.quota_type, q.year) for q in quotas if q.period == "annual"}
    assert (S, 2022) not in annual  # batch 2 is missing: no sum
    assert (M, 2021) not in annual  # a lone first batch is not a year


def test_a_stated_annual_value_is_never_replaced_by_a_derived_one(engine: Engine) -> None:
    quotas = reconcile_quotas(engine)
    rows = [q for q in quotas if q.key == (RE, M, 2023, "annual", None, None)]
    assert len(rows) == 1 and rows[0].amount_t == 255000 and not rows[0].derived


def test_an_issuance_without_a_figure_is_a_row_without_a_value(engine: Engine) -> None:
    quiet = find(reconcile_quotas(engine), RE, M, 2025, "batch:1")
    assert quiet.amount_t is None and quiet.n_documents == 1 and not quiet.has_official


def test_filters_narrow_the_facts_and_the_period_keeps_derived_years(engine: Engine) -> None:
    annual = reconcile_quotas(
        engine,
        Filters(
            commodity=RE,
            quota_type=S,
            year_from=2019,
            year_to=2024,
            period="annual",
            holder="-",
            category="-",
        ),
    )
    assert [(q.year, q.amount_t) for q in annual] == [
        (2019, 127000),
        (2020, 135000),
        (2021, 162000),
        (2022, 202000),
        (2023, 243850),
        (2024, 254000),
    ]
    northern = reconcile_quotas(engine, Filters(holder=NORTH))
    assert {q.holder for q in northern} == {NORTH}
    official = reconcile_quotas(
        engine, Filters(status="official", year_from=2024, year_to=2024, period="annual")
    )
    assert all(not q.disagreements for q in official)


def test_the_sql_views_follow_the_same_rules(engine: Engine) -> None:
    quotas = reconcile_quotas(engine)
    with engine.connect() as conn:
        view = {
            tuple(row[:6]): (row[6], row[7], bool(row[8]), row[9])
            for row in conn.execute(
                text(
                    "SELECT commodity, quota_type, year, period, category, holder, amount_t,"
                    " n_documents, has_official, n_disagreeing FROM quota"
                )
            )
        }
        annual = {
            tuple(row[:5]): (row[5], row[6])
            for row in conn.execute(
                text(
                    "SELECT commodity, quota_type, year, category, holder, amount_t, derived_from"
                    " FROM quota_annual"
                )
            )
        }
    stated = {
        q.key: (q.amount_t, q.n_documents, q.has_official, len(q.disagreements))
        for q in quotas
        if not q.derived and q.amount_t is not None
    }
    assert view == stated
    expected_annual = {
        (q.commodity, q.quota_type, q.year, q.category, q.holder): (
            q.amount_t,
            q.derived_from or "stated",
        )
        for q in quotas
        if q.period == "annual"
    }
    assert annual == expected_annual
    assert annual[(RE, M, 2022, None, None)] == (210000, "cumulative:2")


def test_views_fact_evidence_and_quota_by_holder(engine: Engine) -> None:
    with engine.connect() as conn:
        holders = conn.execute(
            text(
                "SELECT holder, amount_t, national_t, share_pct FROM quota_by_holder"
                " WHERE year = 2024 AND quota_type = 'smelting_separation' ORDER BY holder"
            )
        ).all()
        evidence = conn.execute(
            text(
                "SELECT url, evidence, first_seen_at FROM fact_evidence"
                " WHERE year = 2023 AND period = 'batch:3' AND quota_type = 'mining'"
            )
        ).all()
    assert [tuple(r) for r in holders] == [
        (NORTH, 88010, 127000, 69.3),
        (CREG, 38990, 127000, 30.7),
    ]
    assert len(evidence) == 1 and evidence[0].url.endswith("/2023/j.html")
    assert "15,000 tonnes" in evidence[0].evidence and evidence[0].first_seen_at is not None
