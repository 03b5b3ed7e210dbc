"""The visitor's journey (issue 17): the portal on a phone, in German and in Arabic: the
directory with its filters behind the filter button, a club's profile with its logo (the image
really loads), the calendar paged by month with its filters (the club filter fits 390 px),
subscribing (the .ics link answers with a calendar), and the *Mitmachen* form sent wrong (a
clear error, nothing typed is lost) and then right."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from cms.events.recurrence import EVENT_TIME_ZONE
from cms.tenancy.models import RegistrationRequest
from tests.browser.tools import new_page
from tests.factories import ClubFactory, event_index, event_page, image, image_file
from tests.locales import BY_CODE

from .conftest import VIEWPORTS
from .walk import Walk

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Long names, as in the district: the calendar's club filter lists them in a <select>.
LOGO_CLUB = "Kulturbrücke Düren – Verein arabischsprachiger Familien e. V."
OTHER_CLUB = "Deutsch-Ukrainischer Eltern- und Kulturverein Jülich e. V."

FITS = """(selector) => {
  const el = document.querySelector(selector);
  const box = el.getBoundingClientRect();
  return {scroll: el.scrollWidth, client: el.clientWidth, left: box.left, right: box.right,
          width: window.innerWidth};
}"""


@pytest.fixture
def visitor_portal(journey_settings, live_server, build_portal_site):
    journey_settings.PUBLIC_BASE_URL = live_server.url
    club = ClubFactory(LOGO_CLUB, countries=("SY",), languages=("ar", "de"))
    club.logo = image(
        club.tenant.collection, title="Logo", file=image_file("logo.png", (96, 96), (20, 60, 120))
    )
    club.save_revision().publish()
    other = ClubFactory(OTHER_CLUB, municipality_name="Jülich", countries=("UA",), focus=())
    today = timezone.localdate()
    start = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time(18), tzinfo=EVENT_TIME_ZONE
    )
    event_page(event_index(club), "Sprachcafé", start=start, recurrence="FREQ=WEEKLY")
    event_page(event_index(other), "Elternabend", start=start + datetime.timedelta(days=2, hours=1))
    build_portal_site(locales=[BY_CODE["de"], BY_CODE["ar"]], base_url=f"{live_server.url}/")
    return club, other


@pytest.mark.parametrize("viewport", [("phone", VIEWPORTS["phone"])], ids=["phone"])
def test_visitor(request, journey_browser, live_server, journey_report, viewport, visitor_portal):
    name, size = viewport
    club, other = visitor_portal
    for code, browser_locale in (("de", "de-DE"), ("ar", "ar-SY")):
        with new_page(journey_browser, viewport=size, locale=browser_locale) as page:
            walk = Walk(
                page,
                journey=f"besucher-{code}",
                viewport=name,
                report=journey_report,
                origin=live_server.url,
            )
            request.node.journey_walk = walk
            visit(walk, code, club, other)
            walk.assert_clean()


def visit(walk: Walk, code: str, club, other):
    page = walk.page
    # The directory: the results come first, the filters wait behind their button.
    walk.goto(f"/{code}/verzeichnis/", "Verzeichnis")
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    cards = page.locator(".directory-card")
    assert cards.count() == 2
    assert cards.first.bounding_box()["y"] < VIEWPORTS["phone"]["height"]
    filters = page.locator("details.directory-filters")
    assert filters.get_attribute("open") is None
    filters.locator("summary").click()
    municipality = filters.locator("[data-facet='municipality'] .chip", has_text="Jülich")
    municipality.click()
    page.locator(".directory-card", has_text=club.title).wait_for(state="hidden")
    page.locator(".directory-card", has_text=other.title).wait_for()
    # A chip that would show no club is greyed out and cannot be chosen.
    assert filters.locator("button.chip:disabled").count() >= 1
    page.screenshot(path=str(walk.shot_path("verzeichnis-gefiltert")), full_page=True)
    municipality.click()  # and back

    # A profile with its logo, which really loads.
    page.locator(".directory-card", has_text=club.title).get_by_role("link").click()
    walk.arrived("Vereinsprofil")
    logo = page.locator("img.profile__logo")
    logo.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('img.profile__logo');"
        " return i.complete && i.naturalWidth > 0; }"
    )

    # The calendar: this month first, paged by month; the filters fit the phone.
    walk.goto(f"/{code}/veranstaltungen/", "Kalender")
    page.locator(".calendar-item", has_text="Sprachcafé").first.wait_for()
    page.locator("details.calendar-filters > summary").click()
    club_filter = page.locator("#calendar-filter-club")
    club_filter.wait_for()
    for selector in ("details.calendar-filters", "#calendar-filter-club"):
        box = page.evaluate(FITS, selector)
        assert box["scroll"] <= box["client"], f"{code}: {selector} overflows: {box}"
        assert box["left"] >= 0 and box["right"] <= box["width"] + 1, f"{code}: {box}"
    club_filter.select_option(label=other.title)
    page.locator(".calendar-item", has_text="Sprachcafé").first.wait_for(state="hidden")
    page.screenshot(path=str(walk.shot_path("kalender-filter")), full_page=True)
    club_filter.select_option(index=0)
    with page.expect_navigation():
        page.locator("a[rel='next']").first.click()
    walk.arrived("Kalender, nächster Monat")
    assert page.locator("a[rel='prev']").count() >= 1
    page.locator(".calendar-item", has_text="Sprachcafé").first.wait_for()

    # Subscribing: the link gives the calendar file.
    href = page.locator("#calendar-ics").get_attribute("href")
    answer = page.request.get(href)
    assert answer.ok and answer.headers["content-type"].startswith("text/calendar"), href
    body = answer.text()
    assert "BEGIN:VCALENDAR" in body and "Sprachcafé" in body and "RRULE:FREQ=WEEKLY" in body

    # *Mitmachen*: sent wrong, the error is clear and nothing typed is lost; then right.
    walk.goto(f"/{code}/mitmachen/", "Mitmachen")
    club_name = f"Neuer Verein ({code})"
    page.fill("#register-club_name", club_name)
    page.fill("#register-applicant_email", "keine-adresse")
    page.locator("#register-form button[type=submit]").click()
    summary = page.locator("#register-summary")
    summary.wait_for()
    walk.waited("Mitmachen: Fehler", "/api/")
    assert summary.evaluate("(el) => el === document.activeElement")
    email = page.locator("#register-applicant_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert page.input_value("#register-club_name") == club_name
    assert page.input_value("#register-applicant_email") == "keine-adresse"
    walk.arrived("Mitmachen mit Fehlern", timed=False)
    assert not RegistrationRequest.objects.filter(club_name=club_name).exists()

    page.select_option("#register-legal_form", "ev")
    page.select_option("#register-municipality", "juelich")
    page.fill("#register-applicant_name", "Rania Haddad")
    email.fill(f"rania-{code}@example.org")
    page.check("#register-privacy_consent")
    page.locator("#register-form button[type=submit]").click()
    page.locator(".form-done").wait_for()
    walk.waited("Mitmachen: gesendet", "/api/")
    walk.arrived("Mitmachen gesendet", timed=False)
    registration = RegistrationRequest.objects.get(club_name=club_name)
    assert registration.language == code
