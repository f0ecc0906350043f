"""`claims parse`: print the claims of articles without storing anything."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from itertools import chain
from typing import Annotated, Any

import typer

from claims.cli import app, guarded
from claims.cli.workers import start_pool
from claims.errors import InputError
from claims.pipeline import BATCH, Article, batches, parse_articles
from claims.results import ParsedArticle
from claims.sources import Document, iter_documents


class ParseFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


@app.command()
@guarded
def parse(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.table,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=0, help="Parser processes; 0 means one per core. Output keeps input order."),
    ] = 1,
) -> None:
    """Print the claims found in articles, storing nothing.

    Example: claims parse fixtures/ --format jsonl

    With --format jsonl and JSONL on stdin ({"id", "text", "date"?} per line), writes one
    prediction line per document in the eval format, streaming. `--jobs 0` parses on every core.
    """
    failed = 0
    first = True
    if fmt is ParseFormat.json:
        typer.echo("[", nl=False)
    for item, parsed in _parsed(iter_documents(paths), jobs or os.cpu_count() or 1):
        if isinstance(item, InputError):
            typer.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        assert parsed is not None
        record = _record(item, parsed)
        if fmt is ParseFormat.jsonl:
            typer.echo(json.dumps(record, ensure_ascii=False))
            sys.stdout.flush()
        elif fmt is ParseFormat.json:
            typer.echo(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False, indent=2), nl=False)
        else:
            _table(item, parsed)
        first = False
    if fmt is ParseFormat.json:
        typer.echo("\n]" if not first else "]")
    if failed:
        raise typer.Exit(1)


# Documents handed to the parser processes at a time, per process: output streams window by window,
# and memory stays flat however long the input is. A process parses _CHUNK of them in one batch.
_WINDOW_PER_JOB = 32
_CHUNK = 8


def _parse_all(items: list[Document | InputError]) -> list[ParsedArticle | None]:
    """The parse of each input (None for an input error), the documents parsed as one batch."""
    docs = [item for item in items if not isinstance(item, InputError)]
    parsed = iter(parse_articles(Article(d.text, d.published, d.title, d.outlet) for d in docs))
    return [None if isinstance(item, InputError) else next(parsed) for item in items]


def _length(item: Document | InputError) -> int:
    return 0 if isinstance(item, InputError) else len(item.text)


def _parsed(
    items: Iterable[Document | InputError], jobs: int
) -> Iterator[tuple[Document | InputError, ParsedArticle | None]]:
    """Each input with its parse (None for an input error), in input order, a window of documents at a
    time; with jobs > 1 the parsing runs in that many processes."""
    windows = batches(items, jobs * _WINDOW_PER_JOB if jobs > 1 else BATCH, _length)
    first = next(windows, None)
    if first is None:
        return
    second = next(windows, None) if jobs > 1 else None
    if second is None:  # one process asked for, or an input of one window: processes would cost more
        for window in chain([first], windows):
            yield from zip(window, _parse_all(window), strict=True)
        return
    pool = start_pool(jobs)
    try:
        for window in chain([first, second], windows):
            chunks = [window[i : i + _CHUNK] for i in range(0, len(window), _CHUNK)]
            yield from zip(window, (p for chunk in pool.map(_parse_all, chunks) for p in chunk), strict=True)
    finally:
        pool.terminate()
        pool.join()


def _record(doc: Document, parsed: ParsedArticle) -> dict[str, Any]:
    return {"id": doc.doc_id if doc.doc_id is not None else doc.source, "source": doc.source, **parsed.to_dict()}


def _table(doc: Document, parsed: ParsedArticle) -> None:
    date = parsed.published.isoformat() if parsed.published else "undated"
    typer.secho(f"{doc.source}: {parsed.title or '(no title)'} | {parsed.outlet or 'unknown outlet'} | {date}", bold=True)
    if not parsed.claims:
        typer.echo("  no claims found\n")
        return
    for n, c in enumerate(parsed.claims, 1):
        who = c.speaker or "unknown"
        role = f", {c.speaker_role}" if c.speaker_role else ""
        said = c.date.isoformat() if c.date else "-"
        text = " ".join(c.text.split())
        if len(text) > 160:
            text = text[:157] + "..."
        typer.echo(f"  {n:>3}. [{c.kind}] {who} ({c.speaker_kind}{role}) {c.cue or '-'} | said {said} | {c.confidence:.2f}")
        typer.echo(f"       {text}")
    typer.echo("")
