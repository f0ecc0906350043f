"""Ingest speed (links made inline, and `--defer-links` then `claims links build`), re-ingest speed,
`list --speaker` query time on a large store, and peak memory (SQLite).

    .venv/bin/python benchmarks/ingest_speed.py                      # 10,000 articles, 1,000,000 claims
    .venv/bin/python benchmarks/ingest_speed.py --articles 500 --claims 100000   # a quick run

Articles are variants of `fixtures/**/*.txt` (words and names swapped, numbers changed, so every
hash differs and few quotes repeat); they go through the same code as `claims ingest`
(`iter_documents` -> `ingest_documents`: parse, store, link; `build_links` for `claims links build`).
The deferred run must give the inline run's links; it says so. The 1M-claim store is built with
core multi-row INSERTs, then queried through `store.list_claims`, the function `claims list` uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, insert, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claims import store  # noqa: E402
from claims.cli.ingest import Outcome, ingest_documents  # noqa: E402
from claims.cli.links import build_links  # noqa: E402
from claims.db import open_store, session  # noqa: E402
from claims.models import Article, Claim, ClaimLink, Speaker, SpeakerAlias  # noqa: E402
from claims.pipeline import parse_article  # noqa: E402
from claims.sources import Document, iter_documents  # noqa: E402

# Words the parser keys on stay as they are, so every variant keeps its quotes and attributions.
KEEP = frozenset(
    "said says say told added according stated claimed announced reported insisted warned explained "
    "believe believes earlier later monday tuesday wednesday thursday friday saturday sunday".split()
)
SYLLABLES = ("ba", "ko", "ri", "tum", "sel", "va", "no", "dri", "pa", "lum", "ze", "mor", "ti", "ga", "ven")


def _word(rng: random.Random, capital: bool) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return word.capitalize() if capital else word


def _variant(text: str, n: int) -> str:
    """`text` with about a third of its longer words swapped for made-up ones and its digits changed."""
    rng = random.Random(n)
    out = []
    for token in text.split(" "):
        core = token.strip(".,;:!?\"'“”‘’()[]")
        if len(core) >= 5 and core.isalpha() and core.lower() not in KEEP and rng.random() < 0.35:
            token = token.replace(core, _word(rng, core[0].isupper()), 1)
        out.append(token)
    lines = " ".join(out).split("\n")
    lines[0] = f"{lines[0]} ({n})"
    return "\n".join(lines)


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_ingest(workdir: Path, articles: int) -> None:
    sources = sorted((ROOT / "fixtures").rglob("*.txt"))
    folder = workdir / "articles"
    folder.mkdir()
    for n in range(articles):
        src = sources[n % len(sources)]
        (folder / f"{n:06d}-{src.name}").write_text(
            _variant(src.read_text(encoding="utf-8"), n), encoding="utf-8"
        )
    engine = open_store(str(workdir / "ingest.db"))
    checkpoints: dict[int, float] = {}
    seen = [0]

    def watch(_outcome: Outcome) -> None:
        seen[0] += 1
        if seen[0] in (articles // 10, articles // 2, articles):
            checkpoints[seen[0]] = _rss_mb()

    started, cpu = time.perf_counter(), time.process_time()
    summary = ingest_documents(engine, iter_documents([str(folder)]), on_outcome=watch)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{'ingest':<20} {articles:>7,} articles  {took:8.1f} s  {articles / took:9,.0f} articles/s   ({summary})"
    )
    # CPU of this process only (storing and linking; parsing runs in a worker): steadier than wall
    # time when another program shares the cores.
    print(f"{'':<21}main-process CPU {cpu:.1f} s, {1000 * cpu / articles:.2f} ms per article")
    print(f"{'':<21}RSS after " + ", ".join(f"{k:,}: {v:.0f} MB" for k, v in sorted(checkpoints.items())))
    started = time.perf_counter()
    summary = ingest_documents(engine, iter_documents([str(folder)]))
    took = time.perf_counter() - started
    print(
        f"{'re-ingest':<20} {articles:>7,} articles  {took:8.1f} s  {articles / took:9,.0f} articles/s   ({summary})"
    )
    inline = _links(engine)
    engine.dispose()
    _deferred(workdir, folder, articles, inline)
    _breakdown(folder, articles)


def _deferred(workdir: Path, folder: Path, articles: int, inline: set[tuple[object, ...]]) -> None:
    """`claims ingest --defer-links` then `claims links build` into a fresh store."""
    engine = open_store(str(workdir / "deferred.db"))
    started, cpu = time.perf_counter(), time.process_time()
    ingest_documents(engine, iter_documents([str(folder)]), defer_links=True)
    stored, stored_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{'ingest --defer-links':<20} {articles:>7,} articles  {stored:8.1f} s  {articles / stored:9,.0f} articles/s   "
        f"(main-process CPU {stored_cpu:.1f} s, {1000 * stored_cpu / articles:.2f} ms per article)"
    )
    started, cpu = time.perf_counter(), time.process_time()
    linked = build_links(engine)
    built, built_cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{'links build':<20} {linked.articles:>7,} articles  {built:8.1f} s  {linked.articles / built:9,.0f} articles/s   "
        f"(CPU {built_cpu:.1f} s, {1000 * built_cpu / articles:.2f} ms per article; {linked})"
    )
    both, both_cpu = stored + built, stored_cpu + built_cpu
    same = "the same links as inline" if _links(engine) == inline else "LINKS DIFFER FROM INLINE"
    print(
        f"{'deferred + build':<20} {articles:>7,} articles  {both:8.1f} s  {articles / both:9,.0f} articles/s   "
        f"(main-process CPU {both_cpu:.1f} s; {same})"
    )
    engine.dispose()


def _links(engine: Engine) -> set[tuple[object, ...]]:
    with session(engine, write=False) as s:
        rows = s.execute(
            select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.relation, ClaimLink.state, ClaimLink.score)
        )
        return {tuple(row) for row in rows}


def _breakdown(folder: Path, articles: int) -> None:
    """Where ingest time goes besides storing: reading and parsing."""
    started = time.perf_counter()
    docs = [d for d in iter_documents([str(folder)]) if isinstance(d, Document)]
    read = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        parse_article(doc.text, published=doc.published, title=doc.title, outlet=doc.outlet)
    parse = time.perf_counter() - started
    print(f"  of which: read+hash {articles / read:,.0f}/s, parse {articles / parse:,.0f}/s (one process)")


def bench_query(workdir: Path, claims: int, speakers: int, queries: int = 50) -> None:
    engine = open_store(str(workdir / "big.db"))
    rng = random.Random(7)
    per_article = 100
    surnames = [f"{_word(rng, True)}{i}" for i in range(speakers)]
    started = time.perf_counter()
    with session(engine) as s:
        s.execute(
            insert(Speaker),
            [
                {
                    "id": i + 1,
                    "name": f"Ana {surnames[i]}",
                    "key": f"ana {surnames[i].lower()}",
                    "kind": "person",
                }
                for i in range(speakers)
            ],
        )
        s.execute(
            insert(SpeakerAlias),
            [
                {"speaker_id": i + 1, "alias": alias, "alias_key": alias.lower()}
                for i in range(speakers)
                for alias in (f"Ana {surnames[i]}", surnames[i])
            ],
        )
    base = dt.date(2015, 1, 1)
    article_id = 0
    made = 0
    while made < claims:
        batch_articles, batch_claims = [], []
        for _ in range(100):
            if made >= claims:
                break
            article_id += 1
            published = base + dt.timedelta(days=article_id % 2000)
            sentences, spans = [], []
            offset = 0
            for k in range(min(per_article, claims - made)):
                sentence = (
                    f'"Claim {k} of article {article_id} about topic {rng.randint(1, 10**6)}," she said. '
                )
                spans.append((offset, offset + sentence.index(",") + 2))
                sentences.append(sentence)
                offset += len(sentence)
            text = "".join(sentences)
            batch_articles.append(
                {
                    "id": article_id,
                    "source": f"synthetic/{article_id}",
                    "text": text,
                    "content_hash": f"{article_id:064x}",
                    "published": published,
                    "ingested_at": dt.datetime.now(dt.UTC),
                }
            )
            for start, end in spans:
                said = published - dt.timedelta(days=rng.randint(0, 3)) if rng.random() < 0.5 else None
                batch_claims.append(
                    {
                        "article_id": article_id,
                        "speaker_id": rng.randint(1, speakers),
                        "speaker_kind": "person",
                        "kind": "direct",
                        "cue": "said",
                        "text": text[start:end],
                        "start": start,
                        "end": end,
                        "said_on": said,
                        "dated": said or published,
                        "rule": "synthetic",
                        "confidence": 1.0,
                        "status": "unverified",
                    }
                )
            made += len(spans)
        with session(engine) as s:
            s.execute(insert(Article), batch_articles)
            s.execute(insert(Claim), batch_claims)
    print(
        f"build      {made:>9,} claims, {speakers:,} speakers, {article_id:,} articles in {time.perf_counter() - started:.1f} s"
    )
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    times = []
    rows = 0
    for name in rng.sample(surnames, queries):
        query = name.lower() if rng.random() < 0.5 else f"ana {name}"
        started = time.perf_counter()
        with session(engine, write=False) as s:
            found = store.list_claims(s, store.ClaimFilter(speaker=query))
        times.append((time.perf_counter() - started) * 1000)
        rows += len(found)
    times.sort()
    print(
        f"list --speaker on {made:,} claims: median {statistics.median(times):.1f} ms, "
        f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms "
        f"({queries} speakers, {rows / queries:.0f} rows each, first page of 100)"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--speakers", type=int, default=5_000)
    args = parser.parse_args()
    print(f"claims ingest benchmark, {dt.date.today()}, Python {sys.version.split()[0]}, SQLite")
    with tempfile.TemporaryDirectory() as tmp:
        if args.articles:
            bench_ingest(Path(tmp), args.articles)
        if args.claims:
            bench_query(Path(tmp), args.claims, args.speakers)
    print(f"peak RSS   {_peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
