"""Where the store lives: the one engine factory, SQLite pragmas, and migrating to the current schema.

The database is `--db`, else `$CLAIMS_DB`, else `claims.db` in the current directory; each may be a
file path or a SQLAlchemy URL (`postgres://...` is read as `postgresql+psycopg://...`).
"""

from __future__ import annotations

import os
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from claims.errors import StoreError

DEFAULT_DB = "claims.db"
ENV_VAR = "CLAIMS_DB"
# Long enough that a second writer waits out a whole ingest transaction, and a migration.
BUSY_TIMEOUT_MS = 120_000
# WAL pages between automatic checkpoints (about 40 MB of 4 KB pages).
WAL_CHECKPOINT_PAGES = 10_000
# Page cache per SQLite connection, in KiB (SQLite's default is 2,000).
CACHE_KIB = 32_768
# Every writer of a PostgreSQL store takes this advisory lock while migrating.
_PG_MIGRATION_LOCK = 0x636C61696D73  # "claims"
_READ_ONLY = "claims_read_only"


def resolve_url(value: str | None = None) -> str:
    """The database URL for `value` (from `--db`), else `$CLAIMS_DB`, else `sqlite:///claims.db`.

    A plain path becomes a SQLite URL; `postgres://` and `postgresql://` become `postgresql+psycopg://`.
    """
    raw = value or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in raw:
        if raw == ":memory:":
            return "sqlite://"
        return "sqlite:///" + str(Path(raw).expanduser().resolve())
    for prefix in ("postgres://", "postgresql://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


def describe(url: str | URL) -> str:
    """The URL as it may be shown to a person: no password; a SQLite file as its path."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def make_engine(url: str | None = None) -> Engine:
    """An Engine for `url` (see `resolve_url`), with SQLite set up for several concurrent writers.

    SQLite gets foreign keys, WAL, a long busy timeout, and `BEGIN IMMEDIATE` for writing
    transactions so that two writers queue instead of failing mid-transaction.
    Raises StoreError for a URL that cannot be understood or a missing driver.
    """
    resolved = resolve_url(url)
    try:
        parsed = make_url(resolved)
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            kwargs: dict[str, Any] = {
                "connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
            }
            if not parsed.database or parsed.database == ":memory:":
                kwargs["poolclass"] = StaticPool
            engine = create_engine(parsed, **kwargs)
            _set_up_sqlite(engine)
            return engine
        connect_args: dict[str, Any] = {}
        if backend == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = 10
        return create_engine(parsed, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot use database {resolved!r}: {_first_line(exc)}") from None


def _set_up_sqlite(engine: Engine) -> None:
    memory = not engine.url.database or engine.url.database == ":memory:"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's own BEGIN is deferred and emitted too late).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not memory:
            _switch_to_wal(cursor)
            # In WAL mode NORMAL survives a killed process; only a power cut may lose the last commits.
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Checkpoint the WAL every WAL_CHECKPOINT_PAGES pages instead of SQLite's 1,000: each
            # ingest commit dirties index pages all over the claim-key index, and a rarer checkpoint
            # writes each of them back once instead of once per few articles.
            cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            # Linking reads index pages all over the claim-key index; SQLite's default 2 MB cache
            # sends most of them back to the OS page cache. A bounded cache keeps memory flat.
            cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def _switch_to_wal(cursor: Any) -> None:
    """PRAGMA journal_mode=WAL, waiting as the busy timeout would. The switch needs the file to itself
    and SQLite fails it at once, without the busy timeout, while another connection holds a lock: two
    processes opening a new database together would see "database is locked". Once the file is in
    WAL mode (it stays so), the pragma takes no lock and this returns at the first try."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def reader(engine: Engine) -> Engine:
    """The same engine for read-only work: on SQLite its transactions do not take the write lock."""
    return engine.execution_options(**{_READ_ONLY: True})


@contextmanager
def session(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any exception.

    Database failures (locked, read-only, unreachable) become a one-line StoreError; an
    IntegrityError (a unique key taken by a concurrent writer) is left for the caller.
    """
    bind = engine if write else reader(engine)
    try:
        with Session(bind, expire_on_commit=False) as s, s.begin():
            yield s
    except IntegrityError:
        raise
    except Exception as exc:
        # Ctrl-C in the middle of a commit can leave SQLAlchemy's cleanup failing on a closed
        # transaction; the interrupt is what the person should hear about.
        if _interrupted(exc):
            raise KeyboardInterrupt from None
        if isinstance(exc, DBAPIError):
            raise StoreError(_db_failure(engine, exc)) from None
        raise


class RawCursor:
    """The DBAPI cursor of a session's connection, for the few statements ingest runs thousands of
    times: SQLAlchemy's per-statement work costs ten times what SQLite does for an index look-up.

    SQL is written with `?` placeholders (turned into `%s` for PostgreSQL) and only with values
    that need no type conversion (ints, strings, floats, None). A driver error is raised as the
    SQLAlchemy exception `session()` and the callers already handle (IntegrityError, DBAPIError).
    """

    __slots__ = ("_cursor", "_dialect", "_error", "_qmark", "dialect")

    def __init__(self, session: Session) -> None:
        connection = session.connection()
        self.dialect: str = connection.dialect.name  # for the few statements each backend spells its own way
        self._dialect = connection.dialect
        self._cursor = connection.connection.cursor()
        self._qmark = connection.dialect.paramstyle == "qmark"
        self._error: type[Exception] = connection.dialect.loaded_dbapi.Error

    def _sql(self, sql: str) -> str:
        return sql if self._qmark else sql.replace("?", "%s")

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Every row `sql` returns, as tuples."""
        try:
            self._cursor.execute(self._sql(sql), params)
            return list(self._cursor.fetchall())
        except self._error as exc:
            raise DBAPIError.instance(sql, params, exc, self._error) from None

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Execute `sql` once, returning nothing."""
        try:
            self._cursor.execute(self._sql(sql), params)
        except self._error as exc:
            raise DBAPIError.instance(sql, params, exc, self._error) from None

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Execute `sql` once per parameter row."""
        if not rows:
            return
        try:
            self._cursor.executemany(self._sql(sql), rows)
        except self._error as exc:
            raise DBAPIError.instance(sql, rows[0], exc, self._error) from None

    def insert(self, table: Table, columns: Sequence[str], returning: str | None = None) -> RawInsert:
        """An INSERT of `columns` into `table` (optionally RETURNING one column) whose values go
        through the same type conversion SQLAlchemy applies (dates, UTC timestamps)."""
        key = (self.dialect, table.name, tuple(columns), returning)
        found = _INSERTS.get(key)
        if found is None:
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{name}"' for name in columns)  # quoted: `end` is an SQL keyword
            sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'
            types = (table.c[name].type.dialect_impl(self._dialect) for name in columns)
            processors = tuple(t.bind_processor(self._dialect) for t in types)
            found = _INSERTS[key] = RawInsert(
                sql + (f" RETURNING {returning}" if returning else ""), processors
            )
        return found


@dataclass(frozen=True, slots=True)
class RawInsert:
    """An INSERT statement for RawCursor with the bind processors of its columns (`RawCursor.insert`)."""

    sql: str
    processors: tuple[Callable[[Any], Any] | None, ...]

    def values(self, row: Sequence[Any]) -> tuple[Any, ...]:
        """`row` converted for the driver, column by column."""
        return tuple(v if p is None else p(v) for p, v in zip(self.processors, row, strict=True))


_INSERTS: dict[tuple[str, str, tuple[str, ...], str | None], RawInsert] = {}


def raw_cursor(session: Session) -> RawCursor:
    """A RawCursor on the session's connection, inside its transaction (one per transaction)."""
    transaction = session.get_transaction()
    cached = session.info.get(_RAW_CURSOR)
    if transaction is not None and cached is not None and cached[0]() is transaction:
        return cached[1]  # type: ignore[no-any-return]
    cursor = RawCursor(session)  # session.connection() begins the transaction if need be
    # A weak reference: a session -> transaction -> session cycle would keep the connection (and
    # SQLite's WAL) open until the garbage collector runs.
    session.info[_RAW_CURSOR] = (weakref.ref(session.get_transaction()), cursor)
    return cursor


_RAW_CURSOR = "claims_raw_cursor"


def _interrupted(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__context__
    return False


# Objects made by raw SQL in migrations (full-text search), unknown to the SQLModel metadata.
UNMODELLED_PREFIX = "claim_fts"


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """Alembic autogenerate filter: leave out the objects migrations create outside the models."""
    return not (name or "").startswith(UNMODELLED_PREFIX)


def alembic_config() -> Any:
    """An Alembic Config for the migration scripts, wherever they were installed."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location()))
    return config


def script_location() -> Path:
    """`claims/_db` in a wheel, `<repo>/db` in a source tree or editable install."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_db", package.parent / "db"):
        if (candidate / "env.py").is_file():
            return candidate
    raise StoreError(
        f"the database migrations are missing (looked in {package / '_db'} and {package.parent / 'db'})"
    )


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema; does nothing when it is there already.

    Concurrent callers are serialised (SQLite write lock, PostgreSQL advisory lock).
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config()
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with reader(engine).connect() as conn:
        if set(MigrationContext.configure(conn).get_current_heads()) == heads:
            return
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def open_store(url: str | None = None) -> Engine:
    """An Engine for `url` (see `resolve_url`), migrated to the newest schema.

    Raises StoreError, in one line, when the database is unreachable, read-only, locked or broken.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(_db_failure(engine, exc)) from None
    return engine


def _db_failure(engine: Engine, exc: DBAPIError) -> str:
    where = describe(engine.url)
    reason = _first_line(exc.orig) if exc.orig is not None else _first_line(exc)
    if engine.dialect.name == "sqlite":
        lowered = reason.lower()
        if "readonly" in lowered or "read-only" in lowered:
            return f"the database file {where} is read-only ({reason})"
        if "locked" in lowered or "busy" in lowered:
            return f"the database file {where} is locked by another program ({reason})"
        if "unable to open" in lowered:
            return f"cannot open the database file {where} ({reason})"
        return f"database {where}: {reason}"
    if exc.connection_invalidated or "connect" in reason.lower():
        return f"cannot reach the database at {where}: {reason}"
    return f"database {where}: {reason}"


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
