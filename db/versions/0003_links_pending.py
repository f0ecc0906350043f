"""Deferred linking: `article.links_pending` marks an article stored by `claims ingest --defer-links`
whose claims are not linked yet; `claims links build` links them in id order and clears it.

Existing articles were linked at ingest, so the column starts false everywhere. Plain ALTER TABLE
on both backends (no batch copy of `article` on SQLite: recreating it would cascade to its claims).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
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
    op.add_column(
        "article",
        sa.Column("links_pending", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_article_links_pending", "article", ["links_pending"])


def downgrade() -> None:
    op.drop_index("ix_article_links_pending", table_name="article")
    op.drop_column("article", "links_pending")
