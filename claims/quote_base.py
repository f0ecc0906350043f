"""What the quote finders share: the claim span they produce, the confidence of each rule, and
the questions both ask of a sentence (cues in a range, inside a quote, where a clause starts, the
speaker before a cue)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from claims import patterns as P
from claims.noun_phrases import Tok
from claims.phrases import Mention, mention_after, mention_before, strip_auxiliaries
from claims.text import Quote, Sentence, in_fast_ranges, tokens

# Rules in the order they run, with the confidence a claim found by each starts from.
RULE_CONFIDENCE = {
    "quote-speaker-cue": 0.95,  # "…," Dehghan said.
    "quote-cue-speaker": 0.93,  # "…," said Dehghan.
    "quote-intro": 0.9,  # Dehghan said: "…"
    "quote-split": 0.9,  # "A," she said, "B."
    "quote-floating": 0.75,  # a quote sentence after an attributed one inherits its speaker
    "quote-unattributed": 0.3,  # a long quote sentence with no speaker in sight
    "colon-block": 0.6,  # The governor added: <next paragraph>
    "reported-speaker-first": 0.8,  # Dehghan has said his country is ready …
    "reported-speaker-last": 0.85,  # …, the United Nations said on Monday.
    "reported-cue-speaker": 0.85,  # …, said the minister.
    "reported-parenthetical": 0.7,  # A, X said, B.
    "according-to": 0.85,  # according to X, …
    "reported-participle": 0.7,  # …, adding that …
    "reported-coordinated": 0.75,  # X accused … and asserted that …
    "reported-relative": 0.65,  # voters who said the economy was weak
    "reported-subordinate": 0.65,  # …, though she acknowledged it was unlikely
    "asked": 0.6,  # Asked whether the port would close, …
    "nominal": 0.6,  # his claim that …
}
# How far back the clause-start test looks (characters): keeps it linear on endless sentences.
_CLAUSE_WINDOW = 80
# A tail after the cue longer than this is a new clause, not "said on Monday in a statement".
MAX_TAIL = 14
TRAIL = ".!?;:,—–- \t"
QUOTE_CLOSE = "\"'”’»"

# P.RE_CUE_AFTER's scan, in a fifth fewer instructions on the fixture articles (callgrind). `re` finds a
# one-character literal prefix with a tight loop, but tests a class prefix against each character.
# So the text is copied one byte a character (latin-1, `?` for what lies beyond it) through a table
# that turns every separator (P.RE_CUE_AFTER's first class) into a space and every other non-ASCII
# character into `_`, and cues are found after a literal space there. Every cue P.RE_CUE_AFTER finds is
# found there too (cue words are ASCII; ASCII letters map to themselves and nothing else maps to a
# letter); a find where a space may stand for another character, or whose next character lies beyond
# latin-1, is checked against P.RE_CUE_AFTER at the same place.
if not all(form.isascii() for form in P.CUE_FORMS):
    raise ValueError("cue words must be ASCII for the byte-copy scan below")
_RE_SEPARATOR = re.compile(r"[^\w’'\-]")
_SEPARATORS_TO_SPACE = bytes(
    0x20 if _RE_SEPARATOR.fullmatch(chr(b)) else b if b < 0x80 else ord("_") for b in range(256)
)
_RE_CUE_AFTER_SPACE = re.compile(rb" (?P<cue>" + P.trie(P.CUE_FORMS).encode() + rb")(?![\w\-])")


def _cues_after_space(low: str, start: int) -> list[tuple[int, int]] | None:
    """P.RE_CUE_AFTER's cue spans in low[start:], or None when a find fails the check (`’said`: that
    apostrophe is no separator), for the pattern itself to scan instead."""
    raw = low.encode("latin-1", "replace").translate(_SEPARATORS_TO_SPACE)
    n = len(low)
    spans: list[tuple[int, int]] = []
    for m in _RE_CUE_AFTER_SPACE.finditer(raw, start):
        s, e = m.span("cue")
        if low[s - 1] != " " or (e < n and ord(low[e]) > 0xFF) or raw.find(b" ", s, e) >= 0:
            exact = P.RE_CUE_AFTER.match(low, s - 1)
            if exact is None or exact.span("cue") != (s, e):
                return None
        spans.append((s, e))
    return spans


def _cue_spans(low: str) -> list[tuple[int, int]]:
    """Every cue in the lower-cased text, as P.RE_CUE then P.RE_CUE_AFTER find them."""
    first = P.RE_CUE.match(low)
    start = 0 if first is None else first.end()
    spans = _cues_after_space(low, start)
    if spans is None:
        spans = [m.span("cue") for m in P.RE_CUE_AFTER.finditer(low, start)]
    return spans if first is None else [first.span(), *spans]


# init=False: see text.Quote
@dataclass(frozen=True, slots=True, init=False)
class ClaimSpan:
    """A claim before speaker resolution: content and cue offsets, the speaker phrase, the rule."""

    start: int
    end: int
    kind: str
    cue_start: int | None
    cue_end: int | None
    mention: Mention | None
    rule: str
    confidence: float
    sentence: Sentence
    inherit: bool = False  # shares the speaker of the previous quote claim
    continued: bool = False  # a quote piece whose paragraph ends inside the quote: the next piece goes on

    def __init__(
        self,
        start: int,
        end: int,
        kind: str,
        cue_start: int | None,
        cue_end: int | None,
        mention: Mention | None,
        rule: str,
        confidence: float,
        sentence: Sentence,
        inherit: bool = False,
        continued: bool = False,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "cue_start", cue_start)
        object.__setattr__(self, "cue_end", cue_end)
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "inherit", inherit)
        object.__setattr__(self, "continued", continued)


class FinderBase:
    """Scans one article: its paragraphs, quotes, sentences and cue positions."""

    def __init__(
        self,
        text: str,
        paras: list[tuple[int, int]],
        quotes: list[Quote],
        sents: list[Sentence],
        in_range: bool | None = None,
    ):
        self.text = text
        self.paras = paras
        self.quotes = quotes
        self.qstarts = [q.start for q in quotes]
        self.sents = sents
        # tokens() need not check each range (see text.tokens); the caller may have found it already
        self.in_range = in_fast_ranges(text) if in_range is None else in_range
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased: keep offsets exact
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        self.low = low  # the text lower-cased, offsets unchanged: a word's lower case is a slice of it
        self.cues = _cue_spans(low)
        self.cstarts = [c[0] for c in self.cues]
        self.whos = [m.start() for m in P.RE_WHO.finditer(text)]

    def cues_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.cues[bisect_left(self.cstarts, start) : bisect_left(self.cstarts, end)]

    def inside_quote(self, pos: int) -> bool:
        k = bisect_left(self.qstarts, pos + 1) - 1
        return k >= 0 and self.quotes[k].start < pos < self.quotes[k].end

    def _para_of(self, pos: int) -> int:
        return bisect_left(self.paras, (pos + 1, -1)) - 1

    def _short_tail(self, toks: list[Tok], m: Mention) -> bool:
        end = m.appos_end or m.end
        return len(toks) - bisect_left(toks, (end, -1)) <= MAX_TAIL

    def _attribution_before(self, lo: int, hi: int) -> Mention | None:
        """The speaker of a `, X said,` attribution between lo and hi, if there is one."""
        cues = [c for c in self.cues_in(lo, hi) if not self.inside_quote(c[0])]
        if not cues:
            return None
        toks, _, m = self._speaker_before(lo, cues[-1])
        if m is None:
            return None
        k = tok_at(toks, m.start)
        return m if k is not None and k > 0 and self._comma_before(toks, k) else None

    def _speaker_before(self, lo: int, cue: tuple[int, int]) -> tuple[list[Tok], int, Mention | None]:
        """Tokens from lo to the cue, where the cue's auxiliaries start, and the speaker phrase before them."""
        toks = tokens(self.text, lo, cue[0], self.in_range)
        aux = strip_auxiliaries(self.text, toks, len(toks))
        return toks, aux, mention_before(self.text, toks, aux)

    def _subject(self, lo: int, hi: int) -> Mention | None:
        """The subject at the start of a clause: after openers and one leading phrase closed by a comma."""
        toks = tokens(self.text, lo, hi, self.in_range)
        k = 0
        while k < len(toks) and self.text[toks[k][0] : toks[k][1]].lower() in OPENERS:
            k += 1
        commas = [i for i, t in enumerate(toks[:14]) if self.text[t[0]] == ","]
        if commas and k < len(toks):
            first = self.text[toks[k][0] : toks[k][1]]
            if first.lower() in SUBORDINATORS | PREPOSITIONS or (commas[0] == k + 1 and first.endswith(("ed", "ing"))):
                k = commas[0] + 1  # `On Thursday, Trump …`, `Chastened, Trump …`: the subject follows the comma
        m = mention_after(self.text, toks, k)
        if m is None and commas:
            m = mention_after(self.text, toks, commas[0] + 1)
        return m

    def _intro_at(self, lo: int, colon: int) -> tuple[str, Mention, tuple[int, int]] | None:
        cues = self.cues_in(lo, colon)
        if not cues or self.text[cues[-1][1] : colon].strip():
            return None
        cue = cues[-1]
        toks, aux, m = self._speaker_before(lo, cue)
        if m is None:
            return None
        return "quote-intro", m, (toks[aux][0] if aux < len(toks) else cue[0], cue[1])

    def _starts_clause(self, lo: int, start: int) -> bool:
        """Only openers, a phrase closed by a comma, a conjunction or a short leading
        prepositional phrase (`On Wednesday Cruz said …`) stand before the speaker.
        Looks at a bounded window before the speaker, so a long sentence costs nothing extra."""
        whole = start - lo <= _CLAUSE_WINDOW
        before = self.text[max(lo, start - _CLAUSE_WINDOW) : start].strip().rstrip(QUOTE_CLOSE)
        if not before or before.endswith((",", ":", ";", "—", "–", "-", "\N{HORIZONTAL BAR}")):
            return True
        words = before.split()
        if words[-1].lower() in CLAUSE_LINKS:
            return True
        if not whole:
            return False
        if words[0].lower() in PREPOSITIONS and len(words) <= 6 and not any(w.endswith((",", ".")) for w in words):
            return True
        return all(w.strip(",").lower() in OPENERS for w in words)

    def _at_start(self, lo: int, start: int) -> bool:
        """Nothing but sentence openers stand before this position."""
        if start - lo > _CLAUSE_WINDOW:
            return False
        return all(w.strip(",").lower() in OPENERS for w in self.text[lo:start].split())

    def _comma_before(self, toks: list[Tok], k: int) -> bool:
        """A comma ends the content before toks[k]: `…, X said` or `… "quote," X said`."""
        prev = self.text[toks[k - 1][0]]
        return prev == "," or (prev in QUOTE_CLOSE and self._quote_before(toks, k))

    def _quote_before(self, toks: list[Tok], k: int) -> bool:
        """A quote closed by its comma stands just before toks[k]: `"…," X said`, `''…,'' X said`."""
        if self.text[toks[k - 1][0]] not in QUOTE_CLOSE:
            return False
        j = k - 1
        while j > 0 and k - j <= 2 and self.text[toks[j][0]] in QUOTE_CLOSE:
            j -= 1
        return j < k - 1 and self.text[toks[j][0]] == ","


# Words that open a subordinate clause: the main clause, and so the content, comes after.
SUBORDINATORS = frozenset(
    "after although as because before during for if in on since speaking unlike when whereas while".split()
)
# Words that cannot lead a speaker phrase: they start a clause.
CLAUSE_LEADS = frozenset(
    "and but or so then when while which who that as if because although after before since is was".split()
)
CLAUSE_LINKS = frozenset(
    "and but while although because since so yet when after though whereas which who where if as".split()
)
PREPOSITIONS = frozenset("on in at during after before last this earlier in".split())
OPENERS = frozenset(
    "also and but earlier however later meanwhile moreover separately so still then yet previously now "
    "instead finally additionally indeed overall today yesterday even".split()
)


def tok_at(toks: list[Tok], pos: int, after: bool = False) -> int | None:
    """Index of the token starting at pos, or with after=True the first token starting at or after it."""
    k = bisect_left(toks, (pos, -1))
    if k < len(toks) and (after or toks[k][0] == pos):
        return k
    return None
