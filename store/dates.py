"""Danish dates and times: parsing (through python-dateutil) and formatting."""

from __future__ import annotations

import datetime as dt
import functools
import re

from store.model import MONTHS, danish_time, short_date, short_iso_date

__all__ = ["MONTHS", "WEEKDAYS", "danish_time", "long_date", "parse_date", "parse_time", "short_date", "short_iso_date"]
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


@functools.cache
def _danish_parser_info():
    """A dateutil parserinfo with Danish month and weekday names (dateutil is imported on first use: the
    meeting-day UI formats dates but parses none before its first frame, bench/startup.py)."""
    from dateutil import parser as dateutil_parser

    class DanishParserInfo(dateutil_parser.parserinfo):
        JUMP = dateutil_parser.parserinfo.JUMP + ["den", "d", "kl", "klokken", "og"]
        WEEKDAYS = [
            ("man", "mandag"),
            ("tir", "tirsdag"),
            ("ons", "onsdag"),
            ("tor", "torsdag"),
            ("fre", "fredag"),
            ("lør", "lørdag"),
            ("søn", "søndag"),
        ]
        MONTHS = [
            ("jan", "januar"),
            ("feb", "februar"),
            ("mar", "marts"),
            ("apr", "april"),
            ("maj", "maj"),
            ("jun", "juni"),
            ("jul", "juli"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("okt", "oktober"),
            ("nov", "november"),
            ("dec", "december"),
        ]

    return dateutil_parser, DanishParserInfo(dayfirst=True)


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3])[.:]([0-5]\d)(?!\d)")


def parse_date(text: str) -> dt.date:
    """Parse a Danish date: '29. maj 2017', 'Mandag den 29. maj 2017', '29-05-2017', '2017-05-29'.

    Raises ValueError with a Danish message when the text is not a date.
    """
    match = _ISO.match(text)
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError as error:  # "day is out of range for month"
            raise ValueError(f"'{text.strip()}' er ikke en dato") from error
    dateutil_parser, parser_info = _danish_parser_info()
    try:
        parsed = dateutil_parser.parse(text.strip().lower(), parserinfo=parser_info, dayfirst=True)
    except (ValueError, OverflowError) as error:
        raise ValueError(f"'{text}' er ikke en dato") from error
    return parsed.date()


def parse_time(text: str) -> str:
    """Parse 'kl. 15.00', '15:00' or 'Kl. 15:00' into 'HH:MM'. Raises ValueError."""
    match = _TIME.search(text)
    if not match:
        raise ValueError(f"'{text}' er ikke et klokkeslæt")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


_CLOCK = re.compile(r"^\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*$", re.IGNORECASE)


def parse_clock(text: str) -> str:
    """A clock typed by a user: '9', '9.05', '09:05', 'kl. 15.30' -> 'HH:MM'; ValueError (Danish) otherwise.

    Stricter than `parse_time`, which finds a clock inside a document's text: here the whole
    text must be the clock, and '25:00' or '15:60' is refused.
    """
    match = _CLOCK.match(text or "")
    hour, minute = (int(match[1]), int(match[2] or 0)) if match else (99, 99)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{(text or '').strip()}' er ikke et klokkeslæt (skriv fx 15.30)")
    return f"{hour:02d}:{minute:02d}"


def long_date(day: dt.date) -> str:
    """'Mandag den 29. maj 2017'."""
    weekday = WEEKDAYS[day.weekday()].capitalize()
    return f"{weekday} den {day.day}. {MONTHS[day.month - 1]} {day.year}"
