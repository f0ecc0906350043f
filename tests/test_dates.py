"""Dates: publication-date parsing, time expressions and their resolution against a given base."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.dates import parse_published

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Updated Jul 28, 2015", D(2015, 7, 28)),
        ("Published 28 July 2015 14:03 BST", D(2015, 7, 28)),
        ("2015-07-28", D(2015, 7, 28)),
        ("2015-07-28T14:03:00Z", D(2015, 7, 28)),
        ("2015-07-28T23:59:00.123+02:00", D(2015, 7, 28)),
        ("July 28, 2015", D(2015, 7, 28)),
        ("28 Jul 2015", D(2015, 7, 28)),
        ("Tuesday, July 28, 2015 10:03 AM EDT", D(2015, 7, 28)),
        ("Last updated: 28/07/2015", D(2015, 7, 28)),
        ("Posted: Sep 12, 2016 6:01 PM ET", D(2016, 9, 12)),
        ("Tue, 28 Jul 2015 14:03:00 +0000", D(2015, 7, 28)),
        ("First published on 3rd of March 2021", D(2021, 3, 3)),
        ("Sept. 11, 2001", D(2001, 9, 11)),
        ("UPDATED DEC. 5, 2019", D(2019, 12, 5)),
        ("Friday 5 February 2021 09.30 GMT", D(2021, 2, 5)),
        ("2019/12/05", D(2019, 12, 5)),
        ("Date: 05.12.2019", D(2019, 12, 5)),
        ("Published 28 July 2015 | Updated 29 July 2015", D(2015, 7, 28)),
        # slashes are day first ...
        ("04/03/2021", D(2021, 3, 4)),
        # ... unless that is impossible
        ("07/28/2015", D(2015, 7, 28)),
        ("12/31/1999", D(1999, 12, 31)),
    ],
)
def test_parse_published(value: str, expected: dt.date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "Monday",
        "42",
        "2015",
        "He said so",
        "May he rest",
        "Updated Jul 28",  # no year: we do not guess one
        "28/07/15",  # two-digit year
        "31/02/2015",  # no such day
        "13/13/2015",
        "July 28, 2015 was the day the talks began.",
        "Updated 2 hours ago",
        "March on Washington 1963",
    ],
)
def test_parse_published_rejects(value: str) -> None:
    assert parse_published(value) is None
