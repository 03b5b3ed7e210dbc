"""Translated events and news come back in the requested locale, German otherwise; every
item says its locale and direction; UIDs are shared by the translations of an event."""

import feedparser
import pytest
from icalendar import Calendar
from wagtail.models import Locale

from tests.factories import ClubFactory, event_index, event_page, news_index, news_page

from .conftest import API, days_ahead

ARABIC_TITLE = "لقاء الجمعية"


def publish_translation(page, language_code, **fields):
    """Translate ``page`` (and, as aliases, its ancestors) and publish the translation."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def translated(db):
    club = ClubFactory("Deutsch-Arabischer Verein")
    event = event_page(event_index(club), "Vereinstreffen", start=days_ahead(4, 18))
    news = news_page(news_index(club), "Nachricht auf Deutsch")
    arabic_event = publish_translation(event, "ar", title=ARABIC_TITLE)
    arabic_news = publish_translation(news, "ar", title="خبر بالعربية")
    return {"club": club, "event": event, "arabic_event": arabic_event, "news": arabic_news}


def test_the_requested_locale_is_served_and_says_rtl(api, translated):
    (item,) = api.get(f"{API}/events/", {"locale": "ar"}).json()["results"]
    assert item["title"] == ARABIC_TITLE
    assert (item["locale"], item["direction"]) == ("ar", "rtl")
    assert item["id"] == translated["arabic_event"].pk
    assert item["club"]["slug"] == translated["club"].slug


def test_without_translation_german_is_served(api, translated):
    (item,) = api.get(f"{API}/events/", {"locale": "tr"}).json()["results"]
    assert (item["title"], item["locale"], item["direction"]) == ("Vereinstreffen", "de", "ltr")
    (item,) = api.get(f"{API}/events/").json()["results"]
    assert item["title"] == "Vereinstreffen"


def test_the_club_filter_covers_the_translated_tree(api, translated):
    slug = translated["club"].slug
    (item,) = api.get(f"{API}/events/", {"locale": "ar", "club": slug}).json()["results"]
    assert item["title"] == ARABIC_TITLE
    calendar = Calendar.from_ical(
        api.get(f"{API}/clubs/{slug}/events.ics", {"locale": "ar"}).content
    )
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == [ARABIC_TITLE]


def test_translations_share_the_uid(api, translated):
    def uids(locale):
        response = api.get(f"{API}/events.ics", {"locale": locale})
        return [str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]

    assert uids("ar") == uids("de") == [f"event-{translated['event'].translation_key}@vereinsnetz"]


def test_an_unpublished_translation_falls_back_to_german(api, translated):
    translated["arabic_event"].unpublish()
    (item,) = api.get(f"{API}/events/", {"locale": "ar"}).json()["results"]
    assert (item["title"], item["locale"]) == ("Vereinstreffen", "de")


def test_news_feed_in_the_requested_locale(api, translated):
    def titles(**params):
        feed = feedparser.parse(api.get(f"{API}/news.atom", params).content)
        return [entry.title for entry in feed.entries]

    assert titles(locale="ar") == ["خبر بالعربية"]
    assert titles() == ["Nachricht auf Deutsch"]
