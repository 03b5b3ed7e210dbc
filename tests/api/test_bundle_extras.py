"""What the bundle carries on request for the site builder: the club's occurrences in a window
(as ``/api/v1/events/?club=…`` lists them) and its calendar file (``events.ics``), so a club site
costs one read per locale instead of one per plugin."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.events.models import EventIndexPage
from tests.factories import ClubFactory, event_index, event_page

pytestmark = pytest.mark.django_db

FROM = timezone.localdate()
TO = FROM + datetime.timedelta(days=100)
EXTRAS = {"occurrences_from": FROM.isoformat(), "occurrences_to": TO.isoformat()}


def moment(days: int, hour: int = 19) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def club():
    club = ClubFactory("Kulturverein Anadolu e. V.")
    index = event_index(club)
    event_page(index, "Folkloretanz", start=moment(1), recurrence="FREQ=WEEKLY")
    event_page(index, "Sommerfest", start=moment(3, 0), all_day=True, end=moment(4, 0))
    event_page(index, "Konzert", start=moment(5))
    event_page(index, "Entwurf", start=moment(2), publish=False)
    secret = event_page(index, "Geheimes Treffen", start=moment(2), recurrence="FREQ=DAILY")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    other = ClubFactory("Anderer Verein")
    event_page(event_index(other), "Fremder Termin", start=moment(2))
    return club


def bundle(client, club, **params):
    response = client.get(f"/api/v1/clubs/{club.slug}/bundle/", params)
    assert response.status_code == 200, response.content
    return response.json()


def listed(client, club, locale=None) -> list[dict]:
    """The club's occurrences read page by page from the events list, as the builder did."""
    params = {"club": club.slug, "from": FROM.isoformat(), "to": TO.isoformat(), "limit": 100}
    if locale:
        params["locale"] = locale
    found, offset = [], 0
    while True:
        page = client.get("/api/v1/events/", {**params, "offset": offset}).json()
        found += [
            {key: item[key] for key in ("id", "start", "end", "all_day")}
            for item in page["results"]
        ]
        if not page["next"]:
            return found
        offset += 100


def test_the_bundle_carries_the_occurrences_of_the_events_list(client, club):
    carried = bundle(client, club, **EXTRAS)["occurrences"]

    assert carried["results"] == listed(client, club)
    titles = {page["id"]: page["title"] for page in bundle(client, club)["pages"]}
    assert {titles[item["id"]] for item in carried["results"]} == {
        "Folkloretanz",
        "Sommerfest",
        "Konzert",
    }  # no draft, nothing behind a login, nothing of another club
    assert len(carried["results"]) > 10  # the weekly meeting, expanded
    assert any(item["all_day"] for item in carried["results"])
    start = datetime.datetime.fromisoformat(carried["from"])
    end = datetime.datetime.fromisoformat(carried["to"])
    assert (start.date(), end.date()) == (FROM, TO)
    assert start.hour == 0 and start.utcoffset() is not None  # local midnight


def test_the_bundle_carries_the_calendar_file_byte_for_byte(client, club):
    carried = bundle(client, club, calendar="1")["calendar"]

    served = client.get(f"/api/v1/clubs/{club.slug}/events.ics").content
    assert carried.encode() == served
    assert "Folkloretanz" in carried and "Geheim" not in carried and "Entwurf" not in carried


def test_without_the_parameters_the_bundle_is_unchanged(client, club):
    plain = bundle(client, club)
    assert "occurrences" not in plain and "calendar" not in plain
    extended = bundle(client, club, calendar="1", **EXTRAS)
    assert {key: value for key, value in extended.items() if key in plain} == plain


def test_a_window_too_long_or_reversed_is_rejected(client, club):
    for to in (FROM + datetime.timedelta(days=400), FROM - datetime.timedelta(days=1)):
        response = client.get(
            f"/api/v1/clubs/{club.slug}/bundle/",
            {"occurrences_from": FROM.isoformat(), "occurrences_to": to.isoformat()},
        )
        assert response.status_code == 400
        assert response.json()["parameter"] == "occurrences_to"
    response = client.get(f"/api/v1/clubs/{club.slug}/bundle/", {"occurrences_from": "gestern"})
    assert response.status_code == 400
    assert response.json()["parameter"] == "occurrences_from"


def count_queries(client, url, params) -> int:
    client.get(url, params)  # renditions and the like are made on first use
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_the_extras_cost_a_constant_number_of_queries(client, club):
    url = f"/api/v1/clubs/{club.slug}/bundle/"
    params = {**EXTRAS, "calendar": "1"}
    plain, few = count_queries(client, url, {}), count_queries(client, url, params)
    index = EventIndexPage.objects.child_of(club).get()
    for number in range(10):
        event_page(index, f"Treffen {number}", start=moment(number + 1), recurrence="FREQ=WEEKLY")
    many = count_queries(client, url, params)
    print(f"bundle: {plain} queries, with the extras {few}; at 10 more events {many}")
    assert many == few
    # The extras select from the events the bundle loaded for its pages: the club as the
    # calendar names it and the clubs of its events are all they read besides.
    assert few - plain <= 2


def test_the_extras_of_a_partial_bundle_are_the_same(client, club):
    """With ``updated_since`` the bundle loads only the changed pages; its extras read the
    club's events on their own and carry the same as a whole bundle."""
    params = {**EXTRAS, "calendar": "1"}
    whole = bundle(client, club, **params)
    since = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    partial = bundle(client, club, updated_since=since, **params)
    assert partial["pages"] == []
    assert partial["occurrences"] == whole["occurrences"]
    assert partial["calendar"] == whole["calendar"]
    assert whole["occurrences"]["results"] and "Folkloretanz" in whole["calendar"]
