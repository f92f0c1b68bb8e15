"""What an import would create, told in Danish (for `referat import --dry-run`)."""

from __future__ import annotations

from store.dates import danish_time, long_date
from store.model import Meeting


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def import_summary(counts: dict[str, tuple[int, int]], failures: int, dry_run: bool = False) -> list[str]:
    """The closing lines of a bulk import: meetings and items in all and per committee (from `counts`:
    label -> (meetings, items)), and how many files failed."""
    meetings = sum(count for count, _ in counts.values())
    items = sum(count for _, count in counts.values())
    verb = "Ville indlæse" if dry_run else "Indlæst"
    lines = [f"{verb}: {_plural(meetings, 'møde', 'møder')}, {_plural(items, 'punkt', 'punkter')}; fejl: {failures}."]
    if len(counts) > 1:
        lines += [
            f"  {label}: {_plural(count, 'møde', 'møder')}, {_plural(items, 'punkt', 'punkter')}"
            for label, (count, items) in sorted(counts.items())
        ]
    return lines


def describe(meeting: Meeting, committee: str | None = None) -> list[str]:
    """The meeting, its members and its items as lines of Danish text."""
    name = committee or meeting.committee or "(intet udvalg – angiv --committee)"
    when = long_date(meeting.date) if meeting.date else "uden dato"
    if meeting.start:
        when += f" kl. {danish_time(meeting.start)}"
        if meeting.end:
            when += f"–{danish_time(meeting.end)}"
    place = f", {meeting.location}" if meeting.location else ""
    kommune = f" ({meeting.municipality})" if meeting.municipality else ""
    kind = "referat med beslutninger" if meeting.status != "planlagt" else "dagsorden"
    lines = [f"Møde: {name}{kommune}, {when}{place}", f"Status: {meeting.status} ({kind})"]
    if meeting.members:
        lines.append(f"Medlemmer ({len(meeting.members)}):")
        for member in meeting.members:
            attendance = member.attendance
            if member.substitute_for:
                attendance = f"stedfortræder for {member.substitute_for}"
            details = [member.role, attendance]
            shown = ", ".join(d for d in details if d)
            lines.append(f"  {member.display}" + (f" – {shown}" if shown else ""))
    else:
        lines.append("Medlemmer: ingen nævnt")
    lines.append(f"Punkter ({len(meeting.items)}):")
    width = max(len(item.number) for item in meeting.items) if meeting.items else 1
    for item in meeting.items:
        access = "åben" if item.public else "lukket"
        facts = [
            access,
            "indstilling: " + _plural(len(item.recommendation), "punkt", "punkter"),
            "bilag: " + str(len(item.attachments)),
        ]
        if item.decision:
            decided = item.decision.outcome or (
                " / ".join(item.decision.points) if item.decision.points else _short(item.decision.text or "")
            )
            facts.append(f"beslutning: {decided}")
        if item.absences:
            facts.append("fraværende: " + ", ".join(a.member for a in item.absences))
        lines.append(f"  {item.number.rjust(width)}. {item.title}")
        lines.append(f"  {' ' * width}  [{'; '.join(facts)}]")
    return lines


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
