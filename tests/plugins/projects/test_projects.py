"""The projects plugin: overview grouped by state, project pages, home section."""

import datetime

import pytest

from cms.clubs.models import ProjectPage
from tests.factories import ClubFactory, add_child

pytestmark = pytest.mark.django_db


def project(club, title, **fields):
    return add_child(club, ProjectPage(title=title, **fields))


@pytest.fixture
def club_with_projects(db):
    club = ClubFactory("Deutsch-Syrischer Verein e. V.")
    partner = ClubFactory("Jugendtreff Birkesdorf e. V.")
    hidden_partner = ClubFactory("Noch nicht öffentlich e. V.", publish=False)
    running = project(
        club,
        "Sprachpatenschaften",
        start_date=datetime.date(2026, 1, 15),
        end_date=datetime.date(2027, 6, 30),
        status="running",
        funding_source="Landesprogramm KOMM-AN NRW",
        summary="Ehrenamtliche begleiten Neuzugewanderte.",
    )
    running.partner_clubs.set([partner, hidden_partner])
    running.save_revision().publish()
    project(club, "Gartenprojekt", status="planned", start_date=datetime.date(2027, 3, 1))
    project(club, "Kochbuch", status="completed", end_date=datetime.date(2025, 12, 31))
    return club


def test_overview_groups_projects_by_state(club_with_projects, build_club_site):
    root = build_club_site(club_with_projects)

    html = (root / "de/projekte/index.html").read_text()
    assert html.index("Laufende Projekte") < html.index("Geplante Projekte")
    assert html.index("Geplante Projekte") < html.index("Abgeschlossene Projekte")
    assert 'href="../sprachpatenschaften/index.html">Sprachpatenschaften</a>' in html
    assert "Stand: läuft" in html and "Stand: abgeschlossen" in html
    assert 'aria-current="page">Projekte</a>' in html  # in the main menu
    assert "<h1>Projekte</h1>" in html and "<h2 " in html and "<h3 " in html


def test_project_page_states_period_funding_partners(club_with_projects, build_club_site):
    root = build_club_site(club_with_projects)

    html = (root / "de/sprachpatenschaften/index.html").read_text()
    assert '<time datetime="2026-01-15">15. Januar 2026</time>' in html
    assert '<time datetime="2027-06-30">30. Juni 2027</time>' in html
    assert "Landesprogramm KOMM-AN NRW" in html
    assert "<bdi>Jugendtreff Birkesdorf e. V.</bdi>" in html
    assert "Noch nicht öffentlich" not in html
    assert "Ehrenamtliche begleiten Neuzugewanderte." in html
    assert 'href="../projekte/index.html"' in html


def test_home_section_shows_current_projects(club_with_projects, build_club_site):
    root = build_club_site(club_with_projects)

    home = (root / "de/index.html").read_text()
    section = home[home.index('id="section-projects"') :]
    section = section[: section.index("</section>")]
    assert "Sprachpatenschaften" in section and "Gartenprojekt" in section
    assert "Kochbuch" not in section
    assert 'href="projekte/index.html"' in section


def test_arabic_project_page(club_with_projects, build_club_site):
    from tests.plugins.helpers import translate

    page = ProjectPage.objects.get(title="Sprachpatenschaften")
    translate(page, "ar", title="رعاية لغوية")
    root = build_club_site(club_with_projects)

    html = (root / "ar/sprachpatenschaften/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in html
    assert "رعاية لغوية" in html
    assert "جارٍ" in html  # running
