"""Header and trailer: title, publication date, outlet and the boilerplate lines the parser skips."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

from claims.header import Header, read_header


def _skipped(text: str, header: Header) -> list[str]:
    return [text[start:end] for start, end in header.skip_spans]


def test_seed_article() -> None:
    text = (FIXTURES / "iran-iraq-military-support.txt").read_text(encoding="utf-8")
    header = read_header(text)
    assert header.title == "Iran offers more military support to Iraq"
    assert header.title_span is not None and text[slice(*header.title_span)] == header.title
    assert header.published == dt.date(2015, 7, 28)
    assert header.date_span is not None and text[slice(*header.date_span)] == "Updated Jul 28, 2015"
    assert header.outlet == "TRTWorld and agencies"
    assert _skipped(text, header) == [
        "Photo by: Reuters",
        "Photo by: Reuters",
        "Updated Jul 28, 2015",
        "TRTWorld and agencies",
    ]
    # the headline holds a claim, and so does the standfirst: neither is skipped
    assert header.title_span not in header.skip_spans
    assert all("Iranian Defence Minister says" not in s for s in _skipped(text, header))


def test_published_line_and_reuters_credits() -> None:
    text = (
        "Markets rally as rates fall\n\n"
        "Published 3 March 2021\n\n"
        "Stocks rose on Monday, traders said.\n\n"
        "(Reporting by Jane Doe; Editing by John Smith)\n"
        "\N{COPYRIGHT SIGN} 2021 Reuters\n"
    )
    header = read_header(text)
    assert header.title == "Markets rally as rates fall"
    assert header.published == dt.date(2021, 3, 3)
    assert header.outlet == "Reuters"
    assert _skipped(text, header) == [
        "Published 3 March 2021",
        "(Reporting by Jane Doe; Editing by John Smith)",
        "\N{COPYRIGHT SIGN} 2021 Reuters",
    ]


@pytest.mark.parametrize(
    "text, title, published, outlet, skipped",
    [
        (
            "Floods hit coastal towns\nBy Jane Doe, Reuters | July 28, 2015\n\nHeavy rain fell, officials said.\n",
            "Floods hit coastal towns",
            dt.date(2015, 7, 28),
            "Reuters",
            ["By Jane Doe, Reuters | July 28, 2015"],
        ),
        (
            "Talks stall in Vienna\nBy Parisa Hafezi and Babak Dehghanpisheh, Reuters\n\nThe talks stalled.\n",
            "Talks stall in Vienna",
            None,
            "Reuters",
            ["By Parisa Hafezi and Babak Dehghanpisheh, Reuters"],
        ),
        (
            # a job after the comma is not an outlet
            "Ceasefire holds\nBy Jane Doe, Middle East Correspondent\nTuesday, July 28, 2015 10:03 AM EDT\n\nIt held.\n",
            "Ceasefire holds",
            dt.date(2015, 7, 28),
            None,
            ["By Jane Doe, Middle East Correspondent", "Tuesday, July 28, 2015 10:03 AM EDT"],
        ),
        (
            # a date line before the headline; the first date is the publication date
            "Posted: Sep 12, 2016 6:01 PM ET\nLast updated: 13/09/2016\nCouncil backs new budget\n\nIt passed.\n",
            "Council backs new budget",
            dt.date(2016, 9, 12),
            None,
            ["Posted: Sep 12, 2016 6:01 PM ET", "Last updated: 13/09/2016"],
        ),
    ],
)
def test_bylines_and_date_lines(
    text: str, title: str, published: dt.date | None, outlet: str | None, skipped: list[str]
) -> None:
    header = read_header(text)
    assert (header.title, header.published, header.outlet) == (title, published, outlet)
    assert _skipped(text, header) == skipped


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n   \n",
        # one long paragraph: not a headline, no date, no trailer
        "The army said on Monday it had retaken the city of Ramadi after weeks of fighting, a spokesman "
        "said in a statement carried by state television.\n\nResidents began to return.\n",
        # a first line ending in a colon or an ellipsis is not a headline
        'The minister told reporters:\n\n"We are ready."\n',
        "And then the talks began...\n\nNobody came.\n",
    ],
)
def test_no_header(text: str) -> None:
    assert read_header(text) == Header(None, None, None, None, None, ())


@pytest.mark.parametrize(
    "text, title",
    [
        # a final full stop is dropped: some archives (PolNeAr) end every headline with one
        (
            "Poll: Wealthy Voters Abandon Republican Party.\n\nText.\n",
            "Poll: Wealthy Voters Abandon Republican Party",
        ),
        (
            "Jill Stein removed from debate site by police.\n\nText.\n",
            "Jill Stein removed from debate site by police",
        ),
        # ... but an abbreviation keeps its stop
        ("Stein removed from debate site in N.Y.\n\nText.\n", "Stein removed from debate site in N.Y."),
        # "By Monday" opens a sentence, not a byline; a short first sentence reads as a headline
        (
            "By Monday, the army had retaken the city.\nThe mayor said so.\n",
            "By Monday, the army had retaken the city",
        ),
    ],
)
def test_title_full_stop(text: str, title: str) -> None:
    header = read_header(text)
    assert header.title == title
    assert header.title_span is not None and text[slice(*header.title_span)] == title
    assert header.skip_spans == ()


@pytest.mark.parametrize(
    "last_line",
    [
        "The minister said the talks would resume next week.",
        "The minister said the talks would resume next week",  # no full stop, but a sentence
        '"We will win," he said',
        "Officials declined to comment",
    ],
)
def test_last_line_sentence_is_not_an_outlet(last_line: str) -> None:
    text = f"Talks to resume\n\nThe talks ended on Monday.\n\n{last_line}\n"
    header = read_header(text)
    assert header.title == "Talks to resume"
    assert header.outlet is None
    assert header.skip_spans == ()


@pytest.mark.parametrize(
    "trailer, outlet",
    [
        ("TRTWorld and agencies", "TRTWorld and agencies"),
        ("Al Jazeera and news agencies", "Al Jazeera and news agencies"),
        ("- Reuters", "Reuters"),
        ("Source: Al Jazeera", "Al Jazeera"),
        ("SOURCE: Associated Press.", "Associated Press"),
        ("\N{COPYRIGHT SIGN} 2015 Reuters", "Reuters"),
        ("Copyright 2015 The Associated Press. All rights reserved.", "The Associated Press"),
        ("(c) 2019 BBC", "BBC"),
    ],
)
def test_trailer_outlets(trailer: str, outlet: str) -> None:
    text = f"Talks to resume\n\nThe talks ended on Monday, officials said.\n\n{trailer}\n"
    header = read_header(text)
    assert header.outlet == outlet
    assert _skipped(text, header) == [trailer]


def test_trailer_behind_credit_lines() -> None:
    text = "Title\n\nText here.\n\nAFP\nAdvertisement\nShare this article\n"
    header = read_header(text)
    assert header.outlet == "AFP"
    assert _skipped(text, header) == ["AFP", "Advertisement", "Share this article"]


BOILERPLATE = [
    "Photo by: Reuters",
    "Photo: AP",
    "PHOTO: Getty",
    "Image copyright Getty Images",
    "Image caption The minister in Baghdad on Monday",
    "Getty Images",
    "AFP/Getty Images",
    "(AP Photo/Hadi Mizban)",
    "Share this article",
    "Advertisement",
    "Read more: Iran talks stall",
    "Click here to subscribe",
    "Related:",
    "Related articles",
    "Follow us on Twitter",
    "Sign up for our daily newsletter",
    "Copyright 2015 The Associated Press",
    "All rights reserved.",
    "FILE PHOTO: Iraqi soldiers in Ramadi, May 2015",
    "Follow Pam Key on Twitter @pamkeyNEN.",
    "On Twitter follow Ken Thomas https://twitter.com/KThomasDC",
    "Bryant Rousseau and Caryn Wilson contributed reporting.",
    "--additional reporting from Darren Samuelsohn.",
    "(h/t Mediaite.)",
    "Read the rest of the story at The New York Post.",
    "___.",
    "* * *",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_are_skipped(line: str) -> None:
    text = f"Title\n\nThe talks ended on Monday.\n  {line}  \nThe minister said the talks would resume.\n"
    header = read_header(text)
    assert _skipped(text, header) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Photographers gathered outside the ministry on Monday.",
        "The photo by the agency showed him in Baghdad.",
        "Shares fell on Monday, traders said.",
        "Copyright laws were changed on Monday, the minister said.",
        "Advertisement revenue fell, the company said.",
        "Related talks in Vienna ended on Monday.",
        "Follow the money, the prosecutor told the jury on Monday.",
        "Reporting contributed to his downfall, she said.",
        # a credit marker at the start of a long line of narration
        "Photo by photo, the archive shows how the city was rebuilt after the war, the curator said, "
        "adding that many of the pictures had never been seen before.",
    ],
)
def test_narration_is_not_boilerplate(line: str) -> None:
    text = f"Title\n\nThe talks ended on Monday.\n{line}\nThe minister said the talks would resume.\n"
    assert read_header(text).skip_spans == ()


def test_spans_keep_offsets_with_crlf_and_indentation() -> None:
    text = "\r\n  Iran offers support  \r\n\r\n\tUpdated Jul 28, 2015\r\nText.\r\nPhoto: AP\r\n"
    header = read_header(text)
    assert header.title_span is not None and text[slice(*header.title_span)] == "Iran offers support"
    assert _skipped(text, header) == ["Updated Jul 28, 2015", "Photo: AP"]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 5_000_000,  # one 5 MB line
        "Photo: AP\n" * 100_000,
        "By " * 1_000_000,
        "\N{COPYRIGHT SIGN} " * 1_000_000,
    ],
)
def test_pathological_inputs_finish(text: str) -> None:
    assert isinstance(read_header(text), Header)
