"""GET /api/v1/events.ics and /api/v1/clubs/{slug}/events.ics: RFC 5545, parsed back."""

import datetime

import pytest
from django.core.cache import cache
from icalendar import Calendar

from tests.factories import ClubFactory, event_index, event_page

from .conftest import API, build_events, days_ahead, local

URL = f"{API}/events.ics"


def club_url(slug):
    return f"{API}/clubs/{slug}/events.ics"


def parse(response) -> Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_calendar_has_one_vevent_per_event_with_rrule_kept(api, district):
    calendar = parse(api.get(URL))
    events = vevents(calendar)
    # The past event (10 days ago) is within the default window (from 31 days back);
    # the summer festival in 200 days too.
    assert set(events) == {"Konzert", "Sprachkurs", "Training", "Sommerfest", "Vorbei"}
    training = events["Training"]
    assert training["RRULE"]["FREQ"] == ["WEEKLY"]
    assert "RRULE" not in events["Konzert"]
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]


def test_times_are_in_europe_berlin_with_a_vtimezone(api, district):
    calendar = parse(api.get(URL))
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["TZID"] == "Europe/Berlin"
    assert {component.name for component in timezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    concert = vevents(calendar)["Konzert"]
    assert concert["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert concert["DTSTART"].dt == days_ahead(3, 19)
    assert concert["DTEND"].dt == days_ahead(3, 21)
    assert b"DTSTART;TZID=Europe/Berlin:" in api.get(URL).content


def test_properties_of_an_event(api, district):
    concert = vevents(parse(api.get(URL)))["Konzert"]
    assert concert["UID"] == f"event-{district['concert'].translation_key}@vereinsnetz"
    assert concert["DTSTAMP"].dt.tzinfo is not None
    assert concert["LOCATION"] == "Markt 1, 52349 Düren"
    assert "Verein: Kulturverein Anadolu" in concert["DESCRIPTION"]
    assert "Kosten: 5,00 €" in concert["DESCRIPTION"]
    assert "https://example.org/anmeldung" in concert["DESCRIPTION"]
    assert str(concert["URL"]).endswith(f"/api/v2/pages/{district['concert'].pk}/")
    course = vevents(parse(api.get(URL)))["Sprachkurs"]
    assert course["LOCATION"] == "Café International, Hauptstraße 1, 52349 Düren"


def test_uids_and_body_are_stable_across_requests(api, district):
    first = api.get(URL)
    cache.clear()
    second = api.get(URL)
    assert first.content == second.content
    uids = [str(event["UID"]) for event in parse(first).walk("VEVENT")]
    assert len(uids) == len(set(uids)) == 5
    assert uids == [str(event["UID"]) for event in parse(second).walk("VEVENT")]


def test_uid_survives_an_edit(api, district):
    before = vevents(parse(api.get(URL)))["Konzert"]["UID"]
    concert = district["concert"]
    concert.title = "Großes Konzert"
    concert.save_revision().publish()
    after = vevents(parse(api.get(URL)))["Großes Konzert"]["UID"]
    assert before == after


def test_all_day_events_use_dates(api, db):
    club = ClubFactory()
    index = event_index(club)
    event_page(
        index,
        "Fest",
        start=local(2026, 6, 5, 10),
        end=local(2026, 6, 7, 18),
        all_day=True,
        recurrence="FREQ=YEARLY;UNTIL=20300607",
    )
    calendar = parse(api.get(URL, {"from": "2026-06-01", "to": "2026-07-01"}))
    fest = vevents(calendar)["Fest"]
    assert fest["DTSTART"].dt == datetime.date(2026, 6, 5)
    assert fest["DTEND"].dt == datetime.date(2026, 6, 8)  # exclusive
    assert fest["RRULE"]["UNTIL"] == [datetime.date(2030, 6, 7)]


def test_until_is_written_in_utc_for_timed_events(api, db):
    index = event_index(ClubFactory())
    event_page(index, "Kurs", start=local(2026, 3, 3, 19), recurrence="FREQ=WEEKLY;UNTIL=20260331")
    calendar = parse(api.get(URL, {"from": "2026-03-01", "to": "2026-04-01"}))
    until = vevents(calendar)["Kurs"]["RRULE"]["UNTIL"][0]
    assert until == datetime.datetime(2026, 3, 31, 21, 59, 59, tzinfo=datetime.UTC)


def test_filters_apply(api, district):
    assert set(vevents(parse(api.get(URL, {"municipality": "juelich"})))) == {
        "Training",
        "Sommerfest",
        "Vorbei",
    }
    assert set(vevents(parse(api.get(URL, {"category": "course"})))) == {"Sprachkurs"}
    assert set(vevents(parse(api.get(URL, {"language": "tr"})))) == {"Konzert"}
    future = {"from": days_ahead(150).date().isoformat()}
    assert set(vevents(parse(api.get(URL, future)))) == {"Training", "Sommerfest"}


def test_club_calendar(api, district):
    calendar = parse(api.get(club_url(district["culture"].slug)))
    assert set(vevents(calendar)) == {"Konzert", "Sprachkurs"}
    assert "Kulturverein Anadolu" in str(calendar["X-WR-CALNAME"])
    response = api.get(club_url(district["sport"].slug), {"category": "sport"})
    assert set(vevents(parse(response))) == {"Training"}


def test_unknown_or_hidden_club_is_404_json(api, district):
    response = api.get(club_url("gibt-es-nicht"))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    hidden = ClubFactory("Noch nicht freigegeben", publish=False)
    assert api.get(club_url(hidden.slug)).status_code == 404


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        (URL, {"from": "morgen"}, "from"),
        (URL, {"from": "2026-01-01", "to": "2028-01-01"}, "to"),
        (URL, {"club": "gibt-es-nicht"}, "club"),
        (URL, {"limit": "10"}, "limit"),
        (URL, {"focus": "schach"}, "focus"),
        (None, {"club": "kulturverein-anadolu"}, "club"),
    ],
)
def test_bad_parameters_are_400_json(api, district, url, params, parameter):
    url = url or club_url(district["culture"].slug)
    response = api.get(url, params, HTTP_ACCEPT="text/calendar")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_any_accept_header_gets_the_calendar(api, district):
    for accept in ("text/calendar", "*/*", "application/xml", "text/html"):
        assert api.get(URL, HTTP_ACCEPT=accept).status_code == 200


def test_conditional_get(api, district):
    response = api.get(URL)
    assert response["ETag"] and "public" in response["Cache-Control"]
    assert api.get(URL, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_does_not_grow_with_the_number_of_events(
    api, db, count, django_assert_max_num_queries
):
    build_events(count)
    with django_assert_max_num_queries(11):
        calendar = parse(api.get(URL, {"focus": "kultur", "language": "de"}))
    assert len(calendar.walk("VEVENT")) == count


def test_subscription_hints(api, district):
    content = api.get(URL).content
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in content
    assert b"X-PUBLISHED-TTL:PT6H" in content


def test_dtstart_is_synchronised_with_the_rule(api, db):
    index = event_index(ClubFactory())
    monday = local(2026, 3, 2, 19)
    event_page(index, "Dienstagstreff", start=monday, recurrence="FREQ=WEEKLY;BYDAY=TU")
    calendar = parse(api.get(URL, {"from": "2026-03-01", "to": "2026-04-01"}))
    assert vevents(calendar)["Dienstagstreff"]["DTSTART"].dt == local(2026, 3, 3, 19)
