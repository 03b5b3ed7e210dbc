import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from cms.rooms.models import Booking, BookingStatus, Room
from tests.factories import booking, local_time, room

pytestmark = pytest.mark.django_db


def request_data(room_, days_ahead=3, start="18:00", end="20:00", **extra):
    return {
        "room": room_.pk,
        "date": (timezone.localdate() + datetime.timedelta(days=days_ahead)).isoformat(),
        "start_time": start,
        "end_time": end,
        "purpose": "Elternabend",
        "attendees": 12,
        **extra,
    }


def test_agency_week_calendar_with_one_click_confirm(client, cafe, club_a, agency_user):
    item = booking(cafe, club_a, days_ahead=1, hour=10)
    client.force_login(agency_user)
    url = reverse("rooms_admin:week") + f"?woche={timezone.localtime(item.start).date()}"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<caption>" in html and 'scope="row">Café Test' in html
    assert club_a.tenant.name in html and "angefragt" in html
    response = client.post(reverse("rooms_admin:confirm", args=[item.pk]), {"next": url})
    assert response.status_code == 302 and response["Location"] == url
    item.refresh_from_db()
    assert item.status == BookingStatus.CONFIRMED
    assert client.get(reverse("rooms_admin:week"), {"woche": "kaputt"}).status_code == 200


def test_decline_from_the_admin(client, cafe, club_a, agency_user):
    item = booking(cafe, club_a)
    client.force_login(agency_user)
    client.post(reverse("rooms_admin:decline", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == BookingStatus.DECLINED


def test_confirm_conflict_is_a_message_not_an_error(client, cafe, club_a, club_b, agency_user):
    booking(cafe, club_a, hour=18, status="confirmed")
    second = booking(cafe, club_b, hour=19)
    client.force_login(agency_user)
    response = client.post(reverse("rooms_admin:confirm", args=[second.pk]), follow=True)
    assert response.status_code == 200
    assert "schon vergeben" in response.content.decode()
    second.refresh_from_db()
    assert second.status == BookingStatus.REQUESTED


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied in an admin view with a redirect to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_club_editor_cannot_see_week_or_confirm(client, cafe, club_a):
    item = booking(cafe, club_a)
    client.force_login(club_a.editor)
    assert denied(client.get(reverse("rooms_admin:week")))
    assert denied(client.post(reverse("rooms_admin:confirm", args=[item.pk])))
    assert denied(client.get(reverse("rooms_admin:export")))
    item.refresh_from_db()
    assert item.status == BookingStatus.REQUESTED


def test_editor_requests_and_sees_own_bookings(client, cafe, club_a, club_b):
    booking(cafe, club_b, hour=10, purpose="Fremder Termin")
    client.force_login(club_a.editor)
    form = client.get(reverse("rooms_admin:request"))
    assert form.status_code == 200
    response = client.post(
        reverse("rooms_admin:request"), request_data(cafe, club=club_a.tenant.pk)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Booking.objects.get(club=club_a.tenant)
    assert created.requested_by == club_a.editor and created.purpose == "Elternabend"
    listing = client.get(reverse("rooms_admin:index")).content.decode()
    assert "Elternabend" in listing and "Fremder Termin" not in listing
    # One request is one "Anfrage" (ngettext), not "Anfrage(n)".
    assert "1 Anfrage für „Café Test“ gestellt" in listing


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"end": "17:00"}, "end_time", "Das Ende muss nach dem Beginn liegen."),
        ({"attendees": 50}, "attendees", "Der Raum hat nur 20 Plätze."),
        ({"days_ahead": -2}, "start_time", "Der Beginn liegt in der Vergangenheit."),
        ({"start": "06:00"}, "start_time", "Außerhalb der Öffnungszeiten"),
        ({"date": "kein Datum"}, "date", "Datum"),
    ],
)
def test_request_form_errors_are_field_wise(client, cafe, club_a, changes, field, message):
    client.force_login(club_a.editor)
    data = request_data(
        cafe,
        days_ahead=changes.pop("days_ahead", 3),
        start=changes.pop("start", "18:00"),
        end=changes.pop("end", "20:00"),
        club=club_a.tenant.pk,
    )
    data.update(changes)
    response = client.post(reverse("rooms_admin:request"), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in text for text in errors[field]), errors
    assert not Booking.objects.exists()


def test_request_form_refuses_another_club(client, cafe, club_a, club_b):
    client.force_login(club_a.editor)
    response = client.post(
        reverse("rooms_admin:request"), request_data(cafe, club=club_b.tenant.pk)
    )
    assert response.status_code == 400 and "club" in response.context["form"].errors
    assert not Booking.objects.exists()


def test_weekly_request_names_failing_dates(client, cafe, club_a, club_b):
    first = local_time(3, 18)
    booking(cafe, club_b, start=first + datetime.timedelta(weeks=1), status="confirmed")
    client.force_login(club_a.editor)
    until = (first + datetime.timedelta(weeks=2)).date().isoformat()
    data = request_data(cafe, club=club_a.tenant.pk, repeat_until=until)
    response = client.post(reverse("rooms_admin:request"), data)
    assert response.status_code == 400
    (message,) = response.context["form"].errors["repeat_until"]
    assert (first + datetime.timedelta(weeks=1)).strftime("%d.%m.%Y") in message


def test_cancel_from_admin(client, cafe, club_a):
    item = booking(cafe, club_a, status="confirmed")
    client.force_login(club_a.editor)
    client.post(reverse("rooms_admin:cancel", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == BookingStatus.CANCELLED


def test_csv_export_of_confirmed_bookings_per_month(client, cafe, club_a, club_b, agency_user):
    month_start = (timezone.localdate().replace(day=1) + datetime.timedelta(days=40)).replace(day=1)
    at = timezone.make_aware(datetime.datetime.combine(month_start, datetime.time(18)))
    paid = booking(cafe, club_a, start=at, status="confirmed", fee="25.00")
    booking(
        cafe,
        club_b,
        start=at + datetime.timedelta(days=1),
        status="confirmed",
        fee="25.00",
        fee_waived=True,
    )
    booking(cafe, club_b, start=at + datetime.timedelta(days=2), status="requested")
    booking(cafe, club_b, start=at + datetime.timedelta(days=40), status="confirmed")
    client.force_login(agency_user)
    response = client.get(reverse("rooms_admin:export"), {"monat": month_start.strftime("%Y-%m")})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["Datum", "Beginn", "Ende", "Raum"]
    assert len(rows) == 3
    assert rows[1] == [
        at.strftime("%d.%m.%Y"),
        "18:00",
        "20:00",
        "Café Test",
        club_a.tenant.name,
        paid.purpose,
        "10",
        "25,00",
        "nein",
        "25,00",
        "",
    ]
    assert rows[2][8:10] == ["ja", "0,00"]
    bad = client.get(reverse("rooms_admin:export"), {"monat": "13/2026"})
    assert bad.status_code == 302


def test_waive_fee_from_admin(client, cafe, club_a, agency_user):
    item = booking(cafe, club_a, fee="25.00")
    client.force_login(agency_user)
    client.post(reverse("rooms_admin:waive", args=[item.pk]), {"waived": "1"})
    item.refresh_from_db()
    assert item.fee_waived and item.amount_due == 0


def test_room_snippet_with_opening_hours_and_blocked_periods(client, agency_user):
    from tests.tenancy.admin_forms import admin_form

    client.force_login(agency_user)
    url = reverse("wagtailsnippets_rooms_room:add")
    assert client.get(url).status_code == 200
    data = admin_form(
        agency_user,
        url,
        name="Neuer Raum",
        location="Weg 1",
        capacity="10",
        municipality=str(__import__("tests.factories").factories.municipality().pk),
        hourly_fee="5",
        daily_fee="20",
    )
    data.update(
        {
            "opening_hours-TOTAL_FORMS": "1",
            "opening_hours-INITIAL_FORMS": "0",
            "opening_hours-MIN_NUM_FORMS": "0",
            "opening_hours-MAX_NUM_FORMS": "1000",
            "opening_hours-0-weekday": "2",
            "opening_hours-0-opens": "10:00",
            "opening_hours-0-closes": "18:00",
            "opening_hours-0-ORDER": "1",
            "blocked_periods-TOTAL_FORMS": "0",
            "blocked_periods-INITIAL_FORMS": "0",
            "blocked_periods-MIN_NUM_FORMS": "0",
            "blocked_periods-MAX_NUM_FORMS": "1000",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    created = Room.objects.get(name="Neuer Raum")
    assert [str(h) for h in created.opening_hours.all()] == ["Mittwoch 10:00–18:00"]


def test_menu_item_only_for_clubs_and_agency(client, club_a, agency_user, db):
    from tests.factories import UserFactory

    client.force_login(club_a.editor)
    assert reverse("rooms_admin:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    nobody = UserFactory(is_superuser=False)
    client.force_login(nobody)
    assert client.get(reverse("rooms_admin:index")).status_code in (302, 403)


def test_week_calendar_queries_do_not_grow_with_bookings(client, cafe, club_a, agency_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(agency_user)
    first = booking(cafe, club_a, days_ahead=1, hour=9)
    week = timezone.localtime(first.start).date().isoformat()
    url = reverse("rooms_admin:week")
    client.get(url, {"woche": week})  # warm up the admin's own caches
    with CaptureQueriesContext(connection) as one:
        client.get(url, {"woche": week})
    for hour in range(10, 20):
        booking(cafe, club_a, days_ahead=1, hour=hour, hours=1)
    room("Noch ein Raum")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url, {"woche": week}).status_code == 200
    assert len(many) == len(one)


def test_the_week_calendar_opens_on_the_week_of_the_next_booking(client, cafe, club_a, agency_user):
    """Issue 17, 11: it opened on the current week, over and empty on a Sunday."""
    booking(cafe, club_a, days_ahead=-3, hour=10, status="confirmed")  # over
    later = booking(cafe, club_a, days_ahead=16, hour=18, purpose="Sommerfest-Probe")
    client.force_login(agency_user)
    html = client.get(reverse("rooms_admin:week")).content.decode()
    day = timezone.localtime(later.start).date()
    monday = day - datetime.timedelta(days=day.weekday())
    assert f"Belegung vom {monday:%d.%m.%Y}" in html
    assert "Sommerfest-Probe" in html
    today = timezone.localdate()
    assert f'href="?woche={today.isoformat()}">Diese Woche' in html
    this_week = client.get(reverse("rooms_admin:week"), {"woche": today.isoformat()})
    assert "Sommerfest-Probe" not in this_week.content.decode()


def test_without_bookings_the_week_calendar_shows_this_week(client, cafe, agency_user):
    client.force_login(agency_user)
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    html = client.get(reverse("rooms_admin:week")).content.decode()
    assert f"Belegung vom {monday:%d.%m.%Y}" in html


def test_the_week_calendar_names_the_day_of_every_cell_for_the_phone(
    client, cafe, club_a, agency_user
):
    """At 390 px the week is one card per room (table.vn-stack): every cell carries its day,
    a booking's cell its buttons, a free day says so visibly."""
    item = booking(cafe, club_a, days_ahead=2, hour=18, purpose="Chorprobe")
    day = timezone.localtime(item.start).date()
    monday = day - datetime.timedelta(days=day.weekday())
    client.force_login(agency_user)
    html = client.get(reverse("rooms_admin:week"), {"woche": day.isoformat()}).content
    table = BeautifulSoup(html, "html.parser").select_one("table.vn-week")
    assert "vn-stack" in table["class"]
    cells = table.select("tbody tr")[0].find_all("td")
    weekdays = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    expected = [f"{weekdays[n]} {monday + datetime.timedelta(days=n):%d.%m.}" for n in range(7)]
    assert [cell["data-label"] for cell in cells] == expected
    busy = cells[day.weekday()]
    assert busy.find(id=f"buchung-{item.pk}") and "vn-free" not in busy.get("class", [])
    free = [cell for n, cell in enumerate(cells) if n != day.weekday()]
    assert all("vn-free" in cell["class"] and cell.get_text(strip=True) == "frei" for cell in free)
