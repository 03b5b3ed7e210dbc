"""Faults: the cache or the database goes away and comes back; the application answers
fast, never with a 500, and recovers by itself."""

import concurrent.futures
import logging
import time

import pytest
from django.db import OperationalError, connections
from django.test import Client, override_settings

from tests.factories import ClubFactory

from .proxy import TcpProxy

REDIS = ("127.0.0.1", 6379)


def redis_cache(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/15",
            "KEY_PREFIX": "faults",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


def redis_available() -> bool:
    import socket

    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


# --- The 500 handler ------------------------------------------------------------------------


@pytest.fixture
def failing_client(db):
    return Client(raise_request_exception=False)


def test_database_outage_in_the_api_is_a_fast_json_503(failing_client, monkeypatch):
    from cms.api import municipalities

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(municipalities.MunicipalityListView, "get", down)
    response = failing_client.get("/api/v1/municipalities/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json()["code"] == "service_unavailable"


def test_database_outage_on_a_page_is_a_german_503_page(failing_client, monkeypatch):
    from cms.homepages import views

    def down(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views, "site_root", down)
    response = failing_client.get("/vereine/irgendwer/")
    assert response.status_code == 503
    assert "Kurz nicht erreichbar" in response.content.decode()


def test_a_real_bug_stays_a_500_without_details(failing_client, monkeypatch):
    from cms.api import municipalities

    def broken(*args, **kwargs):
        raise KeyError("secret internal detail")

    monkeypatch.setattr(municipalities.MunicipalityListView, "get", broken)
    response = failing_client.get("/api/v1/municipalities/")
    assert response.status_code == 500
    assert response.json()["code"] == "server_error"
    assert "secret" not in response.content.decode()


# --- Redis ------------------------------------------------------------------------------------


@pytest.mark.skipif(not redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_api_keeps_answering_while_redis_is_stopped_and_uses_it_again(db, caplog):
    from django.core.cache import cache

    ClubFactory("Anadolu Kulturverein e. V.")
    client = Client()
    with (
        TcpProxy(*REDIS) as proxy,
        override_settings(CACHES=redis_cache(proxy.port), DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=True),
    ):
        cache.clear()
        first = client.get("/api/v1/clubs/")
        assert first.status_code == 200
        assert cache.keys("*"), "the API response was cached in Redis"

        proxy.stop()
        caplog.set_level(logging.ERROR)
        started = time.perf_counter()
        for _ in range(3):
            response = client.get("/api/v1/clubs/")
            assert response.status_code == 200
            assert response.json() == first.json()
        assert time.perf_counter() - started < 10, "a stopped Redis must not stall requests"
        assert any("django_redis" in record.name for record in caplog.records)

        proxy.start()
        cache.set("faults-probe", "back", 30)
        assert cache.get("faults-probe") == "back"
        assert client.get("/api/v1/clubs/").status_code == 200
        cache.clear()


# --- PostgreSQL restarted under load ---------------------------------------------------------


def _is_postgres() -> bool:
    return connections["default"].vendor == "postgresql"


@pytest.mark.skipif(
    not _is_postgres(), reason="needs PostgreSQL (the suite's PostgreSQL run executes it)"
)
# Committed data, and the data the migrations created brought back for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_restart_under_load_fails_fast_with_503_and_recovers():
    from django.core.cache import cache

    ClubFactory("Anadolu Kulturverein e. V.")
    settings_dict = connections.settings["default"]
    original = (settings_dict["HOST"], settings_dict["PORT"])
    proxy = TcpProxy(original[0] or "127.0.0.1", int(original[1] or 5432))
    proxy.start()

    def fetch(_n):
        started = time.perf_counter()
        response = Client(raise_request_exception=False).get("/api/v1/municipalities/")
        connections.close_all()
        return response.status_code, time.perf_counter() - started

    def load(requests: int):
        cache.clear()  # answers from the cache would not need the database
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            return list(pool.map(fetch, range(requests)))

    try:
        connections["default"].close()
        settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(proxy.port)
        before = load(8)
        assert {status for status, _s in before} == {200}

        proxy.stop()  # the database goes away: every open connection breaks
        during = load(8)
        assert {status for status, _s in during} == {503}
        assert max(seconds for _status, seconds in during) < 5, "requests must fail fast"

        proxy.start()  # the database is back on the same address
        after = load(8)
        assert {status for status, _s in after} == {200}
    finally:
        connections["default"].close()
        settings_dict["HOST"], settings_dict["PORT"] = original
        proxy.stop()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/funding-programmes/?club=a%00b",
        "/api/v1/clubs/?q=%00",
        "/api/v1/events/?club%00=x",
        "/de/?x=%00",
    ],
)
def test_a_nul_character_in_a_parameter_is_a_400_not_a_500(db, path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 400
    if path.startswith("/api/"):
        assert response.json()["code"] == "invalid_parameter"
