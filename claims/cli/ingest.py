"""`claims ingest`: read, parse and store articles, one transaction per article, skipping what is stored.

`ingest_documents` is the loop itself (no printing), shared with `benchmarks/ingest_speed.py`.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing.pool
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Annotated, cast

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from claims import deferred_links, linking, store
from claims.cli import app, guarded
from claims.cli.common import DbOption, message, open_db, parse_date
from claims.cli.links import link_pending_articles
from claims.cli.progress import ProgressLine
from claims.cli.workers import start_pool
from claims.db import session
from claims.errors import ClaimsError, InputError
from claims.pipeline import parse_article
from claims.results import ParsedArticle
from claims.sources import Document, iter_documents

# Hashes are checked against the store this many documents at a time: one query per batch keeps
# re-ingest fast, and memory stays flat whatever the number of files.
BATCH = 256
# Tries per article when a concurrent writer takes a unique key first.
_ATTEMPTS = 3
# Parse in worker processes once a batch has more documents to parse than this; smaller runs stay
# in this process (starting a worker costs more than it saves).
PARALLEL_AFTER = 50
_CHUNK = 16  # documents sent to a parser process at a time


@dataclass(slots=True)
class Outcome:
    """What happened to one input: `new`, `present` or `failed` (with a one-line reason)."""

    source: str
    state: str
    claims: int = 0
    article_id: int | None = None
    error: str | None = None


@dataclass(slots=True)
class Summary:
    new: int = 0
    present: int = 0
    failed: int = 0
    claims: int = 0

    def add(self, outcome: Outcome) -> None:
        if outcome.state == "new":
            self.new += 1
            self.claims += outcome.claims
        elif outcome.state == "present":
            self.present += 1
        else:
            self.failed += 1

    def __str__(self) -> str:
        return (
            f"{self.new} new, {self.present} already present, {self.failed} failed; "
            f"{self.claims} claim{'s' if self.claims != 1 else ''} stored"
        )


def ingest_documents(
    engine: Engine,
    items: Iterable[Document | InputError],
    *,
    outlet: str | None = None,
    published: dt.date | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    workers: int | None = None,
    defer_links: bool = False,
) -> Summary:
    """Store every document not stored yet; returns the counts.

    Per document: skip it if its content hash is stored (checked per batch, before parsing), else
    parse it, then store it in its own transaction, in input order. `outlet`/`published` override
    what the input says. A bad input or a parser failure is an Outcome `failed`; the others go on.
    A database failure (locked, read-only, unreachable) raises StoreError and stops the run.

    Once a batch holds more than PARALLEL_AFTER documents to parse, `workers` processes (default:
    one per spare core) parse the next batch while this one is stored; at most two batches are in
    flight, so memory stays flat. `workers=0` parses in this process.

    Each new article's claims are linked to the stored ones in its transaction; with `defer_links`
    the article is stored waiting for links instead (`claims.deferred_links`). Inline linking
    assumes no older article is still waiting: `claims ingest` links those first.
    """
    summary = Summary()
    seen: set[str] = set()
    speakers = store.SpeakerCache()
    iterator = iter(items)
    wanted = _spare_cores() if workers is None else workers
    pool: multiprocessing.pool.Pool | None = None
    pending: tuple[list[Document | InputError], set[int], _Parsing] | None = None
    try:
        while True:
            batch = list(islice(iterator, BATCH))
            if batch:
                hashes = [item.content_hash for item in batch if isinstance(item, Document)]
                with session(engine, write=False) as s:
                    stored = store.existing_hashes(s, hashes)
                todo = [
                    n
                    for n, item in enumerate(batch)
                    if isinstance(item, Document)
                    and item.content_hash not in stored
                    and item.content_hash not in seen
                ]
                if pool is None and wanted > 0 and len(todo) > PARALLEL_AFTER:
                    pool = start_pool(wanted)
                jobs = [(cast(Document, batch[n]), outlet, published) for n in todo]
                parsing: _Parsing = (
                    pool.map_async(_parse_job, jobs, chunksize=_CHUNK) if pool is not None else jobs
                )
            if pending is not None:  # store the previous batch while this one is parsed
                _store_batch(engine, *pending, seen, speakers, summary, on_outcome, defer_links)
                pending = None
            if not batch:
                break
            pending = (batch, set(todo), parsing)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    return summary


# Work handed to `_store_batch`: parse jobs to run here, or their results coming from the pool.
_Parsing = (
    list[tuple[Document, str | None, dt.date | None]] | multiprocessing.pool.MapResult[ParsedArticle | str]
)


def _store_batch(
    engine: Engine,
    batch: list[Document | InputError],
    todo: set[int],
    parsing: _Parsing,
    seen: set[str],
    speakers: store.SpeakerCache,
    summary: Summary,
    on_outcome: Callable[[Outcome], None] | None,
    defer_links: bool,
) -> None:
    # `todo`: positions in `batch` of the documents to parse, in the order of the jobs and results;
    # the others were stored before. Jobs still to run are parsed here, just before storing.
    results = iter(parsing.get() if isinstance(parsing, multiprocessing.pool.MapResult) else ())
    jobs = iter(parsing) if isinstance(parsing, list) else None
    for n, item in enumerate(batch):
        if isinstance(item, InputError):
            outcome = Outcome(source="", state="failed", error=str(item))
        else:
            parsed: ParsedArticle | str | None = None
            if n in todo:
                parsed = next(results) if jobs is None else _parse_job(next(jobs))
            outcome = _ingest_one(engine, item, parsed, seen, speakers, defer_links)
        summary.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)


def _parse_job(job: tuple[Document, str | None, dt.date | None]) -> ParsedArticle | str:
    """Parse one document (in this process or a worker): the ParsedArticle, or why it failed."""
    item, outlet, published = job
    try:
        parsed = parse_article(
            item.text, published=published or item.published, title=item.title, outlet=outlet or item.outlet
        )
    except ClaimsError as exc:
        return f"{item.source}: {exc}"
    except Exception as exc:  # a parser bug must not stop a run of thousands of files
        return f"{item.source}: parser failed ({type(exc).__name__}: {exc})"
    if any(parsed.text[c.start : c.end] != c.text for c in parsed.claims):
        return f"{item.source}: parser gave offsets off the text"
    return parsed


def _spare_cores() -> int:
    # One parser per core beyond the one storing, at most two (storing is the slower half).
    return max(0, min(2, (os.cpu_count() or 1) - 1))


def _ingest_one(
    engine: Engine,
    item: Document,
    parsed: ParsedArticle | str | None,
    seen: set[str],
    speakers: store.SpeakerCache,
    defer_links: bool = False,
) -> Outcome:
    # `parsed` is None for a document already stored when its batch was checked.
    if parsed is None or item.content_hash in seen:
        return Outcome(source=item.source, state="present")
    if isinstance(parsed, str):
        return Outcome(source=item.source, state="failed", error=parsed)
    seen.add(item.content_hash)
    error = ""
    # A concurrent writer (PostgreSQL lets both try) may take a unique key first: the same article,
    # or a speaker alias. Then look again: the article is present, or a second try goes through.
    for _attempt in range(_ATTEMPTS):
        try:
            with session(engine) as s:
                # Checked again inside the write transaction: another process may have stored it meanwhile.
                if store.article_by_hash(s, item.content_hash) is not None:
                    return Outcome(source=item.source, state="present")
                article, claims = store.add_article(
                    s,
                    parsed,
                    source=item.source,
                    content_hash=item.content_hash,
                    url=item.url,
                    speakers=speakers,
                    links_pending=defer_links,
                )
                if not defer_links:
                    linking.link_new_claims(s, claims)  # same quote in other articles -> `same` links
                return Outcome(source=item.source, state="new", claims=len(claims), article_id=article.id)
        except IntegrityError as exc:
            speakers.clear()  # it may hold what the rolled-back transaction made
            error = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
    return Outcome(source=item.source, state="failed", error=f"{item.source}: could not be stored ({error})")


@app.command()
@guarded
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")],
    outlet: Annotated[
        str | None, typer.Option(help="Outlet name for every article (overrides the input).")
    ] = None,
    date: Annotated[
        dt.date | None,
        typer.Option(
            "--date",
            parser=parse_date,
            metavar="YYYY-MM-DD",
            help="Publication date for every article (overrides the input).",
        ),
    ] = None,
    defer_links: Annotated[
        bool,
        typer.Option(
            "--defer-links",
            help="Store without linking to other articles; `claims links build` links them later.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Parse articles and store them with their claims; content already stored is skipped.

    Example: claims ingest fixtures/ --outlet Reuters

    Reads .txt/.md, .html, .json and .jsonl. A bad file is reported and skipped; the exit code
    is 1 at the end if any input failed. A summary goes to stderr.

    Each article's claims are linked to the same quotes in stored articles as it is stored. For a
    large archive, --defer-links stores faster and `claims links build` links afterwards; a plain
    ingest first links any articles still waiting, so links keep the order articles came in.
    """
    engine = open_db(db)
    try:
        if not defer_links:
            link_pending_articles(engine, first=True)
        with ProgressLine("ingesting: {task.completed} inputs") as tick:

            def report(outcome: Outcome) -> None:
                if outcome.state == "failed":
                    message(f"Error: {outcome.error}")
                tick(1)

            summary = ingest_documents(
                engine,
                iter_documents(paths),
                outlet=outlet,
                published=date,
                on_outcome=report,
                defer_links=defer_links,
            )
        if defer_links:
            with session(engine, write=False) as s:
                waiting = deferred_links.count_pending(s)
    finally:
        engine.dispose()
    message(str(summary))
    if defer_links and waiting:
        message(f"{waiting} article{'s' if waiting != 1 else ''} waiting for links: run `claims links build`")
    if summary.failed:
        raise typer.Exit(1)
