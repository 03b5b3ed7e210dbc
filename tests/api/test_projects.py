"""GET /api/v1/projects/: public integration projects of all clubs, with filters."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.clubs.models import ProjectPage
from tests.factories import ClubFactory, add_child

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def project(club, title, publish=True, **fields):
    return add_child(club, ProjectPage(title=title, summary=f"Über {title}", **fields), publish)


@pytest.fixture
def projects(db):
    today = timezone.localdate()
    dueren = ClubFactory("Kulturverein Düren e. V.")
    juelich = ClubFactory("Elternnetz Jülich e. V.", municipality_name="Jülich")
    hidden_club = ClubFactory("Noch nicht freigegeben e. V.", publish=False)
    running = project(
        dueren,
        "Sprachcafé",
        status="running",
        start_date=today - datetime.timedelta(days=100),
        funding_source="KOMM-AN NRW",
    )
    running.partner_clubs.set([juelich, hidden_club])
    running.save_revision().publish()
    done = project(
        juelich,
        "Hausaufgabenhilfe 2024",
        status="completed",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    planned = project(juelich, "Nähkurs", status="planned")
    project(dueren, "Entwurfsprojekt", publish=False)
    PageViewRestriction.objects.create(
        page=project(juelich, "Passwortprojekt"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )
    return {
        "dueren": dueren,
        "juelich": juelich,
        "running": running,
        "done": done,
        "planned": planned,
    }


def test_lists_public_projects_active_first_with_club_and_public_partners(
    client, projects, django_assert_max_num_queries
):
    with django_assert_max_num_queries(16):
        response = client.get("/api/v1/projects/")
    assert response.status_code == 200
    body = response.json()
    titles = [item["title"] for item in body["results"]]
    assert titles == ["Sprachcafé", "Nähkurs", "Hausaufgabenhilfe 2024"]
    cafe = body["results"][0]
    assert cafe["club"] == {"slug": projects["dueren"].slug, "name": "Kulturverein Düren e. V."}
    assert cafe["partner_clubs"] == [
        {"slug": projects["juelich"].slug, "name": "Elternnetz Jülich e. V."}
    ]
    assert cafe["status"] == "running" and cafe["status_label"] == "läuft"
    assert cafe["funding_source"] == "KOMM-AN NRW"
    assert cafe["homepage_url"] == (
        f"http://testserver/vereine/{projects['dueren'].slug}/de/{projects['running'].slug}/"
    )
    assert "Entwurfsprojekt" not in response.content.decode()
    assert "Passwortprojekt" not in response.content.decode()
    assert "Noch nicht freigegeben" not in response.content.decode()
    assert response["ETag"]


def test_filters_club_municipality_active(client, projects):
    def titles(query):
        response = client.get(f"/api/v1/projects/?{query}")
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["results"]]

    assert titles(f"club={projects['juelich'].slug}") == ["Nähkurs", "Hausaufgabenhilfe 2024"]
    assert titles("municipality=dueren") == ["Sprachcafé"]
    assert titles("municipality=dueren&municipality=juelich") == [
        "Sprachcafé",
        "Nähkurs",
        "Hausaufgabenhilfe 2024",
    ]
    assert titles("active=true") == ["Sprachcafé", "Nähkurs"]
    assert titles("active=false") == ["Hausaufgabenhilfe 2024"]


@pytest.mark.parametrize(
    "query", ["municipality=atlantis", "club=gibt-es-nicht", "active=vielleicht", "bogus=1"]
)
def test_bad_parameters_are_400_in_the_error_format(client, projects, query):
    response = client.get(f"/api/v1/projects/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid_parameter"
    assert query.partition("=")[0] in body["detail"]


def test_project_ended_yesterday_is_not_active(client, projects):
    ended = project(
        projects["dueren"],
        "Sommerferienprogramm",
        status="running",
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    response = client.get("/api/v1/projects/?active=false")
    assert ended.title in [item["title"] for item in response.json()["results"]]
