"""Shared fixtures: no test touches a real database; `--update-golden` rewrites golden files."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _isolated_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point CLAIMS_DB at a fresh file under tmp_path for every test."""
    path = tmp_path / "claims.db"
    monkeypatch.setenv("CLAIMS_DB", str(path))
    monkeypatch.delenv("CLAIMS_DEBUG", raising=False)
    return path


# --- store fixtures (tracker) -----------------------------------------------------------------

PG_DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_admin_url() -> str:
    import os

    return os.environ.get("CLAIMS_TEST_PG_URL", PG_DEFAULT_URL)


@contextmanager
def _pg_schema() -> Iterator[str]:
    """A URL for a fresh, empty PostgreSQL schema, dropped afterwards.

    Skips when the server is unreachable, but fails when `CI` is set.
    """
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    base = make_url(_pg_admin_url().replace("postgresql://", "postgresql+psycopg://", 1))
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, connect_args={"connect_timeout": 3})
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        reason = f"PostgreSQL not reachable at {base.render_as_string(hide_password=True)}: {str(exc.orig).splitlines()[0]}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL for a fresh, empty PostgreSQL schema, dropped afterwards (skipped without a server, failed in CI)."""
    with _pg_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The same test on a SQLite file and on a PostgreSQL schema; CLAIMS_DB points at it."""
    if request.param == "sqlite":
        url = str(tmp_path / "claims.db")
    else:
        url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("CLAIMS_DB", url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A migrated store on each backend."""
    from claims.db import open_store

    eng = open_store(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def other_db_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """A second empty store on the same backend as `db_url`, to compare two ways of filling one."""
    if "://" not in db_url:
        yield str(tmp_path / "other.db")
        return
    with _pg_schema() as url:
        yield url
