"""`claims speakers merge|unmerge|merges|rename`: a person's corrections to speaker identity, on
the `speakers` sub-app. Every merge is recorded and can be undone."""

from __future__ import annotations

from typing import Annotated

import typer

from claims import curation
from claims.cli import guarded
from claims.cli.common import DbOption, FormatOption, OutputFormat, emit, message, reading, writing
from claims.cli.speakers import speakers_app

SpeakerId = Annotated[int, typer.Argument(help="Speaker ID (see `claims speakers`).")]
_COLUMNS = (
    ("id", "merge"),
    ("kept_id", "kept"),
    ("merged_id", "merged"),
    ("merged_name", "merged name"),
    ("claims", "claims moved"),
    ("at", "when (UTC)"),
    ("undone_at", "undone"),
)


@speakers_app.command()
@guarded
def merge(kept: SpeakerId, merged: SpeakerId, db: DbOption = None) -> None:
    """Merge speaker MERGED into KEPT: all claims and aliases move; undo with `unmerge`.

    Example: claims speakers merge 3 9
    """
    with writing(db) as s:
        record = curation.merge_speakers(s, kept, merged)
        text = (
            f"speaker {merged} ({record.merged_name}) merged into {kept}: {len(record.claim_ids)} claims moved; "
            f"undo with `claims speakers unmerge {record.id}`"
        )
    message(text)


@speakers_app.command()
@guarded
def unmerge(
    merge_id: Annotated[int, typer.Argument(metavar="MERGE_ID", help="Merge ID (see `claims speakers merges`).")],
    db: DbOption = None,
) -> None:
    """Undo a merge: the merged speaker comes back with its aliases and claims.

    Example: claims speakers unmerge 1
    """
    with writing(db) as s:
        restored = curation.unmerge_speakers(s, merge_id)
        text = f"speaker {restored.id} ({restored.name}) restored"
    message(text)


@speakers_app.command()
@guarded
def merges(fmt: FormatOption = OutputFormat.table, db: DbOption = None) -> None:
    """List speaker merges, newest first, with what each moved.

    Example: claims speakers merges
    """
    with reading(db) as s:
        rows = curation.list_merges(s)
        records = []
        for r in rows:
            record = r.model_dump(mode="json")
            record["claims"] = len(r.claim_ids)
            records.append(record)
    emit(records, fmt, _COLUMNS)


@speakers_app.command()
@guarded
def rename(speaker_id: SpeakerId, new_name: Annotated[str, typer.Argument(metavar="NEW")], db: DbOption = None) -> None:
    """Rename a speaker; the old name stays as an alias.

    Example: claims speakers rename 3 "Inés Carvalho"
    """
    with writing(db) as s:
        speaker = curation.rename_speaker(s, speaker_id, new_name)
        text = f"speaker {speaker.id} is now {speaker.name}"
    message(text)
