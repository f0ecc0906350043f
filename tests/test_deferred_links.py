"""`claims ingest --defer-links` then `claims links build` makes the links inline ingest makes, on
SQLite and PostgreSQL (`db_url`): the same pairs, relation, state and score, in batches that an
interruption leaves committed or untouched, never half-linked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from generated_articles import write_articles
from sqlalchemy import text
from typer.testing import CliRunner

from claims import deferred_links, linking
from claims.cli import app
from claims.db import make_engine
from claims.errors import StoreError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"  # fixtures/linking/ is the wire story, three copies of one quote
runner = CliRunner()


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


@pytest.fixture
def corpus(tmp_path: Path) -> list[str]:
    """The fixtures plus generated articles whose quotes repeat across many of them."""
    write_articles(tmp_path / "generated", 60, seed=11)
    return [str(FIXTURES), str(tmp_path / "generated")]


def link_state(url: str) -> tuple[set[tuple[Any, ...]], set[tuple[int, int]], int]:
    """Every link (as `claims links` lists it), every blocking key, and how many articles wait."""
    rows = json.loads(run("links", "--limit", "0", "--format", "json", "--db", url).stdout)
    links = {(r["a_id"], r["b_id"], r["relation"], r["state"], r["score"], r["origin"]) for r in rows}
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            keys = {(k, c) for k, c in conn.execute(text("SELECT key, claim_id FROM claimkey"))}
            waiting = conn.execute(text("SELECT count(*) FROM article WHERE links_pending")).scalar_one()
    finally:
        engine.dispose()
    return links, keys, int(waiting)


@pytest.fixture
def inline(other_db_url: str, corpus: list[str]) -> tuple[set[tuple[Any, ...]], set[tuple[int, int]], int]:
    """What plain `claims ingest` of the corpus links, in a second store on the same backend."""
    run("ingest", *corpus, "--db", other_db_url)
    state = link_state(other_db_url)
    assert len(state[0]) > 30 and state[2] == 0  # the generated quotes repeat: plenty of links
    assert {link[3] for link in state[0]} == {"confirmed", "suggested"}
    return state


def test_deferred_then_build_links_as_inline_ingest(db_url: str, corpus: list[str], inline: Any) -> None:
    result = run("ingest", "--defer-links", *corpus)
    assert "new, 0 already present, 0 failed" in result.stderr
    assert "waiting for links: run `claims links build`" in result.stderr
    links, keys, waiting = link_state(db_url)
    assert not links and not keys and waiting > 60
    listing = run("links")
    assert f"note: {waiting} articles waiting for links; run `claims links build`" in listing.stderr
    assert run("article", "1", "--format", "json").stdout.count('"links_pending": true') == 1

    built = run("links", "build", "--batch", "7")  # batches end mid-way through the wire copies
    assert f"linked {waiting} articles (" in built.stderr and f"{len(inline[0])} new links" in built.stderr
    assert link_state(db_url) == inline
    assert "note:" not in run("links").stderr

    again = run("links", "build")
    assert again.stderr.strip() == "no articles waiting for links"
    assert link_state(db_url) == inline


def test_reingest_of_deferred_articles(db_url: str, corpus: list[str], inline: Any) -> None:
    run("ingest", "--defer-links", *corpus)
    before = link_state(db_url)
    result = run("ingest", "--defer-links", *corpus)
    assert "0 new," in result.stderr and "0 claims stored" in result.stderr
    assert link_state(db_url) == before  # still waiting, nothing linked, nothing stored twice
    # A plain ingest links what is waiting first, so its own articles link in their order.
    result = run("ingest", *corpus)
    assert f"{before[2]} articles stored with --defer-links: linking them first" in result.stderr
    assert "0 new," in result.stderr
    assert link_state(db_url) == inline


def test_plain_ingest_after_a_deferred_one_keeps_the_order(
    db_url: str, other_db_url: str, tmp_path: Path
) -> None:
    first, second = write_articles(tmp_path / "a", 25, seed=3), write_articles(tmp_path / "b", 25, seed=4)
    run("ingest", *map(str, first), "--db", other_db_url)
    run("ingest", *map(str, second), "--db", other_db_url)
    run("ingest", "--defer-links", *map(str, first))
    run("ingest", *map(str, second))
    assert link_state(db_url) == link_state(other_db_url)
    assert link_state(db_url)[0]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, StoreError])
def test_interrupted_build_keeps_whole_batches_and_resumes(
    db_url: str, corpus: list[str], inline: Any, monkeypatch: pytest.MonkeyPatch, failure: type[BaseException]
) -> None:
    run("ingest", "--defer-links", *corpus)
    _, _, waiting = link_state(db_url)
    real = linking.link_new_claims
    calls = [0]

    def failing(session: Any, claims: Any, known: Any = None) -> list[linking.NewLink]:
        calls[0] += 1
        if calls[0] > 12:  # the third batch of five, two articles in
            raise failure("database went away")
        return real(session, claims, known)

    monkeypatch.setattr(deferred_links.linking, "link_new_claims", failing)
    result = run("links", "build", "--batch", "5", code=130 if failure is KeyboardInterrupt else 1)
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: interrupted" if failure is KeyboardInterrupt else "Error: database went away"
    )
    # before the error line: what the committed batches did, and what still waits
    assert "stopped: linked 10 articles" in result.stderr
    assert f"{waiting - 10} articles still waiting" in result.stderr
    links, keys, left = link_state(db_url)
    assert left == waiting - 10  # two batches committed, the third rolled back whole
    linked_claims = {claim_id for _, claim_id in keys}
    assert links and all(a in linked_claims and b in linked_claims for a, b, *_ in links)
    assert {link for link in inline[0] if link[1] in linked_claims} == links

    monkeypatch.setattr(deferred_links.linking, "link_new_claims", real)
    assert f"linked {waiting - 10} articles" in run("links", "build").stderr
    assert link_state(db_url) == inline


def test_show_says_when_links_are_not_built_yet(db_url: str) -> None:
    run("ingest", "--defer-links", str(FIXTURES / "linking"))
    note = "Links to other articles are not built yet"
    assert note in run("show", "1").stdout
    run("links", "build")
    linked = json.loads(run("links", "--format", "json").stdout)[0]["a_id"]
    assert note not in run("show", "1").stdout
    shown = run("show", str(linked)).stdout
    assert note not in shown and "Linked claims" in shown
