"""The parser's output shapes: a Claim and a ParsedArticle, frozen and JSON-ready.

Field names follow the eval vocabulary (`../shared/eval/FORMAT.md`): start/end, kind, cue,
mention, speaker_start/speaker_end, speaker, speaker_kind, speaker_role, date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organization", "group", "anonymous", "unknown")


def _reduce(record: Claim | ParsedArticle) -> tuple[Any, tuple[Any, ...]]:
    """How a record pickles (`parse --jobs` sends them between processes): as a call to its class with
    its fields. The default would rebuild it through its __init__ with no arguments, which the compiled
    parser's classes refuse."""
    return type(record), tuple(getattr(record, f.name) for f in fields(record))


# init=False: see text.Quote (one is built per claim).
@dataclass(frozen=True, slots=True, init=False)
class Claim:
    """One quote or attributed claim: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str
    kind: str  # one of KINDS
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    mention: str | None  # the speaker as written at the attribution
    speaker_start: int | None
    speaker_end: int | None
    speaker: str | None  # canonical name after resolution; None when unknown
    speaker_kind: str  # one of SPEAKER_KINDS
    speaker_role: str | None
    date: dt.date | None  # when it was said, when the text says so
    rule: str  # which pass found it
    confidence: float  # in [0, 1]

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: str,
        cue: str | None,
        cue_start: int | None,
        cue_end: int | None,
        mention: str | None,
        speaker_start: int | None,
        speaker_end: int | None,
        speaker: str | None,
        speaker_kind: str,
        speaker_role: str | None,
        date: dt.date | None,
        rule: str,
        confidence: float,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "cue_start", cue_start)
        object.__setattr__(self, "cue_end", cue_end)
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "speaker_start", speaker_start)
        object.__setattr__(self, "speaker_end", speaker_end)
        object.__setattr__(self, "speaker", speaker)
        object.__setattr__(self, "speaker_kind", speaker_kind)
        object.__setattr__(self, "speaker_role", speaker_role)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "confidence", confidence)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict in the eval format (dates as ISO strings)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue,
            "mention": self.mention,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "speaker_role": self.speaker_role,
            "date": self.date.isoformat() if self.date else None,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article's metadata and its claims, in text order."""

    text: str
    title: str | None
    published: dt.date | None
    outlet: str | None
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return _reduce(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "date": self.published.isoformat() if self.published else None,
            "outlet": self.outlet,
            "quotes": [c.to_dict() for c in self.claims],
        }
