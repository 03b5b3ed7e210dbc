"""The events, calendar and feed endpoints are described in the OpenAPI document."""

import pytest
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate


@pytest.fixture(scope="module")
def schema():
    document = SchemaGenerator().get_schema(request=None, public=True)
    validate(document)
    return document


def operation(schema, path):
    return schema["paths"][path]["get"]


def parameter_names(op):
    return {parameter["name"] for parameter in op["parameters"]}


FILTERS = {"from", "to", "municipality", "focus", "category", "language", "locale"}


def test_event_list(schema):
    op = operation(schema, "/api/v1/events/")
    assert parameter_names(op) == FILTERS | {"club", "per_club", "limit", "offset"}
    (per_club,) = [p for p in op["parameters"] if p["name"] == "per_club"]
    assert per_club["schema"]["type"] == "integer"
    listing = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert listing.endswith("/PaginatedEventOccurrenceList")
    fields = schema["components"]["schemas"]["EventOccurrence"]["properties"]
    assert {
        "id",
        "title",
        "club",
        "start",
        "end",
        "all_day",
        "location",
        "category",
        "cost",
    } <= set(fields)
    assert {"languages", "registration_url", "url", "locale", "direction"} <= set(fields)


@pytest.mark.parametrize(
    ("path", "media_type", "parameters"),
    [
        ("/api/v1/events.ics", "text/calendar", FILTERS | {"club"}),
        ("/api/v1/clubs/{slug}/events.ics", "text/calendar", FILTERS | {"slug"}),
        ("/api/v1/news.atom", "application/atom+xml", {"locale"}),
        ("/api/v1/clubs/{slug}/news.atom", "application/atom+xml", {"locale", "slug"}),
    ],
)
def test_calendars_and_feeds_are_text(schema, path, media_type, parameters):
    op = operation(schema, path)
    assert parameter_names(op) == parameters
    assert op["responses"]["200"]["content"][media_type]["schema"]["type"] == "string"
    assert "application/json" in op["responses"]["400"]["content"]
    if "{slug}" in path:
        assert "application/json" in op["responses"]["404"]["content"]
