import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.events.recurrence import EVENT_TIME_ZONE
from cms.rooms.models import Room
from cms.taxonomy.models import Language, Municipality
from tests.factories import ClubFactory, event_index, event_page

API = "/api/v1"


@pytest.fixture(autouse=True)
def _empty_response_cache():
    """Responses are cached across requests; every test starts without stored ones."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api(client):
    return client


def local(year, month, day, hour=0, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EVENT_TIME_ZONE)


def days_ahead(days: int, hour: int = 18) -> datetime.datetime:
    """A local time ``days`` from today, at ``hour`` o'clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=EVENT_TIME_ZONE)


def languages(*tags):
    return list(Language.objects.filter(tag__in=tags))


@pytest.fixture
def district(db):
    """Two clubs in two municipalities with a few events each."""
    culture = ClubFactory("Kulturverein Anadolu", focus=("Kultur",))
    sport = ClubFactory("Sportfreunde Jülich", municipality_name="Jülich", focus=("Sport",))
    room = Room.objects.create(
        name="Café International",
        location="Hauptstraße 1, 52349 Düren",
        municipality=Municipality.objects.get(name="Düren"),
        capacity=40,
    )
    culture_events = event_index(culture)
    sport_events = event_index(sport)
    pages = {
        "concert": event_page(
            culture_events,
            "Konzert",
            start=days_ahead(3, 19),
            category="culture",
            location_address="Markt 1, 52349 Düren",
            cost=Decimal("5.00"),
            languages=languages("tr", "de"),
            registration_url="https://example.org/anmeldung",
        ),
        "course": event_page(
            culture_events,
            "Sprachkurs",
            start=days_ahead(2, 10),
            category="course",
            location_room=room,
            languages=languages("ar"),
        ),
        "training": event_page(
            sport_events,
            "Training",
            start=days_ahead(1, 18),
            category="sport",
            recurrence="FREQ=WEEKLY",
            languages=languages("de"),
        ),
        "far_away": event_page(sport_events, "Sommerfest", start=days_ahead(200, 12)),
        "past": event_page(sport_events, "Vorbei", start=days_ahead(-10, 12)),
    }
    return {"culture": culture, "sport": sport, "room": room, **pages}


def build_events(count: int):
    clubs = [ClubFactory(focus=("Kultur",)) for _ in range(3)]
    indexes = [event_index(club) for club in clubs]
    room = Room.objects.create(
        name="Saal",
        location="Weg 2, Düren",
        municipality=Municipality.objects.get(name="Düren"),
        capacity=10,
    )
    for number in range(count):
        event_page(
            indexes[number % 3],
            f"Termin {number}",
            start=days_ahead(1 + number % 20, 10),
            recurrence="FREQ=MONTHLY" if number % 4 == 0 else "",
            location_room=room if number % 2 else None,
            languages=languages("de", "tr"),
        )
