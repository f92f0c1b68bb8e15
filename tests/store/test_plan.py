"""Danish holidays and the meeting plan built from a recurrence rule."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from cli import app
from store.committees import add_committee
from store.holidays import holidays, next_working_day
from store.meetings import list_meetings
from store.plan import MAX_MEETINGS, create_plan, plan_dates

runner = CliRunner()
LAST_MONDAY = "FREQ=MONTHLY;BYDAY=-1MO"
YEAR_2027 = (dt.date(2027, 1, 1), dt.date(2027, 12, 31))


def test_holidays_2023_include_store_bededag():
    days = holidays(2023)
    assert days[dt.date(2023, 5, 5)] == "Store bededag"
    assert days[dt.date(2023, 4, 9)] == "Påskedag"
    assert days[dt.date(2023, 4, 6)] == "Skærtorsdag"
    assert days[dt.date(2023, 5, 18)] == "Kristi himmelfartsdag"
    assert days[dt.date(2023, 5, 29)] == "2. pinsedag"
    assert len(days) == 14


def test_holidays_2024_and_2027_have_no_store_bededag():
    assert "Store bededag" not in holidays(2024).values()
    assert len(holidays(2024)) == 13
    days = holidays(2027)
    assert "Store bededag" not in days.values()
    assert days[dt.date(2027, 3, 26)] == "Langfredag"
    assert days[dt.date(2027, 3, 29)] == "2. påskedag"
    assert days[dt.date(2027, 5, 6)] == "Kristi himmelfartsdag"
    assert days[dt.date(2027, 5, 16)] == "Pinsedag"
    assert days[dt.date(2027, 6, 5)] == "Grundlovsdag"
    assert [days[dt.date(2027, 12, d)] for d in (24, 25, 26, 31)] == [
        "Juleaftensdag",
        "Juledag",
        "2. juledag",
        "Nytårsaftensdag",
    ]


def test_next_working_day_passes_weekend_and_holidays():
    assert next_working_day(dt.date(2027, 3, 24)) == dt.date(2027, 3, 30)  # skærtorsdag → 2. påskedag
    assert next_working_day(dt.date(2027, 12, 23)) == dt.date(2027, 12, 27)


def test_skip_leaves_out_the_holiday():
    dates = plan_dates(LAST_MONDAY, *YEAR_2027, on_holiday="skip")
    march = [d for d in dates if d.day.month == 3]
    assert march == [(dt.date(2027, 3, 29), "2. påskedag – mødet udgår", False)]
    assert sum(d.held for d in dates) == 11


def test_next_moves_to_the_next_working_day():
    dates = plan_dates(LAST_MONDAY, *YEAR_2027, on_holiday="next")
    march = [d for d in dates if d.day.month == 3]
    assert march == [(dt.date(2027, 3, 30), "flyttet fra mandag den 29. marts 2027 (2. påskedag)", True)]
    assert all(d.held for d in dates) and len(dates) == 12


def test_skip_months():
    dates = plan_dates(LAST_MONDAY, *YEAR_2027, skip_months=[7, 12])
    assert {d.day.month for d in dates} == set(range(1, 13)) - {7, 12}


def test_create_plan_makes_planned_meetings(db):
    add_committee(db, "Arbejdsmarkedsudvalget")
    ids = create_plan(
        db,
        "Arbejdsmarkedsudvalget",
        LAST_MONDAY,
        *YEAR_2027,
        time="16:00",
        place="Mødelokale 1",
        on_holiday="next",
        skip_months=[7],
    )
    rows = list_meetings(db)
    assert [row["id"] for row in rows] == ids
    assert [row["date"] for row in rows][:3] == ["2027-01-25", "2027-02-22", "2027-03-30"]
    assert len(ids) == 11


def test_cli_dry_run_prints_danish_dates_and_creates_nothing(db, db_path):
    add_committee(db, "Arbejdsmarkedsudvalget")
    result = runner.invoke(
        app,
        [
            "plan",
            "--committee",
            "Arbejdsmarkedsudvalget",
            "--rule",
            LAST_MONDAY,
            "--from",
            "2027-01-01",
            "--until",
            "2027-06-30",
            "--time",
            "16:00",
            "--skip-months",
            "2",
            "--dry-run",
            "--db",
            str(db_path),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Mandag den 25. januar 2027"
    assert "Mandag den 29. marts 2027 – 2. påskedag – mødet udgår" in lines
    assert "februar" not in result.output
    assert lines[-1] == "4 møder ville blive oprettet (prøvekørsel)."
    assert list_meetings(db) == []
    unknown = runner.invoke(
        app,
        [
            "plan",
            "--committee",
            "Findes ikke",
            "--rule",
            LAST_MONDAY,
            "--from",
            "2027-01-01",
            "--until",
            "2027-02-01",
            "--dry-run",
            "--db",
            str(db_path),
        ],
    )
    assert unknown.exit_code == 1 and unknown.output.startswith("Fejl: Udvalget 'Findes ikke' findes ikke")


def test_cli_creates_meetings_and_rejects_a_bad_rule(db, db_path):
    add_committee(db, "Arbejdsmarkedsudvalget")
    args = [
        "plan",
        "--committee",
        "Arbejdsmarkedsudvalget",
        "--from",
        "2027-01-01",
        "--until",
        "2027-03-31",
        "--on-holiday",
        "next",
        "--db",
        str(db_path),
    ]
    result = runner.invoke(app, [*args, "--rule", LAST_MONDAY])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == "3 møder er oprettet for Arbejdsmarkedsudvalget."
    bad = runner.invoke(app, [*args, "--rule", "FREQ=SOMETIMES"])
    assert bad.exit_code == 1
    assert bad.output.startswith("Fejl: ") and "Traceback" not in bad.output


@pytest.mark.parametrize(
    "rule, says",
    [
        ("FREQ=MINUTELY", "flere møder om dagen"),
        ("FREQ=HOURLY;INTERVAL=6", "flere møder om dagen"),
        ("FREQ=DAILY;BYHOUR=9,10", "højst ét møde om dagen"),
        ("FREQ=WEEKLY", f"mere end {MAX_MEETINGS} møder"),
        ("RRULE:FREQ=MONTHLY\nRRULE:FREQ=MONTHLY;BYMONTHDAY=1", f"mere end {MAX_MEETINGS} møder"),
    ],
)
def test_a_rule_of_more_than_a_meeting_a_day_or_hundreds_of_meetings_is_refused(rule, says):
    with pytest.raises(ValueError, match=says):
        plan_dates(rule, dt.date(1, 1, 1), dt.date(9999, 12, 31))


def test_cli_refuses_minutely_meetings_and_creates_none(db, db_path):
    add_committee(db, "Arbejdsmarkedsudvalget")
    for extra in ([], ["--dry-run"]):
        result = runner.invoke(
            app,
            [
                "plan",
                "--committee",
                "Arbejdsmarkedsudvalget",
                "--rule",
                "FREQ=MINUTELY",
                "--from",
                "2027-01-04",
                "--until",
                "2027-01-04",
                "--db",
                str(db_path),
                *extra,
            ],
        )
        assert result.exit_code == 1
        assert result.output.startswith("Fejl: Reglen 'FREQ=MINUTELY' giver flere møder om dagen")
    assert list_meetings(db) == []
    years = runner.invoke(
        app,
        [
            "plan",
            "--committee",
            "Arbejdsmarkedsudvalget",
            "--rule",
            "FREQ=MONTHLY",
            "--from",
            "0001-01-01",
            "--until",
            "9999-12-31",
            "--dry-run",
            "--db",
            str(db_path),
        ],
    )
    assert years.exit_code == 1 and f"mere end {MAX_MEETINGS} møder" in years.output
