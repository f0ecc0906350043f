"""A corpus of bad inputs, generated here, through `claims ingest` and `claims parse` all at once:
each bad one is one `Error:` line naming it, the good ones are stored or printed, no traceback."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select
from typer.testing import CliRunner

from claims.cli import app
from claims.db import open_store
from claims.models import Article, Claim

runner = CliRunner()

# The big article: many paragraphs of claim-free prose after one quote, just over 50 MB.
BIG_MB = 50
_BIG_PARAGRAPH = (
    "The reservoirs were at a forty-year low and rationing would follow across the northern valleys. " * 40
)


@dataclass
class Corpus:
    root: Path  # the folder given to the commands
    extra: list[str]  # inputs given by name besides the folder (missing, unknown extension, ...)
    huge: Path = Path()  # the 50 MB article
    bad: dict[str, str] = field(default_factory=dict)  # input as reported -> what the error says
    good: dict[str, str] = field(default_factory=dict)  # source -> a piece of its decoded text


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    root = tmp_path_factory.mktemp("inputs")
    c = Corpus(root=root, extra=[])

    def bad(name: str, data: bytes | str, reason: str) -> None:
        c.bad[str(_write(root / name, data))] = reason

    def good(name: str, data: bytes | str, snippet: str) -> None:
        c.good[str(_write(root / name, data))] = snippet

    bad("empty.txt", b"", "empty file")
    bad("blank.md", b"  \n\n \t\n", "empty file")
    bad("binary.txt", bytes(range(256)) * 20, "binary")
    bad("nul-in-text.txt", b"The minister said \x00\x00\x00 nothing " * 10 + b"\x00" * 50, "binary")
    bad(
        "invalid-utf8.txt",
        "Le ministre a dit que \N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK} tout va bien \N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}. ".encode()
        * 3
        + b"\xff\xfe\xfa broken \xc3\x28 here",
        "not valid UTF-8",
    )
    bad("bom-then-garbage.txt", b"\xef\xbb\xbf" + b"ok \xff\xfe\xfd", "not valid UTF-8")
    bad(
        "nobody.html",
        "<!DOCTYPE html><html><head><title>Nothing here</title></head></html>",
        "no article text",
    )
    bad("notext.json", json.dumps({"title": "No text", "date": "2015-07-28"}), '"text"')
    bad("number.json", "42", "expected a JSON object")
    bad("truncated.json", '{"text": "\\"We will win,\\" she said.", "title": ', "not valid JSON")
    os.symlink("loop.txt", root / "loop.txt")
    c.bad[str(root / "loop.txt")] = "symlink loop"
    os.symlink(root / "gone.txt", root / "dangling.txt")
    c.bad[str(root / "dangling.txt")] = "no such file"

    good("utf16.txt", '"We will rebuild the bridge," Mayor Ana Ruiz said.'.encode("utf-16"), "Mayor Ana Ruiz")
    good(
        "utf16-be.md",
        b"\xfe\xff" + '"Schools reopen on Monday," the governor said.'.encode("utf-16-be"),
        "Schools reopen",
    )
    good(
        "bom.txt", b"\xef\xbb\xbf" + b'"The water is safe," the health minister said.', '"The water is safe,"'
    )
    good(
        "cp1252.txt",
        "\N{LEFT DOUBLE QUOTATION MARK}Prices will fall next year,\N{RIGHT DOUBLE QUOTATION MARK} said"
        " J\N{LATIN SMALL LETTER E WITH ACUTE}r\N{LATIN SMALL LETTER O WITH CIRCUMFLEX}me Dubois, the finance minister.".encode(
            "cp1252"
        ),
        "J\N{LATIN SMALL LETTER E WITH ACUTE}r\N{LATIN SMALL LETTER O WITH CIRCUMFLEX}me Dubois",
    )
    good(
        "page.html",
        "<html><head><title>Port strike</title></head><body><article><p>"
        + "&quot;The port stays closed until wages rise,&quot; union leader Maria Costa said on Friday. " * 3
        + "</p><p>The ships waited outside the harbour for a third day.</p></article></body></html>",
        "Maria Costa",
    )
    good("plain.txt", '"Nothing is decided yet," Prime Minister Lena Berg told reporters.\n', "Lena Berg")
    # A JSONL file with one bad line among good ones: the good lines are stored, line 2 is reported.
    mixed = root / "mixed.jsonl"
    mixed.write_text(
        json.dumps({"text": '"The first line is fine," Ann Lee said.'})
        + "\n{not json\n"
        + json.dumps({"text": '"So is the third," Bob Hart said.', "title": "Third"})
        + "\n"
        + json.dumps(["not", "an", "object"])
        + "\n"
        + json.dumps({"title": "no text here"})
        + "\n"
    )
    c.good[f"{mixed}:1"] = "Ann Lee"
    c.bad[f"{mixed}:2"] = "not valid JSON"
    c.good[f"{mixed}:3"] = "Bob Hart"
    c.bad[f"{mixed}:4"] = "not a JSON object"
    c.bad[f"{mixed}:5"] = '"text"'

    # A folder nobody may read (root reads anything, so only as another user).
    if os.geteuid() != 0:
        locked = root / "locked"
        locked.mkdir()
        _write(locked / "inside.txt", '"You cannot read me," the clerk said.')
        locked.chmod(0)
        c.bad[str(locked)] = "permission denied"

    # Given by name: a path that does not exist, a binary file with an extension the walk skips,
    # a named pipe (reading it would block forever).
    missing = str(root / "no-such-article.txt")
    c.bad[missing] = "no such file"
    photo = _write(
        root.parent / f"{root.name}-photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8
    )
    c.bad[str(photo)] = "binary"
    fifo = root.parent / f"{root.name}-pipe.txt"
    os.mkfifo(fifo)
    c.bad[str(fifo)] = "not a regular file"
    c.extra = [missing, str(photo), str(fifo)]
    # The 50 MB article sits outside the folder: `ingest` takes it by name, `parse` (a few seconds
    # more of the same parser work) does not.
    c.huge = root.parent / f"{root.name}-huge.txt"
    with open(c.huge, "w", encoding="utf-8") as f:
        f.write('"We are running out of water," the minister said.\n\n')
        block = (_BIG_PARAGRAPH + "\n\n") * 100
        for _ in range(BIG_MB * 2**20 // len(block) + 1):
            f.write(block)
    yield c
    if os.geteuid() != 0:
        (root / "locked").chmod(0o755)


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def check_errors(corpus: Corpus, stderr: str) -> None:
    lines = _error_lines(stderr)
    for name, reason in corpus.bad.items():
        mine = [line for line in lines if line.startswith(f"Error: {name}: ")]
        assert len(mine) == 1, (name, lines)
        assert reason in mine[0], (name, mine[0])
    assert len(lines) == len(corpus.bad), lines


def check_no_traceback(output: str) -> None:
    assert "Traceback" not in output
    assert "unexpected" not in output  # the boundary's word for an exception it did not expect


def test_ingest_reports_every_bad_input_and_stores_the_rest(corpus: Corpus, tmp_path: Path) -> None:
    db = tmp_path / "bad-input.db"
    inputs = [str(corpus.root), *corpus.extra, str(corpus.huge)]
    result = runner.invoke(app, ["ingest", *inputs, "--db", str(db)])
    check_no_traceback(result.output + result.stderr)
    assert result.exit_code == 1, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    check_errors(corpus, result.stderr)
    good = {**corpus.good, str(corpus.huge): "running out of water"}
    assert f"{len(good)} new, 0 already present, {len(corpus.bad)} failed" in result.stderr

    engine = open_store(str(db))
    try:
        with Session(engine) as s:
            stored = dict(s.exec(select(Article.source, Article.id)).all())
            assert set(stored) == set(good)
            for source, snippet in good.items():
                article = s.get(Article, stored[source])
                assert article is not None and snippet in article.text, source
                assert not article.text.startswith("\ufeff"), source  # a byte-order mark is decoded away
                claims = s.exec(select(Claim).where(Claim.article_id == article.id)).all()
                assert claims, source  # every good input holds a quote
                assert all(article.text[c.start : c.end] == c.text for c in claims), source
            size = s.exec(select(func.length(Article.text)).where(Article.source == str(corpus.huge))).one()
            assert size > BIG_MB * 2**20
    finally:
        engine.dispose()

    listed = runner.invoke(app, ["list", "--format", "json", "--limit", "0", "--db", str(db)])
    assert listed.exit_code == 0, listed.stderr
    assert {row["article_id"] for row in json.loads(listed.stdout)} == set(stored.values())

    again = runner.invoke(app, ["ingest", *inputs, "--db", str(db)])
    assert again.exit_code == 1
    assert f"0 new, {len(good)} already present, {len(corpus.bad)} failed" in again.stderr


def test_parse_reports_every_bad_input_and_prints_the_rest(corpus: Corpus) -> None:
    result = runner.invoke(app, ["parse", str(corpus.root), *corpus.extra, "--format", "jsonl"])
    check_no_traceback(result.output + result.stderr)
    assert result.exit_code == 1, result.stderr
    check_errors(corpus, result.stderr)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["source"] for r in records} == set(corpus.good)
    assert all(r["quotes"] for r in records)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_parse_in_every_format_only_fails_on_the_bad_inputs(corpus: Corpus, fmt: str) -> None:
    inputs = [str(corpus.root / "plain.txt"), str(corpus.root / "empty.txt"), str(corpus.root / "loop.txt")]
    result = runner.invoke(app, ["parse", *inputs, "--format", fmt])
    check_no_traceback(result.output + result.stderr)
    assert result.exit_code == 1
    assert _error_lines(result.stderr) == [
        f"Error: {inputs[1]}: empty file",
        f"Error: {inputs[2]}: symlink loop",
    ]
    assert "Lena Berg" in result.stdout
    if fmt == "json":
        assert [r["source"] for r in json.loads(result.stdout)] == [inputs[0]]
