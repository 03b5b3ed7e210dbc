"""50 people sign up at the same moment for 10 places: exactly 10 are confirmed, the other 40
wait in the order their sign-ups were taken.

Real parallel requests through the API, each thread with its own database connection; runs
on PostgreSQL only (SQLite's in-memory test database is one connection shared by the test, so
threads cannot race there)."""

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from cms.signups.models import Signup, SignupStatus
from tests.factories import ClubFactory, event_index, event_page, signup_options

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: concurrent transactions and row locks "
        "(set DATABASE_URL=postgres://…)",
    ),
]

PEOPLE = 50
PLACES = 10


def test_fifty_parallel_sign_ups_for_ten_places_confirm_exactly_ten():
    event = event_page(event_index(ClubFactory()), title="Workshop")
    options = signup_options(event, capacity=PLACES)
    url = reverse("api-event-signup", args=[event.pk])
    barrier = threading.Barrier(PEOPLE)
    results = [None] * PEOPLE

    def sign_up(number):
        try:
            client = Client(REMOTE_ADDR=f"10.0.{number // 200}.{number % 200 + 1}")
            body = {
                "name": f"Person {number}",
                "email": f"p{number}@example.org",
                "privacy_consent": True,
            }
            barrier.wait()
            response = client.post(url, json.dumps(body), content_type="application/json")
            results[number] = (response.status_code, response.json()["status"])
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            results[number] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(isinstance(r, tuple) and r[0] == 201 for r in results), results
    assert sorted(status for _, status in results).count("confirmed") == PLACES
    signups = list(Signup.objects.filter(options=options).order_by("pk"))
    assert len(signups) == PEOPLE
    confirmed = [s for s in signups if s.status == SignupStatus.CONFIRMED]
    waiting = [s for s in signups if s.status == SignupStatus.WAITING]
    assert (len(confirmed), len(waiting)) == (PLACES, PEOPLE - PLACES)
    # In order: every confirmed sign-up was taken before every waiting one, and the list's
    # order (created_at) is the order in which the lock let them in (pk).
    assert max(s.pk for s in confirmed) < min(s.pk for s in waiting)
    assert [s.pk for s in sorted(waiting, key=lambda s: (s.created_at, s.pk))] == [
        s.pk for s in waiting
    ]
