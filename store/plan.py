"""A committee's meeting plan for a period, from an iCalendar recurrence rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from dateutil.rrule import DAILY, rrulestr

from store.committees import get_committee
from store.dates import long_date, parse_clock
from store.holidays import holiday_name, next_working_day
from store.meetings import create_meeting

if TYPE_CHECKING:
    from store.db import Database

ON_HOLIDAY = ("skip", "next")
MAX_MEETINGS = 400  # a plan longer than this is a mistyped rule or period, not a committee's year


class PlanDate(NamedTuple):
    """One date of a plan: the day, a Danish note about a holiday, and whether a meeting is held."""

    day: dt.date
    note: str | None = None
    held: bool = True


def plan_dates(
    rule: str, start: dt.date, until: dt.date, on_holiday: str = "skip", skip_months: Iterable[int] = ()
) -> list[PlanDate]:
    """Meeting dates of a rule from start to until, each with a Danish note.

    A date in a skipped month is left out.  A date on a holiday is left out
    (note "… udgår") with on_holiday="skip", or moved to the next working day
    (note "flyttet fra …") with "next"; a skipped holiday is returned with
    held=False so callers can show what happened.
    """
    if on_holiday not in ON_HOLIDAY:
        raise ValueError(f"Ukendt valg for helligdage: {on_holiday!r} (brug 'skip' eller 'next').")
    months = set(skip_months)
    try:
        recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError) as error:
        raise ValueError(f"Reglen {rule!r} kan ikke læses: {error}.") from None
    result: list[PlanDate] = []
    for day in _meeting_days(recurrence, rule, start, until):
        if day.month in months:
            continue
        name = holiday_name(day)
        if name is None:
            result.append(PlanDate(day))
        elif on_holiday == "skip":
            result.append(PlanDate(day, f"{name} – mødet udgår", held=False))
        else:
            moved = next_working_day(day)
            result.append(PlanDate(moved, f"flyttet fra {long_date(day).lower()} ({name})"))
    return result


def _meeting_days(recurrence, rule: str, start: dt.date, until: dt.date) -> Iterable[dt.date]:
    """The rule's days up to `until`, read lazily: refused at the first sign of more than one meeting a day
    or more than MAX_MEETINGS, so a rule over the years 1–9999 is refused as quickly as one over a month."""
    rules = getattr(recurrence, "_rrule", [recurrence])  # an rruleset holds several rules
    if any(getattr(one, "_freq", DAILY) > DAILY for one in rules):  # HOURLY, MINUTELY, SECONDLY
        raise ValueError(f"Reglen {rule!r} giver flere møder om dagen; brug FREQ=DAILY, WEEKLY, MONTHLY eller YEARLY.")
    last_day, count = None, 0
    for moment in recurrence:
        day = moment.date()
        if day > until:
            return
        if day < start:  # an RDATE of a rule set may lie before the period
            continue
        if day == last_day:
            raise ValueError(
                f"Reglen {rule!r} giver flere møder den {long_date(day).lower()}; "
                "et udvalg holder højst ét møde om dagen."
            )
        count += 1
        if count > MAX_MEETINGS:
            raise ValueError(
                f"Reglen {rule!r} giver mere end {MAX_MEETINGS} møder i perioden; "
                "vælg en kortere periode eller en anden regel."
            )
        last_day = day
        yield day


def create_plan(
    db: Database,
    committee: str,
    rule: str,
    start: dt.date,
    until: dt.date,
    time: str | None = None,
    place: str | None = None,
    on_holiday: str = "skip",
    skip_months: Iterable[int] = (),
    municipality: str | None = None,
) -> list[int]:
    """Create the planned meetings of a committee (in `municipality`) for a period; returns their ids in date order."""
    get_committee(db, committee, municipality)
    if time:
        parse_clock(time)
    dates = plan_dates(rule, start, until, on_holiday, skip_months)
    return [
        create_meeting(db, committee, date.day.isoformat(), time, place, municipality) for date in dates if date.held
    ]
