"""Locale: translated pages in the requested locale, German otherwise; locale and direction
on every object."""

import pytest
from django.utils import translation

from .conftest import translate


@pytest.fixture
def world(shared_world, db):
    """Read-only tests share one district per module."""
    return shared_world


@pytest.fixture
def arabic_club(world, arabic):
    return translate(world.consenting_club, arabic, title="نادي الأناضول الرياضي")


def by_id(results):
    return {item["id"]: item for item in results}


def test_news_in_turkish_with_german_fallback(client, world):
    results = client.get("/api/v1/news/?locale=tr").json()["results"]
    titles = {item["title"]: item["locale"] for item in results}
    assert titles == {
        "Parkta yaz şenliği": "tr",
        "Jahreshauptversammlung": "de",
        "Turnier in Jülich": "de",
    }
    german = client.get("/api/v1/news/").json()["results"]
    assert {item["locale"] for item in german} == {"de"}
    assert len(german) == len(results)


def test_club_in_arabic_is_rtl(client, world, arabic_club):
    club = client.get(f"/api/v1/clubs/{world.consenting_club.slug}/?locale=ar").json()
    assert club["name"] == "نادي الأناضول الرياضي"
    assert (club["locale"], club["direction"]) == ("ar", "rtl")
    fallback = client.get(f"/api/v1/clubs/{world.club.slug}/?locale=ar").json()
    assert (fallback["locale"], fallback["direction"]) == ("de", "ltr")
    listing = client.get("/api/v1/clubs/?locale=ar").json()
    assert {item["locale"] for item in listing["results"]} == {"ar", "de"}
    assert listing["count"] == 2


def test_offered_language_without_content_falls_back_to_german(client, world):
    response = client.get("/api/v1/clubs/?locale=uk")
    assert response.status_code == 200
    assert {item["locale"] for item in response.json()["results"]} == {"de"}


def test_bundle_mixes_translated_and_fallback_pages(client, world):
    bundle = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/?locale=tr").json()
    pages = {page["slug"]: page for page in bundle["pages"]}
    assert pages["sommerfest-im-park"]["locale"] == "tr"
    assert pages["sommerfest-im-park"]["title"] == "Parkta yaz şenliği"
    assert pages["ueber-uns"]["locale"] == "de"
    assert len(bundle["page_ids"]) == len(
        client.get(f"/api/v1/clubs/{world.club.slug}/bundle/").json()["page_ids"]
    )


def test_search_in_turkish(client, world):
    results = client.get("/api/v1/search/?q=şenliği&locale=tr").json()["results"]
    assert [(item["title"], item["locale"]) for item in results] == [("Parkta yaz şenliği", "tr")]


def test_v2_pages_carry_direction(client, world, arabic_club):
    page = client.get(f"/api/v2/pages/{arabic_club.pk}/").json()
    assert page["meta"]["locale"] == "ar"
    assert page["direction"] == "rtl"


@pytest.mark.parametrize(
    ("query", "language"),
    [("?locale=ar&limit=abc", "ar"), ("?locale=tr&limit=abc", "tr"), ("?limit=abc", "de")],
)
def test_errors_speak_the_requested_language(client, world, query, language):
    """An API error answers in the language the request names with ``?locale=`` (the portal in
    Arabic asks in Arabic), and German without it."""
    response = client.get(f"/api/v1/clubs/{query}")
    assert response.status_code == 400
    body = response.json()
    with translation.override(language):
        expected = translation.gettext("Ungültiger Parameter: %(parameter)s") % {
            "parameter": "limit"
        }
    assert body["detail"] == expected
    if language != "de":
        assert expected != "Ungültiger Parameter: limit"
        assert response["Content-Language"] == language


def test_unknown_locale_is_explained_in_german(client, world):
    body = client.get("/api/v1/clubs/?locale=xx").json()
    assert body["errors"]["locale"][0].startswith("Unbekannte Sprache.")
