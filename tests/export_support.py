"""Hand-built meetings for the export tests (Hvidovre/Herlev-like, with every kind of record)."""

from __future__ import annotations

import datetime as dt

from store.model import (
    ABSENT,
    CARRIED,
    CHAIR,
    DEFEATED,
    PRESENT,
    RECOMMENDATION_SECTION,
    SENT_APOLOGIES,
    SUBSTITUTE,
    VICE_CHAIR,
    VOTE_ON_AMENDMENT,
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


def sample_meeting() -> Meeting:
    """A held meeting: chair, late arrival, afbud with stedfortræder, inhabilitet, votes, lukket items."""
    return Meeting(
        committee="Arbejdsmarkedsudvalget",
        date=dt.date(2017, 5, 29),
        municipality="Hvidovre Kommune",
        start="15:00",
        end="16:45",
        location="Belægningen",
        status="hævet",
        members=[
            Member("Mikail Erman", "A", attendance=PRESENT),
            Member("Benthe Viola Holm", "A", CHAIR, PRESENT),
            Member("Ivan Fogtmann", "O", VICE_CHAIR, PRESENT, arrived_at="15:50", arrived_item="2"),
            Member("Ømer Kuscu", "A", attendance=SENT_APOLOGIES),
            Member("Birgitte Glifberg", "A", attendance=SUBSTITUTE, substitute_for="Ømer Kuscu"),
            Member(
                "Mogens Leo Hansen", "Ø", attendance=PRESENT, note="deltog via video", left_at="17:00", left_item="4"
            ),
            Member("Jan Kongebro", "A", attendance=ABSENT),
        ],
        items=[
            Item("1", "Godkendelse af dagsorden", decision=Decision("Godkendt"), absent=["Ivan Fogtmann (O)"]),
            Item(
                "2",
                "Beslutning om projektet Flere skal med",
                case_number="15/11238",
                sections=[
                    Section("Beslutningstema", "Center for Beskæftigelse har udarbejdet sagsfremstillingen."),
                    Section("Indstilling", "Direktøren indstiller til Arbejdsmarkedsudvalget", RECOMMENDATION_SECTION),
                    Section(
                        "Sagsfremstilling",
                        "Projektet er en toårig indsats.\n\n- første trin\n- andet trin\n\n"
                        "### Økonomi\n\nUdbetalingsraterne er fordelt over tre år.",
                    ),
                ],
                recommendation=["at godkende deltagelse i projektet.", "at give en bevilling på 2.500.000 kr."],
                decision=Decision("Anbefales", "Forvaltningen orienterede om tidsplanen.", ["Anbefales", "Anbefales"]),
                votes=[
                    Vote("indstillingen", ["A", "Ø"], ["O"], [], CARRIED),
                    Vote(
                        "ændringsforslag fra Ø om halv bevilling",
                        ["Ø"],
                        ["A", "O"],
                        [],
                        DEFEATED,
                        kind=VOTE_ON_AMENDMENT,
                    ),
                ],
                remarks=[Remark(["Mogens Leo Hansen"], "afvigende mening", "Projektet er for dyrt.")],
                absences=[ItemAbsence("Mikail Erman (A)", "inhabil: ægtefælle ansat i projektet")],
                attachments=[
                    Attachment("Idékatalog - ARU den 29. maj 2017 (pdf)"),
                    Attachment("Prisoverslag fra leverandør", public=False),
                ],
                amendments=[Amendment("Bevillingen er 2,5 mio. kr.", "2017-06-02T10:00:00", "Tastefejl")],
            ),
            Item(
                "3",
                "Køb af ejendom på Hvidovrevej",
                public=False,
                case_number="82.02.00G01-3-17",
                sections=[Section("Sagsfremstilling", "Sælger ønsker 4.200.000 kr. for ejendommen.")],
                recommendation=["at købe ejendommen for 4.200.000 kr."],
                decision=Decision("Godkendt", "Borgmesteren forhandler prisen.", ["Godkendt"]),
                votes=[Vote("købet til 4,2 mio. kr.", ["A", "O"], ["Ø"], [], CARRIED)],
                remarks=[Remark(["Mogens Leo Hansen"], "afvigende mening", "Prisen er for høj for Hvidovrevej.")],
                absences=[ItemAbsence("Mikail Erman (A)", "inhabil: nabo til ejendommen")],
                attachments=[Attachment("Vurderingsrapport Hvidovrevej")],
                amendments=[Amendment("Købesummen rettet til 4,1 mio. kr.", "2017-06-02T11:00:00", "Fejl")],
            ),
            Item(
                "4",
                "Personalesag",
                public=False,
                title_confidential=True,
                outcome_confidential=True,
                sections=[Section("Sagsfremstilling", "Medarbejder med CPR 010203-1234 er sygemeldt.")],
                decision=Decision("Afskediget", "Opsigelse med tre måneders varsel."),
            ),
            Item("5", "Eventuelt", postponed=True),
        ],
        approvals=[
            Approval("Benthe Viola Holm (A)", "2017-05-30T09:15:00"),
            Approval("Ivan Fogtmann", "2017-05-30T10:00:00", "punkt 2 er gengivet for kort"),
        ],
    )
