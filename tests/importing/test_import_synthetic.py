"""Layouts written for these tests (tests/data/import/syn-*), unlike any one kommune's: what each must give.

Each document mixes shapes the real documents use in other combinations, so a reader built from one
kommune's files fails here: 'Pkt. 42' with web-page noise, Markdown headings, 'Sag nr. 12' under the title,
items without numbers, PDF text with one line per page, a contents list split into åbne and lukkede punkter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from store.export_markdown import render_markdown
from store.importing import read_file, read_text

DATA = Path(__file__).parents[1] / "data" / "import"


def facts(name: str):
    imported = read_file(DATA / name)
    meeting = imported.meeting
    items = [(i.number, i.title, i.public) for i in meeting.items]
    return imported, meeting, items


def test_pkt_headings_in_web_page_noise():
    imported, meeting, items = facts("syn-pkt-webside.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Teknik og Miljø",
        "2024-03-14",
        "16:00",
        "Mødelokale 3, Rådhuset",
    )
    assert items == [
        ("42", "Godkendelse af dagsorden", True),
        ("43", "Cykelsti langs Ringvejen", True),
        ("44", "Salg af grund på Havnevej", False),
    ]
    members = {m.display: (m.role, m.attendance) for m in meeting.members}
    assert members["Lise Dam (A)"][0] == "formand"
    assert members["Per Holt (C)"][1] == "afbud"
    cykelsti = meeting.items[1]
    assert cykelsti.case_number == "23/9981"
    assert len(cykelsti.recommendation) == 2
    assert cykelsti.decision.points == ["Godkendt", "Anbefales over for Økonomiudvalget"]
    assert [a.title for a in cykelsti.attachments] == ["Projektbeskrivelse", "Kort over strækningen"]
    assert not any("Facebook" in s.text or "Til toppen" in s.text for i in meeting.items for s in i.sections)
    assert imported.notes == []


def test_markdown_dagsorden_without_decisions():
    _, meeting, items = facts("syn-markdown-dagsorden.md")
    assert meeting.status == "planlagt"
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Børne- og Skoleudvalget",
        "2024-09-02",
        "17:00",
        "Byrådssalen",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Kvalitetsrapport 2024", True),
        ("3", "Skolestruktur", False),
    ]
    assert [len(i.recommendation) for i in meeting.items] == [1, 2, 0]
    assert all(i.decision is None for i in meeting.items)
    assert "lærerstillinger" not in render_markdown(meeting, public=True)


def test_sag_nr_under_the_title_with_a_vote_and_a_fortroligt_line():
    _, meeting, items = facts("syn-sag-nr-referat.txt")
    assert (meeting.committee, meeting.municipality, str(meeting.date)) == (
        "Kommunalbestyrelsen",
        "Nordby Kommune",
        "2023-11-21",
    )
    assert (meeting.start, meeting.end, meeting.location) == (
        "18:00",
        "20:15",
        "Rådhuset, salen",
    )  # "Mødet hævet kl. 20.15" over the planned 20:30
    assert items == [
        ("11", "Godkendelse af dagsorden", True),
        ("12", "Budgetopfølgning", True),
        ("13", "Salg af ejendom", False),
    ]
    vote = meeting.items[1].votes[0]
    assert (vote.for_, vote.for_count, vote.against, vote.against_count, vote.result) == (
        ["A", "F", "Ø"],
        14,
        ["V", "C"],
        9,
        "vedtaget",
    )
    assert [a.member for a in meeting.items[1].absences] == ["Hans Berg (V)"]
    assert [a.member for a in meeting.items[2].absences] == ["Hans Berg (V)"]


def test_items_without_numbers_are_numbered_in_order_and_the_import_says_so():
    imported, meeting, items = facts("syn-uden-numre.txt")
    assert meeting.committee == "Social- og Sundhedsudvalget"
    assert items == [
        ("1", "Velkomst og orientering", True),
        ("2", "Ældrepolitik 2025", True),
        ("3", "Plejehjemmet Solgården", True),
    ]
    assert meeting.items[2].decision.outcome == "Taget til efterretning"
    assert [m.display for m in meeting.members] == ["Anne Lund (A)", "Bo Skov (V)", "Carl Mose (O)"]
    assert any("nummererer ikke punkterne" in note for note in imported.notes)


def test_pdf_text_with_one_line_per_page():
    _, meeting, items = facts("syn-pdf-sidelinjer.txt")
    assert (meeting.committee, meeting.municipality, str(meeting.date), meeting.start, meeting.location) == (
        "Kultur- og Fritidsudvalget",
        "Sydby Kommune",
        "2024-05-08",
        "15:30",
        "Lokale 2",
    )
    assert items == [
        ("1", "Tilskud til spejderhytte", True),
        ("2", "Køb af kunstværk", False),
        ("3", "Eventuelt", True),
    ]
    assert [i.case_number for i in meeting.items] == ["24/3301", "24/3377", "24/1000"]
    assert meeting.items[0].decision.outcome == "Godkendt"
    assert len(meeting.items[0].recommendation) == 1
    assert meeting.items[1].decision is None
    assert meeting.items[2].decision.outcome == "Intet"


def test_contents_split_in_open_and_closed_items_matched_to_the_bodies():
    imported, meeting, items = facts("syn-indhold.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end) == (
        "Klima- og Miljøudvalget",
        "2024-06-12",
        "08:30",
        "10:00",
    )
    assert items == [
        ("101", "Godkendelse af dagsorden", True),
        ("102", "Vandplan 2024", True),
        ("103", "Orientering", True),
        ("104", "Erstatningssag", False),
    ]
    assert meeting.items[0].decision.outcome == "Godkendt"
    assert meeting.items[1].decision.text == "Godkendt med den bemærkning, at planen offentliggøres."
    assert meeting.items[2].decision is None and meeting.items[3].decision is None
    assert any("103, 104 står kun i indholdsfortegnelsen" in note for note in imported.notes)


def test_dagsordenspunkt_with_access_in_brackets_lettered_points_and_afgoerelse():
    imported, meeting, items = facts("syn-dagsordenspunkt-afgoerelse.txt")
    assert (meeting.committee, meeting.municipality, str(meeting.date), meeting.start, meeting.end) == (
        "Teknik- og Miljøudvalget",
        "Silkeby Kommune",
        "2025-01-14",
        "15:00",
        "17:10",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Trafiksikkerhedsplan 2025-2028", True),
        ("3", "Salg af areal ved Havnevej", False),
        ("4", "Eventuelt", True),
    ]
    assert [i.case_number for i in meeting.items] == ["25/101", "24/9876", "24/5555", None]
    plan = meeting.items[1]
    assert [s.heading for s in plan.sections] == ["Resumé", "Indstilling fra direktionen"]
    assert plan.recommendation == ["planen godkendes", "der afsættes 2 mio. kr. i 2025"]
    assert plan.decision.points == ["Godkendt.", "Anbefales over for Økonomiudvalget."]
    assert meeting.items[2].decision.outcome == "Godkendt"  # under 'Afgørelse'
    assert meeting.items[3].decision.outcome == "Intet"  # 'Beslutning: Intet.' on one line
    attendance = {m.display: m.attendance for m in meeting.members}
    assert attendance == {
        "Hanne Lund (A)": "til stede",
        "Peter Skov (V)": "til stede",
        "Mette Kjær (F)": "til stede",
        "Jens Bach (C)": "til stede",
        "Ole Mark (O)": "fraværende",
        "Lise Frost (Ø)": "fraværende",
    }


def test_punkt_with_roman_points_and_meeting_in_one_sentence():
    imported, meeting, items = facts("syn-punkt-aaben-romertal.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end) == (
        "Børne- og Skoleudvalget",
        "2025-03-04",
        "16:30",
        "18:05",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Skolestruktur", True),
        ("3", "Personalesag", False),
    ]
    skole = meeting.items[1]
    assert skole.recommendation == ["model A vælges", "høring igangsættes"]
    assert skole.decision.points == ["Godkendt", "Godkendt"]
    assert {m.display: m.attendance for m in meeting.members}["Thomas Vang (O)"] == "afbud"


def test_sag_number_standing_above_its_title_and_committee_in_capitals():
    imported, meeting, items = facts("syn-sag-over-titel.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Socialudvalget",
        "2025-02-05",
        "14:00",
        "Byrådssalen",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Budgetopfølgning 2025", True),
        ("3", "Eventuelt", True),
    ]
    budget = meeting.items[1]
    assert budget.case_number == "25/200"
    assert budget.decision.outcome == "Taget til efterretning"
    assert [a.member for a in budget.absences] == ["Karl Nielsen (V)"]
    assert imported.notes == []


def test_numbered_list_before_the_next_punkt_is_not_an_item():
    imported, meeting, items = facts("syn-punkt-med-talliste.txt")
    assert items == [
        ("7", "Godkendelse af dagsorden", True),
        ("8", "Anlægsplan for idrætsfaciliteter", True),
        ("12", "Eventuelt", True),
    ]
    plan = meeting.items[1].sections[0].text
    assert "9. Ny kunstgræsbane ved skolen" in plan and "10. Renovering af svømmehallen" in plan


def test_member_table_contents_with_tabs_and_case_lines_with_names():
    imported, meeting, items = facts("syn-medlemstabel-indhold.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end, meeting.location) == (
        "Økonomiudvalget",
        "2025-03-10",
        "15:00",
        "16:40",
        "Udvalgsværelse 1",
    )
    assert {m.display: m.attendance for m in meeting.members} == {
        "Karen Holm (A)": "til stede",
        "Lars Møller (V)": "afbud",
        "Pia Skov (F)": "til stede",
        "Ole Berg (C)": "fraværende",
    }
    assert items == [("1", "Godkendelse af dagsorden", True), ("2", "Regnskab 2024", True), ("3", "Eventuelt", True)]
    assert [i.case_number for i in meeting.items] == ["00.01.00-A00-1-25", "00.30.10-S55-1-24", None]
    regnskab = meeting.items[1]
    assert regnskab.kind == "beslutning"
    assert regnskab.decision.outcome == "Anbefales"
    assert [a.member for a in regnskab.absences] == ["Lars Møller (V)"]


def test_punkt_nr_with_decision_headings_naming_the_committee_and_a_substitute_in_stedet_for():
    imported, meeting, items = facts("syn-punkt-nr-beslutning-i.txt")
    assert (meeting.committee, meeting.municipality, str(meeting.date), meeting.start, meeting.location) == (
        "Plan- og Teknikudvalget",
        "Lejre Kommune",
        "2025-06-12",
        "08:30",
        "Mødelokale Hvalsø",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Lokalplan 17 for boliger ved Skovvej", True),
        ("3", "Ekspropriation", False),
    ]
    members = {m.display: (m.role, m.attendance, m.substitute_for) for m in meeting.members}
    assert members["Rasmus Lind (A)"] == ("formand", "til stede", None)
    assert members["Kurt Ravn (O)"][1] == "afbud"
    assert members["Mia Krog (O)"] == (None, "stedfortræder", "Kurt Ravn")
    lokalplan = meeting.items[1]
    assert lokalplan.case_number == "24/4412"
    assert lokalplan.decision.points == ["Anbefales.", "Godkendt."]
    assert [(v.against) for v in lokalplan.votes] == [["Signe Lund (F)"]]
    assert meeting.items[0].decision.outcome == "Godkendt"


def test_number_in_its_own_column_and_decision_headings_of_two_bodies():
    imported, meeting, items = facts("syn-nummer-i-kolonne-referat.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Kommunalbestyrelsen",
        "2025-03-27",
        "19:00",
        "Byrådssalen, Rådhuset",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Spildevandsplan 2025-2030", True),
        ("3", "Eventuelt", True),
    ]
    plan = meeting.items[1]
    assert plan.decision.outcome == "Vedtaget"  # this meeting's, not the Økonomiudvalget's before it
    assert [s.heading for s in plan.sections][-1] == "Økonomiudvalgets beslutning den 18. marts 2025"
    assert imported.notes == []


def test_dagsorden_numbers_without_a_full_stop_and_det_indstilles():
    imported, meeting, items = facts("syn-nummer-uden-punktum-dagsorden.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.status) == (
        "Ældre- og Sundhedsudvalget",
        "2025-04-02",
        "13:00",
        "planlagt",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Kvalitetsstandard for hjemmehjælp", True),
        ("3", "Meddelelser", True),
    ]
    assert meeting.items[1].recommendation == ["at standarden godkendes."]
    assert all(item.decision is None for item in meeting.items)
    assert imported.notes == []


def test_udvalg_field_without_the_word_udvalg_and_a_contents_list():
    imported, meeting, items = facts("syn-udvalg-felt-indhold.txt")
    assert (
        meeting.committee,
        meeting.municipality,
        str(meeting.date),
        meeting.start,
        meeting.end,
        meeting.location,
    ) == ("Erhverv, Turisme og Kultur", "Halsnæs Kommune", "2025-04-08", "17:00", "19:00", "Rådhuset, lokale 2.12")
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Kulturpris 2025", True),
        ("3", "Orientering", True),
    ]
    assert [i.kind for i in meeting.items] == [None, "beslutning", "orientering"]
    pris = meeting.items[1]
    assert pris.decision.text == "Udvalget udpegede Ravnsborg Teater."
    assert [a.member for a in pris.absences] == ["Jonna Vej (V)"]
    assert {m.display for m in meeting.members} == {"Mads Friis (A)", "Jonna Vej (V)", "Tina Bo (Ø)"}


def test_punkt_alone_over_its_title_start_and_slut_labels_and_capital_letter_points():
    imported, meeting, items = facts("syn-punkt-alene-bogstavpunkter.txt")
    assert (meeting.committee, meeting.municipality, str(meeting.date), meeting.start, meeting.end) == (
        "Social- og Sundhedsudvalget",
        "Vordingborg Kommune",
        "2025-02-10",
        "14:00",
        "16:30",
    )
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Handleplan for demens", True),
        ("3", "Klagesag", False),
    ]
    members = {m.display: (m.role, m.attendance) for m in meeting.members}
    assert members == {
        "Hans Eriksen (A)": ("formand", "til stede"),
        "Birthe Kofoed (V)": ("næstformand", "til stede"),
        "Jesper Lau (DF)": (None, "fraværende"),
        "Nina Storm (SF)": (None, "til stede"),
    }
    plan = meeting.items[1]
    assert plan.recommendation == ["at handleplanen godkendes", "at handleplanen sendes til høring i Ældrerådet"]
    assert plan.decision.points == ["Godkendt", "Godkendt"]


def test_saved_web_page_with_an_attendance_table_and_a_site_footer():
    imported, meeting, items = facts("syn-webside-tabel.html")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end, meeting.location) == (
        "Klima- og Miljøudvalget",
        "2025-05-22",
        "16:00",
        "18:15",
        "Rådhuset, Mødelokale B",
    )
    assert {m.display: m.attendance for m in meeting.members} == {
        "Lone Juhl (A)": "til stede",
        "Ali Demir (SF)": "til stede",
        "Karin Due (K)": "til stede",
        "Preben Friis (V)": "afbud",
    }
    assert items == [
        ("14", "Godkendelse af dagsorden", True),
        ("15", "Klimahandleplan, status 2025", True),
        ("16", "Grundkøb", False),
    ]
    status = meeting.items[1]
    assert status.recommendation == ["at status tages til efterretning", "at næste status forelægges i 2026"]
    assert status.decision.points == ["Taget til efterretning.", "Godkendt."]
    assert [a.title for a in status.attachments] == ["Statusrapport 2025"]
    assert meeting.items[2].decision.text is None  # the site's footer is not part of the last decision


def test_word_referat_with_a_member_table_and_lettered_decision_points(tmp_path):
    from import_samples import docx_bytes

    path = tmp_path / "referat.docx"
    path.write_bytes(
        docx_bytes(
            [
                ("Title", "Referat – Børne- og Ungeudvalget"),
                ("", "Mødet startede kl. 15.30 den 3. juni 2025 i Byrådssalen og sluttede kl. 17.00."),
                (
                    "table",
                    [
                        ["Medlem", "Parti", "Fremmøde"],
                        ["Eva Holm", "A", "Til stede"],
                        ["Niels Bak", "V", "Afbud"],
                        ["Sara Lind", "Ø", "Deltog ikke"],
                    ],
                ),
                ("Heading 1", "Dagsordenspunkt 1: Dagtilbudsstruktur"),
                ("Heading 2", "Indstilling fra direktionen"),
                ("", "Direktionen indstiller, at"),
                ("", "a) strukturen godkendes"),
                ("", "b) forældrebestyrelserne høres"),
                ("Heading 2", "Udvalgets beslutning"),
                ("", "Ad a) Godkendt."),
                ("", "Ad b) Godkendt."),
            ]
        )
    )
    meeting = read_file(path).meeting
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end) == (
        "Børne- og Ungeudvalget",
        "2025-06-03",
        "15:30",
        "17:00",
    )
    assert {m.display: m.attendance for m in meeting.members} == {
        "Eva Holm (A)": "til stede",
        "Niels Bak (V)": "afbud",
        "Sara Lind (Ø)": "fraværende",
    }
    item = meeting.items[0]
    assert (item.number, item.title) == ("1", "Dagtilbudsstruktur")
    assert item.recommendation == ["strukturen godkendes", "forældrebestyrelserne høres"]
    assert item.decision.points == ["Godkendt.", "Godkendt."]


def test_group_headings_set_the_kind_of_the_items_under_them_and_are_no_item_text():
    imported, meeting, items = facts("syn-sagsgrupper-dagsorden.txt")
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Ny skolestruktur", True),
        ("3", "Status på budget 2025", True),
        ("4", "Salg af grund", False),
    ]
    assert [i.kind for i in meeting.items] == ["beslutning", "beslutning", "orientering", None]
    assert [s.text for s in meeting.items[1].sections] == ["Strukturen samler fire skoler."]
    assert [s.text for s in meeting.items[2].sections] == ["Budgettet overholdes."]
    assert meeting.members == []  # 'Afbud: Ingen afbud' names nobody


def test_items_after_a_lukkede_punkter_heading_are_lukket():
    imported, meeting, items = facts("syn-lukkede-punkter-referat.txt")
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Budgetopfølgning", True),
        ("3", "Køb af ejendom", False),
        ("4", "Personalesag", False),
    ]
    assert meeting.items[1].decision.text is None  # the heading is not part of item 2's decision


BODY = "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Budget\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n"


@pytest.mark.parametrize(
    "lists",
    [
        "Fremmødte: Anne Hansen, A, Bo Berg, V\nAfbud: Carl Dam, C\n",
        "Til stede:\nAnne Hansen, A\nBo Berg, V\n\nAfbud:\nCarl Dam, C\n",
        "Til stede:\nAnne Hansen - A\nBo Berg – V\n\nAfbud:\nCarl Dam - C\n",
        "Fremmødte: Anne Hansen - A, Bo Berg - V\nAfbud: Carl Dam - C\n",
        "Til stede:\nAnne Hansen (A-listen)\nBo Berg (Liste V)\nAfbud: Carl Dam (C-listen)\n",
        "Til stede:\nAnne Hansen, Socialdemokratiet\nBo Berg, Venstre\n\nAfbud:\nCarl Dam, Det Konservative Folkeparti\n",
        "Fremmødte: Anne Hansen, Socialdemokratiet, Bo Berg, Venstre\nFraværende med afbud: Carl Dam, Konservative\n",
    ],
)
def test_member_lists_with_the_party_without_brackets(lists):
    meeting = read_text(f"Referat\nØkonomiudvalget\nMødedato: 12. marts 2024\n\n{lists}{BODY}").meeting
    assert [(m.display, m.attendance) for m in meeting.members] == [
        ("Anne Hansen (A)", "til stede"),
        ("Bo Berg (V)", "til stede"),
        ("Carl Dam (C)", "afbud"),
    ]


def test_prepare_export_with_decision_headings_per_body_and_date_and_decisions_ad_each_point():
    """FirstAgenda/Prepare: 'Beslutning i Økonomiudvalget den 12-03-2024', 'Ad 1: Godkendt.', party names."""
    imported, meeting, items = facts("syn-firstagenda-ad-punkter.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Økonomiudvalget",
        "2024-03-12",
        "16:00",
        "Mødelokale 1, Rådhuset",
    )
    assert [(m.display, m.attendance, m.role) for m in meeting.members] == [
        ("Anne Hansen (A)", "til stede", "formand"),
        ("Bo Berg (V)", "til stede", None),
        ("Dorthe Ravn (Ø)", "til stede", None),
        ("Carl Dam (C)", "afbud", None),
    ]
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Anlægsbevilling til ny daginstitution i Nordby", True),
        ("3", "Orientering om budgetopfølgning", True),
    ]
    grant = meeting.items[1]
    assert grant.case_number == "24/2201"
    assert len(grant.recommendation) == 2
    assert grant.decision.points == ["Godkendt.", "Godkendt."]
    assert [(a.member, a.reason) for a in grant.absences] == [("Bo Berg (V)", None)]
    assert meeting.items[2].decision.outcome == "Taget til efterretning"
    assert imported.notes == []


def test_markdown_with_an_attendance_table_udvalgets_beslutning_and_access_beside_the_case_number():
    """'| Navn | Parti | Fremmøde |', 'Sagsnr.: 24/4412 · Lukket punkt', a dissent after the decided points."""
    _, meeting, items = facts("syn-udvalgets-beslutning.md")
    assert (meeting.committee, str(meeting.date), meeting.start) == ("Klima- og Miljøudvalget", "2024-04-04", "15:30")
    assert [(m.display, m.attendance) for m in meeting.members] == [
        ("Jens Kirk (A)", "til stede"),
        ("Mette Lund (V)", "afbud"),
        ("Søren Krog (F)", "til stede"),
        ("Ida Holm (Ø)", "til stede"),
    ]
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Klimaplan 2030 – høring", True),
        ("3", "Salg af jord ved Engvej", False),
    ]
    assert [i.case_number for i in meeting.items] == ["24/4410", "24/4411", "24/4412"]
    plan = meeting.items[1].decision
    assert plan.points == ["Taget til efterretning.", "Anbefales over for byrådet."]
    assert plan.text == "Søren Krog (F) stemte imod punkt 2."
    assert not any(s.text.startswith("Sagsnr") for i in meeting.items for s in i.sections)
    assert "Salg af jord" in render_markdown(meeting, public=True)


def test_beslutningsprotokol_with_labels_in_columns_inhabil_line_and_an_absence_after_the_outcome():
    """SBSYS-like: 'Punkt 1    Title', 'Beslutning: Godkendt. X deltog ikke …', 'Inhabil: X (V)', 'Name - A'."""
    _, meeting, items = facts("syn-sbsys-beslutning-label.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end, meeting.location) == (
        "Socialudvalget",
        "2024-11-05",
        "14:00",
        "16:10",
        "Mødelokale 2.14",
    )
    assert [(m.display, m.attendance) for m in meeting.members] == [
        ("Lars Juhl (A)", "til stede"),
        ("Hanne Bech (V)", "til stede"),
        ("Rikke Mørk (Ø)", "til stede"),
        ("Ole Kragh (O)", "afbud"),
    ]
    assert [title for _, title, _ in items] == [
        "Godkendelse af dagsorden",
        "Kvalitetsstandarder for hjemmehjælp 2025",
        "Orientering fra formanden",
    ]
    standards = meeting.items[1]
    assert standards.case_number == "27.12.00-P22-3-24"
    assert [(a.member, a.reason) for a in standards.absences] == [("Hanne Bech (V)", "inhabil")]
    assert (standards.decision.outcome, standards.decision.text) == ("Godkendt", None)
    assert not any("Inhabil" in s.text or s.heading == "" for s in standards.sections)
    assert [i.decision.outcome for i in meeting.items] == ["Godkendt", "Godkendt", "Taget til efterretning"]


def test_edagsorden_web_page_with_substitutes_written_for_and_an_item_a_member_did_not_take_part_in():
    """'Stedfortrædere: X (V) for Y (V)', 'Z (C) deltog ikke i behandlingen af punkt 3.' in the header,
    'Beslutning i Byrådet den 19-03-2024', 'Ad 1. Godkendt.', a 'Lukkede punkter' heading."""
    imported, meeting, items = facts("syn-edagsorden-side.html")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Byrådet",
        "2024-03-19",
        "17:00",
        "Byrådssalen",
    )
    assert [(m.display, m.attendance, m.substitute_for) for m in meeting.members] == [
        ("Jonas Ring (V)", "afbud", None),
        ("Else Bak (A)", "afbud", None),
        ("Kurt Vang (V)", "stedfortræder", "Jonas Ring"),
        ("Pia Dal (C)", "til stede", None),
    ]
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Takstblad for affald 2024", True),
        ("3", "Dispensation fra lokalplan 112", True),
        ("4", "Køb af ejendom", False),
    ]
    assert meeting.items[1].decision.points == ["Godkendt.", "Godkendt."]
    assert [a.member for a in meeting.items[2].absences] == ["Pia Dal (C)"]
    assert all(not i.absences for n, i in enumerate(meeting.items) if n != 2)
    assert imported.notes == []


def test_workzone_referat_with_pkt_headings_comma_separated_members_and_sager_til_orientering():
    """'Pkt. 1 Title', 'Deltagere: Name, A, Name, V og Name, F', 'Sager til orientering', 'Orienteringen blev …'."""
    _, meeting, items = facts("syn-workzone-orientering.txt")
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.end, meeting.location) == (
        "Beskæftigelsesudvalget",
        "2024-10-08",
        "08:30",
        "10:05",
        "Jobcentret, mødelokale Ådalen",
    )
    assert [(m.display, m.attendance) for m in meeting.members] == [
        ("Anders Juul (A)", "til stede"),
        ("Bente Friis (V)", "til stede"),
        ("Mads Lind (Ø)", "til stede"),
        ("Nanna Krog (F)", "til stede"),
        ("Ulla Storm (O)", "afbud"),
    ]
    nanna = meeting.members[3]
    assert (nanna.left_at, nanna.left_item) == ("09:45", "2")
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Ledighedsudvikling 3. kvartal", True),
        ("3", "Meddelelser", True),
    ]
    assert [i.kind for i in meeting.items] == [None, None, "orientering"]
    assert meeting.items[1].case_number == "15.00.00-G01-7-24"
    assert [i.decision.outcome for i in meeting.items] == [
        "Godkendt",
        "Taget til efterretning",
        "Orienteringen blev taget til efterretning",
    ]


def test_acadre_dagsorden_with_a_member_table_whose_remark_column_is_blank_or_a_role():
    """'Medlem<TAB>Parti<TAB>Bemærkning' with 'Formand', 'Afbud' and an empty remark: a row without a status
    takes none from the row above; 'Åbent punkt' / 'Lukket punkt' over 'Sagsnr.:', numbered bilag."""
    imported, meeting, items = facts("syn-acadre-dagsorden.txt")
    assert meeting.status == "planlagt"
    assert (meeting.committee, str(meeting.date), meeting.start, meeting.location) == (
        "Teknik- og Miljøudvalget",
        "2025-03-12",
        "15:00",
        "Mødelokale Nord, Rådhuset",
    )
    assert [(m.display, m.attendance, m.role) for m in meeting.members] == [
        ("Per Ask (A)", None, "formand"),
        ("Lis Bro (V)", "afbud", None),
        ("Tom Eng (Ø)", None, None),
    ]
    assert items == [
        ("1", "Godkendelse af dagsorden", True),
        ("2", "Trafiksikkerhedsplan 2025-2028", True),
        ("3", "Orientering: Vejarbejder i sommeren", True),
        ("4", "Erstatningssag", False),
    ]
    assert [i.case_number for i in meeting.items] == ["25/0101", "25/0102", "25/0103", "25/0104"]
    plan = meeting.items[1]
    assert plan.recommendation == [
        "planen sendes i offentlig høring i 8 uger",
        "høringssvarene forelægges udvalget igen",
    ]
    assert [a.title for a in plan.attachments] == ["Trafiksikkerhedsplan 2025-2028 (udkast)", "Ulykkesstatistik"]
    assert all(i.decision is None for i in meeting.items)
    assert imported.notes == []
