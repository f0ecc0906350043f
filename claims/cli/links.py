"""`claims links` (list, build, confirm, reject), `claims link A B --relation` and `claims unlink A B`:
the cross-article links between claims, found at ingest (or after it, `links build`) or made by hand.

`build_links` is the deferred-linking loop itself (no printing), shared with `benchmarks/ingest_speed.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.text import Text
from sqlalchemy import Engine

from claims import curation, deferred_links
from claims.cli import app, guarded
from claims.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    cell,
    emit,
    message,
    open_db,
    reading,
    shorten,
    writing,
)
from claims.cli.progress import ProgressLine
from claims.db import session
from claims.deferred_links import PENDING_BATCH, Linked
from claims.errors import ClaimsError
from claims.models import LinkState, Relation


class RelationChoice(StrEnum):
    same = Relation.same.value
    supports = Relation.supports.value
    contradicts = Relation.contradicts.value
    related = Relation.related.value


links_app = typer.Typer(
    name="links",
    help="Links between claims: list them (no subcommand), build deferred ones, confirm or reject suggestions.",
    no_args_is_help=False,
    add_completion=False,
)
app.add_typer(links_app)

LinkId = Annotated[int, typer.Argument(metavar="ID", help="Link ID (see `claims links`).")]
ClaimA = Annotated[int, typer.Argument(metavar="A", help="Claim ID.")]
ClaimB = Annotated[int, typer.Argument(metavar="B", help="Claim ID.")]
_COLUMNS = (
    ("id", "ID"),
    ("a_id", "A"),
    ("b_id", "B"),
    ("relation", "relation"),
    ("score", "score"),
    ("state", "state"),
    ("origin", "origin"),
    ("a_text", "claim A"),
    ("b_text", "claim B"),
)
_FIELDS = (
    "id",
    "a_id",
    "b_id",
    "relation",
    "score",
    "origin",
    "state",
    "a_status",
    "b_status",
    "a_text",
    "b_text",
)


@links_app.callback(invoke_without_command=True)
@guarded
def links(
    ctx: typer.Context,
    suggested: Annotated[
        bool, typer.Option("--suggested", help="Only suggestions waiting for a person.")
    ] = False,
    claim: Annotated[int | None, typer.Option("--claim", help="Only the links of this claim ID.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many links; 0 for all.", min=0)] = 100,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List links between claims, newest first.

    Example: claims links --suggested

    Then `claims links confirm ID` or `claims links reject ID` for each suggestion. Articles
    stored with `ingest --defer-links` have no links until `claims links build`; a note on
    stderr says how many are waiting.
    """
    if ctx.invoked_subcommand is not None:
        return
    with reading(db) as s:
        rows = curation.list_links(s, suggested=suggested, claim_id=claim, limit=limit or None)
        waiting = deferred_links.count_pending(s)
    emit([asdict(r) for r in rows], fmt, _COLUMNS, csv_fields=_FIELDS, render=_render)
    if waiting:
        message(f"note: {_articles(waiting)} waiting for links; run `claims links build`")


def _render(record: Mapping[str, Any], key: str) -> Text:
    if key in ("a_text", "b_text"):
        return Text(shorten(record[key], 60))
    if key == "score":
        return Text(f"{record['score']:.2f}")
    if key == "state":
        return Text(
            record["state"], style={"suggested": "yellow", "rejected": "dim"}.get(record["state"], "")
        )
    return cell(record.get(key))


@links_app.command()
@guarded
def build(
    batch: Annotated[int, typer.Option(help="Articles linked per transaction.", min=1)] = PENDING_BATCH,
    db: DbOption = None,
) -> None:
    """Link the articles stored with `claims ingest --defer-links`, oldest first.

    Example: claims ingest archive/ --defer-links && claims links build

    The links are those a plain ingest would have made in the same order. BATCH articles are
    linked per transaction, so an interrupted build keeps what it committed and a second run
    goes on from there; with nothing waiting it does nothing. A summary goes to stderr.
    """
    engine = open_db(db)
    try:
        link_pending_articles(engine, batch=batch)
    finally:
        engine.dispose()


def build_links(
    engine: Engine,
    *,
    batch: int = PENDING_BATCH,
    on_batch: Callable[[Linked], None] | None = None,
) -> Linked:
    """Link every article waiting for links, `batch` per transaction, oldest first, until none
    is waiting; returns the totals. A database failure raises StoreError: the batches committed
    before it stay linked, the rest stay waiting."""
    total = Linked()
    while True:
        with session(engine) as s:
            done = deferred_links.link_pending_batch(s, batch)
        if not done.articles:
            return total
        total.add(done)
        if on_batch is not None:
            on_batch(done)


def link_pending_articles(engine: Engine, *, batch: int = PENDING_BATCH, first: bool = False) -> None:
    """`build_links` with a progress line and a summary on stderr. `first` (a plain ingest
    linking what is waiting before it stores more) stays quiet when nothing is waiting."""
    with session(engine, write=False) as s:
        waiting = deferred_links.count_pending(s)
    if not waiting:
        if not first:
            message("no articles waiting for links")
        return
    if first:
        message(f"{_articles(waiting)} stored with --defer-links: linking them first")
    committed = Linked()

    def on_batch(done: Linked) -> None:
        committed.add(done)
        tick(done.articles)

    try:
        with ProgressLine("linking: {task.completed} of {task.total} articles", total=waiting) as tick:
            build_links(engine, batch=batch, on_batch=on_batch)
    except (KeyboardInterrupt, ClaimsError):
        # what the committed batches did stays; say so before the one-line error
        message(f"stopped: {committed}; {_articles(waiting - committed.articles)} still waiting")
        raise
    message(str(committed))


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


@links_app.command()
@guarded
def confirm(link_id: LinkId, db: DbOption = None) -> None:
    """Confirm a suggested link, so verdicts follow it (`verify --propagate`).

    Example: claims links confirm 12
    """
    _set_state(link_id, LinkState.confirmed, db, with_relation=True)


@links_app.command()
@guarded
def reject(link_id: LinkId, db: DbOption = None) -> None:
    """Reject a suggested link; it is kept as rejected so it is not suggested again.

    Example: claims links reject 12
    """
    _set_state(link_id, LinkState.rejected, db, with_relation=False)


def _set_state(link_id: int, state: LinkState, db: str | None, *, with_relation: bool) -> None:
    with writing(db) as s:
        link = curation.set_link_state(s, link_id, state.value)
        relation = f" {link.relation}" if with_relation else ""
        text = f"link {link.id}: claims {link.a_id} and {link.b_id}{relation}, {state.value}"
    message(text)


@app.command()
@guarded
def link(
    a: ClaimA,
    b: ClaimB,
    relation: Annotated[
        RelationChoice, typer.Option("--relation", "-r", help="How B relates to A.")
    ] = RelationChoice.same,
    db: DbOption = None,
) -> None:
    """Link two claims by hand.

    Example: claims link 3 7 --relation contradicts
    """
    with writing(db) as s:
        made = curation.add_link(s, a, b, relation.value)
        text = f"link {made.id}: claims {made.a_id} and {made.b_id} {made.relation}"
    message(text)


@app.command()
@guarded
def unlink(
    a: ClaimA,
    b: ClaimB,
    relation: Annotated[
        RelationChoice | None, typer.Option("--relation", "-r", help="Only this relation.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Remove the links between two claims (all of them, or one relation).

    Example: claims unlink 3 7
    """
    with writing(db) as s:
        count = curation.remove_links(s, a, b, relation.value if relation else None)
    message(f"removed {count} link{'s' if count != 1 else ''} between claims {a} and {b}")
