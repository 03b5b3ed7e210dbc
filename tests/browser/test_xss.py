"""No XSS payload runs on a built club homepage, the portal or in the admin preview, in real
Chromium.

The club of ``tests/hardening/xss.py`` carries payloads in every text, rich-text and StreamField
field an editor can fill. Each payload, if it ran, would call ``window.__xss(n)`` (exposed by
the test) or open a dialog. The pages are served without a Content-Security-Policy here, so
escaping alone must hold; the policy is a second line (tests/hardening/test_headers.py).
"""

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import RequestFactory

from tests.hardening.xss import PAYLOADS, hostile_club
from tests.locales import BY_CODE

from .tools import SiteServer, new_page

pytestmark = pytest.mark.django_db


def watch(page) -> list[str]:
    """Record every payload call and every dialog of ``page``."""
    hits: list[str] = []
    page.expose_binding("__xss", lambda source, number: hits.append(f"payload {number}"))

    def on_dialog(dialog):
        hits.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return hits


def interact(page):
    """Give event-handler payloads their chance: focus, hover, click on everything."""
    page.evaluate(
        """() => {
            // Handlers run, but no link or form leaves the page.
            for (const type of ['click', 'submit']) {
                document.addEventListener(type, (event) => event.preventDefault(), true);
            }
            for (const el of document.querySelectorAll('body *')) {
                for (const type of ['mouseover', 'focus', 'click', 'toggle']) {
                    el.dispatchEvent(new Event(type, {bubbles: false}));
                }
            }
        }"""
    )
    # Handlers dispatched above ran synchronously; what they queue (a timer, a toggle
    # event) runs within a few milliseconds.
    page.wait_for_timeout(100)


@contextmanager
def static_server(root: Path):
    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


# Every locale renders the same content through the same templates; one left-to-right and one
# right-to-left locale (plus the pages outside a locale) cover every template and every field.
CHECKED_LOCALES = ("de", "ar")


def html_pages(root: Path) -> list[str]:
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    return [p for p in pages if "/" not in p or p.split("/")[0] in CHECKED_LOCALES]


def test_no_payload_runs_on_any_built_page(
    chromium_browser, settings, build_club_site, build_portal_site
):
    club, _content = hostile_club()
    root = build_club_site(club)
    portal = build_portal_site(locales=[BY_CODE[code] for code in CHECKED_LOCALES])
    pages = html_pages(root)
    assert len(pages) >= 8, pages
    shown = 0
    with (
        SiteServer(settings.SITE_BUILD_DIR) as server,
        static_server(portal) as portal_url,
        new_page(chromium_browser) as page,
    ):
        hits = watch(page)
        urls = [(server.url(club.slug, path), path) for path in pages]
        urls += [(portal_url + path, path) for path in html_pages(portal)]
        for url, path in urls:
            # A page outside the locales may forward (meta refresh): "networkidle" waits until
            # it has moved on. The pages of a locale are whole at "load" (no script fetches
            # anything later), which spares half a second of idle time on each of them.
            page.goto(url, wait_until="load" if "/" in path else "networkidle")
            interact(page)
            assert hits == [], f"{url}: {hits}"
            shown += page.evaluate("document.body.innerText").count("__xss(")
    # The payloads are on the pages, as text: the test did not pass by leaving them out.
    assert shown >= len(PAYLOADS)


def test_no_payload_runs_in_the_admin_preview(chromium_browser, agency_user):
    club, content = hostile_club()
    request = RequestFactory().get("/admin/pages/preview/")
    request.user = agency_user
    for page_object in (club, content.specific):
        html = page_object.serve_preview(request, "").content.decode()
        assert "__xss(" in html
        with new_page(chromium_browser) as page:
            hits = watch(page)
            page.set_content(html, wait_until="load")
            interact(page)
            assert hits == [], f"preview of {page_object.title!r}: {hits}"


def test_the_watch_sees_a_payload_that_runs(chromium_browser):
    """The harness itself: unescaped payloads are caught, so a pass above means something."""
    with new_page(chromium_browser) as page:
        hits = watch(page)
        page.set_content(
            "<p>" + PAYLOADS[1] + PAYLOADS[7] + "<script>alert('x')</script></p>",
            wait_until="load",
        )
        interact(page)
        assert "payload 2" in hits
        assert "payload 8" in hits
        assert "dialog: x" in hits
