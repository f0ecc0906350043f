"""claims: find, attribute, date, store and check the quotes and claims in news articles.

The parser is pure (`parse_article`, and `parse_articles` for many); storage lives in `claims.db` and `claims.store`.
"""

from __future__ import annotations

from typing import Any

from claims.errors import ClaimsError, InputError, NotFoundError, StoreError
from claims.pipeline import Article, parse_article, parse_articles
from claims.results import Claim, ParsedArticle

__all__ = [
    "Article",
    "Claim",
    "ClaimsError",
    "InputError",
    "NotFoundError",
    "ParsedArticle",
    "StoreError",
    "open_store",
    "parse_article",
    "parse_articles",
]


def __getattr__(name: str) -> Any:
    # The database layer pulls in SQLAlchemy; load it only when asked for.
    if name == "open_store":
        from claims.db import open_store

        return open_store
    raise AttributeError(name)
