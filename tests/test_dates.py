"""Dates: publication-date parsing, time expressions and their resolution against a given base."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

from claims.dates import TimeExpression, find_time_expressions, resolve, said_date
from claims.published import parse_published

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
        "Ondate July 28, 2015",  # a prefix word must end at a word boundary
        "March on Washington 1963",
    ],
)
def test_parse_published_rejects(value: str) -> None:
    assert parse_published(value) is None


TUE = D(2015, 7, 28)  # the seed article's publication day, a Tuesday


def _one(text: str) -> TimeExpression:
    found = find_time_expressions(text)
    assert len(found) == 1, found
    expr = found[0]
    assert text[expr.start : expr.end] == expr.text
    return expr


@pytest.mark.parametrize(
    "text, phrase, kind, published, expected",
    [
        # weekday: the latest such day on or before publication
        ("talks in Baghdad on Monday.", "on Monday", "weekday", TUE, D(2015, 7, 27)),
        ("the United Nations said on Monday", "on Monday", "weekday", D(2015, 7, 27), D(2015, 7, 27)),
        ("She spoke Thursday night in Lyon.", "Thursday night", "weekday", D(2021, 3, 1), D(2021, 2, 25)),
        ("On Saturday, the party voted.", "On Saturday", "weekday", D(2020, 1, 2), D(2019, 12, 28)),
        ("He said this Wednesday that", "this Wednesday", "weekday", D(2019, 5, 3), D(2019, 5, 1)),
        ("Friday morning's statement", "Friday morning", "weekday", D(2018, 6, 9), D(2018, 6, 8)),
        # last_weekday: strictly before publication
        ("she said last Friday", "last Friday", "last_weekday", D(2016, 4, 8), D(2016, 4, 1)),
        ("Last Sunday evening he wrote", "Last Sunday evening", "last_weekday", D(2017, 1, 3), D(2017, 1, 1)),
        # today and yesterday
        ("the minister said today", "today", "today", TUE, TUE),
        ("Tonight the mayor warned", "Tonight", "today", D(2020, 2, 29), D(2020, 2, 29)),
        ("told reporters this morning", "this morning", "today", D(2019, 1, 1), D(2019, 1, 1)),
        ("announced earlier today", "earlier today", "today", D(2022, 8, 8), D(2022, 8, 8)),
        ("he said yesterday", "yesterday", "yesterday", D(2021, 3, 1), D(2021, 2, 28)),
        ("Yesterday afternoon she added", "Yesterday afternoon", "yesterday", D(2020, 1, 1), D(2019, 12, 31)),
        ("the statement issued last night", "last night", "yesterday", D(2016, 3, 1), D(2016, 2, 29)),
        ("Last night the council voted", "Last night", "yesterday", D(2023, 1, 1), D(2022, 12, 31)),
        # month_day: that day in the published year, or the year before when it would be later
        ("said on July 20 that", "on July 20", "month_day", TUE, D(2015, 7, 20)),
        ("since 20 July the talks", "20 July", "month_day", TUE, D(2015, 7, 20)),
        ("speaking on Sept. 11 in New York", "on Sept. 11", "month_day", D(2002, 3, 1), D(2001, 9, 11)),
        ("she said Dec. 30 that", "Dec. 30", "month_day", D(2019, 1, 4), D(2018, 12, 30)),
        ("published on the 4th of July", "4th of July", "month_day", D(2019, 7, 4), D(2019, 7, 4)),
        ("she said Sept. 19 that", "Sept. 19", "month_day", D(2016, 9, 20), D(2016, 9, 19)),
        ("said on Sept. 11 memorial grounds", "on Sept. 11", "month_day", D(2016, 9, 20), D(2016, 9, 11)),
        ("it was said. Today he", "Today", "today", D(2016, 9, 20), D(2016, 9, 20)),
        ("said on Feb 29 that", "on Feb 29", "month_day", D(2022, 3, 1), None),  # none in 2021 or 2022
        ("said on Feb 29 that", "on Feb 29", "month_day", D(2020, 3, 1), D(2020, 2, 29)),
        # full_date: the year is given, the base does not matter
        ("said on July 20, 2015 that", "on July 20, 2015", "full_date", D(2020, 1, 1), D(2015, 7, 20)),
        ("On Monday, July 20, 2015, he said", "On Monday, July 20, 2015", "full_date", TUE, D(2015, 7, 20)),
        ("a statement dated 2015-07-20 said", "2015-07-20", "full_date", TUE, D(2015, 7, 20)),
        ("wrote on 3 March 2021 that", "on 3 March 2021", "full_date", D(2022, 1, 1), D(2021, 3, 3)),
    ],
)
def test_find_and_resolve(
    text: str, phrase: str, kind: str, published: dt.date, expected: dt.date | None
) -> None:
    expr = _one(text)
    assert (expr.text, expr.kind) == (phrase, kind)
    assert resolve(expr, published) == expected


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Earlier a senior Iranian official said", "Earlier"),
        ("Velayati had said earlier.", "earlier"),
        ("as he had previously said", "previously"),
        ("the talks last week", "last week"),
        ("a deal struck last month", "last month"),
        ("Last year the ministry said", "Last year"),
        ("in their biggest victory since last summer", "last summer"),
        ("as it did in the past", "in the past"),
        ("he once said", "once"),
        ("as Churchill had once described it", "once"),
        ("Previously, the ministry denied it", "Previously"),
        ("the minister has recently argued", "recently"),
        ("Recently the bank warned", "Recently"),
        ("as in the past few days", "in the past"),
        ("a deal agreed a few weeks ago", "a few weeks ago"),
        ("In May the minister said", "In May"),
        ("officials recently said", "recently"),
        ("the minister said in 2014 that", "in 2014"),
        ("said in mid-March 2014", "in mid-March 2014"),
        ("a plan drafted months ago", "months ago"),
        ("three weeks ago she wrote", "three weeks ago"),
        ("talks this week", "this week"),
        ("said earlier this year", "earlier this year"),
        ("spoke over the weekend", "over the weekend"),
    ],
)
def test_vague_markers(text: str, phrase: str) -> None:
    expr = _one(text)
    assert (expr.text, expr.kind) == (phrase, "vague")
    assert resolve(expr, TUE) is None


@pytest.mark.parametrize(
    "text",
    [
        "he may go",
        "May he rest in peace",  # a month alone is not a date
        "a march through the city",
        "the March on Washington",
        "the Sunday Times reported",  # a weekday before a capitalised word is a name
        "Monday Night Football",
        "on Good Friday",  # a named day
        "Black Friday sales",
        "the talks resume next Monday",  # future, not when anything was said
        "an earlier report",  # adjective
        "earlier than expected",
        "once the city is retaken",  # conjunction
        "in May's cabinet",  # a name
        "July 2015",  # month and year, no day, no "in"
        "Mondays are quiet",
        "monday",  # weekday and month words must be capitalised
        "july 20",
        "the Sun reported on Sat",  # abbreviations are words in running text
        "Julyx 4",
        "during the Sept. 11 memorial ceremony",  # a date before a content word names an event
        "a July 4 holiday weekend",
        "a reporter for USA Today spotted her",  # a capitalised "Today" after a capitalised word is a name
        "an interview with Russia Today",
        "told CBS This Morning",
        "",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_time_expressions(text) == []


def test_offsets_window_and_order() -> None:
    text = "Last week he spoke. On Monday, she said it again, yesterday."
    found = find_time_expressions(text)
    assert [(e.text, e.kind) for e in found] == [
        ("Last week", "vague"),
        ("On Monday", "weekday"),
        ("yesterday", "yesterday"),
    ]
    assert [text[e.start : e.end] for e in found] == [e.text for e in found]
    window = find_time_expressions(text, 20, 40)
    assert [e.text for e in window] == ["On Monday"]
    assert window[0].start == 20


@pytest.mark.parametrize(
    "text, published, expected, phrase",
    [
        # the expression nearest the end of the window dates the saying
        ("Talks began last week, the minister said on Monday.", TUE, D(2015, 7, 27), "on Monday"),
        ("On Monday he said it would happen in 2014", TUE, None, "in 2014"),
        ("Velayati had said earlier.", TUE, None, "earlier"),
        ("the UN said.", TUE, None, None),
        # without a publication date only full dates resolve
        ("the minister said on Monday.", None, None, "on Monday"),
        ("she said yesterday.", None, None, "yesterday"),
        ("she said on July 20, 2015.", None, D(2015, 7, 20), "on July 20, 2015"),
    ],
)
def test_said_date(
    text: str, published: dt.date | None, expected: dt.date | None, phrase: str | None
) -> None:
    date, expr = said_date(text, 0, len(text), published)
    assert date == expected
    assert (expr.text if expr else None) == phrase


def test_said_date_seed_sentence() -> None:
    text = (FIXTURES / "iran-iraq-military-support.txt").read_text(encoding="utf-8")
    sentence = "ready to give more military support to Iraq after talks with his Iraqi counterpart in Baghdad on Monday."
    start = text.index(sentence)
    date, expr = said_date(text, start, start + len(sentence), D(2015, 7, 28))
    assert date == D(2015, 7, 27)
    assert expr is not None and text[expr.start : expr.end] == "on Monday"


@pytest.mark.parametrize(
    "text",
    [
        "a" * 5_000_000,  # one 5 MB word
        "on " * 100_000,  # a lead word again and again
        "July " * 100_000,
        "1" * 1_000_000,
        "Good " * 100_000 + "Friday",
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    assert len(find_time_expressions(text)) <= 1
