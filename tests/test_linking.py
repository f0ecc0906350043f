"""Linking logic: fingerprints, scores, thresholds, blocking keys and speaker identity rules."""

from __future__ import annotations

import re

import pytest
from conftest import FIXTURES

from claims.linking import (
    CONFIRMED,
    HIGH,
    LOW,
    MAX_CANDIDATES,
    SUGGESTED,
    fingerprint,
    is_fragment,
    link_state,
    match,
    match_score,
    quoted_parts,
    rank_candidates,
    shingle_keys,
    similarity,
)
from claims.speaker_match import KnownSpeaker, name_tokens, resolve_speaker, roles_conflict, same_person

LINKING = FIXTURES / "linking"
WIRE = ["harbour-herald-reservoirs.txt", "capital-courier-reservoirs.txt", "daily-ledger-reservoirs.txt"]
# A paragraph that opens with a double quote mark: the quote runs to its closing mark.
_OPENING_QUOTE = re.compile(r'^["\u201c](?P<body>[^"\u201d]+)["\u201d]', re.M)


def _quotes(name: str) -> list[str]:
    text = (LINKING / name).read_text(encoding="utf-8")
    return [m.group(0) for m in _OPENING_QUOTE.finditer(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will not allow it," she said.', "we will not allow it she said"),
        ("\u201cWe will not allow it \u2014 ever,\u201d", "we will not allow it ever"),
        ("Iran\u2019s adviser; Iran's adviser", "irans adviser irans adviser"),
        ("In\u00e9s CARVALHO  said\n\t...", "ines carvalho said"),
        ("to confront [them]... then", "to confront them then"),
        ("", ""),
    ],
)
def test_fingerprint(text: str, expected: str) -> None:
    assert fingerprint(text) == expected


def test_wire_copies_score_above_high() -> None:
    first = [_quotes(name)[0] for name in WIRE]
    assert len(set(first)) == 3  # the three outlets punctuate it differently
    assert fingerprint(first[0]) == fingerprint(first[1])  # only punctuation and quote style differ
    for other in first[1:]:
        assert similarity(first[0], other) >= HIGH
        assert link_state(match_score(first[0], other), same_speaker=True) == CONFIRMED


def test_second_quote_reworded_still_same() -> None:
    herald, courier = _quotes(WIRE[0])[1], _quotes(WIRE[1])[1]
    assert HIGH <= similarity(herald, courier) < 1.0


def test_different_quotes_of_one_speaker_stay_apart() -> None:
    rationing, panic = _quotes(WIRE[0])
    assert similarity(rationing, panic) < LOW
    assert link_state(match_score(rationing, panic), same_speaker=True) is None


def test_moreno_quotes_do_not_match_each_other() -> None:
    quotes = _quotes("northern-post-moreno.txt")
    assert len(quotes) == 3
    for i, a in enumerate(quotes):
        for b in quotes[i + 1 :]:
            assert match_score(a, b) < LOW


@pytest.mark.parametrize(
    "a, b, low, high",
    [
        # a clause reworded: for a person to confirm
        (
            "We will not allow the reservoirs to run dry this summer, and rationing will begin in the eastern districts on Monday if the rain does not come",
            "We will not let the reservoirs run dry this summer, and rationing will start in the eastern districts on Monday if it does not rain",
            LOW,
            HIGH,
        ),
        # a few words changed, meaning kept: linked without asking
        (
            "Not one nurse will be hired before the autumn, because the money is not in this year's budget",
            "Not a single nurse will be hired before autumn, as the money is not in this year's budget",
            HIGH,
            1.0,
        ),
        # word order carries meaning: swapped words are never linked unasked (token_sort_ratio says 1.0)
        ("We will cut taxes and raise spending", "We will raise taxes and cut spending", 0.0, HIGH),
        (
            "The army will not leave the city until the rebels disarm",
            "The rebels will not leave the city until the army disarms",
            0.0,
            HIGH,
        ),
    ],
)
def test_similarity_bands(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(a, b) < high


def test_fragment_of_a_longer_quote() -> None:
    long = _quotes(WIRE[0])[0]
    ledger = (LINKING / WIRE[2]).read_text(encoding="utf-8")
    mixed = next(line for line in ledger.splitlines() if line.startswith("Carvalho said rationing"))
    assert similarity(mixed, long) < LOW  # as a whole sentence it is not a copy
    [part] = quoted_parts(mixed)
    assert is_fragment(part, long) == 1.0
    assert match_score(mixed, long) == match_score(long, mixed) == 1.0
    assert match(mixed, long) == (1.0, False)  # the mixed claim adds "hospitals would be exempt"
    assert match(part, long) == (1.0, True)
    trimmed = _quotes(WIRE[2])[0]  # the Ledger's own copy lacks a "the"
    assert HIGH <= match_score(mixed, trimmed) < 1.0


@pytest.mark.parametrize(
    "short, long",
    [
        (
            "liberated",
            "I firmly believe that eventually Ramadi will be liberated from the grip of terrorists",
        ),
        (
            "will be liberated soon",
            "I firmly believe that eventually Ramadi will be liberated from the grip of terrorists",
        ),
        # as long as the other: a near copy, scored by similarity instead
        ("We will halve the waiting lists", "We will halve the waiting lists."),
        # shares common words but is a different statement
        (
            "Rationing will not begin in the western districts this summer, whatever the rain does",
            "We will not allow the reservoirs to run dry this summer, and rationing will begin in the eastern districts on Monday if the rain does not come",
        ),
    ],
)
def test_not_fragments(short: str, long: str) -> None:
    assert is_fragment(short, long) is None


@pytest.mark.parametrize(
    "score, same_speaker, expected",
    [
        (1.0, True, CONFIRMED),
        (HIGH, True, CONFIRMED),
        (HIGH - 0.01, True, SUGGESTED),
        (LOW, True, SUGGESTED),
        (LOW - 0.01, True, None),
        (1.0, None, SUGGESTED),  # speaker unknown on one side: a person decides
        (1.0, False, None),  # two different speakers are never `same`
        (0.8, False, None),
    ],
)
def test_link_state(score: float, same_speaker: bool | None, expected: str | None) -> None:
    assert link_state(score, same_speaker) == expected


def test_shingle_keys_block_copies_together_and_apart_from_others() -> None:
    herald, courier, ledger = (_quotes(name)[0] for name in WIRE)
    keys = shingle_keys(herald)
    assert keys == shingle_keys(courier)
    assert len(keys & shingle_keys(ledger)) >= len(keys) // 2  # one trimmed word
    assert not keys & shingle_keys(_quotes("northern-post-moreno.txt")[0])
    assert shingle_keys("Yes") == shingle_keys('"yes!"') and len(shingle_keys("Yes")) == 1
    assert shingle_keys("...") == set()
    assert all(-(2**31) <= k < 2**31 for k in keys)  # fits an INTEGER column


def test_rank_candidates_orders_by_shared_keys_and_caps() -> None:
    hits = [5, 9, 9, 9, 7, 7, 5, 3] + list(range(100, 100 + 2 * MAX_CANDIDATES))
    ranked = rank_candidates(hits, exclude=[3])
    assert ranked[:3] == [9, 7, 5]
    assert 3 not in ranked
    assert len(ranked) == MAX_CANDIDATES


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Dr. Inés Carvalho", ("ines", "carvalho")),
        ("Mr Hossein Dehghan", ("hossein", "dehghan")),
        ("Jean-Luc Picard", ("jeanluc", "picard")),
        ("Ms", ("ms",)),
    ],
)
def test_name_tokens(name: str, expected: tuple[str, ...]) -> None:
    assert name_tokens(name) == expected


@pytest.mark.parametrize(
    "a, a_role, b, b_role, expected",
    [
        ("Inés Carvalho", "the water minister", "Ines Carvalho", None, True),
        ("ALI AKBAR VELAYATI", None, "Ali Akbar Velayati", "an adviser", True),
        ("Ali Akbar Velayati", "an adviser to Iran's supreme leader", "Velayati", None, None),
        ("Ali Akbar Velayati", None, "A. A. Velayati", None, None),
        ("Ali Akbar Velayati", None, "Ali Velayati", None, None),
        ("Ana Moreno", "the health minister", "Luis Moreno", "the opposition health spokesman", False),
        ("Ana Moreno", None, "Luis Moreno", None, False),
        ("Hossein Dehghan", None, "Ali Akbar Velayati", None, False),
        # a bare surname whose role conflicts is another person
        (
            "Ali Akbar Velayati",
            "an adviser to Iran's supreme leader",
            "Velayati",
            "the defence minister",
            False,
        ),
        ("Ana Moreno", "the health minister", "Moreno", "the opposition health spokesman", False),
        ("Ana Moreno", "the health minister", "Moreno", "Health Minister", None),
    ],
)
def test_same_person(a: str, a_role: str | None, b: str, b_role: str | None, expected: bool | None) -> None:
    assert same_person(a, a_role, b, b_role) is expected
    assert same_person(b, b_role, a, a_role) is expected


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("the water minister", "health minister", True),
        ("an adviser to Iran's supreme leader", "Iran's defence minister", True),
        ("the foreign minister", "Iran\u2019s foreign minister", False),
        ("the Iranian Defence Minister", "the defence minister of Iran", False),
        ("minister", "the former water minister", False),
        (None, "the water minister", False),
        ("", "", False),
    ],
)
def test_roles_conflict(a: str | None, b: str | None, expected: bool) -> None:
    assert roles_conflict(a, b) is expected


VELAYATI = KnownSpeaker(1, "Ali Akbar Velayati", "an adviser to Iran's supreme leader", ("Velayati",))
HASSAN = KnownSpeaker(2, "Hassan Velayati", "a member of parliament")
BARE = KnownSpeaker(3, "Carvalho", None)


@pytest.mark.parametrize(
    "name, role, known, expected",
    [
        ("Ali Akbar Velayati", None, [VELAYATI], VELAYATI),
        ("ali akbar velayati", "a former foreign minister", [VELAYATI, HASSAN], VELAYATI),  # full name wins
        ("Velayati", None, [VELAYATI], VELAYATI),  # unambiguous short form
        ("Ali Velayati", None, [VELAYATI, HASSAN], VELAYATI),  # first names settle it
        ("Velayati", None, [VELAYATI, HASSAN], None),  # two Velayatis: ambiguous, not merged
        ("Velayati", "the defence minister", [VELAYATI], None),  # conflicting role
        ("Mohammad Velayati", None, [VELAYATI, HASSAN], None),  # a third person
        ("Inés Carvalho", "the water minister", [BARE], BARE),  # a stored bare surname, unique
        ("Inés Carvalho", None, [BARE, KnownSpeaker(4, "Rui Carvalho")], None),  # bare one is ambiguous
        ("Velayati", None, [], None),
    ],
)
def test_resolve_speaker(
    name: str, role: str | None, known: list[KnownSpeaker], expected: KnownSpeaker | None
) -> None:
    assert resolve_speaker(name, role, known) == expected
