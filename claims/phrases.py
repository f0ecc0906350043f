"""Speaker phrases around a cue: where a source mention starts and ends, its appositive, and the
auxiliaries that belong to the cue ("has said", "also added"). Works on token offsets only."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from claims.lexicon import cues as C
from claims.lexicon import speakers as S
from claims.patterns import ABBREVIATIONS
from claims.text import tokens as tokens_between

Tok = tuple[int, int]

# Lower-case words that may stand inside a source phrase.
_NP_WORDS = (
    S.DETERMINERS
    | S.ROLE_WORDS
    | S.ROLE_MODIFIERS
    | S.SOURCE_ADJECTIVES
    | S.SOURCE_PREPOSITIONS
    | S.ANONYMOUS_HEADS
    | S.GROUP_HEADS
    | S.ORG_WORDS
    | frozenset({"and", "of", "the", "&"})
)
# Lower-case words that may end a source phrase.
_HEADS = S.ANONYMOUS_HEADS | S.GROUP_HEADS | S.ROLE_WORDS | S.ORG_WORDS
# Words that end a clause; a generic determiner-led phrase may not hold them.
_CLAUSE_WORDS = frozenset(
    """
    is are was were be been being has have had will would could should can may might must do does did
    not no and or but that which who whom whose when where while if because although as than so
    it he she they we i you there here this these those also just only very
    """.split()
)
_PRONOUNS = frozenset(S.PRONOUNS)
# Determiners that may open a plain-noun source ("two local farmers"); demonstratives do not
# ("this week said" is not a source).
_GENERIC_LEADS = S.DETERMINERS - frozenset("this that these those such".split())
# Words after which a new clause, and so a source phrase, may begin: `…, where experts say`.
_CLAUSE_OPENERS = frozenset(", ; : — where and but although though because while as that when since so".split())
# Words that never open a source phrase: prepositions and conjunctions.
_LEADING_NON_NP = S.SOURCE_PREPOSITIONS | frozenset({"and", "but", "&"})


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


def _word(text: str, t: Tok) -> str:
    return text[t[0] : t[1]]


def _low(text: str, t: Tok) -> str:
    return text[t[0] : t[1]].lower()


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit()


def _np_token(text: str, toks: list[Tok], k: int) -> bool:
    s, e = toks[k]
    w = text[s:e]
    first = w[:1]
    if first.isalnum():
        return first.isupper() or first.isdigit() or _np_word(w.lower())
    if w == ".":
        return abbreviation_dot(text, toks, k)
    return w in ("’", "'") and k > 0 and _word(text, toks[k - 1])[-1:] in "sS"


def abbreviation_dot(text: str, toks: list[Tok], k: int) -> bool:
    """toks[k] is the full stop of an abbreviation (`Gov.`, `U.S.`) or of a middle initial (`Elijah E.
    Cummings`), which ends no phrase."""
    if k == 0 or text[toks[k][0]] != ".":
        return False
    before = _word(text, toks[k - 1])
    return before.lower() in ABBREVIATIONS or (len(before) == 1 and before.isupper())


def _np_word(low: str) -> bool:
    return low in _NP_WORDS or low.endswith(_POSSESSIVE)


def strip_auxiliaries(text: str, toks: list[Tok], end: int) -> int:
    """Index of the first token of the run of cue auxiliaries that ends at toks[end-1] ("has also");
    a progressive cue takes its "be" too ("is calling", "was telling")."""
    k = end
    while k > 0:
        s, e = toks[k - 1]
        word = text[s:e]  # lower case only: `Jolly said`, `Long said` end in a name
        if word in C.CUE_AUXILIARIES or (word[-2:] == "ly" and _adverb(word)):
            k -= 1
        elif word in _BE and end < len(toks) and _word(text, toks[end]).lower().endswith("ing"):
            k -= 1  # the progressive's `be`
        else:
            break
    return k


_BE = frozenset("is are was were been be".split())
_POSSESSIVE = S.POSSESSIVE_ENDINGS


def _adverb(word: str) -> bool:
    """An adverb of manner or time before a cue: `boldly suggested`, `has sharply criticized`."""
    return len(word) > 4 and word.endswith("ly") and word.isalpha() and word.islower() and word not in C.NOT_ADVERBS


def np_before(text: str, toks: list[Tok], end: int, *, allow_generic: bool = True) -> int | None:
    """Start index of the source phrase made of toks[start:end], ending just before a cue, or None."""
    if end <= 0:
        return None
    s, e = toks[end - 1]
    last = text[s:e].lower()
    if last in _PRONOUNS or (last in S.QUANTIFIER_SOURCES and (end == 1 or not _alnum_at(text, toks[end - 2]))):
        return end - 1  # a pronoun, or a quantifier standing alone: `Some say`, `…, others said`
    k = end
    aside = False  # a bracketed aside was taken in: only then may the phrase hold a `(`
    while k > 0:
        s, e = toks[k - 1]
        first = text[s]
        if first.isalnum():
            # _np_token for a word, inlined: this runs on every token before a cue
            if not (first.isupper() or first.isdigit() or _np_word(text[s:e].lower())):
                break
        elif e - s == 1 and first == ")":
            j = _open_paren(text, toks, k - 1)  # `Rep. John Mica (R-Fla.)`: a short aside stays inside
            if j is None or j == 0:
                break
            k = j
            aside = True
            continue
        elif not _np_token(text, toks, k - 1):
            break
        k -= 1
    # Leading prepositions, conjunctions and sentence openers do not start a phrase.
    while k < end and _low(text, toks[k]) in _LEADING_NON_NP:
        k += 1
    while k < end - 1 and _low(text, toks[k]) in S.SENTENCE_OPENERS:
        k += 1
    if k < end and (_valid_np(text, toks[k:end]) if aside else _valid_run(text, toks, k, end)):
        # `the housing minister`: a plain modifier and its determiner belong to the phrase.
        # `Several cast members`, `Connecticut's tax commissioner`: up to two plain modifiers after
        # a determiner or a possessive belong to the phrase.
        j = k
        while j > 0 and k - j < 2 and _plain_word(_word(text, toks[j - 1])):
            j -= 1
        if j == k:
            return k
        lead = _word(text, toks[j - 1]) if j > 0 else ""
        if _word(text, toks[k]).islower():
            if lead.lower() in S.DETERMINERS or (lead.endswith(_POSSESSIVE) and _is_cap(lead)):
                return j - 1
            if _low(text, toks[end - 1]) in S.GROUP_HEADS:
                # `Civil rights activists say`, `…, where restructuring experts say`: plain modifiers
                # of a plural head that open the clause belong to it, and so does one capitalised word first.
                if j == 0 or lead.lower() in _CLAUSE_OPENERS:
                    return j
                if j == 1 and lead.isalpha() and _is_cap(lead) and lead.lower() not in S.SENTENCE_OPENERS:
                    return 0
        elif (
            k - j == 1
            and not _word(text, toks[j]).endswith("ed")
            and lead.lower() in S.DETERMINERS
            and (j == 1 or _low(text, toks[j - 2]) in _CLAUSE_OPENERS)
        ):
            return j - 1  # `The nonpartisan Commission on Presidential Debates says`, not `The mayor thanked Ruiz`
        return k
    if allow_generic:
        return _generic_np(text, toks, end)
    return None


def subject_np(text: str, toks: list[Tok], end: int) -> Mention | None:
    """A longer subject opening the sentence, made of toks[:end] after sentence openers:
    `Clinton communication director Jennifer Palmieri`, `The city of Phoenix`. It ends in a capitalised
    word or a source head and holds no comma, clause word or verb form, nor more than three plain words
    in a row. For when the phrase just before the cue does not open the clause."""
    k = 0
    while k < end and (_word(text, toks[k]).lower() in S.SENTENCE_OPENERS or _word(text, toks[k]) == ","):
        k += 1
    if not 1 < end - k <= _MAX_SUBJECT or _word(text, toks[k]).lower() in _LEADING_NON_NP | _PRONOUNS:
        return None
    last = _word(text, toks[end - 1])
    respondents = last.lower() in S.RESPONDENT_PARTICIPLES  # `those surveyed`, `voters polled`
    if not (_is_cap(last) or last.lower() in _HEADS or respondents) or last.lower() in S.DETERMINERS:
        return None  # `Trump took to Twitter overnight to`, `Hillary Clinton needs to sell herself and`
    plain = 0  # plain lower-case words in a row: `communication director`
    for j in range(k, end):
        w = _word(text, toks[j])
        low = w.lower()
        if not w[:1].isalnum():
            if not (w in "()-’'" or _np_token(text, toks, j)):
                return None  # a comma, a quote mark, a colon
            continue
        if _is_cap(w) or low in _NP_WORDS or (respondents and j == end - 1):
            plain = 0
            continue
        if low.endswith("ed") and j + 1 < end and _word(text, toks[j + 1]).lower() in _HEADS:
            continue  # an adjective before its head: `registered voters`, `elected officials`
        plain += 1
        if plain > 3 or low in _CLAUSE_WORDS or low in _NOT_IN_SUBJECT or low.endswith(("ed", "ing", "ly", "’t", "'t")):
            return None  # a verb or a clause: `Donald Trump isn't`, `The gap between what Trump`
    return Mention(toks[k][0], toks[end - 1][1])


# Plain words that never stand inside a subject phrase: question words and an infinitive's `to`.
_NOT_IN_SUBJECT = frozenset("what how why whether where when which who whom to between".split())
# The most tokens of a sentence-opening subject found by subject_np.
_MAX_SUBJECT = 10


def _alnum_at(text: str, t: Tok) -> bool:
    return text[t[0]].isalnum()


def _open_paren(text: str, toks: list[Tok], close: int) -> int | None:
    """Index of the `(` that opens the short aside closed at toks[close]."""
    for j in range(close - 1, max(close - 7, -1), -1):
        if _word(text, toks[j]) == "(":
            return j
    return None


def _close_paren(text: str, toks: list[Tok], open_: int) -> int | None:
    for j in range(open_ + 1, min(open_ + 7, len(toks))):
        if _word(text, toks[j]) == ")":
            return j
    return None


def _plain_word(w: str) -> bool:
    if not w[:1].isalpha() and w[:1] != "-":
        return False  # for speed: a comma, a quote mark or a number before the phrase
    return w.replace("-", "").isalpha() and w.islower() and w not in _CLAUSE_WORDS and w not in S.DETERMINERS


def _valid_np(text: str, span: list[Tok]) -> bool:
    if any(e - s == 1 and text[s] == "(" for s, e in span):
        # Drop `(R-Fla.)`-style asides before judging the phrase.
        keep: list[Tok] = []
        depth = 0
        for t in span:
            w = _word(text, t)
            depth += w == "("
            if depth == 0:
                keep.append(t)
            depth -= w == ")"
        span = keep
    return _valid_run(text, span, 0, len(span))


def _valid_run(text: str, toks: list[Tok], k: int, end: int) -> bool:
    """_valid_np(text, toks[k:end]) for a run of tokens holding no `(`, reading only the words it needs."""
    n = end - k
    if not 0 < n <= 12:
        return False
    head = _word(text, toks[end - 1])
    if head in ("’", "'", "."):
        head = _word(text, toks[end - 2]) if n > 1 else ""
    low = head.lower()
    if low in S.DETERMINERS or low in S.SOURCE_PREPOSITIONS or low in ("and", "the", "of"):
        return False
    if _is_cap(head) and low not in S.SENTENCE_OPENERS:
        return True
    if low in _HEADS:
        return True
    # `one Democratic source on the panel`: the head stands before the phrase's preposition.
    for i in range(k + 1, end - 1):
        if _low(text, toks[i]) in S.SOURCE_PREPOSITIONS:
            before = _word(text, toks[i - 1])
            return before.lower() in _HEADS or (_is_cap(before) and before.lower() not in S.SENTENCE_OPENERS)
    return False


def _generic_np(text: str, toks: list[Tok], end: int, after_of: bool = True) -> int | None:
    """A short determiner-led phrase such as "the newspaper" or "a statement from the ministry", or
    one led by a name's possessive ("Romney's associates"); with after_of, a phrase after `of` takes
    in the phrase or quantifier before it ("the organizer of the rally", "some of the women"), once:
    a chain of `of` phrases is not followed back (nor could it be without end)."""
    # From the cue back: the first lead word of up to five before it starts the phrase if every word
    # after it is plain; a word that is not plain ends the search, as any lead before it would hold it.
    for k in range(end - 1, end - min(5, end) - 1, -1):
        s, e = toks[k]
        w = text[s:e]
        low = w.lower()
        if k < end - 1 and low in _GENERIC_LEADS:
            if after_of and k >= 2 and _low(text, toks[k - 1]) == "of" and _described(text, toks, end):
                if _low(text, toks[k - 2]) in S.QUANTIFIER_SOURCES:
                    return k - 2
                head = _generic_np(text, toks, k - 1, after_of=False)
                return k if head is None else head
            return k
        if k < end - 1 and _name_possessive(w) and _described(text, toks, end):
            return k
        if not (w.replace("’", "").replace("'", "").isalpha() and low not in _CLAUSE_WORDS and low not in S.DETERMINERS):
            return None
    return None


# Words whose `'s` is a contraction, not a possessive: `It's`, `That's`, `Let's`.
_NOT_POSSESSORS = _CLAUSE_WORDS | _PRONOUNS | frozenset({"let", "what", "here", "there"})


def _name_possessive(w: str) -> bool:
    """`Romney's`, not `It's` or `That's`."""
    return w.endswith(_POSSESSIVE) and w[:1].isupper() and w[:-2].lower() not in _NOT_POSSESSORS


# Words that cannot end a described source: prepositions (`a result of Turkey's refusal to`).
_NOT_HEADS = S.SOURCE_PREPOSITIONS | frozenset("about after against before by into over than under via".split())
# Cue words that are nouns as often as verbs: after a described phrase they are usually its noun
# (`China's territorial disputes`, `one of the central claims`, `Murphy's conference call`).
_NOUN_LIKE_CUES = frozenset({*(n + "s" for n in C.CLAIM_NOUNS), "call", "calls", "disputes", "estimates", "reports"})


def _described(text: str, toks: list[Tok], end: int) -> bool:
    """Whether toks[:end] can end in a source described by a possessive or an `of` phrase: its last word
    is no preposition, clause word or -ing form (`refusal to`, `team winning`), and the cue after it,
    when known, is not one read as a noun more often than as a verb."""
    low = _low(text, toks[end - 1])
    if low in _NOT_HEADS or low in _CLAUSE_WORDS or low.endswith("ing"):
        return False
    return end >= len(toks) or _low(text, toks[end]) not in _NOUN_LIKE_CUES


def mention_before(text: str, toks: list[Tok], end: int, relative: bool = False) -> Mention | None:
    """The speaker phrase ending at toks[end-1], with an appositive `Name, a role,` when present.

    With relative=True the appositive may be a relative clause (`Name, who served as …, said`).
    """
    if end > 0 and _word(text, toks[end - 1]) == ",":
        # `Name, an adviser to X, said`: find the comma that opens the appositive.
        k = _separator_before(text, toks, end - 2, max(end - (40 if relative else 20), -1))
        if k >= 0 and _word(text, toks[k]) == "," and k + 1 < end - 1:
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
    while k > floor and _word(text, toks[k]) not in (",", ";", ":", "(", ")"):
        k -= 1
    return k


# A separator character, searched from the end of a window back.
_RE_SEPARATOR_BACK = regex.compile(r"[,;:()]", flags=regex.REVERSE)


def _appositive(text: str, span: list[Tok], relative: bool = False) -> bool:
    """`an adviser to Iran's supreme leader`, `the party's leader`; `who ...` only when relative."""
    if not span:
        return False
    first = _word(text, span[0]).lower()
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
    words = [w for w in (_word(text, t) for t in span) if w != "."]  # not the stop of `John J. Ferriola`
    if not words:
        return False
    if words[0].endswith(_POSSESSIVE) and _is_cap(words[0]):
        return True  # `China, Pyongyang's only ally, said`
    if relative and len(words) <= 6 and _is_cap(words[0]) and ("of" in words or "-" in words[0]):
        return True  # `Senator Dianne Feinstein, Democrat of California, said`, `McConnell, R-Ky., said`
    if 2 <= len(words) <= 4 and all(_is_cap(w) for w in words):
        return True  # `The mayor, Anne Hidalgo, said`: the name set off after a role
    return first in ("a", "an", "the", "its", "his", "her", "their") or any(
        _word(text, t).lower() in S.ROLE_WORDS for t in span
    )


def mention_after(text: str, toks: list[Tok], start: int) -> Mention | None:
    """The speaker phrase starting at toks[start] (after an inverted cue: `said John Smith, a ...`)."""
    if start >= len(toks):
        return None
    w = _word(text, toks[start]).lower()
    if w in _PRONOUNS:
        return Mention(toks[start][0], toks[start][1])
    k = start
    while k < len(toks) and k - start < 14:
        if _word(text, toks[k]) == "(" and k > start:
            j = _close_paren(text, toks, k)
            if j is None:
                break
            k = j + 1
            continue
        if not _np_token(text, toks, k):
            break
        k += 1
    if k > start and k < len(toks) and _word(text, toks[k - 1]).lower() in S.DETERMINERS:
        w = _word(text, toks[k])
        if w.isalpha() and w.islower() and w not in _CLAUSE_WORDS:
            k += 1  # `said the ruling`, `a source on the panel`: a plain noun after a determiner ends it
    if k == start or not _valid_np(text, toks[start:k]):
        return None
    m_end = toks[k - 1][1]
    if k < len(toks) - 1 and _word(text, toks[k]) == ",":
        j = k + 1
        # the appositive runs to the next mark, past an abbreviation's full stop (`an aide to Mr. Obama`)
        while j < len(toks) and j - k < 20:
            if _word(text, toks[j]) in (",", ".", ";", ":") and not abbreviation_dot(text, toks, j):
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
    if end and _word(text, toks[end - 1]) == ",":
        end -= 1
    start = np_before(text, toks, end) if end else None
    if start is None:
        return None
    return Mention(toks[start][0], toks[end - 1][1])
