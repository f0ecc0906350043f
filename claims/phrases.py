"""Speaker phrases around a cue: the mention before or after it with its appositive ("Ali Akbar Velayati,
an adviser to Iran's supreme leader,"), a sentence-opening subject, a relative pronoun's antecedent, and
the auxiliaries that belong to the cue ("has said", "also added"). Works on token offsets only."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from claims.lexicon import cues as C
from claims.lexicon import speakers as S
from claims.noun_phrases import (
    CLAUSE_WORDS,
    HEADS,
    LEADING_NON_NP,
    NP_WORDS,
    PRONOUNS,
    Tok,
    abbreviation_dot,
    capitalised,
    close_paren,
    np_before,
    np_token,
    tok_word,
    valid_np,
)
from claims.text import tokens as tokens_between


# init=False: see text.Quote
@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """A speaker phrase: the name part, and an optional appositive set off by commas."""

    start: int
    end: int
    appos_start: int | None = None
    appos_end: int | None = None

    def __init__(
        self, start: int, end: int, appos_start: int | None = None, appos_end: int | None = None
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "appos_start", appos_start)
        object.__setattr__(self, "appos_end", appos_end)


def strip_auxiliaries(text: str, toks: list[Tok], end: int) -> int:
    """Index of the first token of the run of cue auxiliaries that ends at toks[end-1] ("has also");
    a progressive cue takes its "be" too ("is calling", "was telling")."""
    k = end
    while k > 0:
        s, e = toks[k - 1]
        word = text[s:e]  # lower case only: `Jolly said`, `Long said` end in a name
        if word in C.CUE_AUXILIARIES or (word[-2:] == "ly" and _adverb(word)):
            k -= 1
        elif word in _BE and end < len(toks) and tok_word(text, toks[end]).lower().endswith("ing"):
            k -= 1  # the progressive's `be`
        else:
            break
    return k


_BE = frozenset("is are was were been be".split())


def _adverb(word: str) -> bool:
    """An adverb of manner or time before a cue: `boldly suggested`, `has sharply criticized`."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower() and word not in C.NOT_ADVERBS


def subject_np(text: str, toks: list[Tok], end: int, begin: int = 0) -> Mention | None:
    """A longer subject opening the sentence, made of toks[begin:end] after sentence openers:
    `Clinton communication director Jennifer Palmieri`, `The city of Phoenix`. It ends in a capitalised
    word or a source head and holds no comma, clause word or verb form, nor more than three plain words
    in a row. For when the phrase just before the cue does not open the clause; `begin` is where the
    clause starts after a leading phrase (`In Iowa, about half of voters`)."""
    k = begin
    while k < end and (tok_word(text, toks[k]).lower() in S.SENTENCE_OPENERS or tok_word(text, toks[k]) == ","):
        k += 1
    if not 1 < end - k <= _MAX_SUBJECT or tok_word(text, toks[k]).lower() in LEADING_NON_NP | PRONOUNS:
        return None
    last = tok_word(text, toks[end - 1])
    respondents = last.lower() in S.RESPONDENT_PARTICIPLES  # `those surveyed`, `voters polled`
    if not (capitalised(last) or last.lower() in HEADS or respondents) or last.lower() in S.DETERMINERS:
        return None  # `Trump took to Twitter overnight to`, `Hillary Clinton needs to sell herself and`
    plain = 0  # plain lower-case words in a row: `communication director`
    for j in range(k, end):
        w = tok_word(text, toks[j])
        low = w.lower()
        if not w[:1].isalnum():
            if not (w in "()-’'" or np_token(text, toks, j)):
                return None  # a comma, a quote mark, a colon
            continue
        if capitalised(w) or low in NP_WORDS or (respondents and j == end - 1) or (j == k and low in S.SHARE_HEDGES):
            plain = 0  # a hedge only opens the subject: `nearly two-thirds of voters`
            continue
        if low.endswith("ed") and j + 1 < end and tok_word(text, toks[j + 1]).lower() in HEADS:
            continue  # an adjective before its head: `registered voters`, `elected officials`
        plain += 1
        if plain > 3 or low in CLAUSE_WORDS or low in _NOT_IN_SUBJECT or low.endswith(("ed", "ing", "ly", "’t", "'t")):
            return None  # a verb or a clause: `Donald Trump isn't`, `The gap between what Trump`
    return Mention(toks[k][0], toks[end - 1][1])


# Plain words that never stand inside a subject phrase: question words and an infinitive's `to`.
_NOT_IN_SUBJECT = frozenset("what how why whether where when which who whom to between".split())
# The most tokens of a sentence-opening subject found by subject_np.
_MAX_SUBJECT = 10


def mention_before(text: str, toks: list[Tok], end: int, relative: bool = False) -> Mention | None:
    """The speaker phrase ending at toks[end-1], with an appositive `Name, a role,` when present.

    With relative=True the appositive may be a relative clause (`Name, who served as …, said`).
    """
    if end > 0 and tok_word(text, toks[end - 1]) == ",":
        # `Name, an adviser to X, said`: find the comma that opens the appositive.
        k = _separator_before(text, toks, end - 2, max(end - (40 if relative else 20), -1))
        if k >= 0 and tok_word(text, toks[k]) == "," and k + 1 < end - 1:
            start = np_before(text, toks, k)
            if start is not None and _appositive(text, toks[k + 1 : end - 1], relative):
                return Mention(toks[start][0], toks[k - 1][1], toks[k + 1][0], toks[end - 2][1])
        return None
    start = np_before(text, toks, end)
    return None if start is None else Mention(toks[start][0], toks[end - 1][1])


def _separator_before(text: str, toks: list[Tok], k: int, floor: int) -> int:
    """The last index in (floor, k] of a token `,` `;` `:` `(` or `)`, else floor. For speed, a search of
    the text, then a bisection; tokens not cut as claims.text.tokens cuts them are scanned instead."""
    if k <= floor:
        return floor
    m = _RE_SEPARATOR_BACK.search(text, toks[floor + 1][0], toks[k][1])
    if m is None:
        return floor
    j = bisect_left(toks, (m.start(), -1), floor + 1, k + 1)
    if j <= k and toks[j] == m.span():
        return j
    while k > floor and tok_word(text, toks[k]) not in (",", ";", ":", "(", ")"):
        k -= 1
    return k


# A separator character, searched from the end of a window back.
_RE_SEPARATOR_BACK = regex.compile(r"[,;:()]", flags=regex.REVERSE)


def _appositive(text: str, span: list[Tok], relative: bool = False) -> bool:
    """`an adviser to Iran's supreme leader`, `the party's leader`; `who ...` only when relative."""
    if not span:
        return False
    first = tok_word(text, span[0]).lower()
    if first in ("who", "whose"):
        return relative
    if first in ("which", "that"):
        return False
    if first in ("including", "among"):
        return relative  # `Several candidates, including Trump, said`
    if len(span) == 1 and first.isdigit():
        return True  # an age: `Mr. King, 82, told me`
    if first in ("at", "in", "on", "during"):
        return relative  # `Clinton, at a later press gaggle, said`
    words = [w for w in (tok_word(text, t) for t in span) if w != "."]  # not the stop of `John J. Ferriola`
    if not words:
        return False
    if words[0].endswith(S.POSSESSIVE_ENDINGS) and capitalised(words[0]):
        return True  # `China, Pyongyang's only ally, said`
    if relative and len(words) <= 6 and capitalised(words[0]) and ("of" in words or "-" in words[0]):
        return True  # `Senator Dianne Feinstein, Democrat of California, said`, `McConnell, R-Ky., said`
    if 2 <= len(words) <= 4 and all(capitalised(w) for w in words):
        return True  # `The mayor, Anne Hidalgo, said`: the name set off after a role
    return first in ("a", "an", "the", "its", "his", "her", "their") or any(
        tok_word(text, t).lower() in S.ROLE_WORDS for t in span
    )


def mention_after(text: str, toks: list[Tok], start: int) -> Mention | None:
    """The speaker phrase starting at toks[start] (after an inverted cue: `said John Smith, a ...`)."""
    if start >= len(toks):
        return None
    w = tok_word(text, toks[start]).lower()
    if w in PRONOUNS:
        return Mention(toks[start][0], toks[start][1])
    k = start
    while k < len(toks) and k - start < 14:
        if tok_word(text, toks[k]) == "(" and k > start:
            j = close_paren(text, toks, k)
            if j is None:
                break
            k = j + 1
            continue
        if not np_token(text, toks, k):
            break
        k += 1
    if k > start and k < len(toks) and tok_word(text, toks[k - 1]).lower() in S.DETERMINERS:
        w = tok_word(text, toks[k])
        if w.isalpha() and w.islower() and w not in CLAUSE_WORDS:
            k += 1  # `said the ruling`, `a source on the panel`: a plain noun after a determiner ends it
    if k == start or not valid_np(text, toks[start:k]):
        return None
    m_end = toks[k - 1][1]
    if k < len(toks) - 1 and tok_word(text, toks[k]) == ",":
        j = k + 1
        # the appositive runs to the next mark, past an abbreviation's full stop (`an aide to Mr. Obama`)
        while j < len(toks) and j - k < 20:
            if tok_word(text, toks[j]) in (",", ".", ";", ":") and not abbreviation_dot(text, toks, j):
                break
            j += 1
        if j > k + 1 and _appositive(text, toks[k + 1 : j]):
            return Mention(toks[start][0], m_end, toks[k + 1][0], toks[j - 1][1])
    return Mention(toks[start][0], m_end)


def antecedent_of(text: str, pronoun: int, lo: int) -> Mention | None:
    """The phrase a relative pronoun at `pronoun` refers to: `hospital managers, who` ->
    `hospital managers`; None when no source phrase stands right before it."""
    toks = tokens_between(text, lo, pronoun)
    end = len(toks)
    if end and tok_word(text, toks[end - 1]) == ",":
        end -= 1
    start = np_before(text, toks, end) if end else None
    if start is None:
        return None
    return Mention(toks[start][0], toks[end - 1][1])
