"""No sequence of concurrent requests and confirmations produces a double booking.

Runs on PostgreSQL, where real concurrent transactions exist (SQLite's in-memory test
database is one connection shared by the test, so threads cannot race there)."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from cms.rooms import services
from cms.rooms.models import Booking, BookingStatus
from tests.factories import AgencyUserFactory, ClubFactory, booking, local_time, room

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: concurrent transactions and the exclusion constraint "
        "(set DATABASE_URL=postgres://…)",
    ),
]

THREADS = 8


def overlapping_pairs():
    confirmed = list(Booking.objects.filter(status=BookingStatus.CONFIRMED))
    return [
        (a.pk, b.pk)
        for a in confirmed
        for b in confirmed
        if a.pk < b.pk and a.room_id == b.room_id and a.start < b.end and b.start < a.end
    ]


def run_at_once(work):
    """Run ``work(i)`` in THREADS threads released together; returns results or exceptions."""
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def target(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as exc:  # noqa: BLE001 - collected and asserted by the test
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_confirmations_of_overlapping_requests_exactly_one_wins():
    hall = room("Konkurrenzraum", capacity=50)
    agency = AgencyUserFactory()
    clubs = [ClubFactory(), ClubFactory()]
    requests = [
        booking(hall, clubs[i % 2], days_ahead=4, hour=10 + i % 3, hours=3) for i in range(THREADS)
    ]

    results = run_at_once(lambda i: services.confirm(requests[i], agency))

    winners = [r for r in results if isinstance(r, Booking)]
    losers = [r for r in results if isinstance(r, services.BookingError)]
    assert len(winners) == 1 and len(losers) == THREADS - 1, results
    assert all(
        e.message_dict == {"start": ["Der Raum ist in dieser Zeit schon vergeben."]} for e in losers
    )
    assert Booking.objects.filter(status=BookingStatus.CONFIRMED).count() == 1
    assert overlapping_pairs() == []


def test_many_clubs_request_and_confirm_at_once():
    hall = room("Ansturmraum", capacity=50)
    agency = AgencyUserFactory()
    clubs = [ClubFactory() for _ in range(2)]
    start = local_time(6, 18)

    def request_and_confirm(index):
        club = clubs[index % 2]
        data = services.BookingRequest(
            room=hall,
            club=club.tenant,
            start=start + datetime.timedelta(minutes=15 * (index % 4)),
            end=start + datetime.timedelta(hours=2),
            purpose=f"Treffen {index}",
            attendees=5,
        )
        (created,) = services.request_booking(data, club.editor)
        return services.confirm(created, agency)

    results = run_at_once(request_and_confirm)
    winners = [r for r in results if isinstance(r, Booking)]
    assert len(winners) == 1, results
    assert all(isinstance(r, Booking | services.BookingError) for r in results), results
    assert overlapping_pairs() == []


def test_the_database_itself_refuses_overlapping_confirmed_bookings():
    hall = room("Schrankenraum")
    club = ClubFactory()
    booking(hall, club, days_ahead=3, hour=10, hours=3, status="confirmed")
    second = booking(hall, club, days_ahead=3, hour=12, hours=2)
    booking(hall, club, days_ahead=3, hour=13, hours=2, status="confirmed")  # back to back
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.filter(pk=second.pk).update(status=BookingStatus.CONFIRMED)
    with pytest.raises(IntegrityError), transaction.atomic():
        booking(hall, club, days_ahead=3, hour=9, hours=2, status="confirmed")
    # Cancelled and requested rows may overlap freely.
    booking(hall, club, days_ahead=3, hour=10, hours=1, status="cancelled")
    assert overlapping_pairs() == []
