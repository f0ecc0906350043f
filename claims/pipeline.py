"""parse_article: text -> title, publication date, outlet and claims (quotes -> speakers -> dates);
parse_articles, the same over a corpus. Pure: no I/O, no database, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, TypeVar

from claims import dates, header, text
from claims.phrases import antecedent_of
from claims.quotes import ClaimSpan, find_claim_spans
from claims.results import Claim, ParsedArticle
from claims.speakers import Resolved, SpeakerResolver

# Cue words in the present tense date a claim to the publication day ("officials say").
_PRESENT = frozenset("say says tell tells argue argues claim claims insist insists warn warns believe".split())
# A pronoun or role mention lowers confidence a little; an unknown speaker halves it.
_KIND_FACTOR = {"person": 1.0, "organization": 1.0, "group": 0.95, "anonymous": 0.9, "unknown": 0.5}


class Article(NamedTuple):
    """An article to parse, with what its metadata says; None leaves it to the article's header lines."""

    text: str
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None


# Articles parse_articles takes through each stage together. Running one stage over several articles
# before the next keeps that stage's code and patterns in the CPU's caches: 10 to 15% faster than one
# article at a time (benchmarks/parse_speed.py compares the two in each run). A batch also stops at
# BATCH_CHARS of text, so a corpus of huge articles holds no more than a few in memory at once.
BATCH = 32
BATCH_CHARS = 1 << 20

T = TypeVar("T")


def batches(items: Iterable[T], count: int, size: Callable[[T], int]) -> Iterator[list[T]]:
    """items in lists of `count`, a list ending early once the sizes of its items reach BATCH_CHARS."""
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if len(chunk) >= count or total >= BATCH_CHARS:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def parse_article(
    article: str,
    published: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> ParsedArticle:
    """Find every claim in an article.

    `published`, `title` and `outlet` override what the article's own header lines say.
    Returns a ParsedArticle whose claims are in text order, each with offsets into `article`.
    """
    return _parse_batch([Article(article, published, title, outlet)])[0]


def parse_articles(articles: Iterable[Article], batch: int = BATCH) -> Iterator[ParsedArticle]:
    """parse_article for each of many articles, in order: the same results, faster for a corpus.

    Lazy: it reads a batch of articles (`batch`, or fewer of BATCH_CHARS in all) ahead of what it has
    yielded, so memory stays flat over any number.
    """
    for chunk in batches(articles, batch, _length):
        yield from _parse_batch(chunk)


def _length(article: Article) -> int:
    return len(article.text)


def _parse_batch(articles: list[Article]) -> list[ParsedArticle]:
    """Each stage of the parse over all the articles, then the next stage."""
    heads = [header.read_header(a.text) for a in articles]
    paras = [text.paragraphs(a.text, h.skip_spans) for a, h in zip(articles, heads, strict=True)]
    quotes = [text.find_quotes(a.text, p) for a, p in zip(articles, paras, strict=True)]
    # whether each text lies in the ranges the fast patterns cover: one scan, for the sentences, the
    # finders and the resolver
    fast = [text.in_fast_ranges(a.text) for a in articles]
    sents = [text.sentences(a.text, p, q, f) for a, p, q, f in zip(articles, paras, quotes, fast, strict=True)]
    spans = [
        find_claim_spans(a.text, p, q, s, f) for a, p, q, s, f in zip(articles, paras, quotes, sents, fast, strict=True)
    ]
    out: list[ParsedArticle] = []
    for a, head, found, claim_spans, in_range in zip(articles, heads, quotes, spans, fast, strict=True):
        published = a.published or head.published
        out.append(
            ParsedArticle(
                text=a.text,
                title=a.title or head.title,
                published=published,
                outlet=a.outlet or head.outlet,
                claims=_resolve_claims(a.text, claim_spans, tuple((q.start, q.end) for q in found), published, in_range),
            )
        )
    return out


def _resolve_claims(
    article: str,
    spans: list[ClaimSpan],
    quoted: tuple[tuple[int, int], ...],
    published: dt.date | None,
    in_range: bool,
) -> tuple[Claim, ...]:
    """The claims of the claim spans, in order: speakers resolved, said-on dates found."""
    resolver = SpeakerResolver(article, quoted, in_range)
    claims: list[Claim] = []
    narrative: dt.date | None = None
    for span in spans:
        cue = article[span.cue_start : span.cue_end] if span.cue_start is not None else None
        said, narrative = _said_on(article, span, cue, published, narrative)
        if span.inherit and claims:
            claims.append(_continued(article, span, claims[-1], said))
            continue
        who = _speaker(resolver, article, span)
        claims.append(_claim(article, span, cue, who, said))
    return tuple(_share_across_paragraphs(spans, claims))


def _speaker(resolver: SpeakerResolver, article: str, span: ClaimSpan) -> Resolved:
    m = span.mention
    if span.inherit or m is None:
        return resolver.inherit(span.start) if span.inherit else Resolved(None, "unknown", None)
    mention = article[m.start : m.end]
    if mention.lower() == "who":
        # `hospital managers, who said …`: the phrase before the relative pronoun is the speaker.
        antecedent = antecedent_of(article, m.start, span.sentence.start)
        if antecedent is None:
            return Resolved(None, "unknown", None)
        m = antecedent
        mention = article[m.start : m.end]
    appos = article[m.appos_start : m.appos_end] if m.appos_start is not None and m.appos_end is not None else None
    return resolver.resolve(mention, appos, m.start)


def _said_on(
    article: str, span: ClaimSpan, cue: str | None, published: dt.date | None, narrative: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """(the date the claim was said, the narrative date carried to the next claim).

    An explicit time expression in the attribution wins, never one inside the claim itself ("officials
    said the talks would resume on Monday" is not dated Monday); a present-tense cue means the
    publication day; a pluperfect or `earlier` means some other, unstated time; a plain past-tense
    cue keeps the date of the claim before it, as news narration does ("..., Dehghan said." after
    "on Monday").
    """
    sent = span.sentence
    when, expr = dates.said_date(article, span.end, sent.end, published)
    if expr is None:
        when, expr = dates.said_date(article, sent.start, span.start, published)
    if expr is not None:
        return when, when
    tense = _tense(cue) if cue else _PAST
    if tense == _PLUPERFECT:
        return None, None
    if tense == _PRESENT_TENSE and published is not None:
        return published, narrative
    return narrative, narrative


_PAST, _PRESENT_TENSE, _PLUPERFECT = "past", "present", "pluperfect"


@lru_cache(maxsize=1024)
def _tense(cue: str) -> str:
    """The tense a cue's words give (`had said`, `says`, `said`); memoised, as cues recur."""
    words = cue.lower().split()
    if words and words[0] == "had":
        return _PLUPERFECT
    if words and words[-1] in _PRESENT:
        return _PRESENT_TENSE
    return _PAST


_UNATTRIBUTED = frozenset(("quote-floating", "quote-unattributed"))


def _share_across_paragraphs(spans: list[ClaimSpan], claims: list[Claim]) -> list[Claim]:
    """A quote running over several paragraphs is attributed once, often in its last piece:
    every piece of the run takes that attribution (news style: each paragraph reopens the quote)."""
    out = list(claims)
    for i in range(len(out) - 2, -1, -1):
        piece, nxt = out[i], out[i + 1]
        if spans[i].continued and piece.rule in _UNATTRIBUTED and nxt.kind == "direct" and nxt.mention is not None:
            out[i] = replace(
                nxt,
                start=piece.start,
                end=piece.end,
                text=piece.text,
                speaker_role=None,
                date=piece.date or nxt.date,
                rule="quote-continued",
                confidence=min(piece.confidence, nxt.confidence) if piece.rule == "quote-floating" else 0.7,
            )
    return out


def _continued(article: str, span: ClaimSpan, before: Claim, said: dt.date | None) -> Claim:
    """A quote that continues the claim before it keeps that claim's attribution."""
    return replace(
        before,
        start=span.start,
        end=span.end,
        text=article[span.start : span.end],
        kind=span.kind,
        speaker_role=None,
        date=said,
        rule=span.rule,
        confidence=min(before.confidence, span.confidence),
    )


def _claim(article: str, span: ClaimSpan, cue: str | None, who: Resolved, said: dt.date | None) -> Claim:
    m = span.mention
    kind = who.kind if who.speaker else "unknown"
    confidence = min(1.0, max(0.0, span.confidence * _KIND_FACTOR[kind]))
    return Claim(
        start=span.start,
        end=span.end,
        text=article[span.start : span.end],
        kind=span.kind,
        cue=cue,
        cue_start=span.cue_start,
        cue_end=span.cue_end,
        mention=article[m.start : m.end] if m is not None else None,
        speaker_start=m.start if m is not None else None,
        speaker_end=m.end if m is not None else None,
        speaker=who.speaker,
        speaker_kind=kind,
        speaker_role=who.role,
        date=said,
        rule=span.rule,
        confidence=confidence,
    )
