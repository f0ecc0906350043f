"""Text geometry shared by the parser: paragraphs, quote spans, sentences and tokens, all as
offsets into the article text (never a copy that could shift them)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from claims import patterns as P


@dataclass(frozen=True, slots=True)
class Quote:
    """A top-level quoted stretch, marks included; `closed` is False when the paragraph ended first."""

    start: int
    end: int
    closed: bool
    continued: bool  # the paragraph ends inside the quote and the next paragraph reopens it


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int  # after the terminal punctuation, before trailing space
    para: int


def paragraphs(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Non-empty lines outside the skip spans, stripped of surrounding space, as (start, end)."""
    out: list[tuple[int, int]] = []
    for m in P.RE_LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e and not _skipped(skip, s, e):
            out.append((s, e))
    return out


def _skipped(skip: tuple[tuple[int, int], ...], s: int, e: int) -> bool:
    # a plain loop: an any() generator per line cost more than the few spans it looks at
    for a, b in skip:
        if a <= s and e <= b:
            return True
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, mark: str, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or 'apostrophe' for the mark at text[i:i+len(mark)] by its position."""
    before = text[i - 1] if i > lo else " "
    j = i + len(mark)
    after = text[j] if j < hi else " "
    if mark in P.DOUBLE_OPENERS:
        return "open"
    if mark in P.DOUBLE_CLOSERS:
        return "close"
    if mark in (P.RSQ, "'") and _is_word(before) and (_is_word(after) or before in "sS" and after == " "):
        return "apostrophe"  # Iran's, don't, ISIS' grip
    if mark == P.LSQ:
        return "open" if not _is_word(before) else "apostrophe"
    opens = not _is_word(before) and before not in ".,;:!?" and not after.isspace()
    closes = not before.isspace() and (not _is_word(after))
    if mark == P.RSQ:
        return "close" if closes else "apostrophe"
    if opens and closes:
        return "either"
    if opens:
        return "open"
    if closes:
        return "close"
    return "apostrophe" if mark == "'" else "either"


def _double(mark: str) -> bool:
    return mark not in ("'", P.LSQ, P.RSQ)


def find_quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotes of every paragraph; single marks count at top level only outside doubles."""
    quotes: list[Quote] = []
    for pi, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.group()) for m in P.RE_QUOTE_MARK.finditer(text, ps, pe)]
        if not marks:
            continue
        has_double = any(_double(mk) for _, mk in marks)
        open_at: int | None = None
        open_double = True
        for i, mk in marks:
            double = _double(mk)
            if has_double and not double:
                continue  # singles nest inside doubles; they never open a top-level quote here
            kind = _classify(text, i, mk, ps, pe)
            if kind == "apostrophe":
                continue
            if open_at is None:
                if kind in ("open", "either"):
                    open_at, open_double = i, double
            elif double == open_double and kind in ("close", "either"):
                quotes.append(Quote(open_at, i + len(mk), True, False))
                open_at = None
        if open_at is not None:
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            reopened = nxt is not None and P.RE_QUOTE_MARK.match(text, nxt) is not None
            quotes.append(Quote(open_at, pe, False, reopened))
    return quotes


def sentences(text: str, paras: list[tuple[int, int]], quotes: list[Quote]) -> list[Sentence]:
    """Sentences of every paragraph; never split inside a quote unless the quote itself ends there."""
    qs = [q.start for q in quotes]
    out: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paras):
        start = ps
        for m in P.RE_SENTENCE_END.finditer(text, ps, pe):
            end = m.end()
            if _inside_quote(quotes, qs, end - 1) or _abbreviation_before(text, m.start(), ps):
                continue
            out.append(Sentence(start, end, pi))
            start = end
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append(Sentence(start, pe, pi))
    return out


def _inside_quote(quotes: list[Quote], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and quotes[k].start < pos < quotes[k].end - 1


def _abbreviation_before(text: str, dot: int, lo: int) -> bool:
    if text[dot] != ".":
        return False
    k = dot
    while k > lo and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot].lower()
    return word in P.ABBREVIATIONS or (len(word) == 1 and text[k].isupper())


# map() over the unbound method skips a list comprehension's per-token bytecode (about 5% faster here)
_SPAN = re.Match.span


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word and punctuation tokens of text[start:end] as (start, end) offsets."""
    if P.RE_BEYOND_FAST_TOKEN.search(text, start, end) is None:
        return list(map(_SPAN, P.RE_TOKEN_FAST.finditer(text, start, end)))
    return [m.span() for m in P.RE_TOKEN.finditer(text, start, end)]


def quotes_between(quotes: list[Quote], starts: list[int], start: int, end: int) -> list[Quote]:
    """The quotes that begin inside [start, end)."""
    return quotes[bisect_left(starts, start) : bisect_left(starts, end)]
