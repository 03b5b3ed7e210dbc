"""Cancelled dates of a recurring event (issue 17, 4): chosen in the repetition form, stored
as EXDATE next to the RRULE, left out by the expansion (API, club sites, portal calendar) and
written as EXDATE lines to the iCalendar subscription. A date that is not on the rule is a
clear German error, never a 500."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.urls import reverse
from icalendar import Calendar
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.events.models import EventPage
from cms.events.recurrence import MAX_OCCURRENCES_PER_EVENT, occurrences
from cms.events.rules import MAX_EXDATES, RuleError, format_exdates, parse_exdates
from cms.events.widgets import ExdatesWidget
from tests.factories import ClubFactory, event_index, event_page

from .conftest import API, local

pytestmark = pytest.mark.django_db

# Fridays 18:00–20:00 from 8 January 2027; 15 and 22 January are cancelled.
START = local(2027, 1, 8, 18)


def friday_event(exdates="20270115,20270122", **kwargs):
    return EventPage(
        title="Teeabend",
        start=START,
        end=START + datetime.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;BYDAY=FR;UNTIL=20270625",
        exdates=exdates,
        **kwargs,
    )


def test_the_expansion_leaves_the_cancelled_dates_out():
    found = occurrences(friday_event(), local(2027, 1, 1), local(2027, 2, 1))
    assert [o.start.day for o in found] == [8, 29]
    # Counting stays bounded: a limit counts the dates that take place.
    assert len(occurrences(friday_event(), local(2027, 1, 1), local(2027, 3, 1), limit=2)) == 2
    assert (
        len(occurrences(friday_event(), local(2027, 1, 1), local(2027, 12, 1)))
        <= MAX_OCCURRENCES_PER_EVENT
    )


def test_unreadable_stored_dates_cancel_nothing():
    found = occurrences(friday_event(exdates="kaputt"), local(2027, 1, 1), local(2027, 2, 1))
    assert [o.start.day for o in found] == [8, 15, 22, 29]


def test_cancelled_dates_are_parsed_sorted_and_bounded():
    assert parse_exdates(" 20270122, 20270115,20270115 ") == [
        datetime.date(2027, 1, 15),
        datetime.date(2027, 1, 22),
    ]
    assert format_exdates([datetime.date(2027, 1, 22), datetime.date(2027, 1, 15)]) == (
        "20270115,20270122"
    )
    with pytest.raises(RuleError, match="kein Datum"):
        parse_exdates("15.01.2027")
    with pytest.raises(RuleError, match="kein Datum im Kalender"):
        parse_exdates("20270230")
    too_many = format_exdates(
        datetime.date(2027, 1, 1) + datetime.timedelta(days=n) for n in range(MAX_EXDATES + 1)
    )
    with pytest.raises(RuleError, match="Höchstens"):
        parse_exdates(too_many)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"exdates": "20270116"}, "An diesen Tagen hat die Wiederholung keinen Termin: 16.01.2027"),
        ({"exdates": "20270115", "recurrence": ""}, "nur bei einer Wiederholung"),
        ({"exdates": "20270702"}, "keinen Termin: 02.07.2027"),  # after UNTIL
        ({"exdates": "2027-13-01"}, "ist kein Datum"),
    ],
)
def test_a_date_that_is_not_on_the_rule_is_a_german_error(changes, message):
    event = friday_event()
    for name, value in changes.items():
        setattr(event, name, value)
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["path", "depth", "slug", "content_type", "locale"])
    assert message in " ".join(error.value.message_dict["exdates"])


def test_dates_on_the_rule_are_accepted():
    friday_event().clean()
    monthly = EventPage(
        title="Elterncafé",
        start=local(2027, 1, 12, 10),
        recurrence="FREQ=MONTHLY;BYDAY=2TU",
        exdates="20270209",
        all_day=False,
    )
    monthly.clean()


def test_the_widget_reads_date_fields_and_shows_the_stored_dates():
    data = QueryDict(mutable=True)
    data.setlist("exdates", ["2027-01-22", "", "2027-01-15"])
    assert ExdatesWidget().value_from_datadict(data, {}, "exdates") == "20270122,20270115"
    html = ExdatesWidget().render("exdates", "20270115", attrs={"id": "id_exdates"})
    assert 'type="date" name="exdates" id="id_exdates-0" value="2027-01-15"' in html
    assert 'id="id_exdates-1" value=""' in html  # one empty field for the next date
    assert '<label class="w-sr-only" for="id_exdates-1">Ausfallender Termin 2</label>' in html
    # Something the browser did not read as a date reaches the validator as typed.
    data.setlist("exdates", ["15.1.2027"])
    assert ExdatesWidget().value_from_datadict(data, {}, "exdates") == "15.1.2027"


@pytest.fixture
def series(db):
    club = ClubFactory("Kulturbrücke Düren e. V.")
    event = event_page(
        event_index(club),
        "Teeabend",
        start=START,
        recurrence="FREQ=WEEKLY;BYDAY=FR;UNTIL=20270625",
        exdates="20270115",
    )
    return club, event


def edit_data(event, exdates: list[str]):
    data = nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "start": "2027-01-08 18:00",
            "end": "2027-01-08 20:00",
            "recurrence-kind": "weekly",
            "recurrence-days": "FR",
            "recurrence-until": "2027-06-25",
            "category": "meeting",
            "body": streamfield([]),
        }
    )
    return {**data, "exdates": exdates}


def test_the_editor_names_a_wrong_date_and_keeps_the_input(client, series):
    club, event = series
    client.force_login(club.editor)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    response = client.post(url, edit_data(event, ["2027-01-22", "2027-01-23"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "An diesen Tagen hat die Wiederholung keinen Termin: 23.01.2027" in html
    assert 'value="2027-01-23"' in html and 'value="2027-01-22"' in html
    response = client.post(url, edit_data(event, ["2027-01-22", "nonsense"]))
    assert response.status_code == 200
    assert "„nonsense“ ist kein Datum" in response.content.decode()

    response = client.post(url, edit_data(event, ["2027-01-22", "2027-01-15", ""]))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.get_latest_revision_as_object().exdates == "20270122,20270115"


def test_the_api_leaves_the_cancelled_date_out(client, series):
    _club, event = series
    response = client.get(f"{API}/events/", {"from": "2027-01-01", "to": "2027-02-01"})
    assert response.status_code == 200
    results = response.json()["results"]
    starts = [item["start"][:10] for item in results]
    assert starts == ["2027-01-08", "2027-01-22", "2027-01-29"]
    # Each date names the series' cancelled ones, so a calendar can say "fällt aus am …".
    assert [item["cancelled_dates"] for item in results] == [["2027-01-15"]] * 3
    page = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert page["exdates"] == ["2027-01-15"]


def test_the_calendar_file_has_exdate_lines(client, series):
    _club, event = series
    event.exdates = "20270115,20270122"
    event.save_revision().publish()
    body = client.get(f"{API}/events.ics", {"from": "2027-01-01"}).content.decode()
    assert "EXDATE;TZID=Europe/Berlin:20270115T180000" in body
    assert "EXDATE;TZID=Europe/Berlin:20270122T180000" in body
    (vevent,) = Calendar.from_ical(body).walk("VEVENT")
    excluded = [d.dt for prop in vevent.get("exdate") for d in prop.dts]
    assert [d.isoformat() for d in excluded] == [
        "2027-01-15T18:00:00+01:00",
        "2027-01-22T18:00:00+01:00",
    ]


def test_all_day_series_have_date_exdates(client, db):
    club = ClubFactory()
    event_page(
        event_index(club),
        "Flohmarkt",
        start=local(2027, 1, 9, 0),
        end=local(2027, 1, 9, 0),
        all_day=True,
        recurrence="FREQ=MONTHLY;BYDAY=2SA",
        exdates="20270213",
    )
    body = client.get(f"{API}/events.ics", {"from": "2027-01-01"}).content.decode()
    assert "EXDATE;VALUE=DATE:20270213" in body
