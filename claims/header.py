"""An article's header and trailer read from its plain text: title, publication date, outlet, and the
lines the parser must skip (boilerplate as `boilerplate` judges it, date lines, bylines, trailers).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import regex

from claims.boilerplate import (
    BOILERPLATE_MAX_WORDS,
    ENDING_TAILS,
    LINE_MAX_CHARS,
    PLAIN_OPENINGS,
    RE_COPYRIGHT,
    TAIL_CHARS,
    TAIL_KEY,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    TRAILER_MAX_WORDS,
    count_words,
    is_boilerplate,
    may_open_boilerplate,
)
from claims.lexicon.boilerplate import BYLINE_ROLES, NAME_PARTICLES, SOURCE_LABELS, TRAILER_WORDS
from claims.published import parse_published

# How far in the header lines may hold the date or a byline, and how far back the trailer goes.
HEADER_LINES = 15
TRAILER_LINES = 3

_SEPARATORS = "|\N{BULLET}\N{MIDDLE DOT}"
# a capitalised word of an outlet or a name: "TRTWorld", "Al-Monitor", "O'Brien"
_CAP = r"\p{Lu}[\p{L}\p{N}&'\N{RIGHT SINGLE QUOTATION MARK}\-]*"

# fmt: off
# A labelled source line: "Source: Al Jazeera".
RE_SOURCE = regex.compile(r"\L<labels>\s*:\s*(?P<outlet>\S.*?)[\s.]*$", flags=regex.IGNORECASE, labels=SOURCE_LABELS)
# A trailer naming the outlet: capitalised words and a few trailer words, no terminal punctuation,
# at most TRAILER_MAX_WORDS words: "TRTWorld and agencies", "- Reuters". A sentence has a lower-case
# verb, so it never matches.
RE_TRAILER = regex.compile(
    rf"(?:[\-\N{{EN DASH}}\N{{EM DASH}}]+\s*)?(?P<outlet>{_CAP}(?:\s+(?:{_CAP}|\L<words>))*)$",
    words=TRAILER_WORDS,
)
# A byline: "By Jane Doe", "By Parisa Hafezi and Babak Dehghanpisheh, Reuters", "By Jane Doe | July 28, 2015".
# After a comma comes the outlet, a job or a date; after a separator, anything (usually the date).
RE_BYLINE = regex.compile(
    rf"""
    (?:By|BY)\s+
    (?P<names>{_CAP}(?:\s+(?:{_CAP}|\L<particles>|and|&)){{0,8}})
    (?:\s*,\s*(?P<tail>[^{_SEPARATORS}]*[^{_SEPARATORS}\s]))?
    \s*(?:[{_SEPARATORS}]\s*(?P<rest>.*))?
    $
    """,
    flags=regex.VERBOSE,
    particles=NAME_PARTICLES,
)
# A full stop after a lower-case word, a digit or a closing bracket ends a sentence, not an abbreviation.
RE_SENTENCE_STOP = regex.compile(r"[\p{Ll}\p{N})\]]\.$")
RE_SEPARATOR = regex.compile(rf"\s*[{_SEPARATORS}]\s*")
# A job named after a byline's comma, in lower case: "correspondent" ("Middle East Correspondent").
RE_BYLINE_ROLE = re.compile("|".join(re.escape(role) for role in sorted(BYLINE_ROLES)))
RE_ANY_SEPARATOR = re.compile(f"[{_SEPARATORS}]")  # on `re`, to test a line for one quickly
# The year every published date holds (`published.RE_PUBLISHED`), as a cheap guard before parsing a line.
RE_YEAR = regex.compile(r"(?:1[89]|2\d)\d\d")
# fmt: on


# init=False: see text.Quote
@dataclass(frozen=True, slots=True, init=False)
class Header:
    """What an article's first and last lines say about it; spans are `str` offsets into the text."""

    title: str | None
    title_span: tuple[int, int] | None
    published: dt.date | None
    date_span: tuple[int, int] | None  # the whole header line holding the date
    outlet: str | None
    # lines the parser must ignore: boilerplate, date lines, bylines, trailer lines; the title is not one
    skip_spans: tuple[tuple[int, int], ...]

    def __init__(
        self,
        title: str | None,
        title_span: tuple[int, int] | None,
        published: dt.date | None,
        date_span: tuple[int, int] | None,
        outlet: str | None,
        skip_spans: tuple[tuple[int, int], ...],
    ) -> None:
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "title_span", title_span)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "date_span", date_span)
        object.__setattr__(self, "outlet", outlet)
        object.__setattr__(self, "skip_spans", skip_spans)


# The ASCII characters that may open RE_COPYRIGHT and RE_SOURCE (a non-ASCII one may open either).
_COPYRIGHT_FIRSTS = frozenset("(cC")
_SOURCE_FIRSTS = frozenset("".join(label[0] + label[0].upper() for label in SOURCE_LABELS))


def _lines(text: str) -> tuple[list[int], list[str], list[int]]:
    """The non-empty lines of `text` (split as str.splitlines does) as each one's offset, its text
    stripped of surrounding white space, and the indexes of those the boilerplate pre-tests pass."""
    starts: list[int] = []
    texts: list[str] = []
    maybe: list[int] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            # the boilerplate pre-tests (inline: a call a line costs more than they do); RE_REPORTING_CREDIT
            # and RE_CREDIT_SUFFIX need a credit ending before the trailing stops and spaces, and only a
            # letter folds to a letter
            tail = stripped.rstrip(TAIL_CHARS)[-TAIL_KEY:]
            if (stripped[:2] not in PLAIN_OPENINGS and may_open_boilerplate(stripped)) or (
                tail in ENDING_TAILS if tail.isascii() else tail[-1:].isalpha()
            ):
                maybe.append(len(texts))
            # raw[0] is the first character of `stripped` unless raw opens with white space
            starts.append(offset if raw[0] == stripped[0] else offset + len(raw) - len(raw.lstrip()))
            texts.append(stripped)
        offset += len(raw)
    return starts, texts, maybe


def _has_year(text: str) -> bool:
    # every date parse_published takes has a 4-digit year, so a 1 or a 2: most lines skip the pattern
    return ("1" in text or "2" in text) and RE_YEAR.search(text) is not None


def _published(value: str) -> dt.date | None:
    return parse_published(value) if _has_year(value) else None


def _line_date(text: str) -> dt.date | None:
    """The date a header line gives: the whole line, or one of its `|`-separated parts."""
    if len(text) > LINE_MAX_CHARS or not _has_year(text):
        return None
    if RE_ANY_SEPARATOR.search(text) is None:
        return parse_published(text)
    for part in RE_SEPARATOR.split(text):
        date = _published(part)
        if date is not None:
            return date
    return None


def _short_outlet(value: str) -> str | None:
    """`value` when it reads as an outlet name (capitalised words, a few trailer words), else None."""
    value = value.strip()
    if not value or len(value.split()) > TRAILER_MAX_WORDS:
        return None
    m = RE_TRAILER.match(value)
    return m.group("outlet") if m else None


def _byline(text: str) -> tuple[str | None, dt.date | None] | None:
    """(outlet, date) from a byline, or None when the line is not one."""
    # RE_BYLINE opens with "By" or "BY": most lines fail this before any pattern runs
    if not text.startswith(("By", "BY")) or count_words(text) > BOILERPLATE_MAX_WORDS:
        return None
    m = RE_BYLINE.match(text)
    if m is None:
        return None
    outlet: str | None = None
    date: dt.date | None = None
    tail = m.group("tail")
    if tail:
        date = _published(tail)
        # "By Jane Doe, Middle East Correspondent" names a job, not an outlet
        if date is None and RE_BYLINE_ROLE.search(tail.lower()) is None:
            outlet = _short_outlet(tail)
            if outlet is None:
                return None  # "By Monday, the army had ..." is a sentence
    rest = m.group("rest")
    if rest and date is None:
        date = _published(rest)
    return outlet, date


def _trailer_outlet(text: str, boilerplate: bool) -> tuple[bool, str | None, bool]:
    """(is a trailer or credit line, the outlet it names, is a copyright or source line) for one of
    the last lines."""
    words = count_words(text)
    if words > BOILERPLATE_MAX_WORDS:
        return False, None, False
    first = text[0]
    copyright = RE_COPYRIGHT.match(text) if first in _COPYRIGHT_FIRSTS or not first.isascii() else None
    if copyright:
        return True, _short_outlet(copyright.group("holder")), True
    source = RE_SOURCE.match(text) if first in _SOURCE_FIRSTS or not first.isascii() else None
    if source:
        return True, _short_outlet(source.group("outlet")), True
    if boilerplate:  # is_boilerplate(text), as read_header found it
        return True, None, False
    if words > TRAILER_MAX_WORDS:  # as _short_outlet would find
        return False, None, False
    outlet = _short_outlet(text)
    return outlet is not None, outlet, False


def _is_headline(text: str) -> bool:
    # a headline is short and does not end with a colon, comma or ellipsis; a full stop is allowed
    # because some archives (PolNeAr) end every headline with one
    return (
        len(text) <= TITLE_MAX_CHARS
        and text[-1] not in ":;,"
        and not text.endswith(("..", "\N{HORIZONTAL ELLIPSIS}"))
        and count_words(text) <= TITLE_MAX_WORDS
    )


def _headline(text: str) -> str:
    """The title line without a sentence full stop ("Poll: Voters Abandon Party." -> "... Party");
    an abbreviation keeps its stop ("... in N.Y.")."""
    if text.endswith(".") and RE_SENTENCE_STOP.search(text):
        return text[:-1]
    return text


def read_header(text: str) -> Header:
    """Read the title, publication date, outlet and skippable lines from an article's plain text.

    Title: the first non-empty line after any boilerplate, date line or byline, when it is short
    (a final full stop is dropped). Date: the first of the first HEADER_LINES lines that is a date, a labelled date or a
    byline with a date. Outlet: from the last TRAILER_LINES lines (a trailer such as "TRTWorld and
    agencies", "\N{COPYRIGHT SIGN} 2015 Reuters", "Source: Al Jazeera"), else from a byline "By X, Reuters". Anything
    unsure gives None. Never raises.
    """
    starts, lines, maybe = _lines(text)
    boilerplate = {index for index in maybe if is_boilerplate(lines[index])}
    skip = {(starts[index], starts[index] + len(lines[index])) for index in boilerplate}

    # the header lines that are dates or bylines, and what they say
    marks: dict[int, tuple[dt.date | None, tuple[str | None, dt.date | None] | None]] = {}
    for index, line in enumerate(lines[:HEADER_LINES]):
        # the guards of _has_year and _byline, inline: most lines fail both
        date = _line_date(line) if "1" in line or "2" in line else None
        byline = _byline(line) if line.startswith(("By", "BY")) else None
        if date is not None or byline is not None:
            marks[index] = (date, byline)
    # credits, share buttons, date lines and bylines may come before the headline
    title_index: int | None = None
    for index in range(min(len(lines), HEADER_LINES)):
        if index not in boilerplate and index not in marks:
            title_index = index if _is_headline(lines[index]) else None
            break

    published: dt.date | None = None
    date_span: tuple[int, int] | None = None
    byline_outlet: str | None = None
    for index, (date, byline) in marks.items():
        if byline is not None:
            byline_outlet = byline_outlet or byline[0]
            date = date or byline[1]
        span = (starts[index], starts[index] + len(lines[index]))
        skip.add(span)
        if date is not None and published is None:
            published, date_span = date, span

    outlet: str | None = None
    first_trailer = max(len(lines) - TRAILER_LINES, 0 if title_index is None else title_index + 1)
    for index in range(len(lines) - 1, first_trailer - 1, -1):
        line = lines[index]
        is_trailer, named, labelled = _trailer_outlet(line, index in boilerplate)
        if not is_trailer:
            break  # a line of article text: nothing above it is a trailer
        skip.add((starts[index], starts[index] + len(line)))
        outlet = outlet or named
        if named and not labelled:
            break

    title: str | None = None
    title_span: tuple[int, int] | None = None
    if title_index is not None:
        title = _headline(lines[title_index])
        title_span = (starts[title_index], starts[title_index] + len(title))
    # (positional: a frozen dataclass is built faster so)
    return Header(title, title_span, published, date_span, outlet or byline_outlet, tuple(sorted(skip)))
