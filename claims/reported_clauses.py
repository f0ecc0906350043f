"""Claims in a clause inside a sentence whose main claim is found elsewhere: a relative clause
(`Duss, who said he would testify, …`), a subordinate or coordinate clause with its own subject
(`…, though she acknowledged it was unlikely`, `When Ruiz noted that …, Baker …`) and the question
of a leading `Asked whether …,` (its asker unnamed)."""

from __future__ import annotations

import re
from bisect import bisect_left

from claims import patterns as P
from claims.lexicon import speakers as S
from claims.phrases import Mention, antecedent_of, mention_before, strip_auxiliaries
from claims.quote_base import ClaimSpan, tok_at
from claims.reported_base import ReportedBase, has_clause
from claims.text import Sentence

# How far before a cue a relative pronoun is looked for (characters): `who has repeatedly said`.
_WHO_WINDOW = 48
# How far before a cue a clause's subject and the word that links its clause are looked for (characters).
_CLAUSE_WINDOW = 64
# P.RE_CLAUSE_LINK for lower-cased text, case-sensitive: `re` skips faster to a candidate.
_RE_CLAUSE_LINK_LOW = re.compile(r"\b(?:" + "|".join(sorted(S.CLAUSE_LINKS)) + r")\s")
# Forms of `be` that make `asked` passive: `was asked about`.
_PASSIVE_BE = frozenset("be been being is was were".split())
# Words that open what a passive `asked` put to its subject: `was asked about`, `was asked to name`.
_QUESTION_LEADS = frozenset("about for how if to what whether which who why".split())


class ClauseRules(ReportedBase):
    """Claims in relative, subordinate and coordinate clauses, beside a sentence's main claim."""

    def _has_who(self, sent: Sentence) -> bool:
        """For speed: whether `who` occurs in the sentence at all."""
        k = bisect_left(self.whos, sent.start)
        return k < len(self.whos) and self.whos[k] < sent.end

    def _relatives(self, sent: Sentence, found: list[ClaimSpan], cues: list[tuple[int, int]]) -> list[ClaimSpan]:
        """`Duss, who said he would testify, …`, `… an adviser who warned that the plan would fail.`: a
        relative clause whose cue reports a clause is a claim by the antecedent. Set off by a comma, it
        ends at the next one; without one (`voters who say X were divided`), its end is unknown unless a
        dash, a bracket or the sentence's end closes it, after an antecedent that is not the sentence's subject."""
        out: list[ClaimSpan] = []
        k = bisect_left(self.whos, sent.start)
        # a cue with no `who` in the few words before it is no relative clause's
        whos = self.whos[k : bisect_left(self.whos, sent.end, k)]
        cues = [c for c in cues if any(0 < c[0] - w <= _WHO_WINDOW for w in whos)]
        if cues:
            found = [c for c in found if c.start < sent.end and c.end > sent.start or c.cue_start is not None and sent.start <= c.cue_start < sent.end]
        for cue in cues:
            if self.inside_quote(cue[0]) or any(c.start <= cue[0] < c.end or c.cue_start == cue[0] for c in found):
                continue  # inside a claim already found, or its cue
            toks = self._tokens(max(sent.start, cue[0] - _WHO_WINDOW), cue[1])  # the few words before the cue
            ct = tok_at(toks, cue[0])
            aux = strip_auxiliaries(self.text, toks, ct) if ct is not None else 0
            if aux == 0 or self.low[toks[aux - 1][0] : toks[aux - 1][1]] != "who" or not self._verb_cue(cue):
                continue
            start = self._content_from(cue, sent.end)
            end = sent.end
            for close in P.RE_RELATIVE_CLOSE.finditer(self.text, start, sent.end):
                if not self.inside_quote(close.start()):
                    end = close.start()
                    break
            who = Mention(toks[aux - 1][0], toks[aux - 1][1])
            if not has_clause(self.text[start:end].split()):
                continue  # `who wrote the profile`, `who advised Obama`: an object, not a claim
            if not self.text[sent.start : who.start].rstrip().endswith(","):
                ante = antecedent_of(self.text, who.start, sent.start)
                if self.text[end : end + 1] == "," or ante is None or self._at_start(sent.start, ante.start):
                    continue
            span = self._claim(sent, start, end, "reported-relative", who, (toks[aux][0], cue[1]))
            if span is not None:
                out.append(span)
        return out

    def _subordinates(self, sent: Sentence, found: list[ClaimSpan], cues: list[tuple[int, int]]) -> list[ClaimSpan]:
        """`Figueroa said A, though she acknowledged B`, `When Clinton noted that B, Trump …`: a cue whose
        subject follows a clause link is a claim of its own. A clause opening the sentence ends at its
        comma; a later one runs to the sentence's end. It must report a clause, not an object."""
        out: list[ClaimSpan] = []
        if not found:
            return out  # with no claim found, the main passes have already tried every cue's subject
        for cue in cues:
            if any(c.start <= cue[0] < c.end or c.cue_start == cue[0] for c in found) or self.inside_quote(cue[0]):
                continue  # inside a claim already found, or its cue
            if not self._clause_link_in(max(sent.start, cue[0] - _CLAUSE_WINDOW), cue[0]):
                continue  # for speed: no clause link in reach
            toks = self._tokens(max(sent.start, cue[0] - _CLAUSE_WINDOW), cue[1])
            ct = tok_at(toks, cue[0])
            aux = strip_auxiliaries(self.text, toks, ct) if ct is not None else 0
            m = mention_before(self.text, toks, aux) if aux > 1 else None
            j = tok_at(toks, m.start) if m is not None else None
            if m is None or j is None or j == 0 or not self._verb_cue(cue):
                continue
            link = self.low[toks[j - 1][0] : toks[j - 1][1]]
            if link not in S.CLAUSE_LINKS:
                continue
            start = self._content_from(cue, sent.end)
            end = sent.end
            if link in S.LEADING_LINKS and self._at_start(sent.start, toks[j - 1][0]):
                close = P.RE_RELATIVE_CLOSE.search(self.text, start, sent.end)
                if close is None or self.inside_quote(close.start()):
                    continue  # where the clause ends is unknown
                end = close.start()
            nxt = [c.start for c in found if c.start > start]
            end = min([end, *nxt])
            if not has_clause(self.text[start:end].split()):
                continue  # `though she called for calm`: an object, not a claim
            span = self._claim(sent, start, end, "reported-subordinate", m, (toks[aux][0], cue[1]))
            if span is not None:
                out.append(span)
                found = [*found, span]
        return out

    def _clause_link_in(self, lo: int, hi: int) -> bool:
        """P.RE_CLAUSE_LINK finds a word in text[lo:hi]; on the lower-cased text, twice as fast."""
        if not self._folds_plain:
            return P.RE_CLAUSE_LINK.search(self.text, lo, hi) is not None
        return _RE_CLAUSE_LINK_LOW.search(self.low, lo, hi) is not None

    def _asked(self, sent: Sentence, cues: list[tuple[int, int]]) -> ClaimSpan | None:
        """`Asked whether the port would close, Ruiz said …`, `When asked about the delays, …`: the
        question put to the sentence's subject is a claim with no named source; it ends at its comma.
        `Noting that the port was busy, Ruiz …`: a leading participle's claim is the subject's."""
        cue = cues[0]
        word = self.low[cue[0] : cue[1]]
        participle = word.endswith("ing") and word != "according to"
        if word != "asked" and not participle:
            return None
        lead = self.text[sent.start : cue[0]].split()
        if lead and not (len(lead) == 1 and lead[0].lower() == "when" and not participle):
            return None  # the cue must open the sentence: `Ruiz asked whether …` has a speaker
        start = self._content_from(cue, sent.end)
        close = P.RE_RELATIVE_CLOSE.search(self.text, start, sent.end)
        while close is not None and self.inside_quote(close.start()):
            close = P.RE_RELATIVE_CLOSE.search(self.text, close.end(), sent.end)
        if close is None or self.text[close.start()] != ",":
            return None  # where the clause ends is unknown
        if not participle:
            return self._claim(sent, start, close.start(), "asked", None, cue)
        subject = self._subject(close.end(), sent.end)
        if subject is None or self.text[close.end() : subject.start].strip():
            return None  # the subject must follow the comma: `Noting …, Trump said`
        return self._claim(sent, start, close.start(), "reported-participle", subject, cue)

    def _passive_asked(self, sent: Sentence, cues: list[tuple[int, int]]) -> list[ClaimSpan]:
        """`Sanders was asked to name a decision …`, `she has been asked about the loan`: a question put
        to the subject by an unnamed asker; it ends at the clause's comma or the sentence's end."""
        out: list[ClaimSpan] = []
        for cue in cues:
            if self.low[cue[0] : cue[1]] != "asked" or self.inside_quote(cue[0]):
                continue
            if self._word_before(cue[0], max(sent.start, cue[0] - 8)) not in _PASSIVE_BE:
                continue
            nxt = P.RE_NEXT_WORD.match(self.text, cue[1])
            if nxt is None or nxt.group(1).lower() not in _QUESTION_LEADS:
                continue  # `the question was asked of a contender`: not what was asked
            start = self._content_from(cue, sent.end)
            close = P.RE_RELATIVE_CLOSE.search(self.text, start, sent.end)
            end = close.start() if close is not None and not self.inside_quote(close.start()) else sent.end
            span = self._claim(sent, start, end, "asked", None, cue)
            if span is not None:
                out.append(span)
        return out
