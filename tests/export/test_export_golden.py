"""Golden tests: import each real referat, export it, and compare item by item with the source file.

The expected facts are read off the source files in ../shared/referater (Herlev's item headings
are taken from the file itself; Hvidovre's are listed as they stand in the file).
"""

from __future__ import annotations

import re

import pytest
from export_support import sample_meeting

from store.export_markdown import CONFIDENTIAL_LINE, render_markdown

importing = pytest.importorskip("store.importing")

HERLEV = "herlev-arbejdsmarkedsudvalget-2022-10-26.md"
HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
HERLEV_HEADING = re.compile(r"^#{1,2} (?:\*\*)?Punkt (\d+): (.*?)(?:\*\*)?$", re.MULTILINE)


def exported_items(markdown: str) -> list[dict]:
    """Each exported item's number, title as printed, lukket flag and Beslutning paragraphs."""
    items = []
    for part in markdown.split("\n# Punkt ")[1:]:
        part = part.split("\n# ", 1)[0]
        heading, _, body = part.partition("\n")
        number, _, title = heading.partition(": ")
        decision = body.split("\n## Beslutning\n", 1)[1] if "\n## Beslutning\n" in body else None
        if decision is not None:
            decision = decision.split("\n## ", 1)[0]
        items.append(
            {
                "number": number,
                "title": title,
                "lukket": "**Lukket punkt.**" in body,
                "decision": [block.strip() for block in decision.split("\n\n") if block.strip()] if decision else None,
                "recommendation": len(re.findall(r"^\d+\. ", body.split("\n## Beslutning\n")[0], re.MULTILINE)),
                "bilag": len(re.findall(r"^- ", body.split("\n## Bilag\n", 1)[1], re.MULTILINE))
                if "\n## Bilag\n" in body
                else 0,
            }
        )
    return items


@pytest.fixture
def herlev(shared_referater) -> str:
    return render_markdown(importing.parse_file(shared_referater / HERLEV), public=False)


@pytest.fixture
def hvidovre(shared_referater) -> str:
    return render_markdown(importing.parse_file(shared_referater / HVIDOVRE), public=False)


def test_herlev_items_numbers_titles_lukket_and_order(shared_referater, herlev):
    source = (shared_referater / HERLEV).read_text(encoding="utf-8")
    expected = [(number, title) for number, title in HERLEV_HEADING.findall(source)]
    assert len(expected) == 9
    assert [(i["number"], i["title"]) for i in exported_items(herlev)] == expected
    assert [i["number"] for i in exported_items(herlev) if i["lukket"]] == ["69", "71", "72"]
    assert herlev.startswith(CONFIDENTIAL_LINE + "\n")


def test_herlev_decisions_and_afbud(herlev):
    # Afbud is stated once, in the attendance, not repeated under every item (issue 17).
    assert "Afbud:" not in herlev
    decisions = {i["number"]: i["decision"] for i in exported_items(herlev)}
    assert decisions["65"] == ["**Taget til efterretning.**", "Præsentation vist på mødet bilægges referatet."]
    assert decisions["66"] == ["**Tiltrådt.**"]
    assert decisions["67"] == ["**Taget til efterretning.**"]
    assert decisions["68"] == ["**Taget til efterretning.**"]
    assert decisions["69"] is None
    assert decisions["70"] == ["**Intet.**"]
    assert decisions["71"] == ["**Intet.**"]
    assert decisions["72"] == [
        "Udvalget ønsker et orienteringspunkt om JobCamp 2022 på mødet i Arbejdsmarkedsudvalget den 23. november 2022."
    ]
    assert decisions["73"] == ["**Protokollen blev underskrevet.**"]
    assert "## Fraværende med afbud\n\n- Gitte Friberg Bomholdt (A)\n- Ibrahim Benli (Ø)\n" in herlev


def test_herlev_header_sections_and_bilag(herlev):
    assert "**Mødedato:** Onsdag den 26. oktober 2022" in herlev
    assert "**Mødested:** Mødelokale 324" in herlev
    assert "Mødet begyndte kl. 16.00" in herlev
    items = {i["number"]: i for i in exported_items(herlev)}
    assert {n: items[n]["bilag"] for n in items} == {
        "65": 1,
        "66": 1,
        "67": 1,
        "68": 2,
        "69": 0,
        "70": 0,
        "71": 0,
        "72": 0,
        "73": 0,
    }
    part = herlev.split("\n# Punkt 65: ")[1].split("\n# ")[0]
    order = [
        part.index(h)
        for h in (
            "## Resume",
            "## Forvaltningen indstiller",
            "## Sagsfremstilling",
            "### Jobafklaringsforløb",
            "## Lovgrundlag",
            "## Økonomi",
            "## Beslutningskompetence",
            "## Beslutning\n",
            "## Bilag",
        )
    ]
    assert order == sorted(order)
    assert "- Interne vejlednings- og opkvalificeringsforløb" in part


HVIDOVRE_ITEMS = [
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


def test_hvidovre_items_decisions_and_afbud(hvidovre):
    items = exported_items(hvidovre)
    assert [(i["number"], i["title"]) for i in items] == HVIDOVRE_ITEMS
    assert not any(i["lukket"] for i in items)
    decisions = {i["number"]: i["decision"] for i in items}
    assert "Afbud:" not in hvidovre
    assert decisions["1"] == ["**Godkendt.**"]
    assert "Iværksættertræfpunktet" in " ".join(decisions["2"])
    assert "Gert S. Nelth og Torben Tang Christensen deltager" in decisions["3"][0]
    assert decisions["5"] == ["1. Anbefales\n2. Anbefales"]
    for empty in ("4", "6", "7", "8", "9", "10", "11"):
        assert decisions[empty] is None
    assert {i["number"]: i["recommendation"] for i in items} == {
        "1": 0,
        "2": 0,
        "3": 1,
        "4": 2,
        "5": 2,
        "6": 1,
        "7": 1,
        "8": 1,
        "9": 1,
        "10": 1,
        "11": 0,
    }
    assert {i["number"]: i["bilag"] for i in items} == {
        "1": 0,
        "2": 0,
        "3": 0,
        "4": 1,
        "5": 0,
        "6": 3,
        "7": 1,
        "8": 1,
        "9": 3,
        "10": 0,
        "11": 0,
    }


def test_hvidovre_header_and_attendance(hvidovre):
    assert "**Mødedato:** Mandag den 29. maj 2017" in hvidovre
    assert "**Mødested:** Belægningen" in hvidovre
    assert "Mødet begyndte kl. 15.00" in hvidovre
    deltagere = hvidovre.split("## Deltagere\n\n")[1].split("\n\n")[0].split("\n")
    assert sorted(deltagere) == [
        "- Benthe Viola Holm (A)",
        "- Ivan Fogtmann (O)",
        "- Mikail Erman (A)",
        "- Mogens Leo Hansen (Ø)",
    ]
    assert "## Fraværende med afbud\n\n- Ømer Kuscu (A)\n" in hvidovre


@pytest.mark.parametrize("name", [HERLEV, HVIDOVRE])
@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("decisions_only", [False, True])
def test_export_import_export_gives_the_same_document(shared_referater, name, public, decisions_only):
    first = render_markdown(importing.parse_file(shared_referater / name), public=public, decisions_only=decisions_only)
    again = render_markdown(importing.parse_text(first), public=public, decisions_only=decisions_only)
    assert again == first


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("decisions_only", [False, True])
def test_every_construct_survives_export_import_export(public, decisions_only):
    first = render_markdown(sample_meeting(), public=public, decisions_only=decisions_only)
    assert render_markdown(importing.parse_text(first), public=public, decisions_only=decisions_only) == first
