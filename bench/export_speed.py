"""How long the referat export takes for a synthetic 100-item meeting.

Targets: Markdown and JSON under 100 ms each, Word and PDF under 1 s each.
Run: python bench/export_speed.py [ITEMS]
Prints the median and best of 20 runs for Markdown and JSON, of 5 runs for Word and PDF, public and full,
and the median CPU time; the load average is printed first, since a busy machine stretches every figure.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.export_docx import render_docx  # noqa: E402
from store.export_json import render_json  # noqa: E402
from store.export_markdown import render_markdown  # noqa: E402
from store.export_pdf import render_pdf  # noqa: E402
from store.model import (  # noqa: E402
    CHAIR,
    PRESENT,
    RECOMMENDATION_SECTION,
    SENT_APOLOGIES,
    VOTE_ON_AMENDMENT,
    Attachment,
    Decision,
    Item,
    ItemAbsence,
    Meeting,
    Member,
    Remark,
    Section,
    Vote,
)

PARAGRAPH = (
    "Forvaltningen har på baggrund af udvalgets drøftelser udarbejdet et udkast, der fremlægges til "
    "behandling. Økonomien er afklaret med Økonomiudvalget, og der er ingen konsekvenser for årets "
    "budget (se bilag 2; tal i kr. *ekskl.* moms)."
)


def synthetic_meeting(count: int) -> Meeting:
    """A held meeting with `count` items, each with the full set of records a long referat has."""
    members = [
        Member(f"Medlem Nummer{n}", "AVOØBC"[n % 6], CHAIR if n == 0 else None, SENT_APOLOGIES if n == 7 else PRESENT)
        for n in range(11)
    ]
    items = []
    for n in range(1, count + 1):
        body = "\n\n".join([PARAGRAPH] * 4 + ["### Tidsplan", "- første fase\n- anden fase\n- tredje fase", PARAGRAPH])
        items.append(
            Item(
                number=str(n),
                title=f"Sag nummer {n} om budget og ældreområdet",
                public=n % 10 != 0,
                case_number=f"00.01.00G01-{n}-21",
                sections=[
                    Section("Resume", PARAGRAPH),
                    Section("Forvaltningen indstiller", "", RECOMMENDATION_SECTION),
                    Section("Sagsfremstilling", body),
                    Section("Økonomi", PARAGRAPH),
                ],
                recommendation=["at forslaget godkendes.", "at der gives en tillægsbevilling på 250.000 kr."],
                decision=Decision("Anbefales", PARAGRAPH, ["Anbefales", "Anbefales ikke"]),
                votes=[
                    Vote("ændringsforslag fra Ø", ["Ø"], ["A", "V", "O"], ["B"], "forkastet", kind=VOTE_ON_AMENDMENT),
                    Vote("indstillingen", ["A", "V", "O"], ["Ø"], ["B"], "vedtaget"),
                ],
                remarks=[Remark(["Medlem Nummer3"], "afvigende mening", PARAGRAPH)],
                absences=[ItemAbsence("Medlem Nummer4 (Ø)", "inhabil")] if n % 7 == 0 else [],
                attachments=[Attachment(f"Bilag {n}.{k}") for k in range(1, 4)],
            )
        )
    return Meeting(
        committee="Økonomiudvalget",
        date=dt.date(2024, 3, 18),
        municipality="Testrup Kommune",
        start="16:00",
        end="19:30",
        location="Byrådssalen",
        status="hævet",
        members=members,
        items=items,
    )


def measure(label: str, render, runs: int = 20) -> None:
    """Wall-clock and CPU time (the process's own, less disturbed by a busy machine) of `runs` renders."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        output = render()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    size = len(output.encode() if isinstance(output, str) else output)
    print(
        f"{label:<22} median {statistics.median(times):6.1f} ms   best {min(times):6.1f} ms   "
        f"CPU median {statistics.median(cpu):6.1f} ms   ({size // 1024} KiB)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    meeting = synthetic_meeting(count)
    print("Belastning (1, 5, 15 min): " + ", ".join(f"{load:.1f}" for load in os.getloadavg()))
    print(f"Eksport af et møde med {count} punkter (mål: under 100 ms):")
    measure("Markdown, offentlig", lambda: render_markdown(meeting))
    measure("Markdown, fuld", lambda: render_markdown(meeting, public=False))
    measure("Markdown, kort form", lambda: render_markdown(meeting, decisions_only=True))
    measure("JSON, offentlig", lambda: render_json(meeting))
    measure("JSON, fuld", lambda: render_json(meeting, public=False))
    print("Word og PDF (mål: under 1 s):")
    measure("Word, offentlig", lambda: render_docx(meeting), runs=5)
    measure("Word, fuld", lambda: render_docx(meeting, public=False), runs=5)
    measure("PDF, offentlig", lambda: render_pdf(meeting), runs=5)
    measure("PDF, fuld", lambda: render_pdf(meeting, public=False), runs=5)


if __name__ == "__main__":
    main()
