"""Initial schema: documents, facts, companies and their aliases, runs, fetch log, HTTP cache.

Also seeds the company table with the groups that hold quotas (shared/FACTS.md) and the names
they go by in Chinese and English (shared/DOMAIN.md).

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (id, name_zh, name_en, aliases): the state groups that have held quotas since 2006.
COMPANIES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "china_rare_earth_group",
        "中国稀土集团",
        "China Rare Earth Group",
        ("中国稀土集团", "China Rare Earth Group", "China Rare Earths Group", "CREG"),
    ),
    (
        "china_northern_rare_earth",
        "中国北方稀土(集团)高科技",
        "China Northern Rare Earth (Group) High-Tech",
        (
            "中国北方稀土(集团)高科技",
            "中国北方稀土（集团）高科技",
            "北方稀土",
            "包钢稀土",
            "China Northern Rare Earth",
            "China Northern Rare Earth Group High-Tech",
            "China North Rare Earth",
            "Northern Rare Earth",
            "Baotou Steel Rare Earth",
            "CNRE",
        ),
    ),
    (
        "xiamen_tungsten",
        "厦门钨业",
        "Xiamen Tungsten",
        ("厦门钨业", "Xiamen Tungsten", "XTC"),
    ),
    (
        "guangdong_rare_earth",
        "广东省稀土产业集团",
        "Guangdong Rare Earth",
        (
            "广东省稀土产业集团",
            "广东稀土",
            "Guangdong Rare Earth",
            "Guangdong Rising",
            "Guangsheng",
        ),
    ),
    (
        "china_minmetals",
        "中国五矿",
        "China Minmetals",
        ("中国五矿", "五矿", "China Minmetals", "Minmetals"),
    ),
    (
        "chinalco_rare_earth",
        "中国稀有稀土",
        "Chinalco Rare Earth",
        ("中国稀有稀土", "中铝", "Chinalco"),
    ),
    (
        "china_southern_rare_earth",
        "南方稀土",
        "China Southern Rare Earth",
        ("南方稀土", "赣州稀土", "China Southern Rare Earth", "Ganzhou Rare Earth"),
    ),
)


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("body_size", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("doc_number", sa.Text(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=True),
        sa.Column("extraction_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("url", name=op.f("uq_document_url")),
    )
    op.create_index(op.f("ix_document_extractor_version"), "document", ["extractor_version"])

    op.create_table(
        "company",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.Text(), nullable=True),
        sa.Column("name_en", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company")),
    )
    op.create_table(
        "company_alias",
        sa.Column("alias", sa.Text(), nullable=False),
        sa.Column("company_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_company_alias_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("alias", name=op.f("pk_company_alias")),
    )
    op.create_index(op.f("ix_company_alias_company_id"), "company_alias", ["company_id"])

    op.create_table(
        "fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("commodity", sa.String(length=32), nullable=False),
        sa.Column("quota_type", sa.String(length=32), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=32), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("holder", sa.String(length=64), nullable=True),
        sa.Column("amount_t", sa.Float(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issuer", sa.String(length=16), nullable=True),
        sa.Column("change_pct", sa.Float(), nullable=True),
        sa.Column("announced_on", sa.Date(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("key_hash", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_fact_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact")),
        sa.UniqueConstraint("document_id", "key_hash", name=op.f("uq_fact_document_id_key_hash")),
    )
    op.create_index(
        op.f("ix_fact_commodity_quota_type_year"), "fact", ["commodity", "quota_type", "year"]
    )
    op.create_index(op.f("ix_fact_document_id"), "fact", ["document_id"])

    op.create_table(
        "document_company",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            name=op.f("fk_document_company_company_id_company"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_company_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "company_id", name=op.f("pk_document_company")),
    )
    op.create_index(op.f("ix_document_company_company_id"), "document_company", ["company_id"])

    op.create_table(
        "crawl_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("leads", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("failed", sa.Integer(), nullable=False),
        sa.Column("facts_new", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_run")),
    )
    op.create_table(
        "fetch_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("elapsed_ms", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_run.id"],
            name=op.f("fk_fetch_log_run_id_crawl_run"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fetch_log")),
    )
    op.create_index(op.f("ix_fetch_log_run_id"), "fetch_log", ["run_id"])

    op.create_table(
        "http_cache",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_http_cache")),
    )

    _seed_companies()


def _seed_companies() -> None:
    company = sa.table(
        "company", sa.column("id", sa.String), sa.column("name_zh"), sa.column("name_en")
    )
    alias = sa.table("company_alias", sa.column("alias"), sa.column("company_id", sa.String))
    op.bulk_insert(
        company,
        [{"id": cid, "name_zh": zh, "name_en": en} for cid, zh, en, _ in COMPANIES],
    )
    op.bulk_insert(
        alias,
        [{"alias": name, "company_id": cid} for cid, _, _, names in COMPANIES for name in names],
    )


def downgrade() -> None:
    for table in (
        "http_cache",
        "fetch_log",
        "crawl_run",
        "document_company",
        "fact",
        "company_alias",
        "company",
        "document",
    ):
        op.drop_table(table)
