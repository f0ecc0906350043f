"""`claims speakers`: every stored speaker with kind, role, aliases and claim counts per status.

A sub-app: with no subcommand it lists; subcommands (merge, rename) register on `speakers_app`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import typer
from rich.text import Text

from claims import store
from claims.cli import app, guarded
from claims.cli.common import DbOption, FormatOption, OutputFormat, cell, emit, printable, reading
from claims.export import to_record
from claims.models import Status

speakers_app = typer.Typer(
    name="speakers",
    help="Speakers: list them (no subcommand), merge or rename.",
    no_args_is_help=False,
    add_completion=False,
)
app.add_typer(speakers_app)

_STATUSES = [s.value for s in Status]
_COLUMNS = (
    ("id", "ID"),
    ("name", "speaker"),
    ("kind", "kind"),
    ("role", "role"),
    ("aliases", "aliases"),
    ("claims", "claims"),
    *((s, s) for s in _STATUSES),
)
_CSV_FIELDS = ("id", "name", "kind", "role", "aliases", "claims", *_STATUSES)


@speakers_app.callback(invoke_without_command=True)
@guarded
def speakers(
    ctx: typer.Context,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List every speaker with kind, role, aliases and claim counts per status, most claims first.

    Example: claims speakers --format csv
    """
    if ctx.invoked_subcommand is not None:
        return
    with reading(db) as s:
        rows = store.list_speakers(s)
    records: list[dict[str, Any]] = []
    for row in rows:
        record = to_record(row)
        record.update({status: row.by_status.get(status, 0) for status in _STATUSES})
        records.append(record)
    emit(records, fmt, _COLUMNS, csv_fields=_CSV_FIELDS, render=_render)


def _render(record: Mapping[str, Any], key: str) -> Text:
    if key in _STATUSES or key == "claims":
        value = record.get(key, 0)
        return Text(printable(str(value)), style="" if value else "dim")
    return cell(record.get(key))
