"""JSON, JSONL and CSV writers for claim rows; field names follow the eval FORMAT plus
`id`, `article_id`, `speaker_id` and `status`. CSV cells are made safe from formula injection.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, TextIO

from pydantic import BaseModel

# The order of columns in CSV and of keys in JSON for a claim.
CLAIM_FIELDS = (
    "id",
    "article_id",
    "speaker_id",
    "status",
    "start",
    "end",
    "text",
    "kind",
    "cue",
    "mention",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "date",
    "dated",
    "rule",
    "confidence",
    "outlet",
    "title",
)
# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def to_record(item: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """A JSON-ready dict (dates as ISO strings) from a *Public model or a mapping."""
    if isinstance(item, BaseModel):
        return item.model_dump(mode="json")
    return dict(item)


def write_json(records: Iterable[Mapping[str, Any]] | Mapping[str, Any], out: TextIO) -> None:
    """One JSON document: a list of records, or a single object."""
    value = dict(records) if isinstance(records, Mapping) else [dict(r) for r in records]
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    """One JSON object per line."""
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")


def safe_cell(value: Any) -> Any:
    """`value` for a CSV cell: a string a spreadsheet would run as a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    if isinstance(value, list | dict):
        return safe_cell(json.dumps(value, ensure_ascii=False))
    return value


def write_csv(records: Iterable[Mapping[str, Any]], out: TextIO, fields: Sequence[str] | None = None) -> None:
    """A header row then one row per record; unknown keys are dropped, cells are formula-safe."""
    rows = iter(records)
    first = next(rows, None)
    columns = list(fields) if fields is not None else list(first) if first is not None else []
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    if first is None:
        return
    for record in chain([first], rows):
        writer.writerow({k: safe_cell(record.get(k)) for k in columns})
