import datetime

import pytest
from django.core import mail
from django.test import Client
from icalendar import Calendar

from cms.rooms.models import BlockedPeriod, Booking, BookingStatus
from tests.factories import booking, local_time, room

pytestmark = pytest.mark.django_db
API = "/api/v1"


def iso(value: datetime.datetime) -> str:
    return value.isoformat()


def request_body(room_, start, hours=2, **extra):
    return {
        "room": room_.pk,
        "start": iso(start),
        "end": iso(start + datetime.timedelta(hours=hours)),
        "purpose": "Mitgliederversammlung",
        "attendees": 12,
        **extra,
    }


def test_room_list_keeps_the_portal_shape_and_adds_tariff(client, cafe):
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(3, 0), end=local_time(4, 0), reason="Ferien"
    )
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(-9, 0), end=local_time(-8, 0), reason="Vorbei"
    )
    (item,) = client.get(f"{API}/rooms/").json()
    assert item["name"] == "Café Test" and item["address"] == "Teststraße 1, 52349 Düren"
    assert item["municipality"]["slug"] == "dueren"
    assert (item["hourly_fee"], item["daily_fee"]) == ("12.50", "60.00")
    assert item["opening_hours"][0] == {"weekday": 0, "opens": "08:00", "closes": "22:00"}
    assert [p["reason"] for p in item["blocked_periods"]] == ["Ferien"]
    assert item["availability_url"].endswith(f"/api/v1/rooms/{cafe.pk}/availability/")


def test_room_list_query_count(client, cafe, django_assert_max_num_queries):
    room("Zweiter Raum")
    with django_assert_max_num_queries(5):  # rooms, municipality join, two prefetches, locale
        assert len(client.get(f"{API}/rooms/").json()) == 2


def test_availability_states_without_club_names(client, cafe, club_a, club_b):
    booking(cafe, club_a, days_ahead=2, hour=10, hours=2, status="confirmed", purpose="Geheim")
    booking(cafe, club_b, days_ahead=2, hour=15, hours=1)
    booking(cafe, club_b, days_ahead=2, hour=17, hours=1, status="declined")
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(2, 20), end=local_time(3, 9), reason="Putzen"
    )
    day = local_time(2, 0).date()
    response = client.get(f"{API}/rooms/{cafe.pk}/availability/", {"from": day, "to": day})
    assert response.status_code == 200
    body = response.json()
    (entry,) = body["days"]
    states = [(s["start"][11:16], s["end"][11:16], s["state"]) for s in entry["slots"]]
    assert states == [
        ("08:00", "10:00", "free"),
        ("10:00", "12:00", "booked"),
        ("12:00", "15:00", "free"),
        ("15:00", "16:00", "requested"),
        ("16:00", "20:00", "free"),
        ("20:00", "22:00", "blocked"),
    ]
    text = response.content.decode()
    for secret in ("Anadolu", "Baobab", "Geheim", "Mitgliederversammlung"):
        assert secret not in text


def test_availability_default_window_and_bad_parameters(client, cafe):
    body = client.get(f"{API}/rooms/{cafe.pk}/availability/").json()
    assert len(body["days"]) == 14
    for params, parameter in [
        ({"from": "gestern"}, "from"),
        ({"from": "2026-12-10", "to": "2026-12-01"}, "to"),
        ({"from": "2026-12-01", "to": "2027-06-01"}, "to"),
        ({"colour": "rot"}, "colour"),
    ]:
        response = client.get(f"{API}/rooms/{cafe.pk}/availability/", params)
        assert response.status_code == 400, params
        assert response.json()["parameter"] == parameter
    assert client.get(f"{API}/rooms/999999/availability/").status_code == 404


def test_availability_reflects_a_new_booking_despite_the_cache(client, cafe, club_a):
    day = local_time(2, 0).date()
    url = f"{API}/rooms/{cafe.pk}/availability/?from={day}&to={day}"
    assert {s["state"] for s in client.get(url).json()["days"][0]["slots"]} == {"free"}
    booking(cafe, club_a, days_ahead=2, hour=10, status="confirmed")
    assert "booked" in {s["state"] for s in client.get(url).json()["days"][0]["slots"]}


def test_occupancy_ics_parses_and_names_no_club(client, cafe, club_a, club_b):
    confirmed = booking(cafe, club_a, days_ahead=2, hour=10, status="confirmed")
    booking(cafe, club_b, days_ahead=3, hour=10)
    booking(cafe, club_b, days_ahead=4, hour=10, status="cancelled")
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(5, 0), end=local_time(6, 0), reason="Abende im Café"
    )
    response = client.get(f"{API}/rooms/{cafe.pk}/occupancy.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    summaries = sorted(str(e["summary"]) for e in events)
    assert summaries == ["Angefragt", "Belegt", "Gesperrt: Abende im Café"]
    booked = next(e for e in events if str(e["summary"]) == "Belegt")
    assert booked.decoded("dtstart") == confirmed.start
    assert str(booked["uid"]) == f"booking-{confirmed.pk}@vereinsnetz"
    assert b"Anadolu" not in response.content and b"Baobab" not in response.content
    assert client.get(f"{API}/rooms/999999/occupancy.ics").status_code == 404


# --- bookings ----------------------------------------------------------------------------------


def test_anonymous_cannot_list_or_request(client, cafe):
    assert client.get(f"{API}/bookings/").status_code == 403
    response = client.post(
        f"{API}/bookings/", request_body(cafe, local_time(3, 18)), content_type="application/json"
    )
    assert response.status_code == 403


def test_session_post_needs_csrf(cafe, club_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(club_a.editor)
    body = request_body(cafe, local_time(3, 18))
    refused = client.post(f"{API}/bookings/", body, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    token = "k" * 32  # the secret as the cookie holds it; the header may repeat it
    client.cookies["csrftoken"] = token
    accepted = client.post(
        f"{API}/bookings/", body, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201


def test_editor_requests_for_own_club(client, cafe, club_a, mails):
    client.force_login(club_a.editor)
    with mails(execute=True):
        response = client.post(
            f"{API}/bookings/",
            request_body(cafe, local_time(3, 18)),
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    (created,) = response.json()
    assert created["club"] == {"id": club_a.tenant.pk, "name": club_a.tenant.name}
    assert created["status"] == "requested" and created["fee"] == "25.00"
    assert created["transitions"][0]["to_status"] == "requested"
    assert mail.outbox and "angefragt" in mail.outbox[0].subject


def test_editor_cannot_request_for_another_club(client, cafe, club_a, club_b):
    client.force_login(club_a.editor)
    response = client.post(
        f"{API}/bookings/",
        request_body(cafe, local_time(3, 18), club=club_b.tenant.pk),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "club": ["Sie können nur für Ihren eigenen Verein buchen."]
    }
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"hours": -1}, "end", "Das Ende muss nach dem Beginn liegen."),
        ({"attendees": 21}, "attendees", "Der Raum hat nur 20 Plätze."),
        ({"days": -4}, "start", "Der Beginn liegt in der Vergangenheit."),
        ({"hour": 6}, "start", "Außerhalb der Öffnungszeiten"),
        ({"blocked": True}, "start", "gesperrt: Ferien"),
        ({"taken": True}, "start", "Der Raum ist in dieser Zeit schon vergeben."),
        ({"start": "morgen"}, "start", "Datum"),
        ({"room": 999999}, "room", "existiert nicht"),
        ({"purpose": ""}, "purpose", "nicht leer"),
        ({"attendees": "viele"}, "attendees", "Ganzzahl"),
    ],
)
def test_each_validation_error_is_a_field_wise_400(
    client, cafe, club_a, club_b, change, field, message
):
    client.force_login(club_a.editor)
    start = local_time(3 + change.get("days", 0), change.get("hour", 18))
    if change.get("blocked"):
        BlockedPeriod.objects.create(
            room=cafe, start=local_time(3, 0), end=local_time(4, 0), reason="Ferien"
        )
    if change.get("taken"):
        booking(cafe, club_b, start=start, status="confirmed")
    body = request_body(cafe, start, hours=change.get("hours", 2))
    for key in ("attendees", "start", "room", "purpose"):
        if key in change:
            body[key] = change[key]
    response = client.post(f"{API}/bookings/", body, content_type="application/json")
    assert response.status_code == 400, response.content
    data = response.json()
    assert data["code"] == "invalid_input" and data["status"] == 400
    assert any(message in text for text in data["errors"][field]), data
    assert not Booking.objects.filter(club=club_a.tenant).exists()


def test_malformed_body_is_a_400(client, cafe, club_a):
    client.force_login(club_a.editor)
    response = client.post(f"{API}/bookings/", "{kaputt", content_type="application/json")
    assert response.status_code == 400


def test_weekly_series_reports_failing_dates(client, cafe, club_a, club_b):
    client.force_login(club_a.editor)
    start = local_time(3, 18)
    taken = start + datetime.timedelta(weeks=1)
    booking(cafe, club_b, start=taken, status="confirmed")
    until = (start + datetime.timedelta(weeks=2)).date().isoformat()
    response = client.post(
        f"{API}/bookings/",
        request_body(cafe, start, repeat_until=until),
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["failed_dates"] == [taken.date().isoformat()]
    assert taken.strftime("%d.%m.%Y") in body["errors"]["occurrences"][0]


def test_list_own_only_and_all_for_agency(client, cafe, club_a, club_b, agency_user):
    own = booking(cafe, club_a)
    other = booking(cafe, club_b, hour=12)
    client.force_login(club_a.editor)
    body = client.get(f"{API}/bookings/").json()
    assert [b["id"] for b in body["results"]] == [own.pk]
    assert client.get(f"{API}/bookings/{other.pk}/").status_code == 404
    client.force_login(agency_user)
    body = client.get(f"{API}/bookings/").json()
    assert {b["id"] for b in body["results"]} == {own.pk, other.pk}
    filtered = client.get(f"{API}/bookings/", {"status": "confirmed"}).json()
    assert filtered["results"] == []
    assert client.get(f"{API}/bookings/", {"status": "kaputt"}).status_code == 400


def test_booking_list_query_count(client, cafe, club_a, django_assert_max_num_queries):
    for day in range(1, 6):
        booking(cafe, club_a, days_ahead=day)
    client.force_login(club_a.editor)
    with django_assert_max_num_queries(12):
        assert client.get(f"{API}/bookings/").json()["count"] == 5


def test_cancel_own_but_not_others(client, cafe, club_a, club_b):
    own = booking(cafe, club_a, status="confirmed")
    other = booking(cafe, club_b, hour=12, status="confirmed")
    client.force_login(club_a.editor)
    response = client.post(f"{API}/bookings/{own.pk}/cancel/", {"note": "Absage"})
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert client.post(f"{API}/bookings/{other.pk}/cancel/").status_code == 404
    other.refresh_from_db()
    assert other.status == BookingStatus.CONFIRMED
    again = client.post(f"{API}/bookings/{own.pk}/cancel/")
    assert again.status_code == 400 and "status" in again.json()["errors"]


def test_only_agency_confirms(client, cafe, club_a, agency_user):
    item = booking(cafe, club_a)
    client.force_login(club_a.editor)
    assert client.post(f"{API}/bookings/{item.pk}/confirm/").status_code == 403
    client.force_login(agency_user)
    response = client.post(f"{API}/bookings/{item.pk}/confirm/")
    assert response.status_code == 200 and response.json()["status"] == "confirmed"
    by = response.json()["transitions"][-1]["by"]
    assert by == agency_user.get_full_name()


def test_schema_documents_the_endpoints(client):
    schema = client.get(f"{API}/schema/", {"format": "json"}).json()
    for path in [
        "/api/v1/rooms/",
        "/api/v1/rooms/{id}/availability/",
        "/api/v1/rooms/{id}/occupancy.ics",
        "/api/v1/bookings/",
        "/api/v1/bookings/{id}/cancel/",
    ]:
        assert path in schema["paths"], path
