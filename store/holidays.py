"""Danish public holidays (helligdage) and the days around them that are not working days."""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter

LAST_STORE_BEDEDAG = 2023


def holidays(year: int) -> dict[dt.date, str]:
    """The Danish helligdage of a year (plus grundlovsdag, juleaftensdag and nytårsaftensdag) by date."""
    påskedag = easter(year)
    days = {
        dt.date(year, 1, 1): "Nytårsdag",
        påskedag - dt.timedelta(days=3): "Skærtorsdag",
        påskedag - dt.timedelta(days=2): "Langfredag",
        påskedag: "Påskedag",
        påskedag + dt.timedelta(days=1): "2. påskedag",
        påskedag + dt.timedelta(days=39): "Kristi himmelfartsdag",
        påskedag + dt.timedelta(days=49): "Pinsedag",
        påskedag + dt.timedelta(days=50): "2. pinsedag",
        dt.date(year, 6, 5): "Grundlovsdag",
        dt.date(year, 12, 24): "Juleaftensdag",
        dt.date(year, 12, 25): "Juledag",
        dt.date(year, 12, 26): "2. juledag",
        dt.date(year, 12, 31): "Nytårsaftensdag",
    }
    if year <= LAST_STORE_BEDEDAG:
        days[påskedag + dt.timedelta(days=26)] = "Store bededag"
    return dict(sorted(days.items()))


def holiday_name(day: dt.date) -> str | None:
    """The name of the holiday on a date, or None for an ordinary day."""
    return holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    """True for Monday to Friday when it is not a holiday."""
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: dt.date) -> dt.date:
    """The first working day after a date."""
    day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day
