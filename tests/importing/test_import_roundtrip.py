"""referat's own Markdown export read back: export → import → export gives the same document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from redaction_support import meetings as hostile_meetings

from store.export_markdown import render_markdown
from store.importing import parse_file, parse_text
from store.meetings import load_meeting, save_meeting
from store.model import (
    DECISION_AFTER_RECOMMENDATION,
    DECISION_LAST,
    LAYOUT_ENDED_ITALIC,
    Amendment,
    Approval,
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

REAL = [
    "herlev-arbejdsmarkedsudvalget-2022-10-26.md",
    "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt",
    "roedovre-beu-2020-08-11.txt",
]


def rich_meeting() -> Meeting:
    """A held meeting using every part of the export grammar, with markup-like user text."""
    return Meeting(
        committee="Teknik- og Miljøudvalget",
        municipality="Hvidovre Kommune",
        date=dt.date(2024, 3, 4),
        start="16:00",
        end="18:25",
        location="Mødelokale 1, Rådhuset",
        status="hævet",
        members=[
            Member("Anna Holm", "A", role="formand", attendance="til stede"),
            Member(
                "Bo Berg",
                "V",
                attendance="til stede",
                arrived_at="16:20",
                arrived_item="2",
                note="Kom fra *andet* møde",
            ),
            Member("Cai Dahl", "Ø", attendance="til stede", left_at="17:30", left_item="2"),
            Member("Dorte Eg", "C", attendance="afbud"),
            Member("Erik Fog", "C", attendance="stedfortræder", substitute_for="Dorte Eg"),
            Member("Finn Gram", "F", attendance="fraværende"),
        ],
        items=[
            Item(number="1", title="Godkendelse af dagsorden", decision=Decision(outcome="Godkendt")),
            Item(
                number="2",
                title="Lokalplan 12: boliger # 3 ved *Søvej*",
                case_number="01.02.05P16-1-24",
                sections=[
                    Section("Sagens kerne", "Planen giver plads til 40 boliger.\n\n- første punkt\n- andet punkt"),
                    Section("Indstilling", "Forvaltningen indstiller,", "indstilling"),
                    Section("Beslutning", "Tidligere beslutning: 1. Anbefales."),
                    Section("Økonomi", "1. linje ligner en liste\n> og et citat\n### Underoverskrift"),
                ],
                recommendation=["at planen vedtages,", "at der holdes borgermøde."],
                decision=Decision(
                    outcome="Anbefales",
                    text="Afbud: er ikke en etiket her.\nUdvalget ønsker en status.",
                    points=["Anbefales", "Anbefales med bemærkning"],
                ),
                votes=[
                    Vote(
                        "indstillingen",
                        for_=["A", "C"],
                        against=["Ø"],
                        abstain=[],
                        result="vedtaget",
                        for_count=3,
                        against_count=1,
                    ),
                    Vote(
                        "ændringsforslag fra Ø",
                        for_=["Cai Dahl (Ø)"],
                        against=["A", "C"],
                        result="forkastet",
                        kind="ændringsforslag",
                        for_count=1,
                        against_count=3,
                    ),
                ],
                remarks=[
                    Remark(
                        ["Cai Dahl (Ø)"], "protokoltilførsel", "Enhedslisten ønsker færre p-pladser.\nOg mere grønt."
                    ),
                    Remark(["Ø"], "mindretalsudtalelse", "Vi stemmer imod."),
                ],
                absences=[ItemAbsence("Anna Holm (A)", "inhabil")],
                attachments=[
                    Attachment("Lokalplanforslag (pdf)", "https://example.org/a b.pdf"),
                    Attachment("Tilbud, fortroligt", public=False),
                ],
                amendments=[Amendment("Stavefejl rettet i punkt 2.", "2024-03-05T09:00:00", "Påpeget af Bo Berg")],
            ),
            Item(
                number="3",
                title="Salg af grund",
                public=False,
                title_confidential=True,
                outcome_confidential=True,
                case_number="15/11238",
                sections=[Section("Sagsfremstilling", "Fortroligt.")],
                decision=Decision(outcome="Godkendt", text="Køber er X."),
                postponed=True,
            ),
            Item(number="4a", title="Lukket: ikke lukket, bare en titel", decision=Decision(text="Drøftet kort.")),
        ],
        approvals=[
            Approval("Anna Holm (A)", "2024-03-04T18:30:00"),
            Approval("Bo Berg (V)", "2024-03-05T08:10:00", reservation="teksten i punkt 2"),
        ],
    )


def assert_round_trip(meeting: Meeting, **options) -> Meeting:
    first = render_markdown(meeting, **options)
    again = parse_text(first, "eksport.md")
    assert render_markdown(again, **options) == first
    return again


def real(shared_referater, name: str) -> Meeting:
    """A shared real referat as imported; the committee as `referat import --committee` gives it when unread."""
    meeting = parse_file(shared_referater / name)
    meeting.committee = meeting.committee or "Beskæftigelsesudvalget"
    return meeting


@pytest.mark.parametrize("name", REAL)
@pytest.mark.parametrize("public", [False, True])
def test_real_referater_round_trip(shared_referater, name, public):
    assert_round_trip(real(shared_referater, name), public=public)


SYNTHETIC = Path(__file__).parents[1] / "data" / "import"


@pytest.mark.parametrize(
    "name",
    [
        "syn-firstagenda-ad-punkter.txt",
        "syn-udvalgets-beslutning.md",
        "syn-sbsys-beslutning-label.txt",
        "syn-edagsorden-side.html",
        "syn-workzone-orientering.txt",
        "syn-acadre-dagsorden.txt",
    ],
)
def test_synthetic_layouts_round_trip(name):
    assert_round_trip(parse_file(SYNTHETIC / name), public=False)


@pytest.mark.parametrize("options", [{"public": False}, {"public": True}, {"public": False, "decisions_only": True}])
def test_every_part_of_the_grammar_round_trips(options):
    assert_round_trip(rich_meeting(), **options)


def test_full_export_reads_back_into_the_same_facts():
    original = rich_meeting()
    again = assert_round_trip(original, public=False)
    assert (again.committee, again.municipality, again.date, again.start, again.end, again.location) == (
        original.committee,
        original.municipality,
        original.date,
        original.start,
        original.end,
        original.location,
    )

    def people(meeting):  # the export groups members by attendance, so compare without order
        return sorted(
            (
                m.name,
                m.party,
                m.role,
                m.attendance,
                m.substitute_for,
                m.arrived_at,
                m.arrived_item,
                m.left_at,
                m.left_item,
                m.note,
            )
            for m in meeting.members
        )

    assert people(again) == people(original)
    item = again.items[1]
    assert item.title == original.items[1].title
    assert item.recommendation == original.items[1].recommendation
    assert [s.heading for s in item.sections] == ["Sagens kerne", "Indstilling", "Beslutning", "Økonomi"]
    assert item.sections[3].text == original.items[1].sections[3].text
    assert item.decision == original.items[1].decision
    assert [(v.for_, v.result, v.kind) for v in item.votes] == [
        (["Cai Dahl (Ø)"], "forkastet", "ændringsforslag"),
        (["A", "C"], "vedtaget", "indstilling"),
    ]
    assert [(r.members, r.text) for r in item.remarks] == [
        (["Cai Dahl (Ø)"], "Enhedslisten ønsker færre p-pladser.\nOg mere grønt."),
        (["Ø"], "Vi stemmer imod."),
    ]
    assert [(a.member, a.reason) for a in item.absences] == [("Anna Holm (A)", "inhabil")]
    assert item.attachments == original.items[1].attachments
    closed = again.items[2]
    assert (closed.public, closed.title_confidential, closed.outcome_confidential, closed.postponed) == (
        False,
        True,
        True,
        True,
    )
    assert again.items[3].public and again.items[3].title == "Lukket: ikke lukket, bare en titel"
    assert [(a.member, a.reservation) for a in again.approvals] == [
        ("Anna Holm (A)", None),
        ("Bo Berg (V)", "teksten i punkt 2"),
    ]


def test_round_trip_through_the_database(db, shared_referater):
    meeting_id = save_meeting(db, parse_file(shared_referater / REAL[0]))
    first = render_markdown(load_meeting(db, meeting_id), public=False)
    second_id = save_meeting(db, parse_text(first, "eksport.md"))
    assert render_markdown(load_meeting(db, second_id), public=False) == first


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meeting=hostile_meetings())
def test_hostile_meetings_round_trip(meeting):
    """Any generated meeting (markup characters everywhere): export → import → export is identical."""
    first = render_markdown(meeting, public=False)
    again = render_markdown(parse_text(first, source="rundtur.md"), public=False)
    assert again == first


@pytest.mark.parametrize("placement", [DECISION_AFTER_RECOMMENDATION, DECISION_LAST])
def test_placement_lists_numbered_bilag_closing_line_and_signature_lines_round_trip(placement):
    meeting = rich_meeting()
    meeting.decision_placement = placement
    meeting.approvals = []
    item = meeting.items[1]
    item.sections[0].text = "Nyhedsliste:\n\n1. Status på Covid-19\n2. Status\n\n• Grib Chancen\n1) ikke en liste"
    item.attachments.append(Attachment("Nyhedsliste", "1"))
    meeting.items[3].urgent = True
    again = assert_round_trip(meeting, public=False)
    assert [i.urgent for i in again.items] == [False, False, False, True]
    assert again.decision_placement == placement
    assert again.end == meeting.end
    assert again.items[1].sections[0].text == item.sections[0].text
    assert again.items[1].attachments[-1] == Attachment("Nyhedsliste", "1")


def test_closing_line_and_text_that_reads_like_it_round_trip():
    """The closing line is read back; the same words in a beslutning or section stay text."""
    meeting = rich_meeting()
    meeting.closing = "Protokollen oplæst."
    meeting.items[-1].decision = Decision("Godkendt", "Protokollen oplæst. Mødet afsluttet kl. 15.45")
    meeting.items[1].sections[0].text = "Mødet afsluttet kl. 17.00"
    text = render_markdown(meeting, public=False)
    assert "\n\nProtokollen oplæst. Mødet afsluttet kl. 18.25\n\n" in text
    again = assert_round_trip(meeting, public=False)
    assert (again.closing, again.end) == ("Protokollen oplæst.", "18:25")
    assert again.items[-1].decision.text == meeting.items[-1].decision.text
    assert again.items[1].sections[0].text == "Mødet afsluttet kl. 17.00"


def test_the_first_layout_of_an_export_is_read_and_kept():
    """An export written before the closing line took the kommuner's form ('*Mødet sluttede kl. …*')."""
    meeting = rich_meeting()
    meeting.closing = "Protokollen oplæst."
    meeting.layout = LAYOUT_ENDED_ITALIC
    text = render_markdown(meeting, public=False)
    assert "*Mødet sluttede kl. 18.25.*" in text
    again = assert_round_trip(meeting, public=False)
    assert (again.closing, again.end, again.layout) == ("Protokollen oplæst.", "18:25", LAYOUT_ENDED_ITALIC)


def test_the_real_referat_keeps_its_own_placement(shared_referater):
    herlev = real(shared_referater, REAL[0])
    roedovre = real(shared_referater, REAL[2])
    assert (herlev.decision_placement, roedovre.decision_placement) == (DECISION_LAST, DECISION_AFTER_RECOMMENDATION)
    for meeting in (herlev, roedovre):
        assert parse_text(render_markdown(meeting, public=False)).decision_placement == meeting.decision_placement


def test_a_guest_whose_name_ends_in_a_backslash_round_trips():
    """An escaped backslash before the ", " separator does not hide the separator."""
    meeting = rich_meeting()
    meeting.guests = ["Ztok\\", "Bo, Berg\\\\", "Anna"]
    again = assert_round_trip(meeting, public=False)
    assert again.guests == meeting.guests


def test_every_form_of_a_vote_side_round_trips():
    """Per-party counts, names of a split party, a total the roster cannot divide, counts without names."""
    meeting = rich_meeting()
    meeting.items[1].votes = [
        Vote(
            "Indstillingen",
            for_=["A", "Erik Fog (C)"],
            against=["Ø"],
            abstain=[],
            result="vedtaget",
            for_count=2,
            against_count=1,
        ),
        Vote(
            "forslag fra V",
            for_=["A", "B", "V"],
            against=["Ø", "Cai Dahl (Ø)"],
            abstain=["O"],
            result="forkastet",
            for_count=9,
            against_count=9,
            abstain_count=1,
        ),
        Vote("forslaget", for_=[], against=["Hans"], abstain=[], for_count=4, against_count=None),
    ]
    again = assert_round_trip(meeting, public=False)
    assert [(v.for_, v.for_count, v.against, v.against_count) for v in again.items[1].votes] == [
        (["A", "Erik Fog (C)"], 2, ["Ø"], 1),
        (["A", "B", "V"], 9, ["Ø", "Cai Dahl (Ø)"], 9),
        ([], 4, ["Hans"], None),
    ]


def test_unnumbered_indstilling_points_round_trip_whatever_they_start_with():
    meeting = rich_meeting()
    item = meeting.items[1]
    item.recommendation = [
        "at planen vedtages",
        "*stjerne",
        "\\skråstreg",
        "&#97; ligner en reference",
        "1. ligner et nummer",
        "# ligner en overskrift",
        "æøå først",
    ]
    item.recommendation_numbered = False
    again = assert_round_trip(meeting, public=False)
    assert again.items[1].recommendation == item.recommendation
    assert not again.items[1].recommendation_numbered and again.items[0].recommendation_numbered
    assert again.items[1].sections[1].kind == "indstilling"
