"""Preparing a meeting in the store: the dagsorden, the meeting's details, guests, fremmøde and the roster.

Every edit is one audited action: it is in the meeting's log, undo reverses it, an approved
referat refuses it, and bad input changes nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from store.agenda import open_meeting
from store.agenda_edit import (
    ItemDraft,
    add_item,
    edit_item,
    item_draft,
    items,
    move_item,
    remove_item,
    renumber,
)
from store.approval import approve_final
from store.attendance import attendance_list, quorum
from store.audit import LOCKED_MESSAGE, audit_trail, undo_last
from store.committees import add_committee, roster, sync_roster
from store.decisions import record_outcome
from store.errors import StoreError
from store.export_markdown import render_markdown
from store.importing import parse_text
from store.meeting_edit import add_attendee, add_guest, edit_meeting, guests, remove_attendee, remove_guest
from store.meetings import create_meeting, get_meeting, load_meeting
from store.members import add_member, edit_member, list_members, remove_member
from store.model import Attachment, Section
from store.template import agenda_template

COMMITTEE = "Teknikudvalget"


@pytest.fixture
def meeting(db):
    add_committee(db, COMMITTEE, "Herlev")
    add_member(db, COMMITTEE, "Anna Holm", party="A", role="formand")
    add_member(db, COMMITTEE, "Bo Berg", party="V")
    add_member(db, COMMITTEE, "Carl Dam", party="Ø", substitute_for="Bo Berg")
    return create_meeting(db, COMMITTEE, "2030-02-04", "16:00", "Rådhuset")


def numbers(db, meeting_id):
    return [row["number"] for row in items(db, meeting_id)]


def titles(db, meeting_id):
    return [row["title"] for row in items(db, meeting_id)]


def count_actions(db):
    return db.execute("SELECT count(*) FROM actions").fetchone()[0]


def agenda_of(db, meeting_id, *names):
    for name in names:
        add_item(db, meeting_id, ItemDraft(title=name))


# --- items ---------------------------------------------------------------------------------


def test_add_item_at_the_end_after_an_item_and_first(db, meeting):
    agenda_of(db, meeting, "Godkendelse af dagsorden", "Budget")
    add_item(db, meeting, ItemDraft(title="Indskudt"), after="1")
    add_item(db, meeting, ItemDraft(title="Allerførst", number="0"), first=True)
    assert titles(db, meeting) == ["Allerførst", "Godkendelse af dagsorden", "Indskudt", "Budget"]
    assert numbers(db, meeting) == ["0", "1", "1a", "2"]


def test_an_item_is_written_whole(db, meeting):
    draft = ItemDraft(
        title="  Budget\n2031 ",
        number="7",
        public=False,
        case_number="00.30.00-S00-1-30",
        kind="beslutning",
        recommendation=["at budgettet godkendes,", " ", "at det sendes videre."],
        sections=[Section("Resume", "Kort.\n\nLangt."), Section("Økonomi", "Ingen.")],
        attachments=[Attachment("Bilag 1", "https://eksempel.dk/b1.pdf")],
    )
    add_item(db, meeting, draft)
    item = load_meeting(db, meeting).items[0]
    assert (item.number, item.title, item.public, item.case_number, item.kind) == (
        "7",
        "Budget 2031",
        False,
        "00.30.00-S00-1-30",
        "beslutning",
    )
    assert item.recommendation == ["at budgettet godkendes,", "at det sendes videre."]
    assert [(s.heading, s.text) for s in item.sections] == [("Resume", "Kort.\n\nLangt."), ("Økonomi", "Ingen.")]
    assert item.attachments == [Attachment("Bilag 1", "https://eksempel.dk/b1.pdf", True)]


@pytest.mark.parametrize(
    "draft, message",
    [
        (ItemDraft(title=" \n "), "Punktet skal have en titel."),
        (ItemDraft(title="X", number="1"), "Punkt 1 findes allerede på dagsordenen."),
        (ItemDraft(title="X", kind="afstemning"), "Ukendt punkttype 'afstemning' (brug beslutning eller orientering)."),
        (ItemDraft(title="X", sections=[Section(" ", "tekst")]), "Hvert afsnit skal have en overskrift."),
    ],
)
def test_bad_items_are_refused_with_one_sentence_and_change_nothing(db, meeting, draft, message):
    agenda_of(db, meeting, "Første")
    before = count_actions(db)
    with pytest.raises(StoreError) as refused:
        add_item(db, meeting, draft)
    assert str(refused.value) == message
    assert titles(db, meeting) == ["Første"] and count_actions(db) == before


def test_edit_item_changes_what_it_is_given_and_logs_it(db, meeting):
    agenda_of(db, meeting, "Godkendelse af dagsorden", "Budget")
    changed = edit_item(
        db,
        meeting,
        "2",
        ItemDraft(title="Budget 2031", public=False, case_number="27.00", recommendation=["at godkende."]),
    )
    assert changed == ["titel", "sagsnummer", "åben/lukket", "indstilling"]
    item = load_meeting(db, meeting).items[1]
    assert (item.title, item.public, item.case_number, item.recommendation) == (
        "Budget 2031",
        False,
        "27.00",
        ["at godkende."],
    )
    log = audit_trail(db, meeting)
    assert {(row["action"], row["field"]) for row in log} >= {("Ret punkt 2", "title"), ("Ret punkt 2", "public")}
    assert edit_item(db, meeting, "2", ItemDraft(case_number="")) == ["sagsnummer"]
    assert load_meeting(db, meeting).items[1].case_number is None


def test_an_items_draft_saved_unchanged_changes_nothing(db, meeting):
    draft = ItemDraft(
        title="Budget",
        number="4",
        public=False,
        case_number="27.00",
        kind="orientering",
        recommendation=["at a."],
        sections=[Section("Resume", "r\n\ns")],
        attachments=[Attachment("Bilag 1", "b.pdf")],
    )
    add_item(db, meeting, draft)
    loaded = item_draft(db, meeting, "4")
    assert (loaded.title, loaded.public, loaded.case_number, loaded.kind, loaded.recommendation) == (
        "Budget",
        False,
        "27.00",
        "orientering",
        ["at a."],
    )
    assert loaded.sections == [Section("Resume", "r\n\ns")] and loaded.attachments == [Attachment("Bilag 1", "b.pdf")]
    assert edit_item(db, meeting, "4", loaded) == []


def test_an_edit_that_changes_nothing_leaves_nothing_to_undo(db, meeting):
    agenda_of(db, meeting, "Budget")
    before = count_actions(db)
    assert edit_item(db, meeting, "1", ItemDraft(title="Budget")) == []
    assert count_actions(db) == before


def test_renumbering_onto_a_taken_number_is_refused(db, meeting):
    agenda_of(db, meeting, "A", "B")
    with pytest.raises(StoreError, match="Punkt 1 findes allerede"):
        edit_item(db, meeting, "2", ItemDraft(number="1"))
    with pytest.raises(StoreError, match="Mødet har intet punkt 9."):
        edit_item(db, meeting, "9", ItemDraft(title="X"))


def test_move_and_renumber_from_a_start_number(db, meeting):
    agenda_of(db, meeting, "A", "B", "C", "D")
    assert move_item(db, meeting, "4", to=1) == 1
    assert titles(db, meeting) == ["D", "A", "B", "C"]
    move_item(db, meeting, "4", after="2")
    assert titles(db, meeting) == ["A", "B", "D", "C"]
    move_item(db, meeting, "3", before="1")
    assert titles(db, meeting) == ["C", "A", "B", "D"]
    assert renumber(db, meeting, 159) == 4
    assert numbers(db, meeting) == ["159", "160", "161", "162"]
    assert renumber(db, meeting, 159) == 0
    with pytest.raises(StoreError, match="præcis én"):
        move_item(db, meeting, "159")
    with pytest.raises(StoreError, match="mellem 1 og 4"):
        move_item(db, meeting, "159", to=5)


def test_remove_item_is_logged_and_undo_brings_it_back_whole(db, meeting):
    agenda_of(db, meeting, "A")
    add_item(db, meeting, ItemDraft(title="B", recommendation=["at b."], sections=[Section("Resume", "r")]))
    agenda_of(db, meeting, "C")
    assert remove_item(db, meeting, "2") == "B"
    assert titles(db, meeting) == ["A", "C"]
    deleted = [row for row in audit_trail(db, meeting) if row["action"] == "Slet punkt 2"]
    assert {row["entity"] for row in deleted} >= {"items", "sections", "recommendations"}
    assert undo_last(db, meeting) == "Slet punkt 2"
    restored = load_meeting(db, meeting).items
    assert [item.title for item in restored] == ["A", "B", "C"]
    assert restored[1].recommendation == ["at b."] and restored[1].sections[0].text == "r"


def test_an_item_with_a_decision_cannot_be_removed(db, meeting):
    agenda_of(db, meeting, "A")
    item_id = items(db, meeting)[0]["id"]
    open_meeting(db, meeting)
    record_outcome(db, item_id, "Godkendt")
    with pytest.raises(StoreError, match="Punkt 1 har en beslutning og kan ikke slettes."):
        remove_item(db, meeting, "1")
    assert titles(db, meeting) == ["A"]


def test_the_current_item_can_be_removed_and_the_meeting_forgets_it(db, meeting):
    agenda_of(db, meeting, "A", "B")
    open_meeting(db, meeting)
    assert get_meeting(db, meeting)["current_item_id"] == items(db, meeting)[0]["id"]
    remove_item(db, meeting, "1")
    assert get_meeting(db, meeting)["current_item_id"] is None


def test_an_approved_referat_refuses_every_preparation_edit(db, meeting):
    agenda_of(db, meeting, "A")
    open_meeting(db, meeting)
    from store.agenda import close_meeting

    close_meeting(db, meeting)
    approve_final(db, meeting)
    for edit in (
        lambda: add_item(db, meeting, ItemDraft(title="Ny")),
        lambda: edit_item(db, meeting, "1", ItemDraft(title="Ny")),
        lambda: remove_item(db, meeting, "1"),
        lambda: move_item(db, meeting, "1", to=1),
        lambda: renumber(db, meeting, 5),
        lambda: edit_meeting(db, meeting, place="Andetsteds"),
        lambda: add_guest(db, meeting, "Gæst"),
        lambda: add_attendee(db, meeting, "Ny Person"),
    ):
        with pytest.raises(StoreError) as refused:
            edit()
        assert str(refused.value) == LOCKED_MESSAGE
    assert titles(db, meeting) == ["A"] and get_meeting(db, meeting)["location"] == "Rådhuset"


# --- the meeting's details --------------------------------------------------------------------


def test_edit_meeting_date_time_place_and_closing(db, meeting):
    changed = edit_meeting(
        db, meeting, date="5. februar 2030", time="kl. 15.30", place=" Byrådssalen ", closing="Protokollen oplæst."
    )
    assert changed == ["dato", "mødetidspunkt", "mødested", "afslutningslinje"]
    row = get_meeting(db, meeting)
    assert (row["date"], row["planned_start"], row["location"], row["closing"]) == (
        "2030-02-05",
        "15:30",
        "Byrådssalen",
        "Protokollen oplæst.",
    )
    assert edit_meeting(db, meeting, place="Byrådssalen") == []
    assert edit_meeting(db, meeting, place="") == ["mødested"]
    assert get_meeting(db, meeting)["location"] is None
    assert "# Mødets afslutning\n\nProtokollen oplæst." in render_markdown(load_meeting(db, meeting))


@pytest.mark.parametrize(
    "change, message",
    [
        ({"date": "2027-02-30"}, "'2027-02-30' er ikke en dato."),
        ({"date": "30. februar 2027"}, "'30. februar 2027' er ikke en dato."),
        ({"time": "25:00"}, "'25:00' er ikke et klokkeslæt (skriv fx 15.30)."),
        ({"start": "15.00"}, "Mødet er ikke åbnet endnu; ret mødetidspunktet i stedet."),
    ],
)
def test_bad_meeting_details_are_refused_in_danish_and_change_nothing(db, meeting, change, message):
    before = dict(get_meeting(db, meeting))
    with pytest.raises(StoreError) as refused:
        edit_meeting(db, meeting, **change)
    assert str(refused.value) == message
    assert dict(get_meeting(db, meeting)) == before


def test_actual_start_and_end_are_corrected_after_the_meeting(db, meeting):
    agenda_of(db, meeting, "A")
    open_meeting(db, meeting)
    from store.agenda import close_meeting

    close_meeting(db, meeting)
    assert edit_meeting(db, meeting, start="16.05", end="18.40") == ["begyndelse", "afslutning"]
    text = render_markdown(load_meeting(db, meeting))
    assert "Mødet begyndte kl. 16.05" in text and "\n\nMødet afsluttet kl. 18.40\n\n" in text
    with pytest.raises(StoreError, match="kan ikke slutte, før det begynder"):
        edit_meeting(db, meeting, end="15.00")
    edit_meeting(db, meeting, date="2030-02-06")
    row = get_meeting(db, meeting)
    assert row["started_at"].startswith("2030-02-06T16:05") and row["ended_at"].startswith("2030-02-06T18:40")


# --- guests and the fremmøde list -----------------------------------------------------------


def test_a_guest_is_printed_and_never_counted_in_the_quorum(db, meeting):
    agenda_of(db, meeting, "A")
    seats = quorum(db, meeting)
    add_guest(db, meeting, "Jobcenterchef Anne Hansen")
    add_guest(db, meeting, "Direktør Jens Lund")
    assert quorum(db, meeting) == seats
    assert [row["name"] for row in guests(db, meeting)] == ["Jobcenterchef Anne Hansen", "Direktør Jens Lund"]
    text = render_markdown(load_meeting(db, meeting))
    assert "Desuden deltog: Jobcenterchef Anne Hansen, Direktør Jens Lund" in text
    assert parse_text(text).guests == ["Jobcenterchef Anne Hansen", "Direktør Jens Lund"]
    with pytest.raises(StoreError, match="står allerede som gæst"):
        add_guest(db, meeting, "jobcenterchef anne hansen")
    with pytest.raises(StoreError, match="står allerede på mødets fremmødeliste"):
        add_guest(db, meeting, "Anna Holm")
    remove_guest(db, meeting, "Direktør Jens Lund")
    assert [row["name"] for row in guests(db, meeting)] == ["Jobcenterchef Anne Hansen"]
    assert undo_last(db, meeting) == "Gæst fjernet: Direktør Jens Lund"
    assert len(guests(db, meeting)) == 2


def test_a_person_for_this_meeting_only_and_removing_a_wrong_name(db, meeting):
    add_attendee(db, meeting, "Eva Ny (C)")
    names = {row["name"]: row for row in attendance_list(db, meeting)}
    assert names["Eva Ny"]["party"] == "C"
    assert "Eva Ny" not in {row["name"] for row in list_members(db, COMMITTEE)}
    with pytest.raises(StoreError, match="står allerede"):
        add_attendee(db, meeting, "eva ny")
    remove_attendee(db, meeting, "Eva Ny (C)")
    remove_attendee(db, meeting, "Bo Berg")
    assert {row["name"] for row in attendance_list(db, meeting)} == {"Anna Holm"}
    with pytest.raises(StoreError, match="står ikke på mødets fremmødeliste"):
        remove_attendee(db, meeting, "Bo Berg")


def test_a_name_the_referat_refers_to_stays_on_the_list(db, meeting):
    from store.attendance import set_substitute

    set_substitute(
        db, meeting, [r for r in attendance_list(db, meeting) if r["name"] == "Bo Berg"][0]["person_id"], "Carl Dam"
    )
    with pytest.raises(StoreError, match="Bo Berg \\(V\\) har en stedfortræder på mødet"):
        remove_attendee(db, meeting, "Bo Berg")


# --- the roster ---------------------------------------------------------------------------


def test_members_are_added_changed_and_leave_keeping_earlier_meetings(db, meeting):
    rows = list_members(db, COMMITTEE)
    assert [(r["name"], r["party"], r["role"], r["substitute_for"]) for r in rows] == [
        ("Anna Holm", "A", "formand", None),
        ("Bo Berg", "V", "medlem", None),
        ("Carl Dam", "Ø", "stedfortræder", "Bo Berg"),
    ]
    later = create_meeting(db, COMMITTEE, (dt.date.today() + dt.timedelta(days=30)).isoformat())
    add_member(db, COMMITTEE, "Dorte Eg", party="F", valid_from=dt.date.today().isoformat())
    assert "Dorte Eg" in {row["name"] for row in attendance_list(db, later)}
    edit_member(db, COMMITTEE, "Bo Berg", party="C", role="næstformand")
    row = next(r for r in list_members(db, COMMITTEE) if r["name"] == "Bo Berg")
    assert (row["party"], row["role"]) == ("C", "næstformand")
    remove_member(db, COMMITTEE, "Dorte Eg")
    assert "Dorte Eg" not in {row["name"] for row in list_members(db, COMMITTEE)}
    assert "Dorte Eg" in {row["name"] for row in list_members(db, COMMITTEE, former=True)}
    assert "Dorte Eg" not in {row["name"] for row in attendance_list(db, later)}
    assert "Bo Berg" in {row["name"] for row in attendance_list(db, meeting)}


def test_an_end_date_given_in_an_edit_ends_the_membership_as_leaving_does(db, meeting):
    sooner = create_meeting(db, COMMITTEE, (dt.date.today() + dt.timedelta(days=5)).isoformat())
    end = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    edit_member(db, COMMITTEE, "Bo Berg", valid_to=end)
    assert next(r for r in list_members(db, COMMITTEE, former=True) if r["name"] == "Bo Berg")["valid_to"] == end
    assert "Bo Berg" not in {row["name"] for row in attendance_list(db, meeting)}  # planned after the end (2030)
    assert "Bo Berg" in {row["name"] for row in attendance_list(db, sooner)}  # a meeting before the end keeps him
    assert next(r for r in list_members(db, COMMITTEE) if r["name"] == "Carl Dam")["substitute_for"] is None


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda db: add_member(db, COMMITTEE, "  "), "Medlemmet skal have et navn."),
        (lambda db: add_member(db, COMMITTEE, "Anna Holm"), "Anna Holm er allerede medlem af udvalget."),
        (
            lambda db: add_member(db, COMMITTEE, "X", substitute_for="Ingen"),
            "Ingen er ikke medlem af udvalget; en stedfortræder skal stå for et medlem.",
        ),
        (
            lambda db: add_member(db, COMMITTEE, "X", role="kasserer"),
            "Ukendt rolle 'kasserer' (brug formand, næstformand, medlem, stedfortræder).",
        ),
        (lambda db: add_member(db, COMMITTEE, "X", valid_from="2027-02-30"), "--from: '2027-02-30' er ikke en dato."),
        (lambda db: edit_member(db, COMMITTEE, "Ukendt", party="A"), "Ukendt er ikke medlem af udvalget."),
        (
            lambda db: edit_member(db, COMMITTEE, "Bo Berg", new_name="Anna Holm"),
            "Der findes allerede en person ved navn Anna Holm.",
        ),
    ],
)
def test_bad_roster_edits_are_refused(db, meeting, call, message):
    with pytest.raises(StoreError) as refused:
        call(db)
    assert str(refused.value) == message


def test_reimporting_a_roster_makes_it_equal_to_the_file_and_says_what_changed(db, meeting, tmp_path):
    path = tmp_path / "roster.toml"
    path.write_text(
        f"""
[committee]
name = "{COMMITTEE}"
municipality = "Herlev"
[[members]]
name = "Anna Holm"
party = "B"
role = "næstformand"
[[members]]
name = "Eva Ny"
party = "C"
role = "formand"
""",
        encoding="utf-8",
    )
    committee_id, changes = sync_roster(db, path)
    assert changes == [
        "Anna Holm: parti A → B.",
        "Anna Holm: rolle formand → næstformand.",
        "Nyt medlem: Eva Ny (formand).",
        "Bo Berg er udtrådt af udvalget.",
        "Carl Dam er udtrådt af udvalget.",
    ]
    assert [(r["name"], r["party"], r["role"]) for r in roster(db, committee_id)] == [
        ("Eva Ny", "C", "formand"),
        ("Anna Holm", "B", "næstformand"),
    ]
    assert sync_roster(db, path)[1] == []


def test_a_roster_substitute_for_nobody_is_refused(db, tmp_path):
    path = tmp_path / "roster.toml"
    path.write_text(
        '[committee]\nname = "U"\n[[members]]\nname = "A"\n[[substitutes]]\nname = "B"\nsubstitute_for = "Ingen"\n',
        encoding="utf-8",
    )
    with pytest.raises(StoreError, match="B er stedfortræder for 'Ingen', som ikke er medlem af udvalget."):
        sync_roster(db, path)


# --- the template ---------------------------------------------------------------------------


def test_the_template_imports_as_a_dagsorden(db):
    text = agenda_template(dt.date(2030, 3, 4))
    meeting = parse_text(text, "skabelon.md")
    assert meeting.status == "planlagt" and meeting.date == dt.date(2030, 3, 4)
    assert [item.title for item in meeting.items][:2] == ["Godkendelse af dagsorden", "Punktets titel"]
    assert [item.public for item in meeting.items] == [True, True, True, False]
    assert meeting.items[1].recommendation == ["at det første godkendes,", "at det andet tages til efterretning."]
    assert render_markdown(meeting, public=False).endswith(text)


def test_the_readme_example_of_a_hand_written_dagsorden_imports():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```markdown\n")[1].split("```")[0]
    meeting = parse_text(example, "README.md")
    assert (meeting.committee, meeting.date, meeting.start) == ("Teknikudvalget", dt.date(2030, 2, 4), "16:00")
    assert [(m.name, m.party, m.role) for m in meeting.members] == [
        ("Anna Holm", "A", "formand"),
        ("Bo Berg", "V", None),
    ]
    item = meeting.items[0]
    assert (item.number, item.title, item.case_number, item.recommendation) == (
        "1",
        "Budget 2031",
        "00.30.00-S00-1-30",
        ["at budgettet godkendes."],
    )


def test_control_characters_never_reach_the_store(db, meeting):
    add_item(db, meeting, ItemDraft(title="Budget\x1b]0;overtaget\x07 2031", sections=[Section("Resume", "a\x1b[2Jb")]))
    add_guest(db, meeting, "Gæst\x1b[5m Hansen")
    edit_meeting(db, meeting, place="Sal\x9b1", closing="Protokollen\x07 oplæst.")
    document = load_meeting(db, meeting)
    assert document.items[0].title == "Budget]0;overtaget 2031" and document.items[0].sections[0].text == "a[2Jb"
    assert document.guests == ["Gæst[5m Hansen"]
    assert (document.location, document.closing) == ("Sal1", "Protokollen oplæst.")


def test_a_planned_meeting_moves_to_another_udvalg_of_the_kommune_with_its_roster(db, meeting):
    add_committee(db, "Økonomiudvalget", "Herlev Kommune")
    add_member(db, "Økonomiudvalget", "Dorte Ravn", party="C", role="formand")
    add_committee(db, "Økonomiudvalget", "Gladsaxe")
    assert edit_meeting(db, meeting, committee="Økonomiudvalget", place="Byrådssalen") == ["udvalg", "mødested"]
    row = get_meeting(db, meeting)
    assert (row["committee"], row["municipality"], row["location"]) == (
        "Økonomiudvalget",
        "Herlev Kommune",
        "Byrådssalen",
    )
    assert [r["name"] for r in attendance_list(db, meeting)] == ["Dorte Ravn"]
    assert undo_last(db, meeting)  # one action: the udvalg, the place and the list come back together
    assert get_meeting(db, meeting)["committee"] == COMMITTEE
    assert sorted(r["name"] for r in attendance_list(db, meeting)) == ["Anna Holm", "Bo Berg"]


def test_the_udvalg_is_not_changed_once_the_roll_call_has_begun_or_the_meeting_is_opened(db, meeting):
    add_committee(db, "Økonomiudvalget", "Herlev")
    person = next(r for r in attendance_list(db, meeting) if r["name"] == "Bo Berg")["person_id"]
    from store.attendance import set_status

    set_status(db, meeting, person, "afbud")
    with pytest.raises(StoreError, match="Fremmødet er allerede markeret; udvalget kan ikke skiftes."):
        edit_meeting(db, meeting, committee="Økonomiudvalget", place="Andetsteds")
    assert get_meeting(db, meeting)["location"] == "Rådhuset"  # nothing of the edit is saved
    open_meeting(db, meeting)
    with pytest.raises(StoreError, match="Udvalget kan kun skiftes, før mødet er åbnet."):
        edit_meeting(db, meeting, committee="Økonomiudvalget")
    with pytest.raises(StoreError, match="Udvalget 'Kulturudvalget' i Herlev"):
        edit_meeting(db, meeting, committee="Kulturudvalget")
