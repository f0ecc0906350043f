"""Speaker queries and writes of the store: finding or creating a speaker with its aliases (at ingest,
with a per-run cache), and looking speakers up by name. Like `claims.store`, never commits."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from sqlalchemy import func, text
from sqlmodel import Session, col, select

from claims.db import raw_cursor
from claims.errors import StoreError
from claims.models import Claim, Speaker, SpeakerAlias, SpeakerPublic
from claims.results import Claim as ParsedClaim
from claims.speaker_match import resolve_stored_speaker

# Anything that is not a letter or digit separates tokens of a key (`Iran’s` -> `iran s`).
_RE_NON_WORD = regex.compile(r"[^\p{L}\p{N}]+")
# Kinds whose last name token is worth an alias (`velayati`); an organisation's last word is not.
_SURNAME_KINDS = frozenset({"person"})
# Speaker keys share these advisory locks on PostgreSQL so that two ingests create one speaker.
_PG_SPEAKER_LOCK_CLASS = 7


def normalise_key(name: str) -> str:
    """`name` casefolded, accents stripped, punctuation to single spaces: `Véláyati's` -> `velayati s`."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _RE_NON_WORD.sub(" ", bare.casefold()).strip()


_ALIAS_CACHE = "claims_alias_keys"


@dataclass(slots=True)
class SpeakerCache:
    """Speakers already resolved in this run, so a repeated name costs no query."""

    ids: dict[tuple[str, str], int] = field(default_factory=dict)  # (key, kind) -> speaker id
    keys: dict[int, str] = field(default_factory=dict)  # speaker id -> its normalised name
    roleless: set[int] = field(default_factory=set)  # speakers stored without a role yet
    alias_keys: dict[int, set[str]] = field(default_factory=dict)  # speaker id -> alias keys stored

    def clear(self) -> None:
        self.ids.clear()
        self.keys.clear()
        self.roleless.clear()
        self.alias_keys.clear()


def speaker_ids(session: Session, cache: SpeakerCache, claims: Sequence[ParsedClaim]) -> list[int | None]:
    """The stored speaker of each parsed claim (None for a claim with no name), found or created, with
    new aliases and roles recorded. `cache` remembers speakers across the articles of one ingest run
    (clear it after a failed transaction)."""
    session.info[_ALIAS_CACHE] = cache.alias_keys
    return [_speaker_for(session, cache, claim) for claim in claims]


def _speaker_for(session: Session, cache: SpeakerCache, claim: ParsedClaim) -> int | None:
    wanted = (normalise_key(claim.speaker or ""), claim.speaker_kind)
    if not wanted[0]:
        return None  # no name (or only punctuation): stored without a speaker, like an unknown one
    speaker_id = cache.ids.get(wanted)
    if speaker_id is None:
        speaker_id, key, role = _find_or_create_speaker(
            session, claim.speaker or "", claim.speaker_kind, claim.speaker_role, claim.mention
        )
        cache.ids[wanted] = speaker_id
        cache.keys[speaker_id] = key
        if not role:
            cache.roleless.add(speaker_id)
        return speaker_id
    if claim.mention:
        _add_aliases(session, speaker_id, cache.keys[speaker_id], [claim.mention])
    if claim.speaker_role and speaker_id in cache.roleless:
        _fill_role(session, speaker_id, claim.speaker_role)
        cache.roleless.discard(speaker_id)
    return speaker_id


def find_or_create_speaker(
    session: Session, name: str, kind: str, role: str | None, mention: str | None
) -> Speaker:
    """The stored speaker for `name` (same normalised name and kind), created if there is none.

    Records the name, a person's surname and `mention` (when it is part of the name) as aliases,
    and fills a missing role. Returns the Speaker, flushed.
    """
    speaker_id, _, _ = _find_or_create_speaker(session, name, kind, role, mention)
    speaker = session.get(Speaker, speaker_id, populate_existing=True)  # rows written by plain SQL
    assert speaker is not None
    return speaker


def _find_or_create_speaker(
    session: Session, name: str, kind: str, role: str | None, mention: str | None
) -> tuple[int, str, str | None]:
    # `find_or_create_speaker` as (id, key, role) through plain SQL, for ingest.
    key = normalise_key(name)
    if not key:
        raise StoreError(f"speaker name {name!r} has no letters or digits")
    if session.get_bind().dialect.name == "postgresql":
        # Serialise concurrent ingests creating the same speaker (released at commit).
        session.execute(
            text("SELECT pg_advisory_xact_lock(:cls, hashtext(:key))"),
            {"cls": _PG_SPEAKER_LOCK_CLASS, "key": f"{kind}:{key}"},
        )
    cursor = raw_cursor(session)
    found = cursor.rows(
        "SELECT id, key, role FROM speaker WHERE key = ? AND kind = ? ORDER BY id LIMIT 1", (key, kind)
    )
    stored = found[0] if found else None
    stored = stored or resolve_stored_speaker(session, name, kind, role)  # `Velayati` -> Ali Akbar Velayati
    if stored is None:
        speaker_id = int(
            cursor.rows(
                "INSERT INTO speaker (name, key, kind, role) VALUES (?, ?, ?, ?) RETURNING id",
                (name, key, kind, role),
            )[0][0]
        )
        session.info.setdefault(_ALIAS_CACHE, {})[speaker_id] = set()  # new: no aliases to look up
        speaker_key, speaker_role = key, role
    else:
        speaker_id, speaker_key, speaker_role = stored
        if role and not speaker_role:
            _fill_role(session, speaker_id, role)
            speaker_role = role
    aliases = [name]
    tokens = key.split()
    if kind in _SURNAME_KINDS and len(tokens) > 1:
        surname = name.split()[-1] if normalise_key(name.split()[-1]) == tokens[-1] else tokens[-1]
        aliases.append(surname)
    if mention:
        aliases.append(mention)
    _add_aliases(session, speaker_id, speaker_key, aliases)
    return speaker_id, speaker_key, speaker_role


def _fill_role(session: Session, speaker_id: int, role: str) -> None:
    # A role learnt later fills an empty one; a stored role is never overwritten.
    raw_cursor(session).run(
        "UPDATE speaker SET role = ? WHERE id = ? AND (role IS NULL OR role = '')", (role, speaker_id)
    )


def _add_aliases(session: Session, speaker_id: int, speaker_key: str, aliases: Sequence[str]) -> None:
    name_tokens = set(speaker_key.split())
    wanted: dict[str, str] = {}
    for alias in aliases:
        alias_key = normalise_key(alias)
        # Only forms made of the name's own words: `Velayati` yes, `he` or `the minister` no.
        if alias_key and set(alias_key.split()) <= name_tokens:
            wanted.setdefault(alias_key, alias.strip())
    if not wanted:
        return
    # Alias keys known per speaker: cached for the session, or for the run by add_article.
    cache: dict[int, set[str]] = session.info.setdefault(_ALIAS_CACHE, {})
    cursor = raw_cursor(session)
    known = cache.get(speaker_id)
    if known is None:
        rows = cursor.rows("SELECT alias_key FROM speakeralias WHERE speaker_id = ?", (speaker_id,))
        known = {row[0] for row in rows}
        cache[speaker_id] = known
    new = [(speaker_id, alias, alias_key) for alias_key, alias in wanted.items() if alias_key not in known]
    if new:
        cursor.run_many("INSERT INTO speakeralias (speaker_id, alias, alias_key) VALUES (?, ?, ?)", new)
        known.update(alias_key for _, _, alias_key in new)


def find_speaker_ids(session: Session, query: str) -> list[int]:
    """Speakers matching `query`: any alias equal to it (case- and accent-insensitive; a surname works),
    else, for several words, speakers whose aliases contain every word (`Ali Velayati`)."""
    key = normalise_key(query)
    if not key:
        return []
    ids = session.exec(select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == key).distinct()).all()
    if ids:
        return sorted(ids)
    tokens = key.split()
    if len(tokens) < 2:
        return []
    candidates = session.exec(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias_key).where(
            col(SpeakerAlias.speaker_id).in_(
                select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key == tokens[-1])
            )
        )
    ).all()
    words: dict[int, set[str]] = defaultdict(set)
    for speaker_id, alias_key in candidates:
        words[speaker_id].update(alias_key.split())
    return sorted(sid for sid, have in words.items() if set(tokens) <= have)


def list_speakers(session: Session) -> list[SpeakerPublic]:
    """Every speaker with aliases and claim counts per status, most claims first."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for speaker_id, alias in session.exec(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias).order_by(col(SpeakerAlias.id))
    ).all():
        aliases[speaker_id].append(alias)
    counts: dict[int | None, dict[str, int]] = defaultdict(dict)  # no None key: filtered out below
    for claimed_by, status, n in session.exec(
        select(Claim.speaker_id, Claim.status, func.count())
        .where(col(Claim.speaker_id).is_not(None))
        .group_by(col(Claim.speaker_id), col(Claim.status))
    ).all():
        counts[claimed_by][status] = n
    out = []
    for speaker in session.exec(select(Speaker).order_by(col(Speaker.id))).all():
        assert speaker.id is not None
        by_status = counts.get(speaker.id, {})
        out.append(
            SpeakerPublic(
                id=speaker.id,
                name=speaker.name,
                kind=speaker.kind,
                role=speaker.role,
                aliases=aliases.get(speaker.id, []),
                claims=sum(by_status.values()),
                by_status=by_status,
            )
        )
    out.sort(key=lambda s: (-s.claims, s.name.casefold(), s.id))
    return out


def speaker_public(session: Session, speaker_id: int) -> SpeakerPublic | None:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        return None
    aliases = session.exec(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker_id).order_by(col(SpeakerAlias.id))
    ).all()
    return SpeakerPublic(
        id=speaker_id, name=speaker.name, kind=speaker.kind, role=speaker.role, aliases=list(aliases)
    )
