"""The JSON export: the documented contract's keys and types, the public rules, æøå as letters."""

from __future__ import annotations

import json

from export_support import sample_meeting
from hypothesis import given, settings
from redaction_support import meetings

from store.export_json import render_json
from store.model import Item, Meeting
from store.redaction import public_view

MEETING_KEYS = {
    "municipality",
    "committee",
    "date",
    "start",
    "end",
    "location",
    "status",
    "members",
    "items",
    "approvals",
}
MEMBER_KEYS = {"name", "party", "role", "attendance", "substitute_for"}
ITEM_KEYS = {
    "number",
    "title",
    "public",
    "case_number",
    "sections",
    "recommendation",
    "decision",
    "votes",
    "remarks",
    "absent",
    "attachments",
}
SECTION_KEYS = {"heading", "text"}
DECISION_KEYS = {"outcome", "text", "points"}
VOTE_KEYS = {"subject", "for", "against", "abstain", "result"}
REMARK_KEYS = {"members", "kind", "text"}
ATTACHMENT_KEYS = {"title", "reference", "public"}
APPROVAL_KEYS = {"member", "at", "reservation"}


def test_every_documented_key_is_there_with_its_type():
    data = json.loads(render_json(sample_meeting(), public=False))
    assert MEETING_KEYS <= data.keys()
    assert (data["date"], data["start"], data["end"], data["status"]) == ("2017-05-29", "15:00", "16:45", "hævet")
    assert data["committee"] == "Arbejdsmarkedsudvalget" and data["municipality"] == "Hvidovre Kommune"
    for member in data["members"]:
        assert MEMBER_KEYS <= member.keys()
        assert member["attendance"] in ("til stede", "afbud", "fraværende", "stedfortræder", None)
    assert data["members"][4]["substitute_for"] == "Ømer Kuscu"
    for item in data["items"]:
        assert ITEM_KEYS <= item.keys()
        assert isinstance(item["number"], int) and isinstance(item["public"], bool)
        assert all(SECTION_KEYS <= s.keys() for s in item["sections"])
        assert all(isinstance(point, str) for point in item["recommendation"])
        assert item["decision"] is None or DECISION_KEYS <= item["decision"].keys()
        assert all(VOTE_KEYS <= v.keys() for v in item["votes"])
        assert all(REMARK_KEYS <= r.keys() for r in item["remarks"])
        assert all(isinstance(name, str) for name in item["absent"])
        assert all(ATTACHMENT_KEYS <= a.keys() for a in item["attachments"])
    assert all(APPROVAL_KEYS <= a.keys() for a in data["approvals"])
    vote = data["items"][1]["votes"][0]
    assert (vote["for"], vote["against"], vote["abstain"], vote["result"]) == (["A", "Ø"], ["O"], [], "vedtaget")
    assert data["approvals"][1] == {
        "member": "Ivan Fogtmann",
        "at": "2017-05-30T10:00:00",
        "reservation": "punkt 2 er gengivet for kort",
    }


def test_item_numbers_that_are_not_digits_stay_strings():
    data = json.loads(render_json(Meeting(committee="U", items=[Item("4a", "Tillæg")])))
    assert data["items"][0]["number"] == "4a"


def test_edition_says_which_rules_were_applied():
    assert json.loads(render_json(sample_meeting()))["edition"] == "offentlig"
    assert json.loads(render_json(sample_meeting(), public=False))["edition"] == "fuld"


def test_public_json_follows_the_same_rules_as_the_markdown():
    data = json.loads(render_json(sample_meeting()))
    closed = data["items"][2]
    assert closed["title"] == "Køb af ejendom på Hvidovrevej" and closed["public"] is False
    assert closed["decision"] == {"outcome": "Godkendt", "text": None, "points": ["Godkendt"]}
    assert closed["sections"] == [] and closed["recommendation"] == [] and closed["remarks"] == []
    assert closed["attachments"] == [] and closed["case_number"] is None
    assert closed["votes"][0]["for"] == ["A", "O"]
    assert data["items"][3]["title"] == "Lukket punkt"
    assert data["items"][3]["decision"]["outcome"] is None
    assert all(a["reason"] is None for item in data["items"] for a in item["absences"])
    assert [a["title"] for a in data["items"][1]["attachments"]] == ["Idékatalog - ARU den 29. maj 2017 (pdf)"]
    text = render_json(sample_meeting())
    for secret in ("4.200.000", "ægtefælle", "Prisoverslag", "CPR", "Afskediget", "Personalesag", "deltog via video"):
        assert secret not in text


def test_json_writes_aeoeaa_as_letters_and_ends_with_a_newline():
    text = render_json(sample_meeting())
    assert "Ømer Kuscu" in text and "\\u00" not in text
    assert text.endswith("}\n")


@settings(max_examples=60, deadline=None)
@given(meetings())
def test_the_text_is_what_the_standard_library_writes_with_indent_2(meeting):
    """The export is written by orjson for speed; its text must stay json.dumps(ensure_ascii=False, indent=2)'s."""
    for public, edition, shown in ((True, "offentlig", public_view(meeting)), (False, "fuld", meeting)):
        document = {"edition": edition, **shown.to_json()}
        assert render_json(meeting, public=public) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
