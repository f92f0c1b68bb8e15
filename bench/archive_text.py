"""Synthetic Danish committee text for bench/archive.py: committees, titles, sections, indstilling, decisions.

Everything is drawn from a seeded `random.Random`, so the same seed gives the same archive.  The words
and sentences are composed to read like a municipal dagsorden (lengths as in real referater: titles
40–120 characters, sections 500–3,000), so full-text search meets realistic term frequencies.
"""

from __future__ import annotations

import random

MUNICIPALITY = "Hvidovre Kommune"
COMMITTEES = (
    "Arbejdsmarkedsudvalget", "Beskæftigelsesudvalget", "Børne- og Skoleudvalget", "Økonomiudvalget",
    "Social- og Sundhedsudvalget", "Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget",
    "Ældre- og Handicapudvalget", "Plan- og Boligudvalget", "Klima- og Miljøudvalget", "Integrationsudvalget",
    "Erhvervs- og Turismeudvalget", "Uddannelsesudvalget", "Sundheds- og Forebyggelsesudvalget",
    "Trafik- og Vejudvalget", "Ejendomsudvalget", "Digitaliseringsudvalget", "Familie- og Ungeudvalget",
    "Landdistriktsudvalget", "Beredskabskommissionen",
)
FIRST_NAMES = ("Anne", "Bo", "Camilla", "Dorthe", "Erik", "Frederik", "Gitte", "Hanne", "Ib", "Jens", "Karina",
               "Lars", "Mette", "Niels", "Ole", "Pernille", "Rasmus", "Susanne", "Torben", "Ulla", "Vibeke",
               "Søren", "Birthe", "Jørgen", "Kirsten", "Morten", "Lene", "Henrik", "Tina", "Poul", "Åse")
LAST_NAMES = ("Andersen", "Bech", "Christensen", "Dahl", "Egholm", "Frandsen", "Gregersen", "Holm", "Iversen",
              "Jørgensen", "Kjær", "Lund", "Mortensen", "Nørgaard", "Overgaard", "Poulsen", "Rasmussen",
              "Sørensen", "Thygesen", "Ulriksen", "Vestergaard", "Winther", "Østergaard", "Ågaard", "Bækgaard")
PARTIES = "AAAVVVOFFØCBI"
TOPICS = (
    "kontanthjælpsloftet", "beskæftigelsesindsatsen", "budgetopfølgningen", "integrationsydelsen",
    "ressourceforløb", "jobafklaringsforløb", "sygedagpengeområdet", "ungdomsuddannelsen", "fleksjobordningen",
    "virksomhedspraktik", "løntilskudsordningen", "kvalitetsrapporten", "skolestrukturen", "dagtilbudsområdet",
    "specialundervisningen", "inklusionsindsatsen", "hjemmeplejen", "plejeboligerne", "genoptræningen",
    "handicapområdet", "lokalplanen for bydelscentret", "klimatilpasningen", "spildevandsplanen",
    "affaldsordningen", "vejvedligeholdelsen", "cykelstiplanen", "kollektiv trafik", "idrætsfaciliteterne",
    "biblioteksbetjeningen", "foreningstilskuddet", "erhvervsservicen", "turismestrategien",
    "digitaliseringsstrategien", "ejendomsvedligeholdelsen", "energirenoveringen", "beredskabsplanen",
    "anbringelsesområdet", "forebyggelsesindsatsen", "sundhedspolitikken", "boligsocial helhedsplan",
)
TITLE_OPENINGS = (
    "Budgetopfølgning pr. {date} for {topic}", "Godkendelse af {topic} {year}",
    "Orientering om status på {topic}", "Frigivelse af anlægsbevilling til {topic}",
    "Evaluering af {topic} {year}", "Høring om {topic}", "Temadrøftelse om {topic}",
    "Forslag til ændring af {topic}", "Kvartalsrapport for {topic}, {quarter}. kvartal {year}",
    "Takster for {topic} {year}", "Udbud af opgaver vedrørende {topic}", "Tilsynsrapport om {topic} {year}",
    "Ansøgning om tilskud til {topic}", "Handleplan for {topic} {year}-{next_year}",
)
TITLE_TAILS = (
    " i {committee}s område", " med forslag til prioritering", " efter høringsperioden",
    " og opfølgning på tidligere beslutning", " samt budgetmæssige konsekvenser", " for borgere over 65 år",
    " i Avedøre og Friheden", " (genoptaget fra sidste møde)",
)
CLOSED_TITLES = ("Lukket punkt: Personalesag", "Lukket punkt: Køb af ejendom", "Lukket punkt: Klagesag",
                 "Lukket punkt: Udbud – tildeling af kontrakt", "Lukket punkt: Erstatningssag")
SECTION_HEADINGS = ("Sagsfremstilling", "Beslutningstema", "Retsgrundlag", "Økonomiske konsekvenser",
                    "Høring", "Vurdering", "Tidsplan", "Kommunikation")
SUBJECTS = ("Forvaltningen", "Center for Arbejdsmarked", "Jobcentret", "Center for Økonomi og Styring",
            "Direktionen", "Udvalget", "Kommunalbestyrelsen", "Styregruppen", "Ankestyrelsen",
            "Beskæftigelsesministeriet", "Social- og Indenrigsministeriet", "KL", "Center for Børn og Familier")
VERBS = ("vurderer", "anbefaler", "har undersøgt", "foreslår", "forventer", "har drøftet", "bemærker",
         "har beregnet", "understreger", "har gennemgået", "orienterer om", "har modtaget")
OBJECTS = ("mindreudgifter på {amount} mio. kr.", "merudgifter på {amount} mio. kr.",
           "et fald i antallet af ledige på {pct} pct.", "en stigning i sygefraværet på {pct} pct.",
           "behovet for en styrket beskæftigelsesindsats", "konsekvenserne af kontanthjælpsloftet",
           "en ny model for budgetopfølgning", "de lovgivningsmæssige rammer", "høringssvarene fra handicaprådet",
           "mulighederne for at søge puljemidler", "en tættere dialog med de lokale virksomheder",
           "at rådighedsbeløbet frigives i {year}", "en forsinkelse af anlægsprojektet",
           "at servicerammen overholdes", "den demografiske udvikling frem mod {next_year}")
CONNECTIVES = ("Det betyder, at", "Samtidig gælder, at", "Forvaltningen bemærker desuden, at",
               "På den baggrund vurderes det, at", "Hertil kommer, at", "Det skal bemærkes, at")
CLAUSES = ("indsatsen målrettes borgere, der har været ledige i mere end et år",
           "udgifterne afholdes inden for den eksisterende ramme", "sagen genoptages på næste møde",
           "der følges op i forbindelse med budgetlægningen for {next_year}",
           "handicaprådet og ældrerådet er hørt", "ændringen træder i kraft den 1. januar {next_year}",
           "antallet af helårspersoner på kontanthjælp er faldet med {pct} pct. siden {year}",
           "de statslige refusionsregler indebærer en merudgift for kommunen",
           "projektet gennemføres i samarbejde med de lokale boligorganisationer",
           "opgaven sendes i udbud efter reglerne i udbudsloven")
RECOMMENDATIONS = ("at orienteringen tages til efterretning", "at budgetopfølgningen godkendes",
                   "at anlægsbevillingen på {amount} mio. kr. frigives", "at sagen sendes i høring",
                   "at handleplanen godkendes og oversendes til Økonomiudvalget",
                   "at taksterne for {next_year} godkendes", "at forvaltningen udarbejder en ny model",
                   "at merudgiften finansieres af kassebeholdningen", "at kvalitetsrapporten godkendes")
DECISION_TEXTS = ("Indstillingen blev godkendt med den ændring, at sagen genoptages i {next_year}.",
                  "Udvalget ønsker en uddybende redegørelse for udgifterne til beskæftigelsesindsatsen.",
                  "Anbefales over for Økonomiudvalget med bemærkning om kontanthjælpsloftet.",
                  "Udvalget drøftede sagen og bad forvaltningen om en status inden sommerferien.")
REMARK_TEXTS = ("Kan ikke anbefale indstillingen, da besparelsen rammer de svageste ledige.",
                "Ønsker ført til protokols, at høringssvarene ikke er tilstrækkeligt belyst.",
                "Mener, at beskæftigelsesindsatsen bør styrkes frem for at reducere budgettet.")
ATTACHMENTS = ("Notat om økonomi (pdf)", "Høringssvar (pdf)", "Tidsplan (pdf)", "Kvartalsrapport (pdf)",
               "Bilag 1 – Oversigt over nøgletal (xlsx)", "Beskrivelse af projektet (pdf)")


def _fill(rng: random.Random, template: str, year: int, committee: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS), year=year, next_year=year + 1, quarter=rng.randint(1, 4),
        date=f"{rng.choice((31, 30))}. {rng.choice(('marts', 'juni', 'september'))} {year}",
        amount=f"{rng.randint(1, 95)},{rng.randint(0, 9)}", pct=rng.randint(2, 28), committee=committee,
    )


def title(rng: random.Random, year: int, committee: str) -> str:
    """An item title of 40–120 characters."""
    text = _fill(rng, rng.choice(TITLE_OPENINGS), year, committee)
    for template in rng.sample(TITLE_TAILS, len(TITLE_TAILS)):
        if len(text) >= 40 and (len(text) >= 80 or rng.random() < 0.5):
            break
        tail = _fill(rng, template, year, committee)
        if len(text) + len(tail) <= 120:
            text += tail
    return text if len(text) >= 40 else (text + " – opfølgning og videre proces")[:120]


def closed_title(rng: random.Random) -> str:
    """The title of a lukket item."""
    return rng.choice(CLOSED_TITLES)


def sentence(rng: random.Random, year: int, committee: str) -> str:
    """One sentence of sagsfremstilling."""
    if rng.random() < 0.5:
        text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    else:
        text = f"{rng.choice(CONNECTIVES)} {rng.choice(CLAUSES)}"
    return _fill(rng, text, year, committee).rstrip(".") + "."


def section_text(rng: random.Random, year: int, committee: str, low: int = 500, high: int = 3000) -> str:
    """Paragraphs of sentences, `low`–`high` characters long."""
    target = rng.randint(low, high)
    paragraphs, paragraph, length = [], [], 0
    while length < target:
        words = sentence(rng, year, committee)
        paragraph.append(words)
        length += len(words) + 1
        if len(paragraph) >= rng.randint(3, 6):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs)


def recommendation(rng: random.Random, year: int, committee: str) -> list[str]:
    """One to three indstilling points ('at …')."""
    return [_fill(rng, text, year, committee) + "." for text in rng.sample(RECOMMENDATIONS, rng.randint(1, 3))]


def decision_text(rng: random.Random, year: int, committee: str) -> str:
    """A free-text beslutning."""
    return _fill(rng, rng.choice(DECISION_TEXTS), year, committee)


def remark_text(rng: random.Random) -> str:
    """A protokolbemærkning."""
    return rng.choice(REMARK_TEXTS)


def attachments(rng: random.Random) -> list[str]:
    """Zero to three bilag titles."""
    return rng.sample(ATTACHMENTS, rng.randint(0, 3))


def person_name(rng: random.Random) -> str:
    """A Danish first and last name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
