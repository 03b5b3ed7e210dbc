"""The lightbox in a real browser (Debian's Chromium through Playwright): opened by a
thumbnail link, keyboard operable (arrow keys mirrored right to left, Escape closes), focus
back on the opener; and without the script the link opens the picture itself."""

import pytest

from tests.browser.tools import Chromium, SiteServer, missing, new_page
from tests.plugins.helpers import translate

from .test_gallery import club_with_gallery  # noqa: F401 - the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.browser]

STATE = """() => {
  const dialog = document.querySelector('dialog.lightbox');
  return {
    open: dialog.open,
    counter: dialog.querySelector('.lightbox-counter').textContent,
    alt: dialog.querySelector('img').alt,
    caption: dialog.querySelector('figcaption').textContent,
    focused: document.activeElement.className,
    label: dialog.getAttribute('aria-label'),
  };
}"""


@pytest.fixture(scope="module")
def browser():
    reason = Chromium.find()
    if reason:
        missing(reason)
    chromium = Chromium.launch()
    yield chromium.browser
    chromium.close()


def test_lightbox_is_keyboard_operable_and_mirrored_in_arabic(
    club_with_gallery,  # noqa: F811
    build_club_site,
    browser,
    settings,
):
    club, page = club_with_gallery
    translate(page, "ar", title="مهرجان الصيف")
    build_club_site(club)

    with SiteServer(settings.SITE_BUILD_DIR) as server, new_page(browser) as tab:
        tab.goto(server.url(club.slug, "de/galerie/index.html"))
        first = tab.locator("a.gallery-link").first
        first.focus()
        tab.keyboard.press("Enter")
        state = tab.evaluate(STATE)
        assert state["open"] and state["label"] == "Bildansicht"
        assert state["counter"] == "Bild 1 von 4"
        assert state["caption"] == "Tanz im Park"
        assert state["alt"]
        assert state["focused"] == "lightbox-close"
        tab.keyboard.press("ArrowRight")
        assert tab.evaluate(STATE)["counter"] == "Bild 2 von 4"
        tab.keyboard.press("ArrowLeft")
        tab.keyboard.press("ArrowLeft")
        assert tab.evaluate(STATE)["counter"] == "Bild 4 von 4"  # wraps around
        tab.keyboard.press("Escape")
        state = tab.evaluate(STATE)
        assert not state["open"]
        assert state["focused"] == "gallery-link"
        assert tab.evaluate("document.activeElement === document.querySelector('a.gallery-link')")

        tab.goto(server.url(club.slug, "ar/galerie/index.html"))
        tab.locator("a.gallery-link").first.click()
        tab.keyboard.press("ArrowLeft")  # towards the end of a right-to-left line: next
        assert tab.evaluate(STATE)["counter"] == "الصورة 2 من 4"
        tab.locator(".lightbox-close").click()
        assert not tab.evaluate(STATE)["open"]

    with (
        SiteServer(settings.SITE_BUILD_DIR) as server,
        new_page(browser, java_script_enabled=False) as tab,
    ):
        tab.goto(server.url(club.slug, "de/galerie/index.html"))
        tab.locator("a.gallery-link").first.click()
        assert tab.url.endswith(".png")  # the large picture itself
