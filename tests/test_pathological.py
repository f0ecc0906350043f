"""Hostile inputs of about 1 MB each must finish, and every claim found must slice back.

Each input is parsed in its own process (all at once) with a generous 60 s guard, so a pattern that turns
quadratic or backtracks fails this test instead of hanging the suite. No timing asserts here:
the figures are in benchmarks/parse_speed.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GUARD_SECONDS = 60
SIZE = 500_000

# Run in the child: build the input named by argv[1] at argv[2] characters, parse it, check offsets.
CHILD = r'''
import json, sys
from claims.pipeline import parse_article

def rep(unit, n):
    return (unit * (n // len(unit) + 1))[:n]

BUILD = {
    "no-punctuation": lambda n: rep("the council met again while officials said nothing new about it ", n),
    "unmatched-straight-quotes": lambda n: rep('" ', 200_000) + rep("word ", max(0, n - 200_000)),
    "unmatched-mixed-quotes": lambda n: rep("“ a ” ” b ‘ c « d “ e ’ ", n),
    "opening-quotes-only": lambda n: rep("“We will ", n),
    "commas": lambda n: rep(",", n // 2) + rep("yes, ", n - n // 2),
    "capitalised-words": lambda n: rep("Minister Alpha Beta Gamma Of State John Smith ", n),
    "long-sentence": lambda n: rep(
        "John Smith said that the council, which Mary Jones told reporters was corrupt, had claimed that ", n
    ),
    "apostrophes": lambda n: rep("Iran’s allies and ISIS’ grip and the ’80s and rock ’n’ roll ", n),
    "cue-words-only": lambda n: rep("said says told according to said that ", n),
    "said-that-chain": lambda n: rep("said that he said that ", n),
    "according-to-chain": lambda n: rep("the man according to ", n),
    # one source phrase of endless `of` phrases before its cue: read back once, never without end
    "of-phrase-chain": lambda n: "The head " + rep("of the office ", n - 31) + " said the plan failed.",
    "empty-paragraphs": lambda n: rep("\n\n", n // 2) + rep("He said.\n\n", n - n // 2),
    "quote-after-quote": lambda n: rep('"We will win," he said. ', n),
    "pronouns-after-a-name": lambda n: "Anna Berg spoke. She said the port was shut. " + rep("He said the plan had failed. ", n),
}

text = BUILD[sys.argv[1]](int(sys.argv[2]))
parsed = parse_article(text)
bad = []
for c in parsed.claims:
    if text[c.start:c.end] != c.text or not (0 <= c.start <= c.end <= len(text)):
        bad.append(("claim", c.start, c.end))
    if c.speaker_start is not None and text[c.speaker_start:c.speaker_end] != c.mention:
        bad.append(("mention", c.speaker_start, c.speaker_end))
    if c.cue_start is not None and text[c.cue_start:c.cue_end] != c.cue:
        bad.append(("cue", c.cue_start, c.cue_end))
    if not 0.0 <= c.confidence <= 1.0:
        bad.append(("confidence", c.start, c.end))
print(json.dumps({"chars": len(text), "claims": len(parsed.claims), "bad": bad[:5]}))
'''

KINDS = [
    "no-punctuation",
    "unmatched-straight-quotes",
    "unmatched-mixed-quotes",
    "opening-quotes-only",
    "commas",
    "capitalised-words",
    "long-sentence",
    "apostrophes",
    "empty-paragraphs",
    "quote-after-quote",
    "cue-words-only",
    "said-that-chain",
    "according-to-chain",
    "of-phrase-chain",
]



@pytest.fixture(scope="module")
def children() -> Iterator[dict[str, subprocess.Popen[str]]]:
    """Every hostile input parsing at once, each in its own process."""
    procs = {
        kind: subprocess.Popen(
            [sys.executable, "-c", CHILD, kind, str(SIZE)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for kind in KINDS
    }
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_input_finishes_and_offsets_slice_back(children: dict[str, subprocess.Popen[str]], kind: str) -> None:
    proc = children[kind]
    try:
        out, err = proc.communicate(timeout=GUARD_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail(f"{kind}: parsing {SIZE:,} characters did not finish within {GUARD_SECONDS} s")
    assert proc.returncode == 0, err[-2000:]
    result = json.loads(out)
    assert result["chars"] == SIZE
    assert result["bad"] == []


def test_quote_after_quote_finds_every_quote() -> None:
    # The dense valid input is not thrown away as noise: each short quote is a claim.
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "quote-after-quote", "24000"],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["claims"] == 1000
