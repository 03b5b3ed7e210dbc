import datetime
import json

import pytest
from django.core.cache import cache

from cms.portal.models import PortalHomePage

API = "/api/v1"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Responses and throttling counters live in the cache; every test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """The portal home the migrations created, with its default sections and pages."""
    return PortalHomePage.objects.get(locale__language_code="de")


def set_sections(home, *sections):
    """Publish ``home`` with these sections (``(type, value)`` pairs)."""
    home.body = json.dumps([{"type": kind, "value": value} for kind, value in sections])
    home.save_revision().publish()
    home.refresh_from_db()
    return home


def in_days(days: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()
