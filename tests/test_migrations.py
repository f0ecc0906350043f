"""The Alembic migrations and the SQLModel tables agree, on SQLite and PostgreSQL, and ship in the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from sqlmodel import SQLModel

import claims.models  # noqa: F401  (registers the tables)
from claims.db import (
    alembic_config,
    describe,
    include_object,
    make_engine,
    migrate,
    open_store,
    resolve_url,
    script_location,
    session,
)
from claims.errors import StoreError

ROOT = Path(__file__).resolve().parent.parent
TABLES = {"article", "speaker", "speakeralias", "claim", "review", "claimlink", "alembic_version"}


def test_migrated_schema_matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(context, SQLModel.metadata) == []
        heads = ScriptDirectory.from_config(alembic_config()).get_heads()
        assert set(context.get_current_heads()) == set(heads)
        # on PostgreSQL everything, alembic_version included, lands in the test's own schema
        schema = (
            conn.exec_driver_sql("SELECT current_schema()").scalar()
            if conn.dialect.name == "postgresql"
            else None
        )
        assert TABLES <= set(inspect(conn).get_table_names(schema=schema))


def test_migrate_twice_is_a_no_op(engine: Engine) -> None:
    migrate(engine)
    with engine.connect() as conn:
        heads = ScriptDirectory.from_config(alembic_config()).get_heads()
        assert set(MigrationContext.configure(conn).get_current_heads()) == set(heads)


def test_sqlite_pragmas(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "x.db"))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 60_000
    engine.dispose()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////abs/x.db", "sqlite:////abs/x.db"),
    ],
)
def test_resolve_url(value: str, expected: str) -> None:
    assert resolve_url(value) == expected


def test_resolve_url_default_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMS_DB")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("CLAIMS_DB", "other.db")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'other.db'}"
    assert resolve_url("given.db") == f"sqlite:///{tmp_path / 'given.db'}"


def test_password_is_never_shown() -> None:
    assert "secret" not in describe("postgresql+psycopg://u:secret@h/db")


def test_unreachable_postgres_is_one_line() -> None:
    with pytest.raises(
        StoreError, match=r"cannot reach the database at postgresql\+psycopg://postgres@127.0.0.1:1/x"
    ) as exc:
        open_store("postgresql://postgres@127.0.0.1:1/x?connect_timeout=2")
    assert "\n" not in str(exc.value)


def test_bad_url_is_one_line() -> None:
    with pytest.raises(StoreError, match="cannot use database"):
        make_engine("nosuchdialect://x")


def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_store(str(path)).dispose()
    # mode=ro opens the file read-only even for root, who ignores file permissions
    engine = open_store(f"sqlite:///file:{path}?mode=ro&uri=true")
    with (
        pytest.raises(StoreError, match="the database file .*ro.db is read-only") as exc,
        session(engine) as s,
    ):
        s.add(claims.models.Speaker(name="A", key="a"))
    assert "\n" not in str(exc.value)


def test_scripts_found_in_source_tree() -> None:
    assert script_location() == ROOT / "db"


def test_wheel_ships_the_migrations(tmp_path: Path) -> None:
    started = time.monotonic()
    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "-q",
                str(ROOT),
                "-w",
                str(tmp_path),
            ],
            check=True,
            capture_output=True,
            timeout=20,
        )
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as exc:
        if os.environ.get("CI"):
            pytest.fail(f"could not build the wheel: {exc}")  # CI installs hatchling with the test extra
        pytest.skip(f"could not build the wheel quickly here: {exc}")
    if time.monotonic() - started > 20:
        pytest.skip("wheel build too slow")
    (wheel,) = tmp_path.glob("claims-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"claims/_db/env.py", "claims/_db/script.py.mako", "claims/_db/versions/0001_initial.py"} <= names
    assert "claims/db.py" in names


def test_0003_marks_stored_articles_linked_and_downgrades(db_url: str) -> None:
    # A store at 0002 with an article and a claim: the new column starts false, and going back
    # to 0002 drops it without touching the rows (no batch copy that would cascade to claims).
    from alembic import command

    engine = make_engine(db_url)
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0002")
            conn.exec_driver_sql(
                "INSERT INTO article (id, source, text, content_hash, ingested_at) "
                "VALUES (1, 'a.txt', 'He said so.', 'h1', CURRENT_TIMESTAMP)"
            )
            conn.exec_driver_sql(
                'INSERT INTO claim (article_id, speaker_kind, kind, text, start, "end", rule, confidence, status) '
                "VALUES (1, 'unknown', 'reported', 'so', 8, 10, 'r', 1.0, 'unverified')"
            )
        migrate(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT links_pending FROM article").scalar() in (False, 0)
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0002")
        with engine.connect() as conn:
            assert "links_pending" not in {c["name"] for c in inspect(conn).get_columns("article")}
            assert conn.exec_driver_sql("SELECT count(*) FROM claim").scalar() == 1
    finally:
        engine.dispose()
