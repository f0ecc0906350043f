"""`claims export`: JSON, JSONL and CSV with the list filters, and ClaimReview JSON-LD of the
fixtures checked against the schema.org vocabulary, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from schemaorg_vocab import missing_recommended, validate
from typer.testing import CliRunner

from claims.cli import app
from claims.export import CLAIM_FIELDS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "iran-iraq-military-support.txt"
LINKING = ROOT / "fixtures" / "linking"
TEMPLATE = "https://desk.example/claims/{id}"
runner = CliRunner()


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def listed(*args: str) -> list[dict[str, Any]]:
    return json.loads(run("list", "--limit", "0", *args, "--format", "json").stdout)


@pytest.fixture
def stored(db_url: str) -> str:
    run("ingest", str(SEED), str(LINKING))
    return db_url


def test_json_jsonl_csv_follow_the_list_filters(stored: str) -> None:
    expected = listed("--speaker", "carvalho")
    assert expected
    as_json = json.loads(run("export", "--speaker", "carvalho").stdout)
    assert as_json == expected
    lines = run("export", "--format", "jsonl", "--speaker", "carvalho").stdout.splitlines()
    assert [json.loads(line) for line in lines] == expected
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--speaker", "carvalho").stdout)))
    assert [int(r["id"]) for r in rows] == [r["id"] for r in expected]
    assert list(rows[0]) == list(CLAIM_FIELDS)
    everything = json.loads(run("export").stdout)
    assert len(everything) == len(listed()) >= 20  # all of them: no default limit
    assert json.loads(run("export", "--outlet", "Northern Post", "--kind", "direct").stdout) == listed(
        "--outlet", "Northern Post", "--kind", "direct"
    )


def test_output_file(stored: str, tmp_path: Path) -> None:
    target = tmp_path / "claims.jsonl"
    result = run("export", "--format", "jsonl", "--output", str(target))
    assert result.stdout == "" and str(target) in result.stderr
    assert len(target.read_text(encoding="utf-8").splitlines()) == len(listed())


def _review_some() -> tuple[int, int]:
    rationing = [
        r["id"] for r in listed("--speaker", "carvalho", "--kind", "direct") if "reservoirs" in r["text"]
    ]
    run("verify", str(rationing[0]), "--propagate", "--note", "Order in the gazette",
        "--evidence", "https://gazette.example/2021/rationing", "--by", "Dana")  # fmt: skip
    velayati = listed("--speaker", "Velayati")[0]["id"]
    run("dispute", str(velayati), "--note", "No request was made", "--by", "Omar")
    return rationing[0], velayati


def test_claimreview_of_the_fixtures_validates_against_schema_org(stored: str) -> None:
    verified, disputed = _review_some()
    out = run("export", "--format", "claimreview", "--publisher", "Desk Check", "--url-template", TEMPLATE)
    docs = json.loads(out.stdout)
    reviewed = {r["id"] for r in listed() if r["status"] in ("verified", "disputed")}
    assert len(docs) == len(reviewed) == 4  # three wire copies (propagated) and Velayati's claim
    assert {d["url"] for d in docs} == {TEMPLATE.format(id=i) for i in reviewed}
    for doc in docs:
        assert validate(doc) == [], doc
        assert missing_recommended(doc) == [], doc
        assert doc["author"] == {"@type": "Organization", "name": "Desk Check"}
    by_url = {d["url"]: d for d in docs}
    wire = by_url[TEMPLATE.format(id=verified)]
    assert wire["reviewRating"]["alternateName"] == "True"
    assert wire["itemReviewed"]["author"] == {"@type": "Person", "name": "Ines Carvalho"}
    outlets = {a["publisher"]["name"] for a in wire["itemReviewed"]["appearance"]}
    assert outlets == {
        "Harbour Herald",
        "Capital Courier",
        "The Daily Ledger",
    }  # every outlet that carried it
    assert wire["citation"] == [{"@type": "CreativeWork", "url": "https://gazette.example/2021/rationing"}]
    seed = by_url[TEMPLATE.format(id=disputed)]
    assert seed["reviewRating"]["alternateName"] == "False"
    assert seed["itemReviewed"]["author"]["name"] == "Ali Akbar Velayati"
    assert seed["claimReviewed"].startswith("If the Iraqi government")
    assert seed["itemReviewed"]["appearance"]["headline"] == "Iran offers more military support to Iraq"


def test_claimreview_takes_the_list_filters_and_warns_without_url(stored: str) -> None:
    _review_some()
    docs = json.loads(run("export", "--format", "claimreview", "--speaker", "velayati").stdout)
    assert len(docs) == 1
    result = run("export", "--format", "claimreview", "--speaker", "velayati")
    assert "no url" in result.stderr  # no evidence, no template: Google's url is missing
    assert any("Google requires 'url'" in e for e in validate(docs[0]))
    assert docs[0]["author"] == {"@type": "Person", "name": "Omar"}  # no publisher: the reviewer
    assert json.loads(run("export", "--format", "claimreview", "--status", "unverified").stdout) == []


def test_bad_options(stored: str, tmp_path: Path) -> None:
    assert (
        "{id}"
        in run("export", "--format", "claimreview", "--url-template", "https://x.example/", code=2).stderr
    )
    assert "yaml" in run("export", "--format", "yaml", code=2).stderr
    missing = tmp_path / "no" / "such" / "dir" / "out.json"
    result = run("export", "--output", str(missing), code=1)
    assert result.stderr.startswith(f"Error: cannot write {missing}")
