import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from cms.events.recurrence import EVENT_TIME_ZONE

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
