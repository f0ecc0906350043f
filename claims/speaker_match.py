"""Whether two speaker names are one person across articles: comparable name tokens, role
conflicts, and resolving a new name against the stored people who share its surname."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex
from sqlmodel import Session

from claims.db import raw_cursor
from claims.linking import RE_NON_ALNUM, fingerprint, fold

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
    words: set[str] = set()
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
    last_keys = (surname(name), RE_NON_ALNUM.sub(" ", fold(name)).split()[-1])
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
