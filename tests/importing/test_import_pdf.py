"""`.pdf` files: pypdf's layout mode, page furniture, tables, split words; bad PDFs refused in one sentence."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from import_samples import laid_out_pdf, pdf_bytes
from typer.testing import CliRunner

from cli import app
from store.export_pdf import render_pdf
from store.importing import ImportProblem, parse_file, read_file

FILLER = "Forvaltningen har udarbejdet en beskrivelse af økonomien i kommunen, og den foreligger nu. " * 4
runner = CliRunner()


def agenda_item(number: int, decision: str) -> tuple[str, str]:
    heading = (
        f"{number}. Budgetopfølgning nummer {number} for Økonomiudvalgets område med "
        "en titel så lang at den ombrydes i dokumentet"
    )
    body = (
        f"Sagsnr.: 25/{1000 + number}\n\nSagsfremstilling\n{FILLER}Det samlede budget-\n"
        "område er i balance, og Arbejdsmarkeds-\nog Beskæftigelsesområdet følger planen. CO2-\n"
        "Udledningen falder.\n\nIndstilling\nDirektionen indstiller, at\n1. budgetopfølgningen godkendes\n"
        "2. sagen oversendes til byrådet\n\nBeslutning\n" + decision
    )
    return heading, body


@pytest.fixture(scope="module")
def referat_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "referat.pdf"
    path.write_bytes(
        laid_out_pdf(
            "Økonomiudvalget - Referat - 3. marts 2025",
            [
                "Referat",
                "Økonomiudvalget",
                "Mødedato: 3. marts 2025",
                "Mødetidspunkt: kl. 16.00",
                "Mødested: Byrådssalen",
            ],
            [("Til stede", "Ikke til stede"), ("Anne Hansen (A)", "Bo Berg (V)"), ("Carl Dam (C)", "")],
            ["Dorte Ek (F)", "Erik Fog (O)", "Finn Gade (B)", "Gitte Holm (Ø)"],
            [agenda_item(n, "Godkendt." if n != 3 else "Anbefales.") for n in range(1, 6)],
        )
    )
    return path


def test_laid_out_pdf_header_and_attendance_table(referat_pdf):
    meeting = parse_file(referat_pdf)
    assert (meeting.committee, meeting.date, meeting.start, meeting.location) == (
        "Økonomiudvalget",
        dt.date(2025, 3, 3),
        "16:00",
        "Byrådssalen",
    )
    attendance = {(m.name, m.party): m.attendance for m in meeting.members}
    assert attendance == {
        ("Anne Hansen", "A"): "til stede",
        ("Carl Dam", "C"): "til stede",
        ("Bo Berg", "V"): "fraværende",
        ("Dorte Ek", "F"): "til stede",
        ("Erik Fog", "O"): "til stede",
        ("Finn Gade", "B"): "til stede",
        ("Gitte Holm", "Ø"): "til stede",
    }


def test_laid_out_pdf_items_with_wrapped_titles_across_pages(referat_pdf):
    items = parse_file(referat_pdf).items
    assert [i.number for i in items] == ["1", "2", "3", "4", "5"]
    assert items[1].title == (
        "Budgetopfølgning nummer 2 for Økonomiudvalgets område med en titel så lang at den ombrydes i dokumentet"
    )
    assert [i.case_number for i in items] == [f"25/{1000 + n}" for n in range(1, 6)]
    assert [i.decision.outcome for i in items] == ["Godkendt", "Godkendt", "Anbefales", "Godkendt", "Godkendt"]
    assert all(i.recommendation == ["budgetopfølgningen godkendes", "sagen oversendes til byrådet"] for i in items)


def test_laid_out_pdf_page_furniture_gone_and_split_words_joined(referat_pdf):
    items = parse_file(referat_pdf).items
    texts = "\n".join(s.text for i in items for s in i.sections)
    assert "Side " not in texts and "Referat - 3. marts 2025" not in texts
    assert "budgetområde\ner i balance" in texts
    assert "Arbejdsmarkeds-\nog Beskæftigelsesområdet" in texts  # the writer's own hyphen stays
    assert "CO2-\nUdledningen" in texts


def test_referat_exported_as_pdf_imports_again(tmp_path):
    source = tmp_path / "referat.md"
    source.write_text(
        "Referat\nByudviklingsudvalget\nDato: 11. august 2020 kl. 15.00\nSted: Mødesal 1, Rådhuset\n\n"
        "Deltagere\nBirgitte Glifberg (A)\nLars Holm (V)\nAfbud: Per Krag (C)\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n"
        "2. Lokalplan for bydelscenter ved Stationsvej med boliger, butikker og et nyt torv\n\n"
        "Sagsfremstilling\n\nLokalplanen giver mulighed for 120 boliger.\n\n"
        "Indstilling\n\nForvaltningen indstiller, at\n\n1. planen vedtages\n2. høringssvarene besvares\n\n"
        "Beslutning\n\n1. Anbefales\n2. Godkendt\n",
        encoding="utf-8",
    )
    original = parse_file(source)
    path = tmp_path / "eksport.pdf"
    path.write_bytes(render_pdf(original, public=True))
    again = parse_file(path)
    assert (again.committee, again.date) == (original.committee, original.date)
    assert [(i.number, i.title) for i in again.items] == [(i.number, i.title) for i in original.items]
    assert again.items[1].decision.points == ["Anbefales", "Godkendt"]
    assert {(m.name, m.attendance) for m in again.members} >= {
        ("Birgitte Glifberg", "til stede"),
        ("Per Krag", "afbud"),
    }


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("hemmelig")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _image_only_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a scanned page has pictures, no text
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("krypteret.pdf", _encrypted_pdf, "adgangskode"),
        ("scannet.pdf", _image_only_pdf, "uden tekst"),
        ("rod.pdf", lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40, "PDF"),
    ],
)
def test_bad_pdf_is_one_danish_sentence_and_writes_nothing(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content())
    with pytest.raises(ImportProblem) as caught:
        read_file(path)
    message = str(caught.value)
    assert name in message and says in message and "\n" not in message
    db = tmp_path / "referat.db"
    result = runner.invoke(app, ["import", str(path), "--db", str(db)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output and name in result.output
    if db.exists():
        import sqlite3

        assert sqlite3.connect(db).execute("SELECT count(*) FROM meetings").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt", "Hvidovre Kommune - Arbejdsmarkedsudvalget - 29.05.2017"),
        ("roedovre-beu-2020-08-11.txt", "Rødovre Kommune · Beskæftigelsesudvalget · 11. august 2020"),
        ("koege-br-2022-05-31.txt", "Køge Byråd - Referat - 31.05.2022"),
    ],
)
def test_real_referat_printed_as_pdf_reads_as_its_text_does(shared_referater, tmp_path, name, header):
    from import_samples import text_as_pdf

    source = shared_referater / name
    path = tmp_path / source.with_suffix(".pdf").name
    path.write_bytes(text_as_pdf(source.read_text(encoding="utf-8"), header))
    from_text, from_pdf = parse_file(source), parse_file(path)

    def facts(meeting):
        return (
            meeting.committee,
            meeting.date,
            meeting.start,
            meeting.location,
            sorted((m.display, m.attendance) for m in meeting.members),
            [
                (
                    i.number,
                    i.title,
                    i.public,
                    i.case_number,
                    i.decision.outcome if i.decision else None,
                    i.decision.points if i.decision else None,
                )
                for i in meeting.items
            ],
        )

    assert facts(from_pdf) == facts(from_text)


@pytest.mark.parametrize(
    "repeat",
    ["12. Salg af grund på Havnevej (fortsat)", "12. Salg af grund på Havnevej", "Punkt 12 (fortsat)"],
)
def test_item_heading_repeated_at_the_top_of_the_next_page_is_no_item_and_no_text(tmp_path, repeat):
    first = [
        "Referat",
        "Økonomiudvalget",
        "Mødedato: 12. marts 2024",
        "",
        "11. Godkendelse af dagsorden",
        "Beslutning",
        "Godkendt.",
        "",
        "12. Salg af grund på Havnevej",
        "Sagsnr.: 24/1234",
        "Sagsfremstilling",
        "Kommunen ejer en grund på Havnevej, som forvaltningen foreslår sat til salg.",
    ]
    second = [
        repeat,
        "Køberen har budt den vurderede pris.",
        "Indstilling",
        "Direktionen indstiller, at grunden sælges.",
    ]
    third = [
        "12. Salg af grund på Havnevej",
        "Beslutning",
        "Godkendt.",
        "",
        "13. Orientering fra direktøren",
        "Sagsfremstilling",
        "Direktøren orienterer om budgettet.",
        "Beslutning",
        "Taget til efterretning.",
    ]
    path = tmp_path / "fortsat.pdf"
    path.write_bytes(pdf_bytes([first, second, third]))
    meeting = parse_file(path)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("11", "Godkendelse af dagsorden"),
        ("12", "Salg af grund på Havnevej"),
        ("13", "Orientering fra direktøren"),
    ]
    sale = meeting.items[1]
    text = "\n".join(s.text for s in sale.sections)
    assert "Køberen har budt" in text and "Havnevej" in text.split("Kommunen ejer")[1]
    assert "fortsat" not in text and "12." not in text
    assert sale.recommendation == ["at grunden sælges."]
    assert [i.decision.outcome for i in meeting.items] == ["Godkendt", "Godkendt", "Taget til efterretning"]


def test_item_heading_repeated_under_a_page_label_in_pdf_text_without_page_breaks():
    """PDF text copied with 'Side 1 af 3' lines instead of page breaks: the repeated heading goes too."""
    from store.importing import read_text

    page_end = "\nØkonomiudvalget 12. marts 2024\nSide {} af 3\n"
    text = (
        "Referat\nØkonomiudvalget\nMødedato: 12. marts 2024\n\n"
        "11. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "12. Salg af grund på Havnevej\nSagsnr.: 24/1234\nSagsfremstilling\nKommunen ejer en grund på Havnevej.\n"
        + page_end.format(1)
        + "12. Salg af grund på Havnevej (fortsat)\nKøberen har budt den vurderede pris.\n"
        "Indstilling\nDirektionen indstiller, at grunden sælges.\n"
        + page_end.format(2)
        + "12. Salg af grund på Havnevej\nBeslutning\nGodkendt.\n\n"
        "13. Orientering fra direktøren\nSagsfremstilling\nDirektøren orienterer.\nBeslutning\nTaget til efterretning.\n"
        + page_end.format(3)
    )
    meeting = read_text(text).meeting
    assert [i.number for i in meeting.items] == ["11", "12", "13"]
    sale = meeting.items[1]
    assert sale.sections[0].text == "Kommunen ejer en grund på Havnevej.\n\nKøberen har budt den vurderede pris."
    assert [i.decision.outcome for i in meeting.items] == ["Godkendt", "Godkendt", "Taget til efterretning"]
