"""`claims parse` through the CLI: table, JSON and JSONL output, JSONL on stdin, and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claims.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "iran-iraq-military-support.txt"
# The fields of one quote in the eval format (../shared/eval/FORMAT.md).
EVAL_FIELDS = {"start", "end", "text", "kind", "mention", "speaker_start", "speaker_end", "speaker", "cue"}

runner = CliRunner()


def _run(*args: str, stdin: str | bytes | None = None) -> Any:
    return runner.invoke(app, ["parse", *args], input=stdin)


def _no_traceback(result: Any) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def _error_lines(result: Any) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# --------------------------------------------------------------------------- output formats


def test_table_lists_velayatis_quotes() -> None:
    result = _run(str(SEED))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Iran offers more military support to Iraq" in out
    assert out.count("Ali Akbar Velayati") >= 2
    assert "If the Iraqi government officially asks" in out
    assert "I firmly believe that eventually Ramadi" in out
    assert result.stderr == ""


def test_table_says_when_nothing_is_found(tmp_path: Path) -> None:
    path = tmp_path / "narration.txt"
    path.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    result = _run(str(path))
    assert result.exit_code == 0, result.output
    assert "no claims found" in result.stdout


def _check_record(record: dict[str, Any], text: str) -> None:
    assert record["quotes"], record
    for q in record["quotes"]:
        assert EVAL_FIELDS <= set(q)
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["kind"] in {"direct", "indirect", "mixed"}


def test_json_is_a_list_of_records_in_the_eval_format() -> None:
    result = _run(str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 1
    record = records[0]
    assert {"id", "quotes"} <= set(record)
    assert record["title"] == "Iran offers more military support to Iraq"
    assert record["date"] == "2015-07-28"
    assert len(record["quotes"]) == 9
    _check_record(record, SEED.read_text(encoding="utf-8"))
    velayati = [q for q in record["quotes"] if q["speaker"] == "Ali Akbar Velayati"]
    assert [q["kind"] for q in velayati] == ["direct", "direct"]


def test_jsonl_is_one_record_per_line(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text('"The bridge will open in May," Maria Lopez said.\n', encoding="utf-8")
    result = _run(str(SEED), str(other), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    _check_record(records[0], SEED.read_text(encoding="utf-8"))
    _check_record(records[1], other.read_text(encoding="utf-8"))
    assert records[1]["quotes"][0]["speaker"] == "Maria Lopez"


def test_empty_json_list_when_every_input_fails(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "missing.txt"), "--format", "json")
    assert result.exit_code != 0
    assert json.loads(result.stdout) == []


# --------------------------------------------------------------------------- JSONL on stdin

DOCS = [
    {"id": "doc-1", "text": '"We will win the vote," Maria Lopez said.', "date": "2015-07-28"},
    {"id": "doc-2", "text": "The council met on Tuesday and approved the budget."},
    {"id": "doc-3", "text": "Paul Dunn says the strike is over.", "date": "2016-03-01"},
]


def _jsonl(docs: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(d) + "\n" for d in docs)


def test_jsonl_stdin_gives_one_prediction_per_document() -> None:
    result = _run("-", "--format", "jsonl", stdin=_jsonl(DOCS))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["doc-1", "doc-2", "doc-3"]
    for doc, record in zip(DOCS, records, strict=True):
        for q in record["quotes"]:
            assert EVAL_FIELDS <= set(q)
            assert doc["text"][q["start"] : q["end"]] == q["text"]
    assert [q["speaker"] for q in records[0]["quotes"]] == ["Maria Lopez"]
    assert records[1]["quotes"] == []
    # the input date is the publication date: a present-tense claim is dated to it
    assert [(q["text"], q["date"]) for q in records[2]["quotes"]] == [("the strike is over", "2016-03-01")]


def test_jsonl_stdin_with_a_malformed_line_names_it_and_keeps_the_rest() -> None:
    lines = _jsonl(DOCS[:1]) + '{"id": "doc-bad", "text": \n' + _jsonl(DOCS[2:])
    result = _run("-", "--format", "jsonl", stdin=lines)
    assert result.exit_code != 0
    _no_traceback(result)
    errors = _error_lines(result)
    assert len(errors) == 1
    assert errors[0].startswith("Error: ") and ":2" in errors[0]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["doc-1", "doc-3"]


def test_jsonl_stdin_line_without_text_is_an_error() -> None:
    result = _run("-", "--format", "jsonl", stdin=_jsonl([{"id": "no-text"}, DOCS[0]]))
    assert result.exit_code != 0
    _no_traceback(result)
    errors = _error_lines(result)
    assert len(errors) == 1 and errors[0].startswith("Error: ") and ":1" in errors[0]
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["doc-1"]


# --------------------------------------------------------------------------- bad input


def _binary(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)


def _garbage(path: Path) -> None:
    # broken UTF-8 sequences that are not Windows-1252 text either
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0x81, 0x8D, 0x9D]) * 40)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _blank(path: Path) -> None:
    path.write_text("  \n\n\t\n", encoding="utf-8")


BAD = {"binary": _binary, "garbage": _garbage, "empty": _empty, "blank": _blank, "missing": None}


def _bad_file(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}-input.txt"
    make = BAD[kind]
    if make is not None:
        make(path)
    return path


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_is_one_line_error_naming_it(tmp_path: Path, kind: str) -> None:
    path = _bad_file(tmp_path, kind)
    result = _run(str(path))
    assert result.exit_code != 0
    _no_traceback(result)
    errors = _error_lines(result)
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("Error: ")
    assert path.name in errors[0]
    assert result.stdout.strip() == ""


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_good_inputs_are_parsed_beside_bad_ones(tmp_path: Path, fmt: str) -> None:
    bad = [_bad_file(tmp_path, kind) for kind in sorted(BAD)]
    result = _run(str(bad[0]), str(SEED), *map(str, bad[1:]), "--format", fmt)
    assert result.exit_code != 0
    _no_traceback(result)
    errors = _error_lines(result)
    assert len(errors) == len(bad), result.stderr
    for path, line in zip(bad, errors, strict=True):
        assert line.startswith("Error: ") and path.name in line
    assert "Ali Akbar Velayati" in result.stdout
    if fmt == "json":
        assert len(json.loads(result.stdout)) == 1
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in result.stdout.splitlines()]) == 1


def test_no_paths_is_a_usage_error() -> None:
    result = _run()
    assert result.exit_code == 2
    _no_traceback(result)


def test_unknown_format_is_a_usage_error() -> None:
    result = _run(str(SEED), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


# --------------------------------------------------------------------------- parallel parsing


def test_jobs_parse_in_processes_with_the_same_output_in_input_order() -> None:
    # enough documents to fill several windows, so the process pool really runs; a malformed
    # line in the middle is still reported, and every good document is still parsed
    docs = [{**DOCS[n % 3], "id": f"doc-{n}"} for n in range(150)]
    lines = _jsonl(docs[:70]) + '{"id": "doc-bad", "text": \n' + _jsonl(docs[70:])
    serial = _run("-", "--format", "jsonl", stdin=lines)
    parallel = _run("-", "--format", "jsonl", "--jobs", "2", stdin=lines)
    assert serial.exit_code == parallel.exit_code == 1
    _no_traceback(parallel)
    assert parallel.stdout == serial.stdout
    assert [json.loads(line)["id"] for line in parallel.stdout.splitlines()] == [d["id"] for d in docs]
    assert _error_lines(parallel) == _error_lines(serial) and ":71" in _error_lines(parallel)[0]


def test_jobs_must_not_be_negative() -> None:
    result = _run(str(SEED), "--jobs", "-1")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
