"""Attachments: a document can belong to a notice (its 附件, an .xls/.doc/.pdf table).

``document.notice_id`` names the notice an attachment was linked from (NULL for pages). The
attachment is a document of its own (raw bytes first, like every page); its per-group facts
take their year, batch, type and issuer from that notice, and ``quotas evidence`` names both.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain added column, on every dialect. Not a foreign key: SQLite can add one only by
    # copying ``document`` (which would break the views of 0002 and, with foreign keys on,
    # cascade the drop of the old copy into ``fact``), and its reflection does not read an
    # inline constraint back, so models and migrations could not be compared. The pipeline
    # is the only writer of the column and never deletes a notice.
    op.add_column("document", sa.Column("notice_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_document_notice_id"), "document", ["notice_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_document_notice_id"), table_name="document")
    with op.batch_alter_table("document", recreate="never") as batch:
        batch.drop_column("notice_id")  # SQLite 3.35+: ALTER TABLE ... DROP COLUMN
