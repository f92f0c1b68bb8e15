"""Synthetic Danish committee text for bench/archive.py: committees, titles, sections, indstilling, decisions.

Everything is drawn from a seeded `random.Random`, so the same seed gives the same archive.  The words
and sentences are composed to read like a municipal dagsorden (lengths as in real referater: titles
40–120 characters, sections 500–3,000).  Each item is about one topic: its title and about a third of
its sentences name it, a few draw on two of ASIDES, the rest is the everyday prose of every sag, so
full-text search meets realistic term frequencies (a topic word in a few per cent of the items, an aside
in about one in ten, "forvaltningen" in nearly all).
"""

from __future__ import annotations

import random

MUNICIPALITY = "Hvidovre Kommune"
COMMITTEES = (
    "Arbejdsmarkedsudvalget",
    "Beskæftigelsesudvalget",
    "Børne- og Skoleudvalget",
    "Økonomiudvalget",
    "Social- og Sundhedsudvalget",
    "Teknik- og Miljøudvalget",
    "Kultur- og Fritidsudvalget",
    "Ældre- og Handicapudvalget",
    "Plan- og Boligudvalget",
    "Klima- og Miljøudvalget",
    "Integrationsudvalget",
    "Erhvervs- og Turismeudvalget",
    "Uddannelsesudvalget",
    "Sundheds- og Forebyggelsesudvalget",
    "Trafik- og Vejudvalget",
    "Ejendomsudvalget",
    "Digitaliseringsudvalget",
    "Familie- og Ungeudvalget",
    "Landdistriktsudvalget",
    "Beredskabskommissionen",
)
FIRST_NAMES = (
    "Anne",
    "Bo",
    "Camilla",
    "Dorthe",
    "Erik",
    "Frederik",
    "Gitte",
    "Hanne",
    "Ib",
    "Jens",
    "Karina",
    "Lars",
    "Mette",
    "Niels",
    "Ole",
    "Pernille",
    "Rasmus",
    "Susanne",
    "Torben",
    "Ulla",
    "Vibeke",
    "Søren",
    "Birthe",
    "Jørgen",
    "Kirsten",
    "Morten",
    "Lene",
    "Henrik",
    "Tina",
    "Poul",
    "Åse",
)
LAST_NAMES = (
    "Andersen",
    "Bech",
    "Christensen",
    "Dahl",
    "Egholm",
    "Frandsen",
    "Gregersen",
    "Holm",
    "Iversen",
    "Jørgensen",
    "Kjær",
    "Lund",
    "Mortensen",
    "Nørgaard",
    "Overgaard",
    "Poulsen",
    "Rasmussen",
    "Sørensen",
    "Thygesen",
    "Ulriksen",
    "Vestergaard",
    "Winther",
    "Østergaard",
    "Ågaard",
    "Bækgaard",
)
PARTIES = "AAAVVVOFFØCBI"
TOPICS = (
    "kontanthjælpsloftet",
    "beskæftigelsesindsatsen",
    "budgetopfølgningen",
    "integrationsydelsen",
    "ressourceforløb",
    "jobafklaringsforløb",
    "sygedagpengeområdet",
    "ungdomsuddannelsen",
    "fleksjobordningen",
    "virksomhedspraktik",
    "løntilskudsordningen",
    "kvalitetsrapporten",
    "skolestrukturen",
    "dagtilbudsområdet",
    "specialundervisningen",
    "inklusionsindsatsen",
    "hjemmeplejen",
    "plejeboligerne",
    "genoptræningen",
    "handicapområdet",
    "lokalplanen for bydelscentret",
    "klimatilpasningen",
    "spildevandsplanen",
    "affaldsordningen",
    "vejvedligeholdelsen",
    "cykelstiplanen",
    "kollektiv trafik",
    "idrætsfaciliteterne",
    "biblioteksbetjeningen",
    "foreningstilskuddet",
    "erhvervsservicen",
    "turismestrategien",
    "digitaliseringsstrategien",
    "ejendomsvedligeholdelsen",
    "energirenoveringen",
    "beredskabsplanen",
    "anbringelsesområdet",
    "forebyggelsesindsatsen",
    "sundhedspolitikken",
    "boligsocial helhedsplan",
)
TITLE_OPENINGS = (
    "Budgetopfølgning pr. {date} for {topic}",
    "Godkendelse af {topic} {year}",
    "Orientering om status på {topic}",
    "Frigivelse af anlægsbevilling til {topic}",
    "Evaluering af {topic} {year}",
    "Høring om {topic}",
    "Temadrøftelse om {topic}",
    "Forslag til ændring af {topic}",
    "Kvartalsrapport for {topic}, {quarter}. kvartal {year}",
    "Takster for {topic} {year}",
    "Udbud af opgaver vedrørende {topic}",
    "Tilsynsrapport om {topic} {year}",
    "Ansøgning om tilskud til {topic}",
    "Handleplan for {topic} {year}-{next_year}",
)
TITLE_TAILS = (
    " i {committee}s område",
    " med forslag til prioritering",
    " efter høringsperioden",
    " og opfølgning på tidligere beslutning",
    " samt budgetmæssige konsekvenser",
    " for borgere over 65 år",
    " i Avedøre og Friheden",
    " (genoptaget fra sidste møde)",
)
CLOSED_TITLES = (
    "Lukket punkt: Personalesag",
    "Lukket punkt: Køb af ejendom",
    "Lukket punkt: Klagesag",
    "Lukket punkt: Udbud – tildeling af kontrakt",
    "Lukket punkt: Erstatningssag",
)
SECTION_HEADINGS = (
    "Sagsfremstilling",
    "Beslutningstema",
    "Retsgrundlag",
    "Økonomiske konsekvenser",
    "Høring",
    "Vurdering",
    "Tidsplan",
    "Kommunikation",
)
SUBJECTS = (
    "Forvaltningen",
    "Center for Arbejdsmarked",
    "Jobcentret",
    "Center for Økonomi og Styring",
    "Direktionen",
    "Udvalget",
    "Kommunalbestyrelsen",
    "Styregruppen",
    "Ankestyrelsen",
    "Beskæftigelsesministeriet",
    "Social- og Indenrigsministeriet",
    "KL",
    "Center for Børn og Familier",
)
VERBS = (
    "vurderer",
    "anbefaler",
    "har undersøgt",
    "foreslår",
    "forventer",
    "har drøftet",
    "bemærker",
    "har beregnet",
    "understreger",
    "har gennemgået",
    "orienterer om",
    "har modtaget",
)
OBJECTS = (
    "mindreudgifter på {amount} mio. kr.",
    "merudgifter på {amount} mio. kr.",
    "de lovgivningsmæssige rammer",
    "høringssvarene fra handicaprådet",
    "mulighederne for at søge puljemidler",
    "en tættere dialog med de lokale virksomheder",
    "at rådighedsbeløbet frigives i {year}",
    "en forsinkelse af anlægsprojektet",
    "at servicerammen overholdes",
    "den demografiske udvikling frem mod {next_year}",
)
TOPIC_OBJECTS = (
    "behovet for at styrke {topic}",
    "konsekvenserne for {topic}",
    "en ny model for {topic}",
    "et fald i udgifterne til {topic} på {pct} pct.",
    "en stigning i aktiviteten i {topic}",
    "at {topic} evalueres i {next_year}",
)
CONNECTIVES = (
    "Det betyder, at",
    "Samtidig gælder, at",
    "Forvaltningen bemærker desuden, at",
    "På den baggrund vurderes det, at",
    "Hertil kommer, at",
    "Det skal bemærkes, at",
)
CLAUSES = (
    "udgifterne afholdes inden for den eksisterende ramme",
    "sagen genoptages på næste møde",
    "der følges op i forbindelse med budgetlægningen for {next_year}",
    "ændringen træder i kraft den 1. januar {next_year}",
    "antallet af borgere i målgruppen er faldet med {pct} pct. siden {year}",
    "forvaltningen løbende orienterer udvalget om udviklingen",
)
# Clauses only some sager have: each item draws two of them.
ASIDES = (
    "handicaprådet og ældrerådet er hørt",
    "de statslige refusionsregler indebærer en merudgift for kommunen",
    "projektet gennemføres i samarbejde med de lokale boligorganisationer",
    "opgaven sendes i udbud efter reglerne i udbudsloven",
    "merudgiften finansieres af kassebeholdningen",
    "sagen har været drøftet i MED-udvalget",
    "der er søgt om midler fra satspuljen",
    "borgerne er inddraget gennem et dialogmøde i Avedøre",
    "tilsynet ikke har givet anledning til påbud",
    "sagen afventer Ankestyrelsens principafgørelse",
    "revisionen har anbefalet en skærpet opfølgning",
    "ordningen administreres af Udbetaling Danmark",
    "projektet er forsinket på grund af leverandørsvigt",
    "der er indgået en partnerskabsaftale med erhvervsskolen",
    "Datatilsynet er orienteret om sagen",
    "klagesagen behandles af Planklagenævnet",
    "beløbet indarbejdes i budgetrevisionen",
    "et mindretal i handicaprådet ønsker sagen udsat",
    "kommunen modtager et statsligt tilskud",
    "der er gennemført en konsekvensanalyse",
)
TOPIC_CLAUSES = (
    "indsatsen inden for {topic} målrettes borgere, der har været ledige i mere end et år",
    "{topic} indgår i næste budgetrevision for {year}",
    "{topic} drøftes med de faglige organisationer",
    "forvaltningen vil følge {topic} tæt i resten af {year}",
)
RECOMMENDATIONS = (
    "at orienteringen tages til efterretning",
    "at budgetopfølgningen godkendes",
    "at anlægsbevillingen på {amount} mio. kr. frigives",
    "at sagen sendes i høring",
    "at handleplanen godkendes og oversendes til Økonomiudvalget",
    "at taksterne for {next_year} godkendes",
    "at forvaltningen udarbejder en ny model",
    "at merudgiften finansieres af kassebeholdningen",
    "at kvalitetsrapporten godkendes",
)
DECISION_TEXTS = (
    "Indstillingen blev godkendt med den ændring, at sagen genoptages i {next_year}.",
    "Udvalget ønsker en uddybende redegørelse for udgifterne til {topic}.",
    "Anbefales over for Økonomiudvalget med bemærkning om {topic}.",
    "Udvalget drøftede sagen og bad forvaltningen om en status inden sommerferien.",
)
REMARK_TEXTS = (
    "Kan ikke anbefale indstillingen, da besparelsen rammer de svageste ledige.",
    "Ønsker ført til protokols, at høringssvarene ikke er tilstrækkeligt belyst.",
    "Mener, at beskæftigelsesindsatsen bør styrkes frem for at reducere budgettet.",
)
ATTACHMENTS = (
    "Notat om økonomi (pdf)",
    "Høringssvar (pdf)",
    "Tidsplan (pdf)",
    "Kvartalsrapport (pdf)",
    "Bilag 1 – Oversigt over nøgletal (xlsx)",
    "Beskrivelse af projektet (pdf)",
)


class ItemText:
    """The text of one item of a committee's meeting in `year`, about one topic."""

    def __init__(self, rng: random.Random, year: int, committee: str) -> None:
        self.rng, self.year, self.committee = rng, year, committee
        self.topic = rng.choice(TOPICS)
        self.asides = rng.sample(ASIDES, 2)

    def fill(self, template: str) -> str:
        """The template with topic, years, amounts and percentages filled in."""
        rng = self.rng
        return template.format(
            topic=self.topic,
            year=self.year,
            next_year=self.year + 1,
            quarter=rng.randint(1, 4),
            date=f"{rng.choice((31, 30))}. {rng.choice(('marts', 'juni', 'september'))} {self.year}",
            amount=f"{rng.randint(1, 95)},{rng.randint(0, 9)}",
            pct=rng.randint(2, 28),
            committee=self.committee,
        )

    def title(self) -> str:
        """A title of 40–120 characters."""
        text = self.fill(self.rng.choice(TITLE_OPENINGS))
        for template in self.rng.sample(TITLE_TAILS, len(TITLE_TAILS)):
            if len(text) >= 40 and (len(text) >= 80 or self.rng.random() < 0.5):
                break
            tail = self.fill(template)
            if len(text) + len(tail) <= 120:
                text += tail
        return text if len(text) >= 40 else (text + " – opfølgning og videre proces")[:120]

    def sentence(self) -> str:
        """One sentence of sagsfremstilling; about a third name the item's topic."""
        rng = self.rng
        on_topic = rng.random() < 0.35
        if rng.random() < 0.1:
            text = f"{rng.choice(CONNECTIVES)} {rng.choice(self.asides)}"
        elif rng.random() < 0.5:
            what = rng.choice(TOPIC_OBJECTS if on_topic else OBJECTS)
            text = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}{',' if what.startswith('at ') else ''} {what}"
        else:
            text = f"{rng.choice(CONNECTIVES)} {rng.choice(TOPIC_CLAUSES if on_topic else CLAUSES)}"
        return self.fill(text).rstrip(".") + "."

    def section(self, low: int = 500, high: int = 3000) -> str:
        """Paragraphs of three to six sentences, `low`–`high` characters long."""
        target = self.rng.randint(low, high)
        paragraphs: list[list[str]] = [[]]
        length = 0  # of the text so far, separators included
        while length < target:
            words = self.sentence()
            separator = (1 if paragraphs[-1] else 2) if length else 0
            if length + separator + len(words) > high:
                break
            paragraphs[-1].append(words)
            length += separator + len(words)
            if len(paragraphs[-1]) >= self.rng.randint(3, 6):
                paragraphs.append([])
        return "\n\n".join(" ".join(paragraph) for paragraph in paragraphs if paragraph)

    def recommendation(self) -> list[str]:
        """One to three indstilling points ('at …')."""
        return [self.fill(text) + "." for text in self.rng.sample(RECOMMENDATIONS, self.rng.randint(1, 3))]

    def decision(self) -> str:
        """A free-text beslutning."""
        return self.fill(self.rng.choice(DECISION_TEXTS))


def closed_title(rng: random.Random) -> str:
    """The title of a lukket item."""
    return rng.choice(CLOSED_TITLES)


def remark_text(rng: random.Random) -> str:
    """A protokolbemærkning."""
    return rng.choice(REMARK_TEXTS)


def attachments(rng: random.Random) -> list[str]:
    """Zero to three bilag titles."""
    return rng.sample(ATTACHMENTS, rng.randint(0, 3))


def person_name(rng: random.Random) -> str:
    """A Danish first and last name."""
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
