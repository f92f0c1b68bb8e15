"""A committee's meeting plan for a period, from an iCalendar recurrence rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from dateutil.rrule import rrulestr

from store.committees import get_committee
from store.dates import long_date, parse_time
from store.holidays import holiday_name, next_working_day
from store.meetings import create_meeting

if TYPE_CHECKING:
    from sqlite_utils import Database

ON_HOLIDAY = ("skip", "next")


class PlanDate(NamedTuple):
    """One date of a plan: the day, a Danish note about a holiday, and whether a meeting is held."""

    day: dt.date
    note: str | None = None
    held: bool = True


def plan_dates(rule: str, start: dt.date, until: dt.date, on_holiday: str = "skip",
               skip_months: Iterable[int] = ()) -> list[PlanDate]:
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
    for moment in recurrence.between(dt.datetime.combine(start, dt.time()),
                                     dt.datetime.combine(until, dt.time.max), inc=True):
        day = moment.date()
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


def create_plan(db: Database, committee: str, rule: str, start: dt.date, until: dt.date,
                time: str | None = None, place: str | None = None, on_holiday: str = "skip",
                skip_months: Iterable[int] = (), municipality: str | None = None) -> list[int]:
    """Create the planned meetings of a committee (in `municipality`) for a period; returns their ids in date order."""
    get_committee(db, committee, municipality)
    if time:
        parse_time(time)
    dates = plan_dates(rule, start, until, on_holiday, skip_months)
    return [create_meeting(db, committee, date.day.isoformat(), time, place, municipality)
            for date in dates if date.held]
