"""`claims search`: ranked full-text search on SQLite FTS5 and PostgreSQL, with the list filters,
kept in sync with the claims table."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete
from typer.testing import CliRunner

from claims import store
from claims.cli import app
from claims.db import session
from claims.errors import InputError
from claims.models import Article
from claims.results import Claim as ParsedClaim
from claims.results import ParsedArticle
from claims.search import fts5_query, search_claims

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "iran-iraq-military-support.txt"
LINKING = ROOT / "fixtures" / "linking"
runner = CliRunner()


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def found(*args: str) -> list[dict[str, Any]]:
    return json.loads(run("search", *args, "--format", "json").stdout)


@pytest.fixture
def stored(db_url: str) -> str:
    run("ingest", str(SEED), str(LINKING))
    return db_url


def test_air_strikes_finds_the_us_officials_claim(stored: str) -> None:
    [hit] = found("air strikes")
    assert hit["speaker"] == "US officials"
    assert "carried out air strikes against ISIS" in hit["text"]
    assert hit["relevance"] > 0
    table = run("search", "air strikes").stdout
    assert "US officials" in table


def test_stems_case_accents_phrases_exclusion_or(stored: str) -> None:
    assert [h["speaker"] for h in found("AIR STRIKE")] == ["US officials"]  # stem and case
    panic = found("panic buying")
    assert len(panic) == 2 and all("panic buying" in h["text"] for h in panic)
    assert found('"buying panic"') == []  # a phrase keeps its order
    assert {h["id"] for h in found("reservoirs -bottled")} == {h["id"] for h in found("reservoirs")}
    assert found("panic -bottled") == []
    either = {h["id"] for h in found("nurse OR Ramadi")}
    assert either == {h["id"] for h in found("nurse")} | {h["id"] for h in found("Ramadi")}
    assert len(either) >= 2


def test_ranked_best_first(stored: str) -> None:
    hits = found("reservoirs rationing eastern districts")
    assert len(hits) >= 3
    scores = [h["relevance"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all("reservoirs" in h["text"] for h in hits[:3])  # the full quotes before the fragment


def test_list_filters_apply(stored: str) -> None:
    assert found("rationing", "--speaker", "velayati") == []
    carvalho = found("rationing", "--speaker", "carvalho")
    assert carvalho and {h["speaker"] for h in carvalho} == {"Ines Carvalho"}
    assert {h["outlet"] for h in found("rationing", "--outlet", "capital courier")} == {"Capital Courier"}
    assert found("rationing", "--since", "2022-01-01") == []
    assert found("rationing", "--status", "verified") == []
    first = carvalho[0]["id"]
    run("verify", str(first))
    assert [h["id"] for h in found("rationing", "--status", "verified")] == [first]
    assert len(found("rationing", "--limit", "1")) == 1
    assert found("ISIS", "--kind", "direct") == []
    assert found("nothingmatchesthis") == []


@pytest.mark.parametrize("query", ["", "  ", "-", '""', "... ?"])
def test_a_query_without_words_is_an_error(stored: str, query: str) -> None:
    result = run("search", query, code=1)
    assert result.stderr.startswith("Error: search ") and "has no words to look for" in result.stderr


def test_bad_date_is_a_usage_error(stored: str) -> None:
    assert "2015-13-40" in run("search", "x", "--since", "2015-13-40", code=2).stderr


@pytest.mark.parametrize(
    "query, expected",
    [
        ("air strikes", '("air" "strikes")'),
        ('"panic buying" water', '("panic buying" "water")'),
        ("rationing -bottled", '("rationing") NOT "bottled"'),
        ("a OR b c", '(("a" OR "b") "c")'),
        ("OR a", '("a")'),
        ('NEAR(a b) col:x "unclosed', '("NEAR a" "b" "col x" "unclosed")'),  # FTS5 syntax is just words
        ("Iran\u2019s U.S.-backed", '("Iran s" "U S backed")'),
    ],
)
def test_fts5_query(query: str, expected: str) -> None:
    assert fts5_query(query) == expected


def test_fts5_query_rejects_nothing_to_find() -> None:
    with pytest.raises(InputError):
        fts5_query("-only")


def test_index_follows_inserts_and_deletes(engine: Engine) -> None:
    text = 'Headline\n\n"The bridge will reopen in spring," Ada Park said.\n'
    quote = '"The bridge will reopen in spring,"'
    start = text.index(quote)
    claim = ParsedClaim(
        start, start + len(quote), quote, "direct", "said", None, None, "Ada Park", None, None, "Ada Park",
        "person", None, None, "test", 0.9,
    )  # fmt: skip
    with session(engine) as s:
        article, _ = store.add_article(s, ParsedArticle(text, "t", dt.date(2021, 1, 1), None, (claim,)),
                                       source="t", content_hash="h")  # fmt: skip
        article_id = article.id
    flt = store.ClaimFilter()
    with session(engine) as s:
        assert [c.text for c, _ in search_claims(s, "bridges reopening", flt)] == [quote]
    with session(engine) as s:
        s.execute(delete(Article).where(Article.id == article_id))  # claims go by cascade
    with session(engine) as s:
        assert search_claims(s, "bridge", flt) == []
