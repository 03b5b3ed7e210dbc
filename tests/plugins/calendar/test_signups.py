"""The portal calendar shows an event's sign-up state and links to the form on the club's
event page."""

import pytest

from tests.factories import signup, signup_options
from tests.locales import LOCALES
from tests.plugins.portal_world import build_portal_world

pytestmark = pytest.mark.django_db
DE, AR = LOCALES[0], LOCALES[3]


def test_dates_with_sign_up_show_free_places_or_the_waiting_list(build_portal_site):
    world = build_portal_world()
    signup_options(world.football, capacity=1)
    signup(world.football.signup_options, name="Erste")
    signup_options(world.evening, capacity=8)

    portal = build_portal_site(locales=[DE, AR])

    listing = (portal / "de/veranstaltungen/index.html").read_text()
    assert listing.count("Anmeldung: noch 8 Plätze") == 1
    assert listing.count("Ausgebucht – Warteliste") == 1
    assert listing.count(">zur Anmeldung</a>") == 2
    arabic = (portal / "ar/veranstaltungen/index.html").read_text()
    assert "التسجيل: بقيت 8 أماكن" in arabic  # CLDR "few" (3–10)
