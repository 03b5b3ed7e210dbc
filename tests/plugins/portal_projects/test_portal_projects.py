"""The portal's project overview: current before completed, club and partner profiles linked,
partner organisations shown when the API carries them, nothing private."""

import pytest

from plugins.portal_projects import plugin
from sites.engine.plugins import installed
from sites.engine.site import Site, render_site
from tests.locales import LOCALES
from tests.plugins.portal_world import assert_no_secret, build_portal_world

pytestmark = pytest.mark.django_db


def test_projects_page(build_portal_site):
    world = build_portal_world()
    portal = build_portal_site(locales=[LOCALES[0], LOCALES[3]])
    page = (portal / "de/projekte/index.html").read_text()
    current, finished = page.split('id="projects-finished"')
    home = f"http://testserver/vereine/{world.dueren.slug}/de/{world.cafe.slug}/"
    assert f'<a href="{home}">Sprachcafé</a>' in current
    assert "Hausaufgabenhilfe 2024" in finished and "Hausaufgabenhilfe" not in current
    assert f'href="../verzeichnis/{world.dueren.slug}/index.html"' in current
    assert f'<dt>Partnervereine</dt><dd><a href="../verzeichnis/{world.juelich.slug}/' in current
    assert "KOMM-AN NRW" in current and "<dd>läuft</dd>" in current
    arabic = (portal / "ar/projekte/index.html").read_text()
    assert "المشاريع" in arabic and "<dd>جارٍ</dd>" in arabic
    assert_no_secret(portal)


def test_partner_organisations_appear_when_the_api_has_them():
    """Ready for the partners issue: a ``partners`` list in the project data is shown."""
    project = {
        "title": "Nachbarschaft",
        "status": "running",
        "start_date": None,
        "end_date": None,
        "locale": "de",
        "direction": "ltr",
        "summary": "",
        "funding_source": "",
        "homepage_url": None,
        "club": None,
        "partner_clubs": [],
        "partners": [{"name": "Caritas Düren", "url": "https://caritas.example/"}],
    }
    site = Site(
        kind="portal",
        name="portal",
        title="Portal",
        locales=[LOCALES[0]],
        data={"de": {"listing": {}}},
        theme=installed().get("theme_default"),
        plugins=[plugin],
        fetch=lambda path, params: {"next": None, "results": [project]},
    )
    files = {
        f.path: f.content.decode() for f in render_site(site)[0] if not f.path.endswith(".woff")
    }
    assert not site.errors, site.errors
    page = files["de/projekte/index.html"]
    assert "<dt>Partnerorganisationen</dt>" in page
    assert '<a href="https://caritas.example/"><bdi>Caritas Düren</bdi></a>' in page
