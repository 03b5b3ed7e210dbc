"""The partner's journey (issue 17): a partner organisation creates a cooperation, choosing
the club in the searchable chooser; the club confirms it on its dashboard (the form there
carries its CSRF token); the cooperation appears on the club's homepage, whose sections had
no „Kooperationen“ before."""

from __future__ import annotations

import re

import pytest

from tests.browser.tools import new_page
from tests.factories import PASSWORD, ClubFactory, PartnerFactory

from .walk import Walk

# The district's municipalities and languages come from data migrations: restored after
# each journey's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def partner_world(journey_settings):
    partner = PartnerFactory("THW Ortsverband Düren")
    for number in range(12):
        ClubFactory(f"Verein Nummer {number:02d} e. V.")
    club = ClubFactory("Anadolu Kulturverein e. V.")
    club.homepage_sections.filter(section="cooperations").delete()
    club.save_revision().publish()
    return partner, club


def test_partner(request, journey_browser, live_server, journey_report, viewport, partner_world):
    name, size = viewport
    partner, club = partner_world
    with new_page(journey_browser, viewport=size, locale="de-DE") as page:
        walk = Walk(
            page, journey="partner", viewport=name, report=journey_report, origin=live_server.url
        )
        request.node.journey_walk = walk
        walk.login(partner.editor.email, PASSWORD)
        page.get_by_role("link", name="Kooperation anlegen").first.click()
        walk.arrived("Kooperation anlegen")
        page.locator("#id_title").fill("Erste Hilfe für Vereinsmitglieder")
        page.locator("#id_kind").select_option(index=1)
        search = page.get_by_role("searchbox", name="Namen suchen")
        search.fill("anad")
        chooser = page.locator("[data-vn-choose]")
        chooser.get_by_text("0 ausgewählt · 1 von").wait_for()
        assert chooser.get_by_text("Verein Nummer 03 e. V.").is_hidden()
        chooser.get_by_label("Anadolu Kulturverein e. V.").check()
        search.fill("")
        chooser.get_by_text("1 ausgewählt").wait_for()
        walk.publish("Kooperation veröffentlicht")
        page.locator(".messages").get_by_text(re.compile("veröffentlicht")).first.wait_for()
        walk.logout()

        walk.login(club.editor.email, PASSWORD)
        panel = page.locator("section[aria-labelledby='cooperation-panel-heading']")
        panel.get_by_text("Erste Hilfe für Vereinsmitglieder").wait_for()
        with page.expect_navigation():
            panel.get_by_role("button", name="Bestätigen").first.click()
        walk.arrived("Kooperation bestätigt")
        page.locator(".messages").get_by_text("Abschnitt „Kooperationen“").wait_for()

        walk.goto(f"/vereine/{club.slug}/de/", "Homepage mit Kooperation")
        section = page.locator("#section-cooperations")
        section.wait_for()
        assert "Erste Hilfe für Vereinsmitglieder" in page.locator("main").inner_text()
        walk.assert_clean()
