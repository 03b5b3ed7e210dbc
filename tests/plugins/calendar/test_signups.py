"""The portal calendar shows an event's sign-up state and links to the form on the club's
event page; the agency's own events have their pages, with the form, on the portal."""

import pytest

from tests.factories import agency_event_index, event_page, signup, signup_options
from tests.locales import LOCALES
from tests.plugins.portal_world import build_portal_world

pytestmark = pytest.mark.django_db
DE, AR = LOCALES[0], LOCALES[3]


def test_dates_with_sign_up_show_free_places_or_the_waiting_list(build_portal_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://vereinsnetz.example"
    world = build_portal_world()
    workshop = event_page(agency_event_index(), title="Workshop Förderanträge", slug="workshop")
    signup_options(workshop, capacity=12, ask_childcare=True)
    signup_options(world.football, capacity=1)
    signup(world.football.signup_options, name="Erste")
    signup_options(world.evening, capacity=8)

    portal = build_portal_site(locales=[DE, AR])

    listing = (portal / "de/veranstaltungen/index.html").read_text()
    assert listing.count("Anmeldung: noch 8 Plätze") == 1
    assert listing.count("Ausgebucht – Warteliste") == 1
    assert listing.count(">zur Anmeldung</a>") == 3
    # The agency's event: organised by the agency, its page on the portal itself.
    assert "Veranstalter: Integrationsagentur" in listing
    assert 'href="https://vereinsnetz.example/de/agentur-termine/workshop/"' in listing
    page = (portal / "de/agentur-termine/workshop/index.html").read_text()
    assert f'action="/api/v1/events/{workshop.pk}/signup/"' in page
    assert "Noch 12 Plätze frei." in page and 'name="childcare"' in page
    index = (portal / "de/agentur-termine/index.html").read_text()
    assert 'href="workshop/index.html"' in index or 'href="workshop/"' in index
    assert (
        'name="locale" value="ar"'
        in (portal / "ar/agentur-termine/workshop/index.html").read_text()
    )
    arabic = (portal / "ar/veranstaltungen/index.html").read_text()
    assert "التسجيل: بقيت 8 أماكن" in arabic  # CLDR "few" (3–10)
