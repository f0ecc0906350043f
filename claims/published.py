"""Publication dates: a header line or a metadata string ("Updated Jul 28, 2015",
"2015-07-28T14:03:00Z") read as a calendar date. Pure: nothing here reads the clock."""

from __future__ import annotations

import datetime as dt

import regex
from dateutil import parser as _dateutil

from claims.lexicon.dates import MONTHS, PUBLISHED_PREFIXES, WEEKDAYS

# fmt: off
# A header or metadata date, whole: prefix words, optional weekday, the date, an optional time and zone,
# and optionally a "|"-separated tail ("Published 28 July 2015 | Updated 29 July 2015").
# A date needs a month name or a full numeric date, and always a 4-digit year: without them
# dateutil would happily turn "42" or "Monday" into a date.
RE_PUBLISHED = regex.compile(
    r"""
    ^\s*
    (?:\L<prefixes>\b\s*[:\-\N{EN DASH}\N{EM DASH}]?\s*)*
    (?:\L<weekdays>\.?,?\s+)?
    (?P<date>
        (?P<mdy>\L<months>\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:1[89]|2\d)\d\d)
      | (?P<dmy>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?\L<months>\.?,?\s+(?:1[89]|2\d)\d\d)
      | (?P<ymd>(?:1[89]|2\d)\d\d(?P<ysep>[-/.])\d{1,2}(?P=ysep)\d{1,2})
      | (?P<num>\d{1,2}(?P<nsep>[-/.])\d{1,2}(?P=nsep)(?:1[89]|2\d)\d\d)
    )
    (?P<time>
        (?:T|\s*(?:,|at|[\-\N{EN DASH}\N{EM DASH}])?\s*)
        \d{1,2}(?:[:.]\d\d(?:[:.]\d\d(?:\.\d+)?)?)?
        \s*(?:[ap]\.?m\.?)?
        \s*(?:Z|\(?\p{L}{1,5}\)?)?
        \s*(?:[+\-]\d\d:?\d\d)?
    )?
    \s*(?:[|\N{BULLET}\N{MIDDLE DOT}].*)?
    $
    """,
    flags=regex.VERBOSE | regex.IGNORECASE | regex.DOTALL,
    prefixes=PUBLISHED_PREFIXES,
    weekdays=WEEKDAYS,
    months=MONTHS,
)
# fmt: on


def parse_published(value: str) -> dt.date | None:
    """Parse a header or metadata date string ("Updated Jul 28, 2015", "2015-07-28T14:03:00Z").

    Returns the calendar date as written (no time-zone shift), or None when the value is not a
    date with a month and a 4-digit year. Slashed numeric dates are read day first unless that
    is impossible ("07/28/2015"). Never raises.
    """
    m = RE_PUBLISHED.match(value)
    if m is None:
        return None
    text = m.group("date")
    fast = _fast_date(text)
    if fast is not None:
        return fast if isinstance(fast, dt.date) else None  # False: an impossible day
    if m.group("mdy") or m.group("dmy"):
        # dateutil does not take "Sept." with its full stop
        text = text.replace(".", " ")
    try:
        parsed = _dateutil.parse(
            text, dayfirst=m.group("num") is not None, yearfirst=m.group("ymd") is not None
        )
    except (ValueError, OverflowError):
        return None
    return parsed.date()


# The common shapes of a published date, read without dateutil (which costs ~100 us a call):
# "Jul 28, 2015", "28th of July 2015", "2015-07-28", "28/07/2015". ASCII digits only; anything
# else goes to dateutil. Checked equal to dateutil on every month word, day 0-99 and numeric pair 0-99.
RE_FAST_MDY = regex.compile(r"(?P<month>\p{L}+)\.?\s+(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>[0-9]{4})", regex.I)
RE_FAST_DMY = regex.compile(
    r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>\p{L}+)\.?,?\s+(?P<year>[0-9]{4})", regex.I
)
RE_FAST_NUMERIC = regex.compile(r"(?P<a>[0-9]{1,4})[-/.](?P<b>[0-9]{1,2})[-/.](?P<c>[0-9]{1,4})")


def _fast_date(text: str) -> dt.date | bool | None:
    """The date `text` names, False when it names an impossible day, None when dateutil must decide."""
    m = RE_FAST_MDY.fullmatch(text) or RE_FAST_DMY.fullmatch(text)
    if m is not None:
        month = MONTHS.get(m.group("month").lower())
        year, month_day = int(m.group("year")), int(m.group("day"))
        if month is None or not 1 <= month_day <= 31:
            return None
        return safe_date(year, month, month_day) or False
    m = RE_FAST_NUMERIC.fullmatch(text)
    if m is None:
        return None
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    if len(a) == 4:  # year first: year, month, day
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4:  # day first, unless the first number cannot be a month... or the second
        year, first, second = int(c), int(a), int(b)
        if second > 12 and first <= 12:
            month, day = first, second
        else:
            day, month = first, second
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return safe_date(year, month, day) or False


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
