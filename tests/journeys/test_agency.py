"""The agency's journey (issue 17): the review queue names the club of each item; approving
with a message mails the club a link to the page on its homepage; a room request is
confirmed in the week calendar, which opens on the week of the next booking; the statistics,
and the brochure of all clubs downloaded from there."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from cms.clubs.models import NewsPage
from cms.tenancy import platform
from tests.browser.tools import new_page
from tests.factories import (
    PASSWORD,
    AgencyUserFactory,
    ClubFactory,
    add_child,
    booking,
    news_index,
    room,
)

from .walk import Walk

# The district's municipalities and languages come from data migrations: restored after
# each journey's flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def agency_world(journey_settings, live_server):
    journey_settings.PUBLIC_BASE_URL = live_server.url
    journey_settings.WAGTAILADMIN_BASE_URL = live_server.url
    agency = AgencyUserFactory()
    agency.set_password(PASSWORD)
    agency.save()
    clubs = []
    for name in ("Anadolu Kulturverein e. V.", "Kulturbrücke Jülich e. V."):
        club = ClubFactory(name)
        news = add_child(
            news_index(club),
            NewsPage(title="Einladung zum Neujahrsempfang", slug="neujahr"),
            publish=False,
        )
        platform.approval_workflow().start(news, club.editor)
        clubs.append(club)
    cafe = room("Café International")
    request = booking(cafe, clubs[0], days_ahead=9, hour=18, purpose="Chorprobe")
    return agency, clubs, request


def test_agency(request, journey_browser, live_server, journey_report, viewport, agency_world):
    name, size = viewport
    agency, clubs, room_request = agency_world
    with new_page(journey_browser, viewport=size, locale="de-DE") as page:
        walk = Walk(
            page, journey="agentur", viewport=name, report=journey_report, origin=live_server.url
        )
        request.node.journey_walk = walk
        walk.login(agency.email, PASSWORD)
        queue = page.locator("#awaiting-review, [id^='awaiting-review']").first
        queue.get_by_text("von Anadolu Kulturverein e. V.").wait_for()
        queue.get_by_text("von Kulturbrücke Jülich e. V.").wait_for()

        mail.outbox.clear()
        row = queue.locator("tr", has_text="von Anadolu Kulturverein e. V.")
        row.locator(".w-dropdown__toggle, [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Mit Kommentar genehmigen").click()
        dialog = page.locator(".modal-dialog")
        dialog.get_by_role("textbox").first.fill("Schön geschrieben, danke!")
        with page.expect_navigation():
            dialog.locator("button[type='submit'], input[type='submit']").first.click()
        walk.arrived("Freigegeben")
        # The approved item has left the queue; the other club's is still there. (In the
        # queue: the success message above it names the approved page's club too.)
        queue = page.locator("#awaiting-review, [id^='awaiting-review']").first
        queue.get_by_text("von Anadolu Kulturverein e. V.").wait_for(state="detached")
        queue.get_by_text("von Kulturbrücke Jülich e. V.").wait_for()
        page.locator(".messages").get_by_text(
            "„Einladung zum Neujahrsempfang“ von Anadolu Kulturverein e. V. ist freigegeben"
        ).wait_for()
        sent = [m for m in mail.outbox if clubs[0].editor.email in m.to]
        assert sent, [m.subject for m in mail.outbox]
        body = sent[0].body
        assert "None" not in body and f"{live_server.url}/vereine/{clubs[0].slug}/de/" in body

        walk.goto("/admin/raumbuchungen/woche/", "Wochenkalender")
        entry = page.locator(f"#buchung-{room_request.pk}")
        entry.get_by_text("Chorprobe").wait_for()
        with page.expect_navigation():
            entry.get_by_role("button", name="Bestätigen").click()
        walk.arrived("Buchung bestätigt")
        page.locator(f"#buchung-{room_request.pk}").get_by_text("bestätigt").wait_for()

        # The statistics, and the brochure of all clubs from there.
        walk.goto("/admin/stats/", "Statistik")
        page.get_by_text("2 veröffentlichte Vereine").wait_for()
        brochure = walk.opened_file(
            "Broschüre",
            page.get_by_role("link", name="Broschüre aller Vereine (PDF)"),
            "/api/v1/brochure.pdf",
        )
        text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(brochure)).pages)
        assert all(club.title in text for club in clubs), text[:500]
        walk.assert_clean()
