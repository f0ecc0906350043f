"""Faults: an ingest killed with SIGKILL at random points leaves a consistent store that a re-run
completes; an unreachable PostgreSQL server, a read-only, locked or broken SQLite file give one line."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from generated_articles import sqlite_consistency, store_consistency, write_articles
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from claims.cli import app
from claims.db import make_engine

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 200
KILLS = 5
SEED = 20150728

runner = CliRunner()


def _ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claims", "ingest", str(folder), "--db", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class _Store:
    """Reads a store while (and after) another process writes it, without creating or migrating it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sqlite = not url.startswith("postgresql")
        self.engine = None if self.sqlite else make_engine(url)

    def query(self, sql: str) -> list[Any]:
        if self.sqlite:
            path = Path(self.url)
            if not path.exists():
                raise LookupError(sql)
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
            try:
                return con.execute(sql).fetchall()
            finally:
                con.close()
        assert self.engine is not None
        with self.engine.connect() as con:
            return list(con.execute(text(sql)).all())

    def stored(self) -> int:
        """How many articles a reader sees now; -1 before the schema exists."""
        try:
            return int(self.query("SELECT count(*) FROM article")[0][0])
        except (LookupError, sqlite3.Error, DBAPIError):
            return -1

    def check(self) -> dict[str, int]:
        if self.stored() < 0:  # killed before the schema was in place: nothing else may be there
            return {"articles": 0, "claims": 0, "reviews": 0}
        return sqlite_consistency(Path(self.url)) if self.sqlite else store_consistency(self.url)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


def _kill_at(proc: subprocess.Popen[str], store: _Store, target: int, delay: float) -> bool:
    """SIGKILL `proc` once `target` articles are stored, `delay` seconds later; False if it ended first."""
    deadline = time.monotonic() + 120
    while store.stored() < target and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    return True


# SQLite gets the full run; PostgreSQL, whose transactions the server rolls back for a dead
# client, a shorter one to keep the suite fast.
PLAN = {"sqlite": (ARTICLES, KILLS), "postgres": (ARTICLES // 2, 3)}


def test_killed_ingests_leave_a_consistent_store_and_a_rerun_completes(db_url: str, tmp_path: Path) -> None:
    articles, kills = PLAN["postgres" if db_url.startswith("postgresql") else "sqlite"]
    folder = tmp_path / "articles"
    paths = write_articles(folder, articles, seed=SEED)
    store = _Store(db_url)
    rng = random.Random(SEED)
    reviews: dict[int, str] = {}  # claim id -> the status of its latest verdict given between kills
    given = 0
    killed = 0
    try:
        for round_ in range(kills):
            proc = _ingest(folder, db_url)
            if round_ == 0:
                # the first kill lands anywhere from start-up through migrating to the first articles
                killed += _kill_at(proc, store, -1, rng.uniform(0.0, 1.5))
            else:
                target = max(store.stored(), 0) + rng.randint(1, 35)
                killed += _kill_at(proc, store, target, rng.uniform(0.0, 0.05))
            counts = store.check()
            assert counts["reviews"] == given  # every verdict given so far is still there
            if counts["claims"]:
                # a verdict between kills, which later kills must not lose
                ids = [row[0] for row in store.query("SELECT id FROM claim ORDER BY id")]
                claim_id = rng.choice(ids)
                verb, status = rng.choice((("verify", "verified"), ("dispute", "disputed")))
                done = runner.invoke(app, [verb, str(claim_id), "--note", f"round {round_}", "--db", db_url])
                assert done.exit_code == 0, done.stderr
                reviews[claim_id] = status
                given += 1
        assert killed >= kills - 1, "the ingests finished before they could be killed"

        proc = _ingest(folder, db_url)
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert ", 0 failed;" in err and "Traceback" not in err
        counts = store.check()
        assert counts["articles"] == articles and counts["reviews"] == given
        sources = [row[0] for row in store.query("SELECT source FROM article")]
        assert sorted(sources) == sorted(str(p) for p in paths)  # each exactly once
        for claim_id, status in reviews.items():
            assert store.query(f"SELECT status FROM claim WHERE id = {claim_id:d}") == [(status,)]
    finally:
        store.close()


# --- the database is not there, not writable, locked or not a database ------------------------


def _one_line_error(args: list[str], *expected: str) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for piece in expected:
        assert piece in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text('"The harbour will reopen before the summer," the mayor, Ana Ruiz, said on Monday.\n')
    return path


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", ("cannot reach the database", "127.0.0.1:1")),
        ("postgres://postgres@127.0.0.1:1/test", ("cannot reach the database", "127.0.0.1:1")),
        ("postgresql+psycopg://postgres@no-such-host.invalid/test", ("no-such-host.invalid",)),
    ],
)
def test_postgres_down_is_one_line(url: str, expected: tuple[str, ...], article: Path) -> None:
    _one_line_error(["ingest", str(article), "--db", url], *expected)
    _one_line_error(["list", "--db", url], *expected)
    _one_line_error(["verify", "1", "--db", url], *expected)


def test_postgres_down_in_a_real_process_prints_no_traceback(article: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "claims",
            "ingest",
            str(article),
            "--db",
            "postgresql+psycopg://postgres@127.0.0.1:1/test",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.startswith(
        "Error: cannot reach the database at postgresql+psycopg://postgres@127.0.0.1:1/test"
    )
    assert len(proc.stderr.splitlines()) == 1


def _seed(db: Path, article: Path) -> None:
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.stderr


def test_read_only_database(tmp_path: Path, article: Path) -> None:
    # Root ignores file modes (chmod 0o444 would not stop it) and chattr/read-only mounts need
    # privileges a test lacks, so SQLite itself is asked to open the file read-only (`mode=ro`).
    db = tmp_path / "ro.db"
    _seed(db, article)
    before = db.read_bytes()
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    other = tmp_path / "two.txt"
    other.write_text('"The bridge is safe to cross," said the engineer, Goran Novak.\n')
    _one_line_error(["ingest", str(other), "--db", url], "read-only", str(db))
    _one_line_error(["verify", "1", "--note", "checked", "--db", url], "read-only", str(db))
    listed = runner.invoke(app, ["list", "--format", "json", "--db", url])  # reading still works
    assert listed.exit_code == 0 and "The harbour will reopen" in listed.stdout
    assert db.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_mode(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "ro.db"
    _seed(db, article)
    db.chmod(0o444)
    tmp_path.chmod(0o555)  # nor may SQLite create its -wal and -shm files beside it
    try:
        _one_line_error(["verify", "1", "--db", str(db)], str(db))
    finally:
        tmp_path.chmod(0o755)
        db.chmod(0o644)


_HOLD_LOCK = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
"""


def test_locked_database(tmp_path: Path, article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # db.py has no setting for the busy timeout (120 s, long enough to wait out another ingest);
    # the test shortens its module constant so the lock outlasts it in well under a second.
    db = tmp_path / "locked.db"
    _seed(db, article)
    monkeypatch.setattr("claims.db.BUSY_TIMEOUT_MS", 300)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        other = tmp_path / "two.txt"
        other.write_text('"The bridge is safe to cross," said the engineer, Goran Novak.\n')
        _one_line_error(["ingest", str(other), "--db", str(db)], "locked by another program", str(db))
        _one_line_error(["verify", "1", "--db", str(db)], "locked by another program", str(db))
    finally:
        holder.kill()
        holder.wait()
    assert sqlite_consistency(db) == {"articles": 1, "claims": 1, "reviews": 0}


def test_locked_rollback_journal_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file another tool keeps in rollback-journal mode: its EXCLUSIVE lock stops readers too.
    db = tmp_path / "journal.db"
    monkeypatch.setattr("claims.db.BUSY_TIMEOUT_MS", 300)
    con = sqlite3.connect(db, isolation_level=None)
    try:
        con.execute("CREATE TABLE other (x)")
        con.execute("BEGIN EXCLUSIVE")
        con.execute("INSERT INTO other VALUES (1)")
        _one_line_error(["list", "--db", str(db)], "locked by another program", str(db))
    finally:
        con.close()


@pytest.mark.parametrize(
    "content, expected",
    [
        (bytes(range(256)) * 20, "file is not a database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, ""),
        (b"just some text, not a database\n", "file is not a database"),
    ],
    ids=["random-bytes", "bad-header", "text"],
)
def test_broken_database_file(tmp_path: Path, article: Path, content: bytes, expected: str) -> None:
    db = tmp_path / "broken.db"
    db.write_bytes(content)
    _one_line_error(["ingest", str(article), "--db", str(db)], str(db), expected)
    _one_line_error(["list", "--db", str(db)], str(db), expected)


def test_database_path_that_cannot_be_opened(tmp_path: Path, article: Path) -> None:
    _one_line_error(["ingest", str(article), "--db", str(tmp_path / "no" / "such" / "dir.db")], "cannot open")
    _one_line_error(["list", "--db", str(tmp_path)], "cannot open", str(tmp_path))


def test_interrupted_ingest_says_so_in_one_line(tmp_path: Path) -> None:
    # Ctrl-C (SIGINT) mid-run: the boundary prints one line and exits 130; what was stored is whole.
    folder = tmp_path / "articles"
    write_articles(folder, 120, seed=SEED + 1)
    db = tmp_path / "interrupted.db"
    proc = _ingest(folder, str(db))
    store = _Store(str(db))
    deadline = time.monotonic() + 120
    while store.stored() < 5 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.fail("the ingest finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.splitlines()[-1] == "Error: interrupted"
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    counts = sqlite_consistency(db)
    assert 5 <= counts["articles"] < 120
