"""Expansion of recurring events in Europe/Berlin local time, bounded in window and count."""

import datetime

import pytest

from cms.events.models import EventPage
from cms.events.recurrence import (
    MAX_OCCURRENCES_PER_EVENT,
    MAX_WINDOW,
    WindowError,
    check_window,
    ical_rule,
    occurrences,
    series_start,
)

from .conftest import local

# Building an EventPage instance reads the default locale.
pytestmark = pytest.mark.django_db


def event(start, end=None, recurrence="", all_day=False, **kwargs):
    return EventPage(
        title="Treffen", start=start, end=end, recurrence=recurrence, all_day=all_day, **kwargs
    )


def starts(found):
    return [o.start.isoformat() for o in found]


def test_weekly_event_keeps_local_time_across_spring_dst_change():
    weekly = event(local(2026, 3, 17, 19), local(2026, 3, 17, 21), "FREQ=WEEKLY;BYDAY=TU")
    found = occurrences(weekly, local(2026, 3, 16), local(2026, 4, 8))
    assert starts(found) == [
        "2026-03-17T19:00:00+01:00",
        "2026-03-24T19:00:00+01:00",
        "2026-03-31T19:00:00+02:00",
        "2026-04-07T19:00:00+02:00",
    ]
    assert [o.end.hour for o in found] == [21, 21, 21, 21]


def test_weekly_event_keeps_local_time_across_autumn_dst_change():
    weekly = event(local(2026, 10, 20, 19), local(2026, 10, 20, 21), "FREQ=WEEKLY")
    found = occurrences(weekly, local(2026, 10, 19), local(2026, 11, 4))
    assert starts(found) == [
        "2026-10-20T19:00:00+02:00",
        "2026-10-27T19:00:00+01:00",
        "2026-11-03T19:00:00+01:00",
    ]
    # In UTC the meeting moved by an hour; that is what "same local time" means.
    utc_hours = [o.start.astimezone(datetime.UTC).hour for o in found]
    assert utc_hours == [17, 18, 18]


def test_start_stored_in_utc_is_read_in_local_time():
    utc_start = datetime.datetime(2026, 7, 7, 17, 0, tzinfo=datetime.UTC)  # 19:00 CEST
    weekly = event(utc_start, None, "FREQ=WEEKLY")
    found = occurrences(weekly, local(2026, 12, 1), local(2026, 12, 9))
    assert starts(found) == ["2026-12-01T19:00:00+01:00", "2026-12-08T19:00:00+01:00"]


def test_until_as_a_date_includes_that_whole_day():
    weekly = event(local(2026, 3, 3, 19), None, "FREQ=WEEKLY;UNTIL=20260317")
    assert len(occurrences(weekly, local(2026, 3, 1), local(2026, 4, 30))) == 3


def test_until_in_utc_and_count():
    utc_until = event(local(2026, 3, 3, 19), None, "RRULE:FREQ=WEEKLY;UNTIL=20260317T180000Z")
    assert len(occurrences(utc_until, local(2026, 3, 1), local(2026, 4, 30))) == 3
    counted = event(local(2026, 3, 3, 19), None, "FREQ=DAILY;COUNT=4")
    assert len(occurrences(counted, local(2026, 3, 1), local(2026, 4, 30))) == 4


def test_monthly_rule_with_byday():
    second_saturday = event(local(2026, 1, 10, 15), None, "FREQ=MONTHLY;BYDAY=2SA")
    found = occurrences(second_saturday, local(2026, 2, 1), local(2026, 5, 1))
    assert [o.start.date().isoformat() for o in found] == [
        "2026-02-14",
        "2026-03-14",
        "2026-04-11",
    ]


def test_window_is_half_open_and_overlapping_occurrences_count():
    weekly = event(local(2026, 3, 3, 19), local(2026, 3, 3, 21), "FREQ=WEEKLY")
    # Ends exactly at a start: that occurrence is outside.
    assert starts(occurrences(weekly, local(2026, 3, 3), local(2026, 3, 10, 19))) == [
        "2026-03-03T19:00:00+01:00"
    ]
    # Starts while an occurrence is running: it is inside.
    assert starts(occurrences(weekly, local(2026, 3, 10, 20), local(2026, 3, 11))) == [
        "2026-03-10T19:00:00+01:00"
    ]


def test_one_off_event_inside_and_outside_the_window():
    one_off = event(local(2026, 5, 1, 10), local(2026, 5, 1, 12))
    assert len(occurrences(one_off, local(2026, 4, 1), local(2026, 6, 1))) == 1
    assert occurrences(one_off, local(2026, 6, 1), local(2026, 7, 1)) == []
    without_end = event(local(2026, 5, 1, 10))
    assert occurrences(without_end, local(2026, 5, 1, 10), local(2026, 5, 2))[0].end is None
    assert occurrences(without_end, local(2026, 5, 1, 11), local(2026, 5, 2)) == []


def test_all_day_events_cover_whole_local_days():
    festival = event(local(2026, 6, 5, 10), local(2026, 6, 7, 18), all_day=True)
    (found,) = occurrences(festival, local(2026, 6, 6, 12), local(2026, 6, 6, 13))
    assert found.start == local(2026, 6, 5)
    assert found.end == local(2026, 6, 8)
    assert found.all_day


def test_window_bounds():
    check_window(local(2026, 1, 1), local(2026, 1, 1) + MAX_WINDOW)
    with pytest.raises(WindowError):
        check_window(local(2026, 1, 1), local(2026, 1, 1) + MAX_WINDOW + datetime.timedelta(1))
    with pytest.raises(WindowError):
        check_window(local(2026, 1, 2), local(2026, 1, 1))
    with pytest.raises(WindowError):
        occurrences(event(local(2026, 1, 1)), local(2026, 1, 1), local(2028, 1, 1))


def test_occurrences_per_event_are_capped():
    daily = event(local(2020, 1, 1, 8), None, "FREQ=DAILY")
    found = occurrences(daily, local(2026, 1, 1), local(2026, 1, 1) + MAX_WINDOW)
    assert len(found) == MAX_WINDOW.days <= MAX_OCCURRENCES_PER_EVENT
    assert len(occurrences(daily, local(2026, 1, 1), local(2026, 12, 1), limit=10)) == 10
    assert found[0].start == local(2026, 1, 1, 8)


@pytest.mark.parametrize(
    "rule", ["FREQ=SECONDLY", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;UNTIL=tomorrow", "nonsense"]
)
def test_unusable_rule_makes_a_one_off_event(rule):
    broken = event(local(2026, 3, 3, 19), None, rule)
    assert len(occurrences(broken, local(2026, 3, 1), local(2026, 12, 1))) == 1


def test_ical_rule_writes_until_as_rfc_5545_requires():
    timed = event(local(2026, 3, 3, 19), None, "FREQ=WEEKLY;BYDAY=TU;UNTIL=20260317")
    assert ical_rule(timed) == {
        "FREQ": ["WEEKLY"],
        "BYDAY": ["TU"],
        "UNTIL": [datetime.datetime(2026, 3, 17, 22, 59, 59, tzinfo=datetime.UTC)],
    }
    all_day = event(local(2026, 3, 3), None, "FREQ=WEEKLY;UNTIL=20260317", all_day=True)
    assert ical_rule(all_day)["UNTIL"] == [datetime.date(2026, 3, 17)]
    assert ical_rule(event(local(2026, 3, 3))) is None


def test_series_start_is_synchronised_with_the_rule():
    monday = local(2026, 3, 2, 19)
    weekly_on_tuesday = event(monday, local(2026, 3, 2, 21), "FREQ=WEEKLY;BYDAY=TU")
    assert series_start(weekly_on_tuesday) == (local(2026, 3, 3, 19), local(2026, 3, 3, 21))
    matching = event(local(2026, 3, 3, 19), None, "FREQ=WEEKLY;BYDAY=TU")
    assert series_start(matching) == (local(2026, 3, 3, 19), None)
    assert series_start(event(monday)) == (monday, None)
