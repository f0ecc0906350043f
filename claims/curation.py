"""What a person decides by hand: links between claims (make, remove, confirm, reject, list) and
speakers (merge, undo a merge, rename). Every function takes a Session and never commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from claims import store
from claims.errors import InputError, NotFoundError
from claims.models import (
    Claim,
    ClaimLink,
    LinkOrigin,
    LinkState,
    Relation,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
    utcnow,
)


@dataclass(frozen=True, slots=True)
class LinkRow:
    """A link with both claims, as `claims links` shows it."""

    id: int
    a_id: int
    b_id: int
    relation: str
    score: float
    origin: str
    state: str
    a_text: str
    b_text: str
    a_status: str
    b_status: str


def _relation(value: str) -> str:
    try:
        return Relation(value).value
    except ValueError:
        choices = ", ".join(r.value for r in Relation)
        raise InputError(f"unknown relation {value!r} (choose from {choices})") from None


def list_links(
    session: Session, *, suggested: bool = False, claim_id: int | None = None, limit: int | None = None
) -> list[LinkRow]:
    """Links, newest first: only `suggested` ones waiting for a person, and/or those of one claim
    (raises NotFoundError for an unknown claim)."""
    stmt = select(ClaimLink)
    if suggested:
        stmt = stmt.where(ClaimLink.state == LinkState.suggested.value)
    if claim_id is not None:
        store.get_claim(session, claim_id)
        stmt = stmt.where(or_(col(ClaimLink.a_id) == claim_id, col(ClaimLink.b_id) == claim_id))
    stmt = stmt.order_by(col(ClaimLink.id).desc())
    if limit:
        stmt = stmt.limit(limit)
    links = session.exec(stmt).all()
    ids = {i for link in links for i in (link.a_id, link.b_id)}
    claims = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(ids))).all()}
    out = []
    for link in links:
        a, b = claims[link.a_id], claims[link.b_id]
        assert link.id is not None
        out.append(
            LinkRow(link.id, link.a_id, link.b_id, link.relation, link.score, link.origin, link.state,
                    a.text, b.text, a.status, b.status)
        )  # fmt: skip
    return out


def add_link(session: Session, a_id: int, b_id: int, relation: str) -> ClaimLink:
    """Link two claims by hand (confirmed, score 1). An existing link of the pair with the same
    relation becomes manual and confirmed. Raises NotFoundError or InputError (a claim to itself,
    an unknown relation)."""
    value = _relation(relation)
    if a_id == b_id:
        raise InputError(f"cannot link claim {a_id} to itself")
    store.get_claim(session, a_id)
    store.get_claim(session, b_id)
    low, high = sorted((a_id, b_id))
    link = session.exec(
        select(ClaimLink).where(
            ClaimLink.relation == value,
            or_(
                (col(ClaimLink.a_id) == low) & (col(ClaimLink.b_id) == high),
                (col(ClaimLink.a_id) == high) & (col(ClaimLink.b_id) == low),
            ),
        )
    ).first()
    if link is None:
        link = ClaimLink(a_id=low, b_id=high, relation=value)
    link.origin, link.state, link.score = LinkOrigin.manual.value, LinkState.confirmed.value, 1.0
    session.add(link)
    session.flush()
    return link


def remove_links(session: Session, a_id: int, b_id: int, relation: str | None = None) -> int:
    """Delete the links between two claims (of one relation, or all); returns how many.
    Raises NotFoundError when there is none."""
    pair = or_(
        (col(ClaimLink.a_id) == a_id) & (col(ClaimLink.b_id) == b_id),
        (col(ClaimLink.a_id) == b_id) & (col(ClaimLink.b_id) == a_id),
    )
    stmt = delete(ClaimLink).where(pair)
    if relation is not None:
        stmt = stmt.where(col(ClaimLink.relation) == _relation(relation))
    count = session.execute(stmt).rowcount  # type: ignore[attr-defined]
    if not count:
        raise NotFoundError(f"no link between claims {a_id} and {b_id}")
    return int(count)


def set_link_state(session: Session, link_id: int, state: str) -> ClaimLink:
    """Confirm or reject a link (kept either way, so a rejected pair is not suggested again).
    Raises NotFoundError for an unknown link."""
    link = session.get(ClaimLink, link_id)
    if link is None:
        raise NotFoundError(f"no link with ID {link_id}")
    link.state = LinkState(state).value
    link.origin = LinkOrigin.manual.value
    session.add(link)
    session.flush()
    return link


# --- speakers ---------------------------------------------------------------------------------


def _speaker(session: Session, speaker_id: int) -> Speaker:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise NotFoundError(f"no speaker with ID {speaker_id}")
    return speaker


def _alias_keys(session: Session, speaker_id: int) -> dict[str, str]:
    rows = session.exec(
        select(SpeakerAlias.alias_key, SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker_id)
    ).all()
    return dict(rows)


def merge_speakers(session: Session, kept_id: int, merged_id: int) -> SpeakerMerge:
    """Fold speaker `merged_id` into `kept_id`: its claims and aliases (and its name, as an alias)
    move to the kept speaker, its row goes, and a SpeakerMerge records everything for `unmerge`.
    Raises NotFoundError or InputError (merging a speaker into itself)."""
    if kept_id == merged_id:
        raise InputError(f"cannot merge speaker {kept_id} into itself")
    kept, merged = _speaker(session, kept_id), _speaker(session, merged_id)
    claim_ids = list(session.exec(select(Claim.id).where(Claim.speaker_id == merged_id)).all())
    theirs = _alias_keys(session, merged_id)
    ours = _alias_keys(session, kept_id)
    moving = dict(theirs)
    moving.setdefault(store.normalise_key(merged.name), merged.name)
    added = [key for key in moving if key not in ours]
    record = SpeakerMerge(
        kept_id=kept_id,
        merged_id=merged_id,
        merged_name=merged.name,
        merged_key=merged.key,
        merged_kind=merged.kind,
        merged_role=merged.role,
        merged_aliases=list(theirs.values()),
        added_alias_keys=added,
        claim_ids=[i for i in claim_ids if i is not None],
    )
    session.execute(update(Claim).where(col(Claim.speaker_id) == merged_id).values(speaker_id=kept_id))
    session.add_all(SpeakerAlias(speaker_id=kept_id, alias=moving[key], alias_key=key) for key in added)
    if not kept.role and merged.role:
        kept.role = merged.role
    session.add(record)
    session.flush()
    session.delete(merged)
    session.flush()
    return record


def unmerge_speakers(session: Session, merge_id: int) -> Speaker:
    """Undo a merge: recreate the merged speaker under its old id with its aliases, move its claims
    back, and drop the aliases the merge added. Raises NotFoundError, or InputError when the merge
    was already undone."""
    record = session.get(SpeakerMerge, merge_id)
    if record is None:
        raise NotFoundError(f"no speaker merge with ID {merge_id}")
    if record.undone_at is not None:
        raise InputError(f"speaker merge {merge_id} was already undone")
    restored = Speaker(
        id=record.merged_id,
        name=record.merged_name,
        key=record.merged_key,
        kind=record.merged_kind,
        role=record.merged_role,
    )
    session.add(restored)
    session.flush()
    session.add_all(
        SpeakerAlias(speaker_id=record.merged_id, alias=alias, alias_key=store.normalise_key(alias))
        for alias in dict.fromkeys(record.merged_aliases)
    )
    if record.added_alias_keys:
        session.execute(
            delete(SpeakerAlias).where(
                col(SpeakerAlias.speaker_id) == record.kept_id,
                col(SpeakerAlias.alias_key).in_(record.added_alias_keys),
            )
        )
    if record.claim_ids:
        session.execute(
            update(Claim)
            .where(col(Claim.id).in_(record.claim_ids), col(Claim.speaker_id) == record.kept_id)
            .values(speaker_id=record.merged_id)
        )
    record.undone_at = utcnow()
    session.add(record)
    session.flush()
    return restored


def list_merges(session: Session) -> list[SpeakerMerge]:
    """Every merge, newest first."""
    return list(session.exec(select(SpeakerMerge).order_by(col(SpeakerMerge.id).desc())).all())


def rename_speaker(session: Session, speaker_id: int, new_name: str) -> Speaker:
    """Give a speaker a new canonical name; the old one stays as an alias, the new one becomes one.
    Raises NotFoundError, or InputError for an empty name or one another speaker of the same kind
    already has (merge them instead)."""
    speaker = _speaker(session, speaker_id)
    name = " ".join(new_name.split())
    key = store.normalise_key(name)
    if not key:
        raise InputError(f"speaker name {new_name!r} has no letters or digits")
    clash = session.exec(
        select(Speaker.id).where(Speaker.key == key, Speaker.kind == speaker.kind, Speaker.id != speaker_id)
    ).first()
    if clash is not None:
        raise InputError(
            f"speaker {clash} is already called {name!r}; merge them with `claims speakers merge {clash} {speaker_id}`"
        )
    have = _alias_keys(session, speaker_id)
    for alias in (speaker.name, name):
        alias_key = store.normalise_key(alias)
        if alias_key not in have:
            session.add(SpeakerAlias(speaker_id=speaker_id, alias=alias, alias_key=alias_key))
            have[alias_key] = alias
    speaker.name, speaker.key = name, key
    session.add(speaker)
    session.flush()
    return speaker
