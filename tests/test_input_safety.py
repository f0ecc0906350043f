"""Input safety on SQLite and PostgreSQL: SQL, HTML and control characters in articles, speaker
names, notes and evidence are stored and shown as text; evidence is http(s) only; CSV is formula-safe."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claims.cli import app

runner = CliRunner()

SQL = "'); DROP TABLE claim;--"
HTML = "<script>alert(1)</script>"
MARKUP = "[bold]twice[/bold]"
# Escape, bell, delete, a right-to-left override and a line break: none may act on the terminal or the SQL.
CONTROL = "\x1b[2J\x07\x7f\N{RIGHT-TO-LEFT OVERRIDE}\n"

ARTICLE = {
    "title": "=cmd|' /C calc'!A0",
    "outlet": f"@Outlet{SQL}",
    "text": "\n\n".join(
        (
            f'"{SQL} is what the attacker typed into the form," Ana Ruiz said on Monday.',
            f'"{HTML} appeared on the page {MARKUP}," said Bruno Silva.',
            'Ruiz said =HYPERLINK("http://evil.example") was pasted into the form.',
            "Silva said @SUM(A1) was found in the sheet.",
            "Ruiz said +44 20 7946 0000 was the number to call.",
            "Silva said -2 degrees was the lowest reading of the night.",
        )
    ),
}


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert "Traceback" not in result.output
    return result


def claim(rows: list[dict[str, Any]], start: str) -> dict[str, Any]:
    """The stored claim whose text starts with `start`."""
    [row] = [r for r in rows if r["text"].startswith(start)]
    return row


def as_json(*args: str) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


@pytest.fixture
def hostile(db_url: str, tmp_path: Path) -> list[dict[str, Any]]:
    """The hostile article stored; returns its claims."""
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(ARTICLE))
    assert "1 new" in run("ingest", str(path)).stderr
    rows = as_json("list", "--limit", "0")
    assert len(rows) == 6
    return rows


def _counts() -> tuple[int, int, int]:
    rows = as_json("list", "--limit", "0")
    return len(rows), len({r["article_id"] for r in rows}), len(as_json("speakers"))


def test_article_text_is_stored_and_shown_as_text(
    hostile: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = ARTICLE["text"]
    for row in hostile:
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["outlet"] == ARTICLE["outlet"] and row["title"] == ARTICLE["title"]
    assert claim(hostile, f'"{SQL}')["speaker"] == "Ana Ruiz"
    assert claim(hostile, f'"{HTML}')["speaker"] == "Bruno Silva"
    monkeypatch.setenv("COLUMNS", "400")  # no folding inside the table cells
    table = run("list").stdout
    assert HTML in table and MARKUP in table and SQL in table
    article = run("article", str(hostile[0]["article_id"])).stdout
    assert HTML in article and MARKUP in article


def test_filters_are_parameters_not_sql(hostile: list[dict[str, Any]]) -> None:
    before = _counts()
    for probe in ("' OR 1=1 --", SQL, '" OR ""="', "%", "\\", "NEAR("):
        assert as_json("list", "--speaker", probe) == [], probe
        assert as_json("list", "--outlet", probe) == [], probe
        # search: hits or no hits, or one line saying there is nothing to look for; never SQL or FTS syntax
        found = runner.invoke(app, ["search", probe, "--format", "json"])
        assert found.exit_code in (0, 1) and "Traceback" not in found.output, probe
        if found.exit_code:
            assert found.stderr.startswith("Error: search ") and len(found.stderr.splitlines()) == 1, (
                found.stderr
            )
    assert len(as_json("list", "--outlet", ARTICLE["outlet"])) == len(hostile)
    assert _counts() == before


def test_speaker_names_are_stored_and_found_as_text(hostile: list[dict[str, Any]]) -> None:
    speaker_id = claim(hostile, f'"{SQL}')["speaker_id"]
    name = f"Robert{SQL}{HTML}"
    run("speakers", "rename", str(speaker_id), name)
    names = {s["id"]: s["name"] for s in as_json("speakers")}
    assert names[speaker_id] == name
    found = as_json("list", "--speaker", name)
    assert found and {r["speaker_id"] for r in found} == {speaker_id}
    assert {r["speaker"] for r in found} == {name}


def test_review_fields_are_stored_and_shown_verbatim(hostile: list[dict[str, Any]], db_url: str) -> None:
    claim_id = str(claim(hostile, f'"{SQL}')["id"])
    note = f"{SQL} {HTML} {MARKUP} {CONTROL}end"
    reviewer = f"Robert{SQL}{CONTROL}"
    evidence = "https://example.org/search?q=%27);DROP+TABLE+claim;--&x=<script>"
    run("dispute", claim_id, "--note", note, "--by", reviewer, "--evidence", evidence)
    [review] = as_json("show", claim_id)["reviews"]
    assert (review["note"], review["reviewer"], review["evidence"]) == (note, reviewer, [evidence])
    assert as_json("show", claim_id)["status"] == "disputed"

    # NUL: SQLite keeps it; PostgreSQL refuses it in text, which must be one clear line, nothing stored.
    result = runner.invoke(app, ["verify", claim_id, "--note", "before\x00after"])
    if db_url.startswith("postgresql"):
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and "NUL" in result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert len(as_json("show", claim_id)["reviews"]) == 1
    else:
        assert result.exit_code == 0, result.stderr
        assert as_json("show", claim_id)["reviews"][-1]["note"] == "before\x00after"


BAD_EVIDENCE = (
    "ftp://example.org/report.pdf",
    "javascript:alert(1)",
    "JavaScript://example.org/%0Aalert(1)",
    "file:///etc/passwd",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "mailto:desk@example.org",
    "example.org/no-scheme",
    "//example.org/no-scheme",
    "https://",
    "http:///only-a-path",
    "https://exa mple.org/",
    "https://example.org/\x1b[2J",
    "https://example.org/\x00",
    "https://example.org/\x07bell",
    "",
)
GOOD_EVIDENCE = (
    "https://example.org/a?b=c#d",
    "HTTP://EXAMPLE.ORG/UPPER",
    "  https://example.org/padded  ",
    "https://\N{KATAKANA LETTER E}.example/\N{KATAKANA LETTER PA}",
)


def test_evidence_must_be_an_http_url(hostile: list[dict[str, Any]]) -> None:
    claim_id = str(hostile[0]["id"])
    for bad in BAD_EVIDENCE:
        result = runner.invoke(
            app, ["verify", claim_id, "--evidence", "https://example.org/ok", "--evidence", bad]
        )
        assert result.exit_code == 1, bad
        assert result.stderr == f"Error: evidence must be an http(s) URL, not {bad!r}\n", bad
    detail = as_json("show", claim_id)  # not even the good URL beside a bad one was stored
    assert detail["reviews"] == [] and detail["status"] == "unverified"
    run("verify", claim_id, *(arg for url in GOOD_EVIDENCE for arg in ("--evidence", url)))
    [review] = as_json("show", claim_id)["reviews"]
    assert review["evidence"] == [url.strip() for url in GOOD_EVIDENCE]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _csv_cells(*args: str) -> list[str]:
    out = run(*args, "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) >= 2, out  # a header and data
    return [cell for row in rows for cell in row]


def test_csv_cells_cannot_start_a_formula(hostile: list[dict[str, Any]]) -> None:
    formula = claim(hostile, "=HYPERLINK")
    run("speakers", "rename", str(formula["speaker_id"]), "--", "-Mallory")
    run("verify", str(formula["id"]), "--note", "=1+1", "--by", "+Eve")
    article_id = str(formula["article_id"])
    dangerous = ("=HYP", "@SUM", "+44 ", "-2 d")
    for args in (
        ("list",),
        ("export",),
        ("search", "sheet OR number OR reading OR pasted"),
        ("show", str(formula["id"])),
        ("article", article_id),
        ("speakers",),
    ):
        cells = _csv_cells(*args)
        risky = [c for c in cells if c.startswith(_FORMULA)]
        assert risky == [], (args, risky)
        assert any(c.startswith("'=") or c.startswith("'@") or c.startswith("'-") for c in cells), args
    listed = _csv_cells("list", "--limit", "0")
    for start in dangerous:
        assert any(c.startswith("'" + start) for c in listed), start
    assert "'" + ARTICLE["title"] in listed and "'" + ARTICLE["outlet"] in listed
    # JSON keeps every value as it is: the guard belongs to CSV only.
    texts = {r["text"][:4] for r in as_json("list", "--limit", "0")}
    assert set(dangerous) <= texts


def test_table_output_shows_control_characters_as_text(tmp_path: Path) -> None:
    path = tmp_path / "esc.json"
    text = '"\x1b[2J\x1b]0;pwned\x07 is what the screen showed," Ana Ruiz said.'
    path.write_text(json.dumps({"text": text}))
    run("ingest", str(path))
    [row] = as_json("list")
    run("speakers", "rename", str(row["speaker_id"]), "Eve\x1b[31m")
    run("verify", str(row["id"]), "--note", "cleared\x1b[2J", "--by", "Mallory\x1b[8m")
    for args in (("list",), ("show", str(row["id"])), ("speakers",), ("article", str(row["article_id"]))):
        result = run(*args)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args
