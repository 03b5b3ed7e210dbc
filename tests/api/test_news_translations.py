"""``X-Translated-Into`` on the news of some clubs (``/api/v1/news/?club=…``): the languages
besides German into which one of their items is translated and public. In every other
language the answer is the German one, byte for byte, so the portal's build reads the clubs'
news once for all of them (``sites.client.ApiClient``)."""

import pytest
from django.core.cache import cache

from cms import locales
from tests.api.conftest import translate
from tests.factories import ClubFactory, news_index, news_page

pytestmark = pytest.mark.django_db

HEADER = "X-Translated-Into"


@pytest.fixture
def clubs(turkish, arabic):
    translated, plain = ClubFactory("Anadolu e. V."), ClubFactory("Baobab e. V.")
    article = news_page(news_index(translated), "Sommerfest")
    translate(article, turkish, title="Yaz şenliği")
    # A translation not yet published is not one.
    draft = news_page(translated.get_children().get().specific, "Herbstfest")
    translate(draft, arabic, publish=False, title="مهرجان الخريف")
    news_page(news_index(plain), "Kochabend")
    return translated, plain


def read(client, **params):
    cache.clear()
    response = client.get("/api/v1/news/", params)
    assert response.status_code == 200, response.content
    return response


def test_the_answer_names_the_languages_the_clubs_news_is_translated_into(client, clubs):
    translated, plain = clubs
    assert read(client, club=translated.slug)[HEADER] == "tr"
    assert read(client, club=plain.slug)[HEADER] == ""
    assert read(client, club=[translated.slug, plain.slug])[HEADER] == "tr"
    assert read(client, club=plain.slug, locale="ar")[HEADER] == ""
    assert HEADER not in read(client)  # only with club


def test_in_every_language_not_named_the_answer_is_the_german_one(client, clubs):
    translated, plain = clubs
    for slugs in ([plain.slug], [translated.slug], [translated.slug, plain.slug]):
        german = read(client, club=slugs)
        named = german[HEADER].split()
        for code in locales.codes():
            results = read(client, club=slugs, locale=code).json()["results"]
            if code in named:
                assert results != german.json()["results"], (slugs, code)
                assert "Yaz şenliği" in str(results)
            else:
                assert results == german.json()["results"], (slugs, code)
