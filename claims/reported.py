"""Reported speech around a speech verb: `X said (that) …`, `…, X said.`, `A, X said, B`, participles
(`…, adding that …`) and a subject's second cue. The passes run here; content trimming, `according
to X`, claims named by a noun and colon blocks live in reported_base.py."""

from __future__ import annotations

import re
from bisect import bisect_left

import regex

from claims import patterns as P
from claims.lexicon import cues as C
from claims.lexicon import speakers as S
from claims.noun_phrases import Tok
from claims.phrases import Mention, mention_after, mention_before, strip_auxiliaries, subject_np
from claims.quote_base import CLAUSE_LEADS, MAX_TAIL, QUOTE_CLOSE, SUBORDINATORS, TRAIL, ClaimSpan, tok_at
from claims.reported_base import adjunct_only, has_clause
from claims.reported_clauses import ClauseRules
from claims.text import Sentence, quotes_between

# Words that may follow an inverted speaker (`…, said Tom Baker on Monday`) without starting a clause.
_ADJUNCT_LEADS = frozenset(
    """
    about after against as at before during earlier for from in last late later of on over this to today
    tonight when where while who whose with yesterday according
    """.split()
)
# How far into a sentence a leading `Asked` or `When asked` can start (characters).
_ASKED_REACH = 5
# For speed, what P.RE_NEW_CLAUSE needs before a new subject, on lower-cased text: a comma, a dash or `wh`
# (`while`, `whereas`); a text without one holds no match.
_RE_NEW_CLAUSE_HINT = re.compile(r"[,\N{EM DASH}\N{EN DASH}-]|wh")
_LONGEST_LEADING_LINK = max(map(len, S.LEADING_LINKS))
# Words after an opener's comma that do not start its main clause: `In the town of Scranton, where …`,
# `In January, in his address`.
_NOT_MAIN_CLAUSE = SUBORDINATORS | CLAUSE_LEADS | frozenset({"where", "including", "published", "according"})
# The longest aside (tokens) between a sentence's subject and its cue: `X, of Springfield, Va., said`.
_MAX_ASIDE = 30


class ReportedRules(ClauseRules):
    """The reported-speech passes, over the sentences the direct passes left."""

    def reported(self, consumed: set[int], direct: list[ClaimSpan]) -> list[ClaimSpan]:
        out: list[ClaimSpan] = []
        attributed = {c.sentence.start: c for c in direct if c.mention is not None and c.cue_end is not None}
        quoted: dict[int, list[ClaimSpan]] = {}
        for c in direct:
            quoted.setdefault(c.sentence.start, []).append(c)
        cstarts = self.cstarts
        lo = 0
        for si, sent in enumerate(self.sents):
            lo = bisect_left(cstarts, sent.start, lo)  # self.cues_in, inlined: sentences come in order
            cues = self.cues[lo : bisect_left(cstarts, sent.end, lo)]
            if si in consumed:
                quote = attributed.get(sent.start)
                extra = self._quote_participle(sent, quote) if quote is not None else None
                found = quoted.get(sent.start, [])
                if extra is not None:
                    out.append(extra)
                    found = [*found, extra]
                if not cues:
                    continue
            elif not cues:
                nominal = self._nominal(sent)  # what _reported_in does with no cue, without its setup
                if nominal is not None:
                    out.append(nominal)
                continue
            else:
                found = self._reported_in(sent, cues)
                out.extend(found)
                if found and len(cues) == 1:
                    continue  # for speed: no cue, or one that is a claim's already, leaves no clause to read
            if cues[0][0] - sent.start <= _ASKED_REACH:
                asked = self._asked(sent, cues)
                if asked is not None:
                    out.append(asked)
            if not found:
                out.extend(self._passive_asked(sent, cues))
            more = self._relatives(sent, found, cues) if self._has_who(sent) else []
            if found or more:
                out.extend(more + self._subordinates(sent, found + more, cues))
        out.extend(self._colon_blocks())
        return out

    def _reported_in(self, sent: Sentence, all_cues: list[tuple[int, int]]) -> list[ClaimSpan]:
        cues = [c for c in all_cues if not self.inside_quote(c[0]) and self._verb_cue(c)]
        if not cues:
            nominal = self._nominal(sent)
            return [nominal] if nominal is not None else []
        toks = self._sentence_tokens(sent)
        main: ClaimSpan | None = None
        last = cues[-1]
        if len(cues) > 1 and not self._according_cue(last):
            # `Clinton had told police that …, the source added.`: an attribution closing the
            # sentence owns everything before it, inner speech verbs included.
            ct = tok_at(toks, last[0])
            main = self._speaker_last(sent, toks, ct, last) if ct is not None else None
            if main is not None and main.rule != "reported-speaker-last":
                main = None
        for cue in cues if main is None else ():
            ct = tok_at(toks, cue[0])
            if ct is None:
                continue
            if self._according_cue(cue):
                main = self._according(sent, toks, ct, cue)
            else:
                main = self._speaker_last(sent, toks, ct, cue) or self._speaker_first(sent, toks, ct, cue)
            if main is not None:
                break
        if main is None:
            main = self._second_verb(sent, cues)
        if main is None:
            main = self._nominal(sent)
        if main is not None and main.rule == "reported-speaker-first":
            lead = self._leading_clause(sent, toks, cues, main)
            if lead is not None:
                return lead
        out = [main] if main is not None else []
        if main is not None and main.rule == "according-to" and main.mention is not None and main.cue_start is not None and sent.start < main.cue_start < main.start:
            head = self._claim(sent, sent.start, main.cue_start, "according-to", main.mention, (main.cue_start, main.cue_end or 0))
            if head is not None and not _lone_adjunct(self.text[head.start : head.end].split()):
                out.insert(0, head)
        if main is not None and main.rule == "reported-parenthetical" and main.start > sent.start:
            head = self._aside_head(sent, toks, main)
            if head is not None:
                out.insert(0, head)
        if main is not None and main.rule == "reported-speaker-first":
            second = self._coordinated(sent, toks, cues, main)
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

    def _according_cue(self, cue: tuple[int, int]) -> bool:
        return cue[1] - cue[0] == len("according to") and self.low.startswith("according to", cue[0])

    def _leading_clause(
        self, sent: Sentence, toks: list[Tok], cues: list[tuple[int, int]], main: ClaimSpan
    ) -> list[ClaimSpan] | None:
        """`When Ruiz noted that the ferry was late, Baker said …`: a subordinate clause opening the
        sentence ends at its comma; the main clause after it is a claim only with a cue of its own."""
        if main.mention is None or main.cue_start is None or main.cue_end is None:
            return None
        opener = self.text[sent.start : main.mention.start].strip()
        if len(opener) > _LONGEST_LEADING_LINK:
            return None  # for speed: not one link word, as below
        lead = opener.split()
        if len(lead) != 1 or lead[0].lower() not in S.LEADING_LINKS or "," in self.text[main.cue_end : main.start]:
            return None  # `As Trump said, the economy …`: the content follows the comma
        close = P.RE_RELATIVE_CLOSE.search(self.text, main.start, main.end)
        while close is not None and self.inside_quote(close.start()):
            close = P.RE_RELATIVE_CLOSE.search(self.text, close.end(), main.end)
        if close is None:
            return None
        head = self._claim(sent, main.start, close.start(), "reported-subordinate", main.mention, (main.cue_start, main.cue_end))
        if head is None:
            return None
        for cue in cues:
            ct = tok_at(toks, cue[0]) if cue[0] > close.start() else None
            second = self._speaker_first(sent, toks, ct, cue) if ct is not None else None
            if second is not None:
                return [head, second]
        return [head]  # `When Clinton said the plan failed, the crowd cheered.`: the rest is the writer's

    def _split_participle(
        self, sent: Sentence, cues: list[tuple[int, int]], main: ClaimSpan
    ) -> tuple[ClaimSpan, ClaimSpan] | None:
        """`Delgado dismissed that criticism, arguing that …`: the participle after a comma inside
        the content starts a second claim by the same speaker, and the first ends at the comma."""
        if main.mention is None or main.cue_start is None or main.cue_end is None:
            return None
        for cue in cues:
            if not main.start < cue[0] < main.end or not self.low.endswith("ing", cue[0], cue[1]):
                continue
            before = self.text[main.start : cue[0]].rstrip()
            if not before.endswith(",") or self.inside_quote(cue[0]):
                continue
            first = self._claim(sent, main.start, main.start + len(before) - 1, main.rule, main.mention, (main.cue_start, main.cue_end))
            second = self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-participle", main.mention, cue)
            if first is not None and second is not None:
                return first, second
        return None

    def _coordinated(
        self, sent: Sentence, toks: list[Tok], cues: list[tuple[int, int]], main: ClaimSpan
    ) -> tuple[ClaimSpan, ClaimSpan] | None:
        """`Strada accused X of Y and asserted that Z`: one subject, two cues, two claims."""
        for cue in cues:
            if not main.start < cue[0] < main.end or main.mention is None:
                continue
            speaker = main.mention
            m = self._coordination_before(max(main.start, cue[0] - 24), cue[0])
            if m is None or m.end() != cue[0]:
                # `X said A, and his deputy said B`: a new subject after the conjunction.
                if _RE_NEW_CLAUSE_HINT.search(self.low, main.start, cue[0]) is None:
                    continue  # for speed: P.RE_NEW_CLAUSE below cannot match
                ct = tok_at(toks, cue[0])
                aux = strip_auxiliaries(self.text, toks, ct) if ct is not None else 0
                other = mention_before(self.text, toks, aux) if ct is not None else None
                if other is None or other.start <= main.start:
                    continue
                m = P.RE_NEW_CLAUSE.search(self.text, max(main.start, other.start - 24), other.start)
                if m is None or m.end() != other.start:
                    continue
                speaker = other
            first = self._claim(sent, main.start, m.start(), "reported-speaker-first", main.mention, (main.cue_start or 0, main.cue_end or 0))
            second = self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-coordinated", speaker, cue)
            if first is not None and second is not None:
                return first, second
        return None

    def _participle(
        self, sent: Sentence, toks: list[Tok], cues: list[tuple[int, int]], main: ClaimSpan | None
    ) -> ClaimSpan | None:
        """`…, adding that …`, `…, arguing that …`: a second claim by the subject of the sentence."""
        lo = main.end if main is not None and main.rule != "reported-speaker-first" else sent.start
        for cue in cues:
            if cue[0] < lo or not self.text.endswith("ing", cue[0], cue[1]) or not self.text[sent.start : cue[0]].rstrip().endswith(","):
                continue
            if main is not None and main.start <= cue[0] < main.end and main.rule == "reported-speaker-first":
                continue  # inside the main claim's content: `_split_participle` ends that claim first
            m = main.mention if main is not None else self._subject(sent.start, cue[0])
            if m is None:
                return None
            return self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-participle", m, cue)
        return None

    def _quote_participle(self, sent: Sentence, quote: ClaimSpan) -> ClaimSpan | None:
        """`"…," the mayor said, adding that …`: a participle after a quote's attribution opens a
        second claim by the quote's speaker."""
        assert quote.mention is not None and quote.cue_start is not None and quote.cue_end is not None
        if self.low.endswith("ing", quote.cue_start, quote.cue_end):
            return None  # `…, saying, "…"`: the quote is the participle's own claim
        lo = max(quote.end, quote.cue_end)
        for cue in self.cues_in(lo, sent.end):
            if self.inside_quote(cue[0]) or quotes_between(self.quotes, self.qstarts, lo, cue[0]):
                return None  # another quote comes first: it has its own attribution
            if not self.low.endswith("ing", cue[0], cue[1]):
                continue  # for speed: the participle test first, the comma's after
            between = self.text[lo : cue[0]].strip()
            # the comma may stand inside the closing quote mark: `"…," arguing that …`
            if between.endswith(",") or (not between and self.text[quote.start : lo].rstrip(QUOTE_CLOSE).endswith(",")):
                return self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-participle", quote.mention, cue)
        return None

    def _speaker_last(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`CONTENT, X said (on Monday).`, `CONTENT, said X, a role.` and `A, X said, B.`"""
        if self.text.find(",", sent.start, cue[0]) < 0:
            return None  # for speed: each of these attributions follows a comma (see `_comma_before`)
        aux = strip_auxiliaries(self.text, toks, ct)
        cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
        first = mention_before(self.text, toks, aux, relative=True)
        self._cue_speaker = (toks, ct, aux, first)
        if first is not None and first.appos_start is not None and self._starts_clause(sent.start, first.start):
            return None  # `X, a role, said …`: the speaker opens the sentence
        if aux > 0 and self._comma_before(toks, aux):
            after = tok_at(toks, cue[1], after=True)
            m = mention_after(self.text, toks, after) if after is not None else None
            short = self._short_tail(toks, m) if m is not None else False
            if m is None or self.low[cue[0] : cue[1]] not in C.CUE_INVERTIBLE or not (short or self._quote_before(toks, aux)) or self._clause_after(toks, m):
                return None  # a quote closed by its comma (`…," said X, who …`) owns what precedes it
            return self._claim(sent, sent.start, self._content_end(toks, aux), "reported-cue-speaker", m, cue_span)
        if self.low.endswith("ing", toks[0][0], toks[0][1]) and self.low[toks[0][0] : toks[0][1]] in P.CUE_FORMS:
            return None  # `Noting that …, Schlafly said …`: the participle's clause is `_asked`'s, the rest follows the cue
        m = first  # mention_before reads `relative` only after a comma, and there is none before the cue here
        if m is None or self._is_who(m):
            return None  # `…, who said X`: a relative clause, its content follows the cue
        k = tok_at(toks, m.start)
        if k is None or k == 0 or not self._comma_before(toks, k):
            return None
        content = k - 1
        tail = toks[bisect_left(toks, (cue[1], -1)) :]
        # `…, X said, adding …`: a comma, then a participle (not `said the gathering …`)
        participle = len(tail) > 1 and self.text[tail[0][0]] == "," and self.low.endswith("ing", tail[1][0], tail[1][1])
        if tail and self.text[tail[0][0]] == "," and len(tail) > 3 and not participle:
            # `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt.`: the side after the
            # attribution; `_aside_head` adds the side before it (PolNeAR annotates both pieces).
            return self._claim(sent, tail[1][0], sent.end, "reported-parenthetical", m, cue_span) or self._claim(
                sent, sent.start, toks[content][0], "reported-parenthetical", m, cue_span
            )
        tail_words = sum(1 for t in tail if self.text[t[0]].isalnum())
        if participle:
            # `…, Spicer said, adding, "…"`: the participle opens a second claim; this one ends at the comma.
            return self._claim(sent, sent.start, self._content_end(toks, k), "reported-speaker-last", m, cue_span)
        long_tail = tail_words >= content and tail_words > 3 and not adjunct_only(self.text[cue[1] : sent.end].rstrip(TRAIL).split())
        quoted = self._quote_before(toks, k)  # `"…," X said on Monday, citing …`: the quote's side is the content
        if not quoted and (tail_words > MAX_TAIL or long_tail or _tail_has_clause(self.low, toks, cue[1])):
            return None  # a clause after the cue is its content (a lone adjunct, `in her memo to staff`, is not)
        if not quoted and tail_words > 1 and quotes_between(self.quotes, self.qstarts, cue[1], sent.end):
            return None  # `At a fundraiser, Clinton called them "deplorables."`: the quoted words are the content
        if self.low[toks[0][0] : toks[0][1]] in SUBORDINATORS and not self._main_clause_after_opener(toks, content):
            return None  # `When he bought the mine, Clarke said, …`: the content follows the cue
        return self._claim(sent, sent.start, self._content_end(toks, k), "reported-speaker-last", m, cue_span)

    def _opener_comma(self, toks: list[Tok], end: int) -> int | None:
        """The index of the comma closing a short prepositional phrase that opens toks[:end] (`In each of
        the five states,`), after which the clause's subject starts; None when none opens it."""
        if end < 4 or self.low[toks[0][0] : toks[0][1]] not in _HEAD_PREPOSITIONS:
            return None
        for j in range(1, min(end - 1, _MAX_OPENER + 1)):
            if self.text[toks[j][0]] == ",":
                return None if self.inside_quote(toks[j][0]) else j
        return None

    def _main_clause_after_opener(self, toks: list[Tok], end: int) -> bool:
        """Whether toks[:end], opened by a subordinate or prepositional phrase, goes on to a main clause
        after its first comma: `In that step, officers can search phones` (not `In January, in his
        address`, `In his memoir, ''Truth,'' published in 2015`)."""
        for j in range(1, end - 1):
            if self.text[toks[j][0]] == "," and not self.inside_quote(toks[j][0]):
                word = self.low[toks[j + 1][0] : toks[j + 1][1]]
                return word.isalpha() and word not in _NOT_MAIN_CLAUSE
        return False

    def _aside_head(self, sent: Sentence, toks: list[Tok], main: ClaimSpan) -> ClaimSpan | None:
        """The content before `, X said,` when the parenthetical claim is the part after it."""
        if main.mention is None or main.cue_start is None or main.cue_end is None:
            return None
        k = tok_at(toks, main.mention.start)
        if k is None or k < 2 or not self._comma_before(toks, k):
            return None
        cue = (main.cue_start, main.cue_end)
        return self._claim(sent, sent.start, self._content_end(toks, k), "reported-parenthetical", main.mention, cue)

    def _second_verb(self, sent: Sentence, cues: list[tuple[int, int]]) -> ClaimSpan | None:
        """`Trump bemoaned the unrest and said he thought …`: the cue is the second verb of the
        sentence's subject."""
        for cue in cues:
            m = self._coordination_before(max(sent.start, cue[0] - 24), cue[0])
            if m is None or m.end() != cue[0] or m.start() <= sent.start:
                continue
            subject = self._subject(sent.start, m.start())
            if subject is None or subject.start >= m.start():
                continue
            return self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-coordinated", subject, cue)
        return None

    def _coordination_before(self, lo: int, hi: int) -> regex.Match[str] | None:
        """P.RE_COORDINATION in text[lo:hi], for speed only where an `and` or a `but` stands in it."""
        if self.low.find("and", lo, hi) < 0 and self.low.find("but", lo, hi) < 0:
            return None
        return P.RE_COORDINATION.search(self.text, lo, hi)

    def _content_end(self, toks: list[Tok], k: int) -> int:
        """Where content ends before the speaker at toks[k]: at the comma, or after a closing quote mark."""
        prev = toks[k - 1]
        return prev[1] if self.text[prev[0]] in QUOTE_CLOSE else prev[0]

    def _speaker_first(self, sent: Sentence, toks: list[Tok], ct: int, cue: tuple[int, int]) -> ClaimSpan | None:
        """`X said (that) CONTENT`, `X told Reuters CONTENT`, `X says they believe CONTENT`."""
        last = self._cue_speaker
        if last is not None and last[0] is toks and last[1] == ct:
            aux, m = last[2], last[3]  # _speaker_last just found them
        else:
            aux = strip_auxiliaries(self.text, toks, ct)
            m = mention_before(self.text, toks, aux, relative=True)
        opens = m is not None and self._starts_clause(sent.start, m.start)
        if not opens and aux > 1 and self.text[toks[aux - 1][0]] == ",":
            m = self._subject_before_aside(sent, toks, aux - 1)
            opens = m is not None and self._starts_clause(sent.start, m.start)
        if not opens:
            m = subject_np(self.text, toks, aux)
            opens = m is not None and self._starts_clause(sent.start, m.start)
        if not opens and not self.low.endswith("ing", cue[0], cue[1]):  # not `…, Byrne gives an account of Clinton telling`
            comma = self._opener_comma(toks, aux)
            m = subject_np(self.text, toks, aux, comma + 1) if comma is not None else None
            opens = m is not None
        if m is None or not opens:
            return None
        if self._is_who(m):
            return None  # `Barkley, who said …, said …`: a relative clause, which `_relatives` closes at its comma
        cue_span = (toks[aux][0] if aux < ct else cue[0], cue[1])
        return self._claim(sent, self._content_from(cue, sent.end), sent.end, "reported-speaker-first", m, cue_span)

    def _is_who(self, m: Mention) -> bool:
        return m.end - m.start == 3 and self.low.startswith("who", m.start)

    def _subject_before_aside(self, sent: Sentence, toks: list[Tok], comma: int) -> Mention | None:
        """`Johnnie Wilson, of Springfield, Va., said …`, `Trump, speaking to veterans, said …`: the
        subject opening the sentence, when an aside set off by commas is all that stands before the cue."""
        if self.text.find(",", sent.start, toks[comma - 1][0]) < 0:
            return None  # for speed: the comma that closes the subject comes first
        m = self._subject(sent.start, toks[comma][0])
        if m is None:
            return None
        k = tok_at(toks, m.appos_end or m.end, after=True)
        if k is None or self.text[toks[k][0]] != "," or not 1 < comma - k <= _MAX_ASIDE:
            return None
        if quotes_between(self.quotes, self.qstarts, toks[k][0], toks[comma][0]):
            return None  # a quote in the aside has an attribution of its own
        return m

    def _clause_after(self, toks: list[Tok], m: Mention) -> bool:
        """`…, said he had fought`: a word that is no adjunct after an inverted speaker starts a clause,
        so the comma before the cue closed an aside, not the content."""
        k = tok_at(toks, m.appos_end or m.end, after=True)
        if k is None:
            return False
        word = self.text[toks[k][0] : toks[k][1]]
        return word[:1].islower() and word not in _ADJUNCT_LEADS


def _lone_adjunct(words: list[str]) -> bool:
    """A short phrase opened by a preposition: `Over the long term`, `At the heart of the trouble`."""
    return len(words) <= 6 and words[0].lower() in _HEAD_PREPOSITIONS and not has_clause(words)


# The most tokens of a leading phrase before the subject it is set off from by a comma.
_MAX_OPENER = 8
# Prepositions that open a sentence-initial adjunct phrase.
_HEAD_PREPOSITIONS = frozenset("after among at before by during for from in inside on over since through under with within".split())


def _tail_has_clause(low: str, toks: list[Tok], pos: int) -> bool:
    """A tail holding `that` or another cue-like verb starts a new clause: not a speaker-last pattern
    (low: the article lower-cased)."""
    k = bisect_left(toks, (pos, -1))
    return any(low[t[0] : t[1]] in ("that", "because", "but") for t in toks[k : k + MAX_TAIL + 1])
