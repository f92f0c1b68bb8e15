"""How fast `referat import` reads a big dagsorden: a synthetic 500-item file, parsed and saved.

Run: python bench/import_speed.py   (target: under 2 s for parse + save)
Also prints how long a 500-item PDF text with one line per page and no item numbers takes to parse,
a 5 MB single-item file, and a laid-out .pdf of 100 items (fpdf2; read with pypdf's layout mode).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.db import open_database  # noqa: E402
from store.importing import parse_file  # noqa: E402
from store.meetings import save_meeting  # noqa: E402

ITEMS = 500
TARGET_SECONDS = 2.0


def synthetic_agenda(items: int) -> str:
    """A dagsorden in the web-page layout with sections, indstilling points and bilag for every item."""
    parts = [
        "Dagsorden - Økonomiudvalget den 3. marts 2025\n\nMødefakta\n\nDato: Mandag den 3. marts 2025\n"
        "Mødetidspunkt: Kl. 16:00\nMødested: Byrådssalen\n\nMedlemmer\n\n"
        + "".join(f" • Medlem Nummer{n} ({'AVOFØ'[n % 5]})\n" for n in range(9))
        + "\nIndholdsfortegnelse\n\n"
    ]
    for n in range(1, items + 1):
        parts.append(
            f"{n}. Sag nummer {n} om udvikling af Hvidovre Kommune\n\n"
            "Beslutningstema\n\nCenter for Økonomi har udarbejdet sagsfremstillingen.\n\n"
            "Indstilling\n\nDirektøren indstiller til Økonomiudvalget\n\n"
            " 1. at godkende forslaget.\n 2. at frigive rådighedsbeløbet på 1,2 mio. kr.\n\n"
            "Sagsfremstilling\n\n" + "Forvaltningen har vurderet sagen grundigt og anbefaler forslaget. " * 12 + "\n\n"
            "Retsgrundlag\n\nLov om kommunernes styrelse.\n\nØkonomiske konsekvenser\n\nIngen.\n\n"
            f"Bilag\n\n 1. Notat om sag {n} (pdf)\n 2. Tidsplan (pdf)\n\n"
        )
    return "".join(parts)


def synthetic_page_lines(items: int) -> str:
    """The text of a PDF with one line per page: an item a page, unnumbered, opened by 'Åben sag' / 'Sagsnr.:'."""
    pages = ["1 SYDBY KOMMUNE Referat til Økonomiudvalget Mødedato: Mandag den 3. marts 2025 Mødetidspunkt: 16:00"]
    for n in range(1, items + 1):
        pages.append(
            f"{n + 1} Økonomiudvalget 03-03-2025 Sag om udvikling nummer {n} Åben sag Sagsnr.: 25/{1000 + n} "
            "Sagsansvarlig: abc RESUMÉ "
            + "Forvaltningen har vurderet sagen grundigt og anbefaler forslaget. "
            * 8
            + "INDSTILLING Forvaltningen indstiller, at 1. forslaget godkendes. "
            f"BESLUTNING I ØKONOMIUDVALGET DEN Godkendt. {n}"
        )
    return "\n\n".join(pages) + "\n"


PDF_ITEMS = 100


def synthetic_pdf(items: int) -> bytes:
    """A dagsorden as an agenda system prints it: running header, page numbers, an item per heading."""
    from fpdf import FPDF

    class Pages(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, "Økonomiudvalget - Dagsorden - 3. marts 2025", new_x="LMARGIN", new_y="NEXT")

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Side {self.page_no()}", align="C")

    pdf = Pages()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Dagsorden\nØkonomiudvalget\nMødedato: 3. marts 2025\n", new_x="LMARGIN", new_y="NEXT")
    for n in range(1, items + 1):
        pdf.multi_cell(
            0,
            6,
            f"{n}. Sag nummer {n} om budgetopfølgning\nSagsnr.: 25/{n}\n\nSagsfremstilling\n"
            + "Forvaltningen har vurderet sagen og anbefaler forslaget. " * 8
            + "\n\nIndstilling\nDirektionen indstiller, at forslaget godkendes.\n",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "dagsorden-500.txt"
        source.write_text(synthetic_agenda(ITEMS), encoding="utf-8")
        started = time.perf_counter()
        meeting = parse_file(source)
        parsed = time.perf_counter()
        db = open_database(Path(folder) / "bench.db")
        opened = time.perf_counter()
        save_meeting(db, meeting)
        saved = time.perf_counter()
        db.close()
        paged = Path(folder) / "sidelinjer-500.txt"
        paged.write_text(synthetic_page_lines(ITEMS), encoding="utf-8")
        paged_started = time.perf_counter()
        paged_items = len(parse_file(paged).items)
        paged_seconds = time.perf_counter() - paged_started
        big = Path(folder) / "stor.md"
        paragraph = "Kommunen har modtaget en ansøgning om tilskud, og forvaltningen har vurderet den.\n\n"
        big.write_text(
            "Dagsorden - Økonomiudvalget den 3. marts 2025\n\n# Punkt 1: Stort punkt\n\n## Sagsfremstilling\n\n"
            + paragraph * (5 * 1024 * 1024 // len(paragraph.encode())),
            encoding="utf-8",
        )
        big_started = time.perf_counter()
        parse_file(big)
        big_seconds = time.perf_counter() - big_started
        big_size = big.stat().st_size / (1024 * 1024)
        pdf = Path(folder) / "dagsorden.pdf"
        pdf.write_bytes(synthetic_pdf(PDF_ITEMS))
        pdf_started = time.perf_counter()
        pdf_items = len(parse_file(pdf).items)
        pdf_seconds = time.perf_counter() - pdf_started
        from pypdf import PdfReader

        pdf_pages = len(PdfReader(pdf).pages)
    size = len(synthetic_agenda(ITEMS).encode()) / 1024
    total = (parsed - started) + (saved - opened)
    print(f"Fil: {ITEMS} punkter, {size:.0f} KB; genkendt {len(meeting.items)} punkter")
    print(f"Indlæsning (parse): {parsed - started:.3f} s")
    print(f"Gem i database:     {saved - opened:.3f} s")
    print(
        f"I alt:              {total:.3f} s (mål: under {TARGET_SECONDS:.0f} s) {'OK' if total < TARGET_SECONDS else 'FOR LANGSOMT'}"
    )
    print(
        f"PDF-tekst, én linje pr. side, {ITEMS} punkter uden numre: genkendt {paged_items}, "
        f"indlæst på {paged_seconds:.3f} s"
    )
    print(f"Fil på {big_size:.1f} MB med ét punkt: indlæst på {big_seconds:.3f} s")
    print(f"PDF på {pdf_pages} sider med {PDF_ITEMS} punkter: genkendt {pdf_items}, indlæst på {pdf_seconds:.3f} s")


if __name__ == "__main__":
    main()
