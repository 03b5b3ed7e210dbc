"""Sign-ups and the board (issue 20), walked as the people do it: a visitor signs up for the
agency's workshop on the portal on a phone, in Arabic, gets the confirmation in Arabic and
cancels with its link; the first person on the waiting list gets the place offer and accepts;
the agency downloads the participant list. A club posts a request for volunteers in the
admin, a partner organisation answers through the relay form, both see the exchange; the
board, its feed and its API show no contact detail.

Everything is set up before the walk; in between the browser only clicks and types (the
portal is built once more at the end, as the worker would after the post)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone

from sites.client import ApiClient
from sites.portal import build_portal
from tests.browser.tools import new_page
from tests.factories import (
    PASSWORD,
    AgencyUserFactory,
    ClubFactory,
    PartnerFactory,
    agency_event_index,
    event_page,
    room,
    signup,
    signup_options,
)
from tests.locales import LOCALES

from .conftest import VIEWPORTS
from .walk import Walk

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKSHOP = "Workshop: Förderanträge schreiben"
WORKSHOP_PATH = "agentur-termine/workshop/"
PORTAL_LOCALES = [LOCALES[0], LOCALES[3]]  # de, ar
REQUEST = "Zwei Ehrenamtliche mit Tigrinya für das Sommerfest"
ANSWER = "Wir kommen am Samstag zu zweit, beide sprechen Tigrinya."


def build(settings):
    with ApiClient() as client:
        report = build_portal(client, settings.SITE_BUILD_DIR, locales=PORTAL_LOCALES)
    assert not report.errors, report.errors


@pytest.fixture
def world(journey_settings, live_server):
    journey_settings.PUBLIC_BASE_URL = live_server.url
    journey_settings.WAGTAILADMIN_BASE_URL = live_server.url
    agency = AgencyUserFactory()
    agency.set_password(PASSWORD)
    agency.save()
    club = ClubFactory("Eritreische Gemeinde Düren e. V.")
    partner = PartnerFactory("DRK Ortsverein Düren")
    workshop = event_page(
        agency_event_index(),
        title=WORKSHOP,
        slug="workshop",
        location_room=room("Café International"),
        summary="Schritt für Schritt zum Antrag auf Landesförderung.",
    )
    signup(signup_options(workshop, capacity=2), name="Ayşe Demir", email="ayse@example.org")
    build(journey_settings)
    mail.outbox.clear()
    return agency, club, partner


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in(message, kind: str) -> str:
    return re.search(rf"https?://\S+/{kind}/", message.body).group(0)


def sign_up(walk: Walk, path: str, name: str, email: str, step: str):
    page = walk.goto(path, step)
    form = page.locator("form.signup-form")
    form.locator("#signup-name").fill(name)
    form.locator("#signup-email").fill(email)
    form.locator("#signup-consent").check()
    with page.expect_navigation():
        form.locator("button[type='submit']").click()
    return walk.arrived(f"{step}: Antwort")


def test_signups_and_board(request, journey_browser, live_server, journey_report, world):
    agency, club, partner = world
    origin = live_server.url

    # A visitor on a phone, in Arabic: signs up, is confirmed in Arabic, cancels.
    with new_page(journey_browser, viewport=VIEWPORTS["phone"], locale="ar") as page:
        walk = Walk(
            page, journey="anmeldung", viewport="phone", report=journey_report, origin=origin
        )
        request.node.journey_walk = walk
        walk.goto("/ar/agentur-termine/", "Veranstaltungen der Agentur")
        page.get_by_role("link", name=WORKSHOP).click()
        walk.arrived("Workshop")
        assert page.locator("html").get_attribute("dir") == "rtl"
        sign_up(
            walk, "/ar/agentur-termine/workshop/", "ليلى حداد", "layla@example.org", "Anmeldung"
        )
        (confirmation,) = sent_to("layla@example.org")
        assert confirmation.subject == f"تأكيد التسجيل: {WORKSHOP}"
        assert confirmation.attachments[0][0].endswith(".ics")

        # Someone else signs up in German: the workshop is full now, the waiting list follows.
        sign_up(
            walk,
            "/de/agentur-termine/workshop/",
            "Tesfay Berhane",
            "tesfay@example.org",
            "Warteliste",
        )
        (waiting,) = sent_to("tesfay@example.org")
        assert waiting.subject == f"Warteliste: {WORKSHOP}"

        page.goto(link_in(confirmation, "abmelden"))
        walk.arrived("Abmelden?")
        with page.expect_navigation():
            page.locator("main form button[type='submit']").click()
        walk.arrived("Abgemeldet")

        offer = sent_to("tesfay@example.org")[-1]
        assert offer.subject == f"Ein Platz ist frei: {WORKSHOP}"
        page.goto(link_in(offer, "annehmen"))
        walk.arrived("Platz angeboten")
        with page.expect_navigation():
            page.get_by_role("button", name="Platz annehmen").click()
        walk.arrived("Platz angenommen")
        page.get_by_role("heading", name="Ihr Platz ist bestätigt.").wait_for()
        walk.assert_clean()

    with new_page(journey_browser, viewport=VIEWPORTS["desktop"], locale="de-DE") as page:
        walk = Walk(
            page, journey="gesucht", viewport="desktop", report=journey_report, origin=origin
        )
        request.node.journey_walk = walk

        # The agency downloads the participant list.
        walk.login(agency.email, PASSWORD)
        walk.goto("/admin/teilnehmerlisten/", "Teilnehmerlisten")
        page.locator("tr", has_text=WORKSHOP).get_by_role("link", name="Teilnehmende").click()
        walk.arrived("Teilnehmende")
        with page.expect_download() as download:
            page.get_by_role("link", name="Liste als CSV herunterladen").click()
        rows = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
        confirmed = [row for row in rows if ";Bestätigt;" in row]
        assert [row.split(";")[2] for row in confirmed] == ["Ayşe Demir", "Tesfay Berhane"]
        assert any("ليلى حداد" in row and ";Abgemeldet;" in row for row in rows)
        walk.logout()

        # The club asks for volunteers.
        walk.login(club.editor.email, PASSWORD)
        walk.goto("/admin/gesucht-geboten/", "Gesucht & Geboten")
        page.get_by_role("link", name="Neuer Eintrag").click()
        walk.arrived("Neuer Eintrag")
        # The club's own organisation is chosen already.
        assert page.locator("#id_tenant option:checked").inner_text() == club.tenant.name
        page.locator("#id_direction").select_option("request")
        page.locator("#id_kind").select_option("volunteers")
        page.locator("#id_title").fill(REQUEST)
        page.locator("#id_description").fill("Für den Getränkestand und zum Übersetzen.")
        page.locator("#id_languages").select_option(label="Tigrinya")
        page.locator("#id_municipality").select_option(label="Düren")
        expires = timezone.localdate() + datetime.timedelta(days=20)
        page.locator("#id_expires_on").fill(expires.isoformat())
        with page.expect_navigation():
            page.get_by_role("button", name="Speichern").click()
        walk.arrived("Eintrag gespeichert")
        page.get_by_role("heading", name=REQUEST).wait_for()
        walk.logout()

        # A partner organisation answers through the relay form.
        walk.login(partner.editor.email, PASSWORD)
        walk.goto("/admin/gesucht-geboten/", "Gesucht & Geboten (Partner)")
        page.get_by_role("link", name=REQUEST).click()
        walk.arrived("Eintrag des Vereins")
        page.locator("#id_message").fill(ANSWER)
        with page.expect_navigation():
            page.get_by_role("button", name="Antwort senden").click()
        walk.arrived("Antwort gesendet")
        page.get_by_text(ANSWER).wait_for()
        assert partner.editor.email not in page.locator("main").inner_text()
        (relayed,) = sent_to(club.editor.email)
        assert relayed.reply_to == [partner.editor.email] and ANSWER in relayed.body
        walk.logout()

        # The club sees the answer beside its post.
        walk.login(club.editor.email, PASSWORD)
        walk.goto("/admin/gesucht-geboten/", "Gesucht & Geboten (Verein)")
        page.get_by_role("link", name=REQUEST).click()
        walk.arrived("Antwort beim Verein")
        page.get_by_text(ANSWER).wait_for()
        walk.logout()

        # Board, feed and API: no contact detail.
        addresses = (club.editor.email, partner.editor.email, "mailto:")
        for path in ("/api/v1/board/", "/api/v1/board.atom"):
            body = page.request.get(walk.url(path)).text()
            assert REQUEST in body and not any(a in body for a in addresses), path
        build(request.getfixturevalue("journey_settings"))
        walk.goto("/de/gesucht-geboten/sprache/ti/", "Portal: Gesucht & Geboten, Tigrinya")
        main = page.locator("main").inner_text()
        assert REQUEST in main and not any(a in page.content() for a in addresses)
        walk.assert_clean()
