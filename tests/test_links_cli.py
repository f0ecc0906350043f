"""Cross-article linking, verdict propagation and speaker identity, end to end through the CLI on
SQLite and PostgreSQL (`db_url`), with the wire story in fixtures/linking/."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from claims import store
from claims.cli import app
from claims.db import session
from claims.linking import MAX_LINKS, link_new_claims
from claims.results import Claim as ParsedClaim
from claims.results import ParsedArticle
from claims.verdicts import same_group

ROOT = Path(__file__).resolve().parent.parent
LINKING = ROOT / "fixtures" / "linking"
runner = CliRunner()
OPENING = "We will not allow the reservoirs"


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


def as_json(*args: str) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


@pytest.fixture
def wire(db_url: str) -> str:
    assert "4 new, 0 already present, 0 failed" in run("ingest", str(LINKING)).stderr
    return db_url


def _rationing_ids() -> list[int]:
    rows = as_json("list", "--speaker", "carvalho", "--limit", "0")
    return sorted(r["id"] for r in rows if r["kind"] == "direct" and OPENING in r["text"])


def _links_of(claim_id: int) -> list[dict[str, Any]]:
    return as_json("links", "--claim", str(claim_id))


def test_wire_copies_are_one_speaker_and_three_claims_linked_same(wire: str) -> None:
    carvalhos = [s for s in as_json("speakers") if "Carvalho" in s["name"]]
    assert len(carvalhos) == 1  # "Inés Carvalho" and "Ines Carvalho" across three outlets
    ids = _rationing_ids()
    assert len(ids) == 3
    outlets = {
        r["outlet"] for r in as_json("list", "--speaker", "carvalho", "--limit", "0") if r["id"] in ids
    }
    assert outlets == {"Harbour Herald", "Capital Courier", "The Daily Ledger"}
    for claim_id in ids:
        same = {
            (link["a_id"] if link["b_id"] == claim_id else link["b_id"])
            for link in _links_of(claim_id)
            if link["relation"] == "same" and link["state"] == "confirmed"
        }
        assert set(ids) - {claim_id} <= same
    shown = as_json("show", str(ids[0]))
    assert {link["other_id"] for link in shown["links"]} >= set(ids[1:])
    assert all(0.9 <= link["score"] <= 1.0 for link in shown["links"] if link["other_id"] in ids)


def test_two_people_sharing_a_surname_stay_two_speakers(wire: str) -> None:
    morenos = {s["name"]: s for s in as_json("speakers") if "Moreno" in s["name"]}
    assert set(morenos) == {"Ana Moreno", "Luis Moreno"}
    assert morenos["Ana Moreno"]["claims"] == 1 and morenos["Luis Moreno"]["claims"] == 2
    ana = as_json("list", "--speaker", "Ana Moreno")
    assert len(ana) == 1 and "health minister" in ana[0]["speaker_role"]
    assert not any(link["relation"] == "same" for link in _links_of(ana[0]["id"]))


def test_verify_with_propagate_reviews_every_copy_once(wire: str) -> None:
    first, *others = _rationing_ids()
    done = run("verify", str(first), "--propagate", "--note", "order in the gazette", "--by", "Dana")
    for claim_id in (first, *others):
        assert f"claim {claim_id}: verified" in done.stderr
    assert as_json("show", str(first))["reviews"][0]["origin_claim_id"] is None
    for claim_id in others:
        detail = as_json("show", str(claim_id))
        assert detail["status"] == "verified"
        [review] = detail["reviews"]
        assert review["origin_claim_id"] == first
        assert review["note"] == "order in the gazette" and review["reviewer"] == "Dana"
    verified = {r["id"] for r in as_json("list", "--status", "verified")}
    assert set(_rationing_ids()) <= verified


def test_verify_without_propagate_and_dispute_with_it(wire: str) -> None:
    first, second, third = _rationing_ids()
    run("verify", str(first))
    assert as_json("show", str(second))["status"] == "unverified"
    run("dispute", str(second), str(third), "--propagate")  # both named: each reviewed once
    for claim_id in (second, third):
        reviews = as_json("show", str(claim_id))["reviews"]
        assert [r["status"] for r in reviews] == ["disputed"]
    assert [r["status"] for r in as_json("show", str(first))["reviews"]] == ["verified", "disputed"]


def test_fragment_in_a_mixed_claim_is_suggested_then_confirmed(wire: str) -> None:
    mixed = [
        r for r in as_json("list", "--speaker", "carvalho", "--kind", "mixed") if "will begin" in r["text"]
    ]
    assert len(mixed) == 1
    suggested = [
        link for link in as_json("links", "--suggested") if mixed[0]["id"] in (link["a_id"], link["b_id"])
    ]
    assert suggested and all(link["relation"] == "same" for link in suggested)
    link_id = suggested[0]["id"]
    assert f"link {link_id}:" in run("links", "confirm", str(link_id)).stderr
    assert link_id not in {link["id"] for link in as_json("links", "--suggested")}
    if len(suggested) > 1:
        run("links", "reject", str(suggested[1]["id"]))
        states = {link["id"]: link["state"] for link in _links_of(mixed[0]["id"])}
        assert states[suggested[1]["id"]] == "rejected"


def test_manual_link_and_unlink(wire: str) -> None:
    a = as_json("list", "--speaker", "Ana Moreno")[0]["id"]
    b = as_json("list", "--speaker", "Luis Moreno")[0]["id"]
    assert "contradicts" in run("link", str(a), str(b), "--relation", "contradicts").stderr
    [made] = _links_of(a)
    assert (made["relation"], made["origin"], made["state"]) == ("contradicts", "manual", "confirmed")
    assert "removed 1 link between claims" in run("unlink", str(b), str(a)).stderr
    assert _links_of(a) == []
    assert run("unlink", str(a), str(b), code=1).stderr == f"Error: no link between claims {a} and {b}\n"


ERRORS = [
    (("link", "1", "99999"), 1, "Error: no claim with ID 99999"),
    (("link", "1", "1"), 1, "Error: cannot link claim 1 to itself"),
    (("link", "1", "2", "--relation", "agrees"), 2, "agrees"),
    (("links", "confirm", "99999"), 1, "Error: no link with ID 99999"),
    (("links", "--claim", "99999"), 1, "Error: no claim with ID 99999"),
    (("speakers", "merge", "1", "99999"), 1, "Error: no speaker with ID 99999"),
    (("speakers", "merge", "1", "1"), 1, "Error: cannot merge speaker 1 into itself"),
    (("speakers", "unmerge", "99999"), 1, "Error: no speaker merge with ID 99999"),
    (("speakers", "rename", "1", "  ...  "), 1, "has no letters or digits"),
]


def test_errors_are_one_line_and_change_nothing(wire: str) -> None:
    before = (as_json("links"), as_json("speakers"))
    for args, code, message in ERRORS:
        result = run(*args, code=code)
        assert message in result.stderr, args
        assert "Traceback" not in result.stderr
    assert (as_json("links"), as_json("speakers")) == before


def test_merge_then_unmerge_speakers(wire: str) -> None:
    speakers = {s["name"]: s for s in as_json("speakers")}
    ana, luis = speakers["Ana Moreno"]["id"], speakers["Luis Moreno"]["id"]
    ana_claims = {r["id"] for r in as_json("list", "--speaker", "Ana Moreno")}
    out = run("speakers", "merge", str(luis), str(ana)).stderr
    assert "1 claims moved" in out
    merged = {s["name"]: s for s in as_json("speakers")}
    assert "Ana Moreno" not in merged and merged["Luis Moreno"]["claims"] == 3
    assert "Ana Moreno" in merged["Luis Moreno"]["aliases"]
    found = {r["id"] for r in as_json("list", "--speaker", "Ana Moreno")}  # her name is now an alias
    assert ana_claims < found and len(found) == 3
    [record] = as_json("speakers", "merges")
    assert (record["kept_id"], record["merged_id"], record["undone_at"]) == (luis, ana, None)

    assert f"speaker {ana} (Ana Moreno) restored" in run("speakers", "unmerge", str(record["id"])).stderr
    restored = {s["name"]: s for s in as_json("speakers")}
    assert restored["Ana Moreno"]["id"] == ana and restored["Ana Moreno"]["claims"] == 1
    assert restored["Luis Moreno"]["claims"] == 2 and "Ana Moreno" not in restored["Luis Moreno"]["aliases"]
    assert {r["speaker_id"] for r in as_json("list", "--speaker", "Ana Moreno")} == {ana}
    again = run("speakers", "unmerge", str(record["id"]), code=1)
    assert again.stderr == f"Error: speaker merge {record['id']} was already undone\n"


def test_rename_keeps_the_old_name_as_alias(wire: str) -> None:
    carvalho = next(s for s in as_json("speakers") if "Carvalho" in s["name"])
    run("speakers", "rename", str(carvalho["id"]), "Inês Carvalho")
    renamed = next(s for s in as_json("speakers") if s["id"] == carvalho["id"])
    assert renamed["name"] == "Inês Carvalho"
    assert carvalho["name"] in renamed["aliases"]
    assert len(as_json("list", "--speaker", carvalho["name"], "--limit", "0")) == carvalho["claims"]
    luis = next(s for s in as_json("speakers") if s["name"] == "Luis Moreno")
    clash = run("speakers", "rename", str(luis["id"]), "Ana Moreno", code=1)
    assert "already called 'Ana Moreno'" in clash.stderr and "claims speakers merge" in clash.stderr


def test_same_quote_from_different_speakers_is_never_same(db_url: str, tmp_path: Path) -> None:
    quote = "We will not raise taxes on working families this year or next year, whatever happens"
    for i, who in enumerate(("Jane Doe, the finance minister", "Mark Roe, the opposition leader")):
        body = f'Budget row\n\nPublished {i + 1} March 2021\n\n"{quote}," {who}, said.\n'
        (tmp_path / f"a{i}.txt").write_text(body, encoding="utf-8")
    run("ingest", str(tmp_path / "a0.txt"), str(tmp_path / "a1.txt"))
    rows = as_json("list", "--limit", "0")
    assert len({r["speaker_id"] for r in rows}) == 2
    assert as_json("links") == []


def _parsed(text: str, quote: str, speaker: str, role: str | None) -> ParsedArticle:
    start = text.index(quote)
    claim = ParsedClaim(
        start, start + len(quote), quote, "direct", "said", None, None, speaker, None, None, speaker,
        "person", role, None, "test", 0.9,
    )  # fmt: skip
    return ParsedArticle(text, "t", dt.date(2021, 3, 1), None, (claim,))


def _store(engine: Engine, name: str, role: str | None, n: int) -> int:
    text = f'Headline {n}\n\n"Statement number {n} is here," {name} said.\n'
    with session(engine) as s:
        _, [claim] = store.add_article(
            s,
            _parsed(text, f'"Statement number {n} is here,"', name, role),
            source=f"s{n}",
            content_hash=f"h{n}",
        )
        return claim.speaker_id or 0


def test_bare_surname_resolves_only_when_unambiguous(engine: Engine) -> None:
    velayati = _store(engine, "Ali Akbar Velayati", "an adviser to Iran's supreme leader", 1)
    assert _store(engine, "Velayati", None, 2) == velayati  # one Velayati stored: the same person
    assert _store(engine, "A. A. Velayati", None, 3) == velayati
    hassan = _store(engine, "Hassan Velayati", "a member of parliament", 4)
    assert hassan != velayati
    assert _store(engine, "Ali Velayati", None, 5) == velayati  # first name settles it
    assert _store(engine, "Velayati", None, 6) not in (velayati, hassan)  # two Velayatis: ambiguous
    fresh = _store(engine, "Mohammad Velayati", None, 7)
    assert fresh not in (velayati, hassan)
    assert _store(engine, "Hassan Velayati", "a member of parliament", 8) == hassan


def test_bare_surname_with_a_conflicting_role_is_someone_else(engine: Engine) -> None:
    velayati = _store(engine, "Ali Akbar Velayati", "an adviser to Iran's supreme leader", 1)
    assert _store(engine, "Velayati", "the defence minister", 2) != velayati


def test_a_much_repeated_quote_gets_few_links_but_one_group(engine: Engine) -> None:
    quote = '"The port will stay closed until the strike is over, and no ship will be unloaded,"'
    ids = []
    for n in range(MAX_LINKS + 4):
        text = f"Port strike, day {n}\n\n{quote} Rosa Lind said.\n"
        with session(engine) as s:
            _, [claim] = store.add_article(
                s, _parsed(text, quote, "Rosa Lind", None), source=f"p{n}", content_hash=f"p{n}"
            )
            links = link_new_claims(s, [claim])
            assert len(links) == min(n, MAX_LINKS)
            assert all(link.state == "confirmed" and link.score == 1.0 for link in links)
            ids.append(claim.id)
    with session(engine) as s:
        assert same_group(s, ids[0]) == sorted(ids[1:])
