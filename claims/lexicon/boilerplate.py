"""Boilerplate lines: photo credits, share buttons, reading links, credits, copyright and trailer words."""

from __future__ import annotations

# A line that STARTS with one of these (then a non-letter) is page furniture, not article text,
# when it is short. Example: "photo by" ("Photo by: Reuters").
BOILERPLATE_PREFIXES: frozenset[str] = frozenset(
    {
        "(additional reporting",
        "(ap photo",
        "(compiled by",
        "(editing by",
        "(h/t",
        "(reporting by",
        "(writing by",
        "additional reporting by",
        "additional reporting from",
        "also read:",
        "ap photo/",
        "click here",
        "editing by",
        "file photo:",
        "follow us on",
        "image caption",
        "image copyright",
        "image source",
        "photo by",
        "photo credit",
        "photo:",
        "photograph by",
        "photograph:",
        "photos:",
        "picture:",
        "pictured:",
        "read it all",
        "read more:",
        "read the full story",
        "read the rest",
        "related:",
        "see also:",
        "share on",
        "share this",
        "sign up for",
        "sign up to",
        "subscribe to",
        "twitter:",
        "watch:",
    }
)

# A line that IS one of these (ignoring case and trailing punctuation) is page furniture.
# Example: "advertisement".
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        "advertisement",
        "all rights reserved",
        "comments",
        "email",
        "getty images",
        "latest news",
        "more on this story",
        "most read",
        "online",
        "print",
        "related",
        "related articles",
        "related content",
        "related coverage",
        "related stories",
        "share",
        "share this",
        "skip to content",
        "top stories",
        "topics",
        "tweet",
    }
)

# A short line ENDING with one of these is a picture credit. Example: "getty images" ("AFP/Getty Images").
CREDIT_SUFFIXES: frozenset[str] = frozenset(
    {"afp photo", "getty images", "via ap", "via getty images", "via reuters"}
)

# A line of up to 20 words ENDING with one of these credits the reporters.
# Example: "contributed reporting" ("Jane Doe and John Roe contributed reporting.").
REPORTING_CREDIT_SUFFIXES: frozenset[str] = frozenset(
    {
        "contributed reporting",
        "contributed to this article",
        "contributed to this report",
        "contributed to this story",
    }
)

# Networks in a "Follow <name> on <network>" line. Example: "twitter" ("Follow Jane Doe on Twitter @jdoe").
SOCIAL_NETWORKS: frozenset[str] = frozenset(
    {"facebook", "instagram", "linkedin", "threads", "tiktok", "twitter", "x"}
)

# Field names before an outlet in a trailer line. Example: "source" ("Source: Al Jazeera").
SOURCE_LABELS: frozenset[str] = frozenset({"source", "sources", "via"})

# Lower-case words allowed in a trailer line naming the outlet; every other word must be capitalised.
# Example: "agencies" ("TRTWorld and agencies").
TRAILER_WORDS: frozenset[str] = frozenset(
    {
        "&",
        "agencies",
        "agency",
        "and",
        "desk",
        "inputs",
        "news",
        "of",
        "staff",
        "the",
        "wire",
        "wires",
        "with",
    }
)

# Words after a byline comma that name the writer's job, not the outlet. Example: "correspondent"
# ("By Jane Doe, Middle East Correspondent").
BYLINE_ROLES: frozenset[str] = frozenset(
    {
        "bureau chief",
        "columnist",
        "contributor",
        "correspondent",
        "editor",
        "reporter",
        "special to",
        "staff writer",
        "writer",
    }
)

# Lower-case particles inside a person's name in a byline. Example: "al" ("By Ahmed al Omran").
NAME_PARTICLES: frozenset[str] = frozenset(
    {"al", "bin", "da", "de", "del", "der", "di", "du", "el", "la", "le", "van", "von"}
)
