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
