"""Shared fixtures: no test touches a real database; `--update-golden` rewrites golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

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
