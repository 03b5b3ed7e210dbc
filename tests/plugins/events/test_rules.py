"""Recurrence rules in words, where they are simple; None (the rule is shown) otherwise."""

import datetime

import pytest

from plugins.events import catalog
from plugins.events.rules import describe
from sites.engine.rendering import TIME_ZONE

START = datetime.datetime(2026, 12, 1, 19, 0, tzinfo=TIME_ZONE)  # a Tuesday


def words(rule, locale="de"):
    return describe(rule, START, locale, catalog.locale(locale))


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("FREQ=WEEKLY;BYDAY=TU", "Jede Woche am Dienstag"),
        ("RRULE:FREQ=WEEKLY", "Jede Woche am Dienstag"),
        ("FREQ=WEEKLY;BYDAY=TH,TU", "Jede Woche am Dienstag und Donnerstag"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR", "Alle 2 Wochen am Montag, Mittwoch und Freitag"),
        ("FREQ=DAILY", "Täglich"),
        ("FREQ=DAILY;INTERVAL=3", "Alle 3 Tage"),
        ("FREQ=MONTHLY", "Jeden Monat am 1."),
        ("FREQ=YEARLY", "Jedes Jahr am 1. Dezember"),
        ("FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630", "Jede Woche am Dienstag, bis 30. Juni 2027"),
        ("FREQ=WEEKLY;BYDAY=TU;COUNT=10", "Jede Woche am Dienstag, Termine insgesamt: 10"),
    ],
)
def test_simple_rules_in_german(rule, text):
    assert words(rule) == text


@pytest.mark.parametrize(
    "rule",
    ["FREQ=MONTHLY;BYDAY=1TU", "FREQ=WEEKLY;BYDAY=1TU", "FREQ=MONTHLY;BYSETPOS=-1", ""],
)
def test_other_rules_are_not_put_into_words(rule):
    assert words(rule) is None


def test_other_languages():
    assert words("FREQ=WEEKLY;BYDAY=TU", "en") == "Every week on Tuesday"
    assert words("FREQ=WEEKLY;BYDAY=TU", "tr") == "Her hafta Salı"
    assert words("FREQ=WEEKLY;BYDAY=TU", "ar") == "كل أسبوع يوم الثلاثاء"
    assert words("FREQ=WEEKLY;BYDAY=TU", "uk") == "Щотижня: вівторок"
