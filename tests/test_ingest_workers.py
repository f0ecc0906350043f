"""Ingest with parser worker processes stores exactly what an in-process ingest stores, in input order."""

from __future__ import annotations

from pathlib import Path

from generated_articles import write_articles
from sqlalchemy import text

from claims.cli.ingest import PARALLEL_AFTER, Outcome, ingest_documents
from claims.db import open_store
from claims.sources import iter_documents


def _ingest(tmp_path: Path, name: str, folder: Path, workers: int) -> tuple[list[Outcome], list[tuple]]:
    engine = open_store(str(tmp_path / name))
    outcomes: list[Outcome] = []
    try:
        summary = ingest_documents(
            engine, iter_documents([str(folder)]), on_outcome=outcomes.append, workers=workers
        )
        assert summary.failed == 1 and summary.new == len(outcomes) - 1
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT a.source, c.start, c.end, c.text, s.name FROM claim c JOIN article a ON a.id = c.article_id "
                    "LEFT JOIN speaker s ON s.id = c.speaker_id ORDER BY c.id"
                )
            ).all()
    finally:
        engine.dispose()
    return outcomes, [tuple(r) for r in rows]


def test_workers_store_the_same_claims_in_the_same_order(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder, PARALLEL_AFTER + 30, seed=7)
    (folder / "0040-bad.json").write_text("{not json")  # reported and skipped, the rest goes on
    serial, serial_rows = _ingest(tmp_path, "serial.db", folder, workers=0)
    parallel, parallel_rows = _ingest(tmp_path, "parallel.db", folder, workers=1)
    assert [(o.source, o.state, o.claims) for o in parallel] == [
        (o.source, o.state, o.claims) for o in serial
    ]
    assert parallel_rows == serial_rows and len(serial_rows) > PARALLEL_AFTER
    assert [o.state for o in serial].count("failed") == 1
