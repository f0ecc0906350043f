"""schema.org ClaimReview JSON-LD for reviewed claims, with the properties Google's fact-check
structured data asks for (claimReviewed, reviewRating with alternateName, url; itemReviewed Claim
with author, datePublished and appearance; the review's author and datePublished)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from claims.models import Article, Claim, ClaimPublic, Review
from claims.verdicts import same_group

# Review status -> (alternateName shown to readers, ratingValue on a WORST..BEST scale).
RATINGS: dict[str, tuple[str, int]] = {
    "verified": ("True", 5),
    "inconclusive": ("Unproven", 3),
    "disputed": ("False", 1),
}
WORST, BEST = 1, 5
_QUOTE_MARKS = "\"'\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"


@dataclass(frozen=True, slots=True)
class Appearance:
    """An article a claim appeared in."""

    url: str | None
    headline: str | None
    published: dt.date | None = None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewedClaim:
    """A claim with its latest review, as `claimreview` needs it.

    `appearances` starts with the claim's own article, then the articles of the claims linked to it
    as `same`; `speaker_kind` is one of `claims.results.SPEAKER_KINDS`.
    """

    claim_id: int
    text: str
    status: str
    speaker: str | None
    speaker_kind: str | None
    said_on: dt.date | None
    appearances: tuple[Appearance, ...] = ()
    note: str | None = None
    evidence: tuple[str, ...] = ()
    reviewer: str | None = None
    reviewed_at: dt.datetime | None = None


def _claim_summary(text: str) -> str:
    # A direct quote as said: without its outer quote marks and the comma before the attribution.
    body = text.strip()
    if len(body) > 1 and body[0] in _QUOTE_MARKS and body[-1] in _QUOTE_MARKS:
        body = body[1:-1].strip().rstrip(",").strip()
    return body


def _party(name: str, kind: str | None) -> dict[str, Any]:
    schema_type = "Organization" if kind in ("organization", "group") else "Person"
    return {"@type": schema_type, "name": name}


def _appearance(a: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle"}
    if a.url:
        work["url"] = a.url
    if a.headline:
        work["headline"] = a.headline
    if a.published:
        work["datePublished"] = a.published.isoformat()
    if a.outlet:
        work["publisher"] = {"@type": "Organization", "name": a.outlet}
    return work


def _item_reviewed(row: ReviewedClaim) -> dict[str, Any]:
    claim: dict[str, Any] = {"@type": "Claim"}
    if row.speaker and row.speaker_kind not in (None, "unknown"):
        claim["author"] = _party(row.speaker, row.speaker_kind)
    appearances = [a for a in row.appearances if a.url or a.headline]
    dated = sorted((a for a in appearances if a.published), key=lambda a: a.published or dt.date.min)
    said_on = row.said_on or (dated[0].published if dated else None)
    if said_on:
        claim["datePublished"] = said_on.isoformat()
    if len(appearances) == 1:
        claim["appearance"] = _appearance(appearances[0])
    elif appearances:
        claim["appearance"] = [_appearance(a) for a in appearances]
        if dated:
            claim["firstAppearance"] = _appearance(dated[0])
    return claim


def claimreview(
    rows: Iterable[ReviewedClaim], publisher: str | None = None, url_template: str | None = None
) -> list[dict[str, Any]]:
    """One ClaimReview JSON-LD object per row whose status is a verdict (see RATINGS); other rows
    (unverified, in review) are skipped.

    The review's `url` is `url_template` filled with `{id}` (the fact check's page on the desk's
    site), else the first evidence URL, else absent. The review's author is the `publisher`
    organisation, else the reviewer as a Person.
    """
    out: list[dict[str, Any]] = []
    for row in rows:
        if row.status not in RATINGS:
            continue
        label, value = RATINGS[row.status]
        review: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
        if url_template:
            review["url"] = url_template.format(id=row.claim_id)
        elif row.evidence:
            review["url"] = row.evidence[0]
        review["claimReviewed"] = _claim_summary(row.text)
        review["itemReviewed"] = _item_reviewed(row)
        review["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": label,
        }
        if publisher:
            review["author"] = {"@type": "Organization", "name": publisher}
        elif row.reviewer:
            review["author"] = {"@type": "Person", "name": row.reviewer}
        if row.reviewed_at:
            review["datePublished"] = row.reviewed_at.date().isoformat()
        if row.note:
            review["reviewBody"] = row.note
        if row.evidence:
            review["citation"] = [{"@type": "CreativeWork", "url": url} for url in row.evidence]
        out.append(review)
    return out


def _appearance_of(article: Article) -> Appearance:
    url = article.url or (article.source if article.source.startswith(("http://", "https://")) else None)
    return Appearance(url=url, headline=article.title, published=article.published, outlet=article.outlet)


def reviewed_claims(session: Session, claims: Sequence[ClaimPublic]) -> list[ReviewedClaim]:
    """The `claims` that carry a verdict, with their latest review and every article the same
    statement appeared in (their own first, then those of claims linked as confirmed `same`)."""
    rated = [c for c in claims if c.status in RATINGS]
    ids = [c.id for c in rated]
    latest: dict[int, Review] = {}
    for row in session.exec(
        select(Review).where(col(Review.claim_id).in_(ids)).order_by(col(Review.at), col(Review.id))
    ).all():
        latest[row.claim_id] = row
    out = []
    for c in rated:
        group = [c.id, *same_group(session, c.id)]
        article_ids = session.exec(select(Claim.article_id).where(col(Claim.id).in_(group))).all()
        own = session.get(Article, c.article_id)
        articles = [own] if own else []
        others = set(article_ids) - {c.article_id}
        if others:
            articles += session.exec(
                select(Article).where(col(Article.id).in_(others)).order_by(col(Article.id))
            ).all()
        review = latest.get(c.id)
        out.append(
            ReviewedClaim(
                claim_id=c.id,
                text=c.text,
                status=c.status,
                speaker=c.speaker,
                speaker_kind=c.speaker_kind,
                said_on=c.date,
                appearances=tuple(_appearance_of(a) for a in articles),
                note=review.note if review else None,
                evidence=tuple(review.evidence) if review else (),
                reviewer=review.reviewer if review else None,
                reviewed_at=review.at if review else None,
            )
        )
    return out
