"""Golden tests: every `fixtures/*.txt` parses to exactly `tests/golden/<stem>.json`.

`pytest --update-golden` rewrites the golden files; review the diff before committing.
The seed article is also checked against our hand-checked expectation, `golden/seed_expected.json`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from claims.pipeline import BATCH_CHARS, Article, batches, parse_article, parse_articles

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
ARTICLES = sorted(FIXTURES.glob("*.txt"))
SEED = FIXTURES / "iran-iraq-military-support.txt"
# Golden files that are not the output of a fixture.
NOT_GENERATED = {"seed_expected.json"}


def _read(path: Path) -> str:
    # newline="" keeps \r\n as written, so offsets stay those of the stored text.
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def _result(text: str) -> dict[str, Any]:
    """The full parse of one article as stored in its golden file: every field, every offset."""
    parsed = parse_article(text)
    out = parsed.to_dict()
    for c, d in zip(parsed.claims, out["quotes"], strict=True):
        d["cue_start"], d["cue_end"] = c.cue_start, c.cue_end
    return out


def test_there_are_fixtures() -> None:
    assert SEED in ARTICLES


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_golden(path: Path, update_golden: bool) -> None:
    text = _read(path)
    got = _result(text)
    for q in got["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"] : q["speaker_end"]] == q["mention"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
    golden = GOLDEN / f"{path.stem}.json"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert golden.exists(), f"no {golden.name}: run pytest --update-golden and review the diff"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_every_golden_file_has_its_fixture() -> None:
    stems = {p.stem for p in ARTICLES}
    stale = [p.name for p in GOLDEN.glob("*.json") if p.name not in NOT_GENERATED and p.stem not in stems]
    assert stale == []


# --------------------------------------------------------------------------- the seed article

FIELDS = (
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "speaker_kind",
    "speaker_role",
    "mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "date",
)


def _seed_expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / "seed_expected.json").read_text(encoding="utf-8"))
    return data


def test_seed_article_metadata() -> None:
    parsed = parse_article(_read(SEED))
    assert parsed.title == "Iran offers more military support to Iraq"
    assert parsed.published == dt.date(2015, 7, 28)
    assert parsed.outlet == "TRTWorld and agencies"


def test_seed_expectation_slices_back() -> None:
    text = _read(SEED)
    expected = _seed_expected()["quotes"]
    assert len(expected) == 9
    for q in expected:
        assert text[q["start"] : q["end"]] == q["text"]
        assert text[q["speaker_start"] : q["speaker_end"]] == q["mention"]


@pytest.mark.parametrize("n", range(9))
def test_seed_claim(n: int) -> None:
    expected = _seed_expected()["quotes"][n]
    claims = [c.to_dict() for c in parse_article(_read(SEED)).claims]
    found = [c for c in claims if c["start"] == expected["start"]]
    assert found, f"no claim starts at {expected['start']}: {expected['text'][:60]!r}"
    assert {k: found[0][k] for k in FIELDS} == expected


def test_seed_has_exactly_the_nine_claims() -> None:
    claims = parse_article(_read(SEED)).claims
    got = [(c.start, c.end) for c in claims]
    assert got == [(q["start"], q["end"]) for q in _seed_expected()["quotes"]]


def test_seed_quoted_name_is_not_a_claim() -> None:
    text = _read(SEED)
    at = text.index("“al-Hashd al-Shaabi,”")
    assert [c.text for c in parse_article(text).claims if c.start <= at < c.end] == []


def test_a_parsed_article_survives_pickling_and_stays_frozen() -> None:
    # `claims parse --jobs` sends results between processes; the compiled parser's classes need their
    # own pickling, so CI runs this against both builds.
    parsed = parse_article(_read(SEED))
    again = pickle.loads(pickle.dumps(parsed))
    assert again == parsed
    assert [c.to_dict() for c in again.claims] == [c.to_dict() for c in parsed.claims]
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.claims[0].start = 0
    assert dataclasses.replace(again.claims[0], rule="x").rule == "x"


def test_parse_articles_gives_what_parse_article_gives_each_article() -> None:
    # batches of every size, articles with and without metadata, and a batch of articles all alike
    texts = [_read(p) for p in ARTICLES]
    docs = [Article(t) for t in texts] + [Article(t, dt.date(2015, 7, 28), "A title", "An outlet") for t in texts]
    docs += [Article(texts[0])] * 5
    expected = [parse_article(*d) for d in docs]
    for batch in (1, 2, 5, len(docs), 100):
        assert list(parse_articles(docs, batch=batch)) == expected
    assert list(parse_articles([])) == []


def test_parse_articles_reads_only_a_batch_ahead() -> None:
    # an endless corpus: the first articles come out all the same
    endless = itertools.repeat(Article(_read(SEED)))
    first = list(itertools.islice(parse_articles(endless, batch=4), 3))
    assert len(first) == 3 and all(len(p.claims) == 9 for p in first)


def test_batches_end_at_a_count_or_at_enough_text() -> None:
    assert list(batches(range(10), 4, lambda _: 1)) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    # a batch of big articles ends once their text reaches BATCH_CHARS
    sizes = [BATCH_CHARS // 2, BATCH_CHARS // 2, 1, BATCH_CHARS, 1]
    assert list(batches(sizes, 32, lambda n: n)) == [sizes[:2], sizes[2:4], sizes[4:]]
    assert list(batches([], 4, len)) == []
