"""Every query and write of the claims store. Each function takes an open Session and never commits:
the caller owns the transaction (`with claims.db.session(engine) as s:` or `with Session(e) as s, s.begin():`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import func, or_
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from claims.db import raw_cursor
from claims.errors import NotFoundError, StoreError
from claims.models import (
    Article,
    ArticlePublic,
    Claim,
    ClaimDetail,
    ClaimLink,
    ClaimLinkPublic,
    ClaimPublic,
    Review,
    ReviewPublic,
    Speaker,
    Status,
    utcnow,
)
from claims.results import ParsedArticle

# Speaker queries live in claims.speaker_store; the ones callers reach as `store.X` are re-exported.
from claims.speaker_store import SpeakerCache as SpeakerCache
from claims.speaker_store import find_or_create_speaker as find_or_create_speaker
from claims.speaker_store import find_speaker_ids as find_speaker_ids
from claims.speaker_store import list_speakers as list_speakers
from claims.speaker_store import normalise_key as normalise_key
from claims.speaker_store import speaker_ids
from claims.speaker_store import speaker_public as speaker_public

# Reviews are recorded in claims.verdicts; re-exported for the callers that reach them as `store.X`.
from claims.verdicts import check_evidence as check_evidence
from claims.verdicts import record_reviews as record_reviews

_CONTEXT_CHARS = 600


# --- articles ---------------------------------------------------------------------------------


def existing_hashes(session: Session, hashes: Iterable[str]) -> set[str]:
    """Which of `hashes` are already stored (one query)."""
    wanted = list(set(hashes))
    if not wanted:
        return set()
    found = session.exec(select(Article.content_hash).where(col(Article.content_hash).in_(wanted))).all()
    return set(found)


def article_by_hash(session: Session, content_hash: str) -> int | None:
    """The id of the stored article with this content hash, or None."""
    rows = raw_cursor(session).rows("SELECT id FROM article WHERE content_hash = ?", (content_hash,))
    return int(rows[0][0]) if rows else None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article row just written by `add_article`."""

    id: int
    source: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim row just written by `add_article`: what linking and the caller read of it."""

    id: int
    article_id: int
    speaker_id: int | None
    text: str
    start: int
    end: int
    kind: str


def add_article(
    session: Session,
    parsed: ParsedArticle,
    *,
    source: str,
    content_hash: str,
    url: str | None = None,
    speakers: SpeakerCache | None = None,
    links_pending: bool = False,
) -> tuple[StoredArticle, list[StoredClaim]]:
    """Store a parsed article and its claims; returns the new rows (written, so they have ids).
    `links_pending` marks it as waiting for `claims links build` (`claims.deferred_links`).

    `speakers` remembers speakers across the articles of one ingest run (clear it after a failed
    transaction). Raises StoreError when a claim's offsets do not slice back to its text, so
    nothing half-true is stored.
    """
    for claim in parsed.claims:
        if parsed.text[claim.start : claim.end] != claim.text:
            raise StoreError(f"{source}: claim at {claim.start}-{claim.end} does not match the article text")
    # Plain DBAPI statements, not ORM objects or Core: ingest writes thousands of these rows a second.
    cursor = raw_cursor(session)
    add = cursor.insert(Article.__table__, _ARTICLE_COLUMNS, returning="id")  # type: ignore[attr-defined]
    row = (
        source, url, parsed.title, parsed.outlet, parsed.published, parsed.text, content_hash, utcnow(),
        links_pending,
    )  # fmt: skip
    article_id = int(cursor.rows(add.sql, add.values(row))[0][0])
    article = StoredArticle(article_id, source, content_hash)
    cache = speakers if speakers is not None else SpeakerCache()
    add = cursor.insert(Claim.__table__, _CLAIM_COLUMNS, returning="id")  # type: ignore[attr-defined]
    rows = []
    # One statement per claim, so each id is known to belong to its claim (a multi-row RETURNING
    # promises no order).
    for claim, speaker_id in zip(parsed.claims, speaker_ids(session, cache, parsed.claims), strict=True):
        values = (
            article_id, speaker_id, claim.mention, claim.speaker_start, claim.speaker_end,
            claim.speaker_kind, claim.speaker_role, claim.kind, claim.cue, claim.text, claim.start,
            claim.end, claim.date, claim.date or parsed.published, claim.rule, claim.confidence,
            Status.unverified.value,
        )  # fmt: skip
        claim_id = int(cursor.rows(add.sql, add.values(values))[0][0])
        stored = StoredClaim(claim_id, article_id, speaker_id, claim.text, claim.start, claim.end, claim.kind)
        rows.append(stored)
    return article, rows


# Column orders of the rows add_article writes.
_ARTICLE_COLUMNS = (
    "source", "url", "title", "outlet", "published", "text", "content_hash", "ingested_at", "links_pending",
)  # fmt: skip
_CLAIM_COLUMNS = (
    "article_id", "speaker_id", "mention", "speaker_start", "speaker_end", "speaker_kind",
    "speaker_role", "kind", "cue", "text", "start", "end", "said_on", "dated", "rule", "confidence",
    "status",
)  # fmt: skip


def get_article(session: Session, article_id: int) -> Article:
    """The article with this id; raises NotFoundError."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with ID {article_id}")
    return article


def article_public(article: Article) -> ArticlePublic:
    return ArticlePublic.model_validate(article, from_attributes=True)


def article_claims(session: Session, article_id: int) -> list[ClaimPublic]:
    """The claims of one article in text order; raises NotFoundError for an unknown article."""
    get_article(session, article_id)
    stmt = _claim_rows().where(Claim.article_id == article_id).order_by(col(Claim.start), col(Claim.id))
    return [_claim_public(*row) for row in session.exec(stmt).all()]


# --- claims -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """What `claims list` asks for. Dates compare with `Claim.dated` (said-on, else published)."""

    speaker: str | None = None
    status: str | None = None
    kind: str | None = None
    outlet: str | None = None
    article_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = 100
    offset: int = 0


def apply_claim_filter(session: Session, stmt: Any, flt: ClaimFilter) -> Any | None:
    """`stmt` (a select over claim rows joined to their article) narrowed by every condition of
    `flt`; None when the speaker filter names nobody. Shared by `list_claims` and search."""
    if flt.speaker is not None:
        ids = find_speaker_ids(session, flt.speaker)
        if not ids:
            return None
        stmt = stmt.where(col(Claim.speaker_id).in_(ids))
    if flt.status is not None:
        stmt = stmt.where(Claim.status == flt.status)
    if flt.kind is not None:
        stmt = stmt.where(Claim.kind == flt.kind)
    if flt.outlet is not None:
        stmt = stmt.where(func.lower(Article.outlet) == flt.outlet.casefold())
    if flt.article_id is not None:
        stmt = stmt.where(Claim.article_id == flt.article_id)
    if flt.since is not None:
        stmt = stmt.where(col(Claim.dated) >= flt.since)
    if flt.until is not None:
        stmt = stmt.where(col(Claim.dated) <= flt.until)
    return stmt


def list_claims(session: Session, flt: ClaimFilter) -> list[ClaimPublic]:
    """Claims matching `flt`, oldest first by `dated` then id.

    The speaker is resolved to ids first (through the indexed alias keys), so the claim query is an
    index range on (speaker_id, dated).
    """
    stmt = apply_claim_filter(session, _claim_rows(), flt)
    if stmt is None:
        return []
    stmt = stmt.order_by(col(Claim.dated).asc().nulls_last(), col(Claim.id)).offset(flt.offset)  # same order on both backends
    if flt.limit:
        stmt = stmt.limit(flt.limit)
    return [_claim_public(*row) for row in session.exec(stmt).all()]


def get_claim(session: Session, claim_id: int) -> Claim:
    """The claim with this id; raises NotFoundError."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with ID {claim_id}")
    return claim


def claim_detail(session: Session, claim_id: int) -> ClaimDetail:
    """The claim with its context, article, speaker, full review history and links; raises NotFoundError."""
    row = session.exec(_claim_rows().where(Claim.id == claim_id)).first()
    if row is None:
        raise NotFoundError(f"no claim with ID {claim_id}")
    claim, _, _, _ = row
    article = get_article(session, claim.article_id)
    reviews = session.exec(
        select(Review).where(Review.claim_id == claim_id).order_by(col(Review.at), col(Review.id))
    ).all()
    return ClaimDetail(
        claim=_claim_public(*row),
        context=context_of(article.text, claim.start, claim.end),
        article=article_public(article),
        speaker=speaker_public(session, claim.speaker_id) if claim.speaker_id is not None else None,
        reviews=[ReviewPublic.model_validate(r, from_attributes=True) for r in reviews],
        links=claim_links(session, claim_id),
    )


def claim_links(session: Session, claim_id: int) -> list[ClaimLinkPublic]:
    """Links from or to this claim, seen from it, with the other claim's status and speaker."""
    links = session.exec(
        select(ClaimLink)
        .where(or_(col(ClaimLink.a_id) == claim_id, col(ClaimLink.b_id) == claim_id))
        .order_by(col(ClaimLink.id))
    ).all()
    # The other ends in one query, not one per link: a much-syndicated quote gathers many links.
    other_ids = {link.b_id if link.a_id == claim_id else link.a_id for link in links}
    others = {
        row[0]: row[1:]
        for row in session.exec(
            select(Claim.id, Claim.status, Claim.text, Speaker.name)
            .outerjoin(Speaker, col(Claim.speaker_id) == col(Speaker.id))
            .where(col(Claim.id).in_(other_ids))
        ).all()
    } if other_ids else {}
    out = []
    for link in links:
        assert link.id is not None
        other_id = link.b_id if link.a_id == claim_id else link.a_id
        other = others.get(other_id)
        if other is None:
            continue
        out.append(
            ClaimLinkPublic(
                id=link.id,
                other_id=other_id,
                relation=link.relation,
                score=link.score,
                origin=link.origin,
                state=link.state,
                other_status=other[0],
                other_text=other[1],
                other_speaker=other[2],
            )
        )
    return out


def context_of(article_text: str, start: int, end: int) -> str:
    """The paragraph (text between blank-or-line breaks) holding `start:end`, cut to a readable length."""
    left = article_text.rfind("\n", 0, start) + 1
    right = article_text.find("\n", end)
    right = len(article_text) if right == -1 else right
    left = max(left, start - _CONTEXT_CHARS)
    right = min(right, end + _CONTEXT_CHARS)
    return article_text[left:right].strip()


def count_rows(session: Session) -> dict[str, int]:
    """How many articles, claims, speakers, reviews and links are stored."""
    tables = {
        "articles": Article,
        "claims": Claim,
        "speakers": Speaker,
        "reviews": Review,
        "links": ClaimLink,
    }
    return {
        name: session.exec(select(func.count()).select_from(model)).one() for name, model in tables.items()
    }


# --- rows -------------------------------------------------------------------------------------


def _claim_rows() -> Select[Claim, str | None, str | None, str | None]:
    # The speaker's name is None when the outer join finds no speaker.
    name = cast("Mapped[str | None]", col(Speaker.name))
    return (
        select(Claim, name, col(Article.outlet), col(Article.title))
        .join(Article, col(Claim.article_id) == col(Article.id))
        .outerjoin(Speaker, col(Claim.speaker_id) == col(Speaker.id))
    )


def _claim_public(claim: Claim, speaker: str | None, outlet: str | None, title: str | None) -> ClaimPublic:
    assert claim.id is not None
    return ClaimPublic(
        id=claim.id,
        article_id=claim.article_id,
        speaker_id=claim.speaker_id,
        status=claim.status,
        start=claim.start,
        end=claim.end,
        text=claim.text,
        kind=claim.kind,
        cue=claim.cue,
        mention=claim.mention,
        speaker_start=claim.speaker_start,
        speaker_end=claim.speaker_end,
        speaker=speaker,
        speaker_kind=claim.speaker_kind,
        speaker_role=claim.speaker_role,
        date=claim.said_on,
        dated=claim.dated,
        rule=claim.rule,
        confidence=claim.confidence,
        outlet=outlet,
        title=title,
    )
