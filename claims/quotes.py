"""Finds direct, mixed and reported-speech claims in an article, as offset spans with their cue
and speaker phrase. Ordered passes, surest first: quotes with adjacent attribution, then quotes
that inherit a speaker, then reported speech; each claim records the rule that found it.
Rules: direct.py (direct), reported.py and reported_base.py (reported), quote_base.py (shared).
The rule classes form one chain, FinderBase -> DirectRules -> ReportedBase -> ClauseRules ->
ReportedRules, since mypyc compiles single inheritance only."""

from __future__ import annotations

from claims.quote_base import RULE_CONFIDENCE, ClaimSpan
from claims.reported import ReportedRules
from claims.text import Quote, Sentence

__all__ = ["RULE_CONFIDENCE", "ClaimSpan", "find_claim_spans"]


def find_claim_spans(
    text: str, paras: list[tuple[int, int]], quotes: list[Quote], sents: list[Sentence], in_range: bool | None = None
) -> list[ClaimSpan]:
    """Every claim span of the article in text order, speakers not yet resolved. `in_range` is
    text.in_fast_ranges(text) when the caller has it (None: found here)."""
    finder = ReportedRules(text, paras, quotes, sents, in_range)
    direct, consumed = finder.direct()
    spans = direct + finder.reported(consumed, direct)
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
