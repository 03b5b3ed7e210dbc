"""ETag, Last-Modified, 304, Cache-Control, invalidation; CORS; writes locked down."""

import pytest
from django.utils.http import http_date
from wagtail.models import Page

from cms.core.caching import content_version
from cms.core.throttling import WriteRateThrottle
from tests.factories import news_page

READ_ENDPOINTS = [
    "/api/v1/clubs/",
    "/api/v1/clubs/offener-kulturverein-e-v/",
    "/api/v1/clubs/offener-kulturverein-e-v/bundle/",
    "/api/v1/news/",
    "/api/v1/search/?q=Sommerfest",
    "/api/v1/schema/",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
]


@pytest.mark.parametrize("url", READ_ENDPOINTS)
def test_conditional_requests_get_304(client, world, url, django_assert_max_num_queries):
    response = client.get(url)
    assert response.status_code == 200
    etag, last_modified = response["ETag"], response["Last-Modified"]
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")

    with django_assert_max_num_queries(0):
        not_modified = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_cached_response_is_served_without_queries(client, world, django_assert_num_queries):
    first = client.get("/api/v1/clubs/")
    with django_assert_num_queries(0):
        second = client.get("/api/v1/clubs/")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_publishing_invalidates(client, world):
    before = client.get("/api/v1/news/")
    news_page(world.news_index, title="Neu veröffentlicht")
    after = client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert "Neu veröffentlicht" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_change_within_the_same_second_moves_last_modified(client, world):
    before = client.get("/api/v1/news/")
    world.news.unpublish()
    after = client.get("/api/v1/news/", HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert after.status_code == 200


def test_unpublishing_invalidates(client, world):
    assert "Sommerfest" in client.get("/api/v1/news/").content.decode()
    world.news.unpublish()
    assert "Sommerfest" not in client.get("/api/v1/news/").content.decode()


def test_deleting_invalidates(client, world):
    assert "Sommerfest" in client.get("/api/v1/news/").content.decode()
    Page.objects.get(pk=world.news.pk).delete()
    assert "Sommerfest" not in client.get("/api/v1/news/").content.decode()


def test_moving_invalidates(client, world):
    old = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/").json()
    world.news.move(world.other_news_index, pos="last-child")
    new = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/").json()
    assert world.news.pk in old["page_ids"]
    assert world.news.pk not in new["page_ids"]


def test_restricting_a_page_invalidates(client, world):
    from wagtail.models import PageViewRestriction

    assert "Sommerfest" in client.get("/api/v1/news/").content.decode()
    PageViewRestriction.objects.create(page=world.news, restriction_type="login")
    assert "Sommerfest" not in client.get("/api/v1/news/").content.decode()


def test_last_modified_is_the_content_version(client, world):
    response = client.get("/api/v1/clubs/")
    assert response["Last-Modified"] == http_date(content_version()["changed_at"])


def test_errors_are_not_cached(client, world):
    response = client.get("/api/v1/clubs/?limit=500")
    assert response.status_code == 400
    assert "ETag" not in response


def test_cors_allows_any_origin_to_read(client, world):
    response = client.get("/api/v1/clubs/", HTTP_ORIGIN="https://mein-verein.de")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/clubs/",
        HTTP_ORIGIN="https://mein-verein.de",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "POST" not in preflight.get("Access-Control-Allow-Methods", "")
    admin = client.get("/admin/login/", HTTP_ORIGIN="https://mein-verein.de")
    assert "Access-Control-Allow-Origin" not in admin


def test_writes_need_login_and_csrf(world, agency_user):
    from django.test import Client

    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post("/api/v1/clubs/", {}).status_code == 403
    logged_in = Client(enforce_csrf_checks=True)
    logged_in.force_login(agency_user)
    response = logged_in.post("/api/v1/clubs/", {})
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_writes_are_throttled(world, agency_user, monkeypatch):
    from django.test import Client

    monkeypatch.setattr(WriteRateThrottle, "THROTTLE_RATES", {"write": "1/hour"})
    client = Client()
    client.force_login(agency_user)
    assert client.post("/api/v1/clubs/", {}).status_code == 405
    assert client.post("/api/v1/clubs/", {}).status_code == 429
    # Reads are never throttled.
    assert client.get("/api/v1/clubs/").status_code == 200
