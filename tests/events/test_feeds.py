"""Atom feeds of club news: /api/v1/news.atom and /api/v1/clubs/{slug}/news.atom."""

import datetime

import feedparser
import pytest
from django.core.cache import cache

from tests.factories import ClubFactory, news_index, news_page

from .conftest import API

URL = f"{API}/news.atom"


def club_url(slug):
    return f"{API}/clubs/{slug}/news.atom"


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


@pytest.fixture
def newsrooms(db):
    first = ClubFactory("Elternverein Brücke")
    second = ClubFactory("Kulturkreis Jülich", municipality_name="Jülich")
    first_news, second_news = news_index(first), news_index(second)
    for day in (3, 1, 2):
        news_page(first_news, f"Brücke {day}", date=datetime.date(2026, 10, day))
    news_page(second_news, "Jülich 5", date=datetime.date(2026, 10, 5), teaser="Herbstfest")
    return {"first": first, "second": second}


def test_all_news_newest_first(api, newsrooms):
    feed = parse(api.get(URL))
    assert [entry.title for entry in feed.entries] == [
        "Jülich 5",
        "Brücke 3",
        "Brücke 2",
        "Brücke 1",
    ]
    entry = feed.entries[0]
    assert entry.summary == "Herbstfest"
    assert entry.author == "Kulturkreis Jülich"
    # the article on the club's homepage
    home = f"http://testserver/vereine/{newsrooms['second'].slug}/de/neuigkeiten/"
    assert entry.link.startswith(home) and entry.link.endswith("/")
    assert entry.id.startswith("urn:uuid:")
    assert entry.published == "2026-10-05T00:00:00+02:00"
    assert feed.feed.title == "Vereinsnetz Kreis Düren: Neuigkeiten"


def test_club_feed(api, newsrooms):
    feed = parse(api.get(club_url(newsrooms["first"].slug)))
    assert [entry.title for entry in feed.entries] == ["Brücke 3", "Brücke 2", "Brücke 1"]
    assert feed.feed.title == "Elternverein Brücke: Neuigkeiten"
    assert f"club={newsrooms['first'].slug}" in feed.feed.link


def test_entry_ids_are_stable(api, newsrooms):
    first = [entry.id for entry in parse(api.get(URL)).entries]
    cache.clear()
    assert first == [entry.id for entry in parse(api.get(URL)).entries]
    assert len(set(first)) == 4


def test_feed_is_limited(api, db):
    index = news_index(ClubFactory())
    for number in range(55):
        news_page(
            index, f"Meldung {number}", date=datetime.date(2026, 1, 1) + datetime.timedelta(number)
        )
    feed = parse(api.get(URL))
    assert len(feed.entries) == 50
    assert feed.entries[0].title == "Meldung 54"


def test_unknown_club_is_404_and_bad_parameters_400(api, newsrooms):
    assert api.get(club_url("gibt-es-nicht")).status_code == 404
    response = api.get(URL, {"locale": "xx"}, HTTP_ACCEPT="application/atom+xml")
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"
    assert api.get(URL, {"page": "2"}).json()["parameter"] == "page"


def test_conditional_get(api, newsrooms):
    response = api.get(URL)
    assert response["ETag"] and "public" in response["Cache-Control"]
    assert api.get(URL, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_does_not_grow_with_the_number_of_news(
    api, db, count, django_assert_max_num_queries
):
    clubs = [ClubFactory() for _ in range(3)]
    indexes = [news_index(club) for club in clubs]
    for number in range(count):
        news_page(indexes[number % 3], f"Meldung {number}")
    with django_assert_max_num_queries(10):
        feed = parse(api.get(URL))
    assert len(feed.entries) == count
