"""Linking and search: claim blocking keys, speaker merge history, full-text search on claim text.

SQLite gets an FTS5 table `claim_fts` over `claim.text` (external content, porter stemming,
accents folded) kept in sync by triggers; PostgreSQL a GIN index on `to_tsvector('english', text)`.
Both are outside the SQLModel metadata, so `db/env.py` leaves every `claim_fts*` object out of
autogenerate. A later batch migration that recreates `claim` on SQLite must recreate the triggers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE claim_fts USING fts5(text, content='claim', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN "
    "INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
)
_PG_FTS = "CREATE INDEX claim_fts_gin ON claim USING gin (to_tsvector('english'::regconfig, text))"


def upgrade() -> None:
    op.create_table(
        "claimkey",
        sa.Column("key", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), sa.ForeignKey("claim.id", ondelete="CASCADE"), nullable=False),
        sa.PrimaryKeyConstraint("key", "claim_id"),
    )
    op.create_index("ix_claimkey_claim_id", "claimkey", ["claim_id"])
    op.create_table(
        "speakermerge",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kept_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_name", sa.String(length=300), nullable=False),
        sa.Column("merged_key", sa.String(length=300), nullable=False),
        sa.Column("merged_kind", sa.String(length=20), nullable=False),
        sa.Column("merged_role", sa.Text(), nullable=True),
        sa.Column("merged_aliases", sa.JSON(), nullable=False),
        sa.Column("added_alias_keys", sa.JSON(), nullable=False),
        sa.Column("claim_ids", sa.JSON(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_speakermerge_kept_id", "speakermerge", ["kept_id"])
    _backfill_keys()
    if op.get_bind().dialect.name == "sqlite":
        for statement in _SQLITE_FTS:
            op.execute(statement)
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FTS)


def _backfill_keys() -> None:
    # Claims stored before this revision get their blocking keys, so new claims can link to them.
    from claims.linking import shingle_keys

    bind = op.get_bind()
    claimkey = sa.table("claimkey", sa.column("key", sa.Integer), sa.column("claim_id", sa.Integer))
    result = bind.execute(sa.text("SELECT id, text FROM claim ORDER BY id")).yield_per(2000)
    batch: list[dict[str, int]] = []
    for claim_id, text in result:
        batch.extend({"key": k, "claim_id": claim_id} for k in shingle_keys(text))
        if len(batch) >= 10_000:
            bind.execute(claimkey.insert(), batch)
            batch = []
    if batch:
        bind.execute(claimkey.insert(), batch)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("claim_fts_insert", "claim_fts_delete", "claim_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS claim_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS claim_fts_gin")
    op.drop_table("speakermerge")
    op.drop_table("claimkey")
