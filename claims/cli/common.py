"""Options and output shared by the store commands: `--db`, `--format`, and the table/JSON/JSONL/CSV writers.

Tables are drawn with rich; every stored string goes in as `Text`, never as markup, so a claim
holding `[them]` or a name holding `[bold]` prints as written.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine
from sqlmodel import Session

from claims import db as _db
from claims.export import write_csv, write_json, write_jsonl


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="CLAIMS_DB",
        show_envvar=True,
        help="Database: a file path or a SQLAlchemy URL (postgresql://...). Default: claims.db in the current directory.",
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people; json, jsonl or csv for scripts.")
]


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A `YYYY-MM-DD` option value (a Typer `parser=`, so a bad one is a usage error, exit 2)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2015-07-28") from None


def open_db(db: str | None) -> Engine:
    """The store named by `--db`/`CLAIMS_DB` (or the default), migrated to the newest schema."""
    return _db.open_store(db)


@contextmanager
def reading(db: str | None) -> Iterator[Session]:
    """A read-only transaction on the store."""
    engine = open_db(db)
    try:
        with _db.session(engine, write=False) as s:
            yield s
    finally:
        engine.dispose()


@contextmanager
def writing(db: str | None) -> Iterator[Session]:
    """One writing transaction on the store, committed on success."""
    engine = open_db(db)
    try:
        with _db.session(engine) as s:
            yield s
    finally:
        engine.dispose()


# Width for tables written to a pipe or file, unless $COLUMNS says otherwise (rich would use 80).
PIPE_WIDTH = 140


def stdout() -> Console:
    # highlight=False: no guessing colours for numbers and URLs inside quotes.
    console = Console(highlight=False, soft_wrap=False)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console.width = PIPE_WIDTH
    return console


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


# Control characters in stored text (an ESC from a scraped page, a BEL) are shown as their Unicode
# control pictures (U+2400 block), one character for one, so they never act on the terminal and
# offsets into the text stay valid. Newline and tab keep their meaning.
_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)} | {0x7F: 0x2421}
_PICTURES |= dict.fromkeys(range(0x80, 0xA0), 0xFFFD)


def printable(value: str) -> str:
    """`value` with every control character replaced by a visible stand-in of the same length."""
    return value.translate(_PICTURES)


def cell(value: Any) -> Text:
    """A table cell that shows `value` literally."""
    if value is None:
        return Text("")
    if isinstance(value, list | tuple):
        return Text(printable(", ".join(str(v) for v in value)))
    return Text(printable(str(value)))


def shorten(text: str, width: int = 90) -> str:
    flat = printable(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "…"


Column = tuple[str, str]  # (record key, header)
# Columns kept on one line: ids, dates, statuses and names read badly when folded.
_NO_WRAP = frozenset({"id", "status", "date", "dated", "speaker", "name"})


def emit(
    records: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[Column],
    *,
    csv_fields: Sequence[str] | None = None,
    render: Callable[[Mapping[str, Any], str], Text] | None = None,
    caption: str | None = None,
) -> None:
    """Write records to stdout: a rich table (only `columns`), or every field as JSON, JSONL or CSV."""
    with piped():
        _emit(records, fmt, columns, csv_fields=csv_fields, render=render, caption=caption)


def _emit(
    records: Sequence[Mapping[str, Any]],
    fmt: OutputFormat,
    columns: Sequence[Column],
    *,
    csv_fields: Sequence[str] | None,
    render: Callable[[Mapping[str, Any], str], Text] | None,
    caption: str | None,
) -> None:
    if fmt is OutputFormat.json:
        write_json(records, sys.stdout)
    elif fmt is OutputFormat.jsonl:
        write_jsonl(records, sys.stdout)
    elif fmt is OutputFormat.csv:
        write_csv(records, sys.stdout, csv_fields)
    else:
        table = Table(show_lines=False, caption=caption, caption_justify="left")
        for key, header in columns:
            table.add_column(header, overflow="fold", no_wrap=key in _NO_WRAP)
        for record in records:
            cells = [render(record, key) if render else cell(record.get(key)) for key, _ in columns]
            table.add_row(*cells)
        stdout().print(table)


@contextmanager
def piped() -> Iterator[None]:
    """Stop quietly when the reader of stdout goes away (`claims list | head`)."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def message(text: str) -> None:
    """A line for the person at the terminal, on stderr."""
    typer.echo(printable(text), err=True)


def default_reviewer() -> str:
    """`$CLAIMS_USER`, else the operating-system user name, else `unknown`."""
    name = os.environ.get("CLAIMS_USER")
    if name:
        return name
    try:
        import getpass

        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"
