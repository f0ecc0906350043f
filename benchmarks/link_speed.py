"""Linking cost per new claim as the store grows: synthetic claims are inserted in bulk (with their
blocking keys), then batches of new claims are linked at 10k, 50k and 100k stored claims.

    .venv/bin/python benchmarks/link_speed.py [--db URL] [--sizes 10000,50000,100000] [--batch 500]

Half of each batch are copies of stored claims (punctuation changed, a word dropped), half are new
text; each batch is rolled back, so every size is measured on the same store. Prints ms per claim
(median of three batches), the key postings read and claims scored per new claim (bounded by
MAX_POSTINGS and MAX_CANDIDATES whatever the store size), and how many copies were linked.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, insert
from sqlalchemy import text as sql_text
from sqlmodel import Session, col, func, select

from claims.db import open_store
from claims.linking import link_new_claims, postings, rank_candidates, shingle_keys
from claims.models import Article, Claim, ClaimKey, Speaker

VOCABULARY = 20_000  # distinct words; drawn with Zipf weights, like news text
REPEATS = 3  # batches per size; the median is printed


@dataclass(frozen=True)
class Run:
    ms_per_claim: float
    postings: float  # key postings read per claim
    candidates: float  # claims scored per claim (before the speaker check)
    found: int
    copies: int


def _words(rng: random.Random) -> list[str]:
    return [f"w{i}" for i in range(VOCABULARY)]


def _sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    return " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(12, 35)))


def _copy(text: str, rng: random.Random) -> str:
    # What another outlet does to wire copy: curly quotes, a dash for a comma, one word trimmed.
    tokens = text.split()
    del tokens[rng.randrange(1, len(tokens) - 1)]
    cut = rng.randrange(2, len(tokens) - 2)
    return "\u201c" + " ".join(tokens[:cut]) + " \u2014 " + " ".join(tokens[cut:]) + ",\u201d"


def _fill(
    session: Session, start: int, stop: int, rng: random.Random, words: list[str], weights: list[float]
) -> None:
    """Store claims number start..stop-1 (ten per article, 1,000 speakers) with their keys."""
    for chunk in range(start, stop, 5_000):
        end = min(chunk + 5_000, stop)
        first_article = chunk // 10
        articles = [
            {"id": a + 1, "source": f"synthetic/{a}", "text": "", "content_hash": f"{a:064d}",
             "published": dt.date(2020, 1, 1), "ingested_at": dt.datetime.now(dt.UTC)}
            for a in range(first_article, (end + 9) // 10)
            if a * 10 >= chunk
        ]  # fmt: skip
        if articles:
            session.execute(insert(Article), articles)
        claims = []
        keys = []
        for n in range(chunk, end):
            text = '"' + _sentence(rng, words, weights) + ',"'
            claims.append(
                {"id": n + 1, "article_id": n // 10 + 1, "speaker_id": n % 1000 + 1, "kind": "direct", "text": text,
                 "start": 0, "end": len(text), "status": "unverified", "speaker_kind": "person", "rule": "synthetic",
                 "confidence": 1.0}
            )  # fmt: skip
            keys.extend({"key": k, "claim_id": n + 1} for k in shingle_keys(text))
        session.execute(insert(Claim), claims)
        session.execute(insert(ClaimKey), keys)
    if session.get_bind().dialect.name == "postgresql":  # ids were given, so move the sequences on
        for table in ("article", "claim", "speaker"):
            session.execute(
                sql_text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                )
            )


def _measure(
    engine: Engine, stored: int, batch: int, rng: random.Random, words: list[str], weights: list[float]
) -> Run:
    with Session(engine) as session:
        session.begin()
        article = Article(
            source="bench", text="", content_hash=f"bench{stored}", published=dt.date(2021, 1, 1)
        )
        session.add(article)
        session.flush()
        originals = session.exec(
            select(Claim.id, Claim.text, Claim.speaker_id).where(
                col(Claim.id).in_(rng.sample(range(1, stored + 1), batch // 2))
            )
        ).all()
        new = [Claim(article_id=article.id, speaker_id=sid, kind="direct", text=_copy(text, rng), start=0, end=1)
               for _, text, sid in originals]  # fmt: skip
        new += [
            Claim(article_id=article.id, speaker_id=rng.randint(1, 1000), kind="direct",
                  text='"' + _sentence(rng, words, weights) + ',"', start=0, end=1)
            for _ in range(batch - len(new))
        ]  # fmt: skip
        session.add_all(new)
        session.flush()
        # The work blocking leaves per claim (read before linking, so not timed): postings, candidates.
        read = candidates = 0
        for claim in new:
            hits = [i for ids in postings(session, shingle_keys(claim.text)).values() for i in ids]
            read += len(hits)
            candidates += len(rank_candidates(hits, exclude=[claim.id or 0]))
        started = time.perf_counter()
        links = link_new_claims(session, new)
        elapsed = time.perf_counter() - started
        copies = {c.id for c in new[: len(originals)]}
        found = {link.b_id for link in links if link.b_id in copies and link.state == "confirmed"}
        session.rollback()
    return Run(1000 * elapsed / batch, read / batch, candidates / batch, len(found), len(originals))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--sizes", default="10000,50000,100000")
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    url = args.db or "sqlite:///" + str(Path(tempfile.mkdtemp()) / "link-bench.db")
    engine = open_store(url)
    rng = random.Random(4)
    words = _words(rng)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))  # Zipf
    with Session(engine) as session, session.begin():
        if session.exec(select(func.count()).select_from(Claim)).one():
            raise SystemExit(f"{url} is not empty; give an empty database")
        session.execute(insert(Speaker), [{"id": i, "name": f"Speaker {i}", "key": f"speaker {i}", "kind": "person"}
                                          for i in range(1, 1001)])  # fmt: skip
    print(
        f"database: {engine.url.render_as_string(hide_password=True)}; batch {args.batch} new claims, half copies"
    )
    print(
        f"{'stored':>8} {'fill s':>7} {'link ms/claim':>14} {'postings/claim':>15} {'scored/claim':>13} {'copies linked':>14}"
    )
    stored = 0
    for size in sizes:
        started = time.perf_counter()
        with Session(engine) as session, session.begin():
            _fill(session, stored, size, rng, words, weights)
        fill = time.perf_counter() - started
        stored = size
        runs = sorted((_measure(engine, stored, args.batch, rng, words, weights) for _ in range(REPEATS)),
                      key=lambda r: r.ms_per_claim)  # fmt: skip
        mid = runs[len(runs) // 2]
        print(f"{stored:>8} {fill:>7.1f} {mid.ms_per_claim:>14.2f} {mid.postings:>15.1f} {mid.candidates:>13.1f}"
              f" {mid.found:>7}/{mid.copies:<6}")  # fmt: skip
    engine.dispose()


if __name__ == "__main__":
    main()
