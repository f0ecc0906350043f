"""ClaimReview JSON-LD: every property allowed on its schema.org type, values of the right type,
Google's required and recommended properties present."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from schemaorg_vocab import missing_recommended, validate

from claims.claimreview import Appearance, ReviewedClaim, claimreview

HERALD = Appearance(
    url="https://harbourherald.example/2021/03/03/water-rationing",
    headline="Water rationing looms as reservoirs fall to record low",
    published=dt.date(2021, 3, 3),
    outlet="Harbour Herald",
)
LEDGER = Appearance(url=None, headline="Minister warns of rationing as drought grips the east",
                    published=dt.date(2021, 3, 4), outlet="The Daily Ledger")  # fmt: skip
QUOTE = (
    '"We will not allow the reservoirs to run dry this summer, and rationing will begin in the '
    'eastern districts on Monday if the rain does not come,"'
)


def _row(**changes: object) -> ReviewedClaim:
    base = {
        "claim_id": 7,
        "text": QUOTE,
        "status": "verified",
        "speaker": "Inés Carvalho",
        "speaker_kind": "person",
        "said_on": dt.date(2021, 3, 2),
        "appearances": (HERALD, LEDGER),
        "note": "The rationing order was published in the official gazette.",
        "evidence": ("https://gazette.example/2021/03/rationing-order",),
        "reviewer": "Dana Ortiz",
        "reviewed_at": dt.datetime(2021, 3, 5, 10, 30, tzinfo=dt.UTC),
    }
    base.update(changes)
    return ReviewedClaim(**base)  # type: ignore[arg-type]


def test_full_review_is_valid_and_complete() -> None:
    [doc] = claimreview(
        [_row()], publisher="Reservoir Check", url_template="https://check.example/claims/{id}"
    )
    assert validate(doc) == []
    assert missing_recommended(doc) == []
    assert doc["url"] == "https://check.example/claims/7"
    assert doc["claimReviewed"].startswith("We will not allow")
    assert not doc["claimReviewed"].endswith((",", '"'))
    assert doc["itemReviewed"]["author"] == {"@type": "Person", "name": "Inés Carvalho"}
    assert doc["itemReviewed"]["datePublished"] == "2021-03-02"
    assert doc["itemReviewed"]["firstAppearance"]["url"] == HERALD.url
    assert doc["reviewRating"]["alternateName"] == "True"
    assert doc["author"] == {"@type": "Organization", "name": "Reservoir Check"}
    assert doc["datePublished"] == "2021-03-05"
    json.dumps(doc)  # plain JSON types only


@pytest.mark.parametrize(
    "status, label", [("verified", "True"), ("disputed", "False"), ("inconclusive", "Unproven")]
)
def test_rating_follows_status_and_stays_on_scale(status: str, label: str) -> None:
    [doc] = claimreview([_row(status=status)])
    rating = doc["reviewRating"]
    assert rating["alternateName"] == label
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert validate(doc) == []


@pytest.mark.parametrize("status", ["unverified", "in-review"])
def test_claims_without_a_verdict_are_not_exported(status: str) -> None:
    assert claimreview([_row(status=status)]) == []


def test_minimal_row_falls_back_to_evidence_url_and_reviewer() -> None:
    row = _row(appearances=(LEDGER,), said_on=None, note=None)
    [doc] = claimreview([row])
    assert validate(doc) == []
    assert doc["url"] == "https://gazette.example/2021/03/rationing-order"
    assert doc["author"] == {"@type": "Person", "name": "Dana Ortiz"}
    assert doc["itemReviewed"]["datePublished"] == "2021-03-04"  # from the article when undated
    assert doc["itemReviewed"]["appearance"]["@type"] == "NewsArticle"


def test_group_speaker_is_an_organization_and_unknown_has_no_author() -> None:
    [group] = claimreview([_row(speaker="US officials", speaker_kind="group")])
    assert group["itemReviewed"]["author"]["@type"] == "Organization"
    [unknown] = claimreview([_row(speaker=None, speaker_kind="unknown")])
    assert "author" not in unknown["itemReviewed"]
    assert validate(group) == [] and validate(unknown) == []


def test_no_url_at_all_is_reported_by_the_validator() -> None:
    [doc] = claimreview([_row(evidence=())])
    assert "$: Google requires 'url' on ClaimReview" in validate(doc)


@pytest.mark.parametrize(
    "mutate, problem",
    [
        (lambda d: d.update(verdict="True"), "ClaimReview has no property 'verdict'"),
        (lambda d: d["itemReviewed"].update(headline=5), "headline: 5 is not Text"),
        (lambda d: d["itemReviewed"].update(datePublished="March 2021"), "is not Date or DateTime"),
        (lambda d: d["reviewRating"].pop("alternateName"), "Google requires 'alternateName' on Rating"),
        (lambda d: d["itemReviewed"].update({"@type": "Verdict"}), "itemReviewed: {'@type': 'Verdict'"),
        (lambda d: d["itemReviewed"]["appearance"][0].update({"@type": "Person"}), "is not CreativeWork"),
        (lambda d: d["itemReviewed"].update(author={"@type": "Rating"}), "is not Person or Organization"),
        (lambda d: d.update(url="not a url"), "url: 'not a url' is not URL"),
    ],
)
def test_validator_rejects_what_schema_org_does_not_allow(mutate, problem: str) -> None:  # type: ignore[no-untyped-def]
    [doc] = claimreview([_row()], url_template="https://check.example/claims/{id}")
    mutate(doc)
    assert any(problem in e for e in validate(doc)), validate(doc)
