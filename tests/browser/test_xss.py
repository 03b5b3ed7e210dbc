"""No XSS payload runs on a built club homepage or in the admin preview, in real Chromium.

The club of ``tests/hardening/xss.py`` carries payloads in every text, rich-text and StreamField
field an editor can fill. Each payload, if it ran, would call ``window.__xss(n)`` (exposed by
the test) or open a dialog. The pages are served without a Content-Security-Policy here, so
escaping alone must hold; the policy is a second line (tests/hardening/test_headers.py).
"""

import pytest
from django.test import RequestFactory

from tests.hardening.xss import PAYLOADS, hostile_club

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
            for (const el of document.querySelectorAll('body *')) {
                for (const type of ['mouseover', 'focus', 'click', 'toggle']) {
                    el.dispatchEvent(new Event(type, {bubbles: false}));
                }
            }
        }"""
    )
    page.wait_for_timeout(300)


def test_no_payload_runs_on_any_built_page(chromium_browser, settings, build_club_site):
    club, _content = hostile_club()
    root = build_club_site(club)
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    assert len(pages) >= 8, pages
    shown = 0
    with SiteServer(settings.SITE_BUILD_DIR) as server, new_page(chromium_browser) as page:
        hits = watch(page)
        for path in pages:
            page.goto(server.url(club.slug, path), wait_until="load")
            interact(page)
            assert hits == [], f"{path}: {hits}"
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
