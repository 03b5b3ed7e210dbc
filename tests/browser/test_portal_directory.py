"""The portal's club directory in Chromium: filtering by chips and search updates the
results, the counts and the URL; a shared URL restores the filters; without JavaScript the
chips are links to pre-built pages; keyboard only works; a profile links to the club's
homepage; axe-core (WCAG 2.1 AA, German and Arabic) and the Nu HTML Checker find nothing.

A minimal local harness: the portal and one club homepage are built once for this module
(data rolled back afterwards) and served as the CMS serves them, the portal at ``/`` and the
homepage at ``/vereine/<slug>/``."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from .tools import axe_violations, describe_violations, new_page

pytestmark = pytest.mark.django_db

DIRECTORY = "verzeichnis/index.html"
SCRIPT = Path(__file__).resolve().parents[2] / "plugins/directory/static/directory.js"

FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {tag: element.tagName.toLowerCase(), text: element.textContent.trim(),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0};
}"""


class _Handler(SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        parts = urlsplit(path).path.split("/", 3)  # "", "vereine", slug, rest
        if len(parts) >= 3 and parts[1] == "vereine" and parts[2]:
            path = f"/vereine/{parts[2]}/current/{parts[3] if len(parts) > 3 else ''}"
        else:
            path = f"/portal/current{urlsplit(path).path}"
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
        pass


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker, tmp_path_factory):
    """The portal (de, en, ar) and the homepage of one club, built and served."""
    from django.core.cache import cache
    from django.db import transaction
    from django.test import override_settings

    from cms.locales import LOCALES
    from sites.client import ApiClient
    from sites.club import build_club
    from sites.engine.site import locale_from_api
    from sites.portal import build_portal
    from tests.plugins.directory.world import directory_world

    root = tmp_path_factory.mktemp("portal-build")
    media = tmp_path_factory.mktemp("portal-media")
    handler = functools.partial(_Handler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    host, port = httpd.server_address[:2]
    origin = f"http://{host}:{port}"
    locales = [locale_from_api(x.as_dict()) for x in LOCALES if x.code in ("de", "en", "ar")]
    with (
        django_db_blocker.unblock(),
        # Club homepages are linked on the main host, which this server plays.
        override_settings(MEDIA_ROOT=media, SITE_BUILD_DIR=root, WAGTAILADMIN_BASE_URL=origin),
        transaction.atomic(),
    ):
        world = directory_world()
        with ApiClient() as client:
            report = build_portal(client, root, locales=locales)
            club_report = build_club(client, world.alevi.slug, root)
        slugs = {name: getattr(world, name).slug for name in ("alevi", "syrian", "ukrainian")}
        transaction.set_rollback(True)
    cache.clear()
    assert not report.errors, report.errors
    assert not club_report.errors, club_report.errors
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield SimpleNamespace(origin=origin, root=root / "portal" / "current", slugs=slugs)
    httpd.shutdown()
    httpd.server_close()


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-club]:not([hidden]) h3", "items => items.map(item => item.textContent.trim())"
    )


def chip(page, facet: str, label: str):
    return page.locator(f'[data-facet="{facet}"] button', has_text=label)


def count_of(page, facet: str, label: str) -> int:
    return int(chip(page, facet, label).locator(".chip__count").text_content())


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_script_is_small():
    size = SCRIPT.stat().st_size
    print(f"directory.js: {size} bytes")
    assert size < 8_000


def open_filters(page) -> None:
    page.locator(".directory-filters > summary").click()


def test_filter_with_chips_and_search_and_share_the_url(chromium_browser, portal):
    with new_page(chromium_browser) as page:
        page.goto(f"{portal.origin}/de/{DIRECTORY}")
        open_filters(page)
        status = page.locator("[data-directory-status]")
        assert status.text_content() == "Angezeigt: 4 von 4 Vereinen"
        assert chip(page, "municipality", "Jülich").get_attribute("aria-pressed") == "false"
        assert count_of(page, "language", "Arabisch") == 2

        chip(page, "municipality", "Jülich").click()
        assert status.text_content() == "Angezeigt: 2 von 4 Vereinen"
        assert visible_cards(page) == ["Syrischer Elternverein Jülich", "Ukrainischer Sportverein"]
        assert chip(page, "municipality", "Jülich").get_attribute("aria-pressed") == "true"
        assert query(page) == {"gemeinde": ["juelich"]}
        # Within Jülich one club speaks Arabic; the other municipalities keep their own count.
        assert count_of(page, "language", "Arabisch") == 1
        assert count_of(page, "municipality", "Düren") == 1

        chip(page, "language", "Arabisch").click()
        assert visible_cards(page) == ["Syrischer Elternverein Jülich"]
        page.fill("#directory-q", "hausaufgaben")
        page.wait_for_function("() => new URLSearchParams(location.search).get('q')")
        assert query(page) == {"gemeinde": ["juelich"], "sprache": ["ar"], "q": ["hausaufgaben"]}
        assert status.text_content() == "Angezeigt: 1 von 4 Vereinen"
        assert status.get_attribute("role") == "status"
        shared = page.url

        page.fill("#directory-q", "Saz")
        page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'Saz'")
        assert visible_cards(page) == []
        assert page.locator("[data-directory-empty]").is_visible()

        page.goto(shared)
        open_filters(page)
        assert visible_cards(page) == ["Syrischer Elternverein Jülich"]
        assert chip(page, "municipality", "Jülich").get_attribute("aria-pressed") == "true"
        assert chip(page, "language", "Arabisch").get_attribute("aria-pressed") == "true"
        assert page.input_value("#directory-q") == "hausaufgaben"
        assert status.text_content() == "Angezeigt: 1 von 4 Vereinen"
        # The language switcher keeps the filters.
        arabic = page.locator('.language-switcher a[hreflang="ar"]').get_attribute("href")
        assert arabic.endswith("?gemeinde=juelich&sprache=ar&q=hausaufgaben")

        page.locator("[data-directory-reset]").click()
        assert status.text_content() == "Angezeigt: 4 von 4 Vereinen"
        assert query(page) == {}


def test_without_javascript_the_chips_lead_to_prebuilt_pages(chromium_browser, portal):
    with new_page(chromium_browser, java_script_enabled=False) as page:
        page.goto(f"{portal.origin}/de/{DIRECTORY}")
        assert len(visible_cards(page)) == 4
        assert not page.locator("#directory-q").is_visible()
        open_filters(page)  # a <details>: it opens without a script
        page.locator('[data-facet="municipality"] a', has_text="Jülich").click()
        assert page.url.endswith("/de/verzeichnis/gemeinde/juelich/index.html")
        assert page.locator("h1").text_content() == "Vereine in Jülich"
        assert visible_cards(page) == ["Syrischer Elternverein Jülich", "Ukrainischer Sportverein"]
        open_filters(page)
        page.locator('[data-facet="focus"] a', has_text="Kultur").click()
        assert page.url.endswith("/de/verzeichnis/schwerpunkt/kultur/index.html")
        assert len(visible_cards(page)) == 2


def test_keyboard_only(chromium_browser, portal):
    with new_page(chromium_browser) as page:
        page.goto(f"{portal.origin}/de/{DIRECTORY}")
        page.focus("#directory-q")
        page.keyboard.type("sport")
        page.keyboard.press("Tab")  # to the filters' disclosure, which Enter opens
        assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUS_STYLE)
        assert first["tag"] == "button" and first["text"].startswith("Jülich"), first
        assert first["outline"], "the focused chip shows no focus outline"
        page.keyboard.press("Space")
        page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'sport'")
        assert query(page) == {"gemeinde": ["juelich"], "q": ["sport"]}
        assert visible_cards(page) == ["Ukrainischer Sportverein"]
        page.keyboard.press("Enter")  # toggles off again
        # The page updates its address after the key press: wait for it (on a loaded machine
        # the assertion read the address before the update).
        page.wait_for_function("() => !new URLSearchParams(location.search).has('gemeinde')")
        assert query(page) == {"q": ["sport"]}
        # The reset button follows the chips; Enter clears everything and returns to the search.
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.hasAttribute('data-directory-reset')"):
                break
        else:
            pytest.fail("the reset button is not reachable with Tab")
        page.keyboard.press("Enter")
        assert query(page) == {}
        assert page.evaluate("() => document.activeElement.id") == "directory-q"


def test_profile_links_to_the_club_homepage(chromium_browser, portal):
    slug = portal.slugs["alevi"]
    with new_page(chromium_browser) as page:
        page.goto(f"{portal.origin}/de/{DIRECTORY}")
        page.get_by_role("link", name="Alevitischer Kulturverein Düren").click()
        assert page.url.endswith(f"/de/verzeichnis/{slug}/index.html")
        assert page.locator("h1").text_content() == "Alevitischer Kulturverein Düren"
        page.get_by_role("link", name="Zur Homepage des Vereins").click()
        page.wait_for_url(f"{portal.origin}/vereine/{slug}/de/index.html")
        assert "Alevitischer Kulturverein Düren" in page.title()


SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
FIRST_CARD = """() => {
  const card = document.querySelector('[data-club]:not([hidden]) h3');
  return {bottom: card.getBoundingClientRect().bottom, height: innerHeight,
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("locale", ["de", "ar"])
@pytest.mark.parametrize("screen", SCREENS)
def test_results_come_first_on_a_phone_and_a_desktop(chromium_browser, portal, locale, screen):
    """The filters sat before the results: on a phone the first club came after four
    screens of chips. Now they wait behind a disclosure and the first club is on the first
    screen, with no sideways scrolling, filters opened or not, and axe finds nothing."""
    problems = {}
    for javascript in (True, False):
        with new_page(
            chromium_browser, viewport=SCREENS[screen], java_script_enabled=javascript
        ) as page:
            page.goto(f"{portal.origin}/{locale}/{DIRECTORY}")
            layout = page.evaluate(FIRST_CARD)
            assert layout["bottom"] <= layout["height"], (javascript, layout)
            assert layout["sideways"] <= 0, layout
            open_filters(page)
            assert page.locator("[data-facet] .chip").first.is_visible()
            assert page.evaluate(FIRST_CARD)["sideways"] <= 0
            if javascript:
                violations = axe_violations(page)
                if violations:
                    problems["filters open"] = describe_violations(violations)
    assert not problems, problems


def test_chips_without_results_are_greyed_out_and_cannot_be_chosen(chromium_browser, portal):
    with new_page(chromium_browser) as page:
        page.goto(f"{portal.origin}/de/{DIRECTORY}?gemeinde=juelich")
        open_filters(page)
        turkish = chip(page, "language", "Türkisch")
        assert count_of(page, "language", "Türkisch") == 0  # no club in Jülich speaks it
        assert turkish.is_disabled()
        colour = turkish.evaluate("el => getComputedStyle(el).borderStyle")
        assert colour == "dashed"
        turkish.click(force=True)
        assert query(page) == {"gemeinde": ["juelich"]}  # nothing chosen
        assert chip(page, "language", "Arabisch").is_enabled()
        chip(page, "municipality", "Jülich").click()  # off again: Turkish has clubs
        assert turkish.is_enabled()
        assert page.locator("[data-directory-active]").is_hidden()
        chip(page, "language", "Türkisch").click()
        assert page.locator("[data-directory-active]").text_content() == "(1 gewählt)"


def pages_to_check(portal) -> list[str]:
    slug = portal.slugs["alevi"]
    return [
        DIRECTORY,
        f"{DIRECTORY}?gemeinde=juelich&sprache=ar",
        "verzeichnis/gemeinde/juelich/index.html",
        "verzeichnis/schwerpunkt/kultur/index.html",
        f"verzeichnis/{slug}/index.html",
    ]


@pytest.mark.parametrize("locale", ["de", "ar"])
def test_no_axe_violations(chromium_browser, portal, locale):
    problems = {}
    with new_page(chromium_browser) as page:
        for file in pages_to_check(portal):
            page.goto(f"{portal.origin}/{locale}/{file}")
            assert page.evaluate("() => document.documentElement.dir") == (
                "rtl" if locale == "ar" else "ltr"
            )
            violations = axe_violations(page)
            if violations:
                problems[file] = describe_violations(violations)
    assert not problems, "\n".join(f"{file}:\n{text}" for file, text in problems.items())


def test_valid_html(vnu, portal):
    files = {
        portal.root / locale / file.split("?")[0]
        for locale in ("de", "ar")
        for file in pages_to_check(portal)
    }
    errors = vnu.errors(sorted(files), root=portal.root)
    assert not errors, "\n".join(str(error) for error in errors)
