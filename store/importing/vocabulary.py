"""The words of Danish dagsordener and referater that the parser recognises.

Section headings vary by municipality for the same thing; this module holds
the synonyms, the decision phrases, the labels of the meeting header and the
patterns for names with party letters, dates and times.
"""

from __future__ import annotations

import re

from store.dates import MONTHS
from store.model import DEFAULT_VOCABULARY

# --- section headings -------------------------------------------------------------

TEXT, RECOMMENDATION, DECISION, ATTACHMENTS = "text", "indstilling", "beslutning", "bilag"

_TEXT_HEADINGS = (
    # what the case is about
    "resume",
    "resumé",
    "sagsresume",
    "sagsresumé",
    "beslutningstema",
    "sagens kerne",
    "kort om sagen",
    "sammenfatning",
    "baggrund",
    "sagens baggrund",
    # the case itself
    "sagsfremstilling",
    "uddybende sagsfremstilling",
    "supplerende sagsfremstilling",
    "sagsbeskrivelse",
    "sagens indhold",
    "vurdering",
    "forvaltningens vurdering",
    "administrationens vurdering",
    "direktionens vurdering",
    "høring",
    "høringssvar",
    "kommunikation",
    "videre proces",
    "tidsplan",
    "tids- og procesplan",
    "sagens forløb",
    "sagsgang og sagstype",
    "sagsgang",
    "sagstype",
    "uddybende bemærkninger",
    "bemærkninger",
    "kompetence",
    "sagsfremstilling og økonomi",
    # law, money, competence, policy
    "retsgrundlag",
    "lovgrundlag",
    "lov- og plangrundlag",
    "lovhjemmel",
    "juridiske forhold",
    "økonomi",
    "økonomiske konsekvenser",
    "økonomi og finansiering",
    "økonomiske forhold",
    "finansiering",
    "bevillingsmæssige konsekvenser",
    "personalemæssige konsekvenser",
    "beslutningskompetence",
    "kompetenceforhold",
    "politiske beslutninger og aftaler",
    "tidligere beslutninger",
    "politisk behandling",
    "bæredygtighed",
    "klimakonsekvenser",
    "miljøvurdering",
    "borgerinddragelse",
    "handicappolitiske konsekvenser",
    "sundhedsmæssige konsekvenser",
)
_RECOMMENDATION_HEADINGS = (
    "indstilling",
    "indstillinger",
    "forslag til beslutning",
    "forslag til indstilling",
    "indstilling fra forvaltningen",
    "administrationens indstilling",
    "forvaltningens indstilling",
    "direktionens indstilling",
    "indstilling fra direktionen",
    "indstilling fra administrationen",
    "indstilling fra direktøren",
    "direktørens indstilling",
    "indstilling fra borgmesteren",
    "borgmesterens indstilling",
    "indstilling fra udvalget",
    "udvalgets indstilling",
)
_ATTACHMENT_HEADINGS = ("bilag", "bilagsliste", "bilagsfortegnelse", "vedhæftede bilag", "bilag til punktet")

SECTION_HEADINGS: dict[str, str] = {
    **{h: TEXT for h in _TEXT_HEADINGS},
    **{h: RECOMMENDATION for h in _RECOMMENDATION_HEADINGS},
    **{h: ATTACHMENTS for h in _ATTACHMENT_HEADINGS},
}

# "Forvaltningen indstiller", "Direktøren indstiller, at", "Teknik og Miljø indstiller:"
RECOMMENDS = re.compile(
    r"^(?:[\wæøåÆØÅ.\-]+\s+){1,5}indstiller(?:\s+til\s+[^,.:]{2,80}?)?(?:\s*,?\s*at)?\s*:?$", re.IGNORECASE
)

# Bodies that take decisions, to tell "Beslutning i Arbejdsmarkedsudvalget" from "Beslutning i sagen …".
BODY_WORD = (
    r"(?:udvalg(?:et)?|bestyrelsen|byrådet|rådet|råd|direktionen|repræsentationen|forsamlingen|borgerrepræsentationen)"
)

# A decision heading's owner that names no particular body ('Udvalgets beslutning'): the meeting's own.
GENERIC_BODIES = frozenset(("udvalget", "udvalgets", "byrådet", "rådet", "mødet", "bestyrelsen"))

# Documents end their last item here (what follows are the bilag themselves or signatures).
TERMINATORS = ("bilagsoversigt", "oversigt over bilag", "bilag til referatet", "underskrifter", "underskriftsside")

# A table of contents stands under one of these; its entries are matched to the item bodies that follow.
CONTENTS_HEADINGS = (
    "indholdsfortegnelse",
    "indhold",
    "punkter",
    "dagsorden",
    "dagsordenspunkter",
    "oversigt",
    "åbne punkter",
    "lukkede punkter",
    "punkter til dagsorden",
    "oversigtsdagsorden",
)

# Headings that group the items after them ('Lukkede sager', 'Sager til orientering'): (access, kind) of each.
ITEM_GROUPS: dict[str, tuple[str | None, str | None]] = {
    "åbne sager": ("open", None),
    "åbne punkter": ("open", None),
    "åben dagsorden": ("open", None),
    "åbent møde": ("open", None),
    "lukkede sager": ("closed", None),
    "lukkede punkter": ("closed", None),
    "lukket dagsorden": ("closed", None),
    "lukket møde": ("closed", None),
    "fortrolige punkter": ("closed", None),
    "fortrolige sager": ("closed", None),
    "sager til beslutning": (None, "beslutning"),
    "beslutningssager": (None, "beslutning"),
    "punkter til beslutning": (None, "beslutning"),
    "sager til orientering": (None, "orientering"),
    "orienteringssager": (None, "orientering"),
    "punkter til orientering": (None, "orientering"),
}

# --- lukket items ------------------------------------------------------------------------

# What marks an item (or a bilag) as lukket: before or after the title, in brackets, or on a line under it.
CLOSED_MARKS = (
    "lukket",
    "lukket punkt",
    "lukket sag",
    "lukket møde",
    "lukket dagsordenspunkt",
    "lukket for offentligheden",
    "fortrolig",
    "fortroligt",
    "fortroligt punkt",
    "fortrolig sag",
    "fortroligt dagsordenspunkt",
    "ikke offentlig",
    "ikke offentligt",
    "ikke offentligt punkt",
    "lukket behandling",
)
OPEN_WORDS = ("åben", "åbent", "offentlig", "offentligt")
OPEN_MARKS = (*OPEN_WORDS, "åben sag", "åbent punkt", "åben punkt", "åbent dagsordenspunkt", "offentligt punkt")
# A word that may mean lukket where no marker says so: such an item is imported as lukket, and the import says so.
CLOSED_WORD = re.compile(r"\b(?:lukket|lukkede|fortrolig[te]?|fortrolighed)\b", re.IGNORECASE)

# --- decisions -----------------------------------------------------------------------

OUTCOMES: tuple[str, ...] = tuple(
    dict.fromkeys(
        (
            *DEFAULT_VOCABULARY,
            "Indstillingen tiltrådt",
            "Indstillingen godkendt",
            "Indstillingen anbefales",
            "Orienteringen taget til efterretning",
            "Drøftet og taget til efterretning",
            "Taget til orientering",
            "Anbefales godkendt",
            "Indstilles godkendt",
            "Godkendt som indstillet",
            "Tiltrådt som indstillet",
            "Sagen sendes tilbage til forvaltningen",
            "Sagen udsat",
            "Intet",
            "Protokollen blev underskrevet",
            "Vedtaget",
            "Vedtaget som indstillet",
            "Anbefalet",
            "Til efterretning",
            "Taget til orientering",
            "Godkendt med bemærkninger",
            "Indstillingen vedtaget",
            "Forslaget vedtaget",
            "Forkastet",
            "Bortfaldet",
            "Sagen trukket",
            "Sagen blev trukket",
            "Sagen blev udsat",
            "Orienteringen blev taget til efterretning",
            "Indstillingen blev godkendt",
            "Indstillingen blev tiltrådt",
            "Oversendt",
            "Drøftet og godkendt",
            "Afvist",
            "Meddelt",
        )
    )
)
_OUTCOME_KEYS = {phrase.lower(): phrase for phrase in OUTCOMES}
# Standard phrases that name where the case goes next: kept as printed.
OUTCOME_PREFIXES = re.compile(
    r"^(?:oversendt til|oversendes til|anbefales over ?for|indstilles over ?for|sendes videre til)\s+\S.{0,120}$",
    re.IGNORECASE,
)


def standard_outcome(sentence: str) -> str | None:
    """The vocabulary phrase a sentence is ('tiltrådt.' -> 'Tiltrådt'), or None."""
    key = sentence.strip().rstrip(".!").strip()
    if key.lower() in _OUTCOME_KEYS:
        return _OUTCOME_KEYS[key.lower()]
    if OUTCOME_PREFIXES.match(key):
        return key
    return None


# --- the meeting header ----------------------------------------------------------------

MEMBER_HEADINGS = {
    "medlemmer": "present",
    "udvalgsmedlemmer": "present",
    "deltagere": "present",
    "mødedeltagere": "present",
    "til stede": "present",
    "tilstede": "present",
    "fremmødte": "present",
    "deltagere fra udvalget": "present",
    "afbud": "afbud",
    "fraværende med afbud": "afbud",
    "meldt afbud": "afbud",
    "afbud fra": "afbud",
    "fraværende": "absent",
    "fraværende uden afbud": "absent",
    "ikke til stede": "absent",
    "deltog ikke": "absent",
    "ikke deltagende": "absent",
    "ikke mødt": "absent",
    "udeblev": "absent",
    "deltog": "present",
    "deltagende": "present",
    "mødt": "present",
    "fremmødt": "present",
    "stedfortrædere": "substitute",
    "stedfortræder": "substitute",
    "suppleanter": "substitute",
    "suppleant": "substitute",
    "indkaldte stedfortrædere": "substitute",
}
LABELS = {
    "dato": "date",
    "mødedato": "date",
    "tidspunkt": "time",
    "mødetidspunkt": "time",
    "tid": "time",
    "mødestart": "time",
    "start": "time",
    "starttidspunkt": "time",
    "mødetid": "time",
    "afholdt": "date",
    "sted": "place",
    "mødested": "place",
    "lokale": "place",
    "mødelokale": "place",
    "adresse": "place",
    "udvalg": "committee",
    "forum": "committee",
    "mødeforum": "committee",
    "kommune": "municipality",
    "slut": "end",
    "sluttidspunkt": "end",
    "mødeslut": "end",
    "mødet hævet": "end",
    "start kl": "time",
    "slut kl": "end",
    "starttid": "time",
    "sluttid": "end",
    "mødestart kl": "time",
    "mødeslut kl": "end",
    "mødets start": "time",
    "mødets afslutning": "end",
    "tid og sted": "time",
    "dato og tid": "date",
    "mødedato og tid": "date",
    "mødedato og -tid": "date",
}
# What a title may call the meeting where a committee's name could stand ('Beslutningsprotokol for ordinært møde').
MEETING_KINDS = frozenset(
    (
        "møde",
        "mødet",
        "ordinært møde",
        "ekstraordinært møde",
        "konstituerende møde",
        "temamøde",
        "fællesmøde",
        "budgetseminar",
        "budgetmøde",
        "ordinært",
        "ekstraordinært",
    )
)
# A member table's columns: 'Medlem | Parti | Fremmøde'; attendance values are the member-list headings.
ROSTER_COLUMNS = {
    "medlem": "name",
    "medlemmer": "name",
    "navn": "name",
    "deltager": "name",
    "udvalgsmedlem": "name",
    "parti": "party",
    "liste": "party",
    "partibogstav": "party",
    "fremmøde": "attendance",
    "status": "attendance",
    "deltagelse": "attendance",
    "til stede": "attendance",
    "fremmødt": "attendance",
    "bemærkning": "attendance",
}
# Labels specific enough to be recognised without a colon or bold marks.
COMPOUND_LABELS = ("mødedato", "mødested", "mødetidspunkt")
DOCUMENT_KINDS = r"(?:referat|dagsorden|beslutningsprotokol|mødereferat|protokol|åben dagsorden|lukket dagsorden)"

# Lines a web page puts around the text; removed wherever they stand alone.
WEB_CHROME = frozenset(
    (
        "accepter cookies",
        "accepter alle cookies",
        "afvis cookies",
        "nej tak til cookies",
        "tillad alle",
        "til toppen",
        "tilbage til toppen",
        "udskriv",
        "print",
        "del",
        "del på facebook",
        "del på linkedin",
        "gå til indhold",
        "spring til indhold",
        "luk",
        "læs mere",
        "læs op",
        "menu",
        "søg",
        "tilbage",
        "fold alle ud",
        "fold alle punkter",
        "fold alle punkter ud",
        "fold alle sammen",
        "vis alle",
        "skjul alle",
        "forside",
        "download",
        "transkript",
        "del siden",
        "kontakt",
    )
)

# Words after a hyphen at a line end that show the hyphen is the writer's own ('Arbejdsmarkeds- og
# Beskæftigelsesområdet'), not a word split by the line break.
SUSPENDED_COMPOUND_WORDS = frozenset(("og", "eller", "samt", "til", "som", "men", "end", "mv", "m.v", "m.fl"))

# --- names, dates, times ------------------------------------------------------------------

PARTY = r"(?:[A-ZÆØÅ]{1,3}|Løsgænger|løsgænger|UP)"
# The national parties by name, as member lists write them instead of the letter ('Anne Hansen, Venstre').
PARTY_NAMES = {
    "socialdemokratiet": "A",
    "socialdemokraterne": "A",
    "radikale venstre": "B",
    "det radikale venstre": "B",
    "radikale": "B",
    "det konservative folkeparti": "C",
    "konservative folkeparti": "C",
    "konservative": "C",
    "de konservative": "C",
    "nye borgerlige": "D",
    "sf": "F",
    "socialistisk folkeparti": "F",
    "sf - socialistisk folkeparti": "F",
    "liberal alliance": "I",
    "kristendemokraterne": "K",
    "moderaterne": "M",
    "dansk folkeparti": "O",
    "venstre": "V",
    "danmarksdemokraterne": "Æ",
    "enhedslisten": "Ø",
    "alternativet": "Å",
    "slesvigsk parti": "S",
    "løsgænger": "Løsgænger",
}
NAME = r"[A-ZÆØÅÉÜÖÄ][\w'’.\-]*(?:\s+(?:[A-ZÆØÅÉÜÖÄ][\w'’.\-]*|von|van|de|la|af|le|du))*"
# 'Anne Hansen (A)', 'Anne Hansen (A-listen)', 'Anne Hansen (Liste A)'
NAME_WITH_PARTY = re.compile(rf"(?P<name>{NAME}),?\s*\((?:[Ll]iste\s+)?(?P<party>{PARTY})(?:-listen)?\)")

_MONTH = "|".join(m for m in MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
DATE = re.compile(
    rf"\b(?:\d{{1,2}}\.?\s*(?:{_MONTH})\.?\s+\d{{4}}"
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{4}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
MONTH_START = re.compile(rf"^(?:{_MONTH})\b", re.IGNORECASE)
TIME = r"\d{1,2}[.:]\d{2}"
CLOCK = re.compile(rf"\b(?:kl\.?|klokken)\s*({TIME})", re.IGNORECASE)
TIME_RANGE = re.compile(rf"(?:kl\.?\s*)?\b({TIME})\s*(?:-|–|til)\s*(?:kl\.?\s*)?({TIME})\b", re.IGNORECASE)
MEETING_END = re.compile(
    rf"(?:mødet\s+(?:blev\s+)?|\bog\s+)(?:hævet|afsluttet|afsluttedes|sluttede|sluttet|slut)\s*(?:kl\.?|klokken)?\s*:?\s*"
    rf"({TIME})",
    re.IGNORECASE,
)
MEETING_START = re.compile(
    rf"mødet\s+(?:blev\s+)?(?:begyndte|startede|påbegyndt|påbegyndtes|åbnet|sat)\s*(?:kl\.?|klokken)?\s*({TIME})",
    re.IGNORECASE,
)
CLOSING_LINE = re.compile(
    rf"^(?:protokollen\s+(?:blev\s+)?oplæst(?:\s+og\s+godkendt)?\.?\s*)?"
    rf"mødet\s+(?:blev\s+)?(?:hævet|afsluttet|afsluttedes|sluttede|sluttet|slut)\s*(?:kl\.?|klokken)?\s*:?\s*{TIME}\.?$",
    re.IGNORECASE,
)
