"""SQLModel tables (Article, Speaker, SpeakerAlias, Claim, Review, ClaimLink) and the non-table
*Public shapes that commands and exports read. Every schema change needs an Alembic revision in db/.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Dialect, Index, Text, TypeDecorator, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """The current time, tz-aware UTC (the only clock the store uses)."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored with its time zone and always read back tz-aware UTC (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC timestamp column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=dt.UTC)


class Status(StrEnum):
    """A claim's review status; `unverified` is where every claim starts."""

    unverified = "unverified"
    verified = "verified"
    disputed = "disputed"
    inconclusive = "inconclusive"
    in_review = "in-review"


class Relation(StrEnum):
    """How two linked claims relate."""

    same = "same"
    supports = "supports"
    contradicts = "contradicts"
    related = "related"


class LinkOrigin(StrEnum):
    auto = "auto"
    manual = "manual"


class LinkState(StrEnum):
    confirmed = "confirmed"
    suggested = "suggested"
    rejected = "rejected"


class Article(SQLModel, table=True):
    """One ingested article: the full text as stored is what every claim offset points into."""

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(sa_type=Text)  # path, URL or `-`
    url: str | None = Field(default=None, sa_type=Text)
    title: str | None = Field(default=None, sa_type=Text)
    outlet: str | None = Field(default=None, max_length=200, index=True)
    published: dt.date | None = Field(default=None, index=True)
    text: str = Field(sa_type=Text)
    content_hash: str = Field(max_length=64, unique=True)
    ingested_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Stored by `claims ingest --defer-links`, its claims not linked yet (`claims links build`).
    links_pending: bool = Field(default=False, index=True)


class Speaker(SQLModel, table=True):
    """A canonical speaker; `key` is the normalised name used for lookups."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    key: str = Field(max_length=300, index=True)
    kind: str = Field(default="person", max_length=20)
    role: str | None = Field(default=None, sa_type=Text)


class SpeakerAlias(SQLModel, table=True):
    """Another way a speaker is written (full name, surname, mention); `alias_key` is casefolded and accent-free."""

    __table_args__ = (UniqueConstraint("speaker_id", "alias_key", name="uq_speakeralias_speaker_key"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(foreign_key="speaker.id", index=True, ondelete="CASCADE")
    alias: str = Field(max_length=300)
    alias_key: str = Field(max_length=300, index=True)


class Claim(SQLModel, table=True):
    """A quote or attributed claim; `article.text[start:end] == text` always holds.

    `dated` is `said_on`, or the article's published date when the text does not say when:
    `list` sorts and filters (`--since/--until`) on it.
    """

    __table_args__ = (
        Index("ix_claim_speaker_said_on", "speaker_id", "said_on"),
        Index("ix_claim_speaker_dated", "speaker_id", "dated"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", ondelete="SET NULL")
    mention: str | None = Field(default=None, sa_type=Text)
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str = Field(default="unknown", max_length=20)
    speaker_role: str | None = Field(default=None, sa_type=Text)
    kind: str = Field(max_length=20, index=True)
    cue: str | None = Field(default=None, max_length=200)
    text: str = Field(sa_type=Text)
    start: int
    end: int
    said_on: dt.date | None = None
    dated: dt.date | None = Field(default=None, index=True)
    rule: str = Field(default="", max_length=100)
    confidence: float = 0.0
    status: str = Field(default=Status.unverified.value, max_length=20, index=True)


class Review(SQLModel, table=True):
    """One entry of a claim's append-only review history; never updated or deleted."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    status: str = Field(max_length=20)
    note: str | None = Field(default=None, sa_type=Text)
    evidence: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    reviewer: str = Field(max_length=200)
    at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    origin_claim_id: int | None = Field(default=None, foreign_key="claim.id", ondelete="SET NULL")


class ClaimLink(SQLModel, table=True):
    """A relation between two claims, found automatically or made by hand."""

    __table_args__ = (UniqueConstraint("a_id", "b_id", "relation", name="uq_claimlink_pair_relation"),)

    id: int | None = Field(default=None, primary_key=True)
    a_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    b_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    relation: str = Field(max_length=20)
    score: float = 1.0
    origin: str = Field(default=LinkOrigin.auto.value, max_length=10)
    state: str = Field(default=LinkState.confirmed.value, max_length=10)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


# --- Shapes that leave the store (JSON/CSV/table rows); not tables. ---


class ArticlePublic(SQLModel):
    id: int
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None
    content_hash: str
    ingested_at: dt.datetime
    links_pending: bool = False


class SpeakerPublic(SQLModel):
    id: int
    name: str
    kind: str
    role: str | None
    aliases: list[str] = []
    claims: int = 0
    by_status: dict[str, int] = {}


class ClaimPublic(SQLModel):
    """A claim in the eval FORMAT vocabulary plus ids, status and the article it came from."""

    id: int
    article_id: int
    speaker_id: int | None
    status: str
    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None
    speaker_kind: str
    speaker_role: str | None
    date: dt.date | None  # when it was said, if the text says so
    dated: dt.date | None  # `date`, or the article's published date
    rule: str
    confidence: float
    outlet: str | None = None
    title: str | None = None


class ReviewPublic(SQLModel):
    id: int
    claim_id: int
    status: str
    note: str | None
    evidence: list[str]
    reviewer: str
    at: dt.datetime
    origin_claim_id: int | None


class ClaimLinkPublic(SQLModel):
    """A link seen from one claim: `other_id` is the claim at the other end."""

    id: int
    other_id: int
    relation: str
    score: float
    origin: str
    state: str
    other_status: str
    other_text: str
    other_speaker: str | None


class ClaimDetail(SQLModel):
    """Everything `claims show` prints."""

    claim: ClaimPublic
    context: str
    article: ArticlePublic
    speaker: SpeakerPublic | None
    reviews: list[ReviewPublic]
    links: list[ClaimLinkPublic]

    def to_dict(self) -> dict[str, Any]:
        record = self.claim.model_dump(mode="json")
        record["context"] = self.context
        record["article"] = self.article.model_dump(mode="json")
        record["speaker_record"] = self.speaker.model_dump(mode="json") if self.speaker else None
        record["reviews"] = [r.model_dump(mode="json") for r in self.reviews]
        record["links"] = [link.model_dump(mode="json") for link in self.links]
        return record


# --- Linking tables (issue 4: claims/linking.py, claims/curation.py; migration db/versions/0002_linking.py) ---


class ClaimKey(SQLModel, table=True):
    """One blocking key of a claim (a hashed word shingle of its text, `linking.shingle_keys`):
    new claims find their candidate copies through the (key, claim_id) primary-key index."""

    key: int = Field(primary_key=True)
    claim_id: int = Field(primary_key=True, foreign_key="claim.id", index=True, ondelete="CASCADE")


class SpeakerMerge(SQLModel, table=True):
    """A `claims speakers merge KEPT MERGED` as history, with what it moved, so it can be undone.

    The merged speaker's row is deleted; its name, kind, role and aliases are kept here, and
    `claims speakers unmerge` recreates it under the same id and moves its claims back.
    """

    id: int | None = Field(default=None, primary_key=True)
    kept_id: int = Field(index=True)  # no foreign key: merging the kept speaker later must not erase this
    merged_id: int
    merged_name: str = Field(max_length=300)
    merged_key: str = Field(max_length=300)
    merged_kind: str = Field(max_length=20)
    merged_role: str | None = Field(default=None, sa_type=Text)
    merged_aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    added_alias_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    claim_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    at: dt.datetime = Field(default_factory=utcnow, sa_type=DateTime(timezone=True))
    undone_at: dt.datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
