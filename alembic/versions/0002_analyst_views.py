"""The analyst's schema: first-seen times, stored check findings, and SQL views.

- ``fact_seen``: when each (document, fact key) was first stored. ``Store.save_extraction``
  replaces a document's facts on every re-extraction; an insert trigger on ``fact`` records a
  key the first time it appears and ignores it afterwards, so the time survives re-extraction.
- ``finding``: the results of ``quotas check``, replaced on every run.
- Views for direct SQL users (sqlite3, pandas, datasette), following the rules of
  ``models.reconcile`` (a test keeps the two in step):
  ``fact_evidence`` every fact with its document; ``quota`` one chosen value per key;
  ``quota_annual`` whole-year values, stated or derived from cumulative figures and batches;
  ``quota_by_holder`` company and province allocations beside the national figure.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Two rows belong to the same key group (NULL category/holder compare equal, on every dialect).
_SAME = """{a}.commodity = {b}.commodity AND {a}.quota_type = {b}.quota_type
    AND {a}.year = {b}.year AND COALESCE({a}.category, '') = COALESCE({b}.category, '')
    AND COALESCE({a}.holder, '') = COALESCE({b}.holder, '')"""

FACT_EVIDENCE = """
CREATE VIEW fact_evidence AS
SELECT f.id AS fact_id, f.commodity, f.quota_type, f.year, f.period, f.category, f.holder,
       f.amount_t, f.status, f.issuer, f.change_pct, f.announced_on, f.evidence,
       d.id AS document_id, d.url, d.title, d.published_at, d.source, d.doc_number,
       s.first_seen_at
FROM fact f
JOIN document d ON d.id = f.document_id
LEFT JOIN fact_seen s ON s.document_id = f.document_id AND s.key_hash = f.key_hash
"""

# Official wins; then the value most documents state; ties go to the earliest document.
QUOTA = """
CREATE VIEW quota AS
WITH stated AS (
  SELECT f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t,
         COUNT(DISTINCT f.document_id) AS n_documents,
         MAX(CASE WHEN f.status = 'official' THEN 1 ELSE 0 END) AS has_official,
         MIN(COALESCE(d.published_at, d.fetched_at)) AS first_published
  FROM fact f JOIN document d ON d.id = f.document_id
  WHERE f.amount_t IS NOT NULL
  GROUP BY f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t
), ranked AS (
  SELECT stated.*,
         ROW_NUMBER() OVER (
           PARTITION BY commodity, quota_type, year, period, category, holder
           ORDER BY has_official DESC, n_documents DESC, first_published, amount_t
         ) AS choice,
         COUNT(*) OVER (
           PARTITION BY commodity, quota_type, year, period, category, holder
         ) AS n_values
  FROM stated
)
SELECT commodity, quota_type, year, period, category, holder, amount_t, n_documents,
       has_official, n_values - 1 AS n_disagreeing, first_published
FROM ranked WHERE choice = 1
"""

# A year not stated as a whole: cumulative:N (or nothing) plus the batches N+1..M that follow
# it without a gap; the widest such run wins, then the one with the larger cumulative part.
# A lone first batch is never passed off as a year (a run must cover two batches or more).
QUOTA_ANNUAL = f"""
CREATE VIEW quota_annual AS
WITH parts AS (
  SELECT commodity, quota_type, year, category, holder, amount_t,
         CASE WHEN period LIKE 'batch:%' THEN 'batch' ELSE 'cumulative' END AS kind,
         CAST(CASE WHEN period LIKE 'batch:%' THEN substr(period, 7)
                   ELSE substr(period, 12) END AS INTEGER) AS n
  FROM quota WHERE period LIKE 'batch:%' OR period LIKE 'cumulative:%'
), starts AS (
  SELECT commodity, quota_type, year, category, holder, n AS base, amount_t AS base_amount
  FROM parts WHERE kind = 'cumulative'
  UNION
  SELECT DISTINCT commodity, quota_type, year, category, holder, 0, 0.0 FROM parts
), runs AS (
  SELECT s.*,
    CASE WHEN EXISTS (
           SELECT 1 FROM parts b WHERE {_SAME.format(a="b", b="s")}
             AND b.kind = 'batch' AND b.n = s.base + 1)
         THEN (SELECT MIN(b.n) FROM parts b WHERE {_SAME.format(a="b", b="s")}
                 AND b.kind = 'batch' AND b.n > s.base
                 AND NOT EXISTS (SELECT 1 FROM parts c WHERE {_SAME.format(a="c", b="b")}
                                   AND c.kind = 'batch' AND c.n = b.n + 1))
         ELSE s.base END AS top
  FROM starts s
), derived AS (
  SELECT r.commodity, r.quota_type, r.year, r.category, r.holder, r.base, r.top,
         r.base_amount + COALESCE((
           SELECT SUM(b.amount_t) FROM parts b WHERE {_SAME.format(a="b", b="r")}
             AND b.kind = 'batch' AND b.n > r.base AND b.n <= r.top), 0) AS amount_t,
         ROW_NUMBER() OVER (
           PARTITION BY r.commodity, r.quota_type, r.year, r.category, r.holder
           ORDER BY r.top DESC, r.base DESC
         ) AS choice
  FROM runs r WHERE r.top >= 2
)
SELECT commodity, quota_type, year, category, holder, amount_t, 0 AS derived,
       'stated' AS derived_from, n_documents, has_official, n_disagreeing
FROM quota WHERE period = 'annual'
UNION ALL
SELECT d.commodity, d.quota_type, d.year, d.category, d.holder, d.amount_t, 1,
       CASE WHEN d.base = 0 THEN 'batch:1..' || d.top
            WHEN d.top = d.base THEN 'cumulative:' || d.base
            WHEN d.top = d.base + 1 THEN 'cumulative:' || d.base || ' + batch:' || d.top
            ELSE 'cumulative:' || d.base || ' + batch:' || (d.base + 1) || '..' || d.top
       END,
       NULL, NULL, NULL
FROM derived d
WHERE d.choice = 1 AND NOT EXISTS (
  SELECT 1 FROM quota q WHERE {_SAME.format(a="q", b="d")} AND q.period = 'annual')
"""

# PostgreSQL rounds only NUMERIC to a number of places, hence the casts around ROUND.
QUOTA_BY_HOLDER = """
CREATE VIEW quota_by_holder AS
SELECT q.holder, c.name_en AS holder_name, q.commodity, q.quota_type, q.year, q.period,
       q.category, q.amount_t, n.amount_t AS national_t,
       CASE WHEN n.amount_t > 0 THEN CAST(ROUND(CAST(100.0 * q.amount_t / n.amount_t AS NUMERIC), 2)
            AS DOUBLE PRECISION) END AS share_pct,
       q.n_documents, q.has_official, q.n_disagreeing
FROM quota q
LEFT JOIN company c ON c.id = q.holder
LEFT JOIN quota n ON n.commodity = q.commodity AND n.quota_type = q.quota_type
  AND n.year = q.year AND n.period = q.period AND n.holder IS NULL
  AND COALESCE(n.category, '') = COALESCE(q.category, '')
WHERE q.holder IS NOT NULL
"""

VIEWS = {
    "fact_evidence": FACT_EVIDENCE,
    "quota": QUOTA,
    "quota_annual": QUOTA_ANNUAL,
    "quota_by_holder": QUOTA_BY_HOLDER,
}

# Record a (document, key) the first time a fact with it is inserted; later inserts keep it.
SQLITE_TRIGGER = """
CREATE TRIGGER fact_first_seen AFTER INSERT ON fact
BEGIN
  INSERT OR IGNORE INTO fact_seen (document_id, key_hash, first_seen_at)
  VALUES (NEW.document_id, NEW.key_hash, strftime('%Y-%m-%d %H:%M:%f', 'now') || '000');
END
"""

POSTGRESQL_TRIGGER = (
    """
CREATE FUNCTION fact_first_seen() RETURNS trigger AS $$
BEGIN
  INSERT INTO fact_seen (document_id, key_hash, first_seen_at)
  VALUES (NEW.document_id, NEW.key_hash, now() AT TIME ZONE 'utc')
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER fact_first_seen AFTER INSERT ON fact
FOR EACH ROW EXECUTE FUNCTION fact_first_seen()
""",
)


def upgrade() -> None:
    op.create_table(
        "fact_seen",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key_hash", sa.String(length=40), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_fact_seen_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "key_hash", name=op.f("pk_fact_seen")),
    )
    op.create_index(op.f("ix_fact_seen_first_seen_at"), "fact_seen", ["first_seen_at"])
    op.create_table(
        "finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_name", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("quota_key", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("fact_ids", sa.Text(), nullable=False),  # JSON array of fact.id
        sa.Column("document_urls", sa.Text(), nullable=False),  # JSON array of document.url
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding")),
    )
    op.create_index(op.f("ix_finding_quota_key"), "finding", ["quota_key"])

    bind = op.get_bind()
    # Facts stored before this revision were first seen when their document was stored.
    bind.execute(
        sa.text(
            "INSERT INTO fact_seen (document_id, key_hash, first_seen_at) "
            "SELECT f.document_id, f.key_hash, MIN(d.created_at) FROM fact f "
            "JOIN document d ON d.id = f.document_id GROUP BY f.document_id, f.key_hash"
        )
    )
    if bind.dialect.name == "postgresql":
        for statement in POSTGRESQL_TRIGGER:
            bind.execute(sa.text(statement))
    else:
        bind.execute(sa.text(SQLITE_TRIGGER))
    for statement in VIEWS.values():
        bind.execute(sa.text(statement))


def downgrade() -> None:
    bind = op.get_bind()
    for name in reversed(VIEWS):
        bind.execute(sa.text(f"DROP VIEW IF EXISTS {name}"))
    bind.execute(
        sa.text(
            "DROP TRIGGER IF EXISTS fact_first_seen"
            + (" ON fact" if bind.dialect.name == "postgresql" else "")
        )
    )
    if bind.dialect.name == "postgresql":
        bind.execute(sa.text("DROP FUNCTION IF EXISTS fact_first_seen()"))
    op.drop_table("finding")
    op.drop_table("fact_seen")
