"""The Markdown referat: header, attendance, items, beslutning, votes, bilag, signatures, editions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from export_support import sample_meeting
from markdown_it import MarkdownIt

from store.export_markdown import CONFIDENTIAL_LINE, compress_numbers, render_markdown
from store.meetings import load_meeting, save_meeting
from store.model import (
    DECISION_LAST,
    LAYOUT_ENDED_ITALIC,
    PLANNED,
    PRESENT,
    RECOMMENDATION_SECTION,
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

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def blocks(text: str) -> list[str]:
    return text.strip("\n").split("\n\n")


def item_part(text: str, number: str) -> str:
    """The Markdown of one item, from its heading to the next level-1 heading."""
    start = text.index(f"\n# Punkt {number}: ")
    end = text.find("\n# ", start + 1)
    return text[start + 1 : end if end > 0 else None]


def headings(text: str) -> list[tuple[str, str]]:
    """(tag, literal text) of every heading as a CommonMark renderer sees it."""
    tokens = MARKDOWN.parse(text)
    return [(tokens[i].tag, literal(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]


def literal(inline) -> str:
    """The text an inline token shows (escapes and character references resolved)."""
    return "".join("\n" if child.type == "softbreak" else child.content for child in inline.children or [])


@pytest.fixture
def meeting() -> Meeting:
    return sample_meeting()


@pytest.fixture
def full(meeting) -> str:
    return render_markdown(meeting, public=False)


@pytest.fixture
def public(meeting) -> str:
    return render_markdown(meeting)


# --- header -------------------------------------------------------------------


def test_header_has_committee_kommune_long_date_times_and_place(public):
    assert blocks(public)[:5] == [
        "# Referat: Arbejdsmarkedsudvalget",
        "**Kommune:** Hvidovre Kommune",
        "**Mødedato:** Mandag den 29. maj 2017",
        "Mødet begyndte kl. 15.00.",
        "**Mødested:** Belægningen",
    ]


def test_closing_line_follows_the_last_item_as_in_the_real_referater(public):
    assert "\n\n**Udsat.**\n\nMødet afsluttet kl. 16.45\n\n# Bilagsoversigt\n" in public
    assert "afsluttet" not in public.split("# Punkt 1:")[0]


def test_the_closing_line_and_the_end_are_one_line_as_roedovre_writes_them():
    meeting = Meeting(
        committee="U",
        status="hævet",
        end="15:45",
        closing="Protokollen oplæst.",
        items=[Item("1", "Diverse", decision=Decision("Taget til efterretning"))],
    )
    text = render_markdown(meeting)
    assert "**Taget til efterretning.**\n\nProtokollen oplæst. Mødet afsluttet kl. 15.45\n\n" in text
    assert "Mødets afslutning" not in text and "sluttede" not in text
    meeting.end = None  # the end not known: the closing line under its own heading
    assert "# Mødets afslutning\n\nProtokollen oplæst.\n\n" in render_markdown(meeting)


def test_a_referat_sealed_in_the_first_layout_keeps_its_wording():
    meeting = Meeting(
        committee="U",
        status="godkendt",
        end="15:45",
        closing="Protokollen oplæst.",
        items=[Item("1", "Diverse")],
        layout=LAYOUT_ENDED_ITALIC,
    )
    assert "# Mødets afslutning\n\nProtokollen oplæst.\n\n*Mødet sluttede kl. 15.45.*\n\n" in render_markdown(meeting)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 1, 1), "Søndag den 1. januar 2023"),
        (dt.date(2023, 2, 1), "Onsdag den 1. februar 2023"),
        (dt.date(2023, 3, 1), "Onsdag den 1. marts 2023"),
        (dt.date(2023, 4, 1), "Lørdag den 1. april 2023"),
        (dt.date(2023, 5, 1), "Mandag den 1. maj 2023"),
        (dt.date(2023, 6, 1), "Torsdag den 1. juni 2023"),
        (dt.date(2023, 7, 1), "Lørdag den 1. juli 2023"),
        (dt.date(2023, 8, 1), "Tirsdag den 1. august 2023"),
        (dt.date(2023, 9, 1), "Fredag den 1. september 2023"),
        (dt.date(2023, 10, 1), "Søndag den 1. oktober 2023"),
        (dt.date(2023, 11, 1), "Onsdag den 1. november 2023"),
        (dt.date(2023, 12, 1), "Fredag den 1. december 2023"),
        (dt.date(2022, 10, 26), "Onsdag den 26. oktober 2022"),
    ],
)
def test_every_weekday_and_month_in_danish(meeting, day, expected):
    assert f"**Mødedato:** {expected}\n" in render_markdown(dataclasses.replace(meeting, date=day))


def test_start_only_and_planned_meeting_times(meeting):
    held = render_markdown(dataclasses.replace(meeting, end=None))
    assert "Mødet begyndte kl. 15.00.\n" in held
    planned = render_markdown(dataclasses.replace(meeting, status=PLANNED, end=None))
    assert "Mødet begynder kl. 15.00.\n" in planned


def test_missing_header_fields_are_left_out():
    text = render_markdown(Meeting(committee="Økonomiudvalget", status="hævet"))
    assert blocks(text)[0] == "# Referat: Økonomiudvalget"
    assert "Kommune" not in text and "Mødedato" not in text and "Mødested" not in text and "Mødet" not in text


def test_aeoeaa_are_written_as_letters(public):
    for word in ("Ømer Kuscu", "Mødested", "Belægningen", "Fraværende med afbud", "Mødet begyndte"):
        assert word in public
    assert "\\u00" not in public


# --- attendance -------------------------------------------------------------------


def test_deltagere_chair_first_with_party_role_substitute_and_partial_attendance(public):
    part = public[public.index("## Deltagere") : public.index("## Fraværende med afbud")]
    assert part.strip().split("\n") == [
        "## Deltagere",
        "",
        "- Benthe Viola Holm (A), formand",
        "- Ivan Fogtmann (O), næstformand, ankom kl. 15.50 under behandlingen af punkt 2",
        "- Mikail Erman (A)",
        "- Birgitte Glifberg (A), stedfortræder for Ømer Kuscu (A)",
        "- Mogens Leo Hansen (Ø), forlod mødet kl. 17.00 efter behandlingen af punkt 4",
    ]


def test_afbud_and_absent_without_afbud_are_listed_apart(public):
    assert "## Fraværende med afbud\n\n- Ømer Kuscu (A)\n\n## Fraværende\n\n- Jan Kongebro (A)\n" in public


def test_a_member_who_missed_items_is_listed_once_with_the_range_not_under_every_item(public, full):
    assert "## Fraværende\n\n- Jan Kongebro (A)\n- Mikail Erman (A), sag 2-3\n\n" in public
    for text in (public, full):
        assert "Afbud:" not in text and "Fraværende:" not in text
    assert "Mikail Erman (A) deltog ikke" not in public


def test_member_note_only_in_the_full_edition(public, full):
    assert "*deltog via video*" in full
    assert "deltog via video" not in public


def test_items_implied_by_late_arrival_are_not_listed_as_missed(meeting):
    meeting.items[0].absent = ["Ivan Fogtmann (O)"]
    meeting.items[3].absent = ["Ivan Fogtmann (O)"]
    text = render_markdown(meeting)
    assert "- Ivan Fogtmann (O), næstformand, ankom kl. 15.50 under behandlingen af punkt 2\n" in text
    assert "- Ivan Fogtmann (O), sag 4\n" in text


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        (["29", "30", "31", "32", "33", "34"], "29-34"),
        (["3"], "3"),
        (["3", "5", "7", "8", "9"], "3, 5, 7-9"),
        (["1", "2", "4a", "5"], "1-2, 4a, 5"),
        ([], ""),
    ],
)
def test_consecutive_item_numbers_become_ranges(numbers, expected):
    assert compress_numbers(numbers) == expected


def test_dagsorden_lists_members_without_recorded_attendance():
    meeting = Meeting(
        committee="Arbejdsmarkedsudvalget",
        date=dt.date(2017, 5, 29),
        start="15:00",
        status=PLANNED,
        members=[Member("Benthe Viola Holm", "A", "formand"), Member("Ivan Fogtmann", "O")],
        items=[Item("1", "Godkendelse af dagsorden")],
    )
    text = render_markdown(meeting)
    assert blocks(text)[0] == "# Dagsorden: Arbejdsmarkedsudvalget"
    assert "## Medlemmer\n\n- Benthe Viola Holm (A), formand\n- Ivan Fogtmann (O)\n" in text
    assert "Deltagere" not in text and "## Beslutning" not in text and "Underskriftsblad" not in text


def test_unrecorded_attendance_counts_as_present_in_a_held_meeting():
    meeting = Meeting(committee="U", status="hævet", members=[Member("Anna Holm", "A"), Member("Bo Berg", "V")])
    assert "## Deltagere\n\n- Anna Holm (A)\n- Bo Berg (V)\n" in render_markdown(meeting)


# --- table of contents and items ---------------------------------------------------------


def test_indholdsfortegnelse_numbers_titles_and_lukket(public, full):
    toc = [
        "- Punkt 1: Godkendelse af dagsorden",
        "- Punkt 2: Beslutning om projektet Flere skal med",
        "- Punkt 3: Lukket: Køb af ejendom på Hvidovrevej",
        "- Punkt 4: Lukket punkt",
        "- Punkt 5: Eventuelt",
    ]
    assert "## Indholdsfortegnelse\n\n" + "\n".join(toc) + "\n" in public
    toc[3] = "- Punkt 4: Lukket: Personalesag"
    assert "## Indholdsfortegnelse\n\n" + "\n".join(toc) + "\n" in full


def test_document_structure_as_a_renderer_sees_it(full):
    assert [h for h in headings(full) if h[0] == "h1"] == [
        ("h1", "Referat: Arbejdsmarkedsudvalget"),
        ("h1", "Punkt 1: Godkendelse af dagsorden"),
        ("h1", "Punkt 2: Beslutning om projektet Flere skal med"),
        ("h1", "Punkt 3: Lukket: Køb af ejendom på Hvidovrevej"),
        ("h1", "Punkt 4: Lukket: Personalesag"),
        ("h1", "Punkt 5: Eventuelt"),
        ("h1", "Bilagsoversigt"),
        ("h1", "Underskriftsblad"),
    ]


def test_item_has_sagsnummer_and_sections_in_original_order_with_indstilling_list(public):
    part = item_part(public, "2")
    assert blocks(part)[:9] == [
        "# Punkt 2: Beslutning om projektet Flere skal med",
        "Sagsnr.: 15/11238",
        "## Beslutningstema",
        "Center for Beskæftigelse har udarbejdet sagsfremstillingen.",
        "## Indstilling",
        "Direktøren indstiller til Arbejdsmarkedsudvalget",
        "1. at godkende deltagelse i projektet.\n2. at give en bevilling på 2.500.000 kr.",
        "## Beslutning",
        "**Anbefales.**",
    ]
    rest = part[part.index("## Sagsfremstilling") :]
    assert blocks(rest)[:3] == ["## Sagsfremstilling", "Projektet er en toårig indsats.", "- første trin\n- andet trin"]
    assert "### Økonomi" in rest


def test_committee_may_place_the_beslutning_after_every_section(meeting):
    text = render_markdown(dataclasses.replace(meeting, decision_placement=DECISION_LAST))
    part = item_part(text, "2")
    order = [
        part.index(h) for h in ("## Indstilling", "## Sagsfremstilling", "### Økonomi", "## Beslutning\n", "## Bilag")
    ]
    assert order == sorted(order)


def test_indstilling_heading_is_added_when_the_dagsorden_had_none():
    item = Item("1", "Budget", sections=[Section("Sagsfremstilling", "Tekst.")], recommendation=["at godkende"])
    text = render_markdown(Meeting(committee="U", items=[item]))
    assert "## Sagsfremstilling\n\nTekst.\n\n## Indstilling\n\n1. at godkende\n" in text


def test_original_indstilling_heading_is_kept():
    item = Item(
        "1",
        "Budget",
        sections=[Section("Forvaltningen indstiller", "", RECOMMENDATION_SECTION), Section("Økonomi", "Ingen.")],
        recommendation=["at godkende"],
    )
    text = render_markdown(Meeting(committee="U", items=[item]))
    assert "## Forvaltningen indstiller\n\n1. at godkende\n\n## Økonomi\n" in text
    assert "## Indstilling" not in text


def test_beslutning_with_afbud_absence_outcome_text_points_votes_remark_and_tilfoejelse(public):
    part = item_part(public, "2")
    decision = part[part.index("## Beslutning\n") : part.index("## Sagsfremstilling")]
    assert blocks(decision) == [
        "## Beslutning",
        "**Anbefales.**",
        "Forvaltningen orienterede om tidsplanen.",
        "1. Anbefales\n2. Anbefales",
        "**Afstemning om ændringsforslag fra Ø om halv bevilling:** For stemte: Ø (1). Imod stemte: A (2), O (1). "
        "Undlod at stemme: ingen. Ændringsforslaget blev forkastet med 1 stemme mod 3.",
        "**Afstemning om indstillingen:** For stemte: A (2), Ø (1). Imod stemte: O (1). Undlod at stemme: ingen. "
        "Indstillingen blev vedtaget med 3 stemmer mod 1.",
        "> Mogens Leo Hansen (Ø) ønskede følgende tilført protokollen: Projektet er for dyrt.",
        "**Tilføjelse 2. juni 2017:** Bevillingen er 2,5 mio. kr. *Begrundelse: Tastefejl*",
    ]


def test_inhabilitet_reason_only_in_the_full_edition(public, full):
    assert "Mikail Erman (A) deltog ikke i behandlingen af punktet. Årsag (intern): inhabil: ægtefælle" in full
    assert "ægtefælle" not in public


def test_outcome_keeps_its_own_punctuation():
    item = Item("1", "Spørgsmål", decision=Decision("Hvem betaler?"))
    assert "**Hvem betaler?**" in render_markdown(Meeting(committee="U", status="hævet", items=[item]))


def test_postponed_item_says_udsat(public):
    assert blocks(item_part(public, "5"))[-2:] == ["**Udsat.**", "Mødet afsluttet kl. 16.45"]


def test_postponed_with_outcome_keeps_both():
    item = Item("1", "Budget", postponed=True, decision=Decision("Drøftet"))
    assert "**Udsat. Drøftet.**" in render_markdown(Meeting(committee="U", status="hævet", items=[item]))


def test_votes_list_names_when_a_group_splits():
    members = [
        Member("Anna Holm", "A", attendance=PRESENT),
        Member("Bo Berg", "A", attendance=PRESENT),
        Member("Cai Dahl", "V", attendance=PRESENT),
    ]
    vote = Vote("indstillingen", ["Anna Holm", "V"], ["Bo Berg"], [], "vedtaget")
    item = Item("1", "Budget", decision=Decision("Godkendt"), votes=[vote])
    text = render_markdown(Meeting(committee="U", status="hævet", members=members, items=[item]))
    assert (
        "**Afstemning om indstillingen:** For stemte: Anna Holm (A), V (1). Imod stemte: Bo Berg (A). "
        "Undlod at stemme: ingen. Indstillingen blev vedtaget med 2 stemmer mod 1."
    ) in text


def test_vote_counts_given_by_the_secretary_win_and_counts_without_names_are_shown():
    vote = Vote("forslaget", [], ["O"], [], None, for_count=4, against_count=1, abstain_count=1)
    item = Item("1", "Budget", votes=[vote])
    text = render_markdown(Meeting(committee="U", status="hævet", items=[item]))
    assert "For stemte: 4 medlemmer. Imod stemte: O (1). Undlod at stemme: 1 medlem." in text


def _vote_text(vote: Vote, members: list[Member]) -> str:
    item = Item("1", "Budget", decision=Decision("Godkendt"), votes=[vote])
    text = render_markdown(Meeting(committee="U", status="hævet", members=members, items=[item]))
    return next(line for line in text.splitlines() if line.startswith("**Afstemning"))


def _roster(*parties: str) -> list[Member]:
    return [Member(f"Medlem {n}", party, attendance=PRESENT) for n, party in enumerate(parties, 1)]


def test_each_party_that_voted_as_one_carries_its_own_votes():
    """'For stemte: A (3), C (1)': the count follows each party, never one total after the last letter."""
    members = _roster("A", "A", "A", "C", "O", "O")
    vote = Vote("Indstillingen", ["A", "C"], ["O"], [], "vedtaget", for_count=4, against_count=2, abstain_count=0)
    assert _vote_text(vote, members) == (
        "**Afstemning om indstillingen:** For stemte: A (3), C (1). Imod stemte: O (2). Undlod at stemme: ingen. "
        "Indstillingen blev vedtaget med 4 stemmer mod 2."
    )


def test_names_only_for_the_party_that_split():
    members = [
        *_roster("C", "C", "C"),
        Member("Jan Kongebro", "A", attendance=PRESENT),
        Member("Steen Skriver Rasmussen", "A", attendance=PRESENT),
        Member("Ole Dam", "A", attendance=PRESENT),
    ]
    vote = Vote(
        "indstillingen",
        ["Ole Dam (A)"],
        ["Jan Kongebro (A)", "Steen Skriver Rasmussen (A)", "C"],
        [],
        "forkastet",
        for_count=1,
        against_count=5,
        abstain_count=0,
    )
    assert _vote_text(vote, members) == (
        "**Afstemning om indstillingen:** For stemte: Ole Dam (A). "
        "Imod stemte: Jan Kongebro (A), Steen Skriver Rasmussen (A), C (3). Undlod at stemme: ingen. "
        "Indstillingen blev forkastet med 1 stemme mod 5."
    )


def test_a_tie_is_stated_with_its_votes():
    vote = Vote("forslag fra V", ["A"], ["V"], [], "forkastet", for_count=3, against_count=3)
    assert _vote_text(vote, _roster("A", "A", "A", "V", "V", "V")).endswith(
        "For stemte: A (3). Imod stemte: V (3). Undlod at stemme: ingen. Forslaget blev forkastet med 3 stemmer mod 3."
    )


def test_a_side_whose_parties_the_roster_cannot_count_gives_its_total_first():
    vote = Vote(
        "indstillingen", ["A", "B", "V"], ["Ø"], ["O"], "vedtaget", for_count=9, against_count=2, abstain_count=1
    )
    assert _vote_text(vote, []) == (
        "**Afstemning om indstillingen:** For stemte: 9 (A, B, V). Imod stemte: Ø (2). Undlod at stemme: O (1). "
        "Indstillingen blev vedtaget med 9 stemmer mod 2."
    )


def test_only_the_nouns_a_vote_is_about_are_lower_cased():
    assert _vote_text(Vote("Forslaget", ["A"], [], []), []).startswith("**Afstemning om forslaget:**")
    assert _vote_text(Vote("Venstres forslag", ["A"], [], []), []).startswith("**Afstemning om Venstres forslag:**")


def test_amendment_votes_come_before_the_main_proposal():
    votes = [
        Vote("indstillingen", ["A"], [], []),
        Vote("ændringsforslag 1", ["B"], [], [], kind=VOTE_ON_AMENDMENT),
        Vote("ændringsforslag 2", ["C"], [], [], kind=VOTE_ON_AMENDMENT),
    ]
    text = render_markdown(Meeting(committee="U", items=[Item("1", "Budget", votes=votes)]))
    order = [text.index(f"Afstemning om {s}") for s in ("ændringsforslag 1", "ændringsforslag 2", "indstillingen")]
    assert order == sorted(order)


def test_minority_statement_and_several_members():
    remark = Remark(["Anna Holm (Ø)", "Bo Berg (Ø)"], "mindretalsudtalelse", "Vi kan ikke støtte det.\nAnden linje.")
    text = render_markdown(Meeting(committee="U", items=[Item("1", "Budget", remarks=[remark])]))
    assert "> Mindretalsudtalelse fra Anna Holm (Ø), Bo Berg (Ø): Vi kan ikke støtte det.\n> Anden linje.\n" in text


def test_bilag_list_overview_and_references(full):
    assert "## Bilag\n\n- Idékatalog - ARU den 29. maj 2017 (pdf)\n- Lukket: Prisoverslag fra leverandør\n" in full
    assert (
        "# Bilagsoversigt\n\n- Punkt 2: Idékatalog - ARU den 29. maj 2017 (pdf)\n"
        "- Punkt 2: Lukket: Prisoverslag fra leverandør\n- Punkt 3: Vurderingsrapport Hvidovrevej\n"
    ) in full
    item = Item("1", "Budget", attachments=[Attachment("Budget 2024", "https://example.dk/budget 2024.pdf")])
    text = render_markdown(Meeting(committee="U", items=[item]))
    assert "- [Budget 2024](<https://example.dk/budget 2024.pdf>)" in text
    assert "# Bilagsoversigt\n\nIngen bilag." in render_markdown(Meeting(committee="U"))


def test_underskriftsblad_lists_approvals_with_time_and_reservation(public):
    assert public.endswith(
        "# Underskriftsblad\n\n- Benthe Viola Holm (A) godkendte 30. maj 2017 kl. 09.15\n"
        "- Ivan Fogtmann (O) godkendte 30. maj 2017 kl. 10.00 med forbehold: punkt 2 er gengivet for kort\n"
    )
    assert "# Underskriftsblad\n\nIngen godkendelser er registreret.\n" in render_markdown(
        Meeting(committee="U", status="hævet")
    )


def test_before_approval_the_underskriftsblad_lists_who_took_part_to_sign(meeting):
    text = render_markdown(dataclasses.replace(meeting, approvals=[], status="hævet"))
    assert text.endswith(
        "# Underskriftsblad\n\nReferatet underskrives af de medlemmer, der deltog i mødet:\n\n"
        "- Benthe Viola Holm (A)\n- Ivan Fogtmann (O)\n- Mikail Erman (A)\n- Birgitte Glifberg (A)\n"
        "- Mogens Leo Hansen (Ø)\n"
    )
    assert "Ingen godkendelser" not in text


def test_numbered_bilag_keep_their_number_and_only_an_address_makes_a_link():
    attachments = [
        Attachment("Nyhedsliste for Social", "1"),
        Attachment("Bilag 2: kopi", None),
        Attachment("Procesplan", "https://example.dk/p.pdf"),
        Attachment("Lukket tilbud", "3", public=False),
    ]
    text = render_markdown(Meeting(committee="U", items=[Item("1", "Budget", attachments=attachments)]), public=False)
    assert (
        "## Bilag\n\n- Bilag 1: Nyhedsliste for Social\n- Bilag 2\\: kopi\n"
        "- [Procesplan](<https://example.dk/p.pdf>)\n- Lukket: Bilag 3: Lukket tilbud\n"
    ) in text
    assert "](<1>)" not in text


# --- editions ----------------------------------------------------------------------


def test_full_edition_starts_with_the_lukket_warning_and_marks_each_lukket_item(full, public):
    assert full.split("\n")[0] == CONFIDENTIAL_LINE
    assert "Fuld udgave" not in public and "FORTROLIGT" not in public
    assert blocks(item_part(full, "3"))[:3] == [
        "# Punkt 3: Lukket: Køb af ejendom på Hvidovrevej",
        "**Lukket punkt.** Behandlet for lukkede døre. Må ikke offentliggøres.",
        "Sagsnr.: 82.02.00G01-3-17",
    ]
    assert blocks(item_part(full, "4"))[1] == (
        "**Lukket punkt.** Behandlet for lukkede døre. Må ikke offentliggøres. Titlen er fortrolig. "
        "Udfaldet er fortroligt."
    )
    assert "Sælger ønsker 4.200.000 kr." in full


def test_public_lukket_item_shows_title_outcome_votes_and_absence_only(public):
    assert blocks(item_part(public, "3")) == [
        "# Punkt 3: Lukket: Køb af ejendom på Hvidovrevej",
        "**Lukket punkt.** Behandlet for lukkede døre.",
        "## Beslutning",
        "**Godkendt.**",
        "1. Godkendt",
        "**Afstemning om indstillingen:** For stemte: A (2), O (1). Imod stemte: Ø (1). Undlod at stemme: ingen. "
        "Indstillingen blev vedtaget med 3 stemmer mod 1.",
        "**Tilføjelse 2. juni 2017.**",
    ]
    assert blocks(item_part(public, "4")) == [
        "# Punkt 4: Lukket punkt",
        "**Lukket punkt.** Behandlet for lukkede døre.",
        "## Beslutning",
    ]


def test_decisions_only_has_beslutning_attendance_and_votes_but_no_dagsorden(meeting):
    text = render_markdown(meeting, decisions_only=True)
    assert blocks(text)[0] == "# Beslutningsprotokol: Arbejdsmarkedsudvalget"
    assert "## Deltagere" in text and "## Fraværende med afbud" in text
    for absent in (
        "## Beslutningstema",
        "## Sagsfremstilling",
        "## Indstilling",
        "## Bilag",
        "Bilagsoversigt",
        "Indholdsfortegnelse",
        "første trin",
    ):
        assert absent not in text
    part = item_part(text, "2")
    assert "**Anbefales.**" in part and "For stemte: A (2), Ø (1)." in part
    assert "## Fraværende\n\n- Jan Kongebro (A)\n- Mikail Erman (A), sag 2-3\n" in text
    assert text.rstrip().endswith("med forbehold: punkt 2 er gengivet for kort")


# --- hostile text ----------------------------------------------------------------------


HOSTILE_TITLES = [
    "# Punkt 9: Falsk",
    "**fed** _kursiv_",
    "a | b | c",
    "<script>alert(1)</script>",
    "`kode`",
    "1. behandling",
    "- liste",
    "> citat",
    "Lukket: ikke lukket",
    "Titel ##",
    "[x](javascript:y)",
]


def test_hostile_titles_and_decisions_render_as_their_text():
    items = [
        Item(
            str(n),
            title,
            decision=Decision(title, f"# Punkt 99: {title}\n1. {title}", [title]),
            sections=[Section(title, f"## Beslutning\n# Punkt 98: {title}")],
            attachments=[Attachment(title)],
        )
        for n, title in enumerate(HOSTILE_TITLES, 1)
    ]
    text = render_markdown(Meeting(committee="Udvalg <b>", status="hævet", items=items), public=False)
    found = headings(text)
    h1 = [content for tag, content in found if tag == "h1"]
    assert h1 == (
        ["Referat: Udvalg <b>"]
        + [f"Punkt {n}: {t}" for n, t in enumerate(HOSTILE_TITLES, 1)]
        + ["Bilagsoversigt", "Underskriftsblad"]
    )
    h2 = [content for tag, content in found if tag == "h2"]
    assert h2.count("Beslutning") == len(HOSTILE_TITLES)
    tokens = MARKDOWN.parse(text)
    assert not [t for t in tokens if t.type in ("html_block", "fence", "code_block", "table_open", "blockquote_open")]
    inline_types = {child.type for t in tokens for child in (t.children or [])}
    assert inline_types <= {"text", "softbreak", "strong_open", "strong_close"}
    for title in HOSTILE_TITLES:
        shown = {literal(t) for t in tokens if t.type == "inline"}
        assert f"{title}." in shown and f"# Punkt 99: {title}" in {line for s in shown for line in s.split("\n")}


def test_open_title_starting_with_lukket_is_escaped_and_reserved_heading_is_a_reference():
    item = Item("1", "Lukket: vej", sections=[Section("Beslutning", "Tekst.")])
    text = render_markdown(Meeting(committee="U", items=[item]))
    assert "# Punkt 1: Lukket\\: vej" in text
    assert "## &#66;eslutning" in text
    assert ("h2", "Beslutning") in headings(text)
    assert "**Lukket punkt.**" not in text


def test_free_text_that_reads_like_a_structural_line_is_escaped():
    decision = Decision(None, "Afbud: ingen\nAnna deltog ikke i behandlingen af punktet.")
    text = render_markdown(Meeting(committee="U", items=[Item("1", "Budget", decision=decision)]))
    assert "Afbud\\: ingen\nAnna deltog ikke i behandlingen af punktet\\.\n" in text


def test_public_is_the_default(meeting, public):
    assert render_markdown(meeting) == public
    assert "Sælger ønsker" not in public


def test_amendment_vote_subject_always_says_aendringsforslag():
    votes = [
        Vote("forslag fra Ø om halv bevilling", ["Ø"], ["A"], [], kind=VOTE_ON_AMENDMENT),
        Vote("", ["V"], [], [], kind=VOTE_ON_AMENDMENT),
        Vote("Ændringsforslag fra V", ["V"], [], [], kind=VOTE_ON_AMENDMENT),
    ]
    text = render_markdown(Meeting(committee="U", items=[Item("1", "Budget", votes=votes)]))
    assert "**Afstemning om ændringsforslag (forslag fra Ø om halv bevilling):** For stemte: Ø." in text
    assert "**Afstemning om ændringsforslag:** For stemte: V." in text
    assert "**Afstemning om ændringsforslag fra V:**" in text


def test_item_absences_are_listed_in_roster_order():
    members = [Member("Anna Holm", "A", attendance=PRESENT), Member("Bo Berg", "V", attendance=PRESENT)]
    item = Item(
        "1",
        "Budget",
        decision=Decision("Godkendt"),
        absent=["Bo Berg (V)"],
        absences=[ItemAbsence("Anna Holm (A)", "inhabil")],
    )
    text = render_markdown(Meeting(committee="U", status="hævet", members=members, items=[item]), public=False)
    assert "## Fraværende\n\n- Anna Holm (A), sag 1\n- Bo Berg (V), sag 1\n" in text
    assert "## Beslutning\n\nAnna Holm (A) deltog ikke i behandlingen af punktet. Årsag (intern): inhabil\n\n" in text
    assert "Bo Berg (V) deltog ikke" not in text


def test_a_hastesag_says_so_in_every_edition_and_survives_the_database(db):
    meeting = sample_meeting()
    meeting.items[4].urgent = True
    meeting.items[3].urgent = True  # lukket: that it was a hastesag is not content
    for public in (True, False):
        text = render_markdown(meeting, public=public)
        assert blocks(item_part(text, "5"))[:2] == [
            "# Punkt 5: Eventuelt",
            "**Hastesag.** Optaget på dagsordenen under mødet.",
        ]
        assert "**Hastesag.**" in item_part(text, "4")
        assert "**Hastesag.**" not in item_part(text, "3")
    loaded = load_meeting(db, save_meeting(db, meeting))
    assert [item.urgent for item in loaded.items] == [False, False, False, True, True]


def test_an_indstilling_keeps_the_source_form_of_its_points(shared_referater):
    """Rødovre writes a lone 'at …' without a number and several points numbered; Hvidovre numbers even one."""
    from store.importing import parse_file

    roedovre = render_markdown(parse_file(shared_referater / "roedovre-beu-2020-08-11.txt"))
    read = MarkdownIt("commonmark").render
    lone = item_part(roedovre, "29")
    assert "Social- og Sundhedsforvaltningen indstiller,\n\n&#97;t meddelelsespunkterne forelægges" in lone
    assert "<p>at meddelelsespunkterne forelægges til orientering.</p>" in read(lone)
    assert "<ol>" not in read(lone.split("## Beslutning")[0])
    assert "\n1. at der igangsættes en proces" in item_part(roedovre, "30")
    hvidovre = render_markdown(parse_file(shared_referater / "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"))
    assert "\n1. at træffe beslutning om deltagelse i JobCAMP 2017." in hvidovre


def test_unnumbered_points_survive_the_database(db):
    item = Item(
        "1",
        "Budget",
        sections=[Section("Indstilling", "Forvaltningen indstiller,", RECOMMENDATION_SECTION)],
        recommendation=["at budgettet godkendes,", "at der følges op."],
        recommendation_numbered=False,
    )
    meeting_id = save_meeting(db, Meeting(committee="U", items=[item]))
    text = render_markdown(load_meeting(db, meeting_id))
    assert "Forvaltningen indstiller,\n\n&#97;t budgettet godkendes,\n\n&#97;t der følges op.\n" in text


def test_a_member_at_the_meeting_who_missed_every_item_is_only_listed_as_absent():
    """Rødovre: 'Fraværende: Jan Kongebro (A), sag 29-34' — and not also among the Deltagere."""
    from store.importing import parse_text

    members = [
        Member("Anna Holm", "A", attendance=PRESENT),
        Member("Jan Kongebro", "A", attendance=PRESENT),
        Member("Bo Berg", "V", attendance=PRESENT),
    ]
    items = [
        Item(str(n), f"Sag {n}", decision=Decision("Godkendt"), absences=[ItemAbsence("Jan Kongebro (A)")])
        for n in (29, 30, 31)
    ]
    items[0].absences.append(ItemAbsence("Bo Berg (V)"))
    text = render_markdown(Meeting(committee="U", status="hævet", members=members, items=items))
    assert (
        "## Deltagere\n\n- Anna Holm (A)\n- Bo Berg (V)\n\n## Fraværende\n\n- Jan Kongebro (A), sag 29-31\n"
        "- Bo Berg (V), sag 29\n" in text
    )
    assert "- Jan Kongebro" not in text[text.index("# Underskriftsblad") :]
    assert render_markdown(parse_text(text, "eksport.md")) == text
