"""Layouts the importer must anticipate without a real sample (tests/data/import), plus Word, PDF and HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from import_samples import docx_bytes, pdf_bytes

from store.importing import parse_file, parse_text

DATA = Path(__file__).parents[1] / "data" / "import"


def by_number(meeting):
    return {item.number: item for item in meeting.items}


# --- title over 'Sag nr. 29', Sagens kerne, Lov- og plangrundlag, Tidsplan, 'Bilag 1: …' ------------------


@pytest.fixture
def sag_nr():
    return parse_file(DATA / "sag-nr-referat.txt")


def test_sag_nr_layout_items(sag_nr):
    assert [(i.number, i.title, i.public) for i in sag_nr.items] == [
        ("29", "Godkendelse af dagsorden", True),
        ("30", "Lokalplan 123 for boliger ved Søvej", True),
        ("31", "Salg af grund på Industrivej", False),
        ("32", "Eventuelt", True),
    ]
    item = by_number(sag_nr)["30"]
    assert [s.heading for s in item.sections] == [
        "Beslutningskompetence",
        "Sagens kerne",
        "Indstilling",
        "Lov- og plangrundlag",
        "Tidsplan",
    ]
    assert item.sections[0].text == "KB"
    assert item.recommendation == [
        "forslaget vedtages og sendes i offentlig høring i 8 uger,",
        "der afholdes borgermøde i høringsperioden.",
    ]
    assert [(a.title, a.reference, a.public) for a in item.attachments] == [
        ("Forslag til lokalplan 123", "1", True),
        ("Miljøscreening", "2", False),
    ]


def test_sag_nr_layout_header(sag_nr):
    assert sag_nr.committee == "Byudviklingsudvalget"
    assert sag_nr.date == dt.date(2020, 8, 11)
    assert (sag_nr.start, sag_nr.end) == ("15:00", "15:45")  # 'Protokollen oplæst. Mødet afsluttet kl. 15.45'
    assert sag_nr.location == "Mødesal 1, Rådhuset"
    assert sag_nr.status == "hævet"


def test_sag_nr_layout_members_roles_substitutes_and_absence(sag_nr):
    members = {m.name: m for m in sag_nr.members}
    assert (members["Karen Jensen"].role, members["Karen Jensen"].party) == ("formand", "A")
    assert members["Peter Holm"].role == "næstformand"
    glifberg = members["Birgitte Glifberg"]
    assert (glifberg.attendance, glifberg.substitute_for) == ("stedfortræder", "Brian Møller")
    assert members["Brian Møller"].attendance == "afbud"
    assert members["Jan Kongebro"].attendance == "til stede"
    assert (members["Hanne Lyng"].arrived_at, members["Hanne Lyng"].arrived_item) == ("15:20", "30")
    items = by_number(sag_nr)
    assert [a.member for a in items["30"].absences] == ["Jan Kongebro (A)"]
    assert [(a.member, a.reason) for a in items["31"].absences] == [
        ("Ole Dam (C)", "inhabil"),
        ("Jan Kongebro (A)", None),
    ]
    assert items["29"].absences == [] and items["32"].absences == []


def test_sag_nr_layout_votes_remarks_and_outcomes(sag_nr):
    items = by_number(sag_nr)
    lokalplan = items["30"]
    assert lokalplan.decision.outcome == "Anbefales"
    assert lokalplan.decision.text is None  # the vote and the remark are not left in the text
    vote = lokalplan.votes[0]
    assert (vote.for_, vote.for_count, vote.against, vote.against_count, vote.abstain, vote.abstain_count) == (
        ["A", "C", "V"],
        5,
        ["F"],
        1,
        ["Ø"],
        1,
    )
    assert (vote.kind, vote.result) == ("indstilling", "vedtaget")
    remark = lokalplan.remarks[0]
    assert (remark.members, remark.kind) == (["Lise Berg (F)"], "protokoltilførsel")
    assert remark.text == "SF ønsker, at bebyggelsen bliver lavere mod søen."
    sale = items["31"]
    amendment = sale.votes[0]
    assert (amendment.kind, amendment.result, amendment.subject) == (
        "ændringsforslag",
        "forkastet",
        "ændringsforslag fra F om at udsætte sagen",
    )
    assert (amendment.abstain, amendment.abstain_count) == ([], 0)
    assert sale.decision.outcome == "Indstillingen anbefales"
    assert items["32"].decision.outcome == "Intet"


def test_cp1252_file_reads_like_utf8():
    assert parse_file(DATA / "sag-nr-referat-cp1252.txt") == parse_file(DATA / "sag-nr-referat.txt")


# --- text extracted from PDF: page numbers, running header, sections run together -------------------


@pytest.fixture
def pdf_text():
    return parse_file(DATA / "pdf-tekst-dagsorden.txt")


def test_pdf_text_layout(pdf_text):
    assert pdf_text.committee == "Teknik- og Miljøudvalget"
    assert pdf_text.date == dt.date(2020, 8, 11)
    assert (pdf_text.start, pdf_text.end) == ("16:00", "18:00")
    assert pdf_text.location == "Rådhuset, mødelokale 2"
    assert pdf_text.status == "planlagt"
    assert [(i.number, i.title, i.public, i.case_number) for i in pdf_text.items] == [
        ("1", "Godkendelse af dagsorden", True, "15/11238"),
        ("2", "Vejvedligeholdelse 2021", True, "20/4411"),
        ("3", "Køb af ejendom, Stationsvej 4", False, "20/5123"),
    ]


def test_pdf_text_sections_run_together_and_page_furniture_removed(pdf_text):
    items = by_number(pdf_text)
    assert [s.heading for s in items["2"].sections] == ["Sagens kerne", "Indstilling", "Økonomi"]
    kerne = items["2"].sections[0].text
    assert kerne.startswith("Udvalget skal prioritere vejarbejder for 2021.")
    assert "i budgettet til formålet." in kerne
    assert "Side 2 af 4" not in kerne and "Teknik- og Miljøudvalget 11-08-2020" not in kerne
    assert items["1"].recommendation == ["at dagsordenen godkendes."]
    assert items["1"].sections[1].text == "Forvaltningen indstiller"
    assert items["2"].recommendation == [
        "at prioriteringslisten godkendes,",
        "at arbejdet udbydes i to delentrepriser.",
    ]
    assert [a.title for a in items["2"].attachments] == ["Prioriteringsliste 2021", "Kort over vejarbejder"]
    # the Bilagsoversigt and the bilag after the last item are not part of it
    assert items["3"].attachments == []
    assert "Søvej" not in items["3"].sections[-1].text


def test_pdf_text_members_without_decisions_have_no_attendance(pdf_text):
    assert [(m.name, m.role, m.attendance) for m in pdf_text.members] == [
        ("Anne Sørensen", "formand", None),
        ("Bo Ahmed", None, None),
        ("Carl Nielsen", None, None),
        ("Dorte Lund", None, "afbud"),
    ]


# --- agenda-system Markdown dagsorden, web page --------------------------------------------------------


def test_markdown_dagsorden_with_kind_markers_and_headings_at_any_level():
    meeting = parse_file(DATA / "dagsorden-agendasystem.md")
    assert meeting.committee == "Social- og Sundhedsudvalget"  # the electoral period is dropped
    assert (meeting.date, meeting.start, meeting.location) == (dt.date(2023, 3, 7), "17:00", "Udvalgsværelse 2")
    assert meeting.municipality == "Faxe Kommune"
    assert meeting.status == "planlagt"
    assert [(i.number, i.title, i.public, i.kind) for i in meeting.items] == [
        ("12", "Godkendelse af dagsorden", True, "beslutning"),
        ("13", "Budgetopfølgning 1 2023", True, "beslutning"),
        ("14", "Klagesag", False, "orientering"),
    ]
    items = by_number(meeting)
    assert len(items["13"].recommendation) == 2
    assert [(a.title, a.public) for a in items["13"].attachments] == [
        ("Budgetopfølgning 1 2023 - skema", True),
        ("Personsager", False),
    ]
    assert "### Driftsudgifter" in items["13"].sections[0].text


def test_saved_web_page():
    meeting = parse_file(DATA / "webside-referat.html")
    assert meeting.committee == "Kultur- og Fritidsudvalget"
    assert (meeting.date, meeting.start, meeting.location) == (dt.date(2021, 2, 3), "16:30", "Virtuelt møde")
    assert [(m.name, m.attendance) for m in meeting.members] == [
        ("Mette Skov", "til stede"),
        ("Rasmus Friis", "til stede"),
        ("Yasmin Ali", "til stede"),
        ("Kim Bach", "afbud"),
    ]
    items = by_number(meeting)
    assert items["1"].title == "Tilskud til <foreningslivet> & idræt"
    assert items["1"].recommendation == ["at puljen fordeles som foreslået,", "at restbeløbet overføres til 2022."]
    assert items["1"].decision.points == ["Godkendt", "Godkendt"]
    assert [a.title for a in items["1"].attachments] == ["Ansøgninger 2021"]
    assert items["2"].decision.outcome == "Ingen bemærkninger"


# --- a plain numbered dagsorden, earlier bodies' decisions, per-point decisions on one line ---------------


def test_bare_numbered_dagsorden_without_sections():
    meeting = parse_text(
        "Dagsorden for Ældrerådet\nMødedato: 4. april 2024 kl. 10.00\n\n"
        "1. Godkendelse af dagsorden\n2. Orientering fra formanden\n3. Eventuelt\n",
        "liste.txt",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Orientering fra formanden"),
        ("3", "Eventuelt"),
    ]
    assert meeting.committee == "Ældrerådet"


def test_earlier_bodies_decisions_stay_as_sections():
    meeting = parse_text(
        "Referat - Økonomiudvalget den 18. september 2019\n\n"
        "7. Budget 2020\n\nSagsfremstilling\n\nBudgettet fremlægges.\n\n"
        "Beslutning i Teknik- og Miljøudvalget den 10-09-2019\n\nAnbefales.\n\n"
        "Beslutning i Økonomiudvalget den 18-09-2019\n\n1. Anbefales 2. Indstilles godkendt\n",
        "ku.txt",
    )
    item = meeting.items[0]
    assert [s.heading for s in item.sections] == [
        "Sagsfremstilling",
        "Beslutning i Teknik- og Miljøudvalget den 10-09-2019",
    ]
    assert item.sections[1].text == "Anbefales."
    assert item.decision.points == ["Anbefales", "Indstilles godkendt"]


def test_item_absence_sentence_and_minority_statement_in_a_decision():
    meeting = parse_text(
        "Referat\nPlanudvalget\nDato: 01-02-2024\n\nPunkt 4: Lokalplan 9\n\nBeslutning\n\n"
        "Godkendt med 5 stemmer mod 2.\n\nAnna Holm (A) deltog ikke i behandlingen af punktet.\n\n"
        "Mindretalsudtalelse fra Ø: Vi ønsker flere grønne områder.\n\n"
        "Bo Berg (V) forlod mødet kl. 17.10 efter behandlingen af punkt 4.\n",
        "plan.txt",
    )
    item = meeting.items[0]
    assert item.decision.outcome is None
    assert item.decision.text == "Godkendt med 5 stemmer mod 2."
    assert [a.member for a in item.absences] == ["Anna Holm (A)"]
    assert [(r.members, r.kind, r.text) for r in item.remarks] == [
        (["Ø"], "mindretalsudtalelse", "Vi ønsker flere grønne områder.")
    ]
    bo = next(m for m in meeting.members if m.name == "Bo Berg")
    assert (bo.left_at, bo.left_item) == ("17:10", "4")


# --- real .docx and .pdf files ---------------------------------------------------------------------------


def test_word_document(tmp_path):
    path = tmp_path / "dagsorden.docx"
    path.write_bytes(
        docx_bytes(
            [
                ("Title", "Dagsorden – Børne- og Skoleudvalget"),
                (
                    "table",
                    [["Dato", "Mandag den 2. oktober 2023"], ["Tidspunkt", "kl. 16.00"], ["Sted", "Byrådssalen"]],
                ),
                ("Heading 1", "1. Skolernes trivselsmåling"),
                ("Heading 2", "Sagsfremstilling"),
                ("", "Trivslen er steget på alle skoler."),
                ("Heading 2", "Indstilling"),
                ("", "Forvaltningen indstiller,"),
                ("List Number", "at målingen tages til efterretning,"),
                ("List Number", "at skolerne følger op."),
                ("Heading 1", "2. Eventuelt"),
                ("Heading 2", "Sagsfremstilling"),
                ("", "Intet."),
            ]
        )
    )
    meeting = parse_file(path)
    assert meeting.committee == "Børne- og Skoleudvalget"
    assert (meeting.date, meeting.start, meeting.location) == (dt.date(2023, 10, 2), "16:00", "Byrådssalen")
    assert [(i.number, i.title) for i in meeting.items] == [("1", "Skolernes trivselsmåling"), ("2", "Eventuelt")]
    assert meeting.items[0].recommendation == ["at målingen tages til efterretning,", "at skolerne følger op."]


def test_pdf_file_with_running_header_and_page_numbers(tmp_path):
    header = "Miljøudvalget 11-08-2020"
    path = tmp_path / "referat.pdf"
    path.write_bytes(
        pdf_bytes(
            [
                [
                    header,
                    "Referat",
                    "Miljøudvalget",
                    "Dato: 11-08-2020 kl. 15.00",
                    "",
                    "1. Godkendelse af dagsorden",
                    "Åben sag",
                    "Beslutning Godkendt.",
                    "",
                    "2. Affaldsplan 2021-2032 - LUKKET SAG",
                    "Lukket sag",
                    "Sagsnr.: 15/11238",
                    "Side 1 af 2",
                ],
                [
                    header,
                    "Sagens kerne Planen skal i høring.",
                    "Beslutning Anbefales.",
                    "Protokollen oplæst. Mødet afsluttet kl. 15.45",
                    "Side 2 af 2",
                ],
            ]
        )
    )
    meeting = parse_file(path)
    assert (meeting.committee, meeting.date, meeting.start, meeting.end) == (
        "Miljøudvalget",
        dt.date(2020, 8, 11),
        "15:00",
        "15:45",
    )
    assert [(i.number, i.title, i.public) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Affaldsplan 2021-2032", False),
    ]
    second = meeting.items[1]
    assert second.case_number == "15/11238"
    assert [(s.heading, s.text) for s in second.sections] == [("Sagens kerne", "Planen skal i høring.")]
    assert second.decision.outcome == "Anbefales"
    assert meeting.status == "hævet"


def test_header_and_decision_variants():
    meeting = parse_text(
        "Beslutningsprotokol\nØkonomiudvalget\nDato: 12.06.2023\n"
        "Mødet begyndte kl. 16.00 og sluttede kl. 18.25.\n"
        "Formand: Karen Jensen (A)\nAfbud: Ole Vind (V), Per Krag (C)\n"
        "Deltagere\nBirgitte Glifberg (A)\nSuppleant for Brian Møller (A)\n"
        "Lis Bo (F) mødte som stedfortræder for Per Krag (C).\n\n"
        "Punkt 1 - Godkendelse af dagsorden\nBeslutning: Godkendt\nFraværende: Lis Bo (F)\n\n"
        "Pkt. 2 Regnskab 2022\nSagsnr. 27.00.00-A00-2-21\nØkonomi: Underskud på 2 mio. kr.\n"
        "Beslutning\n1. Godkendt\n2. Anbefales ikke\n",
        "protokol.txt",
    )
    assert (meeting.committee, meeting.date, meeting.start, meeting.end) == (
        "Økonomiudvalget",
        dt.date(2023, 6, 12),
        "16:00",
        "18:25",
    )
    assert [(m.name, m.role, m.attendance, m.substitute_for) for m in meeting.members] == [
        ("Karen Jensen", "formand", "til stede", None),
        ("Ole Vind", None, "afbud", None),
        ("Per Krag", None, "afbud", None),
        ("Birgitte Glifberg", None, "stedfortræder", "Brian Møller"),
        ("Brian Møller", None, "afbud", None),
        ("Lis Bo", None, "stedfortræder", "Per Krag"),
    ]
    first, second = meeting.items
    assert (first.number, first.title, first.decision.outcome) == ("1", "Godkendelse af dagsorden", "Godkendt")
    assert [a.member for a in first.absences] == ["Lis Bo (F)"]
    assert (second.number, second.title, second.case_number) == ("2", "Regnskab 2022", "27.00.00-A00-2-21")
    assert [(s.heading, s.text) for s in second.sections] == [("Økonomi", "Underskud på 2 mio. kr.")]
    assert second.decision.points == ["Godkendt", "Anbefales ikke"]


def test_numbered_table_of_contents_is_skipped():
    meeting = parse_text(
        "Referat - Arbejdsmarkedsudvalget den 29. maj 2017\n\nIndholdsfortegnelse\n\n"
        "1. Godkendelse af dagsorden\n2. Meddelelser\n3. Eventuelt\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning i Arbejdsmarkedsudvalget den 29-05-2017\n\nGodkendt\n\n"
        "2. Meddelelser\n\nSagsfremstilling\n\n29. maj blev der holdt møde.\n 3. Punkt i en liste\n\n"
        "3. Eventuelt\n\nBeslutning i Arbejdsmarkedsudvalget den 29-05-2017\n\n",
        "toc.txt",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Meddelelser"),
        ("3", "Eventuelt"),
    ]
    assert meeting.items[0].decision.outcome == "Godkendt"
    assert "29. maj blev der holdt møde." in meeting.items[1].sections[0].text
    assert meeting.items[2].decision is None


def test_fravaerende_in_every_decision_makes_the_member_absent():
    meeting = parse_text(
        "# REFERAT Planudvalget d. 01-02-2024\n\n# Punkt 1: Lokalplan\n\n## Beslutning\n\nFraværende:\n\n"
        "Kim Lau (B)\n\nGodkendt.\n\n# Punkt 2: Eventuelt\n\n## Beslutning\n\n"
        "Fraværende: Kim Lau (B), Eva Ry (A)\n\nIntet.\n",
        "fravaer.md",
    )
    assert [(m.display, m.attendance) for m in meeting.members] == [
        ("Kim Lau (B)", "fraværende"),
        ("Eva Ry (A)", "til stede"),
    ]
    assert [[a.member for a in item.absences] for item in meeting.items] == [
        ["Kim Lau (B)"],
        ["Kim Lau (B)", "Eva Ry (A)"],
    ]
    assert [item.decision.outcome for item in meeting.items] == ["Godkendt", "Intet"]
