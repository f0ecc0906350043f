"""The store on SQLite and PostgreSQL, fed with hand-built parser output (no parser needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine, func
from sqlmodel import select

from claims import store
from claims.db import session
from claims.errors import InputError, NotFoundError, StoreError
from claims.models import Claim, ClaimLink, Review, Speaker
from claims.results import Claim as ParsedClaim
from claims.results import ParsedArticle

TEXT = (
    "Headline\n\n"
    '"We will win," Ali Akbar Velayati said on Monday.\n\n'
    '"It is certain," Velayati added.\n\n'
    "The ministry said talks went well.\n"
)


def _claim(body: str, quote: str, speaker: str | None, mention: str | None, **kw: object) -> ParsedClaim:
    start = body.index(quote)
    m_start = body.index(mention, start) if mention and mention in body[start:] else None
    fields: dict[str, object] = {
        "start": start,
        "end": start + len(quote),
        "text": quote,
        "kind": "direct",
        "cue": "said",
        "cue_start": None,
        "cue_end": None,
        "mention": mention,
        "speaker_start": m_start,
        "speaker_end": m_start + len(mention) if m_start is not None and mention else None,
        "speaker": speaker,
        "speaker_kind": "person" if speaker else "unknown",
        "speaker_role": None,
        "date": None,
        "rule": "test",
        "confidence": 0.9,
    }
    fields.update(kw)
    return ParsedClaim(**fields)  # type: ignore[arg-type]


def _article(text: str = TEXT, published: dt.date | None = dt.date(2015, 7, 28)) -> ParsedArticle:
    claims = (
        _claim(text, '"We will win,"', "Ali Akbar Velayati", "Ali Akbar Velayati", date=dt.date(2015, 7, 27)),
        _claim(text, '"It is certain,"', "Ali Akbar Velayati", "Velayati"),
        _claim(
            text,
            "talks went well",
            "the ministry",
            "The ministry",
            kind="indirect",
            speaker_kind="organization",
        ),
    )
    return ParsedArticle(text=text, title="Headline", published=published, outlet="Wire", claims=claims)


def _store(engine: Engine, parsed: ParsedArticle, h: str = "h1") -> int:
    with session(engine) as s:
        article, _ = store.add_article(s, parsed, source="a.txt", content_hash=h)
        assert article.id is not None
        return article.id


def test_add_article_keeps_offsets_and_dates(engine: Engine) -> None:
    article_id = _store(engine, _article())
    with session(engine, write=False) as s:
        article = store.get_article(s, article_id)
        rows = store.article_claims(s, article_id)
    assert [r.text for r in rows] == ['"We will win,"', '"It is certain,"', "talks went well"]
    for row in rows:
        assert article.text[row.start : row.end] == row.text
    assert rows[0].date == dt.date(2015, 7, 27) and rows[0].dated == dt.date(2015, 7, 27)
    assert rows[1].date is None and rows[1].dated == dt.date(2015, 7, 28)  # falls back to published
    assert {r.status for r in rows} == {"unverified"}
    assert rows[0].speaker_id == rows[1].speaker_id is not None


def test_bad_offsets_store_nothing(engine: Engine) -> None:
    good = _article()
    broken = ParsedArticle(
        text=good.text,
        title=None,
        published=None,
        outlet=None,
        claims=(_claim(TEXT, '"We will win,"', "X Y", "X Y", text="something else"),),
    )
    with pytest.raises(StoreError, match="does not match"), session(engine) as s:
        store.add_article(s, broken, source="bad.txt", content_hash="bad")
    with session(engine) as s:
        assert store.count_rows(s)["articles"] == 0


def test_existing_hashes(engine: Engine) -> None:
    _store(engine, _article(), "h1")
    with session(engine, write=False) as s:
        assert store.existing_hashes(s, ["h1", "h2"]) == {"h1"}
        assert store.existing_hashes(s, []) == set()
        assert store.article_by_hash(s, "h2") is None


@pytest.mark.parametrize("query", ["velayati", "VELAYATI", "Véláyati", "Ali Akbar Velayati", "ali velayati"])
def test_speaker_matching(engine: Engine, query: str) -> None:
    _store(engine, _article())
    with session(engine, write=False) as s:
        rows = store.list_claims(s, store.ClaimFilter(speaker=query))
    assert [r.text for r in rows] == ['"We will win,"', '"It is certain,"']
    assert {r.speaker for r in rows} == {"Ali Akbar Velayati"}


@pytest.mark.parametrize("query", ["ali", "akbar", "velay", "he", "the", "Hossein Velayati"])
def test_speaker_non_matches(engine: Engine, query: str) -> None:
    _store(engine, _article())
    with session(engine, write=False) as s:
        assert store.list_claims(s, store.ClaimFilter(speaker=query)) == []


def test_speaker_found_once_across_articles(engine: Engine) -> None:
    _store(engine, _article(), "h1")
    other = TEXT.replace("Headline", "Other story")
    _store(engine, _article(other), "h2")
    with session(engine, write=False) as s:
        speakers = store.list_speakers(s)
        assert s.exec(select(func.count()).select_from(Speaker)).one() == 2
    velayati = speakers[0]
    assert velayati.name == "Ali Akbar Velayati" and velayati.claims == 4
    assert velayati.by_status == {"unverified": 4}
    assert velayati.aliases == ["Ali Akbar Velayati", "Velayati"]


def test_unknown_speaker_is_null(engine: Engine) -> None:
    text = 'Intro.\n\n"Nobody knows who said this," the text goes.\n'
    parsed = ParsedArticle(
        text=text,
        title=None,
        published=None,
        outlet=None,
        claims=(_claim(text, '"Nobody knows who said this,"', None, None),),
    )
    article_id = _store(engine, parsed)
    with session(engine, write=False) as s:
        (row,) = store.article_claims(s, article_id)
        assert s.exec(select(func.count()).select_from(Speaker)).one() == 0
    assert row.speaker_id is None and row.speaker is None and row.dated is None


def test_filters(engine: Engine) -> None:
    _store(engine, _article(), "h1")
    _store(engine, _article(TEXT.replace("Headline", "Later"), published=dt.date(2016, 1, 2)), "h2")
    with session(engine, write=False) as s:

        def texts(**kw: object) -> list[str]:
            return [f"{r.article_id}:{r.text}" for r in store.list_claims(s, store.ClaimFilter(**kw))]  # type: ignore[arg-type]

        assert len(texts()) == 6
        assert texts(kind="indirect") == ["1:talks went well", "2:talks went well"]
        # the first quote says when it was said (2015-07-27) in both articles
        assert texts(since=dt.date(2016, 1, 1)) == ['2:"It is certain,"', "2:talks went well"]
        assert texts(until=dt.date(2015, 7, 27)) == ['1:"We will win,"', '2:"We will win,"']
        assert len(texts(article_id=2)) == 3
        assert len(texts(outlet="wire")) == 6 and texts(outlet="Other") == []
        assert texts(limit=2, offset=1) == ['2:"We will win,"', '1:"It is certain,"']
        # sorted by said-on, falling back to the published date
        assert texts()[0] == '1:"We will win,"' and texts()[-1].startswith("2:")


def test_reviews_append_and_set_status(engine: Engine) -> None:
    _store(engine, _article())
    with session(engine) as s:
        store.record_reviews(
            s, [1], "verified", reviewer="ann", note="ok", evidence=["https://example.org/a"]
        )
    with session(engine) as s:
        store.record_reviews(s, [1, 2], "disputed", reviewer="bob")
    with session(engine, write=False) as s:
        detail = store.claim_detail(s, 1)
        assert store.list_claims(s, store.ClaimFilter(status="disputed"))[0].id == 1
    assert detail.claim.status == "disputed"
    assert [(r.status, r.reviewer, r.evidence) for r in detail.reviews] == [
        ("verified", "ann", ["https://example.org/a"]),
        ("disputed", "bob", []),
    ]
    assert detail.reviews[0].at.tzinfo is not None
    assert "Ali Akbar Velayati said on Monday" in detail.context
    assert detail.article.title == "Headline" and detail.speaker is not None


@pytest.mark.parametrize(
    "ids, status, evidence, error",
    [
        ([1, 99], "verified", [], NotFoundError),
        ([98, 99], "verified", [], NotFoundError),
        ([1], "true", [], InputError),
        ([1], "verified", ["javascript:alert(1)"], InputError),
        ([1], "verified", ["ftp://example.org/x"], InputError),
        ([1], "verified", ["https://"], InputError),
    ],
)
def test_review_errors_change_nothing(
    engine: Engine, ids: list[int], status: str, evidence: list[str], error: type[Exception]
) -> None:
    _store(engine, _article())
    with pytest.raises(error), session(engine) as s:
        store.record_reviews(s, ids, status, reviewer="ann", evidence=evidence)
    with session(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(Review)).one() == 0
        assert set(s.exec(select(Claim.status)).all()) == {"unverified"}


def test_claim_detail_lists_links(engine: Engine) -> None:
    _store(engine, _article())
    with session(engine) as s:
        s.add(ClaimLink(a_id=2, b_id=1, relation="same", score=0.95))
    with session(engine, write=False) as s:
        (link,) = store.claim_detail(s, 1).links
        assert store.claim_detail(s, 2).links[0].other_id == 1
    assert link.other_id == 2 and link.relation == "same" and link.other_status == "unverified"


def test_unknown_ids(engine: Engine) -> None:
    with session(engine, write=False) as s:
        with pytest.raises(NotFoundError, match="no claim with ID 5"):
            store.claim_detail(s, 5)
        with pytest.raises(NotFoundError, match="no article with ID 5"):
            store.article_claims(s, 5)


@pytest.mark.parametrize(
    "name, key",
    [
        ("Ali Akbar Velayati", "ali akbar velayati"),
        ("Véláyati’s", "velayati s"),
        ("  ÉMILE  Zola ", "emile zola"),
    ],
)
def test_normalise_key(name: str, key: str) -> None:
    assert store.normalise_key(name) == key


def test_punctuation_only_speaker_is_stored_without_one(engine: Engine) -> None:
    text = 'Intro.\n\n"A line," --- said.\n'
    parsed = ParsedArticle(
        text=text, title=None, published=None, outlet=None, claims=(_claim(text, '"A line,"', "---", "---"),)
    )
    article_id = _store(engine, parsed)
    with session(engine, write=False) as s:
        (row,) = store.article_claims(s, article_id)
    assert row.speaker_id is None
