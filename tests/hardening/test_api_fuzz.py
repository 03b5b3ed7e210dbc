"""Schemathesis against the published OpenAPI schema: generated requests for every operation
of /api/v1/ (a bounded number per operation), sent through the WSGI application.

No request may produce a 5xx, and every response must match the schema it claims (status
code documented, content type, body shape)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import ClubFactory, event_index, event_page, news_index, news_page

EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the WSGI application directly: Django's request signals would close
    the test's database connection, which is inside the test transaction (PostgreSQL does
    not survive that; sites.client.InProcessTransport does the same for the site builder)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, settings, keep_test_connection):
    from django.core.cache import cache
    from django.core.wsgi import get_wsgi_application

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        # The fuzzer posts many forms; throttling is tested elsewhere.
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}),
            "registrations": "100000/hour",
            "feedback": "100000/hour",
        },
    }
    cache.clear()
    club = ClubFactory("Anadolu Kulturverein e. V.")
    news_page(news_index(club), "Sommerfest")
    event_page(event_index(club), "Deutschkurs")
    return schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_no_server_error_and_responses_match_the_schema(api_schema):
    failures, operations = [], 0
    for result in api_schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            case.call_and_validate(checks=CHECKS)

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure
            failures.append(f"{operation.label}:\n{exc}")
    assert operations >= 10, "the schema lists the API's operations"
    assert not failures, "\n\n".join(failures)


# --- edge values and hostile bodies (issue 15, items 2 and 12) --------------------------------

EDGE_DATES = [
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59:59+14:00",
    "0001-01-01T00:00:00-12:00",
    "10000-01-01",
    "2026-02-30",
    "2026-01-01T00:00:00+99:00",
    "1969-12-31T23:59:59Z",
]
EDGE_NUMBERS = [
    "99999999999999999999999",
    "9223372036854775808",
    "-99999999999999999999",
    "-1",
    "0",
    "1e309",
    "NaN",
    "١٢",
]
DATE_NAMES = ("from", "to", "date_from", "date_to", "updated_since")
V2_ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]
MEGABYTE = 1024 * 1024


def edge_values(parameter: dict) -> list[str]:
    schema = parameter.get("schema", {})
    if schema.get("type") == "integer":
        return EDGE_NUMBERS
    if schema.get("format") in ("date", "date-time") or parameter["name"] in DATE_NAMES:
        return EDGE_DATES
    return []


def operations(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if isinstance(operation, dict) and "responses" in operation:
                yield path, method, operation


def fill_path(path: str, slug: str, values: dict | None = None) -> str:
    values = {"slug": slug, "id": "1", "key": "impressum", **(values or {})}
    for name, value in values.items():
        path = path.replace("{" + name + "}", value)
    return path


@pytest.fixture
def edge_world(db, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}),
            "registrations": "100000/hour",
            "feedback": "100000/hour",
        },
    }
    club = ClubFactory("Anadolu Kulturverein e. V.")
    news_page(news_index(club), "Sommerfest")
    event_page(event_index(club), "Deutschkurs", recurrence="FREQ=WEEKLY")
    return club


def test_every_date_and_number_parameter_is_bounded(client, edge_world):
    """Every date and number parameter the schema lists (query and path), with the values
    that overflowed before: a 4xx, never a 5xx."""
    server_errors, tried = [], 0
    for path, method, operation in operations(client):
        if method != "get":
            continue
        for parameter in operation.get("parameters", []):
            for value in edge_values(parameter):
                if parameter["in"] == "path":
                    url = fill_path(path, edge_world.slug, {parameter["name"]: value})
                    query = {}
                else:
                    url, query = fill_path(path, edge_world.slug), {parameter["name"]: value}
                tried += 1
                status = client.get(url, query).status_code
                if status >= 500:
                    server_errors.append(f"{status} GET {url} {query}")
    for url in V2_ENDPOINTS:
        for name in ("offset", "limit"):
            for value in EDGE_NUMBERS:
                tried += 1
                status = client.get(url, {name: value}).status_code
                if status >= 500:
                    server_errors.append(f"{status} GET {url} {name}={value}")
    assert tried > 100
    assert not server_errors, "\n".join(server_errors)


def test_the_reproductions_are_refused(client, edge_world):
    assert client.get("/api/v2/pages/", {"offset": "99999999999999999999999"}).status_code == 400
    for url in ("/api/v1/events/", "/api/v1/events.ics"):
        for value in ("9999-12-31", "0001-01-01"):
            assert client.get(url, {"from": value}).status_code == 400, (url, value)
    assert client.get("/api/v1/rooms/1/availability/", {"from": "9999-12-31"}).status_code in (
        400,
        404,
    )


def hostile_bodies():
    yield "oversized", b'{"message": "' + b"a" * (MEGABYTE + 10) + b'"}', {413}
    yield "deep list", b"[" * 50_000 + b"]" * 50_000, {400}
    yield "deep object", b'{"a":' * 5_000 + b"1" + b"}" * 5_000, {400}
    yield "not json", b"{'a': NaN}", {400}


@pytest.mark.parametrize(("name", "body", "expected"), list(hostile_bodies()))
def test_hostile_json_bodies_on_every_write(client, edge_world, name, body, expected):
    """Every POST operation of the schema: public forms answer 413/400 with a JSON error;
    writes that need a login refuse before they read the body (403)."""
    answers = {}
    for path, method, _operation in operations(client):
        if method not in ("post", "put", "patch"):
            continue
        url = fill_path(path, edge_world.slug)
        response = getattr(client, method)(url, body, content_type="application/json")
        answers[f"{method.upper()} {url}"] = response.status_code
        assert response.status_code < 500, (url, response.status_code)
        assert response["Content-Type"].startswith("application/json"), url
    assert answers
    public = {key: status for key, status in answers.items() if status != 403}
    assert public, "the public forms are among the writes"
    assert set(public.values()) <= expected, public
