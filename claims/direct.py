"""Direct quotes: a quote with its attribution next to it (`"…," X said`, `X said: "…"`), split
quotes, and quote sentences that inherit the speaker of the attributed quote before them."""

from __future__ import annotations

from claims.lexicon import cues as C
from claims.phrases import Mention, mention_after, mention_before, strip_auxiliaries
from claims.quote_base import (
    CLAUSE_LEADS,
    MAX_TAIL,
    QUOTE_CLOSE,
    RULE_CONFIDENCE,
    TRAIL,
    ClaimSpan,
    FinderBase,
    tok_at,
)
from claims.text import Quote, Sentence, quotes_between, tokens

# Words that open a clause of their own after a cue.
_CLAUSE_SUBJECTS = frozenset("that he she they it we i you there this".split())
# Words that may follow `X said` in a sentence that is only an attribution ("said on Tuesday").
_MAX_ATTRIBUTION_TAIL = 6
# A floating quote inherits a speaker only from an attributed quote this many sentences back.
_FLOAT_WINDOW = 5
# An unattributed quote shorter than this many words is mostly a title or scare quote (GGT).
_MIN_UNATTRIBUTED_WORDS = 6


class DirectRules(FinderBase):
    """The direct-quote passes; they run first, and the sentences they use are left to nobody else."""

    def direct(self) -> tuple[list[ClaimSpan], set[int]]:
        out: list[ClaimSpan] = []
        consumed: set[int] = set()
        last_attributed = -(10**9)
        quotes = self.quotes
        k, nq = 0, len(quotes)
        for si, sent in enumerate(self.sents):
            # the quotes that begin in this sentence, by walking the quotes alongside the sentences (for
            # speed: most sentences hold none, and this skips them without a search)
            while k < nq and quotes[k].start < sent.start:
                k += 1
            if k == nq:
                break
            if quotes[k].start >= sent.end:
                continue
            j = k + 1
            while j < nq and quotes[j].start < sent.end:
                j += 1
            qs = quotes[k:j]
            split_from: ClaimSpan | None = None
            for qi, q in enumerate(qs):
                lo = qs[qi - 1].end if qi else sent.start
                hi = qs[qi + 1].start if qi + 1 < len(qs) else sent.end
                # `"…," X said` only when the quote opens its sentence (or follows the previous quote):
                # `He thinks the plan "is a misguided approach," Burman said` is one mixed claim.
                before = self.text[lo : q.start].strip(" —–-")
                opens = not before.strip(",") or (before.endswith(",") and len(before.split()) <= 5)
                found = (self._after(q, hi) if opens else None) or self._intro(q, lo)
                if found is None and opens and qi + 1 == len(qs) and self._bare_after(q, hi) and si + 1 < len(self.sents):
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
            and len(between.split()) <= MAX_TAIL
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
        return not self.text[q.end : hi].strip(TRAIL + "\"'”’")

    def _after(self, q: Quote, hi: int) -> tuple[str, Mention, tuple[int, int]] | None:
        """`"…," X said` or `"…," said X` in the text between the quote and the next one."""
        cues = self.cues_in(q.end, hi)
        if not cues:
            return None  # before tokenising, for speed: most quotes without a cue after them end here
        cue = cues[0]
        word = self.text[cue[0] : cue[1]].lower()
        if word in C.CUE_OBJECT_AS:
            return None  # `"Lyin' Ted," Trump called him`: a label, not a quote
        toks = tokens(self.text, q.end, hi, self.in_range)
        lead = 0
        while lead < len(toks) and self.text[toks[lead][0]] in ",—–-":
            lead += 1
        ct = tok_at(toks, cue[0])
        if ct is None or ct - lead > 24 or word == "according to":
            return None
        aux = strip_auxiliaries(self.text, toks, ct)
        cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
        if aux == lead:
            after = tok_at(toks, cue[1], after=True)
            m = mention_after(self.text, toks, after) if after is not None else None
            return ("quote-cue-speaker", m, cue_span) if m is not None else None
        m = mention_before(self.text, toks, aux, relative=True)
        if m is not None and m.start != toks[lead][0]:
            # `"…," panel Chairman Rep. Jason Chaffetz said`: one or two plain words lead the phrase.
            k = tok_at(toks, m.start)
            gap = [self.text[t[0] : t[1]] for t in toks[lead:k]] if k is not None else []
            if 0 < len(gap) <= 2 and all(w.isalpha() and w.islower() and w not in CLAUSE_LEADS for w in gap):
                m = Mention(toks[lead][0], m.end, m.appos_start, m.appos_end)
        if m is not None and m.start == toks[lead][0]:
            return "quote-speaker-cue", m, cue_span
        return None

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
            if punct and word in ("said", "says") and self.text[lo : cue[0]].strip() == "":
                # the speaker after the cue is read only where it can be one, for speed
                toks_after = tokens(self.text, cue[1], q.start, self.in_range)
                m_after = mention_after(self.text, toks_after, 0) if toks_after else None
                if m_after is not None:
                    return "quote-intro", m_after, cue  # Said Ellis: "…"
            if not (punct and (word in C.CUE_WITH_HEARER or len(rest.split()) <= 3)):
                return None
        toks = tokens(self.text, lo, cue[0], self.in_range)
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

    def _colon_intro(self, sent: Sentence) -> tuple[str, Mention, tuple[int, int]] | None:
        """A paragraph-opening quote after a paragraph that ends `X added:`."""
        if sent.para == 0 or sent.start != self.paras[sent.para][0]:
            return None
        ps, pe = self.paras[sent.para - 1]
        if self.text[pe - 1] != ":":
            return None
        return self._intro_at(ps, pe - 1)
