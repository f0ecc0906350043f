"""Tests for claims.sources: every input shape, encoding and failure, written into tmp_path by the tests."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import InputError
from claims.sources import Document, content_hash, iter_documents, read_document

ARTICLE = (
    "Minister says Iran ready to help Iraq\n\n"
    "Updated Jul 28, 2015\n\n"
    "Iran's Defence Minister Hossein Dehghan said on Monday that Tehran was ready to give more support.\n\n"
    '"We will stand with our neighbours," Dehghan said.\n'
)

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Minister says Iran ready to help | The Daily</title>
<meta property="og:title" content="Minister says Iran ready to help">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2015-07-28T14:03:00Z">
<link rel="canonical" href="https://example.com/news/iran">
</head><body>
<nav><a href="/">Home</a> <a href="/world">NAVIGATION LINK TO WORLD</a></nav>
<article>
<h1>Minister says Iran ready to help</h1>
<p>Iran's Defence Minister Hossein Dehghan said on Monday that Tehran was ready to give more military support to Iraq.</p>
<p>"We will stand with our neighbours," Dehghan said. "Our help will continue as long as it is needed."</p>
<p>Officials in Baghdad welcomed the remarks, saying the support had been crucial in the fight.</p>
</article>
<footer>FOOTER COPYRIGHT 2015 THE DAILY, ALL RIGHTS RESERVED.</footer>
</body></html>
"""


def _run(*inputs: str, stdin: bytes | None = None) -> list[Document | InputError]:
    return list(iter_documents(list(inputs), stdin=io.BytesIO(stdin) if stdin is not None else None))


def _docs(items: list[Document | InputError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _errors(items: list[Document | InputError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, InputError)]


def _write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


# --- plain text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.text"])
def test_text_file_is_kept_as_is(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name, ARTICLE)
    [doc] = _run(path)
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE  # header lines kept: the parser reads them
    assert (doc.source, doc.format) == (path, "text")
    assert (doc.title, doc.published, doc.outlet, doc.url, doc.doc_id) == (None, None, None, None, None)
    assert doc.content_hash == content_hash(ARTICLE)


def test_crlf_becomes_newline(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE.replace("\n", "\r\n").encode())
    [doc] = _docs(_run(path))
    assert doc.text == ARTICLE


def test_read_document_returns_list_and_raises(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", ARTICLE)
    assert [d.text for d in read_document(path)] == [ARTICLE]
    with pytest.raises(InputError, match="missing.txt: no such file"):
        read_document(str(tmp_path / "missing.txt"))


# --- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.html", HTML_PAGE)
    [doc] = _run(path)
    assert isinstance(doc, Document)
    assert doc.format == "html"
    assert doc.title == "Minister says Iran ready to help"
    assert doc.published == dt.date(2015, 7, 28)
    assert doc.outlet == "The Daily"
    assert doc.url == "https://example.com/news/iran"
    assert "NAVIGATION" not in doc.text and "FOOTER" not in doc.text
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Minister says Iran ready to help"
    assert paragraphs[1].startswith("Iran's Defence Minister Hossein Dehghan said on Monday")
    assert paragraphs[2] == '"We will stand with our neighbours," Dehghan said. "Our help will continue as long as it is needed."'
    assert len(paragraphs) == 4


def test_html_headline_outside_article_is_prepended(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("<h1>Minister says Iran ready to help</h1>", "")
    [doc] = _docs(_run(_write(tmp_path / "p.htm", page)))
    assert doc.text.split("\n\n")[0] == "Minister says Iran ready to help"


def test_html_headline_is_not_doubled_when_og_title_differs(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('content="Minister says Iran ready to help"', 'content="Iran ready to help Iraq, minister says"')
    [doc] = _docs(_run(_write(tmp_path / "p.html", page)))
    assert doc.title == "Iran ready to help Iraq, minister says"
    assert doc.text.split("\n\n")[0] == "Minister says Iran ready to help"
    assert "Iran ready to help Iraq, minister says" not in doc.text


def test_html_line_break_and_list_stay_inside_their_paragraph(tmp_path: Path) -> None:
    page = HTML_PAGE.replace("Tehran was ready", "Tehran<br>was ready").replace(
        "<p>Officials", "<ul><li>first point made here</li><li>second point made here</li></ul><p>Officials"
    )
    [doc] = _docs(_run(_write(tmp_path / "p.html", page)))
    paragraphs = doc.text.split("\n\n")
    assert "Tehran\nwas ready" in paragraphs[1]
    assert "first point made here\nsecond point made here" in paragraphs


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head></html>",
        "<html><head><title>T</title></head><body></body></html>",
        "<html><body>   </body></html>",
    ],
)
def test_html_without_text_is_an_error(tmp_path: Path, page: str) -> None:
    path = _write(tmp_path / "empty.html", page)
    assert _errors(_run(path)) == [f"{path}: no article text found in HTML"]


# --- JSON and JSONL -----------------------------------------------------------------------------


def test_json_object_with_metadata(tmp_path: Path) -> None:
    record = {"id": 7, "text": ARTICLE, "title": "T", "date": "2015-07-28", "url": "https://x.org/a", "source": "Reuters"}
    path = _write(tmp_path / "a.json", json.dumps(record))
    [doc] = _run(path)
    assert doc == Document(path, ARTICLE, "T", dt.date(2015, 7, 28), "Reuters", "https://x.org/a", "7", content_hash(ARTICLE), "json")


def test_json_list_gives_one_document_per_item(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", json.dumps([{"text": "one"}, {"title": "no text"}, {"text": "three", "outlet": "AP"}]))
    items = _run(path)
    assert [d.text for d in _docs(items)] == ["one", "three"]
    assert [d.source for d in _docs(items)] == [f"{path}#1", f"{path}#3"]
    assert _docs(items)[1].outlet == "AP"
    assert _errors(items) == [f'{path}#2: no "text" field']


def test_json_without_text_field(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", '{"title": "headline only"}')
    assert _errors(_run(path)) == [f'{path}: no "text" field']


def test_json_source_that_is_a_path_or_url_is_not_the_outlet(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", json.dumps([{"text": "a", "source": "data/x.txt"}, {"text": "b", "source": "https://x.org/b"}]))
    first, second = _docs(_run(path))
    assert (first.outlet, first.url) == (None, None)
    assert (second.outlet, second.url) == (None, "https://x.org/b")


def test_json_bad_date_is_not_fatal(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", json.dumps({"text": "a", "date": "sometime soon"}))
    [doc] = _run(path)
    assert isinstance(doc, Document) and doc.published is None


def test_json_text_is_kept_verbatim(tmp_path: Path) -> None:
    text = "  Title\r\n\r\nBody with \u00a0space and NUL\u0000here.  "
    path = _write(tmp_path / "a.json", json.dumps({"text": text}))
    [doc] = _docs(_run(path))
    assert doc.text == text.replace("\x00", "\ufffd")  # same length: offsets stay valid
    assert len(doc.text) == len(text)


def test_malformed_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.json", '{\n  "text": "a",\n  oops\n}')
    [error] = _errors(_run(path))
    assert error.startswith(f"{path}: not valid JSON (") and "line 3" in error


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "first"}),
        json.dumps({"id": "b", "text": "second", "date": "28 July 2015"}),
        "{not json",
        "",
        json.dumps({"id": "c", "text": "third"}),
        "[1, 2]",
    ]
    path = _write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    items = _run(path)
    docs = _docs(items)
    assert [(d.doc_id, d.text, d.source, d.format) for d in docs] == [
        ("a", "first", f"{path}:1", "jsonl"),
        ("b", "second", f"{path}:2", "jsonl"),
        ("c", "third", f"{path}:5", "jsonl"),
    ]
    assert docs[1].published == dt.date(2015, 7, 28)
    errors = _errors(items)
    assert errors[0].startswith(f"{path}:3: not valid JSON (")
    assert errors[1] == f"{path}:6: not a JSON object"
    assert len(items) == 5


def test_jsonl_text_with_unicode_line_separators(tmp_path: Path) -> None:
    text = "one\u2028two\u0085three\x1cfour"
    body = json.dumps({"text": text}, ensure_ascii=False) + "\n"
    items = _run(_write(tmp_path / "a.jsonl", body), _write(tmp_path / "a.dat", body + body), "-", stdin=body.encode())
    assert [d.text for d in _docs(items)] == [text] * 4


def test_ndjson_and_json_holding_jsonl(tmp_path: Path) -> None:
    body = '{"text": "one"}\n{"text": "two"}\n'
    for name in ("a.ndjson", "b.json"):
        assert [d.text for d in _docs(_run(_write(tmp_path / name, body)))] == ["one", "two"]


def test_jsonl_streams_without_reading_the_whole_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.jsonl", "".join(json.dumps({"id": i, "text": f"article {i}"}) + "\n" for i in range(1000)))
    it = iter_documents([path])
    first = next(it)
    assert isinstance(first, Document) and first.doc_id == "0"
    assert sum(1 for _ in it) == 999


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_text() -> None:
    [doc] = _run("-", stdin=ARTICLE.encode())
    assert isinstance(doc, Document)
    assert (doc.source, doc.format, doc.text) == ("<stdin>", "text", ARTICLE)


def test_stdin_html() -> None:
    [doc] = _run("-", stdin=HTML_PAGE.encode())
    assert isinstance(doc, Document)
    assert (doc.format, doc.outlet, doc.published) == ("html", "The Daily", dt.date(2015, 7, 28))


def test_stdin_json_object_and_list() -> None:
    pretty = json.dumps({"text": "one", "title": "T"}, indent=2).encode()
    [doc] = _run("-", stdin=pretty)
    assert isinstance(doc, Document) and (doc.source, doc.format, doc.title) == ("<stdin>", "json", "T")
    docs = _docs(_run("-", stdin=b'[{"text": "a"},\n {"text": "b"}]'))
    assert [(d.source, d.text) for d in docs] == [("<stdin>#1", "a"), ("<stdin>#2", "b")]


def test_stdin_jsonl_with_bad_line() -> None:
    data = b'\n{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\nnope\n{"id": 3, "text": "c"}\n'
    items = _run("-", stdin=data)
    assert [(d.source, d.doc_id) for d in _docs(items)] == [("<stdin>:2", "1"), ("<stdin>:3", "2"), ("<stdin>:5", "3")]
    [error] = _errors(items)
    assert error.startswith("<stdin>:4: not valid JSON")


def test_stdin_jsonl_whose_first_line_is_bad() -> None:
    items = _run("-", stdin=b'{"id": 1, "text": \n{"id": 2, "text": "b"}\n')
    assert [d.doc_id for d in _docs(items)] == ["2"]
    assert _errors(items)[0].startswith("<stdin>:1: not valid JSON")


def test_stdin_empty_and_binary() -> None:
    assert _errors(_run("-", stdin=b"")) == ["<stdin>: empty file"]
    assert _errors(_run("-", stdin=gzip.compress(b"hello"))) == ["<stdin>: looks like a binary file, not an article"]


# --- folders and globs --------------------------------------------------------------------------


def test_folder_is_walked_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(root / "b.txt", "b")
    _write(root / "a.md", "a")
    _write(root / "sub" / "c.html", HTML_PAGE)
    _write(root / "sub" / "deeper" / "d.json", '{"text": "d"}')
    _write(root / "z.jsonl", '{"text": "z"}\n')
    _write(root / ".hidden.txt", "hidden")
    _write(root / ".git" / "e.txt", "hidden dir")
    _write(root / "notes.docx", b"PK\x03\x04")
    _write(root / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    items = _run(str(root))
    assert _errors(items) == []
    assert [Path(d.source).relative_to(root).as_posix() for d in _docs(items)] == [
        "a.md",
        "b.txt",
        "sub/c.html",
        "sub/deeper/d.json",
        "z.jsonl:1",
    ]


def test_glob_is_expanded(tmp_path: Path) -> None:
    _write(tmp_path / "x1.txt", "one")
    _write(tmp_path / "x2.txt", "two")
    _write(tmp_path / "y.txt", "other")
    assert [d.text for d in _docs(_run(str(tmp_path / "x*.txt")))] == ["one", "two"]
    pattern = str(tmp_path / "nothing*.txt")
    assert _errors(_run(pattern)) == [f"{pattern}: no files match"]


def test_missing_path_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _write(tmp_path / "good.txt", "fine")
    missing = str(tmp_path / "missing.txt")
    items = _run(missing, good)
    assert _errors(items) == [f"{missing}: no such file or folder"]
    assert [d.text for d in _docs(items)] == ["fine"]


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert _errors(_run(str(loop))) == [f"{loop}: symlink loop"]
    # inside a folder: reported, and the walk goes on
    folder = tmp_path / "f"
    _write(folder / "ok.txt", "ok")
    os.symlink(folder / "self.txt", folder / "self.txt")
    os.symlink(folder, folder / "back")  # a link to an ancestor is not entered
    items = _run(str(folder))
    assert _errors(items) == [f"{folder / 'self.txt'}: symlink loop"]
    assert [d.text for d in _docs(items)] == ["ok"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_folder_and_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _write(locked / "a.txt", "a")
    secret = Path(_write(tmp_path / "secret.txt", "s"))
    locked.chmod(0)
    secret.chmod(0)
    try:
        items = _run(str(tmp_path))
        assert sorted(_errors(items)) == [f"{locked}: permission denied", f"{secret}: permission denied"]
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)


def test_fifo_and_socket_are_errors(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    sock_path = tmp_path / "s.txt"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(sock_path))
        assert _errors(_run(str(fifo), str(sock_path))) == [
            f"{fifo}: not a regular file (a named pipe)",
            f"{sock_path}: not a regular file (a socket)",
        ]
        assert len(_errors(_run(str(tmp_path)))) == 2  # in a folder walk too, never blocking on the pipe
    finally:
        sock.close()


# --- encodings and bad bytes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.encode("utf-16"),  # with its BOM, little-endian here
        b"\xfe\xff" + ARTICLE.encode("utf-16-be"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_byte_order_marks_are_decoded(tmp_path: Path, data: bytes) -> None:
    [doc] = _run(_write(tmp_path / "a.txt", data))
    assert isinstance(doc, Document) and doc.text == ARTICLE


def test_utf16_jsonl_and_bom_jsonl(tmp_path: Path) -> None:
    body = '{"text": "caf\u00e9"}\n{"text": "two"}\n'
    for name, data in (("a.jsonl", body.encode("utf-16")), ("b.jsonl", b"\xef\xbb\xbf" + body.encode())):
        assert [d.text for d in _docs(_run(_write(tmp_path / name, data)))] == ["caf\u00e9", "two"]


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"\x93Ready,\x94 he said. Caf\xe9 cr\xe8me \x96 na\xefve.", "\u201cReady,\u201d he said. Caf\u00e9 cr\u00e8me \u2013 na\u00efve."),
        (b"Le ministre a d\xe9clar\xe9 \xe0 Paris : \xabNous sommes pr\xeats.\xbb", "Le ministre a d\u00e9clar\u00e9 \u00e0 Paris : \u00abNous sommes pr\u00eats.\u00bb"),
    ],
)
def test_windows_1252_text_is_decoded(tmp_path: Path, raw: bytes, expected: str) -> None:
    [doc] = _run(_write(tmp_path / "a.txt", raw))
    assert isinstance(doc, Document) and doc.text == expected


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(0x80, 0x100)) * 4,  # dense high bytes, some undefined in cp1252
        b"He said \xc3\xa9t\xc3\xa9 then \xff\xfe\xfa here.",  # UTF-8 with stray bytes: mixed, not cp1252
        b"Plain words \xc3\x28 and \xd0",  # an isolated accented letter outside any word
    ],
    ids=["dense", "mixed", "isolated"],
)
def test_invalid_utf8_garbage_is_an_error(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path / "bad.txt", data)
    [error] = _errors(_run(path))
    assert error.startswith(f"{path}: not valid UTF-8 (byte 0x")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        gzip.compress(ARTICLE.encode() * 20),
        bytes(range(0x01, 0x20)) * 10 + b"some text",  # control bytes without NUL
        b"\xfe\xff" + bytes(40),  # a UTF-16 BOM in front of NULs
    ],
    ids=["png", "gzip", "controls", "bom-then-nuls"],
)
def test_binary_files_are_rejected(tmp_path: Path, data: bytes) -> None:
    for name in ("x.txt", "x.jsonl", "x.bin"):
        path = _write(tmp_path / name, data)
        assert _errors(_run(path)) == [f"{path}: looks like a binary file, not an article"]


@pytest.mark.parametrize("name", ["e.txt", "e.html", "e.json", "e.jsonl", "e"])
@pytest.mark.parametrize("data", [b"", b"  \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_files(tmp_path: Path, name: str, data: bytes) -> None:
    path = _write(tmp_path / name, data)
    assert _errors(_run(path)) == [f"{path}: empty file"]


# --- sniffing and hashing -----------------------------------------------------------------------


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    items = _run(
        _write(tmp_path / "a", HTML_PAGE),
        _write(tmp_path / "b.dat", '{"text": "json"}'),
        _write(tmp_path / "c.dat", '{"text": "l1"}\n{"text": "l2"}\n'),
        _write(tmp_path / "d", "<not html> just text"),
    )
    assert [d.format for d in _docs(items)] == ["html", "json", "jsonl", "jsonl", "text"]


def test_same_content_same_hash(tmp_path: Path) -> None:
    txt = _write(tmp_path / "a.txt", ARTICLE.replace("\n", "\r\n").encode())
    js = _write(tmp_path / "a.json", json.dumps({"text": ARTICLE, "title": "different metadata"}))
    decomposed = _write(tmp_path / "b.jsonl", json.dumps({"text": "  Cafe\u0301\n"}) + "\n")
    composed = _write(tmp_path / "c.txt", "Caf\u00e9")
    a, b, c, d = _docs(_run(txt, js, decomposed, composed))
    assert a.content_hash == b.content_hash
    assert c.content_hash == d.content_hash
    assert a.content_hash != c.content_hash


def test_oversized_document_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("claims.sources.MAX_DOCUMENT_BYTES", 1000)
    big = _write(tmp_path / "big.txt", "word " * 300)
    lines = _write(tmp_path / "big.jsonl", json.dumps({"text": "w " * 600}) + "\n" + '{"text": "ok"}\n')
    items = _run(big, lines)
    assert _errors(items)[0].startswith(f"{big}: too large (")
    assert _errors(items)[1].startswith(f"{lines}:1: line too long")
    assert [d.text for d in _docs(items)] == ["ok"]


def test_fifty_megabyte_article(tmp_path: Path) -> None:
    paragraph = "The minister said the reservoirs were at a forty-year low and rationing would follow. " * 40
    data = ((paragraph + "\n\n") * (50 * 2**20 // (len(paragraph) + 2))).encode()
    [doc] = _run(_write(tmp_path / "huge.txt", data))
    assert isinstance(doc, Document) and len(doc.text) == len(data)


# --- no input makes the iterator raise ----------------------------------------------------------

_PREFIXES = st.sampled_from([b"", b"{", b"[", b"<html><body><p>", b'{"text": "', b"\xef\xbb\xbf", b"\xff\xfe", b"\n\n{"])


@settings(max_examples=300, deadline=None)
@given(prefix=_PREFIXES, body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_on_stdin_give_documents_or_errors(prefix: bytes, body: bytes) -> None:
    items = _run("-", stdin=prefix + body)
    assert items and all(isinstance(i, (Document, InputError)) for i in items)
    for doc in _docs(items):
        assert doc.text.strip() and doc.content_hash == content_hash(doc.text)
    for message in _errors(items):
        assert message.startswith("<stdin>") and "\n" not in message
