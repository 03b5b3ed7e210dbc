"""A club secretary who reads Arabic better than German (issue 18): she switches the admin to
Arabic in her account settings, and the dashboard, the editor of a news item and the menus
speak Arabic and run right to left, on a phone and on a desktop; back in German, everything is
German again. The texts expected are taken from the catalogues, so the journey fails when a
message the secretary meets is left untranslated."""

from __future__ import annotations

import re

import pytest
from django.utils import translation

from cms.tenancy.provisioning import apply_publishing_mode
from tests.browser.tools import new_page
from tests.factories import PASSWORD, ClubFactory, news_index

from .walk import Walk

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def arabic(message: str) -> str:
    with translation.override("ar"):
        text = translation.gettext(message)
    assert text != message, f"not translated into Arabic: {message}"
    return text


@pytest.fixture
def arabic_club(journey_settings):
    club = ClubFactory("Arabischer Kulturverein Düren e. V.")
    club.tenant.direct_publishing = True
    club.tenant.save()
    apply_publishing_mode(club.tenant)
    news_index(club)
    return club


def test_admin_in_arabic(
    request, journey_browser, live_server, journey_report, viewport, arabic_club
):
    name, size = viewport
    club = arabic_club
    with new_page(journey_browser, viewport=size, locale="de-DE") as page:
        walk = Walk(
            page,
            journey="admin-arabisch",
            viewport=name,
            report=journey_report,
            origin=live_server.url,
        )
        request.node.journey_walk = walk
        walk.login(club.editor.email, PASSWORD)
        assert page.locator("html").get_attribute("dir") in (None, "ltr")

        # Account settings: the preferred language offers Arabic, in Arabic.
        walk.goto("/admin/account/", "Konto")
        choice = page.get_by_label("Bevorzugte Sprache")
        offered = dict(
            choice.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
        )
        assert {"de", "ar", "tr", "uk", "fa"} <= set(offered)
        assert offered["ar"].startswith("العرب")
        # Wagtail has no catalogue of its own for Tigrinya: the admin does not offer it.
        assert "ti" not in offered
        # Wagtail asks for a name before it saves the account.
        page.get_by_role("textbox", name="Vorname").fill("Amina")
        page.get_by_role("textbox", name="Nachname").fill("Haddad")
        choice.select_option("ar")
        with page.expect_navigation():
            page.locator(
                "main form button[type='submit'], main form input[type='submit']"
            ).last.click()
        walk.arrived("Konto gespeichert")

        # The dashboard, right to left, in Arabic: our own panels included.
        walk.goto("/admin/", "Dashboard (ar)")
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
        write_news = arabic("Neuigkeit schreiben")
        assert page.get_by_role("link", name=write_news).first.is_visible()
        assert page.get_by_text("Neuigkeit schreiben").count() == 0

        # Writing news: the editor's own labels and help in Arabic.
        page.get_by_role("link", name=write_news).first.click()
        walk.arrived("Neuigkeit schreiben (ar)")
        assert page.get_by_text(arabic("Anrisstext")).first.is_visible()
        assert page.get_by_text(re.compile("^Anrisstext$")).count() == 0

        # Back to German.
        walk.goto("/admin/account/", "Konto (ar)")
        page.locator("select[name$='preferred_language']").select_option("de")
        with page.expect_navigation():
            page.locator(
                "main form button[type='submit'], main form input[type='submit']"
            ).last.click()
        walk.goto("/admin/", "Dashboard (de)")
        assert page.locator("html").get_attribute("lang") == "de"
        assert page.get_by_role("link", name="Neuigkeit schreiben").first.is_visible()
        walk.assert_clean()
