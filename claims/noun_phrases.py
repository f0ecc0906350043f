"""Where a source phrase before a cue starts: a name or role ("Iran's Defence Minister Hossein Dehghan"),
a determiner-led or described source ("the newspaper", "Romney's associates", "some of the women").
Works on token offsets only; phrases.py builds speaker mentions from these."""

from __future__ import annotations

from claims.lexicon import cues as C
from claims.lexicon import speakers as S
from claims.patterns import ABBREVIATIONS

Tok = tuple[int, int]

# Lower-case words that may stand inside a source phrase.
NP_WORDS = (
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
HEADS = S.ANONYMOUS_HEADS | S.GROUP_HEADS | S.ROLE_WORDS | S.ORG_WORDS
# Words that end a clause; a generic determiner-led phrase may not hold them.
CLAUSE_WORDS = frozenset(
    """
    is are was were be been being has have had will would could should can may might must do does did
    not no and or but that which who whom whose when where while if because although as than so
    it he she they we i you there here this these those also just only very
    """.split()
)
PRONOUNS = frozenset(S.PRONOUNS)
# Determiners that may open a plain-noun source ("two local farmers"); demonstratives do not
# ("this week said" is not a source).
_GENERIC_LEADS = S.DETERMINERS - frozenset("this that these those such".split())
# Words after which a new clause, and so a source phrase, may begin: `…, where experts say`.
_CLAUSE_OPENERS = frozenset(", ; : — where and but although though because while as that when since so".split())
# The words among them, not the punctuation (after a comma a phrase may be a name's appositive).
_CLAUSE_LINK_WORDS = frozenset(w for w in _CLAUSE_OPENERS if w.isalpha())
# Words that never open a source phrase: prepositions and conjunctions.
LEADING_NON_NP = S.SOURCE_PREPOSITIONS | frozenset({"and", "but", "&"})
_POSSESSIVE = S.POSSESSIVE_ENDINGS


def tok_word(text: str, t: Tok) -> str:
    """The text of token t."""
    return text[t[0] : t[1]]


def _low(text: str, t: Tok) -> str:
    return text[t[0] : t[1]].lower()


def capitalised(w: str) -> bool:
    """Whether a word opens with a capital or a digit, as the words of a name or a number do."""
    return w[:1].isupper() or w[:1].isdigit()


def np_token(text: str, toks: list[Tok], k: int) -> bool:
    """Whether toks[k] may stand inside a source phrase: a capitalised word or a number, a source word
    (NP_WORDS) or a possessive, a possessive's apostrophe, an abbreviation's full stop."""
    s, e = toks[k]
    w = text[s:e]
    first = w[:1]
    if first.isalnum():
        return first.isupper() or first.isdigit() or _np_word(w.lower())
    if w == ".":
        return abbreviation_dot(text, toks, k)
    return w in ("’", "'") and k > 0 and tok_word(text, toks[k - 1])[-1:] in "sS"


def abbreviation_dot(text: str, toks: list[Tok], k: int) -> bool:
    """toks[k] is the full stop of an abbreviation (`Gov.`, `U.S.`) or of a middle initial (`Elijah E.
    Cummings`), which ends no phrase."""
    if k == 0 or text[toks[k][0]] != ".":
        return False
    before = tok_word(text, toks[k - 1])
    return before.lower() in ABBREVIATIONS or (len(before) == 1 and before.isupper())


def _np_word(low: str) -> bool:
    return low in NP_WORDS or low.endswith(_POSSESSIVE)


def np_before(text: str, toks: list[Tok], end: int, *, allow_generic: bool = True) -> int | None:
    """Start index of the source phrase made of toks[start:end], ending just before a cue, or None."""
    if end <= 0:
        return None
    s, e = toks[end - 1]
    last = text[s:e].lower()
    if last in PRONOUNS or (last in S.QUANTIFIER_SOURCES and (end == 1 or not _alnum_at(text, toks[end - 2]))):
        return end - 1  # a pronoun, or a quantifier standing alone: `Some say`, `…, others said`
    if last in S.SHARE_SOURCES or last == "%" or last.isdigit() or last in S.SHARE_NUMBERS:
        share = _share(text, toks, end)
        if share is not None:
            return share
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
        elif not np_token(text, toks, k - 1):
            break
        k -= 1
    # Leading prepositions, conjunctions and sentence openers do not start a phrase.
    while k < end and _low(text, toks[k]) in LEADING_NON_NP:
        k += 1
    while k < end - 1 and _low(text, toks[k]) in S.SENTENCE_OPENERS:
        k += 1
    if k < end and (valid_np(text, toks[k:end]) if aside else _valid_run(text, toks, k, end)):
        # `the housing minister`: a plain modifier and its determiner belong to the phrase.
        # `Several cast members`, `Connecticut's tax commissioner`: up to two plain modifiers after
        # a determiner or a possessive belong to the phrase.
        j = k
        while j > 0 and k - j < 2 and _plain_word(tok_word(text, toks[j - 1])):
            j -= 1
        if j == k:
            return k
        lead = tok_word(text, toks[j - 1]) if j > 0 else ""
        if tok_word(text, toks[k]).islower():
            if lead.lower() in S.DETERMINERS or (lead.endswith(_POSSESSIVE) and capitalised(lead)):
                return j - 1
            if _low(text, toks[end - 1]) in S.GROUP_HEADS:
                # `Civil rights activists say`, `…, where restructuring experts say`: plain modifiers
                # of a plural head that open the clause belong to it, and so does one capitalised word first.
                if j == 0 or lead.lower() in _CLAUSE_OPENERS:
                    return j
                if j == 1 and lead.isalpha() and capitalised(lead) and lead.lower() not in S.SENTENCE_OPENERS:
                    return 0
        elif (
            k - j == 1
            and not tok_word(text, toks[j]).endswith("ed")
            and lead.lower() in S.DETERMINERS
            and (j == 1 or _low(text, toks[j - 2]) in _CLAUSE_OPENERS)
        ):
            return j - 1  # `The nonpartisan Commission on Presidential Debates says`, not `The mayor thanked Ruiz`
        return k
    if allow_generic:
        found = _postmodified(text, toks, end)
        return found if found is not None else _generic_np(text, toks, end)
    return None


# The most tokens between a source's head and its cue: `familiar with the governor's thinking`.
_POSTMODIFIER_MAX = 8
# Prepositions that may follow a source's head: `people close to`, `officials with knowledge of`, `aides in`.
_POSTMODIFIER_PREPOSITIONS = frozenset("about at for from in of on to with".split())
# Clause words, determiners aside (but `that`, as often a conjunction): none stands in such a source.
_NOT_IN_HEAD = CLAUSE_WORDS - _GENERIC_LEADS


def _postmodified(text: str, toks: list[Tok], end: int) -> int | None:
    """Start index of a source whose head a prepositional phrase of plain words follows, the subject of
    the cue after it: `People familiar with the plan`, `officials with knowledge of the talks`, `two
    aides in the room`. None unless a source head stands before the preposition and the phrase opens
    the sentence or a clause (`The lawsuit filed by voters in the state` is not the voters speaking)."""
    for p in range(end - 1, max(end - 1 - _POSTMODIFIER_MAX, 0), -1):
        s, e = toks[p]
        low = text[s:e].lower()
        if low in _POSTMODIFIER_PREPOSITIONS and p < end - 1:
            h = p - 1
            if _low(text, toks[h]) in S.SOURCE_POSTMODIFIERS and h > 0:
                h -= 1
            if _source_head(_low(text, toks[h])):
                start = np_before(text, toks, h + 1, allow_generic=False)
                if start is None or any(_low(text, t) in _NOT_IN_HEAD for t in toks[start:h]):
                    return None  # `The survey showed that 54 percent of …`: a clause, not a source
                if start == 0 or _low(text, toks[start - 1]) in _CLAUSE_LINK_WORDS:
                    return start
            continue  # `with knowledge of the talks`: the phrase may hold another
        if not _object_word(text, toks, p, low) or (p == end - 1 and (low in _POSTMODIFIER_PREPOSITIONS or low in S.DETERMINERS)):
            return None  # `refused to say`, `mocked Trump for calling`, `of all reported`: no noun before the cue
    return None


def _source_head(low: str) -> bool:
    """A word that heads a source phrase: `people`, `official`, `aides`, `spokesman`."""
    return (low in HEADS and low not in S.ORG_WORDS) or (low.endswith("s") and low[:-1] in S.ANONYMOUS_HEADS)


def _object_word(text: str, toks: list[Tok], k: int, low: str) -> bool:
    """toks[k] may stand in the phrase after a source's preposition: a word that is no clause word
    (determiners and possessives are), or a possessive's apostrophe."""
    if not text[toks[k][0]].isalnum():
        return low in ("’", "'") and k > 0 and tok_word(text, toks[k - 1])[-1:] in "sS"
    return low not in _NOT_IN_HEAD and not low.endswith(("n’t", "n't"))


def _share(text: str, toks: list[Tok], end: int) -> int | None:
    """Start index of a poll's share of its respondents ending at toks[end-1], hedges included: `Nearly
    half`, `42%`, `one in five`, `more than six in 10`; None for any other phrase."""
    core = share_length([_low(text, t) for t in toks[max(0, end - 3) : end]])
    if core == 0:
        return None
    k = end - core
    if k >= 1 and _low(text, toks[k - 1]) in ("a", "the"):
        k -= 1  # `a third`, `the majority`
    if k >= 1 and _low(text, toks[k - 1]) in S.SHARE_HEDGES:
        k -= 1  # `nearly half`
    elif k >= 2 and _low(text, toks[k - 1]) in ("than", "of") and _low(text, toks[k - 2]) in ("more", "less", "fewer", "all"):
        k -= 2  # `more than six in 10`, `all of`
    return k


def share_length(lows: list[str]) -> int:
    """How many of the last lower-case words name a poll's share of its respondents: 1 (`half`), 2
    (`42 %`) or 3 (`one in five`, `three in 10`); 0 when they name none."""
    if lows and (lows[-1] in S.SHARE_SOURCES or _hyphenated_share(lows[-1])):
        return 1
    if len(lows) >= 2 and lows[-1] == "%" and lows[-2].isdigit():
        return 2
    if len(lows) >= 3 and lows[-2] == "in" and _share_number(lows[-3]) and _share_number(lows[-1]):
        return 3
    return 0


def _hyphenated_share(word: str) -> bool:
    """A fraction written as one word: `two-thirds`, `three-quarters`."""
    number, _, part = word.partition("-")
    return part in S.SHARE_SOURCES and _share_number(number)


def _share_number(word: str) -> bool:
    return word.isdigit() or word in S.SHARE_NUMBERS


def _alnum_at(text: str, t: Tok) -> bool:
    return text[t[0]].isalnum()


def _open_paren(text: str, toks: list[Tok], close: int) -> int | None:
    """Index of the `(` that opens the short aside closed at toks[close]."""
    for j in range(close - 1, max(close - 7, -1), -1):
        if tok_word(text, toks[j]) == "(":
            return j
    return None


def close_paren(text: str, toks: list[Tok], open_: int) -> int | None:
    """Index of the `)` that closes the short aside opened at toks[open_]."""
    for j in range(open_ + 1, min(open_ + 7, len(toks))):
        if tok_word(text, toks[j]) == ")":
            return j
    return None


def _plain_word(w: str) -> bool:
    if not w[:1].isalpha() and w[:1] != "-":
        return False  # for speed: a comma, a quote mark or a number before the phrase
    return w.replace("-", "").isalpha() and w.islower() and w not in CLAUSE_WORDS and w not in S.DETERMINERS


def valid_np(text: str, span: list[Tok]) -> bool:
    """Whether the tokens of span make a source phrase: a name, or a source word for its head."""
    if any(e - s == 1 and text[s] == "(" for s, e in span):
        # Drop `(R-Fla.)`-style asides before judging the phrase.
        keep: list[Tok] = []
        depth = 0
        for t in span:
            w = tok_word(text, t)
            depth += w == "("
            if depth == 0:
                keep.append(t)
            depth -= w == ")"
        span = keep
    return _valid_run(text, span, 0, len(span))


def _valid_run(text: str, toks: list[Tok], k: int, end: int) -> bool:
    """valid_np(text, toks[k:end]) for a run of tokens holding no `(`, reading only the words it needs."""
    n = end - k
    if not 0 < n <= 12:
        return False
    head = tok_word(text, toks[end - 1])
    if head in ("’", "'", "."):
        head = tok_word(text, toks[end - 2]) if n > 1 else ""
    low = head.lower()
    if low in S.DETERMINERS or low in S.SOURCE_PREPOSITIONS or low in ("and", "the", "of"):
        return False
    if capitalised(head) and low not in S.SENTENCE_OPENERS:
        return True
    if low in HEADS:
        return True
    # `one Democratic source on the panel`: the head stands before the phrase's preposition.
    for i in range(k + 1, end - 1):
        if _low(text, toks[i]) in S.SOURCE_PREPOSITIONS:
            before = tok_word(text, toks[i - 1])
            return before.lower() in HEADS or (capitalised(before) and before.lower() not in S.SENTENCE_OPENERS)
    return False


def _generic_np(text: str, toks: list[Tok], end: int, after_of: bool = True) -> int | None:
    """A short determiner-led phrase such as "the newspaper" or "a statement from the ministry", or
    one led by a name's possessive ("Romney's associates"); with after_of, a phrase after `of` takes
    in the phrase or quantifier before it ("the organizer of the rally", "some of the women"), once:
    a chain of `of` phrases is not followed back (nor could it be without end). With no lead word, a
    plural opening the clause is the phrase (`Housing advocates`, see _bare_plural)."""
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
        # plain: a word of letters, apostrophes and hyphens (`self-described`, `pro-Trump`)
        if not (w.replace("’", "").replace("'", "").replace("-", "").isalpha() and low not in CLAUSE_WORDS and low not in S.DETERMINERS):
            return _bare_plural(text, toks, k + 1, end)
    return _bare_plural(text, toks, end - min(5, end), end)


# The most words of a plural source with no determiner: `Iowa biofuels advocates`.
_BARE_PLURAL_MAX = 3
# Words that open an adjunct or a clause, never a source phrase: prepositions and subordinators.
_NOT_PHRASE_LEADS = LEADING_NON_NP | S.SUBORDINATORS | frozenset("about after against before by during into over than under via without".split())


def _bare_plural(text: str, toks: list[Tok], k: int, end: int) -> int | None:
    """k when the plain words toks[k:end] are a plural noun and its modifiers opening the sentence or a
    clause, before a cue a plural agrees with: `Housing advocates say`, `…, and farmers said`."""
    if not 0 < end - k <= _BARE_PLURAL_MAX or not plural_noun(_low(text, toks[end - 1])):
        return None
    if (k > 0 and _low(text, toks[k - 1]) not in _CLAUSE_OPENERS) or _low(text, toks[k]) in _NOT_PHRASE_LEADS:
        return None  # `After years of …`: an adjunct, not a subject
    # a cue a plural agrees with (`say`, `said`, not `says`), and no participle (`took turns urging`)
    return k if end >= len(toks) or not _low(text, toks[end]).endswith(("s", "ing")) else None


# Words ending in s that are no plural noun: adverbs, pronouns, verbs and singular nouns.
_NOT_PLURAL = frozenset(
    """
    always perhaps sometimes nevertheless besides afterwards towards backwards upstairs downstairs
    its hers ours yours theirs this thus was has does says news politics economics series species
    means whereas yes gas
    """.split()
)


def plural_noun(low: str) -> bool:
    """Whether a lower-case word looks like a plural noun: `advocates`, `farmers`, not `always`, `crisis` or `he's`."""
    return (
        len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in _NOT_PLURAL and low.replace("-", "").isalpha()
    )


# Words whose `'s` is a contraction, not a possessive: `It's`, `That's`, `Let's`.
_NOT_POSSESSORS = CLAUSE_WORDS | PRONOUNS | frozenset({"let", "what", "here", "there"})


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
    if low in _NOT_HEADS or low in CLAUSE_WORDS or low.endswith("ing"):
        return False
    return end >= len(toks) or _low(text, toks[end]) not in _NOUN_LIKE_CUES
