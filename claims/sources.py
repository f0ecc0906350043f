"""Input: files, folders, globs and `-` become Documents (decoded, sniffed, with metadata and a content hash).

The only module that reads input. A bad input is yielded as an InputError, never raised, so callers go on.
"""

from __future__ import annotations

import datetime as dt
import errno
import glob
import hashlib
import io
import json
import os
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any, BinaryIO

import regex

from claims.dates import parse_published
from claims.errors import InputError

TEXT_EXTS = frozenset({".md", ".text", ".txt"})
HTML_EXTS = frozenset({".htm", ".html"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
KNOWN_EXTS = TEXT_EXTS | HTML_EXTS | JSON_EXTS | JSONL_EXTS

# One article (or one JSONL line, or one .json file) may not exceed this; bigger is surely not an article.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
STDIN = "<stdin>"

# C0 controls other than tab, newline, form feed and carriage return, plus DEL: rare in any real text.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
# Most text has none; allow a few stray ones (a pasted escape code) before calling the input binary.
_MAX_CONTROL_RATIO = 0.01
# Western text in Windows-1252 is mostly ASCII; random bytes are half high bytes.
_MAX_HIGH_RATIO = 0.3
# A well-formed UTF-8 multi-byte sequence: present in mixed-encoding files, almost never in real cp1252 text.
_RE_UTF8_SEQ = regex.compile(rb"[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}")
_RE_CONTROL = regex.compile(r"[\x00-\x08\x0B\x0E-\x1F\x7F]")
_RE_NON_ASCII = regex.compile(r"[^\x00-\x7F]")
# Tags that make a "<"-initial input HTML rather than text that happens to start with "<".
_RE_HTML_TAG = regex.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p|title|meta|h[1-6])\b", regex.I)
_RE_GLOB = regex.compile(r"[*?\[]")
_RE_URL = regex.compile(r"^[a-z][a-z0-9+.-]*://", regex.I)

_BINARY = "looks like a binary file, not an article"


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


def iter_documents(inputs: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[Document | InputError]:
    """Yield the documents of every input in order, and an InputError (yielded, not raised) for each bad one.

    An input is a file, a folder (walked recursively in sorted order, hidden entries and unknown
    extensions skipped, symlinked folders not followed), a glob, or `-` for `stdin` (default
    `sys.stdin.buffer`). JSONL is streamed line by line; each bad line is one error.
    """
    for arg in map(os.fspath, inputs):
        if arg == "-":
            yield from _guard(STDIN, _from_stream(stdin if stdin is not None else sys.stdin.buffer, STDIN))
        elif not os.path.lexists(arg) and _RE_GLOB.search(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield InputError(f"{arg}: no files match")
            for match in matches:
                yield from _guard(match, _from_path(match))
        else:
            yield from _guard(arg, _from_path(arg))


def read_document(path: str) -> list[Document]:
    """Read every document in `path` (a file, folder or glob). Raises InputError on the first bad input."""
    docs: list[Document] = []
    for item in iter_documents([path]):
        if isinstance(item, InputError):
            raise item
        docs.append(item)
    return docs


def _guard(name: str, items: Iterator[Document | InputError]) -> Iterator[Document | InputError]:
    # Last line of defence: an OS or decoding error must become one reported error, not a traceback.
    try:
        yield from items
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield _os_error(name, exc)
    except (UnicodeError, ValueError, RecursionError, MemoryError) as exc:
        yield InputError(f"{name}: could not be read ({type(exc).__name__})")


def _os_error(path: str, exc: OSError) -> InputError:
    reasons = {
        "ENOENT": "no such file or folder",
        "EACCES": "permission denied",
        "EPERM": "permission denied",
        "ELOOP": "symlink loop",
        "ENAMETOOLONG": "path too long",
        "ENOTDIR": "not a folder",
    }
    name = errno.errorcode.get(exc.errno or 0, "")
    fallback = os.strerror(exc.errno) if exc.errno else str(exc)
    return InputError(f"{path}: {reasons.get(name, fallback.lower())}")


def _from_path(path: str, in_walk: bool = False) -> Iterator[Document | InputError]:
    st = os.stat(path)  # follows symlinks: a loop raises ELOOP, a dangling link ENOENT
    if stat.S_ISDIR(st.st_mode):
        if not in_walk:  # inside a walk, a symlinked folder is not entered: it could lead back up
            yield from _walk(path)
    elif stat.S_ISREG(st.st_mode):
        yield from _guard(path, _from_file(path))
    else:
        kind = "a named pipe" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode) else "a device"
        yield InputError(f"{path}: not a regular file ({kind})")


def _walk(root: str) -> Iterator[Document | InputError]:
    # Depth first in sorted name order, with an explicit stack (no recursion limit on deep trees).
    # Symlinked folders are not entered, so a link to an ancestor cannot loop.
    stack: list[Iterator[os.DirEntry[str]]] = []
    try:
        with os.scandir(root) as it:
            stack.append(iter(sorted(it, key=lambda e: e.name)))
    except OSError as exc:
        yield _os_error(root, exc)
        return
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                with os.scandir(entry.path) as it:
                    stack.append(iter(sorted(it, key=lambda e: e.name)))
            elif os.path.splitext(entry.name)[1].lower() in KNOWN_EXTS:
                yield from _guard(entry.path, _from_path(entry.path, in_walk=True))
        except OSError as exc:
            yield _os_error(entry.path, exc)


def _from_file(path: str) -> Iterator[Document | InputError]:
    ext = os.path.splitext(path)[1].lower()
    with open(path, "rb") as f:
        if ext in JSONL_EXTS:
            yield from _jsonl_from_binary(f, path)
            return
        data = _read_capped(f, path)
    text = _decode(data, path)
    fmt = "text" if ext in TEXT_EXTS else "html" if ext in HTML_EXTS else "json" if ext in JSON_EXTS else None
    yield from _from_text(text, path, fmt or _sniff(text))


def _from_stream(stream: IO[bytes], name: str) -> Iterator[Document | InputError]:
    # Peek at the first non-blank line: a complete JSON object there means JSONL, which is streamed.
    head: list[bytes] = []
    line = b""
    while not line.strip():
        line = stream.readline(MAX_DOCUMENT_BYTES + 1)
        if not line:
            break
        head.append(line)
    first = line.lstrip(b"\xef\xbb\xbf").strip()
    if first.startswith(b"{") and b"\x00" not in first:
        try:
            is_object = isinstance(json.loads(first), dict)
        except ValueError:
            is_object = False
        if is_object:
            yield from _jsonl_lines(_chain_lines(head, stream), name)
            return
    data = b"".join(head)
    data += stream.read(MAX_DOCUMENT_BYTES + 1 - len(data))
    _check_size(len(data), name)
    text = _decode(data, name)
    yield from _from_text(text, name, _sniff(text))


def _chain_lines(head: list[bytes], stream: IO[bytes]) -> Iterator[bytes]:
    yield from head
    while line := stream.readline(MAX_DOCUMENT_BYTES + 1):
        yield line


def _read_capped(f: IO[bytes], name: str) -> bytes:
    _check_size(os.fstat(f.fileno()).st_size, name)
    data = f.read(MAX_DOCUMENT_BYTES + 1)  # the file may grow while we read
    _check_size(len(data), name)
    return data


def _check_size(size: int, name: str) -> None:
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{name}: too large ({size / 2**20:.0f} MB; the limit is {MAX_DOCUMENT_BYTES // 2**20} MB per article)"
        )


def _decode(data: bytes, name: str) -> str:
    """Decode by BOM, else strict UTF-8, else Windows-1252 when the bytes look like 8-bit text."""
    bom = True
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", name)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", name)
    else:
        bom = False
        if b"\x00" in data or _control_ratio(data) > _MAX_CONTROL_RATIO:
            raise InputError(f"{name}: {_BINARY}")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _cp1252_or_error(data, name, exc)
    if not text.strip():
        raise InputError(f"{name}: empty file")
    if bom and ("\x00" in text or len(_RE_CONTROL.findall(text)) > _MAX_CONTROL_RATIO * len(text)):
        # a byte-order mark in front of binary data
        raise InputError(f"{name}: {_BINARY}")
    # Universal newlines, as Python's text mode would give, so paragraphs split on "\n\n".
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding.upper()} despite its byte-order mark (offset {exc.start})") from None


def _control_ratio(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / max(len(data), 1)


def _cp1252_or_error(data: bytes, name: str, exc: UnicodeDecodeError) -> str:
    # Windows-1252 only when it reads like text: every byte defined, few high bytes, no UTF-8
    # sequences (a mostly-UTF-8 file with one bad byte is an error, not mojibake), and most
    # accented letters sitting inside words (an isolated "Ã(" is a broken UTF-8 sequence).
    error = InputError(
        f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}) nor Windows-1252 text"
    )
    high = len(data) - len(data.translate(None, bytes(range(0x80, 0x100))))
    if high > _MAX_HIGH_RATIO * len(data) or _RE_UTF8_SEQ.search(data):
        raise error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise error from None
    letters = in_words = 0
    for m in _RE_NON_ASCII.finditer(text):
        if m.group().isalpha():
            letters += 1
            i = m.start()
            in_words += (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha())
    if letters and in_words < 0.5 * letters:  # half: French has its stand-alone "à"
        raise error
    return text


def _sniff(text: str) -> str:
    start = text.lstrip()[:1]
    if start in ("{", "["):
        return "json"
    if start == "<" and _RE_HTML_TAG.search(text, 0, 65536):
        return "html"
    return "text"


def _from_text(text: str, name: str, fmt: str) -> Iterator[Document | InputError]:
    if fmt == "html":
        yield _html_document(text, name)
    elif fmt == "json":
        yield from _json_documents(text, name)
    elif fmt == "jsonl":
        yield from _jsonl_lines(_split_lines(text), name)
    else:
        yield _make(name, text, "text")


def _make(
    source: str,
    text: str,
    fmt: str,
    title: str | None = None,
    published: dt.date | None = None,
    outlet: str | None = None,
    url: str | None = None,
    doc_id: str | None = None,
) -> Document:
    return Document(source, text, title, published, outlet, url, doc_id, content_hash(text), fmt)


def _html_document(html: str, name: str) -> Document:
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
    return _make(name, text, "html", title, parse_published(doc.date) if doc.date else None, _clean(doc.sitename), _clean(doc.url))


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


def _json_documents(text: str, name: str) -> Iterator[Document | InputError]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if sum(line[:1] == "{" and line[-1:] == "}" for line in lines) * 2 >= len(lines):
            # mostly one object per line: it is JSONL after all, so the good lines still come out
            yield from _jsonl_lines(_split_lines(text), name)
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


def _jsonl_from_binary(f: IO[bytes], path: str) -> Iterator[Document | InputError]:
    head = f.peek(8192)[:8192] if isinstance(f, io.BufferedReader) else b""
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    sample = head[: len(head) // 2 * 2].decode("utf-16", "replace").encode("utf-8", "replace") if utf16 else head
    if b"\x00" in sample or _control_ratio(sample) > _MAX_CONTROL_RATIO:
        yield InputError(f"{path}: {_BINARY}")
        return
    if utf16:  # rare: decode as a text stream
        lines: Iterable[bytes | str] = io.TextIOWrapper(f, encoding="utf-16", newline="")
    else:
        lines = iter(lambda: f.readline(MAX_DOCUMENT_BYTES + 1), b"")
    yield from _jsonl_lines(lines, path)


def _jsonl_lines(lines: Iterable[bytes | str], name: str) -> Iterator[Document | InputError]:
    seen = False
    lineno = 0
    long_line = False
    for raw in lines:
        if long_line:  # the rest of an over-long line, already reported
            long_line = not _ends_line(raw)
            continue
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > MAX_DOCUMENT_BYTES:
            long_line = not _ends_line(raw)
            seen = True
            yield InputError(f"{where}: line too long (the limit is {MAX_DOCUMENT_BYTES // 2**20} MB per article)")
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


def _split_lines(text: str) -> Iterator[str]:
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
    return _make(
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
