"""The booking cells of the isolation matrix: who may see, cancel and confirm which club's
bookings, through the API and the admin. Labels as in tests/tenancy/test_isolation_matrix.py:
``200 sees club_a,club_b`` (whose booking markers appear), ``403``/``404``, ``denied`` (Wagtail's
redirect with the permission message), ``login``, or a past participle for a POST that took
effect (checked in the database)."""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.urls import reverse

from cms.rooms.models import Booking, BookingStatus
from tests.factories import AgencyUserFactory, ClubFactory, booking, room
from tests.tenancy.test_isolation_matrix import observe

CLUBS = {"club_a": "Anadolu", "club_b": "Baobab"}
API = "/api/v1"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        hall = room("Matrixraum", capacity=40)
        clubs = {}
        for index, (key, name) in enumerate(CLUBS.items()):
            page = ClubFactory(f"{name} Raumverein e. V.")
            clubs[key] = SimpleNamespace(
                key=key,
                page=page,
                editor=page.editor,
                marker=f"Treffen {name}",
                confirmed=booking(
                    hall,
                    page,
                    days_ahead=5,
                    hour=10 + 3 * index,
                    status="confirmed",
                    purpose=f"Treffen {name}",
                ),
                requested=booking(
                    hall, page, days_ahead=6, hour=10 + 3 * index, purpose=f"Treffen {name}"
                ),
            )
        yield SimpleNamespace(room=hall, agency=AgencyUserFactory(), **clubs)
        transaction.set_rollback(True)


def sees(response, world) -> str:
    label = str(response.status_code) if response.status_code != 302 else observe(response)
    if label != "200":
        return label
    content = response.content.decode()
    visible = [key for key in CLUBS if getattr(world, key).marker in content]
    return "200 sees " + (",".join(visible) or "nothing")


def status_of(item) -> str:
    return Booking.objects.get(pk=item.pk).status


def effect(response, item, target: str, done: str) -> str:
    if status_of(item) == target:
        return done
    return str(response.status_code) if response.status_code != 302 else observe(response)


# --- actions (client, world, club) -> label ----------------------------------------------------


def api_list(client, world, club):
    return sees(client.get(f"{API}/bookings/"), world)


def api_detail(client, world, club):
    return str(client.get(f"{API}/bookings/{club.confirmed.pk}/").status_code)


def api_cancel(client, world, club):
    response = client.post(f"{API}/bookings/{club.confirmed.pk}/cancel/")
    return effect(response, club.confirmed, BookingStatus.CANCELLED, "cancelled")


def api_confirm(client, world, club):
    response = client.post(f"{API}/bookings/{club.requested.pk}/confirm/")
    return effect(response, club.requested, BookingStatus.CONFIRMED, "confirmed")


def api_availability(client, world, club):
    return sees(client.get(f"{API}/rooms/{world.room.pk}/availability/"), world)


def api_occupancy(client, world, club):
    response = client.get(f"{API}/rooms/{world.room.pk}/occupancy.ics")
    names = [key for key in CLUBS if CLUBS[key] in response.content.decode()]
    return f"{response.status_code} names " + (",".join(names) or "nothing")


def admin_list(client, world, club):
    return sees(client.get(reverse("rooms_admin:index")), world)


def admin_week(client, world, club):
    return sees(client.get(reverse("rooms_admin:week"), {"woche": world.week}), world)


def admin_cancel(client, world, club):
    response = client.post(reverse("rooms_admin:cancel", args=[club.confirmed.pk]))
    return effect(response, club.confirmed, BookingStatus.CANCELLED, "cancelled")


def admin_confirm(client, world, club):
    response = client.post(reverse("rooms_admin:confirm", args=[club.requested.pk]))
    return effect(response, club.requested, BookingStatus.CONFIRMED, "confirmed")


def admin_csv(client, world, club):
    response = client.get(reverse("rooms_admin:export"), {"monat": world.month})
    return sees(response, world)


@dataclass(frozen=True)
class Cell:
    actor: str
    club: str
    action: object
    expected: str


EVERYONE_PUBLIC = {api_availability: "200 sees nothing", api_occupancy: "200 names nothing"}

EDITOR_OWN = {
    api_list: "200 sees club_a",
    api_detail: "200",
    api_cancel: "cancelled",
    api_confirm: "403",
    admin_list: "200 sees club_a",
    admin_week: "denied",
    admin_cancel: "cancelled",
    admin_confirm: "denied",
    admin_csv: "denied",
    **EVERYONE_PUBLIC,
}
EDITOR_OTHER = {
    api_detail: "404",
    api_cancel: "404",
    api_confirm: "404",
    admin_cancel: "404",
    admin_confirm: "denied",
}
AGENCY = {
    api_list: "200 sees club_a,club_b",
    api_detail: "200",
    api_cancel: "cancelled",
    api_confirm: "confirmed",
    admin_list: "200 sees club_a,club_b",
    admin_week: "200 sees club_a,club_b",
    admin_cancel: "cancelled",
    admin_confirm: "confirmed",
    admin_csv: "200 sees club_a,club_b",
    **EVERYONE_PUBLIC,
}
ANONYMOUS = {
    api_list: "403",
    api_detail: "403",
    api_cancel: "403",
    api_confirm: "403",
    admin_list: "login",
    admin_cancel: "login",
    admin_confirm: "login",
    **EVERYONE_PUBLIC,
}


def cells(actor, club, expectations):
    return [Cell(actor, club, action, expected) for action, expected in expectations.items()]


MATRIX = [
    *cells("editor_a", "club_a", EDITOR_OWN),
    *cells("editor_a", "club_b", EDITOR_OTHER),
    *cells("editor_b", "club_b", {api_list: "200 sees club_b", admin_list: "200 sees club_b"}),
    *cells("editor_b", "club_a", EDITOR_OTHER),
    *cells("agency", "club_a", AGENCY),
    *cells("agency", "club_b", AGENCY),
    *cells("anonymous", "club_a", ANONYMOUS),
    *cells("anonymous", "club_b", ANONYMOUS),
]


@pytest.mark.parametrize(
    "cell",
    [pytest.param(c, id=f"{c.actor}|{c.club}|{c.action.__name__}|{c.expected}") for c in MATRIX],
)
def test_booking_isolation(cell, world, db, client):
    from django.utils import timezone

    start = timezone.localtime(world.club_a.confirmed.start).date()
    world.week = start.isoformat()
    world.month = start.strftime("%Y-%m")
    actor = {
        "editor_a": world.club_a.editor,
        "editor_b": world.club_b.editor,
        "agency": world.agency,
        "anonymous": None,
    }[cell.actor]
    if actor is not None:
        client.force_login(actor)
    assert cell.action(client, world, getattr(world, cell.club)) == cell.expected
