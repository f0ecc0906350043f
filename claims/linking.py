"""Finds the same claim across articles: a normalised fingerprint, a fuzzy score from rapidfuzz,
and shingle keys for indexed blocking (speaker identity is `claims.speaker_match`).

Blocking (why linking one claim does not scan the store)
    Every stored claim gets a row for each of the SKETCH_KEYS smallest hashes of the word 3-shingles
    of its fingerprint (a bottom-k MinHash sketch) in an indexed table of 32-bit keys (`claimkey`).
    Near-copies share most of their smallest hashes, and a fragment's shingles are all shingles of
    the longer text, so its sketch keys are found among the longer text's shingles and the other way
    round; storing a sketch instead of every shingle keeps each key's postings short on syndicated
    copy. A new claim looks up all of its own keys, reads at most
    MAX_POSTINGS of the newest claims per key through the index, keeps the MAX_CANDIDATES claims that
    share the most keys, and only those are scored. The work per new claim is bounded by its length,
    not by the number of claims stored. Any near-copy shares most shingles (one changed word removes
    at most three), and a verbatim fragment of five words or more shares all of its own shingles,
    so both are found; a shingle so common that its postings overflow is boilerplate, not evidence.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import regex
from rapidfuzz import fuzz
from sqlmodel import Session

from claims.db import RawCursor, raw_cursor
from claims.models import (
    ClaimLink,
    LinkOrigin,
    LinkState,
    Relation,
    utcnow,
)

# Score thresholds on `similarity` (0..1), tuned on fixtures/linking/ and tests/test_linking.py:
# wire copies that differ in punctuation, quote marks or one trimmed word score 0.96-1.0; the same
# quote with a clause dropped or reworded scores 0.80-0.90; different quotes by the same speaker
# on the same story stay under 0.55.
HIGH = 0.90  # at or above: linked `same`, state `confirmed`, when the speaker is the same
LOW = 0.75  # at or above (and below HIGH, or speaker unknown): stored `suggested` for a person
FRAGMENT_MIN_WORDS = 5  # shorter quoted pieces ("liberated") are scare quotes, not fragments
FRAGMENT_MAX_SHARE = 0.9  # a "fragment" longer than this share of the other is a near copy instead
# partial_ratio finds the best-aligned window, so an unrelated quote sharing common words already
# scores about 0.75 against a long one; a fragment must be nearly verbatim to count.
FRAGMENT_MIN_SCORE = 0.85
FRAGMENT_COVERAGE = 0.8  # a fragment link is only confirmed when the quoted part is most of its claim
SHINGLE_WORDS = 3  # words per blocking shingle
MAX_POSTINGS = 12  # newest claims read per shingle key (copies link transitively: a few suffice)
SKETCH_KEYS = 16  # smallest shingle hashes stored per claim (bottom-k sketch)
MAX_CANDIDATES = 30  # claims scored per new claim
MAX_LINKS = 5  # automatic links per new claim; `same` is transitive, so one per copy group would do

CONFIRMED = LinkState.confirmed.value
SUGGESTED = LinkState.suggested.value
REJECTED = LinkState.rejected.value

# Characters removed without a trace, so `Iran's` and `Iran’s` both become `irans`.
_APOSTROPHES = str.maketrans(
    dict.fromkeys(
        "'\N{RIGHT SINGLE QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}\N{MODIFIER LETTER APOSTROPHE}"
        "\N{GRAVE ACCENT}\N{ACUTE ACCENT}\N{PRIME}",
        None,
    )
)
# Everything that is not a letter or a digit: quote marks, dashes, punctuation, brackets, ellipses.
RE_NON_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
# A stretch of text between two double quote marks of any style, for quoted pieces of mixed claims.
RE_QUOTED = regex.compile(
    r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
    r"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
    r"(?P<inner>[^\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
    r"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]+)"
    r"[\"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}"
    r"\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]"
)


def fold(text: str) -> str:
    """Casefold and strip accents (`Inés` -> `ines`)."""
    if text.isascii():  # most claims: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=4096)  # linking scores each new claim against up to MAX_CANDIDATES texts, often again
def fingerprint(text: str) -> str:
    """The normalised key of a claim's text: casefolded, accents stripped, apostrophes dropped,
    quote marks, dashes and other punctuation turned into spaces, whitespace collapsed.

    Wire copies that differ only in punctuation or quote style have equal fingerprints.
    """
    folded = fold(text).translate(_APOSTROPHES)
    return " ".join(RE_NON_ALNUM.sub(" ", folded).split())


def similarity(a: str, b: str) -> float:
    """How alike two claim texts are, in [0, 1]: rapidfuzz `ratio` (normalised Indel distance) on
    their fingerprints.

    `ratio` rather than `token_sort_ratio` because word order carries a quote's meaning ("Iran will
    help Iraq" is not "Iraq will help Iran"); punctuation is already gone from the fingerprints, so
    what is left to score is real wording change.
    """
    fa, fb = fingerprint(a), fingerprint(b)
    if not fa or not fb:
        return 0.0
    if fa == fb:
        return 1.0
    return float(fuzz.ratio(fa, fb)) / 100.0


def is_fragment(short: str, long: str) -> float | None:
    """Score `short` as a partial quote taken from `long` (rapidfuzz `partial_ratio`, best-aligned
    substring), or None when it is not one: fewer than FRAGMENT_MIN_WORDS words, not clearly
    shorter than `long`, or scoring under FRAGMENT_MIN_SCORE.
    """
    fs = fingerprint(short)
    return _fragment_score(fs, len(fs.split()), fingerprint(long))


def _fragment_score(short: str, words: int, long: str) -> float | None:
    # `is_fragment` on fingerprints already made (`match` keeps them cached); `words` is short's count.
    if words < FRAGMENT_MIN_WORDS or len(short) > FRAGMENT_MAX_SHARE * len(long):
        return None
    # Below the cut-off rapidfuzz stops early and gives 0; just under it so the test below decides.
    score = float(fuzz.partial_ratio(short, long, score_cutoff=FRAGMENT_MIN_SCORE * 100 - 0.01)) / 100.0
    return score if score >= FRAGMENT_MIN_SCORE else None


def quoted_parts(text: str) -> list[str]:
    """The pieces of `text` inside double quote marks, or `[text]` when it has none."""
    return list(_quoted_parts(text))


@lru_cache(maxsize=4096)  # `match` asks for both texts' parts on every candidate pair
def _quoted_parts(text: str) -> tuple[str, ...]:
    parts = tuple(m.group("inner") for m in RE_QUOTED.finditer(text))
    return parts or (text,)


def match(a: str, b: str, floor: float = 0.0) -> tuple[float, bool]:
    """The best evidence that `a` and `b` are the same statement, in [0, 1], and whether it covers
    the whole of both: their similarity, or, when one holds a quoted fragment of the other, the
    fragment score (whole only if the fragment is at least FRAGMENT_COVERAGE of its claim, so a
    mixed claim that adds its own reported words is not taken for a copy).

    A similarity under `floor` may come back as 0 (rapidfuzz stops early): linking passes LOW,
    under which nothing is linked anyway."""
    (fa, parts_a), (fb, parts_b) = _profile(a), _profile(b)
    if not fa or not fb:
        best = 0.0
    elif fa == fb:
        best = 1.0
    else:
        cutoff = max(floor * 100 - 0.01, 0.0)  # just under, so that the caller's test decides
        best = float(fuzz.ratio(fa, fb, score_cutoff=cutoff)) / 100.0
    whole = True
    if best >= HIGH:
        return best, whole
    # `is_fragment` on each quoted part of either text, from the cached profiles.
    for short, parts, long in ((fa, parts_a, fb), (fb, parts_b, fa)):
        for part, words in parts:
            score = _fragment_score(part, words, long)
            if score is not None and score > best:
                best = score
                whole = len(part) >= FRAGMENT_COVERAGE * len(short)
    return best, whole


@lru_cache(maxsize=4096)  # each new claim is matched against up to MAX_CANDIDATES stored ones
def _profile(text: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    # A text's fingerprint, and the fingerprint and word count of each of its quoted parts.
    parts = (fingerprint(part) for part in _quoted_parts(text))
    return fingerprint(text), tuple((part, len(part.split())) for part in parts)


def match_score(a: str, b: str) -> float:
    """`match(a, b)`'s score."""
    return match(a, b)[0]


def link_state(score: float, same_speaker: bool | None) -> str | None:
    """The state a `same` link gets: CONFIRMED (score >= HIGH and the speaker is the same),
    SUGGESTED (score >= LOW and the speaker is the same or unknown), or None: no link.

    Claims of two different known speakers are never linked as `same`.
    """
    if same_speaker is False or score < LOW:
        return None
    if score >= HIGH and same_speaker:
        return CONFIRMED
    return SUGGESTED


def _key(shingle: str) -> int:
    # A stable signed 32-bit hash (Python's hash() is salted per process) that fits an INTEGER;
    # a rare collision only adds a candidate, which scoring then drops.
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(), "big", signed=True)


def shingle_keys(text: str) -> set[int]:
    """The blocking keys of a claim: hashes of the word SHINGLE_WORDS-grams of its fingerprint
    (a text shorter than that gives one key for all its words; an empty one gives none)."""
    words = fingerprint(text).split()
    if len(words) <= SHINGLE_WORDS:
        return {_key(" ".join(words))} if words else set()
    return {_key(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)}


def rank_candidates(hits: Iterable[int], exclude: Iterable[int] = ()) -> list[int]:
    """Claim ids from key look-ups (one id per shared key), most shared keys first, at most
    MAX_CANDIDATES; ties go to the newest claim."""
    counts: dict[int, int] = {}
    for claim_id in hits:
        counts[claim_id] = counts.get(claim_id, 0) + 1
    for claim_id in exclude:
        counts.pop(claim_id, None)
    ranked = sorted(counts, key=lambda cid: (-counts[cid], -cid))
    return ranked[:MAX_CANDIDATES]


# Read through the DBAPI cursor (claims.db.RawCursor): one statement per article for all of its keys,
# with a fixed text (the ids go in as one JSON array or PostgreSQL array) so it is prepared once;
# each key still reads only its newest MAX_POSTINGS claims, as a range of the primary key.
_POSTINGS_SQL = {
    "sqlite": "SELECT j.value, (SELECT group_concat(claim_id) FROM (SELECT claim_id FROM claimkey "
    f"WHERE key = j.value ORDER BY claim_id DESC LIMIT {MAX_POSTINGS})) FROM json_each(?) AS j",
    "postgresql": "SELECT k, ARRAY(SELECT claim_id FROM claimkey WHERE key = k "
    f"ORDER BY claim_id DESC LIMIT {MAX_POSTINGS}) FROM unnest(?::integer[]) AS k",
}
_CANDIDATES_SQL = {
    "sqlite": "SELECT id, article_id, speaker_id, text FROM claim WHERE id IN (SELECT value FROM json_each(?))",
    "postgresql": "SELECT id, article_id, speaker_id, text FROM claim WHERE id = ANY(?::integer[])",
}
_KEY_INSERT_SQL = "INSERT INTO claimkey (key, claim_id) VALUES (?, ?)"
_LINK_COLUMNS = ("a_id", "b_id", "relation", "score", "origin", "state", "created_at")


def postings(session: Session, keys: Collection[int]) -> dict[int, list[int]]:
    """The newest MAX_POSTINGS claim ids stored under each of `keys` (keys with none are left out)."""
    return _read_postings(raw_cursor(session), keys)


def _id_array(cursor: RawCursor, ids: Collection[int]) -> object:
    # One parameter holding many ints: a JSON array for SQLite's json_each, a list for PostgreSQL.
    return json.dumps(list(ids)) if cursor.dialect == "sqlite" else list(ids)


def _read_postings(cursor: RawCursor, keys: Collection[int]) -> dict[int, list[int]]:
    if not keys:
        return {}
    found: dict[int, list[int]] = {}
    for key, ids in cursor.rows(_POSTINGS_SQL[cursor.dialect], (_id_array(cursor, keys),)):
        if ids:  # SQLite gives "12,7,3", PostgreSQL a list
            found[key] = [int(i) for i in ids.split(",")] if isinstance(ids, str) else list(ids)
    return found


def _candidate_rows(cursor: RawCursor, ids: Collection[int]) -> CandidateRows:
    # (article_id, speaker_id, text) by claim id, in one statement.
    if not ids:
        return {}
    rows = cursor.rows(_CANDIDATES_SQL[cursor.dialect], (_id_array(cursor, ids),))
    return {claim_id: (article_id, speaker_id, text) for claim_id, article_id, speaker_id, text in rows}


class LinkableClaim(Protocol):
    """What linking reads of a new claim (a stored Claim row, or store.StoredClaim)."""

    @property
    def id(self) -> int | None: ...
    @property
    def article_id(self) -> int: ...
    @property
    def speaker_id(self) -> int | None: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NewLink:
    """A `same` link made at ingest: `a_id` is the stored claim, `b_id` the new one."""

    a_id: int
    b_id: int
    relation: str
    score: float
    state: str


# A stored claim as linking reads it: (article_id, speaker_id, text) by claim id.
CandidateRows = dict[int, tuple[int, int | None, str]]


def link_new_claims(
    session: Session, claims: Sequence[LinkableClaim], known: CandidateRows | None = None
) -> list[NewLink]:
    """Link each new (flushed) claim to the stored claims that state the same thing, and index
    its blocking keys. Never commits.

    Candidates come from the shingle-key index (see the module docstring), read for all of
    `claims` at once; claims of the same article are skipped (their keys are indexed after all of
    them are linked, so they take no posting slots). Each candidate is scored with `match`, and
    `link_state` decides: a `same` link that is confirmed, suggested, or none (never between two
    different speakers). At most MAX_LINKS links per new claim, the best scores first: `same` is
    transitive (`same_group`), so a quote syndicated a hundred times needs no hundred links per
    copy. Returns the links written.

    `known` keeps the candidate rows read, for the next call in the same transaction (a build
    links many articles that share candidates); the rows it already holds are not read again.
    """
    cursor = raw_cursor(session)
    keyed = [(claim, sorted(shingle_keys(claim.text))) for claim in claims]
    found_postings = _read_postings(cursor, {key for _, keys in keyed for key in keys})
    ranked: list[list[int]] = []
    for claim, keys in keyed:
        assert claim.id is not None, "link_new_claims needs flushed claims"
        hits = [other for key in keys for other in found_postings.get(key, ())]
        ranked.append(rank_candidates(hits, exclude=[claim.id]) if hits else [])
    stored = {} if known is None else known
    stored.update(
        _candidate_rows(
            cursor, {other for candidates in ranked for other in candidates if other not in stored}
        )
    )
    links: list[NewLink] = []
    for (claim, _), candidates in zip(keyed, ranked, strict=True):
        claim_id = claim.id
        assert claim_id is not None
        found: list[tuple[float, int, str]] = []
        for other_id in candidates:
            row = stored.get(other_id)
            if row is None or row[0] == claim.article_id:
                continue
            speaker_id = row[1]
            same = None if claim.speaker_id is None or speaker_id is None else claim.speaker_id == speaker_id
            if same is False:
                continue
            score, whole = match(row[2], claim.text, floor=LOW)
            state = link_state(score, same)
            if state is None:
                continue
            if not whole:  # a mixed claim holding a fragment says more than the quote: ask
                state = SUGGESTED
            found.append((score, other_id, state))
        # Confirmed first, then by score, then the newest copy.
        found.sort(key=lambda f: (f[2] != CONFIRMED, -f[0], -f[1]))
        links.extend(
            NewLink(other_id, claim_id, Relation.same.value, round(score, 3), state)
            for score, other_id, state in found[:MAX_LINKS]
        )
    cursor.run_many(_KEY_INSERT_SQL, [(key, claim.id) for claim, keys in keyed for key in keys[:SKETCH_KEYS]])
    if links:  # one executemany: link rows need no ORM objects (thousands on syndicated copy)
        add = cursor.insert(ClaimLink.__table__, _LINK_COLUMNS)  # type: ignore[attr-defined]
        now, auto = utcnow(), LinkOrigin.auto.value
        cursor.run_many(
            add.sql, [add.values((k.a_id, k.b_id, k.relation, k.score, auto, k.state, now)) for k in links]
        )
    return links
