"""Full-text search over claim text, ranked: SQLite FTS5 (`claim_fts`, BM25) or PostgreSQL
`websearch_to_tsquery` + `ts_rank` over the GIN-indexed `to_tsvector('english', text)`, both made
by db/versions/0002_linking.py, with the same filters as `claims list` (`store.ClaimFilter`)."""

from __future__ import annotations

from typing import Any

import regex
from sqlalchemy import Float, Integer, func, literal_column
from sqlalchemy import text as sql_text
from sqlalchemy.sql.expression import ColumnClause
from sqlmodel import Session, col

from claims import store
from claims.errors import InputError
from claims.models import Claim, ClaimPublic

# One piece of a web-style query: a "quoted phrase", a -negated word or phrase, OR, or a word.
RE_QUERY_PART = regex.compile(
    r"""(?P<neg>-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))""",
)
RE_WORD = regex.compile(r"[\p{L}\p{N}]+")
_PG_CONFIG: ColumnClause[Any] = literal_column("'english'::regconfig")  # must match the GIN index expression


def _phrase(words: list[str]) -> str:
    # Words are letters and digits only, so a double-quoted FTS5 string needs no escaping.
    return '"' + " ".join(words) + '"'


def fts5_query(query: str) -> str:
    """A web-style search (words, "phrases", -excluded, OR) as an FTS5 MATCH expression whose every
    term is quoted, so punctuation in user input is never FTS5 syntax.

    Raises InputError when nothing is left to look for.
    """
    groups: list[list[str]] = []  # AND of OR-groups
    negated: list[str] = []
    join_next = False
    for m in RE_QUERY_PART.finditer(query):
        if m.group("word") == "OR" and not m.group("neg"):
            join_next = bool(groups)
            continue
        words = RE_WORD.findall(m.group("phrase") if m.group("phrase") is not None else m.group("word") or "")
        if not words:
            continue
        term = _phrase(words)
        if m.group("neg"):
            negated.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        raise InputError(f"search {query!r} has no words to look for")
    positive = " ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return f"({positive})" + "".join(f" NOT {term}" for term in negated)


def search_claims(session: Session, query: str, flt: store.ClaimFilter) -> list[tuple[ClaimPublic, float]]:
    """Claims whose text matches `query` and `flt`, best first, each with its relevance (higher is
    better; BM25 on SQLite, ts_rank on PostgreSQL, so not comparable across backends).

    Words match their stems (`strike` finds `strikes`), accents and case are ignored. Raises
    InputError for a query without words.
    """
    dialect = session.get_bind().dialect.name
    base = store._claim_rows()
    if dialect == "postgresql":
        if not RE_WORD.search(query):
            raise InputError(f"search {query!r} has no words to look for")
        vector = func.to_tsvector(_PG_CONFIG, Claim.text)
        tsquery = func.websearch_to_tsquery(_PG_CONFIG, query)
        relevance = func.ts_rank(vector, tsquery)
        stmt = base.add_columns(relevance).where(vector.op("@@")(tsquery))
        order = relevance.desc()
    else:
        fts = (
            sql_text(
                "SELECT rowid AS claim_id, -bm25(claim_fts) AS relevance FROM claim_fts WHERE claim_fts MATCH :q"
            )
            .bindparams(q=fts5_query(query))
            .columns(claim_id=Integer, relevance=Float)
            .subquery("fts")
        )
        stmt = base.add_columns(fts.c.relevance).join(fts, fts.c.claim_id == col(Claim.id))
        order = fts.c.relevance.desc()
    filtered: Any = store.apply_claim_filter(session, stmt, flt)
    if filtered is None:
        return []
    stmt = filtered.order_by(order, col(Claim.dated), col(Claim.id)).offset(flt.offset)
    if flt.limit:
        stmt = stmt.limit(flt.limit)
    rows = session.exec(stmt).all()
    return [(store._claim_public(*row[:4]), float(row[4])) for row in rows]
