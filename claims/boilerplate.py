"""Which lines of an article are boilerplate (credits, share buttons, copyright lines, reporting credits,
social plugs): the line patterns and their cheap pre-tests, the word limits every short-line test shares,
and the test of one line.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any

import regex

from claims.lexicon.boilerplate import (
    BOILERPLATE_LINES,
    BOILERPLATE_PREFIXES,
    CREDIT_SUFFIXES,
    REPORTING_CREDIT_SUFFIXES,
    SOCIAL_NETWORKS,
)

# A headline is short; so are boilerplate, trailer and byline lines. No line pattern sees a longer
# line, which keeps every per-line pattern bounded and the whole read linear.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
BOILERPLATE_MAX_WORDS = 20
TRAILER_MAX_WORDS = 6
LINE_MAX_CHARS = 300

# fmt: off
# A boilerplate marker at the start of a line (after any dashes), ending at a non-letter: "Photo by: Reuters",
# "Photo: AP", "--additional reporting from X"; not "Photographers gathered".
RE_BOILERPLATE_START = regex.compile(
    r"[\-\N{EN DASH}\N{EM DASH}_]*\s*\L<prefixes>(?:(?<!\p{L})|(?!\p{L}))",
    flags=regex.IGNORECASE,
    prefixes=BOILERPLATE_PREFIXES,
)
# A social-media plug: "Follow Pam Key on Twitter @pamkeyNEN.", "On Twitter follow Jane Doe".
RE_FOLLOW = regex.compile(
    r"(?:follow\s.*\son\s+\L<networks>(?!\p{L})|on\s+\L<networks>,?\s+follow\s)",
    flags=regex.IGNORECASE,
    networks=SOCIAL_NETWORKS,
)
# A reporters' credit at the end of a line: "Jane Doe and John Roe contributed reporting."
RE_REPORTING_CREDIT = regex.compile(
    r"(?<!\p{L})\L<suffixes>[\s.)]*$", flags=regex.IGNORECASE, suffixes=REPORTING_CREDIT_SUFFIXES
)
# A line with no letter or digit ("___", "* * *") holds no claim.
RE_NO_WORD = regex.compile(r"[^\p{L}\p{N}]*$")
# A whole boilerplate line: "Advertisement", "Share this", "Related articles:".
RE_BOILERPLATE_LINE = regex.compile(r"\L<lines>[\s.:!]*$", flags=regex.IGNORECASE, lines=BOILERPLATE_LINES)
# A picture credit at the end of a short line: "AFP/Getty Images", "Photograph: Jane Doe via Reuters".
RE_CREDIT_SUFFIX = regex.compile(
    r"(?:^|(?<=[\s/|,(]))\L<suffixes>[\s.)]*$", flags=regex.IGNORECASE, suffixes=CREDIT_SUFFIXES
)
# Where RE_CREDIT_SUFFIX.search may start, for speed: every suffix ends in a letter, so it ends where
# the line's trailing white space, stops and brackets begin, and starts at most _LONGEST_CREDIT before.
# TAIL_CHARS holds every character `regex` counts as \s and every one str.isspace() takes.
_LONGEST_CREDIT = max(len(suffix) for suffix in CREDIT_SUFFIXES)
_BMP_START = "".join(map(chr, range(0x3001)))  # every white-space character comes before U+3001
TAIL_CHARS = ".)" + "".join(sorted(set(regex.findall(r"\s", _BMP_START)) | {c for c in _BMP_START if c.isspace()}))
# A copyright line, holding the outlet: "© 2015 Reuters", "Copyright 2015 The Associated Press. All rights reserved."
RE_COPYRIGHT = regex.compile(
    r"""
    (?:\N{COPYRIGHT SIGN}|\(c\)|copyright\s*(?=\N{COPYRIGHT SIGN}|\(c\)|\d{4}))\s*
    (?:\N{COPYRIGHT SIGN}|\(c\))?\s*
    (?:\d{4}(?:\s*[\-\N{EN DASH}]\s*\d{4})?)?[\s,]*
    (?P<holder>.*?)[\s.,]*
    (?:all\s+rights\s+reserved[\s.]*)?$
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
)
# fmt: on


def _any_of(*patterns: regex.Pattern[str], **lists: Any) -> regex.Pattern[str]:  # Any: as dates._TIME_LISTS
    """One pattern that matches where any of `patterns` matches, each keeping its own flags."""
    def scoped(p: regex.Pattern[str]) -> str:
        flags = ("i" if p.flags & regex.IGNORECASE else "") + ("x" if p.flags & regex.VERBOSE else "")
        return f"(?{flags}:{p.pattern})" if flags else f"(?:{p.pattern})"

    return regex.compile("|".join(scoped(p) for p in patterns), **lists)


# The boilerplate tests anchored at the line start as one pattern, for speed: one call, not five (5.6
# against 9.9 us an article; the same answer on 134,000 PolNeAR and benchmark lines and mutations).
RE_BOILERPLATE_ANY = _any_of(
    RE_BOILERPLATE_START,
    RE_FOLLOW,
    RE_NO_WORD,
    RE_BOILERPLATE_LINE,
    RE_COPYRIGHT,
    prefixes=BOILERPLATE_PREFIXES,
    networks=SOCIAL_NETWORKS,
    lines=BOILERPLATE_LINES,
)


# Pre-tests, so that the boilerplate patterns run only on the line or two an article they might match:
# each passes every line its patterns can match. They decide ASCII text and pass a line whose first or
# last characters are not ASCII (`regex` folds "\N{LATIN SMALL LETTER LONG S}", "\N{KELVIN SIGN}" and
# "\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}" to ASCII letters; str.lower() does not).
_ASCII = _BMP_START[:128]
# RE_BOILERPLATE_ANY's line-start keys that open with a letter, cut to the length of the shortest,
# and RE_FOLLOW's other opening: "on" and a space ("On Twitter follow Jane Doe")
_LETTER_KEYS = [key for key in BOILERPLATE_PREFIXES | BOILERPLATE_LINES | {"follow", "copyright"} if key[0].isalpha()]
_HEAD_CHARS = min(len(key) for key in _LETTER_KEYS)
_KEY_HEADS = frozenset(key[:_HEAD_CHARS] for key in _LETTER_KEYS)
_ON_HEADS = frozenset("on" + space for space in regex.findall(r"\s", _ASCII))
# what else may open a match, RE_NO_WORD aside: a dash, underscore or space before a prefix, "(" of
# "(Reporting by" and "(c)", the copyright sign
_OPENERS = frozenset(
    "-\N{EN DASH}\N{EM DASH}_(\N{COPYRIGHT SIGN}"
    + "".join(key[0] for key in BOILERPLATE_PREFIXES if not key[0].isalpha())
    + "".join(regex.findall(r"\s", _BMP_START))
)
# The same test on a line's first two characters, as one look-up: the openings it rejects, ASCII
# ("Th", '"W') or a typographic quote and an ASCII letter or digit. Every key has two letters or more.
_KEY_PAIRS = frozenset(key[:2] for key in _LETTER_KEYS) | {head[:2] for head in _ON_HEADS}
PLAIN_OPENINGS = frozenset(
    first + second
    for first in _ASCII + "\N{LEFT DOUBLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
    for second in _ASCII
    if (first.isalnum() and (first + second).lower() not in _KEY_PAIRS)
    or (not first.isalnum() and first not in _OPENERS and second.isalnum())
)
RE_ASCII_ALNUM = re.compile("[0-9A-Za-z]")
# Every line-end credit (RE_REPORTING_CREDIT, RE_CREDIT_SUFFIX) ends in a letter; their last letters,
# as many as the shortest has, in every ASCII case: "orting", "ORTING", "Orting", ...
_CREDIT_ENDINGS = REPORTING_CREDIT_SUFFIXES | CREDIT_SUFFIXES
TAIL_KEY = min(len(ending) for ending in _CREDIT_ENDINGS)
ENDING_TAILS = frozenset(
    "".join(chars) for ending in _CREDIT_ENDINGS for chars in product(*((c, c.upper()) for c in ending[-TAIL_KEY:]))
)


def may_open_boilerplate(text: str) -> bool:
    """False when RE_BOILERPLATE_ANY cannot match `text` (a non-empty stripped line)."""
    head = text[:_HEAD_CHARS]
    first = head[0]
    if first.isalnum():
        if not head.isascii():
            return True
        low = head.lower()
        # an "On ..." line is RE_FOLLOW's only if it has "follow" too ("On Monday, ..." is not)
        return low in _KEY_HEADS or (low[:3] in _ON_HEADS and (not text.isascii() or "follow" in text.lower()))
    if first in _OPENERS:
        return True
    return RE_ASCII_ALNUM.search(head) is None  # RE_NO_WORD is left, and a letter or digit rules it out


def count_words(text: str) -> int:
    """How many words `text` has, counted only up to _MAX_COUNTED (past every word limit); a line over
    LINE_MAX_CHARS, which is never short, counts _MAX_COUNTED without a split."""
    return len(text.split(None, _MAX_COUNTED - 1)) if len(text) <= LINE_MAX_CHARS else _MAX_COUNTED


_MAX_COUNTED = max(TITLE_MAX_WORDS, BOILERPLATE_MAX_WORDS, TRAILER_MAX_WORDS) + 1


def _credit_suffix(text: str) -> bool:
    end = len(text.rstrip(TAIL_CHARS))
    return RE_CREDIT_SUFFIX.search(text, max(0, end - _LONGEST_CREDIT)) is not None


def is_boilerplate(text: str) -> bool:
    words = count_words(text)
    if words > BOILERPLATE_MAX_WORDS:
        return False
    return bool(
        RE_BOILERPLATE_ANY.match(text)  # RE_BOILERPLATE_START, RE_FOLLOW, RE_NO_WORD, RE_BOILERPLATE_LINE, RE_COPYRIGHT
        or RE_REPORTING_CREDIT.search(text)
        or (words <= TRAILER_MAX_WORDS and _credit_suffix(text))
    )

