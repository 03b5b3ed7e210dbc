"""GET /api/v1/events/: occurrences of public events across clubs, filtered and paginated."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import ClubFactory, event_page

from .conftest import API, build_events, days_ahead

URL = f"{API}/events/"


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_lists_occurrences_in_the_default_window_sorted_by_start(api, district):
    body = api.get(URL, {"limit": 100}).json()
    # 13 weekly trainings fit into today + 90 days, plus the course and the concert.
    assert body["count"] == 15
    starts = [item["start"] for item in body["results"]]
    assert starts == sorted(starts)
    assert {item["title"] for item in body["results"]} == {"Training", "Sprachkurs", "Konzert"}


def test_item_fields(api, district):
    results = api.get(URL, {"limit": 100}).json()["results"]
    concert = next(item for item in results if item["title"] == "Konzert")
    assert concert["id"] == district["concert"].pk
    assert concert["club"] == {"slug": district["culture"].slug, "name": "Kulturverein Anadolu"}
    assert concert["start"] == days_ahead(3, 19).isoformat()
    assert concert["end"] == days_ahead(3, 21).isoformat()
    assert concert["all_day"] is False
    assert concert["recurring"] is False
    assert concert["location"] == {"name": None, "address": "Markt 1, 52349 Düren"}
    assert concert["category"] == "culture"
    assert concert["cost"] == "5.00"
    assert sorted(concert["languages"]) == ["de", "tr"]
    assert concert["registration_url"] == "https://example.org/anmeldung"
    assert concert["url"].endswith(f"/api/v2/pages/{district['concert'].pk}/")
    assert concert["locale"] == "de"
    assert concert["direction"] == "ltr"
    course = next(item for item in results if item["title"] == "Sprachkurs")
    assert course["location"] == {
        "name": "Café International",
        "address": "Hauptstraße 1, 52349 Düren",
    }
    assert course["cost"] is None
    training = next(item for item in results if item["title"] == "Training")
    assert training["recurring"] is True


def test_window_from_and_to(api, district):
    today = timezone.localdate()
    window = {
        "from": (today + datetime.timedelta(days=150)).isoformat(),
        "to": (today + datetime.timedelta(days=250)).isoformat(),
        "limit": 100,
    }
    found = titles(api.get(URL, window))
    assert "Sommerfest" in found
    assert set(found) == {"Sommerfest", "Training"}
    assert found.count("Training") in (14, 15)
    # ``to`` is exclusive, ``from`` inclusive (both at local midnight).
    day = (today + datetime.timedelta(days=3)).isoformat()
    next_day = (today + datetime.timedelta(days=4)).isoformat()
    assert titles(api.get(URL, {"from": day, "to": next_day})) == ["Konzert"]
    assert titles(api.get(URL, {"from": next_day, "to": next_day + "T00:00:01"})) == []


def test_past_events_are_found_with_a_past_window(api, district):
    past = (timezone.localdate() - datetime.timedelta(days=11)).isoformat()
    assert titles(api.get(URL, {"from": past, "to": timezone.localdate().isoformat()})) == [
        "Vorbei"
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"club": "kulturverein-anadolu"}, {"Konzert", "Sprachkurs"}),
        (
            {"club": ["kulturverein-anadolu", "sportfreunde-juelich"]},
            {"Konzert", "Sprachkurs", "Training"},
        ),
        ({"municipality": "juelich"}, {"Training"}),
        ({"municipality": ["juelich", "dueren"]}, {"Konzert", "Sprachkurs", "Training"}),
        ({"focus": "kultur"}, {"Konzert", "Sprachkurs"}),
        ({"focus": "sport", "municipality": "dueren"}, set()),
        ({"category": "course"}, {"Sprachkurs"}),
        ({"category": ["course", "culture"]}, {"Konzert", "Sprachkurs"}),
        ({"language": "tr"}, {"Konzert"}),
        ({"language": ["de", "ar"]}, {"Konzert", "Sprachkurs", "Training"}),
        ({"language": "AR"}, {"Sprachkurs"}),
    ],
)
def test_filters(api, district, params, expected):
    assert set(titles(api.get(URL, {**params, "limit": 100}))) == expected


def test_an_event_with_several_matching_languages_appears_once_per_date(api, district):
    found = titles(api.get(URL, {"language": ["de", "tr"], "limit": 100}))
    assert found.count("Konzert") == 1


def test_pagination(api, district):
    first = api.get(URL, {"limit": 5}).json()
    assert first["count"] == 15
    assert len(first["results"]) == 5
    assert first["previous"] is None
    assert "offset=5" in first["next"]
    last = api.get(URL, {"limit": 5, "offset": 10}).json()
    assert last["next"] is None
    everything = api.get(URL, {"limit": 100}).json()["results"]
    assert first["results"] + last["results"] == everything[:5] + everything[10:]


def test_locale_falls_back_to_german_and_says_its_direction(api, district):
    results = api.get(URL, {"locale": "ar"}).json()["results"]
    assert results
    assert {(item["locale"], item["direction"]) for item in results} == {("de", "ltr")}


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"from": "gestern"}, "from"),
        ({"to": "2026-13-40"}, "to"),
        ({"from": "2026-05-01", "to": "2026-04-01"}, "to"),
        ({"from": "2026-05-01", "to": "2026-05-01"}, "to"),
        ({"from": "2026-01-01", "to": "2027-01-03"}, "to"),
        ({"club": "gibt-es-nicht"}, "club"),
        ({"municipality": "atlantis"}, "municipality"),
        ({"municipality": ["dueren", "atlantis"]}, "municipality"),
        ({"focus": "schach"}, "focus"),
        ({"category": "party"}, "category"),
        ({"language": "xx"}, "language"),
        ({"locale": "xx"}, "locale"),
        ({"limit": "1000"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(api, district, params, parameter):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["parameter"] == parameter


def test_a_year_window_is_allowed(api, district):
    assert api.get(URL, {"from": "2026-01-01", "to": "2027-01-02"}).status_code == 200


def test_an_unpublished_club_is_an_unknown_club_filter(api, district):
    hidden = ClubFactory("Verborgener Verein", publish=False)
    response = api.get(URL, {"club": hidden.slug})
    assert response.status_code == 400
    assert response.json()["parameter"] == "club"


def test_conditional_get_and_cache_headers(api, district):
    response = api.get(URL)
    assert response["ETag"]
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"]
    again = api.get(URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_publishing_an_event_invalidates_the_cached_list(api, district):
    assert "Neu" not in titles(api.get(URL))
    event_page(event_index_of(district["culture"]), "Neu", start=days_ahead(1, 9))
    assert "Neu" in titles(api.get(URL))


def event_index_of(club):
    return club.get_children().specific().get(slug="veranstaltungen")


@pytest.mark.parametrize("count", [5, 50])
def test_query_count_does_not_grow_with_the_number_of_events(
    api, db, count, django_assert_max_num_queries
):
    build_events(count)
    params = {"limit": 100, "focus": "kultur", "language": "de"}
    with django_assert_max_num_queries(11):
        response = api.get(URL, params)
    assert response.status_code == 200
    assert response.json()["count"] >= count


def test_a_new_day_is_not_served_from_yesterdays_cache(api, district):
    from django.core.cache import cache

    from cms.core.caching import CONTENT_VERSION_KEY, content_version

    api.get(URL)
    state = content_version()
    yesterday = {**state, "changed_at": state["changed_at"] - 24 * 60 * 60}
    cache.set(CONTENT_VERSION_KEY, yesterday, None)
    api.get(URL)
    assert content_version()["token"] != state["token"]
    # Within the same day the version, and so the cached answer, stays.
    token = content_version()["token"]
    api.get(URL)
    assert content_version()["token"] == token


def test_only_the_page_of_events_is_loaded_in_full(api, district):
    """Recurrences are expanded from the events' times alone; bodies, rooms and languages are
    read for the events on the page only (at 5,000 clubs the list read 25,000 whole events)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    everything = api.get(URL, {"limit": 100}).json()
    assert everything["count"] > 2
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        page = api.get(URL, {"limit": 2, "offset": 1}).json()
    assert [item["id"] for item in page["results"]] == [
        item["id"] for item in everything["results"][1:3]
    ]
    assert page["count"] == everything["count"]
    wide = [query["sql"] for query in queries if '"events_eventpage"."body"' in query["sql"]]
    assert len(wide) == 1
    assert '"wagtailcore_page"."id" IN (' in wide[0] or '"page_ptr_id" IN (' in wide[0]


# The occurrence index: recurrences are expanded once per content version, window and filter
# set, not once per page (cms/events/api.py: occurrence_index).


@pytest.fixture
def expansions(monkeypatch):
    from cms.events import api as events_api

    calls = []
    original = events_api.sorted_occurrences

    def counting(events, window):
        calls.append(window)
        return original(events, window)

    monkeypatch.setattr(events_api, "sorted_occurrences", counting)
    return calls


def test_reading_the_list_page_by_page_expands_the_recurrences_once(api, district, expansions):
    whole = api.get(URL, {"limit": 100}).json()["results"]
    assert len(expansions) == 1
    pages = [api.get(URL, {"limit": 4, "offset": offset}).json() for offset in (0, 4, 8, 12)]
    assert len(expansions) == 1
    assert [item for page in pages for item in page["results"]] == whole
    assert {page["count"] for page in pages} == {15}


def test_other_filters_and_windows_have_their_own_index(api, district, expansions):
    api.get(URL, {"limit": 4})
    api.get(URL, {"limit": 4, "category": "sport"})
    api.get(URL, {"limit": 4, "category": "sport", "offset": 4})
    api.get(URL, {"limit": 4, "from": days_ahead(5).date().isoformat()})
    api.get(URL, {"limit": 4, "locale": "en"})
    assert len(expansions) == 4


def test_a_publish_shows_on_the_next_page_read(api, district, expansions):
    before = api.get(URL, {"limit": 4}).json()["count"]
    event_page(district["culture"].get_children().get(), "Lesung", start=days_ahead(4, 20))
    after = api.get(URL, {"limit": 4, "offset": 4}).json()["count"]
    assert after == before + 1
    assert len(expansions) == 2


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 3, 29, 3, 30, tzinfo=datetime.UTC),  # just after spring forward
        datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC),  # first 02:30 in autumn
        datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC),  # second 02:30
        datetime.datetime(2026, 7, 1, 17, 0, 0, 123456, tzinfo=datetime.UTC),
    ],
)
def test_index_times_keep_instant_and_local_offset(moment):
    from cms.events.api import from_micros, to_micros
    from cms.events.recurrence import EVENT_TIME_ZONE

    local = moment.astimezone(EVENT_TIME_ZONE)
    restored = from_micros(to_micros(local))
    assert restored == local
    assert restored.isoformat() == local.isoformat()
    assert from_micros(to_micros(None)) is None


def test_the_expansion_is_shared_by_equal_times_and_follows_changed_times():
    """``occurrence_times`` expands an event's recurrence once per process for its times and
    the window (the translations of an event have the same times), and a changed rule or
    cancelled date is expanded anew."""
    from cms.events.api import EventTimes, Window, _expanded_times, occurrence_times
    from cms.events.recurrence import occurrences

    start = datetime.datetime(2026, 11, 3, 18, tzinfo=datetime.UTC)
    window = Window(start, start + datetime.timedelta(days=28))
    german = EventTimes(1, "Treffen", start, None, False, "FREQ=WEEKLY", "")
    arabic = EventTimes(2, "لقاء", start, None, False, "FREQ=WEEKLY", "")
    _expanded_times.cache_clear()
    weekly = occurrence_times(german, window)
    assert weekly == tuple((o.start, o.end) for o in occurrences(german, *vars(window).values()))
    assert len(weekly) == 4
    assert occurrence_times(arabic, window) == weekly
    assert _expanded_times.cache_info().hits == 1
    cancelled = EventTimes(1, "Treffen", start, None, False, "FREQ=WEEKLY", "20261110")
    assert len(occurrence_times(cancelled, window)) == 3
    fortnightly = EventTimes(1, "Treffen", start, None, False, "FREQ=WEEKLY;INTERVAL=2", "")
    assert len(occurrence_times(fortnightly, window)) == 2
