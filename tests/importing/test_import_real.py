"""The importer on the real referater in ../shared/referater: every item, title, decision, bilag and afbud."""

from __future__ import annotations

import datetime as dt

import pytest

from store.importing import parse_file

HERLEV = "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"


@pytest.fixture
def herlev(shared_referater):
    return parse_file(shared_referater / HERLEV)


@pytest.fixture
def hvidovre(shared_referater):
    return parse_file(shared_referater / HVIDOVRE)


def by_number(meeting):
    return {item.number: item for item in meeting.items}


# --- Herlev: agenda-system Markdown --------------------------------------------------------


def test_herlev_meeting_facts(herlev):
    assert herlev.committee == "Arbejdsmarkedsudvalget"
    assert herlev.municipality == "Herlev Kommune"
    assert herlev.date == dt.date(2022, 10, 26)
    assert herlev.start == "16:00"
    assert herlev.location == "Mødelokale 324"
    assert herlev.status == "hævet"


def test_herlev_items_numbers_titles_and_lukket(herlev):
    assert [(i.number, i.title, i.public) for i in herlev.items] == [
        ("65", "Introduktion til Ressource- og Jobafklaringsteamets arbejde", True),
        ("66", "1. behandling af revideret Beskæftigelsesplan 2022-2023", True),
        ("67", "Indsats i forhold til ukrainske flygtninge", True),
        ("68", "Statistik på beskæftigelsesområdet", True),
        ("69", "Tjeklister", False),
        ("70", "Meddelelser - Åbent møde", True),
        ("71", "Meddelelser - Lukket møde", False),
        ("72", "Eventuelt", False),
        ("73", "Underskriftsblad", True),
    ]


def test_herlev_case_numbers(herlev):
    items = by_number(herlev)
    assert items["65"].case_number == "00.01.00G01-161-21"
    assert items["66"].case_number == "15.00.00G01-22-21"
    assert items["73"].case_number == "00.22.00P35-1-21"


def test_herlev_afbud_from_the_beslutning(herlev):
    assert [(m.name, m.party, m.attendance) for m in herlev.members] == [
        ("Gitte Friberg Bomholdt", "A", "afbud"),
        ("Ibrahim Benli", "Ø", "afbud"),
    ]


def test_herlev_decisions(herlev):
    items = by_number(herlev)
    assert items["65"].decision.outcome == "Taget til efterretning"
    assert items["65"].decision.text == "Præsentation vist på mødet bilægges referatet."
    assert (items["66"].decision.outcome, items["66"].decision.text) == ("Tiltrådt", None)
    assert items["67"].decision.outcome == "Taget til efterretning"
    assert items["68"].decision.outcome == "Taget til efterretning"
    assert items["69"].decision is None
    assert (items["70"].decision.outcome, items["70"].decision.text) == ("Intet", None)
    assert items["71"].decision.outcome == "Intet"
    assert items["72"].decision.outcome is None
    assert items["72"].decision.text == (
        "Udvalget ønsker et orienteringspunkt om JobCamp 2022 på mødet i Arbejdsmarkedsudvalget den 23. november 2022."
    )
    assert items["73"].decision.outcome == "Protokollen blev underskrevet"


def test_herlev_bilag_and_indstilling_counts(herlev):
    bilag = {i.number: len(i.attachments) for i in herlev.items}
    points = {i.number: len(i.recommendation) for i in herlev.items}
    assert bilag == {"65": 1, "66": 1, "67": 1, "68": 2, "69": 0, "70": 0, "71": 0, "72": 0, "73": 0}
    assert points == {"65": 1, "66": 1, "67": 1, "68": 1, "69": 0, "70": 0, "71": 0, "72": 0, "73": 1}
    items = by_number(herlev)
    assert [a.title for a in items["68"].attachments] == [
        "2022 -10 - Nøgletal AMU bilag 1",
        "2022 - 10 - Nøgletal AMU bilag 2",
    ]
    assert items["65"].recommendation == [
        "at orienteringen om Ressource- og Jobafklaringsteamets arbejde tages til efterretning."
    ]


def test_herlev_sections_keep_headings_and_order(herlev):
    item = by_number(herlev)["65"]
    assert [(s.heading, s.kind) for s in item.sections] == [
        ("Resume", "text"),
        ("Forvaltningen indstiller", "indstilling"),
        ("Sagsfremstilling", "text"),
        ("Lovgrundlag", "text"),
        ("Økonomi", "text"),
        ("Beslutningskompetence", "text"),
    ]
    sagsfremstilling = item.sections[2].text
    assert "### Jobafklaringsforløb" in sagsfremstilling  # a sub-heading stays inside its section
    assert "Beslutning" not in [s.heading for i in herlev.items for s in i.sections]
    assert by_number(herlev)["69"].sections == []


# --- Hvidovre: text copied from the web page ------------------------------------------------


def test_hvidovre_meeting_facts(hvidovre):
    assert hvidovre.committee == "Arbejdsmarkedsudvalget"
    assert hvidovre.municipality == "Hvidovre Kommune"
    assert hvidovre.date == dt.date(2017, 5, 29)
    assert hvidovre.start == "15:00"
    assert hvidovre.location == "Belægningen"
    assert hvidovre.status == "hævet"


def test_hvidovre_members_and_afbud(hvidovre):
    assert [(m.name, m.party, m.attendance) for m in hvidovre.members] == [
        ("Benthe Viola Holm", "A", "til stede"),
        ("Ivan Fogtmann", "O", "til stede"),
        ("Mikail Erman", "A", "til stede"),
        ("Mogens Leo Hansen", "Ø", "til stede"),
        ("Ømer Kuscu", "A", "afbud"),
    ]


def test_hvidovre_items(hvidovre):
    assert [(i.number, i.title) for i in hvidovre.items] == [
        ("1", "Godkendelse af dagsorden"),
        ("2", "Meddelelser"),
        ("3", "JobCAMP 2017"),
        ("4", "Arbejdsmarkedsudvalgets udviklingspulje"),
        ("5", "Beslutning om projektet Flere skal med"),
        ("6", "Orientering om omfanget af borgere ramt af kontanthjælpsloftet"),
        ("7", "Afrapportering på beskæftigelsesmål 3.b"),
        ("8", "Beslutning om godkendelse af afrapportering på Beskæftigelsesplan 2017, 1. kvartal"),
        ("9", "Orientering om RAR-Hovedstadens tilbagemelding på kommunernes beskæftigelsesplaner for 2017"),
        ("10", "Integrationsrådets beretning 2016"),
        ("11", "Eventuelt"),
    ]
    assert all(item.public for item in hvidovre.items)


def test_hvidovre_decisions(hvidovre):
    items = by_number(hvidovre)
    assert (items["1"].decision.outcome, items["1"].decision.text) == ("Godkendt", None)
    assert items["2"].decision.outcome is None
    assert items["2"].decision.text == (
        "Arbejdsmarkedsudvalgsformanden orienterede om møde i Iværksættertræfpunktet og om et kursus hos AOF "
        "for svage ledige.\n\nArbejdsmarkedschefen orienterede om møde med Det regionale Arbejdsmarkedsråd."
    )
    assert items["3"].decision.outcome is None
    assert items["3"].decision.text == (
        "Ivan Fogtmann, Benthe Viola Holm, Mogens Leo Hansen, Gert S. Nelth og Torben Tang Christensen deltager. "
        "Afrejse er søndag."
    )
    assert items["5"].decision.points == ["Anbefales", "Anbefales"]
    assert items["5"].decision.outcome is None
    for number in ("4", "6", "7", "8", "9", "10", "11"):
        assert items[number].decision is None, number


def test_hvidovre_indstilling_and_bilag_counts(hvidovre):
    points = {i.number: len(i.recommendation) for i in hvidovre.items}
    bilag = {i.number: len(i.attachments) for i in hvidovre.items}
    assert points == {"1": 0, "2": 0, "3": 1, "4": 2, "5": 2, "6": 1, "7": 1, "8": 1, "9": 1, "10": 1, "11": 0}
    assert bilag == {"1": 0, "2": 0, "3": 0, "4": 1, "5": 0, "6": 3, "7": 1, "8": 1, "9": 3, "10": 0, "11": 0}
    items = by_number(hvidovre)
    assert items["4"].attachments[0].title == "Idékatalog - ARU den 29. maj 2017"
    assert items["4"].attachments[0].reference == "1"
    assert items["3"].recommendation == ["at træffe beslutning om deltagelse i JobCAMP 2017."]


def test_hvidovre_indstilling_intro_is_the_section_text(hvidovre):
    items = by_number(hvidovre)
    intro = {
        i.number: next(s.text for s in i.sections if s.kind == "indstilling")
        for i in hvidovre.items
        if i.recommendation
    }
    assert intro["3"] == "Direktøren indstiller til Arbejdsmarkedsudvalget"
    assert intro["5"] == (
        "Direktøren indstiller til Arbejdsmarkedsudvalget at anbefale over for Økonomiudvalget og Kommunalbestyrelsen"
    )
    assert items["5"].recommendation[1].startswith("at beslutte, at der gives en omkostningsneutral")


def test_hvidovre_sections_in_order(hvidovre):
    items = by_number(hvidovre)
    assert [s.heading for s in items["3"].sections] == [
        "Beslutningstema",
        "Indstilling",
        "Sagsfremstilling",
        "Retsgrundlag",
        "Politiske beslutninger og aftaler",
        "Økonomiske konsekvenser",
    ]
    assert items["3"].sections[3].text == "Der er ikke noget retsgrundlag for beslutningen."
    assert "Tre trin og seks kerneelementer" in items["5"].sections[2].text
    assert items["1"].sections == []
