"""The recurrence bomb (issue 15, item 2): a rule is of a bounded subset, its expansion jumps
to the requested window, and every public date and number parameter is bounded."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.events.models import EventPage, validate_rrule
from cms.events.recurrence import event_rule, ical_rule, occurrences

from .conftest import local

pytestmark = pytest.mark.django_db

REFUSED_RULES = [
    "FREQ=DAILY;BYHOUR="
    + ",".join(map(str, range(24)))
    + ";BYMINUTE="
    + ",".join(map(str, range(60))),
    "FREQ=DAILY;BYHOUR=9",
    "FREQ=WEEKLY;BYMINUTE=0,30",
    "FREQ=MONTHLY;BYSECOND=1",
    "FREQ=HOURLY",
    "FREQ=MINUTELY",
    "FREQ=SECONDLY",
    "FREQ=YEARLY;BYWEEKNO=1",
    "FREQ=YEARLY;BYYEARDAY=100",
    "FREQ=YEARLY;BYEASTER=0",
    "FREQ=WEEKLY\nBYDAY=MO",
    "FREQ=WEEKLY;BYDAY=MO\r\nDTSTART:19000101T000000",
    "FREQ=WEEKLY;BYDAY=MO\x0b",
    "FREQ=DAILY;COUNT=100000",
    "FREQ=DAILY;INTERVAL=1000",
    "FREQ=DAILY;INTERVAL=7;BYDAY=MO",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYMONTHDAY=40",
    "FREQ=MONTHLY;BYDAY=9MO",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=WEEKLY;BYDAY=MO;BYDAY=TU",
    "FREQ=WEEKLY;COUNT=5;UNTIL=20300101",
    "FREQ=WEEKLY;UNTIL=morgen",
    "FREQ=WEEKLY;X-NAME=1",
]
ACCEPTED_RULES = [
    "FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231",
    "RRULE:FREQ=MONTHLY;BYDAY=1MO",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=DAILY;COUNT=10",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU",
]


@pytest.mark.parametrize("rule", REFUSED_RULES)
def test_rules_outside_the_subset_are_refused(rule):
    with pytest.raises(ValidationError):
        validate_rrule(rule)


@pytest.mark.parametrize("rule", ACCEPTED_RULES)
def test_ordinary_rules_are_accepted(rule):
    validate_rrule(rule)


def event(start, recurrence, end=None, all_day=False):
    return EventPage(
        title="Treffen", start=start, end=end, recurrence=recurrence, all_day=all_day, pk=1
    )


@pytest.mark.parametrize("rule", REFUSED_RULES)
def test_a_stored_rule_outside_the_subset_is_a_one_off(rule):
    """Data that bypassed validation (import, shell, old rows) is never expanded."""
    bomb = event(local(1900, 1, 1), rule)
    assert event_rule(bomb) is None
    assert ical_rule(bomb) is None
    assert occurrences(bomb, local(2026, 1, 1), local(2027, 1, 1)) == []


def test_expansion_starts_next_to_the_window_not_at_the_first_start():
    old = event(local(2016, 1, 5, 19), "FREQ=DAILY")
    window_start = local(2026, 6, 1)
    rule = event_rule(old, not_before=window_start)
    assert window_start - datetime.timedelta(days=3) <= rule._dtstart <= window_start
    for text, period in [
        ("FREQ=WEEKLY;INTERVAL=3", 2 * 21),
        ("FREQ=MONTHLY;BYDAY=1MO", 3 * 31),
        ("FREQ=YEARLY;INTERVAL=2", 3 * 2 * 366),
    ]:
        rule = event_rule(event(local(2016, 1, 5, 19), text), not_before=window_start)
        assert window_start - datetime.timedelta(days=period) <= rule._dtstart <= window_start


@st.composite
def rules(draw):
    freq = draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]))
    parts = [f"FREQ={freq}"]
    interval = draw(st.integers(1, {"DAILY": 31, "WEEKLY": 52, "MONTHLY": 12, "YEARLY": 10}[freq]))
    days = draw(st.lists(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), max_size=3))
    if days and not (freq == "DAILY" and interval > 1):
        if freq in ("MONTHLY", "YEARLY") and draw(st.booleans()):
            days = [f"{draw(st.sampled_from([1, 2, -1]))}{day}" for day in days]
        parts.append("BYDAY=" + ",".join(dict.fromkeys(days)))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if freq in ("MONTHLY", "YEARLY") and not days and draw(st.booleans()):
        parts.append(f"BYMONTHDAY={draw(st.sampled_from([1, 15, 28, -1]))}")
    if draw(st.booleans()):
        parts.append(
            "BYMONTH="
            + ",".join(map(str, draw(st.sets(st.integers(1, 12), min_size=1, max_size=3))))
        )
    if draw(st.booleans()):
        parts.append(f"UNTIL={draw(st.integers(2020, 2035))}0615")
    return ";".join(parts)


@settings(
    max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
@given(
    rule=rules(),
    start=st.datetimes(datetime.datetime(2016, 1, 1), datetime.datetime(2030, 12, 31)),
    offset_days=st.integers(-400, 9 * 365),
    length_days=st.integers(1, 70),
)
def test_jumping_to_the_window_gives_the_same_occurrences(rule, start, offset_days, length_days):
    """Against dateutil's own expansion from the first start (the slow, obviously right one)."""
    validate_rrule(rule)
    start = local(start.year, start.month, start.day, start.hour, 5 * (start.minute // 5))
    recurring = event(start, rule, end=start + datetime.timedelta(hours=2))
    window_start = local(2016, 1, 1) + datetime.timedelta(days=offset_days + 365 * 2)
    window_end = window_start + datetime.timedelta(days=length_days)
    found = [o.start for o in occurrences(recurring, window_start, window_end)]
    body = ";".join(p for p in rule.split(";") if not p.startswith("UNTIL"))
    reference = rrulestr(body, dtstart=start)
    if "UNTIL=" in rule:
        day = datetime.datetime.strptime(rule.split("UNTIL=")[1][:8], "%Y%m%d")
        reference = reference.replace(
            until=local(day.year, day.month, day.day, 23, 59) + datetime.timedelta(seconds=59)
        )
    expected = [
        moment
        for moment in reference.between(
            window_start - datetime.timedelta(hours=2), window_end, inc=True
        )
        if moment + datetime.timedelta(hours=2) > window_start and moment < window_end
    ]
    assert [moment.isoformat() for moment in found] == [
        moment.astimezone(found[0].tzinfo if found else start.tzinfo).isoformat()
        for moment in expected
    ]


@pytest.mark.parametrize(
    ("start", "recurrence", "error"),
    [
        (datetime.datetime(1900, 1, 1), "", "Der Beginn muss zwischen"),
        (datetime.datetime(9999, 12, 31), "", "Der Beginn muss zwischen"),
        (datetime.datetime(2000, 1, 1), "FREQ=WEEKLY", "höchstens 10 Jahre zurück"),
    ],
)
def test_event_start_dates_are_bounded(start, recurrence, error):
    page = event(timezone.make_aware(start), recurrence)
    with pytest.raises(ValidationError) as raised:
        page.clean()
    assert any(error in message for message in raised.value.message_dict["start"])


@pytest.mark.parametrize(
    "injected",
    [
        "FREQ=WEEKLY;BYDAY=MO\r\nATTENDEE:mailto:opfer@example.org",
        "FREQ=WEEKLY;BYDAY=MO\nX-INJECTED:1",
        "FREQ=WEEKLY;BYDAY=MO\rX-INJECTED:1",
        "FREQ=WEEKLY;BYDAY=MO;X-INJECTED=1",
    ],
)
def test_multi_line_rules_never_reach_the_calendar_file(client, injected):
    from tests.factories import ClubFactory, event_index, event_page

    club = ClubFactory()
    page = event_page(event_index(club), "Treffen", recurrence="FREQ=WEEKLY;BYDAY=MO")
    type(page).objects.filter(pk=page.pk).update(recurrence=injected)
    for url in ("/api/v1/events.ics", f"/api/v1/clubs/{club.slug}/events.ics"):
        response = client.get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "INJECTED" not in text and "opfer@" not in text
        assert "RRULE:FREQ=WEEKLY" not in text, "a rule outside the subset makes a one-off"
