"""Links built after ingest: `claims ingest --defer-links` stores articles with `links_pending` set
and no links; `link_pending_batch` links the oldest of them, in article-id order, as inline ingest
would have. Every function takes a Session and never commits."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from claims import linking
from claims.db import raw_cursor
from claims.models import Article, Claim

PENDING_BATCH = 200  # articles linked per transaction: one commit per batch, not per article
# Builders of one PostgreSQL store take turns (SQLite's write lock does this there): two builders
# reading the same pending articles would link them twice.
_PG_BUILD_LOCK = 0x636C61696D6C  # "claiml"


@dataclass(slots=True)
class Linked:
    """What linking pending articles did: articles and claims linked, `same` links made."""

    articles: int = 0
    claims: int = 0
    links: int = 0

    def add(self, other: Linked) -> None:
        self.articles += other.articles
        self.claims += other.claims
        self.links += other.links

    def __str__(self) -> str:
        return (
            f"linked {self.articles} article{'s' if self.articles != 1 else ''} "
            f"({self.claims} claim{'s' if self.claims != 1 else ''}): "
            f"{self.links} new link{'s' if self.links != 1 else ''}"
        )


@dataclass(frozen=True, slots=True)
class _PendingClaim:
    # What linking reads of a stored claim (linking.LinkableClaim).
    id: int
    article_id: int
    speaker_id: int | None
    text: str


def count_pending(session: Session) -> int:
    """How many articles are waiting for links."""
    stmt = select(func.count()).select_from(Article).where(col(Article.links_pending).is_(True))
    return int(session.exec(stmt).one())


def link_pending_batch(session: Session, limit: int = PENDING_BATCH) -> Linked:
    """Link the claims of the `limit` oldest articles waiting for links and clear their flag, in
    the caller's transaction; returns what was done (0 articles: none was waiting).

    Articles go in id order, and each one's blocking keys are indexed before the next is linked,
    so each links against every article stored before it, exactly as inline ingest in that order
    (same pairs, relation, state and score). An article stored inline after a pending one (a plain
    ingest running beside a deferred one) is a candidate too, so no link between them is lost.
    """
    cursor = raw_cursor(session)
    if cursor.dialect == "postgresql":
        cursor.run(f"SELECT pg_advisory_xact_lock({_PG_BUILD_LOCK})")
    ids = session.exec(
        select(Article.id).where(col(Article.links_pending).is_(True)).order_by(col(Article.id)).limit(limit)
    ).all()
    if not ids:
        return Linked()
    rows = session.exec(
        select(Claim.id, Claim.article_id, Claim.speaker_id, Claim.text)
        .where(col(Claim.article_id).in_(ids))
        .order_by(col(Claim.article_id), col(Claim.id))
    ).all()
    done = Linked(articles=len(ids), claims=len(rows))
    known: linking.CandidateRows = {}  # claim rows already read in this batch
    for _, claims in groupby((_PendingClaim(*row) for row in rows), key=lambda c: c.article_id):
        done.links += len(linking.link_new_claims(session, list(claims), known))
    session.execute(update(Article).where(col(Article.id).in_(ids)).values(links_pending=False))
    return done
