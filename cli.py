"""The `referat` command line: wires the store to the terminal UI.

Commands and options are English (typed in a shell); what they print about a
meeting is Danish.  Every command takes `--db PATH`; store.paths decides the file when it is
not given ($REFERAT_DB, else the user's data directory; the demo has a database of its own).

Startup counts on meeting day (bench/startup.py): each command imports the store and TUI
modules it needs inside its function, and typer itself is imported only to parse a command
line.  A plain `referat run` / `referat demo` goes straight to its function (`entry_point`).
The commands are registered with `command()` and become a typer app in `typer_app()`;
their parameters are declared for typer as usual (the annotations are read then).
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

from store.errors import StoreError

if TYPE_CHECKING:
    import typer

    # The parameter declarations typer_app() makes for typer are, to the type checker, their plain types.
    DbOption = Path | None
    JsonOption = bool
    MunicipalityOption = str | None
    MeetingArgument = int
    TodaysMeetingArgument = int | None

COMMANDS: list[tuple[str | None, str, Callable]] = []  # (group, name, function) of each command
CREATED: list[Path] = []  # databases this command created
GROUPS = {
    "committee": "Udvalg og medlemmer.",
    "meeting": "Planlæg og ret møder.",  # `referat GROUP NAME`
    "item": "Skriv og ret dagsordenens punkter.",
    "member": "Udvalgets medlemmer og stedfortrædere.",
    "config": "Indstillingsfilen.",
}


def command(name: str, group: str | None = None) -> Callable[[Callable], Callable]:
    """Register a function as the command `referat [GROUP] NAME`."""

    def register(func: Callable) -> Callable:
        COMMANDS.append((group, name, func))
        return func

    return register


@functools.cache
def typer_app() -> typer.Typer:
    """The typer app of every registered command, built once, on first use.

    It imports typer and makes the parameter declarations the commands share; both are names in
    this module, where typer reads the commands' annotations.
    """
    global typer, DbOption, JsonOption, MunicipalityOption, MeetingArgument, TodaysMeetingArgument
    import typer

    DbOption = Annotated[
        Path | None,
        typer.Option(
            "--db", help="Databasefil (standard: $REFERAT_DB, ellers i brugerens datamappe).", show_default=False
        ),
    ]
    JsonOption = Annotated[bool, typer.Option("--json", help="Skriv resultatet som JSON.")]
    MunicipalityOption = Annotated[
        str | None,
        typer.Option("--municipality", help="Udvalgets kommune, når flere kommuner har et udvalg med samme navn."),
    ]
    MeetingArgument = Annotated[
        int, typer.Argument(parser=whole_number, metavar="møde", help="Mødets id (se 'referat meetings').")
    ]
    TodaysMeetingArgument = Annotated[
        int | None, typer.Argument(parser=whole_number, metavar="møde", help="Mødets id (standard: dagens møde).")
    ]
    app = typer.Typer(
        name="referat",
        help="Referat til udvalgsmøder: fremmøde, beslutninger og beslutningsprotokol.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    app.callback()(main)
    groups = {name: typer.Typer(help=text, no_args_is_help=True) for name, text in GROUPS.items()}
    for group, name, func in COMMANDS:
        (groups[group] if group else app).command(name)(func)
    for name, group_app in groups.items():
        app.add_typer(group_app, name=name)
    return app


def whole_number(value: str | int) -> int:
    """A number on the command line (a meeting's id, a place): a Danish sentence when it is not one."""
    if isinstance(value, int):
        return value
    try:
        return int(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} er ikke et helt tal.") from None


def __getattr__(name: str):
    """`cli.app`: the typer app, built when first asked for (typer's CliRunner and the tests use it)."""
    if name == "app":
        return typer_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def fail(message: str) -> NoReturn:
    """Print one sentence to stderr and exit non-zero (also where typer was never imported: `referat run`)."""
    from store.terminal_text import visible

    print(f"Fejl: {visible(message)}", file=sys.stderr)
    raise SystemExit(1)


def friendly(func):
    """Turn StoreError, SQLite and OS errors into one Danish sentence and exit 1 — never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        CREATED.clear()
        try:
            result = func(*args, **kwargs)
            for path in CREATED:
                print(f"Databasen {path} er oprettet.", file=sys.stderr)
            return result
        except StoreError as error:
            fail(str(error))
        except sqlite3.Error as error:
            from store import paths
            from store.db import translate_error

            fail(str(translate_error(error, paths.database_path(kwargs.get("db")))))
        except OSError as error:
            from store.error_sentences import os_error_sentence

            fail(os_error_sentence(error))
        except OverflowError:  # an id beyond SQLite's 64-bit integers names nothing
            fail("Tallet er for stort; intet møde har så højt et id.")

    return wrapper


def read_db(db: Path | None):
    """Open the database to read it (listings, search): read-only where it cannot be written (a read-only drive)."""
    from store.db import open_for_reading

    return open_for_reading(db_path_of(db))


def open_db(db: Path | None, *, readonly: bool = False, create: bool = False):
    """Open the database named by --db / $REFERAT_DB / the default location.

    Only the commands that create committees or meetings pass `create`, and then say that a new database was
    made: any other command refuses a database that does not exist (a mistyped --db).
    """
    from store.db import open_database

    path = db_path_of(db)
    new = create and not readonly and not path.exists()
    database = open_database(path, readonly=readonly, create=create)
    if new:
        CREATED.append(path)  # said when the command has succeeded (`friendly`)
    return database


def db_path_of(db: Path | None) -> Path:
    """The database --db / $REFERAT_DB / the default location names."""
    from store import paths

    return paths.database_path(db)


def say(text: str, *, err: bool = False) -> None:
    """Print a line of text that may hold what a document or a user wrote, its control characters made visible."""
    from store.terminal_text import visible

    print(visible(text), file=sys.stderr if err else sys.stdout, flush=True)  # as typer.echo, without typer


def emit_rows(rows: list[dict], as_json: bool, columns: list[tuple[str, str]], empty: str) -> None:
    """Print rows as JSON or as an aligned Danish table."""
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        typer.echo(empty)
        return
    from store.terminal_text import visible

    cells = [[visible(str(row.get(key) if row.get(key) is not None else "")) for key, _ in columns] for row in rows]
    widths = [max(len(label), *(len(line[i]) for line in cells)) for i, (_, label) in enumerate(columns)]
    typer.echo("  ".join(label.ljust(w) for (_, label), w in zip(columns, widths)).rstrip())
    for line in cells:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())


def _version_callback(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"referat {version('referat')}")
        except PackageNotFoundError:
            typer.echo("referat (ikke installeret)")
        raise typer.Exit()


def main(
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Vis versionen.")
    ] = False,
) -> None:
    """Referat til udvalgsmøder: fremmøde, beslutninger og beslutningsprotokol."""


# --- committees ---------------------------------------------------------------


@command("add", group="committee")
@friendly
def committee_add(
    name: Annotated[str, typer.Argument(help="Udvalgets navn, fx Arbejdsmarkedsudvalget.")],
    municipality: Annotated[str | None, typer.Option("--municipality", help="Kommunen.")] = None,
    short_name: Annotated[str | None, typer.Option("--short-name", help="Forkortelse, fx AMU.")] = None,
    db: DbOption = None,
) -> None:
    """Opret et udvalg."""
    from store.committees import add_committee

    committee_id = add_committee(open_db(db, create=True), name, municipality, short_name)
    say(f"Udvalget {name} er oprettet.")
    typer.echo(committee_id)


@command("import", group="committee")
@friendly
def committee_import(
    roster: Annotated[Path, typer.Argument(help="Medlemsliste i TOML (se README).")],
    db: DbOption = None,
) -> None:
    """Indlæs et udvalg med medlemmer, partier, roller, stedfortrædere og beslutningsformuleringer."""
    from store.committees import roster as members
    from store.committees import sync_roster

    database = open_db(db, create=True)
    committee_id, changes = sync_roster(database, roster)
    count = len(members(database, committee_id))
    typer.echo(f"Medlemslisten er indlæst: {count} medlemmer.")
    for change in changes:
        typer.echo(f"  {change}")
    typer.echo(committee_id)


@command("placement", group="committee")
@friendly
def committee_placement(
    name: Annotated[str, typer.Argument(help="Udvalgets navn.")],
    placement: Annotated[
        str,
        typer.Argument(
            help="efter-indstilling (standard: beslutningen lige efter indstillingen) eller sidst (efter alle afsnit)."
        ),
    ],
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Vælg hvor referatet viser beslutningen i hvert punkt."""
    from store.committees import get_committee, set_decision_placement

    database = open_db(db)
    committee = get_committee(database, name, municipality)
    set_decision_placement(database, committee["id"], placement.strip().lower())
    where = "lige efter indstillingen" if placement.strip().lower() == "efter-indstilling" else "efter alle afsnit"
    typer.echo(f"{committee['name']}: beslutningen står {where} i referatet.")


@command("committees")
@friendly
def committees(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List udvalg."""
    from store.committees import list_committees

    rows = list_committees(read_db(db))
    emit_rows(
        rows,
        as_json,
        [
            ("id", "Id"),
            ("name", "Udvalg"),
            ("municipality", "Kommune"),
            ("members", "Medlemmer"),
            ("meetings", "Møder"),
        ],
        "Ingen udvalg.",
    )


# --- meetings -----------------------------------------------------------------


@command("new", group="meeting")
@friendly
def meeting_new(
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    date: Annotated[str, typer.Option("--date", help="Dato, fx 2027-01-25, 25-01-2027 eller '25. januar 2027'.")],
    time: Annotated[str | None, typer.Option("--time", help="Mødetidspunkt, fx 16:00.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Mødested.")] = None,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Planlæg et møde; udvalgets medlemmer sættes på fremmødelisten."""
    from store.meetings import create_meeting

    try:
        meeting_id = create_meeting(open_db(db, create=True), committee, date, time, place, municipality)
    except ValueError as error:
        fail(str(error))
    typer.echo(f"Mødet er oprettet med id {meeting_id}.")
    typer.echo(meeting_id)


@command("meetings")
@friendly
def meetings(
    committee: Annotated[str | None, typer.Option("--committee", help="Kun dette udvalg.")] = None,
    upcoming: Annotated[bool, typer.Option("--upcoming", help="Kun planlagte møder fra i dag.")] = False,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List møder (id, dato, udvalg, status)."""
    from store.meetings import list_meetings

    rows = list_meetings(read_db(db), committee=committee, upcoming=upcoming, municipality=municipality)
    emit_rows(
        rows,
        as_json,
        [
            ("id", "Id"),
            ("date", "Dato"),
            ("start", "Kl."),
            ("committee", "Udvalg"),
            ("municipality", "Kommune"),
            ("status", "Status"),
            ("items", "Punkter"),
        ],
        "Ingen møder.",
    )


@command("edit", group="meeting")
@friendly
def meeting_edit(
    meeting: MeetingArgument,
    date: Annotated[str | None, typer.Option("--date", help="Ny dato, fx 2027-01-25.")] = None,
    time: Annotated[str | None, typer.Option("--time", help="Mødetidspunkt, fx 16:00 ('' fjerner det).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Mødested ('' fjerner det).")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Hvornår mødet faktisk begyndte, fx 15.05.")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Hvornår mødet faktisk sluttede, fx 17.40.")] = None,
    closing: Annotated[
        str | None,
        typer.Option("--closing", help="Referatets afslutningslinje, fx 'Protokollen oplæst.' ('' fjerner den)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Ret mødets dato, tidspunkt, sted, faktiske begyndelse og afslutning eller afslutningslinje."""
    from store.meeting_edit import edit_meeting

    changed = edit_meeting(
        open_db(db), meeting, date=date, time=time, place=place, start=start, end=end, closing=closing
    )
    typer.echo(f"Møde {meeting}: {', '.join(changed)} er rettet." if changed else "Intet at rette.")


@command("guest", group="meeting")
@friendly
def meeting_guest(
    meeting: MeetingArgument,
    name: Annotated[str, typer.Argument(help="Gæstens navn og evt. titel, fx 'Jobcenterchef Anne Hansen'.")],
    remove: Annotated[bool, typer.Option("--remove", help="Fjern gæsten igen.")] = False,
    db: DbOption = None,
) -> None:
    """Tilføj (eller fjern) en gæst, der deltog uden at være medlem: "Desuden deltog: …"."""
    from store.meeting_edit import add_guest, remove_guest

    database = open_db(db)
    if remove:
        remove_guest(database, meeting, name)
        say(f"{name.strip()} er fjernet som gæst.")
    else:
        add_guest(database, meeting, name)
        say(f"{name.strip()} er tilføjet som gæst (uden stemmeret).")


@command("attendee", group="meeting")
@friendly
def meeting_attendee(
    meeting: MeetingArgument,
    name: Annotated[str, typer.Argument(help="Navnet, fx 'Anna Holm' eller 'Anna Holm (A)'.")],
    party: Annotated[str | None, typer.Option("--party", help="Partibogstav.")] = None,
    remove: Annotated[bool, typer.Option("--remove", help="Fjern et navn, der fejlagtigt står på listen.")] = False,
    db: DbOption = None,
) -> None:
    """Sæt et navn på mødets fremmødeliste (kun dette møde), eller fjern det."""
    from store.meeting_edit import add_attendee, remove_attendee

    database = open_db(db)
    if remove:
        remove_attendee(database, meeting, name)
        say(f"{name.strip()} er fjernet fra fremmødelisten.")
    else:
        add_attendee(database, meeting, name, party)
        say(f"{name.strip()} er sat på fremmødelisten.")


# --- the dagsorden ------------------------------------------------------------


def _sections(texts: list[str] | None):
    """'Overskrift: tekst' options as sections (None when the option was not given)."""
    from store.model import RECOMMENDATION_SECTION, Section

    if texts is None:
        return None
    sections = []
    for text in texts:
        if not text.strip():
            continue
        heading, _, body = text.partition(": ")
        kind = RECOMMENDATION_SECTION if heading.strip().lower() == "indstilling" else "text"
        sections.append(Section(heading.strip().rstrip(":"), body.replace("\\n", "\n"), kind))
    return sections


def _attachments(texts: list[str] | None):
    """'Titel' or 'Titel: sti eller adresse' options as bilag (None when the option was not given)."""
    from store.model import Attachment

    if texts is None:
        return None
    return [
        Attachment(title.strip(), reference.strip() or None)
        for title, _, reference in (text.partition(": ") for text in texts if text.strip())
    ]


def _draft(title, number, lukket, case, kind, indstilling, section, bilag):
    from store.agenda_edit import ItemDraft

    return ItemDraft(
        title=title,
        number=number,
        public=None if lukket is None else not lukket,
        case_number=case,
        kind=kind,
        recommendation=indstilling,
        sections=_sections(section),
        attachments=_attachments(bilag),
    )


@command("add", group="item")
@friendly
def item_add(
    meeting: MeetingArgument,
    title: Annotated[str, typer.Option("--title", help="Punktets titel.")],
    number: Annotated[str | None, typer.Option("--number", help="Nummer (standard: det næste).")] = None,
    after: Annotated[str | None, typer.Option("--after", help="Indsæt efter punktet med dette nummer.")] = None,
    first: Annotated[bool, typer.Option("--first", help="Indsæt som første punkt.")] = False,
    lukket: Annotated[bool, typer.Option("--lukket", help="Et lukket punkt.")] = False,
    case: Annotated[str | None, typer.Option("--case", help="Sagsnummer.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="beslutning eller orientering.")] = None,
    indstilling: Annotated[
        list[str] | None, typer.Option("--indstilling", help="Et indstillingspunkt; kan gentages.")
    ] = None,
    section: Annotated[
        list[str] | None,
        typer.Option("--section", help="Et afsnit som 'Overskrift: tekst' (\\n giver ny linje); kan gentages."),
    ] = None,
    bilag: Annotated[
        list[str] | None,
        typer.Option("--bilag", help="Et bilag som 'Titel' eller 'Titel: sti eller adresse'; kan gentages."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Tilføj et punkt til dagsordenen (sidst, efter et punkt eller først)."""
    from store.agenda_edit import add_item
    from store.db import get_row

    if first and after is not None:
        fail("Angiv enten --after eller --first.")
    database = open_db(db)
    item_id = add_item(
        database,
        meeting,
        _draft(title, number, lukket, case, kind, indstilling, section, bilag),
        after=after,
        first=first,
    )
    added = get_row(database, "items", item_id)
    say(f"Punkt {added['number']} er tilføjet: {added['title']}")


@command("edit", group="item")
@friendly
def item_edit(
    meeting: MeetingArgument,
    item: Annotated[str, typer.Argument(help="Punktets nummer.")],
    title: Annotated[str | None, typer.Option("--title", help="Ny titel.")] = None,
    number: Annotated[str | None, typer.Option("--number", help="Nyt nummer.")] = None,
    lukket: Annotated[
        bool | None, typer.Option("--lukket/--aaben", help="Lukket eller åbent punkt.", show_default=False)
    ] = None,
    case: Annotated[str | None, typer.Option("--case", help="Sagsnummer ('' fjerner det).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="beslutning eller orientering ('' fjerner den).")] = None,
    indstilling: Annotated[
        list[str] | None,
        typer.Option(
            "--indstilling", help="Indstillingspunkterne (erstatter dem); kan gentages, '' alene fjerner dem."
        ),
    ] = None,
    section: Annotated[
        list[str] | None,
        typer.Option("--section", help="Afsnittene som 'Overskrift: tekst' (erstatter dem); kan gentages."),
    ] = None,
    bilag: Annotated[
        list[str] | None,
        typer.Option("--bilag", help="Bilagene som 'Titel' eller 'Titel: sti' (erstatter dem); kan gentages."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Ret et punkt: titel, nummer, lukket/åbent, sagsnummer, type, indstilling, afsnit, bilag."""
    from store.agenda_edit import edit_item

    changed = edit_item(
        open_db(db), meeting, item, _draft(title, number, lukket, case, kind, indstilling, section, bilag)
    )
    say(f"Punkt {item}: {', '.join(changed)} er rettet." if changed else "Intet at rette.")


@command("remove", group="item")
@friendly
def item_remove(
    meeting: MeetingArgument,
    item: Annotated[str, typer.Argument(help="Punktets nummer.")],
    db: DbOption = None,
) -> None:
    """Slet et punkt, der endnu ikke har en beslutning (det logges og kan fortrydes)."""
    from store.agenda_edit import remove_item

    title = remove_item(open_db(db), meeting, item)
    say(f"Punkt {item.strip()} er slettet: {title}")


@command("move", group="item")
@friendly
def item_move(
    meeting: MeetingArgument,
    item: Annotated[str, typer.Argument(help="Punktets nummer.")],
    after: Annotated[str | None, typer.Option("--after", help="Flyt efter punktet med dette nummer.")] = None,
    before: Annotated[str | None, typer.Option("--before", help="Flyt før punktet med dette nummer.")] = None,
    to: Annotated[
        int | None, typer.Option("--to", parser=whole_number, help="Flyt til denne plads (1 = først).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Flyt et punkt på dagsordenen (numrene beholdes; brug 'item renumber' bagefter)."""
    from store.agenda_edit import move_item

    place = move_item(open_db(db), meeting, item, after=after, before=before, to=to)
    say(f"Punkt {item.strip()} står nu som nr. {place} på dagsordenen.")


@command("renumber", group="item")
@friendly
def item_renumber(
    meeting: MeetingArgument,
    start: Annotated[int, typer.Option("--from", parser=whole_number, help="Det første punkts nummer, fx 159.")] = 1,
    db: DbOption = None,
) -> None:
    """Nummerér punkterne fortløbende i dagsordenens rækkefølge fra et startnummer."""
    from store.agenda_edit import renumber

    changed = renumber(open_db(db), meeting, start)
    typer.echo(f"{changed} {'punkt' if changed == 1 else 'punkter'} har fået nyt nummer.")


@command("list", group="item")
@friendly
def item_list(meeting: MeetingArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Vis dagsordenens punkter: nummer, titel, åben/lukket, sagsnummer."""
    from store.agenda_edit import items
    from store.meetings import get_meeting

    database = open_db(db, readonly=True)
    get_meeting(database, meeting)
    rows = [
        {**row, "public": bool(row["public"]), "access": "åben" if row["public"] else "lukket"}
        for row in items(database, meeting)
    ]
    emit_rows(
        rows,
        as_json,
        [("number", "Nr."), ("title", "Titel"), ("access", "Adgang"), ("case_number", "Sagsnr."), ("kind", "Type")],
        "Dagsordenen er tom.",
    )


# --- the roster ---------------------------------------------------------------


@command("list", group="member")
@friendly
def member_list(
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    former: Annotated[bool, typer.Option("--former", help="Også tidligere medlemmer.")] = False,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Vis udvalgets medlemmer og stedfortrædere."""
    from store.members import list_members

    rows = list_members(open_db(db, readonly=True), committee, municipality, former=former)
    emit_rows(
        rows,
        as_json,
        [
            ("name", "Navn"),
            ("party", "Parti"),
            ("role", "Rolle"),
            ("substitute_for", "Stedfortræder for"),
            ("valid_from", "Fra"),
            ("valid_to", "Til"),
        ],
        "Udvalget har ingen medlemmer.",
    )


@command("add", group="member")
@friendly
def member_add(
    name: Annotated[str, typer.Argument(help="Medlemmets navn.")],
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    party: Annotated[str | None, typer.Option("--party", help="Partibogstav, fx A.")] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="formand, næstformand, medlem eller stedfortræder.")
    ] = None,
    substitute_for: Annotated[
        str | None, typer.Option("--substitute-for", help="Stedfortræder for dette medlem.")
    ] = None,
    valid_from: Annotated[str | None, typer.Option("--from", help="Medlem fra denne dato.")] = None,
    valid_to: Annotated[str | None, typer.Option("--to", help="Medlem til denne dato.")] = None,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Tilføj et medlem eller en stedfortræder til udvalget (og til dets planlagte møder)."""
    from store.members import add_member

    add_member(
        open_db(db),
        committee,
        name,
        party=party,
        role=role,
        substitute_for=substitute_for,
        valid_from=valid_from,
        valid_to=valid_to,
        municipality=municipality,
    )
    say(f"{' '.join(name.split())} er tilføjet til {committee.strip()}.")


@command("edit", group="member")
@friendly
def member_edit(
    name: Annotated[str, typer.Argument(help="Medlemmets navn.")],
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    new_name: Annotated[str | None, typer.Option("--name", help="Nyt navn (stavefejl).")] = None,
    party: Annotated[str | None, typer.Option("--party", help="Partibogstav.")] = None,
    role: Annotated[
        str | None, typer.Option("--role", help="formand, næstformand, medlem eller stedfortræder.")
    ] = None,
    substitute_for: Annotated[
        str | None, typer.Option("--substitute-for", help="Stedfortræder for dette medlem.")
    ] = None,
    valid_from: Annotated[str | None, typer.Option("--from", help="Medlem fra denne dato ('' fjerner den).")] = None,
    valid_to: Annotated[str | None, typer.Option("--to", help="Medlem til denne dato ('' fjerner den).")] = None,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Ret et medlems navn, parti, rolle, stedfortræderplads eller datoer."""
    from store.members import edit_member

    edit_member(
        open_db(db),
        committee,
        name,
        new_name=new_name,
        party=party,
        role=role,
        substitute_for=substitute_for,
        valid_from=valid_from,
        valid_to=valid_to,
        municipality=municipality,
    )
    say(f"{' '.join((new_name or name).split())} er rettet.")


@command("remove", group="member")
@friendly
def member_remove(
    name: Annotated[str, typer.Argument(help="Medlemmets navn.")],
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    date: Annotated[str | None, typer.Option("--date", help="Udtrådt denne dato (standard: i dag).")] = None,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Et medlem udtræder af udvalget; tidligere møder beholder medlemmet."""
    from store.dates import short_iso_date
    from store.members import remove_member

    end = remove_member(open_db(db), committee, name, until=date, municipality=municipality)
    say(f"{' '.join(name.split())} er udtrådt af {committee.strip()} pr. {short_iso_date(end)}.")


# --- import -------------------------------------------------------------------

PROGRESS_ABOVE = 5  # files; more than this shows a progress bar


@command("import")
@friendly
def import_files(
    files: Annotated[list[Path], typer.Argument(help="Dagsordener eller referater: .md, .txt, .html, .docx, .pdf.")],
    committee: Annotated[str | None, typer.Option("--committee", help="Udvalget (hvis filen ikke nævner det).")] = None,
    municipality: Annotated[
        str | None, typer.Option("--municipality", help="Kommunen (hvis filen ikke nævner den).")
    ] = None,
    into: Annotated[
        int | None,
        typer.Option(
            "--meeting", parser=whole_number, help="Indlæs dagsordenen i dette allerede planlagte møde (én fil)."
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Erstat dagsordenen i mødet (--meeting, ellers udvalgets møde samme dag).")
    ] = False,
    db: DbOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Vis hvad der ville blive oprettet; gem intet.")] = False,
) -> None:
    """Indlæs dagsordener og referater som møder: ét møde pr. fil, hvert nyt mødes id på sidste linje(r).

    En fil, der allerede er indlæst (samme indhold), springes over.
    """
    from store.document_import import content_hash, import_meeting, meeting_to_fill
    from store.importing import ImportProblem, read_file
    from store.importing.summary import describe, import_summary
    from store.meetings import AlreadyImported, get_meeting, list_meetings, save_meeting
    from store.model import committee_label

    if into is not None and len(files) != 1:
        fail("--meeting bruges med én fil ad gangen.")
    if into is not None and dry_run:
        fail("--meeting og --dry-run kan ikke bruges sammen.")
    database = None  # opened when the first file has been read: a file that cannot be read leaves no database behind
    if into is not None and not dry_run:
        database = open_db(db)  # the meeting must exist, so the database must too
        get_meeting(database, into)
    created: list[int] = []
    counts: dict[str, tuple[int, int]] = {}  # committee (kommune) -> meetings, items
    failures: list[str] = []
    notes: list[str] = []  # what the importer was unsure of, per file
    skipped: list[str] = []  # files imported before

    def same_day_meeting(meeting) -> int | None:
        """With --replace: the committee's one meeting on the document's date, if there is one."""
        if not meeting.date or database is None:
            return None
        rows = list_meetings(
            database,
            committee=committee or meeting.committee,
            since=meeting.date,
            until=meeting.date,
            municipality=municipality or meeting.municipality,
        )
        if len(rows) > 1:
            raise StoreError(f"Udvalget har {len(rows)} møder den dag; vælg ét med --meeting.")
        return rows[0]["id"] if rows else None

    def one(path: Path) -> None:
        try:
            imported = read_file(path)
            meeting = imported.meeting
            notes.extend(f"{path.name}: {note}" for note in imported.notes)
            if not (committee or meeting.committee):
                raise ImportProblem(f"Filen {path.name} nævner ikke udvalget; angiv det med --committee.")
            if dry_run:
                say(f"{path.name}:")
                for line in describe(meeting, committee):
                    say(f"  {line}")
                label = committee_label(committee or meeting.committee, municipality or meeting.municipality)
            else:
                nonlocal database
                database = database or open_db(db, create=True)
                source_hash = content_hash(path)
                target = into
                if target is None and replace:
                    from store.committees import find_committee

                    if find_committee(database, committee or meeting.committee, municipality or meeting.municipality):
                        target = same_day_meeting(meeting)
                if target is None and not replace:
                    target = meeting_to_fill(
                        database, committee or meeting.committee, municipality or meeting.municipality, meeting
                    )
                if target is None:
                    created.append(
                        save_meeting(
                            database,
                            meeting,
                            committee=committee,
                            source=path.name,
                            municipality=municipality,
                            source_hash=source_hash,
                        )
                    )
                else:
                    import_meeting(
                        database,
                        target,
                        meeting,
                        source=path.name,
                        source_hash=source_hash,
                        replace=replace,
                        committee=committee,
                        municipality=municipality,
                    )
                    created.append(target)
                chosen = get_meeting(database, created[-1])
                label = committee_label(chosen["committee"], chosen["municipality"])
            done, items = counts.get(label, (0, 0))
            counts[label] = (done + 1, items + len(meeting.items))
        except AlreadyImported as known:
            skipped.append(f"{path.name} er allerede indlæst som møde {known.meeting_id}; den springes over.")
        except StoreError as error:
            message = str(error)
            failures.append(message if path.name in message else f"{path.name}: {message}")
        except Exception as error:  # a file the parser did not foresee must not stop the others
            from store.error_sentences import reading_error_sentence

            failures.append(reading_error_sentence(error, path.name))

    if len(files) > PROGRESS_ABOVE:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Indlæser", total=len(files))
            for path in files:
                progress.update(task, description=path.name)
                one(path)
                progress.advance(task)
    else:
        for path in files:
            one(path)
    for line in import_summary(counts, len(failures), dry_run):
        say(line)
    for note in notes:
        say(f"Bemærk: {note}")
    for line in skipped:
        say(line)
    for failure in failures:
        say(f"Fejl: {failure}", err=True)
    for meeting_id in created:
        typer.echo(meeting_id)
    if failures:
        raise typer.Exit(1)


@command("template")
@friendly
def template(db: DbOption = None) -> None:
    """Skriv en tom dagsorden i Markdown at udfylde og indlæse med 'referat import'.

    (--db is accepted as by every command; the template reads no database.)
    """
    from store.template import agenda_template

    typer.echo(agenda_template(), nl=False)


# --- export -------------------------------------------------------------------


def _export_date(text: str | None, option: str):
    from store.dates import parse_date

    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as error:
        fail(f"{option}: {error}.")


def warn_if_unverified(database, meeting: int, status: str) -> None:
    """On stderr, a warning when an approved referat no longer matches its log and its approval."""
    from store.model import APPROVED
    from store.verify import verify_meeting

    if status == APPROVED:
        verdict = verify_meeting(database, meeting)
        if not verdict.ok:
            say(f"Advarsel: {verdict.sentence}", err=True)


@command("export")
@friendly
def export(
    meeting: Annotated[
        int | None, typer.Argument(parser=whole_number, metavar="møde", help="Mødets id (se 'referat meetings').")
    ] = None,
    public: Annotated[
        bool, typer.Option("--public/--full", help="Offentlig udgave (standard) eller fuld udgave med lukkede punkter.")
    ] = True,
    fmt: Annotated[str, typer.Option("--format", help="md (Markdown), json, docx (Word) eller pdf.")] = "md",
    decisions_only: Annotated[
        bool,
        typer.Option("--decisions-only", help="Kun beslutningsprotokollen: beslutninger, fremmøde og afstemninger."),
    ] = False,
    all_meetings: Annotated[bool, typer.Option("--all", help="Eksportér alle møder til mappen givet med -o.")] = False,
    committee: Annotated[str | None, typer.Option("--committee", help="Med --all: kun dette udvalg.")] = None,
    municipality: MunicipalityOption = None,
    since: Annotated[str | None, typer.Option("--since", help="Med --all: møder fra og med denne dato.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Med --all: møder til og med denne dato.")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Fil (ét møde) eller mappe (--all); uden -o skrives ét møde til skærmen, "
            "--all til indstillingernes export_folder (standard: dokumentmappen).",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Eksportér referatet som Markdown, JSON, Word eller PDF, offentligt (uden lukket indhold) eller fuldt."""
    from store.export_files import BINARY_FORMATS, FORMATS, export_to_folder, render_export, write_export
    from store.meetings import list_meetings, load_meeting

    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        fail(f"Formatet '{fmt}' kendes ikke; brug --format md, json, docx eller pdf.")
    if decisions_only and fmt == "json":
        fail("--decisions-only gælder kun Markdown; JSON indeholder altid hele mødet.")
    if all_meetings == (meeting is not None):
        fail("Angiv enten mødets id eller --all.")
    if fmt in BINARY_FORMATS and output is None:
        fail(f"--format {fmt} skrives til en fil: angiv -o FIL (eller -o MAPPE med --all).")
    if not all_meetings and (committee or municipality or since or until):
        fail("--committee, --municipality, --since og --until bruges kun sammen med --all.")
    database = open_db(db, readonly=True)
    if meeting is not None:  # not --all
        from store.collector import collection_paused

        with collection_paused():
            document = load_meeting(database, meeting)
            warn_if_unverified(database, meeting, document.status)
            text = render_export(document, fmt, public=public, decisions_only=decisions_only)
        if output is None:
            from store.terminal_text import visible

            assert isinstance(text, str)  # the binary formats need -o (refused above)
            sys.stdout.write(visible(text))  # as typer.echo: one meeting may come here without typer (`short_cut`)
            sys.stdout.flush()
            return
        write_export(output, text, private=not public, database=db_path_of(db))
        print(f"Møde {meeting} er eksporteret til {output}.", flush=True)
        return
    if output is None:
        output = _settings().export_folder  # the documents folder unless the settings file says otherwise
    rows = list_meetings(
        database,
        committee=committee,
        since=_export_date(since, "--since"),
        until=_export_date(until, "--until"),
        municipality=municipality,
    )
    if not rows:
        typer.echo("Ingen møder at eksportere.")
        return
    taken: set[Path] = set()
    for row in rows:
        document = load_meeting(database, row["id"])
        warn_if_unverified(database, row["id"], document.status)
        path = export_to_folder(document, output, fmt, public=public, decisions_only=decisions_only, taken=taken)
        typer.echo(str(path))
    typer.echo(f"{len(rows)} {'møde' if len(rows) == 1 else 'møder'} er eksporteret til {output}.")


# --- plan ---------------------------------------------------------------------


@command("plan")
@friendly
def plan(
    committee: Annotated[str, typer.Option("--committee", help="Udvalgets navn.")],
    rule: Annotated[
        str, typer.Option("--rule", help="Gentagelsesregel (iCalendar RRULE), fx 'FREQ=MONTHLY;BYDAY=-1MO'.")
    ],
    start: Annotated[str, typer.Option("--from", help="Første mulige dato.")],
    until: Annotated[str, typer.Option("--until", help="Sidste mulige dato.")],
    time: Annotated[str | None, typer.Option("--time", help="Mødetidspunkt, fx 16:00.")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Mødested.")] = None,
    on_holiday: Annotated[
        str, typer.Option("--on-holiday", help="På helligdage: 'skip' (udgår) eller 'next' (næste hverdag).")
    ] = "skip",
    skip_months: Annotated[
        list[int] | None, typer.Option("--skip-months", help="Måned uden møde (1-12); kan gentages.")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Vis datoerne uden at oprette møderne.")] = False,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
) -> None:
    """Planlæg en række møder efter en gentagelsesregel, uden om helligdage."""
    from store.committees import get_committee
    from store.dates import long_date, parse_date
    from store.plan import create_plan, plan_dates

    try:
        first, last = parse_date(start), parse_date(until)
        dates = plan_dates(rule, first, last, on_holiday, skip_months or ())
        database = open_db(db, readonly=dry_run, create=not dry_run)
        get_committee(database, committee, municipality)
        ids = (
            []
            if dry_run
            else create_plan(
                database, committee, rule, first, last, time, place, on_holiday, skip_months or (), municipality
            )
        )
    except ValueError as error:
        fail(str(error))
    for date in dates:
        note = f" – {date.note}" if date.note else ""
        say(f"{long_date(date.day)}{note}")
    held = sum(date.held for date in dates)
    if dry_run:
        typer.echo(f"{held} {'møde' if held == 1 else 'møder'} ville blive oprettet (prøvekørsel).")
    else:
        say(f"{len(ids)} {'møde' if len(ids) == 1 else 'møder'} er oprettet for {committee}.")


# --- search -------------------------------------------------------------------


@command("search")
@friendly
def search(
    query: Annotated[str, typer.Argument(help="Ord at søge efter; hvert ord matcher også som begyndelse af et ord.")],
    committee: Annotated[str | None, typer.Option("--committee", help="Kun dette udvalg.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Kun møder fra og med denne dato.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Kun møder til og med denne dato.")] = None,
    public_only: Annotated[bool, typer.Option("--public-only", help="Udelad lukkede punkter.")] = False,
    municipality: MunicipalityOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Søg i punkternes titler, sagsfremstillinger, beslutninger og bemærkninger."""
    from store.dates import long_date, parse_date
    from store.model import committee_label
    from store.search import search as search_items

    try:
        first = parse_date(since) if since else None
        last = parse_date(until) if until else None
        hits = search_items(read_db(db), query, committee, first, last, public_only, municipality=municipality)
    except ValueError as error:
        fail(str(error))
    if as_json:
        typer.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("Ingen punkter matcher søgningen.")
    for hit in hits:
        day = long_date(parse_date(hit["date"]))
        committee_name = committee_label(hit["committee"], hit["municipality"])
        say(f"{day} · {committee_name} · møde {hit['meeting_id']} · punkt {hit['number']}: {hit['title']}")
        say(f"    {hit['snippet']}")


@command("datasette-metadata")
@friendly
def datasette_metadata(
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Filen (uden -o skrives til skærmen).")] = None,
    db: DbOption = None,
) -> None:
    """Skriv metadata.json til Datasette: danske titler, søgefelt på punkterne, interne tabeller skjult."""
    from store import paths
    from store.datasette import datasette_metadata as metadata
    from store.output_files import write_file

    db_path = paths.database_path(db)
    text = json.dumps(metadata(open_db(db_path, readonly=True), Path(db_path).stem), ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
        return
    write_file(output, text + "\n", private=False, database=db_path)
    typer.echo(f"Metadata er skrevet til {output}; vis databasen med: datasette '{db_path}' -m '{output}'")


@command("publish")
@friendly
def publish(
    output: Annotated[Path, typer.Option("-o", "--output", help="Den offentlige database, fx offentlig.db.")],
    public: Annotated[
        bool, typer.Option("--public", help="Den offentlige udgave (den eneste der kan udgives).")
    ] = False,
    metadata: Annotated[
        Path | None,
        typer.Option("--metadata", help="Datasettes metadata (standard: ved siden af, NAVN-metadata.json)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Udgiv referaterne som en ny SQLite-fil med kun det, det offentlige referat viser (til Datasette)."""
    from store.output_files import write_file
    from store.publish import public_metadata
    from store.publish import publish as publish_public

    if not public:
        fail("Angiv --public: referat publish laver kun den offentlige udgave, uden lukket indhold.")
    metadata = metadata or output.with_name(f"{output.stem}-metadata.json")
    database = open_db(db, readonly=True)
    count = publish_public(database, output, database=db_path_of(db))
    text = json.dumps(public_metadata(output.stem), ensure_ascii=False, indent=2)
    write_file(metadata, text + "\n", private=False, database=db_path_of(db))
    say(f"{count} {'møde' if count == 1 else 'møder'} er udgivet i {output} (kun det offentlige referat).")
    say(f"Vis den med: datasette serve --immutable '{output}' -m '{metadata}'")


# --- approval -----------------------------------------------------------------


@command("close")
@friendly
def close(meeting: MeetingArgument, db: DbOption = None) -> None:
    """Hæv mødet: status hævet og sluttidspunktet registreres."""
    import datetime as dt

    from store.agenda import close_meeting
    from store.meetings import get_meeting

    database = open_db(db)
    close_meeting(database, meeting)
    ended = dt.datetime.fromisoformat(get_meeting(database, meeting)["ended_at"])
    typer.echo(f"Møde {meeting} er hævet kl. {ended:%H.%M}.")
    _auto_backup(db, "haevet")


def _auto_backup(db: Path | None, reason: str) -> None:
    """The automatic backup after hæv or godkend; a failure is said on stderr and changes nothing else."""
    from store import paths
    from store.backup import auto_backup

    path, message = auto_backup(paths.database_path(db), reason)
    typer.echo(message, err=path is None)


@command("approve")
@friendly
def approve(
    meeting: MeetingArgument,
    member: Annotated[str | None, typer.Option("--member", help="Medlemmet der godkender referatet.")] = None,
    reservation: Annotated[
        str | None, typer.Option("--reservation", help="Godkendt med forbehold: forbeholdets tekst.")
    ] = None,
    final: Annotated[bool, typer.Option("--final", help="Formandens endelige godkendelse af referatet.")] = False,
    db: DbOption = None,
) -> None:
    """Godkend referatet: ét medlem ad gangen (--member) eller endeligt af formanden (--final)."""
    from store.approval import approvals, approve_final
    from store.approval import approve as approve_member

    if final == (member is not None):
        fail("Angiv enten --member NAVN eller --final.")
    if final and reservation:
        fail("--reservation bruges kun sammen med --member.")
    database = open_db(db)
    if final:
        approve_final(database, meeting)
        typer.echo(f"Referatet for møde {meeting} er godkendt og låst.")
        _auto_backup(db, "godkendt")
        return
    complete = approve_member(database, meeting, member or "", reservation)
    name = approvals(database, meeting)[-1]["name"]
    typer.echo(f"{name} har godkendt referatet" + (" med forbehold." if reservation else "."))
    if complete:
        typer.echo(f"Alle deltagere har godkendt; referatet for møde {meeting} er nu låst.")
        _auto_backup(db, "godkendt")


@command("amend")
@friendly
def amend(
    meeting: MeetingArgument,
    item: Annotated[str, typer.Option("--item", help="Punktets nummer.")],
    text: Annotated[str, typer.Option("--text", help="Tilføjelsens tekst.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Begrundelse for tilføjelsen.")] = None,
    db: DbOption = None,
) -> None:
    """Føj en dateret tilføjelse til et punkt i et godkendt referat."""
    from store.approval import amend as add_amendment

    add_amendment(open_db(db), meeting, item, text, reason)
    typer.echo(f"Tilføjelsen til punkt {item} er gemt.")


@command("reopen")
@friendly
def reopen(
    meeting: MeetingArgument,
    reason: Annotated[str, typer.Option("--reason", help="Hvorfor referatet genåbnes.")],
    db: DbOption = None,
) -> None:
    """Genåbn et godkendt referat; godkendelserne slettes (det logges)."""
    from store.approval import reopen as reopen_meeting

    reopen_meeting(open_db(db), meeting, reason)
    typer.echo(f"Referatet for møde {meeting} er genåbnet; godkendelserne er slettet.")


@command("log")
@friendly
def log(meeting: MeetingArgument, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Vis mødets log: én sætning pr. handling med klokkeslæt; --json giver hver ændret værdi (gammel → ny)."""
    from store.audit import audit_trail, log_sentences
    from store.meetings import get_meeting

    database = open_db(db, readonly=True)
    get_meeting(database, meeting)
    if as_json:
        rows = audit_trail(database, meeting)
        for row in rows:
            row["old"], row["new"] = (None if v is None else json.loads(v) for v in (row["old"], row["new"]))
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    lines = log_sentences(database, meeting)
    say("\n".join(lines) if lines else "Ingen handlinger er logget for mødet.")


@command("verify")
@friendly
def verify(meeting: MeetingArgument, db: DbOption = None) -> None:
    """Kontrollér at referatet stadig stemmer med sin ændringslog og sin godkendelse (exit 0 eller 1)."""
    from store.verify import verify_meeting

    verdict = verify_meeting(open_db(db), meeting)
    say(verdict.sentence)
    if not verdict.ok:
        raise SystemExit(1)


# --- backups ------------------------------------------------------------------


@command("backup")
@friendly
def backup(
    destination: Annotated[
        Path | None,
        typer.Argument(
            help="Mappe eller .db-fil til kopien (standard: indstillingernes backup_folder).", show_default=False
        ),
    ] = None,
    list_them: Annotated[bool, typer.Option("--list", help="Vis sikkerhedskopierne i mappen i stedet.")] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Tag en sikkerhedskopi af databasen (sikkert, mens et vindue optager), navngivet med dato og tid."""
    from store import paths
    from store.backup import list_backups, make_backup

    folder = destination or _settings().backup_folder
    if list_them:
        rows = list_backups(folder)
        for row in rows:
            row["size"] = f"{row['size'] / 1024:.0f} KB" if not as_json else row["size"]
        emit_rows(
            rows,
            as_json,
            [("taken", "Tidspunkt"), ("size", "Størrelse"), ("file", "Fil")],
            f"Ingen sikkerhedskopier i {folder}.",
        )
        return
    path = make_backup(paths.database_path(db), folder)
    typer.echo(f"Sikkerhedskopien er gemt: {path}")


@command("restore")
@friendly
def restore(
    backup_file: Annotated[
        Path, typer.Argument(help="Sikkerhedskopien der skal gendannes (se 'referat backup --list').")
    ],
    db: DbOption = None,
) -> None:
    """Gendan databasen fra en sikkerhedskopi; den nuværende gemmes først som kopi. Afvises, mens et vindue optager."""
    from store import paths
    from store.backup import restore as restore_backup

    db_path = paths.database_path(db)
    aside = restore_backup(db_path, backup_file)
    typer.echo(f"Databasen {db_path} er gendannet fra {backup_file}.")
    typer.echo(f"Den tidligere udgave er gemt i {aside}.")


# --- settings -----------------------------------------------------------------


def _settings():
    """The settings in force; what in the file could not be used is said on stderr."""
    from store.config import load

    settings = load()
    for problem in settings.problems:
        typer.echo(f"Advarsel: {problem}", err=True)
    return settings


@command("path", group="config")
def config_path() -> None:
    """Vis hvor indstillingsfilen ligger (den behøver ikke findes)."""
    from store.config import config_path as path

    typer.echo(str(path()))


@command("show", group="config")
def config_show() -> None:
    """Vis indstillingerne der gælder nu, og hvor hver kommer fra (standard, filen eller miljøet)."""
    from store.config import render

    typer.echo(render(_settings()), nl=False)


@command("keys", group="config")
def config_keys() -> None:
    """Vis alle taster der kan ændres under [keys]: id, tasten nu, standardtasten og handlingen."""
    from tui.keymap import keymap_problems, rebindable

    settings = _settings()
    for problem in keymap_problems(settings).values():
        typer.echo(f"Advarsel: {problem}", err=True)
    rows = []
    for binding_id, (scope, binding) in rebindable().items():
        rows.append(
            {
                "id": binding_id,
                "keys": settings.keys.get(binding_id, binding.key),
                "default": binding.key,
                "scope": scope,
                "action": binding.description,
            }
        )
    emit_rows(
        rows,
        False,
        [("id", "Id"), ("keys", "Tast"), ("default", "Standard"), ("scope", "Skærm"), ("action", "Handling")],
        "",
    )


# --- the meeting-day UI -------------------------------------------------------


@command("run")
@friendly
def run(
    meeting: TodaysMeetingArgument = None,
    db: DbOption = None,
) -> None:
    """Åbn mødet i terminalen, dér hvor det slap; optager et andet vindue mødet, følger dette vindue med."""
    from store import paths
    from tui.app import ReferatApp

    db_path = paths.database_path(db)
    if not db_path.exists():
        fail(f"Databasen {db_path} findes ikke; kontrollér --db (eller REFERAT_DB).")
    ReferatApp(db_path, meeting).run()


@command("chair")
@friendly
def chair(
    meeting: TodaysMeetingArgument = None,
    db: DbOption = None,
) -> None:
    """Formandens skærm: det aktuelle punkt stort på en ekstra skærm eller projektor; følger mødet."""
    from store import paths
    from tui.chair import ChairApp

    ChairApp(paths.database_path(db), meeting).run()


@command("demo")
@friendly
def demo(
    reset: Annotated[bool, typer.Option("--reset", help="Start demoen forfra.")] = False,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Demoens databasefil (standard: demo.db i brugerens datamappe).", show_default=False),
    ] = None,
) -> None:
    """Åbn et demomøde: Arbejdsmarkedsudvalget i Hvidovre, 29. maj 2017."""
    from store import paths
    from store.demo import prepare_demo
    from tui.app import ReferatApp

    db_path = paths.demo_database_path(db)
    meeting_id = prepare_demo(db_path, reset=reset)
    ReferatApp(db_path, meeting_id).run()
    print(f"Demodatabasen ligger i {db_path}")  # print: typer is not imported on the short cut
    print(f"Eksportér referatet med: referat export {meeting_id} --full --db '{db_path}'")


# --- the console script -------------------------------------------------------


# The commands a plain command line calls directly (see entry_point): each one's options that take a value
# (and the keyword argument they set), its flags (keyword argument and value), and whether a meeting's id
# may stand on the line, must, or may not.
SHORT_CUTS: dict[str, tuple[dict[str, str], dict[str, tuple[str, bool]], str]] = {
    "run": ({"--db": "db"}, {}, "may"),
    "demo": ({"--db": "db"}, {"--reset": ("reset", True)}, "no"),
    "export": (
        {"--db": "db", "--format": "fmt", "-o": "output", "--output": "output"},
        {"--public": ("public", True), "--full": ("public", False), "--decisions-only": ("decisions_only", True)},
        "must",
    ),
}


def short_cut(argv: list[str]):
    """(command, its keyword arguments) for a plain `run`, `demo` or `export MEETING` command line, else None.

    Only the options in SHORT_CUTS qualify (`--name VALUE` or `--name=VALUE`, a value not beginning with '-');
    anything else (--help, --all, a mistake, another command) is left to typer, which says what is wrong.  The
    command itself checks the values and decides the database (store.paths), as it does when typer calls it.
    """
    if not argv or argv[0] not in SHORT_CUTS:
        return None
    values, flags, meeting = SHORT_CUTS[argv[0]]
    rest = argv[1:]
    kwargs: dict[str, Path | str | bool | int] = {}
    while rest:
        arg = rest.pop(0)
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in values:
            if not equals:
                value = rest.pop(0) if rest else ""
            if not value or value.startswith("-"):
                return None
            kwargs[values[name]] = value if name == "--format" else Path(value)
        elif arg in flags:
            key, flag = flags[arg]
            kwargs[key] = flag
        elif meeting != "no" and arg.isascii() and arg.isdigit() and "meeting" not in kwargs:
            kwargs["meeting"] = int(arg)
        else:
            return None
    if meeting == "must" and "meeting" not in kwargs:
        return None
    return {"run": run, "demo": demo, "export": export}[argv[0]], kwargs


def entry_point() -> None:
    """The `referat` console script: the typer app, with a short cut for the commands a secretary runs most.

    A plain `referat run` / `demo` / `export MEETING` calls its command directly, without importing typer or
    running its argument parsing (which imports pydantic; bench/startup.py prints what both cost); run and
    demo with the cycle collector paused until the first frame.  New commands need nothing here.
    """
    call = short_cut(sys.argv[1:])
    if call is None:
        typer_app()()
        return
    command, kwargs = call
    if command is not export:
        from tui.startup import pause_collection

        pause_collection()  # until the first frame
    command(**kwargs)
