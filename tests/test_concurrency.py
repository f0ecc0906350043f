"""Several `claims` processes on one database at once: everything stored exactly once, no review lost."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from claims.db import open_store, session
from claims.models import Article, Claim, Review

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "iran-iraq-military-support.txt"


def _claims(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claims", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _env(db_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env["CLAIMS_DB"] = db_url
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _variants(folder: Path, numbers: range) -> None:
    """Copies of the seed article that differ in one line, so each has its own content hash."""
    folder.mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    for n in numbers:
        (folder / f"article_{n:03d}.txt").write_text(
            text.replace("Photo by: Reuters", f"Photo {n} by: Reuters", 1)
        )


def _wait(*procs: subprocess.Popen[str]) -> list[tuple[int, str]]:
    out = []
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        out.append((proc.returncode, err))
    return out


def test_two_ingests_at_once_store_everything_once(db_url: str, tmp_path: Path) -> None:
    open_store(db_url).dispose()  # migrate first, as a desk's database already is
    _variants(tmp_path / "a", range(0, 30))
    _variants(tmp_path / "b", range(20, 50))  # 20..29 are in both
    env = _env(db_url)
    results = _wait(
        _claims("ingest", str(tmp_path / "a"), env=env), _claims("ingest", str(tmp_path / "b"), env=env)
    )
    for code, err in results:
        assert code == 0, err
    new = sum(int(err.strip().splitlines()[-1].split(" new")[0]) for _, err in results)
    assert new == 50
    engine = open_store(db_url)
    with session(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 50
        assert s.exec(select(func.count(func.distinct(Article.content_hash)))).one() == 50
        per_article = set(s.exec(select(func.count()).select_from(Claim).group_by(Claim.article_id)).all())
    engine.dispose()
    assert len(per_article) == 1  # every article has all its claims, none half-stored


def test_first_open_by_two_processes_at_once(tmp_path: Path) -> None:
    url = str(tmp_path / "fresh.db")  # not migrated yet: both processes race to create the schema
    env = _env(url)
    results = _wait(_claims("ingest", str(SEED), env=env), _claims("ingest", str(SEED), env=env))
    assert [code for code, _ in results] == [0, 0], results
    engine = open_store(url)
    with session(engine, write=False) as s:
        assert s.exec(select(func.count()).select_from(Article)).one() == 1
    engine.dispose()


def test_concurrent_verify_keeps_both_reviews(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    shutil.copy(SEED, folder)
    env = _env(db_url)
    ((code, err),) = _wait(_claims("ingest", str(folder), env=env))
    assert code == 0, err
    results = _wait(
        _claims("verify", "1", "--note", "first desk", "--by", "ann", env=env),
        _claims("dispute", "1", "--note", "second desk", "--by", "bob", env=env),
    )
    assert [code for code, _ in results] == [0, 0], results
    engine = open_store(db_url)
    with session(engine, write=False) as s:
        reviews = s.exec(select(Review).where(Review.claim_id == 1).order_by(Review.id)).all()
        status = s.get(Claim, 1).status  # type: ignore[union-attr]
    engine.dispose()
    assert sorted(r.reviewer for r in reviews) == ["ann", "bob"]
    assert status == reviews[-1].status  # the claim shows the latest verdict


def test_opening_a_new_database_waits_for_a_connection_that_holds_it(tmp_path: Path) -> None:
    # A new file is not yet in WAL mode, and switching it needs the file to itself: SQLite fails the
    # switch at once while another connection holds a lock, as when two processes open it together.
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE other (x)")
    release = threading.Timer(0.3, holder.execute, args=("COMMIT",))
    release.start()
    try:
        engine = open_store(str(path))
    finally:
        release.join()
        holder.close()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
