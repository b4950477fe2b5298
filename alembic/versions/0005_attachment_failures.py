"""Parked attachments: a notice's file whose link failed for good (404, 410, past the size cap).

Each crawl follows the attachment links of stored notices that still lack their files; a link
that is gone for good would be asked for, and reported, on every run. One row per such URL
records the failure (HTTP status, reason, when, how many times); the link is not asked for
again until ``[fetch] retry_failed_after_days`` (7) have passed, or a run says
``--retry-failed``. A later success removes the row.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_failure",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"],
            ["document.id"],
            name=op.f("fk_attachment_failure_notice_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_attachment_failure")),
    )


def downgrade() -> None:
    op.drop_table("attachment_failure")
