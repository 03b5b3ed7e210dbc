"""Offline reading in Chromium: open a club's homepage, cut the network, reload — the page and
its events are there; a page never opened shows the offline note; nothing from elsewhere
(the API, another path of the host) was cached."""

import json

import pytest

from .tools import new_page

pytestmark = pytest.mark.django_db

PHONE = {"width": 390, "height": 844}


def wait_for_worker(page) -> None:
    page.evaluate(
        "() => navigator.serviceWorker.ready.then(() => new Promise((done) => {"
        " if (navigator.serviceWorker.controller) return done();"
        " navigator.serviceWorker.addEventListener('controllerchange', () => done()); }))"
    )


def wait_for_cached(page, part: str) -> None:
    """Until the worker has kept a file whose address contains ``part`` (the first page's
    own files are sent to it after it starts)."""
    page.wait_for_function(
        "(part) => caches.keys().then((keys) => Promise.all(keys.map((key) =>"
        " caches.open(key).then((cache) => cache.keys()))))"
        ".then((lists) => lists.flat().some((request) => request.url.includes(part)))",
        arg=part,
    )


STYLED = (
    "() => [...document.styleSheets].some((sheet) => {"
    " try { return sheet.cssRules.length > 0; } catch (error) { return false; } })"
)


def test_home_and_events_stay_readable_offline(chromium_browser, built_demo_club, site_server):
    site = built_demo_club
    manifest = json.loads((site.root / "manifest.webmanifest").read_text())
    assert manifest["start_url"] == "de/" and manifest["display"] == "standalone"
    with new_page(chromium_browser, viewport=PHONE) as page:
        home = site_server.url(site.slug, "de/")
        page.goto(home)
        wait_for_worker(page)
        wait_for_cached(page, "/static/")
        title = page.title()
        context = page.context
        context.set_offline(True)
        page.reload()
        assert page.title() == title
        assert page.evaluate(STYLED), "the stylesheet was not kept"
        page.screenshot(path="/tmp/reach-shots/offline-home-de-390.png")
        assert page.locator("[data-offline-note]").is_visible()
        # Precached on installation though never opened: the events page (main menu).
        page.goto(site_server.url(site.slug, "de/veranstaltungen/"))
        assert page.locator("h1").first.is_visible()
        assert "offline.html" not in page.url
        # A page nobody opened and that is not in the menu: the offline note page.
        page.goto(site_server.url(site.slug, "de/gibt-es-nicht/"))
        assert "Keine Verbindung" in page.content()
        page.screenshot(path="/tmp/reach-shots/offline-note-de-390.png")
        cached = page.evaluate(
            "() => caches.keys().then((keys) => Promise.all(keys.map((key) =>"
            " caches.open(key).then((cache) => cache.keys()))))"
            ".then((lists) => lists.flat().map((request) => request.url))"
        )
        context.set_offline(False)
    prefix = site_server.url(site.slug, "")
    assert cached and all(url.startswith(prefix) for url in cached), cached
    assert not [url for url in cached if "/api/" in url or "?" in url]


def test_arabic_offline_note(chromium_browser, built_demo_club, site_server):
    site = built_demo_club
    with new_page(chromium_browser, viewport={"width": 1280, "height": 800}) as page:
        page.goto(site_server.url(site.slug, "ar/"))
        wait_for_worker(page)
        wait_for_cached(page, "/static/")
        page.context.set_offline(True)
        page.goto(site_server.url(site.slug, "ar/gibt-es-nicht/"))
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert "لا يوجد اتصال" in page.content()
        assert page.evaluate(STYLED)
        page.screenshot(path="/tmp/reach-shots/offline-note-ar-1280.png")
        page.context.set_offline(False)
