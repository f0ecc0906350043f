"""`claims search TEXT`: ranked full-text search over claim text, with the filters of `claims list`
(the filter options are defined here once and reused by `claims export`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any

import typer
from rich.text import Text

from claims import store
from claims.cli import app, guarded
from claims.cli.common import DbOption, FormatOption, OutputFormat, cell, emit, reading, shorten
from claims.export import CLAIM_FIELDS, to_record
from claims.models import Status
from claims.search import search_claims


def parse_day(value: str | None) -> dt.date | None:
    """A YYYY-MM-DD option value; raises typer.BadParameter for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2015-07-28") from None


SpeakerOpt = Annotated[
    str | None, typer.Option(help="Speaker name or any alias; case and accents ignored; a surname works.")
]
StatusOpt = Annotated[Status | None, typer.Option(help="Only claims with this status.")]
KindOpt = Annotated[str | None, typer.Option(help="direct, indirect or mixed.")]
OutletOpt = Annotated[str | None, typer.Option(help="Only claims from this outlet (case ignored).")]
ArticleOpt = Annotated[int | None, typer.Option("--article", help="Only claims of this article ID.")]


def _check_day(value: str | None) -> str | None:
    # Runs while Typer reads the options, so a bad date is a usage error (exit 2) naming the flag.
    parse_day(value)
    return value


SinceOpt = Annotated[str | None, typer.Option(help="Said on or after YYYY-MM-DD.", callback=_check_day)]
UntilOpt = Annotated[str | None, typer.Option(help="Said on or before YYYY-MM-DD.", callback=_check_day)]
OffsetOpt = Annotated[int, typer.Option(help="Skip this many claims first.", min=0)]

_COLUMNS = (
    ("id", "ID"),
    ("dated", "date"),
    ("speaker", "speaker"),
    ("status", "status"),
    ("relevance", "relevance"),
    ("text", "claim"),
    ("outlet", "outlet"),
)


def make_filter(
    speaker: str | None,
    status: Status | None,
    kind: str | None,
    outlet: str | None,
    article: int | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> store.ClaimFilter:
    """The `store.ClaimFilter` of the `list` options (limit 0 means all)."""
    return store.ClaimFilter(
        speaker=speaker,
        status=status.value if status else None,
        kind=kind,
        outlet=outlet,
        article_id=article,
        since=parse_day(since),
        until=parse_day(until),
        limit=limit or None,
        offset=offset,
    )


@app.command()
@guarded
def search(
    query: Annotated[str, typer.Argument(metavar="TEXT", help='Words, "a phrase", -excluded, OR.')],
    speaker: SpeakerOpt = None,
    status: StatusOpt = None,
    kind: KindOpt = None,
    outlet: OutletOpt = None,
    article: ArticleOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many claims; 0 for all.", min=0)] = 20,
    offset: OffsetOpt = 0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Search claim text, best match first, with the filters of `claims list`.

    Example: claims search "air strikes" --status unverified

    Words match their stems (strike finds strikes); case and accents are ignored.
    """
    flt = make_filter(speaker, status, kind, outlet, article, since, until, limit, offset)
    with reading(db) as s:
        found = search_claims(s, query, flt)
    records = []
    for claim, relevance in found:
        record = to_record(claim)
        record["relevance"] = round(relevance, 4)
        records.append(record)
    emit(records, fmt, _COLUMNS, csv_fields=(*CLAIM_FIELDS, "relevance"), render=_render)


def _render(record: Mapping[str, Any], key: str) -> Text:
    if key == "text":
        return Text(shorten(record["text"]))
    return cell(record.get(key))
