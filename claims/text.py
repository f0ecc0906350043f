"""Text geometry shared by the parser: paragraphs, quote spans, sentences and tokens, all as
offsets into the article text (never a copy that could shift them)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

import regex

from claims import patterns as P

# map() over the unbound method skips a list comprehension's per-token bytecode (about 5% faster here)
_SPAN = re.Match.span


# The parser builds tens of these records an article. A frozen dataclass's generated __init__ runs as
# interpreted Python even when mypyc compiles the module (a microsecond each); written out with
# init=False, the same object.__setattr__ calls compile to C and cost a twentieth of that. Equality,
# hashing, repr and frozenness stay the dataclass's own.
@dataclass(frozen=True, slots=True, init=False)
class Quote:
    """A top-level quoted stretch, marks included; `closed` is False when the paragraph ended first."""

    start: int
    end: int
    closed: bool
    continued: bool  # the paragraph ends inside the quote and the next paragraph reopens it

    def __init__(self, start: int, end: int, closed: bool, continued: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "closed", closed)
        object.__setattr__(self, "continued", continued)


# init=False: see text.Quote
@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    start: int
    end: int  # after the terminal punctuation, before trailing space
    para: int

    def __init__(self, start: int, end: int, para: int) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "para", para)


# A paragraph: a line stripped of the space around it (wire text puts one paragraph per line), as one
# match, for speed: `re`'s \s is exactly what str.isspace() accepts, and the backtracking of `[^\n]*`
# only walks back over a line's trailing space (linear). Faster than a line pattern and loops that strip.
_RE_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")


def paragraphs(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Non-empty lines outside the skip spans, stripped of surrounding space, as (start, end)."""
    found = list(map(_SPAN, _RE_PARAGRAPH.finditer(text)))
    for a, b in skip:
        # the lines inside one span are a run: they start at or after a, and each ends later than the last
        i = j = bisect_left(found, (a, -1))
        while j < len(found) and found[j][1] <= b:
            j += 1
        del found[i:j]
    return found


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify(text: str, i: int, mark: str, lo: int, hi: int) -> str:
    """'open', 'close', 'either' or 'apostrophe' for the mark at text[i:i+len(mark)] by its position."""
    if mark in P.DOUBLE_OPENERS:
        return "open"
    if mark in P.DOUBLE_CLOSERS:
        return "close"
    before = text[i - 1] if i > lo else " "
    j = i + len(mark)
    after = text[j] if j < hi else " "
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


_SINGLE_MARKS = frozenset(("'", P.LSQ, P.RSQ))


def find_quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Top-level quotes of every paragraph (as paragraphs() gives them: whole stripped lines, in order);
    single marks count at top level only outside doubles."""
    quotes: list[Quote] = []
    # One scan of the whole text, for speed (a scan per paragraph paid its set-up a dozen times): no mark
    # spans a line break, so the marks fall into paragraphs as a paragraph's own scan finds them.
    marks = [(m.start(), m.group()) for m in P.RE_QUOTE_MARK.finditer(text)]
    i, n = 0, len(marks)
    while i < n:
        pi = bisect_left(paras, (marks[i][0] + 1, -1)) - 1
        if pi < 0 or marks[i][0] >= paras[pi][1]:
            i += 1  # a mark outside every paragraph (a skipped line)
            continue
        j = i + 1
        while j < n and marks[j][0] < paras[pi][1]:
            j += 1
        _paragraph_quotes(text, paras, pi, marks[i:j], quotes)
        i = j
    return quotes


def _paragraph_quotes(
    text: str, paras: list[tuple[int, int]], pi: int, marks: list[tuple[int, str]], quotes: list[Quote]
) -> None:
    ps, pe = paras[pi]
    has_double = False
    for _, mk in marks:
        if mk not in _SINGLE_MARKS:
            has_double = True
            break
    open_at: int | None = None
    open_double = True
    for i, mk in marks:
        double = mk not in _SINGLE_MARKS
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


def _fast_sentence_end() -> re.Pattern[str]:
    """P.RE_SENTENCE_END for text that P.RE_BEYOND_FAST_TOKEN passes, on `re`, for speed (an article's
    ends in 5 us against 9): its first mark is taken out of the repeat, so that `re` skips to the next
    mark by its first-character set instead of trying the pattern at every character, and its `regex`
    classes are spelled, code point by code point, as they match in those ranges (P.class_in_ranges).
    Built from P.RE_SENTENCE_END itself, so a change there cannot leave this copy behind unnoticed."""
    pattern = P.RE_SENTENCE_END.pattern
    for old, new in (
        ("[.!?…]++", "[.!?…][.!?…]*+"),
        (r"\s++", "[" + P.class_in_ranges(regex.compile(r"\s")) + "]++"),
        (r"[\p{Lu}\p{N}]", "[" + P.class_in_ranges(regex.compile(r"[\p{Lu}\p{N}]")) + "]"),
    ):
        if pattern.count(old) != 1:
            raise RuntimeError(f"P.RE_SENTENCE_END changed shape: no single {old!r} in it; update text.py")
        pattern = pattern.replace(old, new)
    return re.compile(pattern)


_RE_SENTENCE_END_FAST = _fast_sentence_end()


def sentences(
    text: str, paras: list[tuple[int, int]], quotes: list[Quote], in_range: bool | None = None
) -> list[Sentence]:
    """Sentences of every paragraph (as paragraphs() gives them); never split inside a quote unless the
    quote itself ends there. `in_range`: in_fast_ranges(text), when the caller has it."""
    qs = [q.start for q in quotes]
    out: list[Sentence] = []
    # One scan of the whole text, for speed, as in find_quotes. An end never spans a line break, and only
    # at a paragraph's last character can this scan see an end that the paragraph's own scan could not
    # (its look-ahead reads the next line): such an end is passed over, as it would give the same last
    # sentence as none.
    pi, npara = 0, len(paras)
    if not npara:
        return out
    ps, pe = paras[0]
    start = ps
    ends = _RE_SENTENCE_END_FAST if (in_fast_ranges(text) if in_range is None else in_range) else P.RE_SENTENCE_END
    # the last "end", at the text's end, closes every paragraph still open
    for dot, end in chain((m.span() for m in ends.finditer(text, ps)), ((len(text), len(text)),)):
        while dot >= pe:  # the paragraph ended before this mark: close it
            if start < pe:
                out.append(Sentence(start, pe, pi))
            pi += 1
            if pi == npara:
                return out
            ps, pe = paras[pi]
            start = ps
        if dot < ps or end == pe:
            continue  # in a skipped line, or the paragraph's end
        if _inside_quote(quotes, qs, end - 1) or _abbreviation_before(text, dot, ps):
            continue
        out.append(Sentence(start, end, pi))
        start = end
        while start < pe and text[start].isspace():
            start += 1
    return out  # not reached: the last end closes the last paragraph


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


def in_fast_ranges(text: str) -> bool:
    """Whether every character of text lies in RE_TOKEN_FAST's ranges (nearly all news text does);
    str.isascii() answers without a scan, as a str records whether it is ASCII."""
    return text.isascii() or P.RE_BEYOND_FAST_TOKEN.search(text) is None


def _token_classes() -> bytes:
    """One byte a code point up to the end of P.FAST_RANGES, the class RE_TOKEN_FAST gives it: 1 a
    word character, 2 white space, 3 a joiner inside a word (’ ' . - &), 0 any other (punctuation, as
    is every code point outside the ranges and past the table)."""
    word = re.compile(f"[{P.WORD_CHARS_FAST}]")
    space = re.compile(f"[{P.SPACE_CHARS_FAST}]")
    table = bytearray(P.FAST_RANGES[-1][1] + 1)
    for lo, hi in P.FAST_RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            table[code] = 1 if word.match(ch) else 2 if space.match(ch) else 3 if ch in P.TOKEN_JOINERS else 0
    return bytes(table)


def _c_tokeniser() -> Callable[[str, int, int, bytes], list[tuple[int, int]]] | None:
    """The tokeniser in C that a compiled install builds (claims/_speedups.c), else None."""
    try:
        from claims._speedups import tokens as c_tokens
    except ImportError:
        return None
    return c_tokens


_TOKEN_CLASSES = _token_classes()
# RE_TOKEN_FAST's tokens, found 3 to 4 times faster in C when the compiled install has built it
_C_TOKENS = _c_tokeniser()


def tokens(text: str, start: int, end: int, in_range: bool = False) -> list[tuple[int, int]]:
    """Word and punctuation tokens of text[start:end] as (start, end) offsets. in_range=True says the
    caller has found with in_fast_ranges() that the whole text lies in the fast ranges, for speed
    (a range check per call cost a regex search each time)."""
    if in_range or text.isascii() or P.RE_BEYOND_FAST_TOKEN.search(text, start, end) is None:
        if _C_TOKENS is not None:
            return _C_TOKENS(text, start, end, _TOKEN_CLASSES)
        return list(map(_SPAN, P.RE_TOKEN_FAST.finditer(text, start, end)))
    return [m.span() for m in P.RE_TOKEN.finditer(text, start, end)]


def quotes_between(quotes: list[Quote], starts: list[int], start: int, end: int) -> list[Quote]:
    """The quotes that begin inside [start, end)."""
    return quotes[bisect_left(starts, start) : bisect_left(starts, end)]
