"""Synthetic news articles for the fault and concurrency tests, plus the store consistency check
they share: seeded, so every run writes the same files; quotes repeat across articles so linking works."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from pathlib import Path

from sqlalchemy import text

from claims.db import make_engine
from claims.pipeline import parse_article

FIRST = ("Ana", "Bruno", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun")
LAST = ("Ruiz", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Novak", "Silva", "Berg", "Kaya")
ROLES = ("finance minister", "mayor", "union leader", "central bank governor", "opposition leader")
ORGS = ("the health ministry", "the United Nations", "the port authority", "the central bank")
QUOTES = (
    "We will not raise taxes this year",
    "The harbour will reopen before the summer",
    "Nobody warned us about the flood",
    "Prices will fall once the new harvest comes in",
    "This budget ignores the people who live by the water",
    "The strike will go on until wages rise",
    "Our hospitals cannot take more patients",
    "The bridge is safe to cross",
)
CLAUSES = (
    "the deficit had narrowed for the third year in a row",
    "the reservoirs were at a forty-year low",
    "rationing would begin in the northern valleys",
    "the talks would resume after the holiday",
    "exports had doubled since the spring",
)
MONTHS = ("January", "March", "May", "July", "September", "November")


def article_text(number: int, rng: random.Random) -> str:
    """One article: a title, a date line and three to six paragraphs, some of them claims."""
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    surname = who.split()[1]
    paragraphs = [
        f"Story {number}: {rng.choice(('Budget', 'Harbour', 'Flood', 'Strike'))} talks continue",
        f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2010, 2024)}",
        f"On day {number + 1} of the inquiry, officials met in the capital.",
    ]
    for _ in range(rng.randint(2, 5)):
        form = rng.randrange(5)
        quote, clause = rng.choice(QUOTES), rng.choice(CLAUSES)
        if form == 0:
            paragraphs.append(f'"{quote}," {who}, the {rng.choice(ROLES)}, said on Monday.')
        elif form == 1:
            paragraphs.append(f'"{quote}," said {surname}.')
        elif form == 2:
            paragraphs.append(f"{surname} said {clause}.")
        elif form == 3:
            paragraphs.append(f"According to {rng.choice(ORGS)}, {clause}.")
        else:
            paragraphs.append(f"The committee will meet again in {rng.choice(MONTHS)}.")
    return "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, seed: int, first: int = 0) -> list[Path]:
    """Write articles number `first` .. `first + count - 1` as .txt files; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + number)
        path = folder / f"article-{number:05d}.txt"
        path.write_text(article_text(number, rng), encoding="utf-8")
        paths.append(path)
    return paths


def store_consistency(url: str) -> dict[str, int]:
    """Check a store (any backend) written by `claims ingest`, asserting on any inconsistency.

    No article is stored twice, every stored article holds exactly the claims the parser finds in
    its text (nothing half-stored), every claim has its article and slices back to its text, and
    every claim's status is its latest review's. Returns the row counts.
    """
    engine = make_engine(url)
    try:
        with engine.connect() as con:
            articles = con.execute(text("SELECT id, text, content_hash FROM article")).all()
            hashes = Counter(h for _, _, h in articles)
            assert all(n == 1 for n in hashes.values()), "an article is stored twice"
            stored = Counter(
                dict(con.execute(text("SELECT article_id, count(*) FROM claim GROUP BY article_id")).all())
            )
            orphans = con.execute(
                text(
                    "SELECT count(*) FROM claim LEFT JOIN article ON article.id = claim.article_id WHERE article.id IS NULL"
                )
            ).scalar_one()
            assert orphans == 0
            for article_id, body, _ in articles:
                expected = len(parse_article(body).claims)
                assert stored[article_id] == expected, (article_id, stored[article_id], expected)
            claims = con.execute(
                text('SELECT claim.id, claim.start, claim."end", claim.text, claim.article_id FROM claim')
            ).all()
            bodies = {article_id: body for article_id, body, _ in articles}
            for claim_id, start, end, claim_text, article_id in claims:
                assert bodies[article_id][start:end] == claim_text, claim_id
            latest = con.execute(
                text(
                    "SELECT claim.id, claim.status, (SELECT review.status FROM review WHERE review.claim_id = claim.id"
                    " ORDER BY review.id DESC LIMIT 1) FROM claim"
                )
            ).all()
            assert all(review is None or status == review for _, status, review in latest), (
                "status out of step"
            )
            reviews = con.execute(text("SELECT count(*) FROM review")).scalar_one()
            return {"articles": len(articles), "claims": len(claims), "reviews": int(reviews)}
    finally:
        engine.dispose()


def sqlite_consistency(path: Path) -> dict[str, int]:
    """`store_consistency` plus SQLite's own checks: page integrity, foreign keys, the full-text index."""
    # Read-write only because FTS5's 'integrity-check' command is spelled as an INSERT; nothing is written.
    con = sqlite3.connect(f"file:{path}?mode=rw", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "claim_fts" in tables:
            con.execute("INSERT INTO claim_fts(claim_fts) VALUES ('integrity-check')")
    finally:
        con.close()
    return store_consistency(str(path))
