"""Finds direct, mixed and reported-speech claims in an article, as offset spans with their cue
and speaker phrase. Ordered passes, surest first: quotes with adjacent attribution, then quotes
that inherit a speaker, then reported speech; each claim records the rule that found it."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from claims import patterns as P
from claims.lexicon import cues as C
from claims.phrases import Mention, Tok, mention_after, mention_before, strip_auxiliaries
from claims.text import Quote, Sentence, quotes_between, tokens

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
    "nominal": 0.6,  # his claim that …
}
# How far back the clause-start test looks (characters): keeps it linear on endless sentences.
_CLAUSE_WINDOW = 80
# Words that open a clause of their own after a cue.
_CLAUSE_SUBJECTS = frozenset("that he she they it we i you there this".split())
# Words that may follow `X said` in a sentence that is only an attribution ("said on Tuesday").
_MAX_ATTRIBUTION_TAIL = 6
# A tail after the cue longer than this is a new clause, not "said on Monday in a statement".
_MAX_TAIL = 14
# A floating quote inherits a speaker only from an attributed quote this many sentences back.
_FLOAT_WINDOW = 5
# An unattributed quote shorter than this many words is mostly a title or scare quote (GGT).
_MIN_UNATTRIBUTED_WORDS = 6
_TRAIL = ".!?;:,—–- \t"
QUOTE_CLOSE = "\"'”’»"


@dataclass(frozen=True, slots=True)
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


class _Finder:
    def __init__(self, text: str, paras: list[tuple[int, int]], quotes: list[Quote], sents: list[Sentence]):
        self.text = text
        self.paras = paras
        self.quotes = quotes
        self.qstarts = [q.start for q in quotes]
        self.sents = sents
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased: keep offsets exact
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        self.cues = [m.span() for m in P.RE_CUE.finditer(low)]
        self.cstarts = [c[0] for c in self.cues]
        # (toks, aux, mention) of the last _speaker_last: _speaker_first asks the same question next
        self._last_mention: tuple[list[Tok], int, Mention | None] | None = None

    def cues_in(self, start: int, end: int) -> list[tuple[int, int]]:
        return self.cues[bisect_left(self.cstarts, start) : bisect_left(self.cstarts, end)]

    def inside_quote(self, pos: int) -> bool:
        k = bisect_left(self.qstarts, pos + 1) - 1
        return k >= 0 and self.quotes[k].start < pos < self.quotes[k].end

    # ------------------------------------------------------------------ direct quotes

    def direct(self) -> tuple[list[ClaimSpan], set[int]]:
        out: list[ClaimSpan] = []
        consumed: set[int] = set()
        last_attributed = -(10**9)
        for si, sent in enumerate(self.sents):
            qs = quotes_between(self.quotes, self.qstarts, sent.start, sent.end)
            split_from: ClaimSpan | None = None
            for qi, q in enumerate(qs):
                lo = qs[qi - 1].end if qi else sent.start
                hi = qs[qi + 1].start if qi + 1 < len(qs) else sent.end
                # `"…," X said` only when the quote opens its sentence (or follows the previous quote):
                # `He thinks the plan "is a misguided approach," Burman said` is one mixed claim.
                before = self.text[lo : q.start].strip(" —–-")
                opens = not before.strip(",") or (before.endswith(",") and len(before.split()) <= 5)
                found = (self._after(q, hi) if opens else None) or self._intro(q, lo)
                if found is None and qi + 1 == len(qs) and self._bare_after(q, hi) and si + 1 < len(self.sents):
                    found = self._after_next(q, self.sents[si + 1])
                    if found is not None:
                        consumed.add(si + 1)
                if found is None and lo == sent.start == q.start and qi == 0:
                    found = self._colon_intro(sent)
                if found is not None:
                    rule, mention, cue = found
                    split_from = self._span(q, sent, rule, mention, cue)
                    out.append(split_from)
                    if not (rule == "quote-intro" and self.text[cue[0] : cue[1]].lower().endswith("ing")):
                        consumed.add(si)  # a participle's quote leaves the main clause to the reported pass
                    last_attributed = si
                    continue
                if split_from is not None and self._continues_split(lo, q, hi):
                    # `"A," she said, "B."` and `"A," Tester said, referring to X, "B."`: B shares the speaker.
                    out.append(self._span(q, sent, "quote-split", None, None, inherit=True))
                    continue
                if self.text[lo : q.start].strip(" ,") or not self._bare_after(q, hi):
                    continue  # embedded in a sentence: a mixed claim or a scare quote, not direct
                if si - last_attributed <= _FLOAT_WINDOW and out:
                    out.append(self._span(q, sent, "quote-floating", None, None, inherit=True))
                    consumed.add(si)
                    last_attributed = si
                elif len(self.text[q.start : q.end].split()) >= _MIN_UNATTRIBUTED_WORDS:
                    out.append(self._span(q, sent, "quote-unattributed", None, None))
                    consumed.add(si)
        return out, consumed

    def _continues_split(self, lo: int, q: Quote, hi: int) -> bool:
        """The second half of a split quote: only a short attribution, closed by a comma or colon,
        stands between it and the first half, and nothing but punctuation follows it."""
        between = self.text[lo : q.start].strip()
        return (
            between.endswith((",", ":", "—"))
            and len(between.split()) <= _MAX_TAIL
            and self._bare_after(q, hi)
        )

    def _after_next(self, q: Quote, nxt: Sentence) -> tuple[str, Mention, tuple[int, int]] | None:
        """`"…?" Clinton said.` split off as its own sentence: the next sentence is only the attribution."""
        if nxt.para != self._para_of(q.start) or not self.text[q.start : q.end].rstrip(QUOTE_CLOSE).endswith(("?", "!", ".")):
            return None
        qs = quotes_between(self.quotes, self.qstarts, nxt.start, nxt.end)
        hi = qs[0].start if qs else nxt.end
        found = self._after(q, hi)
        if found is None:
            return None
        # Only the attribution: `Clinton said.`, `said Clinton, the nominee.`, `she told reporters.`
        after = found[1].appos_end or found[1].end
        words = self.text[max(after, found[2][1]) : hi].split()
        if len(words) > _MAX_ATTRIBUTION_TAIL or any(w.lower().strip(".,") in _CLAUSE_SUBJECTS for w in words):
            return None  # `She says he is unqualified.` is a claim of its own, not the quote's attribution
        return found

    def _para_of(self, pos: int) -> int:
        return bisect_left(self.paras, (pos + 1, -1)) - 1

    def _span(
        self, q: Quote, sent: Sentence, rule: str, mention: Mention | None, cue: tuple[int, int] | None,
        inherit: bool = False,
    ) -> ClaimSpan:
        conf = RULE_CONFIDENCE[rule] * (1.0 if q.closed else 0.8)
        end = q.end
        if not q.closed:
            while end > q.start and self.text[end - 1] in " \t":
                end -= 1
        return ClaimSpan(
            q.start, end, "direct", cue[0] if cue else None, cue[1] if cue else None, mention, rule, conf, sent,
            inherit, q.continued,
        )

    def _bare_after(self, q: Quote, hi: int) -> bool:
        return not self.text[q.end : hi].strip(_TRAIL + "\"'”’")

    def _after(self, q: Quote, hi: int) -> tuple[str, Mention, tuple[int, int]] | None:
        """`"…," X said` or `"…," said X` in the text between the quote and the next one."""
        toks = tokens(self.text, q.end, hi)
        lead = 0
        while lead < len(toks) and self.text[toks[lead][0]] in ",—–-":
            lead += 1
        for cue in self.cues_in(q.end, hi)[:1]:
            if self.text[cue[0] : cue[1]].lower() in C.CUE_OBJECT_AS:
                return None  # `"Lyin' Ted," Trump called him`: a label, not a quote
            ct = _tok_at(toks, cue[0])
            if ct is None or ct - lead > 24 or self.text[cue[0] : cue[1]].lower() == "according to":
                return None
            aux = strip_auxiliaries(self.text, toks, ct)
            cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
            if aux == lead:
                after = _tok_at(toks, cue[1], after=True)
                m = mention_after(self.text, toks, after) if after is not None else None
                return ("quote-cue-speaker", m, cue_span) if m is not None else None
            m = mention_before(self.text, toks, aux, relative=True)
            if m is not None and m.start != toks[lead][0]:
                # `"…," panel Chairman Rep. Jason Chaffetz said`: one or two plain words lead the phrase.
                k = _tok_at(toks, m.start)
                gap = [self.text[t[0] : t[1]] for t in toks[lead:k]] if k is not None else []
                if 0 < len(gap) <= 2 and all(w.isalpha() and w.islower() and w not in _CLAUSE_LEADS for w in gap):
                    m = Mention(toks[lead][0], m.end, m.appos_start, m.appos_end)
            if m is not None and m.start == toks[lead][0]:
                return "quote-speaker-cue", m, cue_span
        return None

    def _short_tail(self, toks: list[Tok], m: Mention) -> bool:
        end = m.appos_end or m.end
        return len(toks) - bisect_left(toks, (end, -1)) <= _MAX_TAIL

    def _intro(self, q: Quote, lo: int) -> tuple[str, Mention, tuple[int, int]] | None:
        """`X said: "…"`, `X told reporters, "…"`, `…, saying, "…"`, `Said Ellis: "…"`."""
        cues = self.cues_in(lo, q.start)
        if not cues:
            return None
        cue = cues[-1]
        rest = self.text[cue[1] : q.start].strip()
        word = self.text[cue[0] : cue[1]].lower()
        if word in C.CUE_OBJECT_AS:
            return None  # `what Trump called "Lyin' Ted"`: a label the speaker gave, part of a mixed claim
        punct = rest.endswith((":", ","))
        if rest not in ("", ":", ","):
            toks_after = tokens(self.text, cue[1], q.start)
            m_after = mention_after(self.text, toks_after, 0) if toks_after else None
            if punct and m_after is not None and self.text[lo : cue[0]].strip() == "" and word in ("said", "says"):
                return "quote-intro", m_after, cue  # Said Ellis: "…"
            if not (punct and (word in C.CUE_WITH_HEARER or len(rest.split()) <= 3)):
                return None
        toks = tokens(self.text, lo, cue[0])
        aux = strip_auxiliaries(self.text, toks, len(toks))
        cue_span = (toks[aux][0] if aux < len(toks) else cue[0], cue[1])
        if word.endswith("ing") and self.text[lo : cue[0]].rstrip().endswith(","):
            # `…, Spicer said, adding, "…"`: the speaker of the attribution before the participle;
            # else `Trump attacked Clinton, saying, "…"`: the clause's subject speaks.
            m = self._attribution_before(lo, cue[0]) or self._subject(lo, cue[0])
            return ("quote-intro", m, cue_span) if m is not None else None
        m = mention_before(self.text, toks, aux, relative=True)
        if m is None:
            return None
        if not punct and not self._starts_clause(lo, m.start):
            return None
        return "quote-intro", m, cue_span

    def _attribution_before(self, lo: int, hi: int) -> Mention | None:
        """The speaker of a `, X said,` attribution between lo and hi, if there is one."""
        cues = [c for c in self.cues_in(lo, hi) if not self.inside_quote(c[0])]
        if not cues:
            return None
        toks, _, m = self._speaker_before(lo, cues[-1])
        if m is None:
            return None
        k = _tok_at(toks, m.start)
        return m if k is not None and k > 0 and self._comma_before(toks, k) else None

    def _speaker_before(self, lo: int, cue: tuple[int, int]) -> tuple[list[Tok], int, Mention | None]:
        """Tokens from lo to the cue, where the cue's auxiliaries start, and the speaker phrase before them."""
        toks = tokens(self.text, lo, cue[0])
        aux = strip_auxiliaries(self.text, toks, len(toks))
        return toks, aux, mention_before(self.text, toks, aux)

    def _subject(self, lo: int, hi: int) -> Mention | None:
        """The subject at the start of a clause: after openers and one leading phrase closed by a comma."""
        toks = tokens(self.text, lo, hi)
        k = 0
        while k < len(toks) and self.text[toks[k][0] : toks[k][1]].lower() in _OPENERS:
            k += 1
        commas = [i for i, t in enumerate(toks[:14]) if self.text[t[0]] == ","]
        if commas and k < len(toks):
            first = self.text[toks[k][0] : toks[k][1]]
            if first.lower() in _SUBORDINATORS | _PREPOSITIONS or (commas[0] == k + 1 and first.endswith(("ed", "ing"))):
                k = commas[0] + 1  # `On Thursday, Trump …`, `Chastened, Trump …`: the subject follows the comma
        m = mention_after(self.text, toks, k)
        if m is None and commas:
            m = mention_after(self.text, toks, commas[0] + 1)
        return m

    def _colon_intro(self, sent: Sentence) -> tuple[str, Mention, tuple[int, int]] | None:
        """A paragraph-opening quote after a paragraph that ends `X added:`."""
        if sent.para == 0 or sent.start != self.paras[sent.para][0]:
            return None
        ps, pe = self.paras[sent.para - 1]
        if self.text[pe - 1] != ":":
            return None
        return self._intro_at(ps, pe - 1)

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
        if not before or before.endswith((",", ":", ";", "—", "–", "-")):
            return True
        words = before.split()
        if words[-1].lower() in _CLAUSE_LINKS:
            return True
        if not whole:
            return False
        if words[0].lower() in _PREPOSITIONS and len(words) <= 6 and not any(w.endswith((",", ".")) for w in words):
            return True
        return all(w.strip(",").lower() in _OPENERS for w in words)

    def _at_start(self, lo: int, start: int) -> bool:
        """Nothing but sentence openers stand before this position."""
        if start - lo > _CLAUSE_WINDOW:
            return False
        return all(w.strip(",").lower() in _OPENERS for w in self.text[lo:start].split())

    # ------------------------------------------------------------------ reported speech

    def reported(self, consumed: set[int]) -> list[ClaimSpan]:
        out: list[ClaimSpan] = []
        for si, sent in enumerate(self.sents):
            if si in consumed:
                continue
            out.extend(self._reported_in(sent))
        out.extend(self._colon_blocks())
        return out

    def _reported_in(self, sent: Sentence) -> list[ClaimSpan]:
        cues = [c for c in self.cues_in(sent.start, sent.end) if not self.inside_quote(c[0]) and self._verb_cue(c)]
        if not cues:
            nominal = self._nominal(sent)
            return [nominal] if nominal is not None else []
        toks = tokens(self.text, sent.start, sent.end)
        main: ClaimSpan | None = None
        last = cues[-1]
        if len(cues) > 1 and self.text[last[0] : last[1]].lower() != "according to":
            # `Clinton had told police that …, the source added.`: an attribution closing the
            # sentence owns everything before it, inner speech verbs included.
            ct = _tok_at(toks, last[0])
            main = self._speaker_last(sent, toks, ct, last) if ct is not None else None
            if main is not None and main.rule != "reported-speaker-last":
                main = None
        for cue in cues if main is None else ():
            ct = _tok_at(toks, cue[0])
            if ct is None:
                continue
            if self.text[cue[0] : cue[1]].lower() == "according to":
                main = self._according(sent, toks, ct, cue)
            else:
                main = self._speaker_last(sent, toks, ct, cue) or self._speaker_first(sent, toks, ct, cue)
            if main is not None:
                break
        if main is None:
            main = self._second_verb(sent, cues)
        if main is None:
            main = self._nominal(sent)
        out = [main] if main is not None else []
        if main is not None and main.rule == "reported-speaker-first":
            second = self._coordinated(sent, cues, main)
            if second is not None:
                out = [second[0], second[1]]
                main = second[0]
        if main is not None and main.rule == "reported-speaker-first" and len(out) == 1:
            split = self._split_participle(sent, cues, main)
            if split is not None:
                return list(split)
        extra = self._participle(sent, toks, cues, main)
        if extra is not None:
            out.append(extra)
        return out

    def _split_participle(
        self, sent: Sentence, cues: list[tuple[int, int]], main: ClaimSpan
    ) -> tuple[ClaimSpan, ClaimSpan] | None:
        """`Delgado dismissed that criticism, arguing that …`: the participle after a comma inside
        the content starts a second claim by the same speaker, and the first ends at the comma."""
        if main.mention is None or main.cue_start is None or main.cue_end is None:
            return None
        for cue in cues:
            if not main.start < cue[0] < main.end or not self.text[cue[0] : cue[1]].lower().endswith("ing"):
                continue
            before = self.text[main.start : cue[0]].rstrip()
            if not before.endswith(",") or self.inside_quote(cue[0]):
                continue
            first = self._claim(sent, main.start, main.start + len(before) - 1, main.rule, main.mention, (main.cue_start, main.cue_end))
            second = self._claim(sent, cue[1], sent.end, "reported-participle", main.mention, cue)
            if first is not None and second is not None:
                return first, second
        return None

    def _name_aside(self, m: Mention) -> bool:
        """The appositive is a proper name of two to five capitalised words, closed by a comma."""
        assert m.appos_start is not None and m.appos_end is not None
        words = self.text[m.appos_start : m.appos_end].split()
        closed = self.text[m.appos_end : m.appos_end + 1] == ","
        return closed and 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words)

    def _verb_cue(self, cue: tuple[int, int]) -> bool:
        """Whether a cue word works as a reporting verb here (reported speech only)."""
        word = self.text[cue[0] : cue[1]]
        low = word.lower()
        if low in C.CUE_QUOTE_ONLY:
            return False
        if len(word) > 1 and word.isupper():
            return False  # an all-capitals heading: "HE'S BEEN CALLED OUT BY FELLOW DOCTORS"
        before = self.text[max(0, cue[0] - 3) : cue[0]]
        if before.endswith(("’s ", "'s ", "s’ ", "s' ")):
            return False  # a noun after a possessive: "Editor's note"
        prev = P.RE_PREV_WORD.search(self.text, max(0, cue[0] - 12), cue[0])
        if prev is not None and prev.group(1).lower() in _NOUN_DETERMINERS:
            return False  # a noun after a determiner: "studied the report", "a promise"
        if low.startswith("call") and " " not in low:
            nxt = P.RE_NEXT_WORD.match(self.text, cue[1])
            if nxt is not None and nxt.group(1).lower() in C.CALL_PARTICLES:
                return False  # "called into the show"
        return True

    def _nominal(self, sent: Sentence) -> ClaimSpan | None:
        """`Politifact seized on Trump's claim that there have been "thousands of shootings"`."""
        m = P.RE_NOMINAL.search(self.text, sent.start, sent.end)
        if m is None or self.inside_quote(m.start()):
            return None
        end = sent.end
        for comma in P.RE_CLAUSE_COMMA.finditer(self.text, m.end(), sent.end):
            if not self.inside_quote(comma.start()):
                end = comma.start()
                break
        owner = m.span("owner")
        name_end = owner[1] - 2 if self.text[owner[0] : owner[1]].endswith(("’s", "'s")) else owner[1]
        span = self._claim(sent, m.end(), end, "nominal", Mention(owner[0], name_end), m.span("noun"))
        return span

    def _coordinated(
        self, sent: Sentence, cues: list[tuple[int, int]], main: ClaimSpan
    ) -> tuple[ClaimSpan, ClaimSpan] | None:
        """`Strada accused X of Y and asserted that Z`: one subject, two cues, two claims."""
        toks: list[Tok] | None = None
        for cue in cues:
            if not main.start < cue[0] < main.end or main.mention is None:
                continue
            speaker = main.mention
            m = P.RE_COORDINATION.search(self.text, max(main.start, cue[0] - 24), cue[0])
            if m is None or m.end() != cue[0]:
                # `X said A, and his deputy said B`: a new subject after the conjunction.
                toks = toks if toks is not None else tokens(self.text, sent.start, sent.end)
                ct = _tok_at(toks, cue[0])
                aux = strip_auxiliaries(self.text, toks, ct) if ct is not None else 0
                other = mention_before(self.text, toks, aux) if ct is not None else None
                if other is None or other.start <= main.start:
                    continue
                m = P.RE_COORDINATION.search(self.text, max(main.start, other.start - 24), other.start)
                if m is None or m.end() != other.start or not self.text[m.start() : m.end()].startswith(","):
                    continue
                speaker = other
            first = self._claim(sent, main.start, m.start(), "reported-speaker-first", main.mention, (main.cue_start or 0, main.cue_end or 0))
            start = cue[1]
            adjunct = P.RE_CUE_ADJUNCT.match(self.text, start, sent.end)
            if adjunct is not None:
                start = adjunct.end()
            second = self._claim(sent, start, sent.end, "reported-coordinated", speaker, cue)
            if first is not None and second is not None:
                return first, second
        return None

    def _participle(
        self, sent: Sentence, toks: list[Tok], cues: list[tuple[int, int]], main: ClaimSpan | None
    ) -> ClaimSpan | None:
        """`…, adding that …`, `…, arguing that …`: a second claim by the subject of the sentence."""
        lo = main.end if main is not None and main.rule != "reported-speaker-first" else sent.start
        for cue in cues:
            word = self.text[cue[0] : cue[1]]
            if cue[0] < lo or not word.endswith("ing") or not self.text[sent.start : cue[0]].rstrip().endswith(","):
                continue
            if main is not None and main.start <= cue[0] < main.end and main.rule == "reported-speaker-first":
                continue  # inside the main claim's content: `_split_participle` ends that claim first
            m = main.mention if main is not None else self._subject(sent.start, cue[0])
            if m is None:
                return None
            return self._claim(sent, cue[1], sent.end, "reported-participle", m, cue)
        return None

    def _claim(
        self, sent: Sentence, start: int, end: int, rule: str, mention: Mention, cue: tuple[int, int]
    ) -> ClaimSpan | None:
        while start < end and self.text[start] in " \t,:":
            start += 1
        that_at = None
        m = P.RE_THAT.match(self.text, start, end)
        object_cue = self.text[cue[0] : cue[1]].lower() in C.CUE_OBJECT_AS  # `dismissed that criticism`
        if m is not None and not object_cue and rule in ("reported-speaker-first", "reported-participle", "reported-coordinated"):
            that_at, start = start, m.end()
        m = P.RE_OPENER_COMMA.match(self.text, start, end)
        if m is not None:
            start = m.end()
        while end > start and self.text[end - 1] in _TRAIL:
            end -= 1
        m = P.RE_EVENT_TAIL.search(self.text, max(start, end - P.EVENT_TAIL_WINDOW), end)
        if m is not None and m.start() > start:
            end = m.start()
        if rule in ("reported-speaker-first", "reported-coordinated", "reported-participle"):
            m = P.RE_CONCESSIVE.search(self.text, start, end)
            if m is not None and not self.inside_quote(m.start()):
                end = m.start()  # `X claimed that A, although he refused B`: the aside is the writer's
        if len(self.text[start:end].split()) < 2:
            return None
        qs = quotes_between(self.quotes, self.qstarts, start, end)
        kind = "mixed" if qs else "indirect"
        if qs and qs[0].start == start and qs[-1].end >= end - 1:
            if rule == "according-to" and len(qs) == 1:
                # `According to Limbaugh, "…"`: the quote itself is the claim, a direct one.
                q = qs[0]
                return ClaimSpan(q.start, q.end, "direct", cue[0], cue[1], mention, rule, RULE_CONFIDENCE[rule], sent)
            if that_at is None:
                return None  # all quoted: the direct pass owns it
            start = that_at  # `told Fox that "…"`: a quote inside reported speech, a mixed claim
        return ClaimSpan(start, end, kind, cue[0], cue[1], mention, rule, RULE_CONFIDENCE[rule], sent)

    def _speaker_last(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`CONTENT, X said (on Monday).`, `CONTENT, said X, a role.` and `A, X said, B.`"""
        aux = strip_auxiliaries(self.text, toks, ct)
        cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
        word = self.text[cue[0] : cue[1]].lower()
        first = mention_before(self.text, toks, aux, relative=True)
        self._last_mention = (toks, aux, first)
        if first is not None and first.appos_start is not None and self._starts_clause(sent.start, first.start):
            return None  # `X, a role, said …`: the speaker opens the sentence
        if aux > 0 and self._comma_before(toks, aux):
            after = _tok_at(toks, cue[1], after=True)
            m = mention_after(self.text, toks, after) if after is not None else None
            if m is None or word not in C.CUE_INVERTIBLE or not self._short_tail(toks, m):
                return None
            return self._claim(sent, sent.start, self._content_end(toks, aux), "reported-cue-speaker", m, cue_span)
        m = first  # mention_before reads `relative` only after a comma, and there is none before the cue here
        if m is None or self.text[m.start : m.end].lower() == "who":
            return None  # `…, who said X`: a relative clause, its content follows the cue
        k = _tok_at(toks, m.start)
        if k is None or k == 0 or not self._comma_before(toks, k):
            return None
        content = k - 1
        tail = toks[bisect_left(toks, (cue[1], -1)) :]
        participle = len(tail) > 1 and self.text[tail[1][0] : tail[1][1]].lower().endswith("ing")
        if tail and self.text[tail[0][0]] == "," and len(tail) > 3 and not participle:
            # `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt.`: keep the longer side.
            after = (tail[1][0], sent.end)
            if len(tail) > content:
                return self._claim(sent, after[0], after[1], "reported-parenthetical", m, cue_span)
            return self._claim(sent, sent.start, toks[content][0], "reported-parenthetical", m, cue_span)
        tail_words = sum(1 for t in tail if self.text[t[0]].isalnum())
        if participle:
            # `…, Spicer said, adding, "…"`: the participle opens a second claim; this one ends at the comma.
            return self._claim(sent, sent.start, self._content_end(toks, k), "reported-speaker-last", m, cue_span)
        if tail_words > _MAX_TAIL or (tail_words >= content and tail_words > 3) or _tail_has_clause(self.text, toks, cue[1]):
            return None
        if self.text[toks[0][0] : toks[0][1]].lower() in _SUBORDINATORS:
            return None  # `When he bought the mine, Clarke said, …`: the content follows the cue
        return self._claim(sent, sent.start, self._content_end(toks, k), "reported-speaker-last", m, cue_span)

    def _second_verb(self, sent: Sentence, cues: list[tuple[int, int]]) -> ClaimSpan | None:
        """`Trump bemoaned the unrest and said he thought …`: the cue is the second verb of the
        sentence's subject."""
        for cue in cues:
            m = P.RE_COORDINATION.search(self.text, max(sent.start, cue[0] - 24), cue[0])
            if m is None or m.end() != cue[0] or m.start() <= sent.start:
                continue
            subject = self._subject(sent.start, m.start())
            if subject is None or subject.start >= m.start():
                continue
            start = cue[1]
            adjunct = P.RE_CUE_ADJUNCT.match(self.text, start, sent.end)
            if adjunct is not None:
                start = adjunct.end()
            return self._claim(sent, start, sent.end, "reported-coordinated", subject, cue)
        return None

    def _comma_before(self, toks: list[Tok], k: int) -> bool:
        """A comma ends the content before toks[k]: `…, X said` or `… "quote," X said`."""
        prev = self.text[toks[k - 1][0]]
        if prev == ",":
            return True
        return k > 1 and prev in QUOTE_CLOSE and self.text[toks[k - 2][0]] == ","

    def _content_end(self, toks: list[Tok], k: int) -> int:
        """Where content ends before the speaker at toks[k]: at the comma, or after a closing quote mark."""
        prev = toks[k - 1]
        return prev[1] if self.text[prev[0]] in QUOTE_CLOSE else prev[0]

    def _speaker_first(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`X said (that) CONTENT`, `X told Reuters CONTENT`, `X says they believe CONTENT`."""
        aux = strip_auxiliaries(self.text, toks, ct)
        last = self._last_mention
        if last is not None and last[0] is toks and last[1] == aux:
            m = last[2]  # _speaker_last just found it
        else:
            m = mention_before(self.text, toks, aux, relative=True)
        if m is None or not self._starts_clause(sent.start, m.start):
            return None
        cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
        start = cue[1]
        if self.text[cue[0] : cue[1]].lower() in C.CUE_WITH_HEARER:
            start = self._after_hearer(toks, cue[1])
        adjunct = P.RE_CUE_ADJUNCT.match(self.text, start, sent.end)
        if adjunct is not None:
            start = adjunct.end()
        return self._claim(sent, start, sent.end, "reported-speaker-first", m, cue_span)

    def _after_hearer(self, toks: list[Tok], pos: int) -> int:
        """Where the content starts after `told Reuters`, `told reporters`, `told the newspaper`."""
        k = _tok_at(toks, pos, after=True)
        if k is None:
            return pos
        for j in range(k + 1, min(k + 5, len(toks))):
            word = self.text[toks[j][0] : toks[j][1]]
            if not word[:1].isalnum():
                break
            if word.lower() == "that":
                return toks[j][0]  # `told voters that …`, `told a veterans group that …`
        w = self.text[toks[k][0] : toks[k][1]]
        if w[:1].isupper():
            while k + 1 < len(toks) and self.text[toks[k + 1][0]].isupper():
                k += 1
            return toks[k][1]
        if w.lower() in _HEARERS:
            return toks[k][1]
        if w.lower() in ("the", "a", "an", "his", "her", "their") and k + 1 < len(toks):
            return toks[k + 1][1]
        return pos

    def _according(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`According to X, CONTENT.` / `CONTENT, according to X.`: the source runs to the next comma."""
        after = _tok_at(toks, cue[1], after=True)
        if after is None:
            return None
        j = after
        while j < len(toks) and self.text[toks[j][0]] not in ",;:.!?" and j - after < 16:
            j += 1
        if j == after or not self.text[toks[after][0]].isalnum():
            return None
        m = mention_after(self.text, toks, after) or Mention(toks[after][0], toks[j - 1][1])
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
            return self._claim(sent, sent.start, toks[ct - 1][0], "according-to", m, cue)
        return None

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


# Words that open a subordinate clause: the main clause, and so the content, comes after.
_SUBORDINATORS = frozenset(
    "after although as because before during for if in on since speaking unlike when whereas while".split()
)
# Words that cannot lead a speaker phrase: they start a clause.
_CLAUSE_LEADS = frozenset(
    "and but or so then when while which who that as if because although after before since is was".split()
)
# Words after which a new clause, with its own subject, begins.
# Words after which a cue word is a noun.
_NOUN_DETERMINERS = frozenset("the a an this that these those its their his her our my your every each".split())
# Plain hearers of `told`: `told reporters that …`.
_HEARERS = frozenset("reporters journalists him her them us me lawmakers supporters listeners viewers".split())
_CLAUSE_LINKS = frozenset(
    "and but while although because since so yet when after though whereas which who where if as".split()
)
_PREPOSITIONS = frozenset("on in at during after before last this earlier in".split())
_OPENERS = frozenset(
    "also and but earlier however later meanwhile moreover separately so still then yet previously now "
    "instead finally additionally indeed overall today yesterday even".split()
)


def _tok_at(toks: list[Tok], pos: int, after: bool = False) -> int | None:
    """Index of the token starting at pos, or with after=True the first token starting at or after it."""
    k = bisect_left(toks, (pos, -1))
    if k < len(toks) and (after or toks[k][0] == pos):
        return k
    return None


def _tail_has_clause(text: str, toks: list[Tok], pos: int) -> bool:
    """A tail holding `that` or another cue-like verb starts a new clause: not a speaker-last pattern."""
    k = bisect_left(toks, (pos, -1))
    return any(text[t[0] : t[1]].lower() in ("that", "because", "but") for t in toks[k : k + _MAX_TAIL + 1])


def find_claim_spans(
    text: str, paras: list[tuple[int, int]], quotes: list[Quote], sents: list[Sentence]
) -> list[ClaimSpan]:
    """Every claim span of the article in text order, speakers not yet resolved."""
    finder = _Finder(text, paras, quotes, sents)
    direct, consumed = finder.direct()
    spans = direct + finder.reported(consumed)
    spans.sort(key=lambda c: (c.start, c.end))
    return _drop_nested(spans)


def _drop_nested(spans: list[ClaimSpan]) -> list[ClaimSpan]:
    """Keep one claim per stretch of text: a span inside an earlier, surer one is a duplicate."""
    out: list[ClaimSpan] = []
    for s in spans:
        if out and s.start < out[-1].end:
            if s.confidence > out[-1].confidence and s.end >= out[-1].end:
                out[-1] = s
            continue
        out.append(s)
    return out
