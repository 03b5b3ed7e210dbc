"""The quality bars of the district portal (issue 5) on every page it builds: valid HTML, no
axe-core violations at WCAG 2.1 AA in German and Arabic, right to left in Arabic and Farsi, no
request to another host, and the bytes of script per page (reported in docs/sites.md).

Plugins of the portal add tests for their own page types in files of their own, with the
fixtures ``built_portal`` / ``portal_server`` and the helpers of ``tests/browser/portal.py``.
"""

import pytest

from cms.locales import LOCALES

from .portal import (
    CHECKED_LOCALES,
    RTL_LOCALES,
    check_axe,
    check_no_foreign_requests,
    check_rtl_layout,
    check_valid_html,
    page_type,
    representatives,
)
from .tools import new_page

pytestmark = pytest.mark.django_db


def test_every_plugin_renders_in_every_locale(built_portal):
    assert not built_portal.errors, f"plugins failed to render: {built_portal.errors}"
    types = {page_type(file) for file in built_portal.html_files("de")}
    for code in [locale.code for locale in LOCALES]:
        found = {page_type(f) for f in built_portal.html_files(code)}
        assert found - {"404"} == types - {"404"}, f"{code}: {built_portal.html_files(code)}"


def test_every_portal_page_is_valid_html(vnu, built_portal):
    check_valid_html(vnu, built_portal, built_portal.html_files())


@pytest.mark.parametrize("locale", CHECKED_LOCALES)
def test_no_axe_violations_on_any_page_type(chromium_browser, built_portal, portal_server, locale):
    check_axe(chromium_browser, portal_server, representatives(built_portal, locale))


@pytest.mark.parametrize("locale", RTL_LOCALES)
def test_rtl_locales_are_right_to_left_and_fit_a_phone(
    chromium_browser, built_portal, portal_server, locale
):
    files = representatives(built_portal, locale)
    assert files, f"the portal has no {locale} pages"
    check_rtl_layout(chromium_browser, portal_server, files)


def test_no_request_leaves_the_portal_and_scripts_stay_small(
    chromium_browser, built_portal, portal_server
):
    files = [f for locale in CHECKED_LOCALES for f in representatives(built_portal, locale)]
    scripts = check_no_foreign_requests(chromium_browser, portal_server, files)
    print("\nScript bytes per portal page (external files and inline scripts):")
    for file, size in sorted(scripts.items()):
        print(f"  {size:>7} B  {file}")
    # Small, dependency-free enhancement scripts only (docs/sites.md reports the figures).
    assert max(scripts.values()) <= 16_000, scripts


@pytest.mark.parametrize("locale", ["ti", "de"])
def test_tigrinya_is_drawn_on_a_device_without_an_ethiopic_font(
    chromium_browser, built_portal, portal_server, locale
):
    """Debian's Chromium here has no font for Ethiopic, as some devices have none: the
    Tigrinya pages and every language switcher ("ትግርኛ") drew empty boxes. The engine's
    fonts.css brings Noto Sans Ethiopic for exactly those letters."""
    file = f"{locale}/index.html"
    with new_page(chromium_browser, viewport={"width": 390, "height": 844}) as page:
        page.goto(portal_server.url(file))
        page.evaluate("() => document.fonts.ready")
        drawn = page.evaluate(
            """() => [...document.fonts].filter(
                (face) => face.family.replace(/"/g, "") === "Noto Sans Ethiopic"
                    && face.status === "loaded").length"""
        )
        assert page.locator(".language-switcher a[hreflang='ti']").inner_text().strip() == "ትግርኛ"
        # The fonts the letters were drawn with (the link is bold on the Tigrinya page, where
        # DejaVu Sans Bold, asked first, drew boxes): Noto Sans Ethiopic alone.
        cdp = page.context.new_cdp_session(page)
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        cdp.send("CSS.enable")
        fonts = {}
        link = ".language-switcher a[hreflang='ti']"
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": link})["nodeId"]
        used = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        fonts[link] = {font["familyName"] for font in used}
        weight = page.locator(link).evaluate("(a) => getComputedStyle(a).fontWeight")
    assert drawn >= 1, f"{file}: the Ethiopic font was not loaded"
    assert fonts[".language-switcher a[hreflang='ti']"] == {"Noto Sans Ethiopic"}, fonts
    assert int(weight) >= 600 if locale == "ti" else int(weight) < 600
