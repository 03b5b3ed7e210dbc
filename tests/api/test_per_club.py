"""``per_club``: the first few news items or events of every club in one list, as the portal's
directory shows them (``plugins/directory``), instead of the whole list of all clubs (at
thousands of clubs the whole list was cut and clubs lost their news on their profile)."""

import collections
import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import translate
from tests.factories import (
    ClubFactory,
    agency_event_index,
    event_index,
    event_page,
    news_index,
    news_page,
)

pytestmark = pytest.mark.django_db


def first_per_club(items: list[dict], most: int) -> dict[str, list[int]]:
    """What the directory keeps of a list: each club's first ``most`` items, each once."""
    found: dict[str, list[int]] = collections.defaultdict(list)
    for item in items:
        slug = (item.get("club") or {}).get("slug", "")
        if len(found[slug]) < most and item["id"] not in found[slug]:
            found[slug].append(item["id"])
    return dict(found)


def results(client, path: str, **params) -> list[dict]:
    response = client.get(path, {"limit": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_news_per_club_are_each_clubs_newest(client, arabic):
    first, second = news_index(ClubFactory("Anadolu e. V.")), news_index(ClubFactory("Baobab"))
    items = [news_page(first, f"A {day}", date=datetime.date(2026, 10, day)) for day in range(1, 6)]
    for day in (2, 4):
        news_page(second, f"B {day}", date=datetime.date(2026, 10, day))
    # In Arabic the first club's list mixes a translated item with German ones.
    translate(items[3], arabic, title="أ ٤")
    for locale in ("de", "ar"):
        whole = results(client, "/api/v1/news/", locale=locale)
        two = results(client, "/api/v1/news/", locale=locale, per_club=2)
        assert first_per_club(two, 2) == first_per_club(whole, 2)
        assert len(two) == 4
        assert [item["date"] for item in two] == sorted((i["date"] for i in two), reverse=True)
    recent = results(client, "/api/v1/news/", per_club=1, date_from="2026-10-03")
    assert [item["title"] for item in recent] == ["A 5", "B 4"]


def test_events_per_club_are_each_clubs_next_events_each_once(client):
    now = timezone.now().replace(microsecond=0)
    club, other = event_index(ClubFactory("Kulturverein")), event_index(ClubFactory("Sport"))
    soon = now + datetime.timedelta(hours=2)
    weekly = event_page(club, "Stammtisch", start=soon, recurrence="FREQ=WEEKLY")
    for days in (3, 10, 20):
        event_page(club, f"Fest {days}", start=now + datetime.timedelta(days=days))
    event_page(other, "Training", start=now + datetime.timedelta(days=1))
    agency = agency_event_index()
    for days in (2, 4, 6):
        event_page(agency, f"Workshop {days}", start=now + datetime.timedelta(days=days))
    whole = results(client, "/api/v1/events/")
    two = results(client, "/api/v1/events/", per_club=2)
    assert first_per_club(two, 2) == first_per_club(whole, 2)
    titles = [item["title"] for item in two]
    # The weekly meeting once, at its next date; the agency's events count as one club.
    assert titles.count("Stammtisch") == 1
    assert titles == ["Stammtisch", "Training", "Workshop 2", "Fest 3", "Workshop 4"]
    assert two[0]["id"] == weekly.pk


@pytest.mark.parametrize("path", ["/api/v1/news/", "/api/v1/events/"])
@pytest.mark.parametrize("value", ["0", "21", "drei", "-1", "1.5"])
def test_a_bad_per_club_is_a_400_naming_it(client, path, value):
    response = client.get(path, {"per_club": value})
    assert response.status_code == 400, response.content
    assert response.json()["parameter"] == "per_club"
