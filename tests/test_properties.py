"""Property tests for the parser (hypothesis): it never raises, offsets slice back to the text,
the output is deterministic, and an article buried in unrelated paragraphs yields the same claims."""

from __future__ import annotations

import datetime as dt
import os
import string

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claims.patterns import QUOTE_CHARS, RE_CUE
from claims.pipeline import parse_article
from claims.results import Claim, ParsedArticle

# CLAIMS_PROPERTY_EXAMPLES=20000 for a long hunt; the suite stays fast with the default.
EXAMPLES = int(os.environ.get("CLAIMS_PROPERTY_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news prose the parser reacts to: quote marks of every kind, cues, names, roles,
# pronouns, dates and the punctuation that joins them. Random sequences of these reach far more
# of the parser's branches than uniformly random characters do.
FRAGMENTS = (
    '"',
    "\N{LEFT DOUBLE QUOTATION MARK}",
    "\N{RIGHT DOUBLE QUOTATION MARK}",
    "'",
    "''",
    "\N{LEFT SINGLE QUOTATION MARK}",
    "\N{RIGHT SINGLE QUOTATION MARK}",
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{DOUBLE LOW-9 QUOTATION MARK}",
    " said",
    " says",
    " told reporters",
    " added",
    " according to",
    " was quoted as saying",
    " warned that",
    " adding that",
    " Jane Holloway",
    " Holloway",
    " Mr. Reyes",
    " the minister",
    " officials",
    " a senior official who asked not to be named",
    " he",
    " She",
    " they",
    " the United Nations",
    " on Monday",
    " last week",
    " July 28, 2015",
    " We will",
    " not",
    " the plan",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    " \N{EM DASH} ",
    "(",
    ")",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\x00",
    "e\u0301",
    "\N{GRINNING FACE}",
)

fragment_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=6), max_size=80).map("".join)
any_text = st.text(max_size=400) | fragment_text


def check_offsets(article: str, parsed: ParsedArticle) -> None:
    for c in parsed.claims:
        assert 0 <= c.start <= c.end <= len(article), c
        assert article[c.start : c.end] == c.text, c
        if c.speaker_start is not None or c.speaker_end is not None:
            assert c.speaker_start is not None and c.speaker_end is not None, c
            assert 0 <= c.speaker_start <= c.speaker_end <= len(article), c
            assert article[c.speaker_start : c.speaker_end] == c.mention, c
        if c.cue_start is not None or c.cue_end is not None:
            assert c.cue_start is not None and c.cue_end is not None, c
            assert article[c.cue_start : c.cue_end] == c.cue, c
        assert 0.0 <= c.confidence <= 1.0, c


@SETTINGS
@given(article=any_text)
def test_never_raises_and_offsets_slice_back(article: str) -> None:
    parsed = parse_article(article)
    assert parsed.text == article
    check_offsets(article, parsed)


@SETTINGS
@given(article=fragment_text, published=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_offsets_hold_with_a_publication_date(article: str, published: dt.date | None) -> None:
    parsed = parse_article(article, published=published, title="A title", outlet="An outlet")
    check_offsets(article, parsed)
    assert parsed.published == published or published is None


@SETTINGS
@given(article=any_text, other=fragment_text)
def test_output_is_deterministic(article: str, other: str) -> None:
    first = parse_article(article)
    parse_article(other)  # no state may leak from one article into the next
    assert parse_article(article) == first


# --- the same claims whatever surrounds the article -------------------------------------------

# An article of fixed paragraphs: a claim-free lead, direct quotes with the speaker before and
# after, a split quote, reported speech, `according to`, and a claim-free closing line (so
# neither end of it leans on a neighbouring paragraph for attribution).
ARTICLE = "\n\n".join(
    (
        "The city council met on Tuesday evening to review the new budget plan for the harbour district.",
        '"We will not raise taxes this year," Mayor Jane Holloway said after the vote.',
        "Holloway said the harbour would reopen to ferries by the end of the summer.",
        "According to the finance office, the deficit has narrowed for the third year in a row.",
        "Councillor Tom Reyes told reporters: \N{LEFT DOUBLE QUOTATION MARK}This budget ignores the people"
        " who live by the water.\N{RIGHT DOUBLE QUOTATION MARK}",
        "\N{LEFT DOUBLE QUOTATION MARK}It is a fair plan,\N{RIGHT DOUBLE QUOTATION MARK} Reyes added,"
        " \N{LEFT DOUBLE QUOTATION MARK}but it comes too late for the fishermen.\N{RIGHT DOUBLE QUOTATION MARK}",
        "The next meeting is planned for the autumn.",
    )
)
ALONE = parse_article(ARTICLE)


def _noise_word(word: str) -> bool:
    # The parser matches cues in lower-cased text (RE_CUE itself only matches lower case).
    return RE_CUE.search(word.lower()) is None


# Noise: paragraphs of plain sentences, lower- and capitalised letter words ending in a full stop,
# with no quote marks, no reporting cues, no digits (no dates) and no colons (no `X: ...` intros).
noise_words = st.text(alphabet=string.ascii_letters, min_size=1, max_size=10).filter(_noise_word)
noise_sentence = st.lists(noise_words, min_size=1, max_size=10).map(lambda ws: " ".join(ws) + ".")
noise_paragraph = st.lists(noise_sentence, min_size=1, max_size=3).map(" ".join)
noise_block = st.lists(noise_paragraph, max_size=3)


def key(claims: tuple[Claim, ...], shift: int) -> list[tuple[int, int, str, str]]:
    return [(c.start - shift, c.end - shift, c.text, c.kind) for c in claims]


def test_the_article_alone_has_its_claims() -> None:
    # The property below is only worth something if the article holds claims of several kinds.
    assert len(ALONE.claims) >= 5
    assert {c.kind for c in ALONE.claims} >= {"direct", "indirect"}


@SETTINGS
@given(before=noise_block, after=noise_block)
def test_noise_around_an_article_changes_no_claim(before: list[str], after: list[str]) -> None:
    noise = "".join(before + after)
    assume(not any(ch in QUOTE_CHARS for ch in noise))
    head = "".join(p + "\n\n" for p in before)
    text = head + ARTICLE + "".join("\n\n" + p for p in after)
    embedded = parse_article(text)
    check_offsets(text, embedded)
    # Every claim lies inside the article, at the same place and with the same text and kind.
    assert key(embedded.claims, len(head)) == key(ALONE.claims, 0)


# --- the cue scan's fast path finds what the plain patterns find ----------------------------------

# Characters next to a cue that the fast path must not misread: an apostrophe that is no separator,
# dashes and quote marks that are, letters beyond latin-1 (Polish, Greek), latin-1 letters, a hyphen.
CUE_NEIGHBOURS = ("\N{RIGHT SINGLE QUOTATION MARK}", "\N{EM DASH}", "\N{LEFT DOUBLE QUOTATION MARK}", "ł", "α", "é", "-", "'", "_", "?", "7")
cue_text = st.lists(st.sampled_from(FRAGMENTS + CUE_NEIGHBOURS + ("said", "according", " to", "told")), max_size=60).map("".join)


@SETTINGS
@given(text=cue_text | any_text)
def test_the_fast_cue_scan_finds_what_the_plain_patterns_find(text: str) -> None:
    from claims.patterns import RE_CUE_AFTER
    from claims.quote_base import _cue_spans

    low = text.lower()
    assume(len(low) == len(text))
    first = RE_CUE.match(low)
    start = 0 if first is None else first.end()
    plain = ([first.span()] if first else []) + [m.span("cue") for m in RE_CUE_AFTER.finditer(low, start)]
    assert _cue_spans(low) == plain


# --- the compiled install's C tokeniser cuts text as the pattern does ---------------------------------

# Characters of every class the tokeniser tells apart, in and beyond its table: word characters (ASCII,
# latin-1, Latin Extended, Greek), white space of several kinds, the joiners, and punctuation.
TOKEN_CHARS = "aZ7é\u0142\u024f\u0250α ßß\t\n\u00a0\u2000\u2028\u205f.'-&\u2019,;:\"\u201c\u201d()\u2014\u2070\U0001f600\x1c"
token_text = st.text(alphabet=TOKEN_CHARS, max_size=60) | fragment_text


@SETTINGS
@given(text=token_text, data=st.data())
def test_the_c_tokeniser_cuts_text_as_the_pattern_does(text: str, data: st.DataObject) -> None:
    speedups = pytest.importorskip("claims._speedups", reason="built only by the compiled install (CLAIMS_COMPILE=1)")
    from claims.patterns import RE_TOKEN_FAST
    from claims.text import _TOKEN_CLASSES

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert speedups.tokens(text, start, end, _TOKEN_CLASSES) == [m.span() for m in RE_TOKEN_FAST.finditer(text, start, end)]
