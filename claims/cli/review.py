"""Reading and checking stored claims: `list`, `show`, `article`, and the verdicts `verify`, `dispute`,
`reopen` and `mark`, each appending to the claim's review history.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import typer
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claims import store, verdicts
from claims.cli import app, guarded
from claims.cli.common import (
    DbOption,
    FormatOption,
    OutputFormat,
    cell,
    default_reviewer,
    emit,
    message,
    parse_date,
    piped,
    printable,
    reading,
    shorten,
    stdout,
    writing,
)
from claims.export import CLAIM_FIELDS, to_record, write_csv, write_json, write_jsonl
from claims.models import ClaimDetail, ClaimPublic, Status

_LIST_COLUMNS = (
    ("id", "ID"),
    ("dated", "date"),
    ("speaker", "speaker"),
    ("status", "status"),
    ("kind", "kind"),
    ("text", "claim"),
    ("outlet", "outlet"),
)
STATUS_STYLES = {
    "unverified": "",
    "verified": "green",
    "disputed": "red",
    "inconclusive": "yellow",
    "in-review": "cyan",
}
# Speaker colours for `claims article`, in order of first appearance.
PALETTE = (
    "cyan",
    "magenta",
    "green",
    "yellow",
    "blue",
    "bright_red",
    "bright_cyan",
    "bright_magenta",
    "bright_green",
)

Ids = Annotated[list[int], typer.Argument(help="Claim IDs (see `claims list`).", min=1)]
Note = Annotated[str | None, typer.Option("--note", "-n", help="What was checked and found.")]
Evidence = Annotated[
    list[str] | None, typer.Option("--evidence", "-e", help="An http(s) URL backing the verdict; repeatable.")
]
By = Annotated[
    str | None, typer.Option("--by", help="Reviewer name. Default: $CLAIMS_USER, else your user name.")
]
Propagate = Annotated[
    bool, typer.Option("--propagate", help="Also review every claim linked to it as `same`.")
]


@app.command("list")
@guarded
def list_(
    speaker: Annotated[
        str | None, typer.Option(help="Speaker name or any alias; case and accents ignored; a surname works.")
    ] = None,
    status: Annotated[Status | None, typer.Option(help="Only claims with this status.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only claims from this outlet (case ignored).")] = None,
    article: Annotated[int | None, typer.Option("--article", help="Only claims of this article ID.")] = None,
    since: Annotated[
        dt.date | None,
        typer.Option(parser=parse_date, metavar="YYYY-MM-DD", help="Said on or after this date."),
    ] = None,
    until: Annotated[
        dt.date | None,
        typer.Option(parser=parse_date, metavar="YYYY-MM-DD", help="Said on or before this date."),
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many claims; 0 for all.", min=0)] = 100,
    offset: Annotated[int, typer.Option(help="Skip this many claims first.", min=0)] = 0,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List stored claims, oldest first.

    Example: claims list --speaker velayati --status unverified

    The date is when the claim was said, or the article's publication date when the text does not
    say (shown dim in the table); --since/--until filter on that same date.
    """
    flt = store.ClaimFilter(
        speaker=speaker,
        status=status.value if status else None,
        kind=kind,
        outlet=outlet,
        article_id=article,
        since=since,
        until=until,
        limit=limit or None,
        offset=offset,
    )
    with reading(db) as s:
        rows = store.list_claims(s, flt)
    _emit_claims(rows, fmt)
    if limit and len(rows) == limit:
        message(f"(the first {limit} from claim {offset + 1}; --limit 0 lists all, --offset pages on)")


def _emit_claims(rows: Sequence[ClaimPublic], fmt: OutputFormat) -> None:
    records = [to_record(r) for r in rows]
    emit(
        records,
        fmt,
        _LIST_COLUMNS,
        csv_fields=CLAIM_FIELDS,
        render=_render_list_cell,
        caption="Dim dates are the article's publication date."
        if fmt is OutputFormat.table and records
        else None,
    )


def _render_list_cell(record: Mapping[str, Any], key: str) -> Text:
    if key == "text":
        return Text(shorten(record["text"]))
    if key == "status":
        return Text(record["status"], style=STATUS_STYLES.get(record["status"], ""))
    if key == "dated":
        return Text(record["dated"] or "", style="" if record["date"] else "dim")
    return cell(record.get(key))


@app.command()
@guarded
def show(
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="Claim ID.")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Show one claim: its context, article, speaker, review history and linked claims.

    Example: claims show 7 --format json
    """
    with reading(db) as s:
        detail = store.claim_detail(s, claim_id)
    with piped():
        if fmt is OutputFormat.json:
            write_json(detail.to_dict(), sys.stdout)
        elif fmt is OutputFormat.jsonl:
            write_jsonl([detail.to_dict()], sys.stdout)
        elif fmt is OutputFormat.csv:
            write_csv([to_record(detail.claim)], sys.stdout, CLAIM_FIELDS)
        else:
            _print_detail(detail)


def _print_detail(detail: ClaimDetail) -> None:
    c, a = detail.claim, detail.article
    head = Text.assemble(
        (f"Claim {c.id}", "bold"), "  ", (c.status, STATUS_STYLES.get(c.status, "") or "bold"), f"  {c.kind}"
    )
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    speaker = c.speaker or "(unknown)"
    if detail.speaker and detail.speaker.role:
        speaker += f", {detail.speaker.role}"
    facts.add_row("Speaker", Text(printable(f"{speaker}  [{c.speaker_kind}]")))
    facts.add_row("As written", Text(printable(f"{c.mention or ''}  {c.cue or ''}".strip())))
    said = c.date.isoformat() if c.date else f"not stated; article published {a.published or 'unknown'}"
    facts.add_row("Said on", Text(said))
    facts.add_row("Article", Text(printable(f"#{a.id} {a.title or '(untitled)'}")))
    facts.add_row("Outlet", Text(printable(" · ".join(x for x in (a.outlet, str(a.published or "")) if x))))
    facts.add_row("Source", Text(printable(a.url or a.source)))
    facts.add_row("Found by", Text(f"{c.rule} (confidence {c.confidence:.2f})"))
    parts: list[Any] = [head, Text(printable(c.text), style="bold"), facts, Panel(_context(detail), title="In context")]
    history = Table(title="Review history", title_justify="left")
    for header in ("when (UTC)", "status", "by", "note", "evidence"):
        history.add_column(header, overflow="fold")
    for r in detail.reviews:
        at = r.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")
        origin = f" (from claim {r.origin_claim_id})" if r.origin_claim_id else ""
        history.add_row(
            at,
            Text(r.status, style=STATUS_STYLES.get(r.status, "")),
            cell(r.reviewer),
            cell((r.note or "") + origin),
            Text(printable("\n".join(r.evidence))),
        )
    parts.append(history if detail.reviews else Text("No reviews yet.", style="dim"))
    if detail.links:
        links = Table(title="Linked claims", title_justify="left")
        for header in ("ID", "relation", "score", "state", "status", "speaker", "claim"):
            links.add_column(header, overflow="fold")
        for link in detail.links:
            links.add_row(
                str(link.other_id),
                link.relation,
                f"{link.score:.2f}",
                link.state,
                Text(link.other_status, style=STATUS_STYLES.get(link.other_status, "")),
                cell(link.other_speaker),
                Text(shorten(link.other_text, 90)),
            )
        parts.append(links)
    if a.links_pending:
        parts.append(Text("Links to other articles are not built yet: run `claims links build`.", style="yellow"))
    stdout().print(Group(*parts))


def _context(detail: ClaimDetail) -> Text:
    """The paragraph around the claim with the claim itself underlined."""
    context = Text(printable(detail.context))
    at = detail.context.find(detail.claim.text)
    if at >= 0:
        context.stylize("bold underline", at, at + len(detail.claim.text))
    return context


def _review(
    ids: Sequence[int],
    status: Status,
    note: str | None,
    evidence: list[str] | None,
    by: str | None,
    db: str | None,
    propagate: bool = False,
) -> None:
    reviewer = by or default_reviewer()
    with writing(db) as s:
        reviews = store.record_reviews(
            s, ids, status.value, reviewer=reviewer, note=note, evidence=evidence or []
        )
        reviews += verdicts.propagate_reviews(s, reviews) if propagate else []
        done = [(r.claim_id, r.id) for r in reviews]
    for claim_id, review_id in done:
        message(f"claim {claim_id}: {status.value} (review {review_id} by {reviewer})")


@app.command()
@guarded
def verify(
    ids: Ids,
    note: Note = None,
    evidence: Evidence = None,
    by: By = None,
    db: DbOption = None,
    propagate: Propagate = False,
) -> None:
    """Mark claims verified, adding a review to each claim's history.

    Example: claims verify 7 --note "matches the transcript" --evidence https://example.org/transcript
    """
    _review(ids, Status.verified, note, evidence, by, db, propagate)


@app.command()
@guarded
def dispute(
    ids: Ids,
    note: Note = None,
    evidence: Evidence = None,
    by: By = None,
    db: DbOption = None,
    propagate: Propagate = False,
) -> None:
    """Mark claims disputed, adding a review to each claim's history.

    Example: claims dispute 7 --note "the ministry denies it" --evidence https://example.org/denial
    """
    _review(ids, Status.disputed, note, evidence, by, db, propagate)


@app.command()
@guarded
def reopen(
    ids: Ids, note: Note = None, evidence: Evidence = None, by: By = None, db: DbOption = None
) -> None:
    """Put claims back to unverified; earlier reviews stay in the history.

    Example: claims reopen 7 --note "new evidence came in"
    """
    _review(ids, Status.unverified, note, evidence, by, db)


@app.command()
@guarded
def mark(
    claim_id: Annotated[int, typer.Argument(metavar="ID", help="Claim ID.")],
    status: Annotated[Status, typer.Argument(help="The new status.")],
    note: Note = None,
    evidence: Evidence = None,
    by: By = None,
    db: DbOption = None,
) -> None:
    """Set a claim to any status (unverified, verified, disputed, inconclusive, in-review).

    Example: claims mark 7 in-review --note "asked the ministry"
    """
    _review([claim_id], status, note, evidence, by, db)


@app.command()
@guarded
def article(
    article_id: Annotated[int, typer.Argument(metavar="ID", help="Article ID (see `claims list`).")],
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Print an article with every claim highlighted, numbered and coloured by speaker.

    Example: claims article 1

    --format json gives the text and the claims with their offsets (jsonl/csv: the claims only).
    """
    with reading(db) as s:
        stored = store.get_article(s, article_id)
        info = store.article_public(stored)
        text = stored.text
        claims = store.article_claims(s, article_id)
    records = [to_record(c) for c in claims]
    with piped():
        if fmt is OutputFormat.json:
            write_json({**info.model_dump(mode="json"), "text": text, "claims": records}, sys.stdout)
        elif fmt is OutputFormat.jsonl:
            write_jsonl(records, sys.stdout)
        elif fmt is OutputFormat.csv:
            write_csv(records, sys.stdout, CLAIM_FIELDS)
        else:
            _print_article(info.title, info.outlet, info.published, text, claims)


def _print_article(
    title: str | None, outlet: str | None, published: dt.date | None, text: str, claims: Sequence[ClaimPublic]
) -> None:
    colours: dict[str, str] = {}
    for c in claims:
        who = c.speaker or f"({c.speaker_kind})"
        colours.setdefault(who, PALETTE[len(colours) % len(PALETTE)])
    body, marks = _numbered(text, claims)
    rendered = Text(printable(body))
    for (start, end, label_end), c in zip(marks, claims, strict=True):
        colour = colours[c.speaker or f"({c.speaker_kind})"]
        rendered.stylize(f"bold reverse {colour}", start, label_end)
        rendered.stylize(colour + ("" if c.speaker else " italic"), label_end, end)
    legend = Table(title="Claims", title_justify="left")
    for header in ("#", "ID", "speaker", "kind", "status", "cue"):
        legend.add_column(header, overflow="fold")
    for n, c in enumerate(claims, 1):
        who = c.speaker or f"({c.speaker_kind})"
        legend.add_row(
            Text(str(n), style=f"bold reverse {colours[who]}"),
            str(c.id),
            Text(printable(who), style=colours[who]),
            c.kind,
            Text(c.status, style=STATUS_STYLES.get(c.status, "")),
            cell(c.cue),
        )
    heading = Text(printable(" · ".join(x for x in (title, outlet, str(published or "")) if x)), style="bold")
    stdout().print(Group(heading, Text(""), rendered, Text(""), legend))


def _numbered(text: str, claims: Sequence[ClaimPublic]) -> tuple[str, list[tuple[int, int, int]]]:
    """The text with a `[n]` label before each claim; per claim: (label start, claim end, label end) in it.

    Labels shift every later offset; a claim inside another (a quote in reported speech) still gets its own.
    """
    order = sorted(range(len(claims)), key=lambda i: (claims[i].start, i))
    inserts: list[tuple[int, str]] = [(claims[i].start, f"[{i + 1}]") for i in order]
    pieces: list[str] = []
    cursor = 0
    positions: dict[int, int] = {}  # label start in the output, per claim index
    shift_at: list[tuple[int, int]] = []  # (original offset, total inserted before it)
    inserted = 0
    for (pos, label), i in zip(inserts, order, strict=True):
        pieces.append(text[cursor:pos])
        cursor = pos
        positions[i] = pos + inserted
        pieces.append(label)
        inserted += len(label)
        shift_at.append((pos, inserted))
    pieces.append(text[cursor:])

    def shifted_end(offset: int) -> int:
        # labels at positions < offset come before it
        before = 0
        for pos, total in shift_at:
            if pos < offset:
                before = total
        return offset + before

    marks = []
    for i, c in enumerate(claims):
        label_end = positions[i] + len(f"[{i + 1}]")
        marks.append((positions[i], shifted_end(c.end), label_end))
    return "".join(pieces), marks
