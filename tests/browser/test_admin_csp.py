"""The Wagtail admin works under the Content-Security-Policy of cms/settings/base.py: an editor
logs in through the real login form and opens the page editor, the image library and the
explorer in Chromium without a single policy violation."""

import pytest

from tests.factories import PASSWORD, ClubFactory, news_index, news_page

from .tools import new_page

VIOLATION_LOG = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} `
        + `(${event.sourceFile}:${event.lineNumber})`
    );
});
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_pages_load_without_csp_violations(chromium_browser, live_server):
    club = ClubFactory("Kulturverein Sicher e. V.")
    article = news_page(news_index(club), "Sommerfest")
    screens = [
        "/admin/",
        f"/admin/pages/{club.pk}/",
        f"/admin/pages/{club.pk}/edit/",
        f"/admin/pages/{article.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ]
    with new_page(chromium_browser) as page:
        page.add_init_script(VIOLATION_LOG)
        console: list[str] = []
        page.on(
            "console",
            lambda message: (
                console.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", club.editor.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")
        for screen in screens:
            page.goto(f"{live_server.url}{screen}", wait_until="networkidle")
            assert page.locator("main, #main").count() > 0, screen
            violations = page.evaluate("window.__violations")
            assert violations == [], f"{screen}: {violations}"
        # The page editor really runs its scripts (Draftail, StreamField): its editor mounted.
        page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/", wait_until="networkidle")
        assert page.locator(".Draftail-Editor, [data-contentpath]").count() > 0
        assert page.evaluate("window.__violations") == []
    assert console == []
