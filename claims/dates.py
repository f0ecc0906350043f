"""When it was said: time expressions found in text and resolved against a given base date (the
publication date, which `claims.published` reads).

Pure: nothing here reads the clock; the publication date is always an argument.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import regex

from claims.lexicon.dates import (
    AGO_QUANTITIES,
    AGO_UNITS,
    DATE_FOLLOWERS,
    DAY_PARTS,
    EARLIER_DETERMINERS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ONCE_VERBS,
    TODAY_PHRASES,
    VAGUE_PHRASES,
    WEEKDAY_NAME_PREFIXES,
    WEEKDAY_NAMES,
    WEEKDAYS,
    YESTERDAY_PHRASES,
)
from claims.patterns import trie  # a word list as one prefix-tree alternation, as RE_CUE is built
from claims.published import safe_date

_YEAR = r"(?:1[89]|2\d)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# a month word ends at a full stop ("Sept.") or a word boundary ("Jul" never matches inside "July")
_MONTH = r"\L<months>(?:\.|\b)"
_ON = r"(?:(?i:on)\s+)?"

# fmt: off
# One fragment per kind; RE_TIME joins them in this order, and at one position the first that
# matches wins, so the more specific kinds come first ("Monday, July 20, 2015" is one full date,
# "earlier today" is today). Month and weekday words must be capitalised ("he may go", "a march"
# never match), and a month alone only counts in "in March" (vague). Every fragment is bounded.
_FULL_DATE = rf"""(?P<full_date>{_ON}(?:(?P<weekday>\L<weekdays>),?\s+)?(?:
        (?P<month>{_MONTH})\s*(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})
      | (?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})
      | (?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])
    )\b)"""
_MONTH_DAY = rf"""(?P<month_day>(?:(?P<md_on>(?i:on))\s+)?(?:(?P<weekday>\L<weekdays>),?\s+)?(?:
        (?P<month>{_MONTH})\s*(?P<day>{_DAY})
      | (?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})
    )(?!\p{{L}})
    # without "on", a date before a lower-case content word names an event: "the Sept. 11 memorial"
    (?(md_on)|(?!\s+(?!\L<date_followers>\b)\p{{Ll}})))"""
_LAST_WEEKDAY = r"""(?P<last_weekday>(?i:last)\s+(?P<weekday>\L<weekdays>)(?:\s+(?i:\L<parts>))?\b)"""
_WEEKDAY = r"""(?P<weekday_expr>
        (?:(?P<lead>(?i:on|this))\s+)?
        (?P<weekday>\L<weekdays>)
        # "Good Friday", "Black Friday" are names; "next Monday" is not when anything was said
        (?<!\b(?:\L<name_prefixes>|(?i:next|coming))\s+\L<weekdays>)
        # a bare weekday before a capitalised word is a name: "Sunday Times", "Monday Night Football"
        (?(lead)|(?!\s+\p{Lu}))
        (?:\s+(?i:\L<parts>))?\b)"""
_TODAY = r"(?P<today>(?i:\L<today>)\b)"
_YESTERDAY = r"(?P<yesterday>(?i:\L<yesterday>)\b)"
_VAGUE = rf"""(?P<vague>
        (?i:\L<vague>)\b
      | (?i:(?:(?:\d+|\L<quantities>)\s+)?\L<units>\s+ago)\b
      # "once" only before a past speech verb: "he once said", not "once the city falls"
      | (?i:once)(?=\s+(?i:\L<once_verbs>)\b)
      # "earlier" as an adverb, not "an earlier report" or "earlier than"
      | (?i:earlier)\b(?<!\b(?i:\L<determiners>)\s+(?i:earlier))(?!\s+(?i:than)\b)
      # "in 2014", "in March", "in mid-March 2014"; not "in May's cabinet"
      | (?i:in)\s+(?:(?i:early|late|mid)[\s\-]+)?(?:{_YEAR}|\L<full_months>(?:\s+{_YEAR})?)\b
        (?!['\N{{RIGHT SINGLE QUOTATION MARK}}])
    )"""
# fmt: on
_TIME_FRAGMENTS = (_FULL_DATE, _MONTH_DAY, _LAST_WEEKDAY, _WEEKDAY, _TODAY, _YESTERDAY, _VAGUE)
_TIME_LISTS: dict[str, Any] = {  # Any: the regex stubs type every keyword by its own name
    "months": frozenset(name.capitalize() for name in MONTHS),
    "full_months": frozenset(name.capitalize() for name in MONTHS if name not in MONTH_ABBREVIATIONS),
    "weekdays": frozenset(name.capitalize() for name in WEEKDAY_NAMES),
    "name_prefixes": frozenset(word.capitalize() for word in WEEKDAY_NAME_PREFIXES),
    "parts": DAY_PARTS,
    "today": TODAY_PHRASES,
    "yesterday": YESTERDAY_PHRASES,
    "vague": VAGUE_PHRASES,
    "quantities": AGO_QUANTITIES,
    "units": AGO_UNITS,
    "once_verbs": ONCE_VERBS,
    "determiners": EARLIER_DETERMINERS,
    "date_followers": DATE_FOLLOWERS,
}
# Words a time expression can start with, for the guard below: the first word of every phrase, the
# lead words the fragments spell out, and the month and weekday names.
_LEAD_WORDS = frozenset({"earlier", "in", "last", "on", "once", "this"})
_FIRST_WORDS = (
    frozenset(
        variant
        for phrase in TODAY_PHRASES
        | YESTERDAY_PHRASES
        | VAGUE_PHRASES
        | AGO_QUANTITIES
        | AGO_UNITS
        | _LEAD_WORDS
        for variant in (phrase.split()[0], phrase.split()[0].capitalize())
    )
    | _TIME_LISTS["months"]
    | _TIME_LISTS["weekdays"]
)
_FIRST_CHARS = "".join(sorted({word[0] for word in _FIRST_WORDS}))


# The ASCII characters each fragment (in _TIME_FRAGMENTS order) can start with; any other character may
# start any of them. A fragment that cannot start here then costs one class test, not its named lists.
_DATE_FIRSTS = "0123456789oO" + "".join(sorted({w[0] for w in _TIME_LISTS["months"] | _TIME_LISTS["weekdays"]}))
_FRAGMENT_FIRSTS: tuple[str, ...] = (_DATE_FIRSTS, _DATE_FIRSTS, "lL", "oOtT" + "".join(sorted({w[0] for w in _TIME_LISTS["weekdays"]})))
_FRAGMENT_FIRSTS += tuple(  # the case-insensitive lists: their first letters in both cases
    "".join(sorted({c for word in words for c in (word[0].lower(), word[0].upper())}))
    for words in (TODAY_PHRASES, YESTERDAY_PHRASES, VAGUE_PHRASES | AGO_QUANTITIES | AGO_UNITS | {"earlier", "in", "once", *"0123456789"})
)
# The guard (a first character, then a first word) lets the scan skip most words cheaply: with it the
# alternation ran 7 times faster on news text (5.6 against 0.8 MB/s, seed article repeated to 5 MB).
# The first words are a prefix tree, not a named list: the same test, a third of the time.
RE_TIME = regex.compile(
    rf"\b(?=[\d{_FIRST_CHARS}])(?=\d|(?:{trie(_FIRST_WORDS)})\b)(?:"
    + "|".join(rf"(?=[{first}]|[^\x00-\x7f]){fragment}" for first, fragment in zip(_FRAGMENT_FIRSTS, _TIME_FRAGMENTS, strict=True))
    + ")",
    flags=regex.VERBOSE,
    ignore_unused=True,
    **_TIME_LISTS,
)

# Every position where RE_TIME could start, found with the standard library's faster scanner: RE_TIME
# only matches at a word start (so never after an ASCII letter, digit or "_") on a digit or one of
# its first words followed by no ASCII word character. Any non-ASCII character is a candidate too,
# so Unicode digits and word boundaries stay RE_TIME's to judge. A superset: RE_TIME decides.
RE_TIME_START = re.compile(
    r"(?<![A-Za-z0-9_])(?=[0-9]|[^\x00-\x7f]|(?:" + trie(_FIRST_WORDS) + r")(?![A-Za-z0-9_]))"
)

# Quantity and unit words ("a", "two", "years") start no time expression but "<n> <unit> ago" (every
# other expression's first word is another word): where no "ago" follows in the window, RE_TIME
# need not be tried there (a third of its calls on news text fail on such words).
_AGO_ONLY = frozenset(w for w in _FIRST_WORDS if w.lower() in AGO_QUANTITIES | AGO_UNITS) - frozenset(
    variant
    for phrase in TODAY_PHRASES | YESTERDAY_PHRASES | VAGUE_PHRASES | _LEAD_WORDS | _TIME_LISTS["months"] | _TIME_LISTS["weekdays"]
    for variant in (phrase.split()[0], phrase.split()[0].capitalize())
)
RE_ASCII_WORD = re.compile(r"[A-Za-z]+")

# The word right before a position (searched within the 40 characters before it).
RE_WORD_BEFORE = regex.compile(r"[\p{L}&]+\s+$")

KINDS = ("today", "yesterday", "weekday", "last_weekday", "month_day", "full_date", "vague")


# init=False: see text.Quote
@dataclass(frozen=True, slots=True, init=False)
class TimeExpression:
    """A time expression in a text: `text == source[start:end]`.

    `weekday` (Monday=0), `month`, `day` and `year` hold what the words name, for `resolve`.
    """

    start: int
    end: int
    text: str
    kind: str  # one of KINDS
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        weekday: int | None = None,
        month: int | None = None,
        day: int | None = None,
        year: int | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "weekday", weekday)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "year", year)


def _number(value: str | None) -> int | None:
    if value is None:
        return None
    return int(value.rstrip("stndrh"))


def _month(value: str | None) -> int | None:
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    return MONTHS[value.rstrip(".").lower()]


# which top-level branch of RE_TIME matched -> the kind it reports
_BRANCH_KINDS = (
    ("full_date", "full_date"),
    ("month_day", "month_day"),
    ("last_weekday", "last_weekday"),
    ("weekday_expr", "weekday"),
    ("today", "today"),
    ("yesterday", "yesterday"),
    ("vague", "vague"),
)
# The numbers of RE_TIME's branch groups (in _BRANCH_KINDS order), then of the parts _expression reads.
_EXPRESSION_GROUPS = tuple(
    RE_TIME.groupindex[name] for name in [*(branch for branch, _ in _BRANCH_KINDS), "weekday", "month", "day", "year"]
)


def _expression(m: regex.Match[str]) -> TimeExpression:
    # One group() call by number: each look-up by name costs as much as the rest (this runs per claim).
    *branches, weekday, month, day, year = m.group(*_EXPRESSION_GROUPS)
    kind = next(kind for (_, kind), found in zip(_BRANCH_KINDS, branches, strict=True) if found is not None)
    start, end = m.span()
    return TimeExpression(
        start=start,
        end=end,
        text=m.group(),
        kind=kind,
        weekday=WEEKDAYS[weekday.lower()] if weekday else None,
        month=_month(month),
        day=_number(day),
        year=_number(year),
    )


def find_time_expressions(text: str, start: int = 0, end: int | None = None) -> list[TimeExpression]:
    """Every time expression in `text[start:end]`, in text order, with offsets into `text`.

    Kinds: today, yesterday, weekday ("on Monday", "Monday night"), last_weekday ("last Friday"),
    month_day ("on July 20", "Sept. 11"), full_date ("July 20, 2015", "2015-07-20") and vague
    ("earlier", "last week", "in 2014", "months ago"): a time other than the one stated.
    """
    return [_expression(m) for m in _time_matches(text, start, len(text) if end is None else end)]


def _time_matches(text: str, start: int, stop: int) -> list[regex.Match[str]]:
    """RE_TIME's matches in `text[start:stop]`, as `finditer` would give them, less title words."""
    found: list[regex.Match[str]] = []
    pos = start  # where RE_TIME.finditer would resume: matches never overlap
    for candidate in RE_TIME_START.finditer(text, start, stop):
        at = candidate.start()
        if at < pos:
            continue
        word = RE_ASCII_WORD.match(text, at, stop)
        if word is not None and word.group() in _AGO_ONLY and "ago" not in text[at:stop].lower():
            continue
        m = RE_TIME.match(text, at, stop)
        if m is None:
            continue
        pos = m.end()
        if not _is_title_word(text, m):
            found.append(m)
    return found


def _is_title_word(text: str, m: regex.Match[str]) -> bool:
    """A capitalised "Today"/"This Morning" right after a capitalised word is part of a name:
    "USA Today", "Russia Today", "CBS This Morning"."""
    if m.group("today") is None or not text[m.start()].isupper():
        return False
    before = RE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return before is not None and before.group()[0].isupper()


def resolve(expr: TimeExpression, published: dt.date) -> dt.date | None:
    """The calendar date `expr` names, counted from the publication date `published`.

    Statements are reported after they are made, so a weekday is the latest such day on or before
    `published`, "last Friday" the latest Friday strictly before it, and a month and day without a
    year the latest such day on or before it. Returns None for vague expressions and impossible days.
    """
    if expr.kind == "today":
        return published
    if expr.kind == "yesterday":
        return published - dt.timedelta(days=1)
    if expr.kind in ("weekday", "last_weekday") and expr.weekday is not None:
        back = (published.weekday() - expr.weekday) % 7
        if back == 0 and expr.kind == "last_weekday":
            back = 7
        return published - dt.timedelta(days=back)
    if expr.kind == "month_day" and expr.month is not None and expr.day is not None:
        this_year = safe_date(published.year, expr.month, expr.day)
        if this_year is not None and this_year <= published:
            return this_year
        return safe_date(published.year - 1, expr.month, expr.day)
    if expr.kind == "full_date" and expr.year and expr.month and expr.day:
        return safe_date(expr.year, expr.month, expr.day)
    return None


def said_date(
    text: str, start: int, end: int, published: dt.date | None
) -> tuple[dt.date | None, TimeExpression | None]:
    """When the speech act in `text[start:end]` happened, and the expression that says so.

    Of several expressions the one nearest the end of the window wins: in news prose the attribution
    ("..., the minister said on Monday") usually follows the content, so the last expression is the
    likeliest to date the saying. Pass the attribution clause when you have it. Returns (None, expr)
    for a vague expression, or a relative one when `published` is None; (None, None) when there is none.
    """
    if start >= end:  # an empty window, as after a claim that runs to its sentence's end: no scan to set up
        return None, None
    # Most windows hold no place a time expression could start: one scan says so, with no loop to
    # set up. Else the scan goes on from that place, and only the last expression is built.
    first = RE_TIME_START.search(text, start, end)
    if first is None:
        return None, None
    found = _time_matches(text, first.start(), end)
    if not found:
        return None, None
    expr = _expression(found[-1])
    if expr.kind == "full_date":
        return safe_date(expr.year or 0, expr.month or 0, expr.day or 0), expr
    if published is None:
        return None, expr
    return resolve(expr, published), expr
