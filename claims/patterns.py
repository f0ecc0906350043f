"""Every compiled pattern the parser uses, built once from the lexicon tables.

All patterns are linear: no nested quantifiers over the same characters, possessive or atomic
where a run could otherwise be re-scanned.
"""

from __future__ import annotations

import re

import regex

from claims.lexicon import cues as _cues
from claims.lexicon import speakers as _speakers

# Quote marks, spelled by name so look-alikes cannot be confused.
LDQ = "\N{LEFT DOUBLE QUOTATION MARK}"
RDQ = "\N{RIGHT DOUBLE QUOTATION MARK}"
LOW_DQ = "\N{DOUBLE LOW-9 QUOTATION MARK}"
REV_DQ = "\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
LAQ = "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
RAQ = "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
LSQ = "\N{LEFT SINGLE QUOTATION MARK}"
RSQ = "\N{RIGHT SINGLE QUOTATION MARK}"

DOUBLE_OPENERS = frozenset((LDQ, LOW_DQ, REV_DQ, LAQ))
DOUBLE_CLOSERS = frozenset((RDQ, RAQ))
QUOTE_CHARS = '"' + "'" + LDQ + RDQ + LOW_DQ + REV_DQ + LAQ + RAQ + LSQ + RSQ

# One quote mark: two straight singles stand for a double mark (some wire copy writes ''...'').
# Spelled as one class and then a second straight single after a first (not as ''|[...]), and run by
# the standard library's `re`, for speed: `re` then skips to the next mark by its first-character set,
# and finds a paragraph's marks in 8.9 us an article against 14.8 (same marks, checked on 20,000
# random strings of marks and letters, whole and in random windows, and 300 benchmark articles).
RE_QUOTE_MARK = re.compile(r"[\"'" + LDQ + RDQ + LOW_DQ + REV_DQ + LAQ + RAQ + LSQ + RSQ + "](?:(?<=')')?")

# Words with inner apostrophes, hyphens, dots and ampersands stay whole: Iran's, U.S, al-Hashd, AT&T.
RE_TOKEN = regex.compile(r"[\p{L}\p{N}]++(?:[’'.\-&][\p{L}\p{N}]++)*+|[^\s\p{L}\p{N}]")

# RE_TOKEN for text made only of Latin letters and general punctuation (nearly all news text), run by
# the standard library's `re`, which tokenises a sentence about twice as fast. Its classes list, code
# point by code point, what RE_TOKEN's own classes accept in that range, so both give the same tokens;
# RE_BEYOND_FAST_TOKEN finds a character outside the range, and then RE_TOKEN must run.
FAST_RANGES = ((0x0000, 0x024F), (0x2000, 0x206F))


def class_in_ranges(member: regex.Pattern[str] | re.Pattern[str]) -> str:
    """A `re` character-class body listing the code points of FAST_RANGES that `member` matches."""
    runs: list[list[int]] = []
    for lo, hi in FAST_RANGES:
        for code in range(lo, hi + 1):
            if member.fullmatch(chr(code)) is None:
                continue
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in runs)


WORD_CHARS_FAST = class_in_ranges(regex.compile(r"[\p{L}\p{N}]"))
SPACE_CHARS_FAST = class_in_ranges(regex.compile(r"\s"))
TOKEN_JOINERS = "’'.-&"  # one of these between two runs of word characters joins them into one token
# A group repeated possessively is written as an atomic group, `(?>(?:…)*)` for `(?:…)*+`, in every `re`
# pattern: CPython's `re` before 3.11.5 matched the possessive form wrongly (python/cpython#106052 and
# #100061; Debian 12's Python is 3.11.2), cutting "Mr. Obama" into one token "Mr." there. The atomic
# form is right on every 3.11 and is what 3.11.5 compiles the possessive one to. (`regex` is unaffected.)
RE_TOKEN_FAST = re.compile(
    rf"[{WORD_CHARS_FAST}]++(?>(?:[{re.escape(TOKEN_JOINERS)}][{WORD_CHARS_FAST}]++)*)|[^{SPACE_CHARS_FAST}{WORD_CHARS_FAST}]"
)


RE_BEYOND_FAST_TOKEN = re.compile(
    "[^" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in FAST_RANGES) + "]"
)

# A paragraph: a run of non-blank lines is split at every line break (wire text puts one paragraph per line).
RE_LINE = re.compile(r"[^\n]++")  # `re`: faster than `regex` on this one class

# A candidate sentence end: terminal punctuation, closing marks, then space and an upper-case start.
RE_SENTENCE_END = regex.compile(
    r"[.!?…]++[\"'" + RDQ + RSQ + RAQ + r")\]]*+(?=\s++[\"'" + LDQ + LSQ + LAQ + r"(\[]{0,2}[\p{Lu}\p{N}])"
)

# Abbreviations whose period does not end a sentence, e.g. "Gov. Chris Christie", "Sept. 11".
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gov sen rep gen col lt capt sgt adm st jr sr rev hon pres supt insp cmdr
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft no vs etc inc corp ltd co dept
    u.s u.k u.n e.u d.c a.m p.m
    """.split()
)


def _inflect(verb: str) -> list[str]:
    """Regular inflections of a cue verb: base, -s, -ed, -ing, with English spelling rules."""
    doubled = {"admit", "quip", "snap", "slam", "commit", "regret", "omit", "emit", "plan", "stop", "scoff"}
    if verb in doubled and not verb.endswith("ff"):
        stem = verb + verb[-1]
        return [verb, verb + "s", stem + "ed", stem + "ing"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


CUE_FORMS: frozenset[str] = frozenset(
    {form for verb in _cues.CUE_VERBS for form in _inflect(verb)}
    | {form for verb in _cues.CUE_NOUN_LIKE for form in _inflect(verb)[2:]}
    | _cues.CUE_IRREGULAR
    | _cues.CUE_PHRASES
)



def trie(words: frozenset[str]) -> str:
    """A pattern matching exactly `words`, shaped as a prefix tree so matching never backtracks
    over sibling entries (a flat alternation of 370 cues, or a case-insensitive named list, is
    several times slower on news text)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


# A reporting cue anywhere, matched on lower-cased text; the longest entry wins ("according to").
# Compiled with the standard library: on this literal prefix tree `re` runs four
# times faster than `regex` (measured on 3.9 MB of news), and it is the parser's hottest scan.
_CUE_TRIE = trie(CUE_FORMS)
RE_CUE = re.compile(r"(?<![\w’'\-])(?:" + _CUE_TRIE + r")(?![\w\-])")
# RE_CUE with the character before the cue consumed instead of tested by the look-behind, for speed:
# `re` then skips through words to the next character that can precede a cue (an article scans about 13%
# faster). The match starts one character early, so `cue` holds the cue, and a cue opening the text needs
# RE_CUE. Every cue ends in a letter, so no cue starts right where another ends, and resuming the scan
# there loses no match (same cues as RE_CUE on PolNeAR dev and train and on 3,000 strings of glued cues).
RE_CUE_AFTER = re.compile(r"[^\w’'\-](?P<cue>" + _CUE_TRIE + r")(?![\w\-])")

# `according to` introduces its source after the cue.
RE_ACCORDING_TO = regex.compile(r"\baccording\s++to\b", flags=regex.I)

# Content that opens with a complementiser, e.g. "said that ...".
RE_THAT = regex.compile(r"\s*+that\b\s*+", flags=regex.I)

# A speaker followed by a cue and a colon or comma that introduces a quote, e.g. `X said: "`.
RE_INTRO_PUNCT = regex.compile(r"\s*+[:,]?\s*+$")

# A speech-event adjunct closing reported content is about the saying, not the claim:
# "... ready to help Iraq after talks with his Iraqi counterpart", "... in an interview with CNN".
RE_EVENT_TAIL = regex.compile(
    r"""
    ,?\s++(?:
        after\s++(?:talks|a\s++meeting|meetings|a\s++call|a\s++phone\s++call)\s++with
      | during\s++(?:a|an|his|her|their|the)\s++(?:visit|interview|press\s++conference|news\s++conference|speech|meeting|rally|debate|hearing|briefing|call)
      | in\s++(?:a|an)\s++(?:statement|interview|speech|tweet|post|letter|op-ed|radio\s++interview|television\s++interview)
      | at\s++(?:a|an|the)\s++(?:rally|news\s++conference|press\s++conference|briefing|hearing|summit)
    )\b[^,;:"“”]*+$
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
)
# How far back from the end of a claim the event adjunct is looked for.
EVENT_TAIL_WINDOW = 160
# A cheap test before RE_EVENT_TAIL, for speed: the words that open each of its events ("in a", "at the",
# "during", "after talks"), which most claims lack. It runs on the standard library's `re`, about three
# times faster here; its `\s` and case-insensitive letters match every character `regex` does (checked
# over all code points), so a window it rejects holds no event tail.
RE_EVENT_TAIL_HINT = re.compile(r"\s(?:after\s+(?:talks|a|meetings)|during\s|in\s+an?\s|at\s+(?:an?|the)\s)", re.IGNORECASE)

# A sentence opener set off by a comma is narration, not content: "Meanwhile, ...", "However, ...".
RE_OPENER_COMMA = regex.compile(
    r"(?:meanwhile|however|moreover|separately|still|yet|instead|indeed|additionally|earlier|later|previously),\s*+",
    flags=regex.IGNORECASE,
)

# Words between a cue and its content that belong to the saying: "said in a statement (that)",
# "said on Monday the factory would close", "said yesterday (that)", "said repeatedly that"; a `that`
# stays with the content.
RE_CUE_ADJUNCT = regex.compile(
    r"""
    \s*+(?:
        in\s++(?:a|an)\s++(?:statement|interview|tweet|speech|letter|post)(?:\s++(?:with|to|on)\s++[\p{Lu}][\p{L}.’'\-]*+(?:\s++[\p{Lu}][\p{L}.’'\-]*+){0,3})?
      | on\s++(?:twitter|facebook|television|tv|radio)
      | (?:on\s++)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s++(?:morning|afternoon|evening|night))?
      | (?:yesterday|today|tonight|earlier|later|again|recently|previously)
      | \p{Ll}++(?<=\p{Ll}{2}ly)(?=\s++that\b)
      | last\s++(?:week|month|year|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)
      | on\s++(?:jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec)[a-z]*+\.?\s++\d{1,2}
      | (?:in|on|at|during|after|over|to|with|from)\s++(?:[\p{L}\p{N}’'\-.]++\s++){1,6}?(?=that\b)
    )\b,?\s*+
    """,
    flags=regex.VERBOSE | regex.IGNORECASE,
)

# A preposition right after a cue belongs to it, not to the content: "complained about the heat",
# "called for a recount", "warned of delays", "cautioned against haste"; not "about 200" (a number)
# nor a sentence adverbial ("said, on the other hand, …").
RE_CUE_PREPOSITION = regex.compile(
    r"\s*+(?:about|against|for|of|on|over|with)\s++(?![\p{N}$]|the\s++other\s++hand\b)", flags=regex.IGNORECASE
)

# Patterns anchored at `$` and searched in a short window before a position (RE_COORDINATION,
# RE_NEW_CLAUSE, RE_PREV_WORD) are compiled with REVERSE, for speed: the search starts at the window's
# end, where every match ends, instead of trying each position before it. It finds the same match
# as a forward search (compared on 200,000 random windows per pattern when REVERSE was added).

# A second cue coordinated with the first under one subject: "… and asserted", ", but noted".
RE_COORDINATION = regex.compile(
    r",?\s++(?:and|but)\s++(?:(?:also|later|then|again)\s++)?$", flags=regex.IGNORECASE | regex.REVERSE
)

# A link before a new subject with a cue of its own, where one speaker's content ends and another's
# begins: "…, and his deputy said …", "… while Ruiz says …", "… — critics say …".
RE_NEW_CLAUSE = regex.compile(
    r"(?:,\s*+(?:and|but|while|whereas|though|although)|\s++(?:while|whereas)|\s*+[—–]|\s++--)\s++$",
    flags=regex.IGNORECASE | regex.REVERSE,
)

# A concessive aside after reported content is the writer's, not the source's: ", although he ...",
# and so is `, but` before a second verb of the subject: ", but offered no proof", ", but has refused".
RE_CONCESSIVE = regex.compile(
    r""",\s++(?:although|though|even\s++though|whereas|despite|according\s++to)\b|;\s
      |,\s++but\s++(?:also|then|has|have|had|did|didn[’']t|declined|refused|offered|stopped)\b""",
    flags=regex.IGNORECASE | regex.VERBOSE,
)

# A claim named by a noun: "his claim that …", "Trump's warning that …" (the owner is the source).
RE_NOMINAL = regex.compile(
    r"""
    (?<![\p{L}\p{N}])
    (?P<owner>(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?:\p{Lu}[\p{L}.\-]*+\s++){0,3}\p{Lu}[\p{L}.\-]*+(?:’s|'s))
    \s++(?:(?:repeated|latest|new|earlier|false|unfounded|baseless|recent|frequent|dubious)\s++)?
    (?P<noun>(?:CLAIM_NOUNS)s?|MASS_NOUNS)
    \s++(?P<that>that)\b
    """.replace("CLAIM_NOUNS", "|".join(_cues.CLAIM_NOUNS)).replace("MASS_NOUNS", "|".join(_cues.CLAIM_NOUNS_MASS)),
    flags=regex.VERBOSE,
)

# Where a clause inside a sentence ends: a comma not inside a number ("1,000").
RE_CLAUSE_COMMA = regex.compile(r",(?!\d)")

# A relative pronoun that may open a clause with a cue: "voters who said …". Standard-library `re` and
# a literal start, for speed: one quick scan of the article, so that sentences without one skip the
# relative-clause pass (which checks the whole word itself).
RE_WHO = re.compile(r"who\s")

# A word that opens a clause with a subject of its own, before a cue: "…, though she acknowledged".
# Standard-library `re`, for speed: a quick test before the subordinate-clause rule reads the tokens.
RE_CLAUSE_LINK = re.compile(r"\b(?:" + "|".join(sorted(_speakers.CLAUSE_LINKS)) + r")\s", re.IGNORECASE)

# Where a relative clause ends: a comma (not inside a number), a dash, a bracket or a semicolon:
# "economists who argue that taxes should be low -- assuming that …".
RE_RELATIVE_CLOSE = regex.compile(r",(?!\d)|--|[—–―();]")

# The word after a position: "called into" -> "into".
RE_NEXT_WORD = regex.compile(r"\s++([\p{L}]++)")

# The word just before a position: "the report" -> "the".
RE_PREV_WORD = regex.compile(r"([\p{L}]++)\s++$", flags=regex.REVERSE)
