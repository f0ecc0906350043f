"""An article's header and trailer read from its plain text: title, publication date, outlet, and the
boilerplate lines (credits, share buttons, date lines, bylines, trailers) the parser must skip.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

import regex

from claims.dates import parse_published
from claims.lexicon.boilerplate import (
    BOILERPLATE_LINES,
    BOILERPLATE_PREFIXES,
    BYLINE_ROLES,
    CREDIT_SUFFIXES,
    NAME_PARTICLES,
    REPORTING_CREDIT_SUFFIXES,
    SOCIAL_NETWORKS,
    SOURCE_LABELS,
    TRAILER_WORDS,
)

# How far in the header lines may hold the date or a byline, and how far back the trailer goes.
HEADER_LINES = 15
TRAILER_LINES = 3
# A headline is short; so are boilerplate, trailer and byline lines. No line pattern sees a longer
# line, which keeps every per-line pattern bounded and the whole read linear.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
BOILERPLATE_MAX_WORDS = 20
TRAILER_MAX_WORDS = 6
LINE_MAX_CHARS = 300

_SEPARATORS = "|\N{BULLET}\N{MIDDLE DOT}"
# a capitalised word of an outlet or a name: "TRTWorld", "Al-Monitor", "O'Brien"
_CAP = r"\p{Lu}[\p{L}\p{N}&'\N{RIGHT SINGLE QUOTATION MARK}\-]*"

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
# _TAIL_CHARS holds every character `regex` counts as \s and every one str.isspace() takes.
_LONGEST_CREDIT = max(len(suffix) for suffix in CREDIT_SUFFIXES)
_BMP_START = "".join(map(chr, range(0x3001)))  # every white-space character comes before U+3001
_TAIL_CHARS = ".)" + "".join(sorted(set(regex.findall(r"\s", _BMP_START)) | {c for c in _BMP_START if c.isspace()}))
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
# The year every published date holds (`dates.RE_PUBLISHED`), as a cheap guard before parsing a line.
RE_YEAR = regex.compile(r"(?:1[89]|2\d)\d\d")
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


@dataclass(frozen=True, slots=True)
class Header:
    """What an article's first and last lines say about it; spans are `str` offsets into the text."""

    title: str | None
    title_span: tuple[int, int] | None
    published: dt.date | None
    date_span: tuple[int, int] | None  # the whole header line holding the date
    outlet: str | None
    # lines the parser must ignore: boilerplate, date lines, bylines, trailer lines; the title is not one
    skip_spans: tuple[tuple[int, int], ...]


class _Line(NamedTuple):
    """A NamedTuple, not a frozen dataclass, for speed: a tuple is built twice as fast."""

    start: int
    end: int
    text: str  # text[start:end], stripped of surrounding white space
    # the line's word count, counted only up to _MAX_COUNTED (past every word limit below); a line
    # over LINE_MAX_CHARS, which is never short, counts _MAX_COUNTED without a split
    words: int


_MAX_COUNTED = max(TITLE_MAX_WORDS, BOILERPLATE_MAX_WORDS, TRAILER_MAX_WORDS) + 1


def _lines(text: str) -> list[_Line]:
    """The non-empty lines of `text`, stripped, with their offsets and (capped) word counts."""
    lines = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            words = len(stripped.split(None, _MAX_COUNTED - 1)) if len(stripped) <= LINE_MAX_CHARS else _MAX_COUNTED
            lines.append(_Line(start, start + len(stripped), stripped, words))
        offset += len(raw)
    return lines


def _is_short(line: _Line, max_words: int) -> bool:
    return line.words <= max_words  # the count was taken once, in _lines


def _credit_suffix(text: str) -> bool:
    end = len(text.rstrip(_TAIL_CHARS))
    return RE_CREDIT_SUFFIX.search(text, max(0, end - _LONGEST_CREDIT)) is not None


def _is_boilerplate(line: _Line) -> bool:
    if not _is_short(line, BOILERPLATE_MAX_WORDS):
        return False
    text = line.text
    return bool(
        RE_BOILERPLATE_ANY.match(text)  # RE_BOILERPLATE_START, RE_FOLLOW, RE_NO_WORD, RE_BOILERPLATE_LINE, RE_COPYRIGHT
        or RE_REPORTING_CREDIT.search(text)
        or (_is_short(line, TRAILER_MAX_WORDS) and _credit_suffix(text))
    )


def _line_date(line: _Line) -> dt.date | None:
    """The date a header line gives: the whole line, or one of its `|`-separated parts."""
    # every date parse_published takes has a 4-digit year: a line without one is skipped cheaply
    if len(line.text) > LINE_MAX_CHARS or RE_YEAR.search(line.text) is None:
        return None
    for part in RE_SEPARATOR.split(line.text):
        date = parse_published(part)
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


def _byline(line: _Line) -> tuple[str | None, dt.date | None] | None:
    """(outlet, date) from a byline, or None when the line is not one."""
    # RE_BYLINE opens with "By" or "BY": most lines fail this before any pattern runs
    if not line.text.startswith(("By", "BY")) or not _is_short(line, BOILERPLATE_MAX_WORDS):
        return None
    m = RE_BYLINE.match(line.text)
    if m is None:
        return None
    outlet: str | None = None
    date: dt.date | None = None
    tail = m.group("tail")
    if tail:
        date = parse_published(tail)
        # "By Jane Doe, Middle East Correspondent" names a job, not an outlet
        if date is None and not any(role in tail.lower() for role in BYLINE_ROLES):
            outlet = _short_outlet(tail)
            if outlet is None:
                return None  # "By Monday, the army had ..." is a sentence
    rest = m.group("rest")
    if rest and date is None:
        date = parse_published(rest)
    return outlet, date


def _trailer_outlet(line: _Line, boilerplate: bool) -> tuple[bool, str | None]:
    """(is a trailer or credit line, the outlet it names) for one of the last lines."""
    if not _is_short(line, BOILERPLATE_MAX_WORDS):
        return False, None
    copyright = RE_COPYRIGHT.match(line.text)
    if copyright:
        return True, _short_outlet(copyright.group("holder"))
    source = RE_SOURCE.match(line.text)
    if source:
        return True, _short_outlet(source.group("outlet"))
    if boilerplate:  # _is_boilerplate(line), as read_header found it
        return True, None
    outlet = _short_outlet(line.text)
    return outlet is not None, outlet


def _headline(line: _Line) -> _Line:
    """The title line without a sentence full stop ("Poll: Voters Abandon Party." -> "... Party");
    an abbreviation keeps its stop ("... in N.Y.")."""
    if line.text.endswith(".") and RE_SENTENCE_STOP.search(line.text):
        return _Line(line.start, line.end - 1, line.text[:-1], line.words)
    return line


def read_header(text: str) -> Header:
    """Read the title, publication date, outlet and skippable lines from an article's plain text.

    Title: the first non-empty line after any boilerplate, date line or byline, when it is short
    (a final full stop is dropped). Date: the first of the first HEADER_LINES lines that is a date, a labelled date or a
    byline with a date. Outlet: from the last TRAILER_LINES lines (a trailer such as "TRTWorld and
    agencies", "© 2015 Reuters", "Source: Al Jazeera"), else from a byline "By X, Reuters". Anything
    unsure gives None. Never raises.
    """
    lines = _lines(text)
    skip: set[tuple[int, int]] = set()
    for line in lines:
        if _is_boilerplate(line):
            skip.add((line.start, line.end))
    skip_boilerplate = frozenset(skip)  # the boilerplate lines alone, for the trailer lines below

    # each header line's date and byline, read once for both passes below
    head_dates = [_line_date(line) for line in lines[:HEADER_LINES]]
    head_bylines = [_byline(line) for line in lines[:HEADER_LINES]]
    title_index: int | None = None
    for index, line in enumerate(lines[:HEADER_LINES]):
        # credits, share buttons, date lines and bylines may come before the headline
        if (line.start, line.end) in skip or head_dates[index] is not None or head_bylines[index] is not None:
            continue
        # a headline is short and does not end with a colon, comma or ellipsis; a full stop is allowed
        # because some archives (PolNeAr) end every headline with one
        if (
            _is_short(line, TITLE_MAX_WORDS)
            and len(line.text) <= TITLE_MAX_CHARS
            and line.text[-1] not in ":;,"
            and not line.text.endswith(("..", "\N{HORIZONTAL ELLIPSIS}"))
        ):
            title_index = index
        break

    published: dt.date | None = None
    date_span: tuple[int, int] | None = None
    byline_outlet: str | None = None
    for index, line in enumerate(lines[:HEADER_LINES]):
        if index == title_index:
            continue
        date = head_dates[index]
        byline = head_bylines[index]
        if byline is not None:
            byline_outlet = byline_outlet or byline[0]
            date = date or byline[1]
        if date is not None or byline is not None:
            skip.add((line.start, line.end))
        if date is not None and published is None:
            published, date_span = date, (line.start, line.end)

    outlet: str | None = None
    first_trailer = max(len(lines) - TRAILER_LINES, 0 if title_index is None else title_index + 1)
    for index in range(len(lines) - 1, first_trailer - 1, -1):
        line = lines[index]
        is_trailer, named = _trailer_outlet(line, (line.start, line.end) in skip_boilerplate)
        if not is_trailer:
            break  # a line of article text: nothing above it is a trailer
        skip.add((line.start, line.end))
        outlet = outlet or named
        if named and not RE_COPYRIGHT.match(line.text) and not RE_SOURCE.match(line.text):
            break

    title_line = _headline(lines[title_index]) if title_index is not None else None
    return Header(
        title=title_line.text if title_line else None,
        title_span=(title_line.start, title_line.end) if title_line else None,
        published=published,
        date_span=date_span,
        outlet=outlet or byline_outlet,
        skip_spans=tuple(sorted(skip)),
    )
