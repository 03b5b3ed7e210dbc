"""Count and facets of the directory: computed once per content version and filter."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ClubFactory


def facet_queries(queries) -> int:
    return sum("SELECT 'municipality'" in query["sql"] for query in queries.captured_queries)


def test_next_page_reuses_count_and_facets(client, world):
    first = client.get("/api/v1/clubs/?limit=1").json()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/v1/clubs/?limit=1&offset=1").json()
    assert facet_queries(queries) == 0
    assert second["count"] == first["count"]
    assert second["facets"] == first["facets"]
    assert second["results"][0]["slug"] != first["results"][0]["slug"]


def test_other_filters_have_their_own_summary(client, world):
    everything = client.get("/api/v1/clubs/?limit=1").json()
    with CaptureQueriesContext(connection) as queries:
        narrowed = client.get("/api/v1/clubs/?limit=1&established=false").json()
    assert facet_queries(queries) == 1
    assert narrowed["count"] <= everything["count"]


def test_publishing_a_club_updates_count_and_facets(client, world):
    before = client.get("/api/v1/clubs/?limit=1").json()
    ClubFactory("Neu gegründeter Verein e. V.")
    after = client.get("/api/v1/clubs/?limit=1&offset=1").json()
    assert after["count"] == before["count"] + 1
    assert sum(item["count"] for item in after["facets"]["municipality"]) == after["count"]


def test_pages_follow_the_ordering(client, world):
    names = [
        client.get(f"/api/v1/clubs/?limit=1&offset={offset}&ordering=-name").json()["results"]
        for offset in range(2)
    ]
    assert names[0][0]["name"] >= names[1][0]["name"]


def test_a_filter_that_selects_nothing_has_empty_facets(client, world):
    body = client.get("/api/v1/clubs/?q=Xylophonquartett").json()
    assert body["count"] == 0
    assert body["facets"] == {"municipality": [], "country": [], "language": [], "focus": []}
