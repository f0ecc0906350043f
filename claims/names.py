"""Name runs: the runs of capitalised words an article spells out (names, roles, organisations), each
split into its role words and its name words ("Secretary of State John Kerry"). speakers.py asks them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from claims.lexicon import speakers as S
from claims.patterns import ABBREVIATIONS, class_in_ranges
from claims.text import in_fast_ranges

ROLEISH = S.ROLE_WORDS | S.ROLE_MODIFIERS
TITLES = frozenset("mr mrs ms miss dr prof sir dame lord lady mx".split())
# One set per question asked of a lower-cased word, for speed (a look-up each, not two or three):
ROLE_OR_TITLE = ROLEISH | TITLES  # a word that makes a run a role mention
_NOT_NAME = ROLE_OR_TITLE | S.ORG_WORDS  # a word that ends a name read from the right
_RUN_OPENERS = S.SENTENCE_OPENERS | S.DETERMINERS | frozenset(S.PRONOUNS)

# A capitalised word; its full stop belongs to it only after an initial or an abbreviation ("John F.
# Kennedy", "Sen. Delgado"): after any other word it ends a sentence ("Mary Jones. She said").
_CAP_WORD = r"\p{Lu}[\p{L}\p{N}’'\-]*+(?:\.(?<=(?<![\p{L}\p{N}’'\-])(?:\p{Lu}|(?i:\L<abbreviations>))\.))?"
_ABBREVIATIONS = frozenset(a for a in ABBREVIATIONS if "." not in a)
# A run of capitalised words, possibly joined by "of" (Secretary of State John Kerry), possessive.
RE_CAP_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_CAP_WORD}(?:[ \t]++(?:of[ \t]++)?{_CAP_WORD})*+", abbreviations=_ABBREVIATIONS
)
# The runs of RE_CAP_RUN that have two words or more, and only those: with the repetition possessive, a
# run matches here exactly when RE_CAP_RUN's match there goes on past its first word, and a scan never
# starts inside a one-word run (its letters fail the look-behind), so both scans agree on these runs.
RE_CAP_RUN_OF_WORDS = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){_CAP_WORD}(?:[ \t]++(?:of[ \t]++)?{_CAP_WORD})++", abbreviations=_ABBREVIATIONS
)


# RE_CAP_RUN for text made only of Latin letters and general punctuation (as RE_TOKEN_FAST) on `re`, for
# speed (11.6 against 22.3 us an article): its classes list what RE_CAP_RUN's accept in that range, its
# variable-width look-behind becomes one per abbreviation length, and the class comes first so `re` skips
# to the next capital. Same runs as RE_CAP_RUN on PolNeAR, 2,000 benchmark articles, every character of
# the range in ten contexts and 300,000 random strings of capitals, abbreviations, dots and spaces.
def _cap_run_fast(repeat: str) -> re.Pattern[str]:
    lu = class_in_ranges(regex.compile(r"\p{Lu}"))
    ln = class_in_ranges(regex.compile(r"[\p{L}\p{N}]"))
    wc = ln + "’'\\-"
    # each abbreviation as a class per letter, by `regex`'s own case folding, grouped by length
    abbreviations = sorted(_ABBREVIATIONS)
    fold = {ch: class_in_ranges(regex.compile(f"(?i:{regex.escape(ch)})")) for ch in set("".join(abbreviations))}
    by_length: dict[int, list[str]] = {}
    for abbreviation in abbreviations:
        by_length.setdefault(len(abbreviation), []).append("".join(f"[{fold[ch]}]" for ch in abbreviation))
    behinds = [rf"(?<=(?<![{wc}])(?:{'|'.join(v)})\.)" for v in by_length.values()]
    dot = "|".join([rf"(?<=(?<![{wc}])[{lu}]\.)", *behinds])  # after an initial or an abbreviation
    rest = rf"[{wc}]*+(?:\.(?:{dot}))?"
    # the repetition is possessive, written as an atomic group: see patterns.RE_TOKEN_FAST
    return re.compile(rf"[{lu}](?<![{ln}][\s\S]){rest}(?>(?:[ \t]++(?:of[ \t]++)?[{lu}]{rest}){repeat})")


RE_CAP_RUN_FAST = _cap_run_fast("*")
RE_CAP_RUN_OF_WORDS_FAST = _cap_run_fast("+")

NameRun = tuple[int, tuple[str, ...], tuple[str, ...]]  # (where the run starts, role words, name words)


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def _possessive(w: str) -> bool:
    return w.endswith(("’s", "'s", "’", "'"))


def split_name(words: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """(role words, name words): the name is the capitalised tail after the last role word."""
    k = len(words)
    while k > 0:
        w = words[k - 1]
        low = w.lower().rstrip(".")
        if not is_cap(w) or low in _NOT_NAME or _possessive(w):
            break
        if w.endswith(".") and low in ABBREVIATIONS:
            break
        k -= 1
    return words[:k], words[k:]


@lru_cache(maxsize=4096)
def _run_parts(run: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(role words, name words) of a capitalised run, or None when it names no one.

    Memoised, for speed: most runs recur from article to article (`The`, `But`, `Iran`, `President`),
    and a look-up costs a fraction of the splitting. Tuples, so a shared answer cannot be changed."""
    if " " not in run:  # most runs are one sentence-initial word: no role to split off
        word = run.rstrip(".")
        return None if word.lower() in _NOT_NAME or _possessive(word) else ((), (word,))
    words = [w.rstrip(".") if w.lower().rstrip(".") not in ABBREVIATIONS else w for w in run.split()]
    while len(words) > 1 and words[0].lower() in _RUN_OPENERS:
        words = words[1:]  # `Even China`, `But Smith`: a sentence opener is not part of a name
    role, name = split_name(words)
    return (tuple(role), tuple(name)) if name else None


def name_runs(
    text: str, quoted: tuple[tuple[int, int], ...], several_words: bool = False, in_range: bool | None = None
) -> list[NameRun]:
    """The name runs of `text` outside the quote spans `quoted` (sorted), in text order; with
    `several_words`, only the runs of two words or more. `in_range`: whether all of `text` lies in
    the fast ranges (text.in_fast_ranges), when the caller knows; None finds out."""
    fast = in_range if in_range is not None else in_fast_ranges(text)
    if several_words:
        pattern = RE_CAP_RUN_OF_WORDS_FAST if fast else RE_CAP_RUN_OF_WORDS
    else:
        pattern = RE_CAP_RUN_FAST if fast else RE_CAP_RUN
    runs: list[NameRun] = []
    qi = 0
    for m in pattern.finditer(text):
        while qi < len(quoted) and quoted[qi][1] <= m.start():
            qi += 1
        if qi < len(quoted) and quoted[qi][0] < m.start():
            continue  # inside a quote: "The Truman Show" names no one in the article
        parts = _run_parts(m.group())
        if parts is not None:
            runs.append((m.start(), *parts))
    return runs
