"""Finds the same claim and the same speaker across articles: a normalised fingerprint, a fuzzy
score from rapidfuzz, shingle keys for indexed blocking, and the speaker identity rules.

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
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import regex
from rapidfuzz import fuzz
from sqlalchemy import insert, or_
from sqlmodel import Session, col, select

from claims.db import RawCursor, raw_cursor
from claims.models import (
    Claim,
    ClaimLink,
    LinkOrigin,
    LinkState,
    Relation,
    Review,
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


def _fold(text: str) -> str:
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
    folded = _fold(text).translate(_APOSTROPHES)
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
    fs, fl = fingerprint(short), fingerprint(long)
    if len(fs.split()) < FRAGMENT_MIN_WORDS or len(fs) > FRAGMENT_MAX_SHARE * len(fl):
        return None
    # Below the cut-off rapidfuzz stops early and gives 0; just under it so the test below decides.
    score = float(fuzz.partial_ratio(fs, fl, score_cutoff=FRAGMENT_MIN_SCORE * 100 - 0.01)) / 100.0
    return score if score >= FRAGMENT_MIN_SCORE else None


def quoted_parts(text: str) -> list[str]:
    """The pieces of `text` inside double quote marks, or `[text]` when it has none."""
    parts = [m.group("inner") for m in RE_QUOTED.finditer(text)]
    return parts or [text]


def match(a: str, b: str, floor: float = 0.0) -> tuple[float, bool]:
    """The best evidence that `a` and `b` are the same statement, in [0, 1], and whether it covers
    the whole of both: their similarity, or, when one holds a quoted fragment of the other, the
    fragment score (whole only if the fragment is at least FRAGMENT_COVERAGE of its claim, so a
    mixed claim that adds its own reported words is not taken for a copy).

    A similarity under `floor` may come back as 0 (rapidfuzz stops early): linking passes LOW,
    under which nothing is linked anyway."""
    fa, fb = fingerprint(a), fingerprint(b)
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
    for short, long in ((a, b), (b, a)):
        for part in quoted_parts(short):
            score = is_fragment(part, long)
            if score is not None and score > best:
                best = score
                whole = len(fingerprint(part)) >= FRAGMENT_COVERAGE * len(fingerprint(short))
    return best, whole


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


# ---------------------------------------------------------------------------------------------
# Speakers across articles

# Courtesy titles dropped from the front of a name before comparing.
_HONORIFICS = frozenset({"dame", "dr", "lady", "lord", "miss", "mr", "mrs", "ms", "prof", "professor", "sir"})
# Words that say nothing about which office a role is (`the`, `former`), dropped before comparing roles.
_ROLE_STOPWORDS = frozenset(
    {"a", "acting", "an", "and", "at", "by", "country", "current", "for", "former", "from", "in",
     "of", "on", "one", "s", "the", "then", "to", "who", "with"}
)  # fmt: skip
# A word ending in a possessive: the organisation or country that qualifies a role (`Iran's`).
RE_POSSESSIVE = regex.compile(r"^(?P<stem>.+?)['\N{RIGHT SINGLE QUOTATION MARK}]s?$")


def name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as comparable tokens: folded, punctuation dropped, honorifics removed
    (`Dr. Inés Carvalho` -> `('ines', 'carvalho')`)."""
    words = fingerprint(name.replace("-", "")).split()  # `Jean-Luc` is one given name
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return tuple(words)


def surname(name: str) -> str:
    """The folded last word of a name, the key speakers are looked up by (`''` for no name)."""
    tokens = name_tokens(name)
    return tokens[-1] if tokens else ""


def _role_words(role: str) -> set[str]:
    words = set()
    for raw in role.split():
        m = RE_POSSESSIVE.match(raw)
        if m:  # `Iran's` qualifies the office; it is not the office
            continue
        words.update(w for w in fingerprint(raw).split() if w not in _ROLE_STOPWORDS)
    return words


def roles_conflict(a: str | None, b: str | None) -> bool:
    """True when both roles are known and name different offices: fewer than half plus one of the
    smaller role's words are shared (`water minister` vs `health minister` conflict; `the foreign
    minister` vs `Iran's foreign minister` do not; `adviser to the leader` vs `defence minister` do)."""
    if not a or not b:
        return False
    wa, wb = _role_words(a), _role_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) <= min(len(wa), len(wb)) / 2


def _given_compatible(short: Sequence[str], long: Sequence[str]) -> bool:
    # Each given name of the shorter form appears in order in the longer one, the first names
    # agree, and an initial (`A.` -> `a`) stands for any name with that first letter.
    def agree(x: str, y: str) -> bool:
        return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))

    if not short or not long or not agree(short[0], long[0]):
        return False
    i = 0
    for token in short:
        while i < len(long) and not agree(token, long[i]):
            i += 1
        if i == len(long):
            return False
        i += 1
    return True


def same_person(a_name: str, a_role: str | None, b_name: str, b_role: str | None) -> bool | None:
    """Whether two speaker names (with roles) are one person, from the names alone.

    Returns True when the full names are equal ignoring case, accents and honorifics; False when the
    surnames differ, the given names differ, or a short form's role conflicts with the other's;
    None when one is a compatible short form of the other (`Velayati`, `Ali Velayati`, `A. A.
    Velayati` for `Ali Akbar Velayati`): the caller decides, merging only if that is unambiguous
    among the stored speakers (`resolve_speaker`).
    """
    ta, tb = name_tokens(a_name), name_tokens(b_name)
    if not ta or not tb:
        return None
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) > 1 and not _given_compatible(short[:-1], long[:-1]):
        return False
    if roles_conflict(a_role, b_role):
        return False
    return None


@dataclass(frozen=True, slots=True)
class KnownSpeaker:
    """A stored speaker as `resolve_speaker` sees it."""

    id: int
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()


def resolve_speaker(name: str, role: str | None, known: Sequence[KnownSpeaker]) -> KnownSpeaker | None:
    """The stored speaker that `name` (with `role`) is, or None for a new speaker.

    `known` should hold every stored person sharing the surname (`surname(name)`). An exact match of
    a full name (or full-name alias) wins. Otherwise a compatible short or long form, whose role
    does not conflict, matches only when it is the one such speaker, and a stored bare surname is
    only taken when no other stored speaker has that surname: two stored `X Velayati` with different
    first names make a bare `Velayati` ambiguous, and it is not merged.
    """
    full = len(name_tokens(name)) > 1
    family = [k for k in known if surname(k.name) == surname(name)]
    compatible: list[KnownSpeaker] = []
    for k in family:
        # The canonical name decides who someone is not; an alias can only add an exact match.
        verdict = same_person(name, role, k.name, k.role)
        if verdict is False:
            continue
        exact = verdict is True or any(
            same_person(name, role, alias, k.role) is True
            for alias in k.aliases
            if len(name_tokens(alias)) > 1
        )
        if full and exact:
            return k
        if not roles_conflict(role, k.role):
            compatible.append(k)
    if len(compatible) != 1:
        return None
    match = compatible[0]
    if len(name_tokens(match.name)) == 1 and len(family) > 1:
        return None
    return match


def resolve_stored_speaker(
    session: Session, name: str, kind: str, role: str | None
) -> tuple[int, str, str | None] | None:
    """The stored person `name` is under another form (`Velayati`, `Ali Velayati`, an accent-less
    spelling), by `resolve_speaker` over the people sharing its surname, as (id, key, role); None
    for a new speaker or an ambiguous name. Only people are resolved: organisations and groups
    match by key."""
    if kind != "person" or not name_tokens(name):
        return None
    # Both this module's surname and the store's alias key form (`o brien` -> `brien`).
    last_keys = (surname(name), RE_NON_ALNUM.sub(" ", _fold(name)).split()[-1])
    rows = raw_cursor(session).rows(_PEOPLE_BY_ALIAS_SQL, last_keys)
    if not rows:
        return None
    people: dict[int, tuple[str, str, str | None]] = {}
    aliases: dict[int, list[str]] = {}
    for speaker_id, speaker_name, key, speaker_role, alias in rows:
        people[speaker_id] = (speaker_name, key, speaker_role)
        aliases.setdefault(speaker_id, []).append(alias)
    known = [KnownSpeaker(i, n, r, tuple(aliases[i])) for i, (n, _, r) in people.items()]
    found = resolve_speaker(name, role, known)
    if found is None:
        return None
    return found.id, people[found.id][1], people[found.id][2]


# The people with an alias equal to either of two keys, one row per alias of theirs.
_PEOPLE_BY_ALIAS_SQL = (
    "SELECT s.id, s.name, s.key, s.role, a.alias FROM speaker s JOIN speakeralias a ON a.speaker_id = s.id "
    "WHERE s.kind = 'person' AND s.id IN (SELECT speaker_id FROM speakeralias WHERE alias_key IN (?, ?)) "
    "ORDER BY s.id, a.id"
)


# Read through the DBAPI cursor (claims.db.RawCursor): thousands of these run per second of ingest.
_POSTINGS_SQL = f"SELECT claim_id FROM claimkey WHERE key = ? ORDER BY claim_id DESC LIMIT {MAX_POSTINGS}"
_KEY_INSERT_SQL = "INSERT INTO claimkey (key, claim_id) VALUES (?, ?)"


def _postings(session: Session, keys: Sequence[int]) -> list[int]:
    # One id per (key, claim) hit, the newest MAX_POSTINGS claims per key, each read as a range of
    # the (key, claim_id) primary key by one prepared statement.
    return _read_postings(raw_cursor(session), keys, None)


def _read_postings(cursor: RawCursor, keys: Sequence[int], cache: dict[int, list[int]] | None) -> list[int]:
    # `_postings`; `cache` keeps each key's postings for the other claims of the same article.
    hits: list[int] = []
    for key in keys:
        found = cache.get(key) if cache is not None else None
        if found is None:
            found = [row[0] for row in cursor.rows(_POSTINGS_SQL, (key,))]
            if cache is not None:
                cache[key] = found
        hits.extend(found)
    return hits


def _candidate_rows(
    cursor: RawCursor, ids: Sequence[int], known: dict[int, tuple[int, int | None, str]]
) -> list[tuple[int, int, int | None, str]]:
    # (id, article_id, speaker_id, text) of each id, read once per article run into `known`.
    missing = [i for i in ids if i not in known]
    if missing:
        marks = ",".join("?" * len(missing))
        sql = f"SELECT id, article_id, speaker_id, text FROM claim WHERE id IN ({marks})"
        for claim_id, article_id, speaker_id, text in cursor.rows(sql, missing):
            known[claim_id] = (article_id, speaker_id, text)
    return [(i, *known[i]) for i in ids if i in known]


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


def link_new_claims(session: Session, claims: Sequence[LinkableClaim]) -> list[NewLink]:
    """Link each new (flushed) claim to the stored claims that state the same thing, and index
    its blocking keys. Never commits.

    Candidates come from the shingle-key index (see the module docstring); claims of the same
    article are skipped (their keys are indexed after all of them are linked, so they take no
    posting slots). Each candidate is scored with `match`, and `link_state` decides: a `same`
    link that is confirmed, suggested, or none (never between two different speakers). At most
    MAX_LINKS links per new claim, the best scores first: `same` is transitive (`same_group`), so
    a quote syndicated a hundred times needs no hundred links per copy. Returns the links written.
    """
    links: list[NewLink] = []
    key_rows: list[tuple[int, int]] = []
    postings: dict[int, list[int]] = {}
    known: dict[int, tuple[int, int | None, str]] = {}
    cursor = raw_cursor(session)
    for claim in claims:
        claim_id, article_id, claim_speaker, claim_text = (
            claim.id,
            claim.article_id,
            claim.speaker_id,
            claim.text,
        )
        assert claim_id is not None, "link_new_claims needs flushed claims"
        keys = sorted(shingle_keys(claim_text))
        candidates = (
            rank_candidates(_read_postings(cursor, keys, postings), exclude=[claim_id]) if keys else []
        )
        found: list[tuple[float, int, str]] = []
        for other_id, other_article, speaker_id, text in _candidate_rows(cursor, candidates, known):
            if other_article == article_id:
                continue
            same = None if claim_speaker is None or speaker_id is None else claim_speaker == speaker_id
            if same is False:
                continue
            score, whole = match(text, claim_text, floor=LOW)
            state = link_state(score, same)
            if state is None:
                continue
            if not whole:  # a mixed claim holding a fragment says more than the quote: ask
                state = SUGGESTED
            found.append((score, other_id, state))
        # Confirmed first, then by score, then the newest copy.
        found.sort(key=lambda f: (f[2] != CONFIRMED, -f[0], -f[1]))
        for score, other_id, state in found[:MAX_LINKS]:
            links.append(NewLink(other_id, claim_id, Relation.same.value, round(score, 3), state))
        key_rows.extend((key, claim_id) for key in keys[:SKETCH_KEYS])
    cursor.run_many(_KEY_INSERT_SQL, key_rows)
    if links:  # Core executemany: link rows need no ORM objects (thousands on syndicated copy)
        now = utcnow()
        session.connection().execute(
            insert(ClaimLink),
            [
                {
                    "a_id": k.a_id,
                    "b_id": k.b_id,
                    "relation": k.relation,
                    "score": k.score,
                    "origin": LinkOrigin.auto.value,
                    "state": k.state,
                    "created_at": now,
                }
                for k in links
            ],
        )
    return links


def same_group(session: Session, claim_id: int) -> list[int]:
    """Every claim reachable from `claim_id` through confirmed `same` links, itself excluded,
    in id order (`same` is an equivalence: a copy of a copy is a copy)."""
    seen = {claim_id}
    frontier = [claim_id]
    while frontier:
        rows = session.exec(
            select(ClaimLink.a_id, ClaimLink.b_id).where(
                ClaimLink.relation == Relation.same.value,
                ClaimLink.state == CONFIRMED,
                or_(col(ClaimLink.a_id).in_(frontier), col(ClaimLink.b_id).in_(frontier)),
            )
        ).all()
        frontier = [i for pair in rows for i in pair if i not in seen]
        seen.update(frontier)
    seen.discard(claim_id)
    return sorted(seen)


def propagate_review(
    session: Session, claim_id: int, review: Review, skip: Collection[int] = ()
) -> list[Review]:
    """Record `review` (just made on `claim_id`) on every claim linked to it as confirmed `same`,
    except those in `skip`: each gets its own Review naming the origin claim, and takes its status.
    Never commits. Returns the new reviews, flushed.
    """
    out: list[Review] = []
    for other_id in same_group(session, claim_id):
        if other_id in skip:
            continue
        other = session.get(Claim, other_id)
        if other is None:
            continue
        other.status = review.status
        session.add(other)
        copy = Review(
            claim_id=other_id,
            status=review.status,
            note=review.note,
            evidence=list(review.evidence),
            reviewer=review.reviewer,
            origin_claim_id=claim_id,
        )
        session.add(copy)
        out.append(copy)
    session.flush()
    return out


def propagate_reviews(session: Session, reviews: Sequence[Review]) -> list[Review]:
    """`propagate_review` for each of `reviews` (made together, e.g. `claims verify 3 5 --propagate`),
    each claim reviewed once: a claim reviewed directly or by an earlier origin is not reviewed again."""
    done = {r.claim_id for r in reviews}
    out: list[Review] = []
    for review in reviews:
        copies = propagate_review(session, review.claim_id, review, skip=done)
        done.update(c.claim_id for c in copies)
        out.extend(copies)
    return out
