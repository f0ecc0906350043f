"""When it was said: publication-date parsing and time expressions resolved against a given base date.

Pure: nothing here reads the clock; the publication date is always an argument.
"""

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
    (?:\L<prefixes>\s*[:\-\N{EN DASH}\N{EM DASH}]?\s*)*
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
