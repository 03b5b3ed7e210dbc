"""The sign-up state and form on a club's event page (plain HTML, posting to the API)."""

import pytest

from tests.factories import ClubFactory, event_index, event_page, signup, signup_options

pytestmark = pytest.mark.django_db


def test_event_page_shows_free_places_and_a_form_that_posts_to_the_api(build_club_site):
    club = ClubFactory("Kulturverein Anadolu e. V.")
    index = event_index(club)
    workshop = event_page(index, "Workshop")
    full = event_page(index, "Voll")
    plain = event_page(index, "Ohne Anmeldung")
    options = signup_options(workshop, capacity=5, ask_childcare=True)
    signup(options, people=2)
    signup(signup_options(full, capacity=1), name="Erste")

    root = build_club_site(club)

    page = (root / "de/veranstaltungen/workshop/index.html").read_text()
    assert "Noch 3 Plätze frei." in page
    assert f'action="/api/v1/events/{workshop.pk}/signup/"' in page
    assert 'name="childcare"' in page and 'name="dietary"' not in page
    assert 'name="website"' in page  # the honeypot
    assert 'name="locale" value="de"' in page
    voll = (root / "de/veranstaltungen/voll/index.html").read_text()
    assert "Ausgebucht – Sie können sich auf die Warteliste setzen." in voll
    assert ">Auf die Warteliste</button>" in voll
    assert "signup-form" not in (root / "de/veranstaltungen/ohne-anmeldung/index.html").read_text()
    assert plain.pk != workshop.pk
