"""What the endpoints return: the bundle for the site builder, news, search, Wagtail v2."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import news_page


@pytest.fixture
def world(shared_world, db):
    """One district per module; changes a test makes are rolled back with its savepoint."""
    return shared_world


def test_bundle_resolves_the_whole_tree(client, world):
    response = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/")
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"]
    bundle = response.json()
    assert bundle["club"]["slug"] == world.club.slug
    assert bundle["cooperations"] == []  # no partner names this club (tests/partners)
    assert bundle["homepage"]["sections"] == ["news", "about"]
    assert bundle["homepage"]["logo"]["renditions"]["thumbnail"]["url"].startswith("http")
    pages = {page["slug"]: page for page in bundle["pages"]}
    assert set(pages) == {
        "neuigkeiten",
        "sommerfest-im-park",
        "jahreshauptversammlung",
        "ueber-uns",
        "galerie",
    }
    assert set(bundle["page_ids"]) == {page["id"] for page in bundle["pages"]}
    about = pages["ueber-uns"]
    assert about["type"] == "clubs.ContentPage"
    assert about["url_path"] == "ueber-uns/"
    blocks = {block["type"]: block["value"] for block in about["fields"]["body"]}
    assert blocks["text"] == "<p>Ein öffentlicher Text.</p>"
    assert blocks["image"]["image"]["id"] == world.public_image.pk
    assert set(blocks["image"]["image"]["renditions"]) == {"thumbnail", "medium", "large"}
    assert blocks["document"]["document"]["url"].endswith(
        f"/documents/{world.public_document.pk}/satzung.pdf"
    )
    news = pages["sommerfest-im-park"]
    assert news["parent_path"] == "neuigkeiten/"
    assert news["fields"]["image"]["id"] == world.public_image.pk


def test_bundle_updated_since(client, world):
    later = timezone.now() + datetime.timedelta(seconds=1)
    bundle = client.get(
        f"/api/v1/clubs/{world.club.slug}/bundle/",
        {"updated_since": later.isoformat()},
    ).json()
    assert bundle["pages"] == []
    assert len(bundle["page_ids"]) == 5
    assert bundle["club"]["slug"] == world.club.slug


@pytest.mark.parametrize("value", ["gestern", "2026-13-01", "2026-11-24T25:00"])
def test_bundle_rejects_malformed_updated_since(client, world, value):
    response = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/", {"updated_since": value})
    assert response.status_code == 400
    assert response.json()["parameter"] == "updated_since"


def test_news_filters(client, world):
    def titles(query):
        response = client.get("/api/v1/news/", query)
        assert response.status_code == 200, response.content
        return [item["title"] for item in response.json()["results"]]

    assert titles({"club": world.consenting_club.slug}) == ["Turnier in Jülich"]
    assert titles({"municipality": "juelich"}) == ["Turnier in Jülich"]
    assert titles({"q": "Sommerfest"}) == ["Sommerfest im Park"]
    assert titles({"date_from": "2026-12-01"}) == []
    news_page(world.news_index, title="Adventsbasar", date=datetime.date(2026, 12, 5))
    assert titles({"date_from": "2026-12-01"}) == ["Adventsbasar"]
    first = client.get("/api/v1/news/").json()["results"][0]
    assert first["title"] == "Adventsbasar"  # newest first
    assert first["club"] == {"slug": world.club.slug, "name": world.club.title}


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"club": "gibt-es-nicht"}, "club"),
        ({"club": "geheim-entwurfsverein-e-v"}, "club"),
        ({"municipality": "atlantis"}, "municipality"),
        ({"date_from": "morgen"}, "date_from"),
        ({"limit": "1000"}, "limit"),
        ({"sort": "date"}, "sort"),
    ],
)
def test_news_bad_parameters(client, world, query, parameter):
    response = client.get("/api/v1/news/", query)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_search_across_types_with_highlights(client, world):
    response = client.get("/api/v1/search/", {"q": "Kulturverein"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(item["type"], item["slug"]) for item in results] == [("club", world.club.slug)]
    assert results[0]["highlight"]["title"] == "Offener <mark>Kulturverein</mark> e. V."
    assert results[0]["locale"] == "de" and results[0]["direction"] == "ltr"

    body_hit = client.get("/api/v1/search/", {"q": "öffentlicher"}).json()["results"]
    assert [item["slug"] for item in body_hit] == ["ueber-uns"]
    assert body_hit[0]["type"] == "page"
    assert "<mark>öffentlicher</mark>" in body_hit[0]["highlight"]["text"]
    assert body_hit[0]["club"]["slug"] == world.club.slug


def test_search_by_type(client, world):
    results = client.get("/api/v1/search/", {"q": "Jülich", "type": "news"}).json()["results"]
    assert {item["type"] for item in results} == {"news"}
    assert client.get("/api/v1/search/", {"q": "Sportverein", "type": "club"}).json()["count"] == 1
    assert client.get("/api/v1/search/", {"q": "Sportverein", "type": "news"}).json()["count"] == 0


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({}, "q"),
        ({"q": "  "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "Fest", "type": "recipes"}, "type"),
        ({"q": "Fest", "limit": "0"}, "limit"),
    ],
)
def test_search_bad_parameters(client, world, query, parameter):
    response = client.get("/api/v1/search/", query)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    "query", ['"', "Fest*", "(", "AND", "OR NOT", "-Fest", "Fest:", "'; DROP TABLE", "ü"]
)
def test_search_syntax_never_breaks(client, world, query):
    for url in ["/api/v1/search/", "/api/v1/clubs/", "/api/v1/news/"]:
        assert client.get(url, {"q": query}).status_code == 200, (url, query)


def test_v2_club_fields(client, world):
    club = client.get(f"/api/v2/pages/{world.consenting_club.pk}/").json()
    assert club["municipality"] == {"slug": "juelich", "name": "Jülich"}
    assert {country["code"] for country in club["countries"]} == {"TR", "SY"}
    assert club["address"] == {"street": "Marktplatz 1", "postal_code": "52428", "city": "Jülich"}
    assert club["direction"] == "ltr"
    assert not any(key.startswith("board") for key in club)
    logo = client.get(f"/api/v2/pages/{world.club.pk}/").json()["logo_image"]
    assert logo["renditions"]["thumbnail"]["width"] == 32


def test_v2_streams_and_rich_text_are_resolved(client, world):
    page = client.get(f"/api/v2/pages/{world.about.pk}/").json()
    blocks = {block["type"]: block["value"] for block in page["body"]}
    assert "renditions" in blocks["image"]["image"]
    assert blocks["document"]["document"]["url"].startswith("http://testserver/documents/")


def test_v2_rich_text_links_are_expanded(client, world):
    world.consenting_club.description = (
        f'<p><a linktype="page" id="{world.about.pk}">Über uns</a></p>'
    )
    world.consenting_club.save_revision().publish()
    club = client.get(f"/api/v2/pages/{world.consenting_club.pk}/").json()
    assert 'linktype="page"' not in club["description"]
    assert "href=" in club["description"]
    profile = client.get(f"/api/v1/clubs/{world.consenting_club.slug}/").json()
    assert "href=" in profile["description"]
