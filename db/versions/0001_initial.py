"""Initial schema: articles, speakers and their aliases, claims, reviews, claim links.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOW = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "article",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ingested_at", _NOW, nullable=False),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_index("ix_article_outlet", "article", ["outlet"])
    op.create_index("ix_article_published", "article", ["published"])

    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
    )
    op.create_index("ix_speaker_key", "speaker", ["key"])

    op.create_table(
        "speakeralias",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "speaker_id", sa.Integer(), sa.ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("alias_key", sa.String(length=300), nullable=False),
        sa.UniqueConstraint("speaker_id", "alias_key", name="uq_speakeralias_speaker_key"),
    )
    op.create_index("ix_speakeralias_alias_key", "speakeralias", ["alias_key"])
    op.create_index("ix_speakeralias_speaker_id", "speakeralias", ["speaker_id"])

    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "article_id", sa.Integer(), sa.ForeignKey("article.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "speaker_id", sa.Integer(), sa.ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("mention", sa.Text(), nullable=True),
        sa.Column("speaker_start", sa.Integer(), nullable=True),
        sa.Column("speaker_end", sa.Integer(), nullable=True),
        sa.Column("speaker_kind", sa.String(length=20), nullable=False),
        sa.Column("speaker_role", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cue", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
    )
    op.create_index("ix_claim_article_id", "claim", ["article_id"])
    op.create_index("ix_claim_dated", "claim", ["dated"])
    op.create_index("ix_claim_kind", "claim", ["kind"])
    op.create_index("ix_claim_status", "claim", ["status"])
    op.create_index("ix_claim_speaker_dated", "claim", ["speaker_id", "dated"])
    op.create_index("ix_claim_speaker_said_on", "claim", ["speaker_id", "said_on"])

    op.create_table(
        "review",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("at", _NOW, nullable=False),
        sa.Column(
            "origin_claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="SET NULL"), nullable=True
        ),
    )
    op.create_index("ix_review_claim_id", "review", ["claim_id"])

    op.create_table(
        "claimlink",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("a_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("b_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", _NOW, nullable=False),
        sa.UniqueConstraint("a_id", "b_id", "relation", name="uq_claimlink_pair_relation"),
    )
    op.create_index("ix_claimlink_a_id", "claimlink", ["a_id"])
    op.create_index("ix_claimlink_b_id", "claimlink", ["b_id"])


def downgrade() -> None:
    for table in ("claimlink", "review", "claim", "speakeralias", "speaker", "article"):
        op.drop_table(table)
