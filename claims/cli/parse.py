"""`claims parse`: print the claims of articles without storing anything."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from claims.cli import app, guarded
from claims.errors import InputError
from claims.pipeline import parse_article
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
) -> None:
    """Print the claims found in articles, storing nothing.

    Example: claims parse fixtures/ --format jsonl

    With --format jsonl and JSONL on stdin ({"id", "text", "date"?} per line), writes one
    prediction line per document in the eval format, streaming.
    """
    failed = 0
    first = True
    if fmt is ParseFormat.json:
        typer.echo("[", nl=False)
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            typer.echo(f"Error: {item}", err=True)
            failed += 1
            continue
        parsed = parse_article(item.text, published=item.published, title=item.title, outlet=item.outlet)
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
