"""The portal's club directory: every public club with facet counts, pre-built pages per
municipality and focus area, a profile per club linking to its homepage, and nothing of a
draft or restricted club anywhere."""

import re

import pytest
from markupsafe import escape

from plugins.directory import BASE, FACETS, catalog
from tests.factories import ClubFactory
from tests.locales import LOCALES
from tests.plugins.helpers import main_of, output_files

from .world import directory_world

GERMAN = LOCALES[:1]
# One profile read (the club, its taxonomy, meeting times, umbrellas, images …) and the
# club's pages of the directory; events and news are one list read for all clubs.
PROFILE_QUERIES = 20


@pytest.fixture
def world(db):
    return directory_world()


def chips(html: str) -> dict[str, dict[str, int]]:
    """Facet → value → count, as the chips of a directory page show them."""
    found = {}
    for group in re.findall(r'<div class="facet".*?</div>', html, re.S):
        name = re.search(r'data-facet="(\w+)"', group).group(1)
        found[name] = {
            value: int(count)
            for value, count in re.findall(
                r'data-value="([^"]+)".*?<span class="chip__count">(\d+)</span>', group, re.S
            )
        }
    return found


def cards(html: str) -> list[str]:
    return re.findall(r'<li class="card directory-card".*?<bdi>([^<]+)</bdi>', html, re.S)


def test_directory_lists_every_public_club_with_facet_counts(world, build_portal_site):
    root = build_portal_site(locales=GERMAN)
    html = (root / "de" / BASE / "index.html").read_text()
    assert cards(html) == [
        "Alevitischer Kulturverein Düren",
        "Kulturkreis الجالية العربية",
        "Syrischer Elternverein Jülich",
        "Ukrainischer Sportverein",
    ]
    assert chips(html) == {
        "municipality": {"juelich": 2, "dueren": 1, "kreuzau": 1},
        "country": {"SY": 2, "IQ": 1, "TR": 1, "UA": 1},
        "language": {"ar": 2, "de": 2, "ru": 1, "tr": 1, "uk": 1},
        "focus": {"kultur": 2, "bildung": 1, "eltern": 1, "religion": 1, "sport": 1},
    }
    assert "Angezeigt: 4 von 4 Vereinen" in html
    # No JavaScript: municipality and focus chips link to their pages, the search waits for
    # the script, which is a file (no inline script under a strict CSP).
    assert 'href="gemeinde/juelich/index.html" data-value="juelich"' in html
    assert 'href="schwerpunkt/kultur/index.html" data-value="kultur"' in html
    assert '<span class="chip chip--static" data-value="SY">' in html
    assert re.search(r"<form [^>]*hidden data-directory-search", html)
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="../../static/directory/directory.js" defer>',
        # The engine's offline reading (sites/engine/offline.py), also a file.
        '<script src="../../sw-register.js" data-worker="../../sw.js" defer>',
    ]
    # Names in another script are isolated; the menu links the directory.
    assert "<bdi>Kulturkreis الجالية العربية</bdi>" in html
    home = (root / "de" / "index.html").read_text()
    assert '<a href="verzeichnis/index.html">Vereine</a>' in home


def test_cards_carry_what_the_script_filters_by(world, build_portal_site):
    root = build_portal_site(locales=GERMAN)
    html = (root / "de" / BASE / "index.html").read_text()
    card = re.search(r'<li class="card directory-card"[^>]*>', html).group(0)
    assert 'data-municipality="dueren"' in card
    assert 'data-country="TR"' in card
    assert 'data-language="tr de"' in card or 'data-language="de tr"' in card
    assert 'data-focus="kultur religion"' in card or 'data-focus="religion kultur"' in card
    assert "Türkei" in card  # searchable country name, not shown on the card
    params = dict(re.findall(r'data-facet="(\w+)" data-param="(\w+)"', html))
    assert params == {name: param for name, (param, _folder) in FACETS.items()}


def test_prebuilt_pages_per_municipality_and_focus(world, build_portal_site):
    root = build_portal_site(locales=GERMAN)
    juelich = (root / "de" / BASE / "gemeinde" / "juelich" / "index.html").read_text()
    assert cards(juelich) == ["Syrischer Elternverein Jülich", "Ukrainischer Sportverein"]
    assert "<h1>Vereine in Jülich</h1>" in juelich
    assert "Angezeigt: 2 von 4 Vereinen" in juelich
    assert chips(juelich)["municipality"] == {"juelich": 2, "dueren": 1, "kreuzau": 1}
    assert re.search(r'href="index.html" data-value="juelich" aria-current="page"', juelich)
    assert '<a href="../../index.html?gemeinde=juelich">' in juelich
    assert "<script" not in main_of(juelich) and "directory.js" not in juelich
    kultur = (root / "de" / BASE / "schwerpunkt" / "kultur" / "index.html").read_text()
    assert cards(kultur) == ["Alevitischer Kulturverein Düren", "Kulturkreis الجالية العربية"]
    built = {p.parent.name for p in (root / "de" / BASE / "gemeinde").glob("*/index.html")}
    assert built == {"dueren", "juelich", "kreuzau"}
    built = {p.parent.name for p in (root / "de" / BASE / "schwerpunkt").glob("*/index.html")}
    assert built == {"kultur", "religion", "eltern", "bildung", "sport"}


def test_profile_page(world, build_portal_site):
    root = build_portal_site(locales=GERMAN)
    html = main_of((root / "de" / BASE / world.alevi.slug / "index.html").read_text())
    assert "<h1><bdi>Alevitischer Kulturverein Düren</bdi></h1>" in html
    assert "Saz-Kurse und Feste" in html
    assert "Wir machen Musik. Alle sind willkommen." in html
    assert "Türkei" in html and "Türkisch" in html and "Religion" in html
    assert "Dienstag" in html and "19:30" in html
    assert "Ayşe Yılmaz" in html and "mailto:kontakt@alevi.example" in html
    # The upcoming events, a weekly one with its next date only.
    assert html.count("Saz-Abend") == 1 and "Cemevi-Besuch" in html
    assert html.index("Saz-Abend") < html.index("Cemevi-Besuch")
    assert "Geheimes Treffen" not in html  # its draft sibling
    assert "Sommerfest mit Saz" in html  # the latest news
    assert f'href="http://testserver/vereine/{world.alevi.slug}/" data-homepage' in html
    assert 'href="../gemeinde/dueren/index.html"' in html
    # No consent, no contact; an own domain is linked absolutely.
    syrian = (root / "de" / BASE / world.syrian.slug / "index.html").read_text()
    assert "versteckt@example.org" not in syrian and "Versteckte Person" not in syrian
    arabic = (root / "de" / BASE / world.arabic.slug / "index.html").read_text()
    assert 'href="https://jaliya.example/" data-homepage' in arabic


def test_unpublished_and_restricted_clubs_appear_nowhere(world, build_portal_site):
    root = build_portal_site(locales=LOCALES[:4])
    files = output_files(root)
    for secret in ("Entwurfsverein", "Verborgener Verein", "Nur für Mitglieder", "Entwurf<"):
        assert not [path for path, text in files.items() if secret in text], secret
    for slug in (world.draft.slug, world.restricted.slug):
        assert not [path for path in files if slug in path]
    profiles = {p.parent.name for p in (root / "de" / BASE).glob("*/index.html")}
    assert profiles == {club.slug for club in world.public}


def test_every_locale_is_translated_and_arabic_is_rtl(world, build_portal_site):
    root = build_portal_site()
    for locale in LOCALES:
        title = catalog.gettext(locale.code, "Vereinsverzeichnis")
        menu = catalog.gettext(locale.code, "Vereine")
        if locale.code != "de":  # translated, not German falling through
            assert (title, menu) != ("Vereinsverzeichnis", "Vereine"), locale.code
        html = (root / locale.code / BASE / "index.html").read_text()
        assert f'dir="{locale.direction}"' in html
        assert str(escape(title)) in html
        assert str(escape(menu)) in html
    arabic = (root / "ar" / BASE / "index.html").read_text()
    assert "المعروض: 4 من 4 جمعية" in arabic


def test_build_reads_lists_once_per_locale_not_per_club(world, build_portal_site, monkeypatch):
    from sites.client import ApiClient

    calls = []
    original = ApiClient.get

    def spy(self, path, params=None, headers=None):
        calls.append(path)
        return original(self, path, params, headers)

    monkeypatch.setattr(ApiClient, "get", spy)
    build_portal_site(locales=GERMAN, registry=directory_only())
    assert calls.count("/api/v1/events/") == 1
    # The directory's recent news, and the home's latest news (kept, so that the next build
    # after a news item fills the home's section from it instead of reading the home again).
    assert calls.count("/api/v1/news/") == 2
    assert not [path for path in calls if path.startswith("/api/v1/events/?club")]
    profiles = [path for path in calls if re.fullmatch(r"/api/v1/clubs/[-\w]+/", path)]
    assert sorted(profiles) == sorted(f"/api/v1/clubs/{c.slug}/" for c in world.public)


def test_build_query_count(world, build_portal_site, django_assert_max_num_queries):
    """Queries grow with the clubs only by the profile reads (a fixed number each)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as four:
        build_portal_site(locales=GERMAN)
    for number in range(3):
        ClubFactory(f"Weiterer Verein {number}", municipality_name="Merzenich")
    with CaptureQueriesContext(connection) as seven:
        build_portal_site(locales=GERMAN)
    per_club = (len(seven) - len(four)) / 3
    print(f"portal build (de): {len(four)} queries for 4 clubs, {per_club:.1f} per further club")
    assert per_club <= PROFILE_QUERIES
    with django_assert_max_num_queries(len(four) + 3 * PROFILE_QUERIES):
        build_portal_site(locales=GERMAN)


def test_a_failing_event_read_leaves_the_profiles_standing(world, settings, monkeypatch):
    from sites.client import ApiClient, ApiError
    from sites.portal import build_portal

    original = ApiClient.get

    def broken(self, path, params=None, headers=None):
        if path == "/api/v1/events/":
            raise ApiError(path, 503, "down")
        return original(self, path, params, headers)

    monkeypatch.setattr(ApiClient, "get", broken)
    with ApiClient() as client:
        report = build_portal(
            client, settings.SITE_BUILD_DIR, locales=GERMAN, registry=directory_only()
        )
    assert set(report.errors) == {"directory (events, de)"}
    root = settings.SITE_BUILD_DIR / "portal" / "current"
    html = (root / "de" / BASE / world.alevi.slug / "index.html").read_text()
    assert "Sommerfest mit Saz" in html
    assert "Zurzeit sind keine Termine angekündigt." in html


def test_profiles_are_read_once_per_content_language(world, build_portal_site, monkeypatch):
    from sites.client import ApiClient
    from tests.plugins.helpers import translate

    translate(world.ukrainian, "en", short_description="Football for children")
    reads = []
    original = ApiClient.json

    def spy(self, path, params=None):
        if re.fullmatch(r"/api/v1/clubs/[-\w]+/", path):
            reads.append((path.split("/")[-2], (params or {}).get("locale")))
        return original(self, path, params)

    monkeypatch.setattr(ApiClient, "json", spy)
    root = build_portal_site(locales=LOCALES[:2])
    assert sorted(reads) == sorted(
        [(club.slug, "de") for club in world.public] + [(world.ukrainian.slug, "en")]
    )
    english = (root / "en" / BASE / world.ukrainian.slug / "index.html").read_text()
    assert "Football for children" in english
    german = (root / "en" / BASE / world.alevi.slug / "index.html").read_text()
    assert '<p class="lead" lang="de" dir="ltr">Saz-Kurse und Feste</p>' in german


def test_every_link_into_the_directory_resolves(world, build_portal_site):
    """The home page and the directory's own pages link only to directory pages that exist."""
    from posixpath import dirname, join, normpath

    root = build_portal_site(locales=GERMAN)
    checked = 0
    for page in (root / "de").rglob("*.html"):
        file = page.relative_to(root).as_posix()
        for href in re.findall(r'href="([^"#?]+)', page.read_text()):
            if ":" in href or href.startswith("/"):
                continue
            target = normpath(join(dirname(file), href))
            if target.startswith(f"de/{BASE}/"):
                checked += 1
                assert (root / target).is_file(), f"{file} links to missing {target}"
    assert checked > 50


def directory_only():
    """The installed plugins without the other portal plugins that read the same lists
    (the calendar reads events too), so the reads counted here are the directory's."""
    from sites.engine.plugins import Registry, discover

    registry = discover()
    keep = {"directory", "portal_home"}
    return Registry(
        plugins={
            name: plugin
            for name, plugin in registry.plugins.items()
            if plugin.theme or name in keep or "portal" not in plugin.kinds
        }
    )
