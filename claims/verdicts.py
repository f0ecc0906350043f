"""Verdicts on claims: one review per claim with its new status (`record_reviews`), and the same
verdict carried to every copy linked as confirmed `same` (`same_group`, `propagate_reviews`).
Every function takes a Session and never commits."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from urllib.parse import urlsplit

from sqlalchemy import or_
from sqlmodel import Session, col, select

from claims.errors import InputError, NotFoundError
from claims.models import Claim, ClaimLink, LinkState, Relation, Review, Status

CONFIRMED = LinkState.confirmed.value


def check_evidence(urls: Iterable[str]) -> list[str]:
    """The evidence URLs, stripped; raises InputError naming the first one that is not http(s)."""
    out = []
    for url in urls:
        value = url.strip()
        parts = urlsplit(value)
        if (
            parts.scheme.lower() not in ("http", "https")
            or not parts.netloc
            or any(c.isspace() or not c.isprintable() for c in value)  # no control characters
        ):
            raise InputError(f"evidence must be an http(s) URL, not {url!r}")
        out.append(value)
    return out


def record_reviews(
    session: Session,
    claim_ids: Sequence[int],
    status: str,
    *,
    reviewer: str,
    note: str | None = None,
    evidence: Sequence[str] = (),
    origin_claim_id: int | None = None,
) -> list[Review]:
    """Append one review per claim and set each claim's status, in the caller's transaction.

    Raises InputError for an unknown status or a non-http(s) evidence URL and NotFoundError for unknown
    claim ids, before anything is written.
    """
    try:
        value = Status(status).value
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InputError(f"unknown status {status!r} (choose from {choices})") from None
    urls = check_evidence(evidence)
    ids = list(dict.fromkeys(claim_ids))
    claims = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(ids))).all()}
    missing = [i for i in ids if i not in claims]
    if missing:
        listed = ", ".join(str(i) for i in missing)
        raise NotFoundError(
            f"no claim with ID {listed}" if len(missing) == 1 else f"no claims with IDs {listed}"
        )
    reviews = []
    for claim_id in ids:
        claims[claim_id].status = value
        session.add(claims[claim_id])
        review = Review(
            claim_id=claim_id,
            status=value,
            note=note,
            evidence=urls,
            reviewer=reviewer,
            origin_claim_id=origin_claim_id,
        )
        session.add(review)
        reviews.append(review)
    session.flush()
    return reviews


def same_group(session: Session, claim_id: int) -> list[int]:
    """Every claim reachable from `claim_id` through confirmed `same` links, itself excluded,
    in id order (`same` is an equivalence: a copy of a copy is a copy)."""
    seen = {claim_id}
    frontier = [claim_id]
    while frontier:
        rows = session.exec(
            select(ClaimLink.a_id, ClaimLink.b_id).where(
                ClaimLink.relation == Relation.same.value,
                ClaimLink.state == CONFIRMED,
                or_(col(ClaimLink.a_id).in_(frontier), col(ClaimLink.b_id).in_(frontier)),
            )
        ).all()
        frontier = [i for pair in rows for i in pair if i not in seen]
        seen.update(frontier)
    seen.discard(claim_id)
    return sorted(seen)


def propagate_review(
    session: Session, claim_id: int, review: Review, skip: Collection[int] = ()
) -> list[Review]:
    """Record `review` (just made on `claim_id`) on every claim linked to it as confirmed `same`,
    except those in `skip`: each gets its own Review naming the origin claim, and takes its status.
    Never commits. Returns the new reviews, flushed.
    """
    out: list[Review] = []
    for other_id in same_group(session, claim_id):
        if other_id in skip:
            continue
        other = session.get(Claim, other_id)
        if other is None:
            continue
        other.status = review.status
        session.add(other)
        copy = Review(
            claim_id=other_id,
            status=review.status,
            note=review.note,
            evidence=list(review.evidence),
            reviewer=review.reviewer,
            origin_claim_id=claim_id,
        )
        session.add(copy)
        out.append(copy)
    session.flush()
    return out


def propagate_reviews(session: Session, reviews: Sequence[Review]) -> list[Review]:
    """`propagate_review` for each of `reviews` (made together, e.g. `claims verify 3 5 --propagate`),
    each claim reviewed once: a claim reviewed directly or by an earlier origin is not reviewed again."""
    done = {r.claim_id for r in reviews}
    out: list[Review] = []
    for review in reviews:
        copies = propagate_review(session, review.claim_id, review, skip=done)
        done.update(c.claim_id for c in copies)
        out.extend(copies)
    return out
