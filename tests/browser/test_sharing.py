"""Sharing in Chromium (issue 21, item 1): a club event's share box in German and Arabic on a
phone and a desktop — the WhatsApp, Telegram and mail links carry the title, the date and the
page's address; "Link kopieren" puts the address on the clipboard and says so; nothing is
asked of another host; the page stays valid HTML without axe violations; the A6 flyer it
links is an A6 PDF."""

import datetime
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import ClubFactory, event_index, event_page
from tests.plugins.helpers import translate

from .test_club_sites import LAYOUT, LOAD_EVERYTHING
from .tools import axe_violations, describe_violations, new_page

pytestmark = pytest.mark.django_db
SHOTS = Path("/tmp/reach")
SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
HREFS = "(links) => links.map((a) => a.href)"
TITLES = {"de": "Sommerfest am Rursee", "ar": "حفلة الصيف على البحيرة"}


def test_share_an_event_in_german_and_arabic(chromium_browser, site_server, vnu, client, settings):
    from sites.client import ApiClient
    from sites.club import build_club

    club = ClubFactory("Deutsch-Syrischer Kulturverein e. V.")
    start = (timezone.now() + datetime.timedelta(days=12)).replace(microsecond=0)
    event = event_page(
        event_index(club), TITLES["de"], start=start, summary="Musik, Essen und Gespräche."
    )
    translate(event, "ar", title=TITLES["ar"], summary="موسيقى وطعام وأحاديث.")
    base = site_server.url(club.slug, "")
    with ApiClient() as api:
        report = build_club(api, club.slug, site_server.root, base_url=base)
    assert not report.errors, report.errors
    root = site_server.root / "vereine" / club.slug / "current"
    SHOTS.mkdir(exist_ok=True)

    foreign: list[str] = []

    def guard(route):  # runs in the browser thread
        if route.request.url.startswith(f"{site_server.origin}/"):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    flyers = set()
    for code in ("de", "ar"):
        file = f"{code}/veranstaltungen/{event.slug}/index.html"
        url = base + file
        messages = {"ar": "تم نسخ الرابط.", "de": "Link kopiert."}
        for screen, viewport in SCREENS.items():
            with new_page(
                chromium_browser,
                viewport=viewport,
                permissions=["clipboard-read", "clipboard-write"],
            ) as page:
                page.context.route("**/*", guard)
                page.goto(url)
                page.evaluate(LOAD_EVERYTHING)
                box = page.locator("section.share")
                assert box.is_visible()
                links = {
                    name: box.locator(f'a[href^="{prefix}"]').get_attribute("href")
                    for name, prefix in (
                        ("whatsapp", "https://wa.me/"),
                        ("telegram", "https://t.me/"),
                        ("email", "mailto:"),
                    )
                }
                text = parse_qs(urlsplit(links["whatsapp"]).query)["text"][0]
                assert text.startswith(TITLES[code] + " – ") and text.endswith("\n" + url)
                assert parse_qs(urlsplit(links["telegram"]).query)["url"] == [url]
                assert TITLES[code] in parse_qs(urlsplit(links["email"]).query)["subject"][0]
                copy = box.locator("[data-share-copy]")
                copy.focus()
                page.keyboard.press("Enter")
                status = box.locator("[data-share-status]")
                status.wait_for(state="visible")
                assert status.inner_text() == messages[code]
                assert page.evaluate("() => navigator.clipboard.readText()") == url
                if code == "ar":
                    # right to left: the first share link starts at the right
                    first = box.locator("a").first.bounding_box()
                    assert first["x"] + first["width"] > viewport["width"] / 2
                layout = page.evaluate(LAYOUT)
                assert layout["dir"] == ("rtl" if code == "ar" else "ltr")
                assert layout["scrollWidth"] <= layout["clientWidth"], layout["stickingOut"]
                box.scroll_into_view_if_needed()
                page.screenshot(path=str(SHOTS / f"share-{code}-{screen}.png"))
                if screen == "phone":
                    violations = axe_violations(page)
                    assert not violations, describe_violations(violations)
                flyers.update(page.locator("[data-flyer] a").evaluate_all(HREFS))
        errors = vnu.errors([root / file], root)
        assert not errors, "\n".join(str(error) for error in errors)
    assert not foreign, foreign

    a6 = [href for href in flyers if "format=a6" in href]
    assert sorted(parse_qs(urlsplit(href).query)["locale"][0] for href in a6) == ["ar", "de"]
    for href in a6:
        parts = urlsplit(href)
        response = client.get(f"{parts.path}?{parts.query}")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        box = PdfReader(io.BytesIO(response.content)).pages[0].mediabox
        millimetres = [round(float(side) / 72 * 25.4) for side in (box.width, box.height)]
        assert millimetres == [105, 148]
