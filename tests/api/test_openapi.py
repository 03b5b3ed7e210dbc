"""The OpenAPI document is valid and documents every domain endpoint; the interactive docs
work without any CDN."""

import re

import yaml
from openapi_spec_validator import validate


def test_schema_is_valid_openapi(client, db):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/v1/clubs/",
        "/api/v1/clubs/{slug}/",
        "/api/v1/clubs/{slug}/bundle/",
        "/api/v1/news/",
        "/api/v1/search/",
    ]:
        assert path in paths, path
    assert not any(path.startswith("/admin/") or path.startswith("/api/v2/") for path in paths)
    club_params = {param["name"] for param in paths["/api/v1/clubs/"]["get"]["parameters"]}
    assert {
        "municipality",
        "country",
        "language",
        "focus",
        "tag",
        "established",
        "q",
        "ordering",
        "limit",
        "offset",
        "locale",
    } <= club_params


def test_schema_as_yaml_is_valid(client, db):
    response = client.get("/api/v1/schema/")
    validate(yaml.safe_load(response.content))


def test_list_responses_document_facets_and_pagination(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    ok = schema["paths"]["/api/v1/clubs/"]["get"]["responses"]["200"]
    ref = ok["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    properties = schema["components"]["schemas"][ref]["properties"]
    assert {"count", "next", "previous", "results", "facets"} <= set(properties)


def test_docs_are_served_from_local_assets(client, db):
    for url in ["/api/v1/docs/", "/api/v1/docs/redoc/"]:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        external = [
            src
            for src in re.findall(r'(?:src|href)="([^"]+)"', html)
            if src.startswith("http") and "testserver" not in src
        ]
        assert external == [], external
        assert "/_static/drf_spectacular_sidecar/" in html
