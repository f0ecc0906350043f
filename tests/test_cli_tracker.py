"""The tracker commands end to end through the CLI, on SQLite and on PostgreSQL (the `db_url` fixture)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claims.cli import app
from claims.export import safe_cell, write_csv

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "iran-iraq-military-support.txt"

runner = CliRunner()


def run(*args: str, input: str | None = None, code: int = 0) -> Any:
    result = runner.invoke(app, list(args), input=input)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def as_json(*args: str) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


def velayati_ids() -> list[int]:
    return [row["id"] for row in as_json("list", "--speaker", "Velayati")]


@pytest.fixture
def seeded(db_url: str) -> str:
    result = run("ingest", str(SEED))
    assert "1 new, 0 already present, 0 failed" in result.stderr
    return db_url


def test_quick_start_flow(seeded: str) -> None:
    rows = as_json("list", "--speaker", "Velayati")
    assert len(rows) == 2
    assert {r["speaker"] for r in rows} == {"Ali Akbar Velayati"}
    assert {r["kind"] for r in rows} == {"direct"}
    assert [r["date"] for r in rows] == [None, None]  # the text does not say when
    assert [r["dated"] for r in rows] == ["2015-07-28", "2015-07-28"]  # so the publication date is used
    assert rows[0]["text"].startswith('"If the Iraqi government')
    table = run("list", "--speaker", "Velayati").stdout
    assert "Ali Akbar Velayati" in table and "2015-07-28" in table
    assert "confront [them]" in run("show", str(rows[0]["id"])).stdout  # brackets are text, not markup

    first = rows[0]["id"]
    done = run(
        "verify", str(first), "--note", "matches IRNA transcript", "--evidence", "https://example.org/irna"
    )
    assert f"claim {first}: verified" in done.stderr
    verified = as_json("list", "--status", "verified")
    assert [r["id"] for r in verified] == [first]

    detail = as_json("show", str(first))
    assert detail["status"] == "verified"
    assert [(r["status"], r["note"], r["evidence"]) for r in detail["reviews"]] == [
        ("verified", "matches IRNA transcript", ["https://example.org/irna"])
    ]
    assert detail["links"] == []
    assert detail["article"]["published"] == "2015-07-28"
    assert "Velayati" in detail["context"]
    shown = run("show", str(first)).stdout
    assert "matches IRNA transcript" in shown and "https://example.org/irna" in shown and "verified" in shown


def test_reingest_is_a_no_op(seeded: str) -> None:
    before = as_json("list", "--limit", "0")
    result = run("ingest", str(SEED))
    assert "0 new, 1 already present, 0 failed; 0 claims stored" in result.stderr
    assert as_json("list", "--limit", "0") == before


def test_offsets_point_into_the_stored_text(seeded: str) -> None:
    article = as_json("article", "1")
    assert article["claims"], "the seed article has claims"
    for claim in article["claims"]:
        assert article["text"][claim["start"] : claim["end"]] == claim["text"]
        if claim["speaker_start"] is not None:
            assert article["text"][claim["speaker_start"] : claim["speaker_end"]] == claim["mention"]
    assert article["text"] == SEED.read_text(encoding="utf-8").strip() or SEED.read_text(encoding="utf-8")


def test_history_is_appended_never_rewritten(seeded: str) -> None:
    claim = str(velayati_ids()[1])
    run("dispute", claim, "--note", "no such statement", "--by", "ann")
    run("mark", claim, "in-review", "--by", "bob")
    run("reopen", claim, "--by", "cy")
    detail = as_json("show", claim)
    assert detail["status"] == "unverified"
    assert [(r["status"], r["reviewer"]) for r in detail["reviews"]] == [
        ("disputed", "ann"),
        ("in-review", "bob"),
        ("unverified", "cy"),
    ]


def test_reviewer_defaults_to_claims_user(seeded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMS_USER", "desk-7")
    claim = str(velayati_ids()[0])
    run("verify", claim)
    assert as_json("show", claim)["reviews"][0]["reviewer"] == "desk-7"


@pytest.mark.parametrize(
    "args, message",
    [
        (["verify", "{id}", "999"], "Error: no claim with ID 999"),
        (["dispute", "998", "999"], "Error: no claims with IDs 998, 999"),
        (["verify", "{id}", "--evidence", "javascript:alert(1)"], "Error: evidence must be an http(s) URL"),
        (["mark", "999", "verified"], "Error: no claim with ID 999"),
    ],
)
def test_errors_change_nothing(seeded: str, args: list[str], message: str) -> None:
    claim = str(velayati_ids()[0])
    result = run(*[a.replace("{id}", claim) for a in args], code=1)
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    detail = as_json("show", claim)
    assert detail["status"] == "unverified" and detail["reviews"] == []
    assert as_json("list", "--status", "verified") == [] and as_json("list", "--status", "disputed") == []


def test_unknown_ids_for_reading_commands(seeded: str) -> None:
    assert run("show", "999", code=1).stderr == "Error: no claim with ID 999\n"
    assert run("article", "999", code=1).stderr == "Error: no article with ID 999\n"


def test_bad_flags_exit_2(seeded: str) -> None:
    assert "not a date" in run("list", "--since", "yesterday", code=2).stderr
    assert run("mark", "1", "true", code=2).exit_code == 2
    assert run("list", "--format", "xml", code=2).exit_code == 2


def test_failure_in_the_middle_keeps_the_rest(db_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "a_good.txt")
    (inputs / "b_bad.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (inputs / "c_good.txt").write_text(
        "Water talks\n\nUpdated Mar 3, 2016\n\n"
        '"The reservoirs will not run dry," Mayor Ana Costa said on Tuesday.\n',
        encoding="utf-8",
    )
    result = run("ingest", str(inputs), code=1)
    assert "b_bad.txt" in result.stderr
    assert "2 new, 0 already present, 1 failed" in result.stderr
    titles = {r["title"] for r in as_json("list", "--limit", "0")}
    assert titles == {"Iran offers more military support to Iraq", "Water talks"}
    # no half article: every stored article has all of its parsed claims
    seed_claims = json.loads(run("parse", str(SEED), "--format", "jsonl").stdout)["quotes"]
    assert len(as_json("list", "--article", "1", "--limit", "0")) == len(seed_claims)


def test_ingest_stdin_with_overrides(db_url: str) -> None:
    text = 'Budget row\n\n"Not one nurse will be hired before autumn," Minister Ana Costa told reporters.\n'
    result = run("ingest", "-", "--outlet", "Daily Planet", "--date", "2016-03-01", input=text)
    assert "1 new" in result.stderr
    (row,) = as_json("list", "--outlet", "daily planet")
    assert row["outlet"] == "Daily Planet" and row["dated"] == "2016-03-01" and row["speaker"] == "Ana Costa"
    assert as_json("list", "--speaker", "costa")[0]["id"] == row["id"]
    assert as_json("list", "--since", "2016-03-02") == []
    assert len(as_json("list", "--until", "2016-03-01", "--kind", "direct")) == 1


def test_ingest_bad_date_is_exit_2(db_url: str) -> None:
    assert "--date" in run("ingest", str(SEED), "--date", "28/07/2015", code=2).stderr


def test_speakers(seeded: str) -> None:
    speakers = {s["name"]: s for s in as_json("speakers")}
    velayati = speakers["Ali Akbar Velayati"]
    assert velayati["kind"] == "person" and velayati["claims"] == 2
    assert "Velayati" in velayati["aliases"] and velayati["unverified"] == 2
    run("verify", str(velayati_ids()[0]))
    velayati = next(s for s in as_json("speakers") if s["name"] == "Ali Akbar Velayati")
    assert velayati["by_status"] == {"unverified": 1, "verified": 1}
    table = run("speakers").stdout
    assert "Ali Akbar Velayati" in table
    assert (
        run("speakers", "--format", "csv")
        .stdout.splitlines()[0]
        .startswith("id,name,kind,role,aliases,claims")
    )


def test_article_highlights(seeded: str) -> None:
    out = run("article", "1").stdout
    assert "[1]" in out and "Ali Akbar Velayati" in out and "Iran offers more military support" in out
    claims = as_json("article", "1")["claims"]
    assert [c["start"] for c in claims] == sorted(c["start"] for c in claims)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_reading_formats_agree(seeded: str, fmt: str) -> None:
    out = run("list", "--speaker", "velayati", "--format", fmt).stdout
    if fmt == "json":
        ids = [r["id"] for r in json.loads(out)]
    elif fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in out.splitlines()]
    else:
        header, *lines = out.splitlines()
        assert header.split(",")[:4] == ["id", "article_id", "speaker_id", "status"]
        ids = [int(line.split(",")[0]) for line in lines]
    assert ids == velayati_ids()
    for command in (["show", str(ids[0])], ["article", "1"], ["speakers"]):
        assert run(*command, "--format", fmt).stdout.strip()


def test_explicit_db_option(db_url: str, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    run("ingest", str(SEED), "--db", str(other))
    assert other.exists()
    assert as_json("list", "--db", str(other))
    assert as_json("list") == []  # CLAIMS_DB untouched


def test_csv_cells_cannot_run_formulas(tmp_path: Path) -> None:
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert [safe_cell(v) for v in ("+1", "-1", "@SUM(A1)", "plain", 3)] == [
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "plain",
        3,
    ]
    path = tmp_path / "x.csv"
    with path.open("w", encoding="utf-8") as out:
        write_csv([{"text": "=1+1", "n": 2}], out)
    assert path.read_text(encoding="utf-8") == "text,n\n'=1+1,2\n"


def test_show_lists_linked_claims(seeded: str) -> None:
    from claims.db import open_store, session
    from claims.models import ClaimLink

    first, second = velayati_ids()
    engine = open_store(seeded)
    with session(engine) as s:
        s.add(ClaimLink(a_id=first, b_id=second, relation="related", score=0.5, origin="manual"))
    engine.dispose()
    (link,) = as_json("show", str(second))["links"]
    assert (link["other_id"], link["relation"], link["other_status"]) == (first, "related", "unverified")
    assert link["other_speaker"] == "Ali Akbar Velayati"
    out = run("show", str(first)).stdout
    assert "Linked claims" in out and "related" in out


def test_list_says_when_the_limit_cut_it(seeded: str) -> None:
    cut = run("list", "--limit", "2", "--format", "jsonl")
    assert len(cut.stdout.splitlines()) == 2 and "--limit 0 lists all" in cut.stderr
    whole = run("list", "--limit", "0", "--format", "jsonl")
    assert len(whole.stdout.splitlines()) > 2 and whole.stderr == ""
