"""The parser's `re` patterns must match the same on every CPython 3.11 release.

`re` before 3.11.5 matched a possessively repeated group wrongly (python/cpython#106052, #100061):
Debian 12's Python 3.11.2 cut "Mr. Obama" into the tokens "Mr." and "Obama", so sentences and
speakers came out differently there. The patterns write such repeats as atomic groups instead.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import claims
from claims.pipeline import parse_article
from claims.text import tokens

# `)*+`, `)++`, `)?+`, `){m,n}+`: a possessive quantifier right after a group
POSSESSIVE_GROUP = re.compile(r"\)(?:[*+?]|\{\d*,?\d*\})\+")


def _re_patterns() -> list[tuple[str, str]]:
    """(name, source) of every `re` pattern in the package, bytes patterns decoded."""
    found = []
    for info in pkgutil.walk_packages(claims.__path__, "claims."):
        if info.name.endswith("__main__"):
            continue  # running it is the CLI
        module = importlib.import_module(info.name)
        found += [
            (f"{info.name}.{name}", v.pattern.decode("latin-1") if isinstance(v.pattern, bytes) else v.pattern)
            for name, v in vars(module).items()
            if isinstance(v, re.Pattern)
        ]
    return found


def test_no_re_pattern_repeats_a_group_possessively() -> None:
    patterns = _re_patterns()
    assert len(patterns) > 10  # the scan sees the parser's patterns
    assert [name for name, source in patterns if POSSESSIVE_GROUP.search(source)] == []


def test_an_abbreviation_is_a_word_and_its_full_stop_and_ends_no_sentence() -> None:
    text = "An aide to Mr. Obama said the plan had failed. It had."
    words = [text[s:e] for s, e in tokens(text, 0, len(text))]
    assert words[3:6] == ["Mr", ".", "Obama"]
    assert words[-2:] == ["had", "."]
    [claim] = parse_article(text).claims
    assert (claim.mention, claim.text) == ("An aide to Mr. Obama", "the plan had failed")
