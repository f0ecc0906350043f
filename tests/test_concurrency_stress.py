"""Several processes ingesting overlapping article sets and reviewing claims against one store at
once, on SQLite and on PostgreSQL: every article and every review is stored exactly once."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from generated_articles import sqlite_consistency, write_articles
from sqlalchemy import func
from sqlmodel import Session, col, select
from typer.testing import CliRunner

from claims.cli import app
from claims.db import open_store
from claims.models import Article, Claim, Review
from claims.pipeline import parse_article

ROOT = Path(__file__).resolve().parent.parent
SEED = 4242
SEED_ARTICLES = 8  # stored first, so the reviewers have claims to work on
ARTICLES = 45  # then ingested by INGESTERS processes at once, each a random 2/3 of them
INGESTERS = 3
REVIEWERS = 2
REVIEWS_EACH = 12

runner = CliRunner()

# A reviewer process: REVIEWS_EACH verdicts through the CLI, each opening the store afresh as a
# separate `claims verify` would; both reviewers work on the same few claims.
_REVIEWER = """
import sys
from typer.testing import CliRunner
from claims.cli import app

url, who, count, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
runner = CliRunner()
for n in range(count):
    verb = ("verify", "dispute", "mark")[n % 3]
    args = [verb, ids[n % len(ids)]] + (["inconclusive"] if verb == "mark" else [])
    result = runner.invoke(app, [*args, "--note", f"{who}-{n}", "--by", who, "--db", url])
    if result.exit_code != 0:
        print(result.stderr, file=sys.stderr)
        sys.exit(1)
"""


def test_concurrent_ingest_and_review(db_url: str, tmp_path: Path) -> None:
    seeds = write_articles(tmp_path / "seed", SEED_ARTICLES, seed=SEED, first=10_000)
    first = runner.invoke(app, ["ingest", *map(str, seeds), "--db", db_url])
    assert first.exit_code == 0, first.stderr
    claim_ids = [
        str(row["id"])
        for row in json.loads(runner.invoke(app, ["list", "--format", "json", "--db", db_url]).stdout)
    ]
    assert len(claim_ids) >= 6
    targets = claim_ids[:6]

    paths = write_articles(tmp_path / "new", ARTICLES, seed=SEED)
    rng = random.Random(SEED)
    procs = []
    wanted = {str(p) for p in seeds}
    for _ in range(INGESTERS):
        share = rng.sample(paths, k=ARTICLES * 2 // 3)
        wanted |= {str(p) for p in share}
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "claims", "ingest", *map(str, share), "--db", db_url],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    for who in range(REVIEWERS):
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", _REVIEWER, db_url, f"reviewer{who}", str(REVIEWS_EACH), *targets],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    new = 0
    for n, proc in enumerate(procs):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "Error" not in err, err
        if n < INGESTERS:
            summary = re.search(r"(\d+) new, (\d+) already present, 0 failed", err)
            assert summary is not None, err
            assert int(summary[1]) + int(summary[2]) == ARTICLES * 2 // 3
            new += int(summary[1])
    assert new == len(wanted) - SEED_ARTICLES  # no article counted new by two processes

    engine = open_store(db_url)
    try:
        with Session(engine) as s:
            # every file some process was given is stored, exactly once
            sources = Counter(s.exec(select(Article.source)).all())
            assert set(sources) == wanted and all(n == 1 for n in sources.values())
            hashes = s.exec(select(func.count(func.distinct(Article.content_hash)))).one()
            assert hashes == len(sources)
            for article in s.exec(select(Article)).all():
                stored = s.exec(
                    select(func.count()).select_from(Claim).where(Claim.article_id == article.id)
                ).one()
                assert stored == len(parse_article(article.text).claims), article.source
            orphans = s.exec(
                select(func.count()).select_from(Claim).where(~col(Claim.article_id).in_(select(Article.id)))
            ).one()
            assert orphans == 0
            notes = Counter(s.exec(select(Review.note)).all())
            expected = {f"reviewer{who}-{n}" for who in range(REVIEWERS) for n in range(REVIEWS_EACH)}
            assert set(notes) == expected and all(n == 1 for n in notes.values())
            for claim_id in map(int, targets):
                history = s.exec(
                    select(Review.status).where(Review.claim_id == claim_id).order_by(col(Review.id))
                ).all()
                status = s.exec(select(Claim.status).where(Claim.id == claim_id)).one()
                assert history and status == history[-1], claim_id
    finally:
        engine.dispose()
    if not db_url.startswith("postgresql"):
        counts = sqlite_consistency(Path(db_url))
        assert counts["reviews"] == REVIEWERS * REVIEWS_EACH
