"""Stored API answers served by the middleware, before URL resolution: byte for byte and header
for header what the view sends; never to a request with credentials or a session, never for a
write, never a draft."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from cms.core.caching import (
    cache_timeout,
    content_version,
    response_cache_key,
)
from tests.api.conftest import SECRET

ENDPOINTS = [
    "/api/v1/clubs/?limit=2&offset=0",
    "/api/v1/clubs/offener-kulturverein-e-v/",
    "/api/v1/clubs/offener-kulturverein-e-v/bundle/",
    "/api/v1/news/",
    "/api/v1/events/",
    "/api/v1/clubs/offener-kulturverein-e-v/events.ics",
    "/api/v1/news.atom",
    "/api/v1/municipalities/",
    "/api/v1/schema/",
    "/api/v2/pages/?type=clubs.ClubPage&fields=*",
]
ORIGIN = {"HTTP_ORIGIN": "https://mein-verein.de"}


def served_by_middleware(response) -> bool:
    """Django resolves the URL only after the middleware: an answer given before that leaves
    the request without a resolver match."""
    return response.wsgi_request.resolver_match is None


def plant(url: str, body: bytes = b'{"planted": true}', **headers) -> None:
    """Store a recognisable answer under the key an anonymous GET of ``url`` looks up."""
    request = RequestFactory().get(url, **headers)
    key = response_cache_key(request, content_version()["token"])
    entry = {
        "content": body,
        "headers": {"Content-Type": "application/json", "ETag": '"planted"'},
        "etag": '"planted"',
        "last_modified": content_version()["changed_at"],
    }
    cache.set(key, entry, cache_timeout())


@pytest.mark.parametrize("url", ENDPOINTS)
def test_middleware_answer_equals_the_views(client, world, url):
    from_view = client.get(url, **ORIGIN)
    assert from_view.status_code == 200
    assert not served_by_middleware(from_view)

    from_cache = client.get(url, **ORIGIN)
    assert served_by_middleware(from_cache)
    assert from_cache.status_code == 200
    assert from_cache.content == from_view.content
    assert dict(from_cache.items()) == dict(from_view.items())
    for header in ("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type"):
        assert header in from_cache
    assert from_cache["Access-Control-Allow-Origin"] == "*"
    assert "Content-Security-Policy" in from_cache


@pytest.mark.parametrize("url", ENDPOINTS[:5])
def test_middleware_304_equals_the_views(client, world, url):
    etag = client.get(url)["ETag"]
    cache.clear()  # the next answer is computed by the view again (same body, same ETag)
    from_view = client.get(url, HTTP_IF_NONE_MATCH=etag, **ORIGIN)
    assert from_view.status_code == 304
    assert not served_by_middleware(from_view)

    from_cache = client.get(url, HTTP_IF_NONE_MATCH=etag, **ORIGIN)
    assert from_cache.status_code == 304
    assert served_by_middleware(from_cache)
    assert dict(from_cache.items()) == dict(from_view.items())


def test_parameter_order_shares_one_answer(client, world):
    client.get("/api/v1/clubs/?limit=2&offset=0")
    reordered = client.get("/api/v1/clubs/?offset=0&limit=2")
    assert served_by_middleware(reordered)


def test_values_of_one_parameter_keep_their_order(client, world):
    plant("/api/v1/clubs/?country=TR&country=SY")
    assert client.get("/api/v1/clubs/?country=TR&country=SY").json() == {"planted": True}
    assert client.get("/api/v1/clubs/?country=SY&country=TR").json() != {"planted": True}


def test_accept_header_is_part_of_the_key(client, world):
    client.get("/api/v1/news/")
    other = client.get("/api/v1/news/", HTTP_ACCEPT="application/json; indent=2")
    assert not served_by_middleware(other)


def test_publishing_makes_the_middleware_miss(client, world):
    from tests.factories import news_page

    client.get("/api/v1/news/")
    news_page(world.news_index, title="Gerade veröffentlicht")
    after = client.get("/api/v1/news/")
    assert not served_by_middleware(after)
    assert "Gerade veröffentlicht" in after.content.decode()


# --- Who never gets a stored answer ---------------------------------------------------------


def test_anonymous_request_gets_the_planted_answer(client, world):
    """The control for the tests below: planting works."""
    plant("/api/v1/news/")
    response = client.get("/api/v1/news/")
    assert response.json() == {"planted": True}
    assert served_by_middleware(response)


def test_logged_in_request_never_gets_a_stored_answer(world, agency_user):
    plant("/api/v1/news/")
    logged_in = Client()
    logged_in.force_login(agency_user)
    response = logged_in.get("/api/v1/news/")
    assert response.status_code == 200
    assert not served_by_middleware(response)
    assert "planted" not in response.content.decode()
    assert SECRET not in response.content.decode()
    # Same validators as an anonymous answer, and no "Vary: Cookie".
    assert "public" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")


def test_logged_in_answer_is_not_stored(world, agency_user, client):
    logged_in = Client()
    logged_in.force_login(agency_user)
    first = logged_in.get("/api/v1/clubs/")
    assert first.status_code == 200
    assert not served_by_middleware(logged_in.get("/api/v1/clubs/"))
    anonymous = client.get("/api/v1/clubs/")
    assert not served_by_middleware(anonymous)  # nothing was stored for it
    assert anonymous.content == first.content


def test_logged_in_conditional_request_is_answered_afresh(world, agency_user, client):
    etag = client.get("/api/v1/news/")["ETag"]
    logged_in = Client()
    logged_in.force_login(agency_user)
    response = logged_in.get("/api/v1/news/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert not served_by_middleware(response)


def test_any_session_cookie_bypasses_the_cache(world, client, settings):
    plant("/api/v1/news/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "irgendeine-sitzung"
    response = client.get("/api/v1/news/")
    assert not served_by_middleware(response)
    assert "planted" not in response.content.decode()


def test_authorization_header_bypasses_the_cache(world, client):
    plant("/api/v1/news/")
    response = client.get("/api/v1/news/", HTTP_AUTHORIZATION="Bearer abc")
    assert not served_by_middleware(response)
    assert "planted" not in response.content.decode()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_writes_never_get_a_stored_answer(world, client, method):
    plant("/api/v1/clubs/")
    response = getattr(client, method)("/api/v1/clubs/")
    assert "planted" not in response.content.decode()
    assert not served_by_middleware(response)


def test_other_cookies_do_not_change_the_answer(world, client):
    client.get("/api/v1/news/")
    client.cookies["csrftoken"] = "x" * 32
    response = client.get("/api/v1/news/")
    assert served_by_middleware(response)


def test_drafts_never_leave_through_the_cache(world, agency_user, client):
    """An editor and a visitor ask for the same lists; neither answer shows a draft, whichever
    of them asked first."""
    logged_in = Client()
    logged_in.force_login(agency_user)
    for url in ENDPOINTS[:5]:
        for first, second in ((logged_in, client), (client, logged_in)):
            cache.clear()
            for response in (first.get(url), second.get(url), client.get(url)):
                assert SECRET not in response.content.decode(), url


def test_endpoints_for_logged_in_users_are_never_stored(world, agency_user, client):
    logged_in = Client()
    logged_in.force_login(agency_user)
    assert logged_in.get("/api/v1/bookings/").status_code == 200
    anonymous = client.get("/api/v1/bookings/")
    assert anonymous.status_code == 403
    assert not served_by_middleware(anonymous)


def test_errors_are_not_served_from_the_cache(world, client):
    client.get("/api/v1/clubs/?limit=500")
    again = client.get("/api/v1/clubs/?limit=500")
    assert again.status_code == 400
    assert not served_by_middleware(again)


def test_other_paths_are_left_alone(world, client):
    response = client.get("/admin/login/")
    assert not served_by_middleware(response)
