"""`claims export`: the claims `list` would show, as JSON, JSONL, CSV or schema.org ClaimReview
JSON-LD (reviewed claims only), to stdout or a file."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claims import store
from claims.claimreview import claimreview, reviewed_claims
from claims.cli import app, guarded
from claims.cli.common import DbOption, message, reading
from claims.cli.search import (
    ArticleOpt,
    KindOpt,
    OffsetOpt,
    OutletOpt,
    SinceOpt,
    SpeakerOpt,
    StatusOpt,
    UntilOpt,
    make_filter,
)
from claims.errors import InputError
from claims.export import CLAIM_FIELDS, to_record, write_csv, write_json, write_jsonl


def _check_template(value: str | None) -> str | None:
    # Checked while Typer reads the options: a usage error (exit 2) naming the flag.
    if value is not None and "{id}" not in value:
        raise typer.BadParameter("must contain {id}, where the claim ID goes")
    return value


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    claimreview = "claimreview"


@app.command()
@guarded
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="json, jsonl, csv, or claimreview (JSON-LD).")
    ] = ExportFormat.json,
    speaker: SpeakerOpt = None,
    status: StatusOpt = None,
    kind: KindOpt = None,
    outlet: OutletOpt = None,
    article: ArticleOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many claims; 0 (default) for all.", min=0)] = 0,
    offset: OffsetOpt = 0,
    publisher: Annotated[
        str | None, typer.Option(help="claimreview: the fact-checking organisation, the review's author.")
    ] = None,
    url_template: Annotated[
        str | None,
        typer.Option(
            help="claimreview: the fact check's page, {id} is the claim ID, e.g. https://desk.example/claims/{id}.",
            callback=_check_template,
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export claims with the filters of `claims list`, oldest first.

    Example: claims export --format claimreview --status verified --publisher "Desk" --url-template "https://desk.example/claims/{id}"

    claimreview writes one ClaimReview per claim with a verdict (verified, disputed, inconclusive),
    each naming every article the same statement appeared in.
    """
    flt = make_filter(speaker, status, kind, outlet, article, since, until, limit, offset)
    with reading(db) as s:
        rows = store.list_claims(s, flt)
        reviewed = reviewed_claims(s, rows) if fmt is ExportFormat.claimreview else []
    out: TextIO
    try:
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from None
    try:
        if fmt is ExportFormat.claimreview:
            docs = claimreview(reviewed, publisher=publisher, url_template=url_template)
            write_json(docs, out)
            if any("url" not in d for d in docs):
                message(
                    "note: reviews without evidence have no url; give --url-template for Google's required url"
                )
        elif fmt is ExportFormat.jsonl:
            write_jsonl((to_record(r) for r in rows), out)
        elif fmt is ExportFormat.csv:
            write_csv((to_record(r) for r in rows), out, CLAIM_FIELDS)
        else:
            write_json([to_record(r) for r in rows], out)
    finally:
        if output:
            out.close()
    if output:
        message(f"wrote {output}")
