"""The per-article time floor: what the scans every parse must make cost on their own, each one pass
over the article with the fastest pattern we could write, against the parser's real stages.

    .venv/bin/python benchmarks/parse_floor.py                # 2,000 articles, best of 7 runs
    .venv/bin/python benchmarks/parse_floor.py --articles 500 --repeat 3
    .venv/bin/python benchmarks/parse_floor.py --jsonl ../shared/eval/polnear-train.jsonl

Each scan returns the offsets the parser needs (a list of spans or starts), since that is what a
parser pays for; the "count only" column runs the same pattern without keeping offsets. Articles
are the parse_speed.py corpus (fixtures with names and numbers varied). Times are best-of-N CPU
seconds of a tight loop, so they are a lower bound; a 5 MB/s (MiB) target leaves 224 us per article.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import re
import sys
import time
from collections.abc import Callable, Sized
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("claims") is None:  # not installed: run the checkout's package
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from parse_speed import articles, interpreter, parser_build  # noqa: E402

from claims import header, patterns, quotes, text  # noqa: E402
from claims.pipeline import parse_article  # noqa: E402
from claims.results import Claim  # noqa: E402

# fmt: off
# The fastest forms found of each scan, on the standard library's `re` unless said, with ASCII classes
# where news text allows it (a full parser would need `regex` fallbacks for other scripts):
RE_LINE = re.compile(r"[^\n]+")  # a line: the paragraph unit of wire text
RE_QUOTE_MARK = re.compile("[\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019]")
# A run of capitalised words (joined by "of"): the candidates for names, roles and organisations. The
# class comes first and the look-behind after it, so `re` skips to the next capital letter by its
# first-character set: twice as fast as the same pattern opening with the look-behind (13 against 25 us).
# (the group's possessive repeat as an atomic group, right on every 3.11: see claims.patterns.RE_TOKEN_FAST)
RE_CAP_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[\w'\u2019\-]*+(?>(?:[ \t]++(?:of[ \t]++)?[A-Z][\w'\u2019\-]*+)*)")
# fmt: on


def _lines(a: str) -> list[tuple[int, int]]:
    return [m.span() for m in RE_LINE.finditer(a)]


def _quote_marks(a: str) -> list[int]:
    return [m.start() for m in RE_QUOTE_MARK.finditer(a)]


def _sentence_ends(a: str) -> list[int]:
    # the parser's own pattern: on `regex` it beats every `re` form tried (8.9 against 10.5 us)
    return [m.end() for m in patterns.RE_SENTENCE_END.finditer(a)]


def _cues(a: str) -> list[tuple[int, int]]:
    # the parser's own cue scan (a prefix tree of every cue form on lower-cased text)
    return [m.span("cue") for m in patterns.RE_CUE_AFTER.finditer(a.lower())]


def _cap_runs(a: str) -> list[tuple[int, int]]:
    return [m.span() for m in RE_CAP_RUN.finditer(a)]


def _tokens(a: str) -> list[tuple[int, int]]:
    return text.tokens(a, 0, len(a))


def _count(pattern: re.Pattern[str], lower: bool = False) -> Callable[[str], int]:
    def run(a: str) -> int:
        n = 0
        for _ in pattern.finditer(a.lower() if lower else a):
            n += 1
        return n

    return run


SCANS: list[tuple[str, Callable[[str], Sized], Callable[[str], object] | None]] = [
    ("lines", _lines, _count(RE_LINE)),
    ("quote marks", _quote_marks, _count(RE_QUOTE_MARK)),
    ("sentence ends", _sentence_ends, None),
    ("cue words", _cues, _count(patterns.RE_CUE_AFTER, lower=True)),
    ("capitalised runs", _cap_runs, _count(RE_CAP_RUN)),
]
EXTRA: list[tuple[str, Callable[[str], object]]] = [
    ("word tokens (1 pass)", _tokens),
]


def _claims(a: str, n: int) -> list[Claim]:
    """The unavoidable output: one Claim per claim found, its text sliced from the article."""
    return [
        Claim(i, i + 10, a[i : i + 10], "direct", None, None, None, None, None, None, None, "unknown", None, None, "r", 1.0)
        for i in range(n)
    ]


def _stages(a: str) -> None:
    """The parser's stages up to claim spans, for the comparison rows."""
    head = header.read_header(a)
    paras = text.paragraphs(a, head.skip_spans)
    qs = text.find_quotes(a, paras)
    sents = text.sentences(a, paras, qs)
    quotes.find_claim_spans(a, paras, qs, sents)


def best_us(f: Callable[[str], object], texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for a in texts:
            f(a)
        best = min(best, time.process_time() - t0)
    return best / len(texts) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=7, help="runs per measurement; the best counts")
    ap.add_argument("--jsonl", type=Path, help='articles from a JSONL file\'s "text" fields instead (e.g. PolNeAR)')
    args = ap.parse_args()
    if args.jsonl:
        with args.jsonl.open(encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for line in f if line.strip()]
    else:
        texts = list(articles(args.articles))
    size = sum(len(a.encode("utf-8")) for a in texts) / len(texts)
    n_claims = round(sum(len(parse_article(a).claims) for a in texts[:200]) / len(texts[:200]))
    print(f"# {interpreter()} on {platform.machine()}; parser {parser_build()}")
    print(f"# {len(texts):,} articles, {size:,.0f} bytes each; best of {args.repeat}; 5 MB/s = {size / (5 * 2**20) * 1e6:.0f} us/article")
    print(f"{'scan':<28} {'us/article':>10} {'count only':>11} {'found/article':>14}")
    floor = 0.0
    for name, keep, count in SCANS:
        us = best_us(keep, texts, args.repeat)
        floor += us
        counted = f"{best_us(count, texts, args.repeat):>11.1f}" if count else f"{'':>11}"
        found = sum(len(keep(a)) for a in texts) / len(texts)
        print(f"{name:<28} {us:>10.1f} {counted} {found:>14.1f}")
    print(f"{'= five scans':<28} {floor:>10.1f}")
    claims_us = best_us(lambda a: _claims(a, n_claims), texts, args.repeat)
    print(f"{f'+ {n_claims} Claim objects':<28} {claims_us:>10.1f}")
    print(f"{'= floor':<28} {floor + claims_us:>10.1f}   ({size / 2**20 / (floor + claims_us) * 1e6:.1f} MB/s)")
    for name, f in EXTRA:
        print(f"{name:<28} {best_us(f, texts, args.repeat):>10.1f}")
    print("# the parser today, for comparison")
    print(f"{'header.read_header':<28} {best_us(header.read_header, texts, args.repeat):>10.1f}")
    print(f"{'up to claim spans':<28} {best_us(_stages, texts, args.repeat):>10.1f}")
    full = best_us(parse_article, texts, args.repeat)
    print(f"{'parse_article':<28} {full:>10.1f}   ({size / 2**20 / full * 1e6:.2f} MB/s)")


if __name__ == "__main__":
    main()
