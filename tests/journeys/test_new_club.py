"""The new club's journey (issue 17): the club registers on the portal's *Mitmachen* form,
the agency accepts it in the admin, the applicant opens the one-time link from the mail, sets
a password, logs in for the first time, fills in the profile and sends it for approval; once
the agency approves, the club's homepage shows it. Only the browser acts in between: the mail
is read from Django's outbox (the live server's locmem backend)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.browser.tools import new_page
from tests.factories import PASSWORD, AgencyUserFactory
from tests.locales import BY_CODE

from .walk import Walk

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLUB = "Deutsch-Syrischer Kulturverein Düren e. V."
EMAIL = "rania.haddad@example.org"
NEW_PASSWORD = "Teestube-am-Freitag-2027"


@pytest.fixture
def new_club_world(journey_settings, live_server, build_portal_site):
    journey_settings.PUBLIC_BASE_URL = live_server.url
    journey_settings.WAGTAILADMIN_BASE_URL = live_server.url
    agency = AgencyUserFactory()
    agency.set_password(PASSWORD)
    agency.save()
    build_portal_site(locales=[BY_CODE["de"]], base_url=f"{live_server.url}/")
    return agency


def test_new_club(request, journey_browser, live_server, journey_report, viewport, new_club_world):
    name, size = viewport
    agency = new_club_world
    mail.outbox.clear()
    with new_page(journey_browser, viewport=size, locale="de-DE") as page:
        walk = Walk(
            page, journey="neuer-verein", viewport=name, report=journey_report,
            origin=live_server.url,
        )  # fmt: skip
        request.node.journey_walk = walk

        # The club registers on the portal.
        walk.goto("/de/mitmachen/", "Mitmachen")
        page.fill("#register-club_name", CLUB)
        page.select_option("#register-legal_form", "ev")
        page.select_option("#register-municipality", "dueren")
        page.fill("#register-applicant_name", "Rania Haddad")
        page.fill("#register-applicant_email", EMAIL)
        page.check("#register-privacy_consent")
        page.locator("#register-form button[type=submit]").click()
        page.locator(".form-done").wait_for()
        walk.waited("Anmeldung gesendet", "/api/")

        # The agency accepts it in the admin.
        walk.login(agency.email, PASSWORD)
        walk.goto("/admin/anmeldungen/", "Anmeldungen")
        page.get_by_role("link", name=re.compile(CLUB)).first.click()
        walk.arrived("Anmeldung prüfen")
        with page.expect_navigation():
            page.get_by_role("button", name="Annehmen und einrichten").click()
        walk.arrived("Anmeldung angenommen")
        page.locator(".messages").get_by_text("wurde angenommen und eingerichtet").wait_for()
        walk.logout()

        # The one-time link from the mail: a password, then the first login.
        # (The first mail confirmed the registration; the second brings the link.)
        sent = [
            message
            for message in mail.outbox
            if EMAIL in message.to and "freigeschaltet" in message.subject
        ]
        assert len(sent) == 1, [message.subject for message in mail.outbox]
        links = re.findall(r"https?://\S+", sent[0].body)
        assert links and all(link.startswith(live_server.url) for link in links), links
        page.goto(links[0])
        walk.arrived("Passwort festlegen")
        page.locator("#id_new_password1").fill(NEW_PASSWORD)
        page.locator("#id_new_password2").fill(NEW_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Passwort")).click()
        walk.arrived("Passwort gesetzt")
        # The link works once only.
        page.goto(links[0])
        walk.arrived("Link schon benutzt")
        assert page.locator("#id_new_password1").count() == 0
        walk.login(EMAIL, NEW_PASSWORD)

        # The first page: the profile, sent for approval.
        page.get_by_role("link", name="Profil bearbeiten").first.click()
        walk.arrived("Profil bearbeiten")
        # The editor saves a draft by itself half a second after a change (Wagtail's
        # autosave); like a person, send the form once that is done (on SQLite two
        # overlapping writes would lock each other out).
        # On a busy machine the autosave did not always come within the wait (2 of 5 runs
        # beside two other test runs); then there is nothing to wait for.
        try:
            with page.expect_response(
                lambda response: (
                    response.request.method == "POST" and "/admin/pages/" in response.url
                ),
                timeout=20_000,
            ):
                page.get_by_role("textbox", name="Kurzbeschreibung").fill(
                    "Wir treffen uns jeden Freitag zum Teetrinken und Deutschlernen."
                )
        except PlaywrightTimeoutError:
            pass
        # New clubs publish through the agency: „In … einreichen“, in the footer's menu.
        submit = page.locator("footer").get_by_role("button", name=re.compile("einreichen"))
        if not submit.first.is_visible():
            page.locator(
                "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
            ).first.click()
        with page.expect_navigation():
            submit.first.click()
        walk.arrived("Zur Freigabe eingereicht")
        walk.logout()

        # The agency approves; the homepage is built at once.
        walk.login(agency.email, PASSWORD)
        queue = page.locator("#awaiting-review, [id^='awaiting-review']").first
        row = queue.locator("tr", has_text=f"von {CLUB}")
        row.locator(".w-dropdown__toggle, [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Mit Kommentar genehmigen").click()
        dialog = page.locator(".modal-dialog")
        dialog.get_by_role("textbox").first.fill("Willkommen im Vereinsnetz!")
        with page.expect_navigation():
            dialog.locator("button[type='submit'], input[type='submit']").first.click()
        walk.arrived("Profil freigegeben")
        walk.logout()

        slug = slug_of(CLUB)
        walk.goto(f"/vereine/{slug}/de/", "Homepage des neuen Vereins")
        page.get_by_text("Wir treffen uns jeden Freitag zum Teetrinken").first.wait_for()
        assert CLUB in page.locator("h1").first.inner_text()
        walk.assert_clean()


def slug_of(name: str) -> str:
    from cms.tenancy.models import Tenant

    return Tenant.objects.get(name=name).root_page.slug
