"""The portal's own plugins: home sections, Mitmachen with its form, Einfache Sprache with the
clubs' plain summaries, the legal pages in the footer with the feedback form; and their
interface strings in every portal locale."""

import json

import pytest

from cms.portal.models import PortalHomePage
from sites import catalogs
from sites.cli import main
from sites.engine.plugins import discover
from sites.portal import home
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page
from tests.locales import LOCALES

pytestmark = pytest.mark.django_db
DE_AR = [LOCALES[0], LOCALES[3]]
CODES = [locale.code for locale in LOCALES]


@pytest.mark.parametrize("name", ["portal_home", "mitmachen", "einfache_sprache", "portal_legal"])
def test_interface_strings_exist_in_every_portal_locale(name):
    plugin = home if name == "portal_home" else discover().get(name)
    assert plugin is not None, f"{name} is not installed"
    assert set(catalogs.locales_of(plugin.package)) >= set(CODES) - {"de"}
    assert catalogs.problems(plugin.package) == []


def test_home_shows_the_agencys_sections_and_links_to_the_portal_pages(build_portal_site):
    club = ClubFactory("Anadolu Kulturverein e. V.", short_description="Saz und Tanz.")
    news_page(news_index(club), "Sommerfest im Park")
    event_page(event_index(club), "Sprachcafé")
    home_page = PortalHomePage.objects.get(locale__language_code="de")
    body = json.loads(json.dumps(list(home_page.body.raw_data)))
    body.append({"type": "text", "value": "<p>Willkommen im Kreis!</p>"})
    home_page.body = json.dumps(body)
    home_page.save_revision().publish()
    root = build_portal_site(locales=DE_AR)
    html = (root / "de" / "index.html").read_text()
    assert f'href="verzeichnis/{club.slug}/index.html"' in html
    assert "Saz und Tanz." in html
    assert "Sommerfest im Park" in html
    assert "Sprachcafé" in html
    assert "Willkommen im Kreis!" in html
    assert 'href="mitmachen/index.html"' in html  # the call to action
    assert 'href="veranstaltungen/index.html"' in html
    assert 'href="neuigkeiten/index.html"' in html
    arabic = (root / "ar" / "index.html").read_text()
    assert "كل الفعاليات في التقويم" in arabic


def test_the_cafe_evenings_to_come_are_on_the_home_page(build_portal_site):
    from tests.browser.portal import add_cafe_series

    add_cafe_series()
    root = build_portal_site(locales=DE_AR)
    html = (root / "de" / "index.html").read_text()
    assert "Abende im Café" in html
    assert "Förderanträge" in html and "Vereinsrecht" in html
    assert "Rückblick" not in html  # past evenings are left out
    assert "stufenlos erreichbar" in html
    assert '<span lang="ar" dir="rtl">' in html


def test_mitmachen_offers_a_form_that_works_without_javascript(build_portal_site):
    root = build_portal_site(locales=DE_AR)
    html = (root / "ar" / "mitmachen" / "index.html").read_text()
    assert '<form class="portal-form" id="register-form" method="post" ' in html
    assert 'action="/api/v1/registrations/"' in html
    assert '<input type="hidden" name="locale" value="ar">' in html
    assert '<input type="hidden" name="return_to" value="/ar/mitmachen/danke/">' in html
    assert '<option value="juelich">Jülich</option>' in html
    assert 'name="privacy_consent" value="true" required' in html
    assert 'class="form-honeypot"' in html and 'name="website" tabindex="-1"' in html
    assert "static/portal_home/forms.js" in html
    assert "سوريا" in html  # Syria, in Arabic
    assert (root / "ar" / "mitmachen" / "danke" / "index.html").is_file()


def test_einfache_sprache_shows_the_plain_summaries(build_portal_site):
    plain = ClubFactory("Verein Brücke e. V.", plain_summary="Wir helfen bei Briefen.")
    ClubFactory("Verein ohne Zusammenfassung e. V.")
    root = build_portal_site(locales=DE_AR)
    for code in ("de", "ar"):
        html = (root / code / "einfache-sprache" / "index.html").read_text()
        assert "Wir helfen bei Briefen." in html
        assert f'href="../verzeichnis/{plain.slug}/index.html"' in html
        assert "Verein ohne Zusammenfassung" not in html
    assert 'lang="de" dir="ltr"' in (root / "ar" / "einfache-sprache" / "index.html").read_text()


def test_legal_pages_are_in_the_footer_and_the_statement_carries_the_feedback_form(
    build_portal_site,
):
    root = build_portal_site(locales=DE_AR)
    html = (root / "de" / "index.html").read_text()
    footer = html[html.index('<footer class="site-footer">') :]
    for path in ("impressum", "datenschutz", "barrierefreiheit"):
        assert f'href="{path}/index.html"' in footer
        assert (root / "de" / path / "index.html").is_file()
    statement = (root / "de" / "barrierefreiheit" / "index.html").read_text()
    assert 'action="/api/v1/feedback/"' in statement
    assert (
        'action="/api/v1/feedback/"' not in (root / "de" / "impressum" / "index.html").read_text()
    )


def test_python_m_sites_builds_the_portal(tmp_path, capsys):
    assert main(["build", "--portal", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "portal" / "current" / "fa" / "index.html").is_file()
    assert "portal:" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["mitmachen", "einfache_sprache"])
def test_a_german_fallback_page_is_listed_under_the_plugins_name_in_the_visitors_language(name):
    from importlib import import_module
    from types import SimpleNamespace

    module = import_module(f"plugins.{name}")
    arabic = SimpleNamespace(locale=SimpleNamespace(code="ar"))
    german_page = {"title": "Mitmachen", "locale": "de"}
    arabic_page = {"title": "انضموا إلينا", "locale": "ar"}
    label = module.menu_label(arabic, german_page)
    assert label != german_page["title"] and not label.isascii()
    assert module.menu_label(arabic, arabic_page) == "انضموا إلينا"
