"""A response that sets a cookie is never ``Cache-Control: public`` (issue 15, item 13): a
shared cache would hand one visitor's cookie to everyone. Matrix: every cached public endpoint
and the platform's pages × every way a request makes the server set or delete a cookie."""

import pytest
from django.conf import settings

from tests.api.test_cache_middleware import ENDPOINTS


@pytest.fixture
def world(shared_world, db):
    """Read-only: the district built once for the module."""
    return shared_world


PAGES = [*ENDPOINTS, "/api/v2/images/", "/api/v1/stats.csv", "/admin/login/"]
COOKIES = {
    "invalid session": {settings.SESSION_COOKIE_NAME: "kein-gueltiger-schluessel"},
    "empty session": {settings.SESSION_COOKIE_NAME: ""},
    "session and csrf": {settings.SESSION_COOKIE_NAME: "x" * 32, "csrftoken": "y" * 32},
}


def directives(response) -> set[str]:
    return {
        part.strip().split("=")[0].lower()
        for part in response.get("Cache-Control", "").split(",")
        if part.strip()
    }


@pytest.mark.parametrize("cookies", sorted(COOKIES))
@pytest.mark.parametrize("url", PAGES)
def test_no_public_caching_beside_set_cookie(client, world, url, cookies):
    for name, value in COOKIES[cookies].items():
        client.cookies[name] = value
    response = client.get(url)
    assert response.status_code < 500
    if response.cookies:
        assert "public" not in directives(response), (url, response["Cache-Control"])
        assert "s-maxage" not in directives(response)
        assert "private" in directives(response)


def test_an_invalid_session_cookie_is_deleted_privately(client, world):
    # An empty session cookie is invalid: the session middleware deletes it (Set-Cookie).
    client.cookies[settings.SESSION_COOKIE_NAME] = ""
    response = client.get(ENDPOINTS[0])
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME in response.cookies, "the reproduction sets a cookie"
    assert "public" not in directives(response)


def test_without_cookies_reads_stay_public(client, world):
    response = client.get(ENDPOINTS[0])
    assert not response.cookies
    assert "public" in directives(response)
