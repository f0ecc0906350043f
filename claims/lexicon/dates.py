"""Date words: month and weekday names, publication-date prefixes, relative and vague time markers."""

from __future__ import annotations

# Month names and their usual abbreviations -> month number; matched capitalised in running text.
# Example: "sept" -> 9 ("on Sept. 11").
MONTHS: dict[str, int] = {
    "april": 4,
    "apr": 4,
    "aug": 8,
    "august": 8,
    "dec": 12,
    "december": 12,
    "feb": 2,
    "february": 2,
    "jan": 1,
    "january": 1,
    "jul": 7,
    "july": 7,
    "jun": 6,
    "june": 6,
    "mar": 3,
    "march": 3,
    "may": 5,
    "nov": 11,
    "november": 11,
    "oct": 10,
    "october": 10,
    "sep": 9,
    "sept": 9,
    "september": 9,
}

# Abbreviated month names that may take a full stop; "May", "June" and "July" never do.
# Example: "aug" ("Aug. 3").
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    {"apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar", "nov", "oct", "sep", "sept"}
)

# Weekday names (and header abbreviations) -> Monday=0 ... Sunday=6. Example: "tue" -> 1.
WEEKDAYS: dict[str, int] = {
    "fri": 4,
    "friday": 4,
    "mon": 0,
    "monday": 0,
    "sat": 5,
    "saturday": 5,
    "sun": 6,
    "sunday": 6,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "thursday": 3,
    "tue": 1,
    "tues": 1,
    "tuesday": 1,
    "wed": 2,
    "wednesday": 2,
}

# Full weekday names only: abbreviations such as "Sun" or "Sat" are words in running text.
# Example: "monday".
WEEKDAY_NAMES: frozenset[str] = frozenset(
    {"friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"}
)

# Words a header or metadata field puts before its date; cut before parsing. Example: "last updated".
PUBLISHED_PREFIXES: frozenset[str] = frozenset(
    {
        "created",
        "date",
        "dated",
        "first posted",
        "first published",
        "last modified",
        "last updated",
        "modified",
        "on",
        "originally published",
        "posted",
        "posted on",
        "published",
        "published on",
        "updated",
        "updated on",
    }
)

# Words that, capitalised right before a weekday, make it the name of a day rather than a date.
# Example: "good" ("Good Friday").
WEEKDAY_NAME_PREFIXES: frozenset[str] = frozenset(
    {"ash", "black", "bloody", "cyber", "easter", "good", "holy", "maundy", "palm", "super"}
)

# Parts of a day that may follow a weekday or "this"/"yesterday". Example: "afternoon" ("Monday afternoon").
DAY_PARTS: frozenset[str] = frozenset({"afternoon", "evening", "morning", "night"})

# Phrases that name the publication day itself. Example: "this morning".
TODAY_PHRASES: frozenset[str] = frozenset(
    {
        "earlier today",
        "this afternoon",
        "this evening",
        "this morning",
        "today",
        "tonight",
    }
)

# Phrases that name the day before publication. Example: "last night".
YESTERDAY_PHRASES: frozenset[str] = frozenset(
    {
        "last night",
        "yesterday",
        "yesterday afternoon",
        "yesterday evening",
        "yesterday morning",
    }
)

# Phrases meaning "some other, unstated time": they date nothing, but they do say the speech act
# was not on the publication day. Example: "last week".
VAGUE_PHRASES: frozenset[str] = frozenset(
    {
        "at the weekend",
        "earlier in the day",
        "earlier this month",
        "earlier this week",
        "earlier this year",
        "in recent days",
        "in recent months",
        "in recent weeks",
        "in recent years",
        "in the past",
        "last autumn",
        "last fall",
        "last month",
        "last spring",
        "last summer",
        "last week",
        "last weekend",
        "last winter",
        "last year",
        "over the weekend",
        "previously",
        "recently",
        "this month",
        "this week",
        "this year",
    }
)

# Counted units for "<n> <unit> ago" (vague: we do not count back). Example: "months" ("months ago").
AGO_UNITS: frozenset[str] = frozenset({"day", "days", "month", "months", "week", "weeks", "year", "years"})

# Quantities before an "ago" unit, besides digits. Example: "several" ("several weeks ago").
AGO_QUANTITIES: frozenset[str] = frozenset(
    {
        "a",
        "a couple of",
        "a few",
        "eight",
        "few",
        "five",
        "four",
        "many",
        "nine",
        "one",
        "seven",
        "several",
        "six",
        "ten",
        "three",
        "two",
    }
)

# Past-tense speech verbs that make a preceding "once" mean "at some earlier time". Example: "said".
ONCE_VERBS: frozenset[str] = frozenset(
    {
        "argued",
        "boasted",
        "called",
        "claimed",
        "declared",
        "described",
        "joked",
        "quipped",
        "remarked",
        "said",
        "stated",
        "told",
        "tweeted",
        "wrote",
    }
)

# Determiners that turn a following "earlier" into an adjective. Example: "an" ("an earlier report").
EARLIER_DETERMINERS: frozenset[str] = frozenset(
    {"an", "her", "his", "its", "my", "our", "that", "the", "their", "this", "your"}
)

# Lower-case words that may follow a month and day without "on" and leave it a date; any other
# lower-case word makes it an attributive name: function words and pronouns start a new phrase.
# Example: "that" ("said Sept. 11 that"), against
# "the Sept. 11 memorial".
DATE_FOLLOWERS: frozenset[str] = frozenset(
    {
        "a",
        "after",
        "an",
        "and",
        "as",
        "at",
        "before",
        "but",
        "by",
        "during",
        "for",
        "from",
        "he",
        "her",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "through",
        "till",
        "to",
        "until",
        "was",
        "we",
        "when",
        "while",
        "with",
    }
)
