"""Input: files, folders, globs and `-` become Documents (read, size-capped, decoded, sniffed).

The only module that reads input; documents.py turns the decoded text of each format into Documents.
A bad input is yielded as an InputError, never raised, so callers go on.
"""

from __future__ import annotations

import errno
import glob
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, BinaryIO

import regex

from claims.documents import (
    HTML_EXTS,
    JSON_EXTS,
    JSONL_EXTS,
    KNOWN_EXTS,
    TEXT_EXTS,
    Document,
    content_hash,
    html_document,
    json_documents,
    jsonl_documents,
    make_document,
    split_lines,
)
from claims.errors import InputError

__all__ = ["MAX_DOCUMENT_BYTES", "STDIN", "Document", "content_hash", "iter_documents", "read_document"]

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

_BINARY = "looks like a binary file, not an article"


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
    yield from jsonl_documents(lines, path, MAX_DOCUMENT_BYTES)


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
            yield from jsonl_documents(_chain_lines(head, stream), name, MAX_DOCUMENT_BYTES)
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
        yield html_document(text, name)
    elif fmt == "json":
        yield from json_documents(text, name, MAX_DOCUMENT_BYTES)
    elif fmt == "jsonl":
        yield from jsonl_documents(split_lines(text), name, MAX_DOCUMENT_BYTES)
    else:
        yield make_document(name, text, "text")
