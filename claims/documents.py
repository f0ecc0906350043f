"""Documents and the formats they come in: the Document draft, its content hash, and the readers that
turn decoded HTML (via trafilatura), JSON and JSONL into Documents. Reads no input itself: sources.py
hands it text or lines."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from claims.errors import InputError
from claims.published import parse_published

# The format a file's extension names; a folder walk skips every other file.
TEXT_EXTS = frozenset({".md", ".text", ".txt"})
HTML_EXTS = frozenset({".htm", ".html"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
KNOWN_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS | JSONL_EXTS

_RE_URL = regex.compile(r"^[a-z][a-z0-9+.-]*://", regex.I)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from input, before parsing.

    `text` is what offsets point into: a JSON/JSONL "text" value verbatim (NUL shown as U+FFFD); a
    text file decoded with universal newlines; for HTML, trafilatura's paragraphs joined by blank lines.
    """

    source: str  # the path as given/found; "path:LINE" for a JSONL record, "path#N" for item N of a JSON list
    text: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    url: str | None
    doc_id: str | None
    content_hash: str
    format: str  # "text", "html", "json" or "jsonl"


def content_hash(text: str) -> str:
    """The sha256 hex digest of `text` normalised: NFC, `\\r\\n` and `\\r` to `\\n`, outer whitespace stripped.

    The same article from a .txt, a .json or an .html file (once extracted) hashes the same.
    """
    norm = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def make_document(
    source: str,
    text: str,
    fmt: str,
    title: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """A Document holding `text` and its content hash."""
    return Document(source, text, title, published, outlet, url, doc_id, content_hash(text), fmt)


def html_document(html: str, name: str) -> Document:
    """The article trafilatura finds in an HTML page, headline first. Raises InputError when it finds none."""
    import trafilatura  # slow to import; only HTML needs it

    # Any: trafilatura types its result as a Document or a dict; without as_dict it is a Document.
    doc: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Metadata only: the extensive search takes any year in the page (a copyright line) for the date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(doc, "body", None) if doc is not None else None
    paragraphs = _blocks(body) if body is not None else []
    if not paragraphs and doc is not None and doc.text:
        paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if doc is None or not paragraphs:
        raise InputError(f"{name}: no article text found in HTML")
    title = _clean(doc.title)
    # The headline is part of the article (and often a claim); trafilatura leaves it out when it sits
    # above <article>. Prepend it unless the text opens with a heading of its own or already holds it.
    opens_with_heading = body is not None and len(body) > 0 and body[0].tag == "head"
    if title and not opens_with_heading and not any(title in p or (len(p) < 300 and p in title) for p in paragraphs[:3]):
        paragraphs.insert(0, title)
    text = "\n\n".join(paragraphs).replace("\x00", "\ufffd")
    return make_document(name, text, "html", title, parse_published(doc.date) if doc.date else None, _clean(doc.sitename), _clean(doc.url))


def _blocks(body: Any) -> list[str]:
    """The paragraphs of trafilatura's extracted tree: one per top-level block, line breaks kept inside."""
    out: list[str] = []
    for block in body:
        parts: list[str] = []
        _flatten(block, parts)
        lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            out.append(para)
    return out


def _flatten(el: Any, parts: list[str]) -> None:
    # <lb/> is a line break; list items, table rows and nested paragraphs each start a line.
    if el.tag in ("lb", "item", "row", "p", "head", "quote") and parts:
        parts.append("\n")
    if el.text:
        parts.append(el.text)
    for child in el:
        _flatten(child, parts)
        if child.tail:
            parts.append(child.tail)
    if el.tag == "cell":
        parts.append(" ")


def json_documents(text: str, name: str, max_bytes: int) -> Iterator[Document | InputError]:
    """One Document per object of a JSON object or list; text that is mostly one object per line is read as JSONL."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if sum(line[:1] == "{" and line[-1:] == "}" for line in lines) * 2 >= len(lines):
            # mostly one object per line: it is JSONL after all, so the good lines still come out
            yield from jsonl_documents(split_lines(text), name, max_bytes)
            return
        yield InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if isinstance(value, dict):
        yield _record(value, name, name, "json")
    elif isinstance(value, list):
        if not value:
            yield InputError(f"{name}: the JSON list holds no articles")
        for i, item in enumerate(value, 1):
            yield _record(item, f"{name}#{i}", f"{name}#{i}", "json")
    else:
        yield InputError(f"{name}: expected a JSON object or a list of objects")


def jsonl_documents(lines: Iterable[bytes | str], name: str, max_bytes: int) -> Iterator[Document | InputError]:
    """One Document per JSON line (bytes or str, each at most `max_bytes` long as read), one InputError per bad line."""
    seen = False
    lineno = 0
    long_line = False
    for raw in lines:
        if long_line:  # the rest of an over-long line, already reported
            long_line = not _ends_line(raw)
            continue
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_bytes:
            long_line = not _ends_line(raw)
            seen = True
            yield InputError(f"{where}: line too long (the limit is {max_bytes // 2**20} MB per article)")
            continue
        if isinstance(raw, bytes):
            if lineno == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            seen = True
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield InputError(f"{where}: not valid UTF-8 (offset {exc.start} in the line)")
                continue
        else:
            line = raw.lstrip("\ufeff") if lineno == 1 else raw
            if not line.strip():
                continue
            seen = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _record(value, where, where, "jsonl")
    if not seen:
        yield InputError(f"{name}: empty file")


def split_lines(text: str) -> Iterator[str]:
    # On "\n" only, as the file would be read: str.splitlines also splits on U+2028, which JSON strings may hold.
    return (line + "\n" for line in text.split("\n"))


def _ends_line(raw: bytes | str) -> bool:
    return raw.endswith(b"\n") if isinstance(raw, bytes) else raw.endswith("\n")


def _record(value: object, source: str, where: str, fmt: str) -> Document | InputError:
    """A JSON object -> Document: `text` required; `title`, `date`, `url`, `outlet`/`source`, `id` optional."""
    if not isinstance(value, dict):
        return InputError(f"{where}: not a JSON object")
    text = value.get("text")
    if not isinstance(text, str):
        return InputError(f'{where}: no "text" field')
    if not text.strip():
        return InputError(f'{where}: empty "text" field')
    outlet = _clean(value.get("outlet"))
    url = _clean(value.get("url"))
    src = _clean(value.get("source"))
    if src and _RE_URL.match(src):
        url = url or src
    elif not outlet and src and not _looks_like_path(src):
        outlet = src
    raw_date = value.get("date", value.get("published"))
    published = parse_published(raw_date) if isinstance(raw_date, str) and raw_date.strip() else None
    doc_id = value.get("id")
    return make_document(
        source,
        # The text is kept exactly as given (offsets are into it); NUL, which PostgreSQL refuses, becomes U+FFFD 1:1.
        text.replace("\x00", "\ufffd"),
        fmt,
        _clean(value.get("title")),
        published,
        outlet,
        url,
        None if doc_id is None else str(doc_id),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def _looks_like_path(value: str) -> bool:
    return "/" in value or "\\" in value or os.path.splitext(value)[1].lower() in KNOWN_EXTS
