"""The content of a reported claim, trimmed the same way by every reported rule (`_claim`), and the
rules that need no speech verb's clause: `according to X`, a claim named by a noun (`his claim that
…`), and the paragraph after `The governor added:`."""

from __future__ import annotations

import re
from bisect import bisect_left

from claims import patterns as P
from claims.direct import DirectRules
from claims.lexicon import cues as C
from claims.lexicon import speakers as S
from claims.noun_phrases import Tok, abbreviation_dot
from claims.phrases import Mention, mention_after
from claims.quote_base import RULE_CONFIDENCE, SUBORDINATORS, TRAIL, ClaimSpan, tok_at
from claims.text import Quote, Sentence, tokens

# Words after which a cue word is a noun.
_NOUN_DETERMINERS = frozenset("the a an this that these those its their his her our my your every each".split())
# The endings of a possessive before a space: a cue word after one is a noun.
_POSSESSIVE_ENDS = ("’s ", "'s ", "s’ ", "s' ")
# Plain hearers of `told`: `told reporters that …`.
_HEARERS = frozenset("reporters journalists him her them us me lawmakers supporters listeners viewers voters".split())
# Words after a hearer that make the claim a directive to the hearer, who then belongs to it.
_DIRECTIVE_LEADS = frozenset("to not against".split())
# Words that open the content clause after a hearer: `told Reuters that …`, `asked Ruiz whether …`.
_CLAUSE_LEADS = frozenset("that if whether how what why where".split())
# Rules whose content follows the cue.
_AFTER_CUE_RULES = frozenset(
    ("reported-speaker-first", "reported-coordinated", "reported-participle", "reported-relative", "reported-subordinate", "asked")
)
# Prepositions that open an adjunct of the saying (where, when, to whom), never a claim of its own.
_ADJUNCT_PREPOSITIONS = frozenset("at before during from in inside into outside through with".split())
# Words that show a clause (a finite verb or a subject pronoun), so more than an adjunct phrase.
_CLAUSE_MARKERS = frozenset(
    "is are was were be been has have had will would could should can may might must do does did he she they it we i you".split()
)
# The longest content (words) that may be a lone adjunct phrase: `in an email response to questions`.
_MAX_ADJUNCT_WORDS = 7
# A concessive aside of at most _ASIDE_WORDS words closed by a comma, after at most _SUBJECT_WORDS words
# of content, stands inside the content's clause (see _inside_clause).
_SUBJECT_WORDS, _ASIDE_WORDS = 2, 6
# Determiners that open a noun phrase, and the prepositions after which one still belongs to the hearer.
_NP_LEADS = frozenset("the a an this these those his her their its our my".split())
_PLACE_PREPOSITIONS = frozenset("about across after around at before by during for from in inside into near of on outside over since with".split())
# The most tokens of hearer and place looked through for the clause word that opens the content:
# `told diners at a cafe in Dover, New Hampshire, that …`.
_MAX_HEARER = 14
# The longest near side (words) of `A, according to X, B` that cannot be a claim of its own: `Most Americans`.
_MAX_NEAR_SIDE = 6
# Words that open an afterthought, not the rest of the sentence, after `, according to X,`.
_NOT_FAR_LEADS = frozenset(
    "a an although and as but compared including or though where which while who whose".split()
)
# How far after a cue its hearer and adjuncts are looked for (characters).
_AFTER_CUE_WINDOW = 120
# For speed, the words that open P.RE_EVENT_TAIL's events, run case-sensitively on lower-cased text, where
# `re` skips to the first letter of a candidate (P.RE_EVENT_TAIL_HINT, case-insensitive, tries every
# position, three times slower). A whitespace character must precede the match. Every letter `regex`
# matches case-insensitively to one of these lower-cases to it but `İ` and `ſ`: a text holding one
# takes P.RE_EVENT_TAIL_HINT (see `_folds_plain`).
_RE_EVENT_LEADS = re.compile(r"(?:after\s+(?:talks|a|meetings)|during\s|in\s+an?\s|at\s+(?:an?|the)\s)")
# The nouns of P.RE_NOMINAL (`his claim that`) as it matches them: singular, plural, mass.
_CLAIM_NOUNS = (*C.CLAIM_NOUNS, *(f"{noun}s" for noun in C.CLAIM_NOUNS), *C.CLAIM_NOUNS_MASS)
_LONGEST_CLAIM_NOUN = max(map(len, _CLAIM_NOUNS))
# For speed, the first words of P.RE_CUE_ADJUNCT's and P.RE_CUE_PREPOSITION's alternatives, on lower-cased
# text: a text these do not match at a position holds no match there. `\S*ly\s` stands for an adverb
# before `that` (`regex` knows letters that `re` does not); `re`'s `\s` holds every `regex` `\s`.
_RE_ADJUNCT_LEAD = re.compile(
    r"\s*(?:in|on|mon|tue|wed|thu|fri|sat|sun|yesterday|to|earlier|later|again|recently|previously|last|at|during|after|over|with|from|\S*ly\s)"
)
_RE_PREPOSITION_LEAD = re.compile(r"\s*(?:about|against|for|of|on|over|with)\s")
# The first letters of P.RE_OPENER_COMMA's words, lower-cased, with the two odd folds of `s` and `i`.
_OPENER_INITIALS = "aehilmpsy\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}\N{LATIN SMALL LETTER LONG S}"
# The characters that `regex` or `re` match case-insensitively to an ASCII letter that their lower case is not.
_ODD_FOLDS = ("\N{LATIN CAPITAL LETTER I WITH DOT ABOVE}", "\N{LATIN SMALL LETTER DOTLESS I}", "\N{LATIN SMALL LETTER LONG S}")


def _inside_clause(text: str, body: int, start: int, after: int, end: int) -> bool:
    """Whether the concessive aside opened by text[start:after] is set off by commas after the content's
    first words, its subject (`said Trump, despite his wealth, is …`, `the plan, although costly, would
    work`): then it stands inside the content, not after it."""
    if text[start] != ",":
        return False
    close = text.find(",", after, end)
    return close >= 0 and len(text[body:start].split()) <= _SUBJECT_WORDS and len(text[after:close].split()) <= _ASIDE_WORDS


class ReportedBase(DirectRules):
    """What the reported-speech passes build on: content trimming and the rules named by a source phrase."""

    def __init__(
        self,
        text: str,
        paras: list[tuple[int, int]],
        quotes: list[Quote],
        sents: list[Sentence],
        in_range: bool | None = None,
    ):
        super().__init__(text, paras, quotes, sents, in_range)
        # case-insensitive patterns can run case-sensitively on self.low (lower-case literals only)
        self._folds_plain = not any(ch in text for ch in _ODD_FOLDS)
        # (toks, cue token, where its auxiliaries start, the phrase before them) of the last cue whose
        # speaker was looked for: the speaker-last and speaker-first rules ask the same question in turn
        self._cue_speaker: tuple[list[Tok], int, int, Mention | None] | None = None
        # the tokens of the sentence `_reported_in` reads, and its bounds: the later rules on that
        # sentence slice their windows from them instead of tokenising again
        self._sent_toks: list[Tok] = []
        self._sent_lo = 0
        self._sent_hi = -1

    def _sentence_tokens(self, sent: Sentence) -> list[Tok]:
        """The tokens of the sentence, kept for `_tokens` to slice."""
        toks = tokens(self.text, sent.start, sent.end, self.in_range)
        self._sent_toks, self._sent_lo, self._sent_hi = toks, sent.start, sent.end
        return toks

    def _tokens(self, lo: int, hi: int) -> list[Tok]:
        """tokens(self.text, lo, hi), sliced from the kept sentence's tokens when they hold the range.
        P.RE_TOKEN has no look-around, so its tokens of text[lo:hi] are the sentence's own, unless one
        of these crosses lo or hi: then the range is tokenised afresh."""
        if not self._sent_lo <= lo <= hi <= self._sent_hi:
            return tokens(self.text, lo, hi, self.in_range)
        toks = self._sent_toks
        i = bisect_left(toks, (lo, -1))
        if i > 0 and toks[i - 1][1] > lo:
            return tokens(self.text, lo, hi, self.in_range)  # a token crosses lo
        j = bisect_left(toks, (hi, -1), i)
        if j > i and toks[j - 1][1] > hi:
            return tokens(self.text, lo, hi, self.in_range)  # a token crosses hi
        return toks[i:j]

    def _claim(
        self, sent: Sentence, start: int, end: int, rule: str, mention: Mention | None, cue: tuple[int, int]
    ) -> ClaimSpan | None:
        """The claim between start and end once the edges are trimmed (punctuation, an opener, an event
        tail, a concessive aside); a leading complementiser `that` stays, as annotators mark it. None
        under two words after `that`, or when the direct pass owns it."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:"):
            start += 1
        body = start  # where the clause proper starts, after a leading `that`
        # the cheap tests before each pattern hold wherever it can match (see `_folds_plain`)
        m = P.RE_THAT.match(text, start, end) if self.low.startswith("that", start, end) else None
        that = m is not None and self.low[cue[0] : cue[1]] not in C.CUE_OBJECT_AS  # `dismissed that criticism`
        if m is not None and that:
            body = m.end()
        else:
            m = P.RE_OPENER_COMMA.match(text, start, end) if self.low[start : start + 1] in _OPENER_INITIALS else None
            if m is not None:
                start = body = m.end()
        while end > body and text[end - 1] in TRAIL:
            end -= 1
        # An event tail holds no comma but the one it may open with, so it starts at the last comma or after.
        comma = text.rfind(",", body, end)
        lo = max(body, end - P.EVENT_TAIL_WINDOW, comma)
        m = P.RE_EVENT_TAIL.search(text, lo, end) if self._event_lead(lo, end) else None
        if m is not None and m.start() > body:
            end = m.start()
        after_cue = rule in _AFTER_CUE_RULES
        if after_cue and (comma >= 0 or text.find(";", body, end) >= 0):  # each aside opens with a comma or `;`
            m = P.RE_CONCESSIVE.search(text, body, end)
            if m is not None and not self.inside_quote(m.start()) and not _inside_clause(text, body, m.start(), m.end(), end):
                end = m.start()  # `X claimed that A, although he refused B`: the aside is the writer's
        # enough words to tell a claim of two words and a lone adjunct phrase (of _MAX_ADJUNCT_WORDS)
        words = text[body:end].split(maxsplit=_MAX_ADJUNCT_WORDS + 1)
        if len(words) < 2:
            return None
        if after_cue and adjunct_only(words):
            return None  # `…," Costa reported from Washington.`, `she wrote in her memo`: where, not what

        k = bisect_left(self.qstarts, body)  # quotes_between, inlined: most claims hold no quote
        qs = self.quotes[k : bisect_left(self.qstarts, end, k)] if k < len(self.qstarts) and self.qstarts[k] < end else []
        kind = "mixed" if qs else "indirect"
        if qs and qs[0].start == body and qs[-1].end >= end - 1:
            if rule == "according-to" and len(qs) == 1:
                # `According to Limbaugh, "…"`: the quote itself is the claim, a direct one.
                q = qs[0]
                return ClaimSpan(q.start, q.end, "direct", cue[0], cue[1], mention, rule, RULE_CONFIDENCE[rule], sent)
            if not that:
                return None  # all quoted: the direct pass owns it
            # `told Fox that "…"`: a quote inside reported speech, a mixed claim
        return ClaimSpan(start, end, kind, cue[0], cue[1], mention, rule, RULE_CONFIDENCE[rule], sent)

    def _event_lead(self, lo: int, end: int) -> bool:
        """Whether text[lo:end] holds the opening words of an event tail (a cheap test before P.RE_EVENT_TAIL)."""
        if not self._folds_plain:
            return P.RE_EVENT_TAIL_HINT.search(self.text, lo, end) is not None
        m = _RE_EVENT_LEADS.search(self.low, lo + 1, end)
        while m is not None and not self.low[m.start() - 1].isspace():
            m = _RE_EVENT_LEADS.search(self.low, m.start() + 1, end)
        return m is not None

    def _verb_cue(self, cue: tuple[int, int]) -> bool:
        """Whether a cue word works as a reporting verb here (reported speech only)."""
        low = self.low[cue[0] : cue[1]]
        if low in C.CUE_QUOTE_ONLY:
            return False
        # the first letter's case first, for speed: a cue word's letters are all cased
        if self.text[cue[0]].isupper() and cue[1] - cue[0] > 1 and self.text[cue[0] : cue[1]].isupper():
            return False  # an all-capitals heading: "HE'S BEEN CALLED OUT BY FELLOW DOCTORS"
        lo = max(0, cue[0] - 12)
        if self.low.endswith(_POSSESSIVE_ENDS, lo, cue[0]) and self.text.endswith(_POSSESSIVE_ENDS, lo, cue[0]):
            return False  # a noun after a possessive: "Editor's note"
        if self._word_before(cue[0], lo) in _NOUN_DETERMINERS:
            return False  # a noun after a determiner: "studied the report", "a promise"
        if low.startswith("call") and " " not in low:
            nxt = P.RE_NEXT_WORD.match(self.text, cue[1])
            if nxt is not None and nxt.group(1).lower() in C.CALL_PARTICLES:
                return False  # "called into the show"
        return True

    def _content_from(self, cue: tuple[int, int], end: int) -> int:
        """Where the content after a cue starts: past its hearer (`told Reuters`, `asked the mayor`) and
        the adjuncts of the saying (`in a statement`, `on Monday`)."""
        start = cue[1]
        if self.low[cue[0] : cue[1]] in C.CUE_WITH_HEARER:
            start = self._after_hearer(self._tokens(cue[1], min(end, cue[1] + _AFTER_CUE_WINDOW)), cue[1])
        adjunct = P.RE_CUE_ADJUNCT.match(self.text, start, end) if self._may_open(_RE_ADJUNCT_LEAD, start) else None
        if adjunct is not None:
            start = adjunct.end()
        prep = P.RE_CUE_PREPOSITION.match(self.text, start, end) if self._may_open(_RE_PREPOSITION_LEAD, start) else None
        return prep.end() if prep is not None else start

    def _may_open(self, lead: re.Pattern[str], pos: int) -> bool:
        """Whether the words at pos may open a match of the pattern whose first words `lead` finds
        on the lower-cased text (a cheap test before a `regex` pattern; see `_folds_plain`)."""
        return not self._folds_plain or lead.match(self.low, pos) is not None

    def _after_hearer(self, toks: list[Tok], pos: int) -> int:
        """Where the content starts after `told Reuters`, `told reporters`, `asked the mayor whether`."""
        k = tok_at(toks, pos, after=True)
        if k is None:
            return pos
        text, lower = self.text, self.low
        relative = False  # inside a relative clause on the hearer: `told reporters who had gathered …`
        for j in range(k, min(k + _MAX_HEARER, len(toks))):
            s, e = toks[j]
            low = lower[s:e]
            if low in _CLAUSE_LEADS:
                return s  # `told voters that …`, `asked the former governor whether …`
            if low in _DIRECTIVE_LEADS:
                return pos  # `told her to leave`, `warned China against …`: the hearer is part of the claim
            relative = relative or (j > k and low in ("who", "whom"))
            if (low in _CLAUSE_MARKERS and not relative) or (not text[s].isalnum() and low != "," and not abbreviation_dot(text, toks, j)):
                break  # a verb or a pronoun subject: the content has begun (`told reporters he was …`)
            if j > k and low in _NP_LEADS and lower[toks[j - 1][0] : toks[j - 1][1]] not in _PLACE_PREPOSITIONS:
                break  # a new noun phrase, not after a preposition: the content's subject (`told reporters the report that …`)
        s, e = toks[k]
        if text[s].isupper():
            # a capitalised name, its title's period included: `told Mr. Ruiz the …`
            while k + 1 < len(toks) and (text[toks[k + 1][0]].isupper() or abbreviation_dot(text, toks, k + 1)):
                k += 1
            return toks[k][1]
        w = lower[s:e]
        if w in _HEARERS:
            return e
        if w in ("the", "a", "an", "his", "her", "their") and k + 1 < len(toks):
            return toks[k + 1][1]
        return pos

    def _word_before(self, pos: int, lo: int) -> str:
        """The letters just before the spaces that end at pos, within the text from lo, lower-cased
        ("" when none). Read in place: one slice."""
        low = self.low
        j = pos
        while j > lo and low[j - 1].isspace():
            j -= 1
        if j == pos or j == lo:
            return ""
        i = j
        while i > lo and low[i - 1].isalpha():
            i -= 1
        return low[i:j]

    def _according(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`According to X, CONTENT.` / `CONTENT, according to X.`: the source runs to the next comma."""
        after = tok_at(toks, cue[1], after=True)
        if after is None:
            return None
        j = after
        while j < len(toks) and self.text[toks[j][0]] not in ",;:.!?" and j - after < 16:
            j += 1
        if j == after or not self.text[toks[after][0]].isalnum():
            return None
        named = mention_after(self.text, toks, after)
        m = named or Mention(toks[after][0], toks[j - 1][1])
        if m.appos_start is None and j < len(toks) and self.text[toks[j][0]] == ",":
            k = j + 1
            while k < len(toks) and self.text[toks[k][0]] not in ",;:.!?" and k - j <= 6:
                k += 1
            if k < len(toks) and k > j + 1 and self.text[toks[k][0]] == ",":
                m = Mention(m.start, m.end, toks[j + 1][0], toks[k - 1][1])  # a candidate `, Name,` aside
        if self._at_start(sent.start, cue[0]):
            content_from = toks[j][0] if j < len(toks) else sent.end
            if m.appos_end is not None and self._name_aside(m):
                # `According to the harbour master, Priya Sethi, forty-one vessels …`
                content_from = m.appos_end
            else:
                m = Mention(m.start, m.end)  # `According to X, the terminal …`: what follows the comma is content
            return self._claim(sent, content_from, sent.end, "according-to", m, cue)
        if ct > 0 and self.text[toks[ct - 1][0]] == ",":
            # `Over the long term, according to the budget office, the rise in …`: the aside's far side is
            # the claim; `_reported_in` adds the near side unless it is a lone adjunct.
            close = named.appos_end if named is not None and named.appos_end is not None else toks[j - 1][1]
            comma = tok_at(toks, close, after=True)
            if comma is not None and self.text[toks[comma][0]] == "," and self._far_side(sent, toks, ct, comma):
                far = self._claim(sent, toks[comma + 1][0], sent.end, "according-to", Mention(m.start, m.end), cue)
                if far is not None:
                    return far
            return self._claim(sent, sent.start, toks[ct - 1][0], "according-to", m, cue)
        if ct > 0 and named is not None and all(not self.text[t[0]].isalnum() for t in toks[j:]):
            # `Clinton leads by 271 delegates according to a count by the AP.`: a source closing the sentence
            return self._claim(sent, sent.start, toks[ct][0], "according-to", m, cue)
        return None

    def _far_side(self, sent: Sentence, toks: list[Tok], ct: int, comma: int) -> bool:
        """Whether the clause after `, according to X,` completes the sentence: the near side is only a
        short phrase or a subordinate clause (`Over the long term`, `While most were cleared`), and the far
        side opens no appositive, relative clause, participle or afterthought (`, a start-up that …`)."""
        near = self.text[sent.start : toks[ct][0]].split()
        far = [self.text[t[0] : t[1]] for t in toks[comma + 1 :] if self.text[t[0]].isalnum()]
        if len(far) < 3 or not (len(near) <= _MAX_NEAR_SIDE or near[0].lower() in SUBORDINATORS):
            return False
        first = far[0].lower()
        return first not in _NOT_FAR_LEADS and not first.endswith("ing")

    def _name_aside(self, m: Mention) -> bool:
        """The appositive is a proper name of two to five capitalised words, closed by a comma."""
        assert m.appos_start is not None and m.appos_end is not None
        words = self.text[m.appos_start : m.appos_end].split()
        closed = self.text[m.appos_end : m.appos_end + 1] == ","
        return closed and 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)

    def _nominal(self, sent: Sentence) -> ClaimSpan | None:
        """`Politifact seized on Trump's claim that there have been "thousands of shootings"`."""
        if not self._noun_before_that(sent.start, sent.end):
            return None  # for speed: most sentences lack the `claim that` every match ends in
        m = P.RE_NOMINAL.search(self.text, sent.start, sent.end)
        if m is None or self.inside_quote(m.start()):
            return None
        end = sent.end
        for comma in P.RE_CLAUSE_COMMA.finditer(self.text, m.end(), sent.end):
            if not self.inside_quote(comma.start()):
                end = comma.start()
                break
        owner = m.span("owner")
        name_end = owner[1] - 2 if self.text[owner[0] : owner[1]].endswith(S.POSSESSIVE_ENDINGS) else owner[1]
        span = self._claim(sent, m.start("that"), end, "nominal", Mention(owner[0], name_end), m.span("noun"))
        return span

    def _noun_before_that(self, lo: int, hi: int) -> bool:
        """Whether one of P.RE_NOMINAL's nouns and a space stand before a `that` in text[lo:hi]: a
        cheap test before the pattern, which is slow on long sentences."""
        text = self.text
        q = text.find("that", lo, hi)
        while q >= 0:
            j = q
            while j > lo and text[j - 1].isspace():
                j -= 1
            if j < q and text[max(lo, j - _LONGEST_CLAIM_NOUN) : j].endswith(_CLAIM_NOUNS):
                return True
            q = text.find("that", q + 1, hi)
        return False

    def _colon_blocks(self) -> list[ClaimSpan]:
        """`The governor added:` closing a paragraph makes the next, unquoted paragraph its claim."""
        out: list[ClaimSpan] = []
        for pi in range(len(self.paras) - 1):
            ps, pe = self.paras[pi]
            ns, ne = self.paras[pi + 1]
            if self.text[pe - 1] != ":" or P.RE_QUOTE_MARK.match(self.text, ns):
                continue
            found = self._intro_at(ps, pe - 1)
            if found is None:
                continue
            _, m, cue = found
            sent = Sentence(ns, ne, pi + 1)
            span = self._claim(sent, ns, ne, "colon-block", m, cue)
            if span is not None:
                out.append(span)
        return out


def has_clause(words: list[str]) -> bool:
    """The words open with `that` or hold a finite verb or a subject pronoun: a clause was reported,
    not an object (`who said he would run`, not `who wrote the profile`)."""
    return bool(words) and (words[0].lower() == "that" or any(w.lower() in _CLAUSE_MARKERS for w in words))


def adjunct_only(words: list[str]) -> bool:
    """The words are a short prepositional phrase with no clause: `from his office in Orlando`, not
    `in 2015 the mill was sold`."""
    return (
        0 < len(words) <= _MAX_ADJUNCT_WORDS
        and words[0].lower() in _ADJUNCT_PREPOSITIONS
        and not any(w.endswith(",") or w.lower() in _CLAUSE_MARKERS for w in words)
    )
