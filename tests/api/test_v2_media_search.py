"""``/api/v2/images/?search=`` and ``/api/v2/documents/?search=`` (issue 15, item 12): the
search works and finds only what the listing would show; bad input is a 400, never a 500."""

import pytest

from .conftest import SECRET


@pytest.fixture
def world(shared_world, db):
    return shared_world


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("endpoint", "word", "found"),
    [
        ("images", "Bild", {"Öffentliches Bild", "Bild mit Einwilligung"}),
        ("images", "x", set()),
        ("documents", "Satzung", {"Satzung"}),
        ("documents", "Protokoll", set()),
    ],
)
def test_search_finds_only_public_media(client, world, endpoint, word, found):
    for operator in ("", "and", "or"):
        query = {"search": word} | ({"search_operator": operator} if operator else {})
        result = titles(client.get(f"/api/v2/{endpoint}/", query))
        assert set(result) == found
        assert not any(SECRET in title for title in result)


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize(
    "query",
    [
        {"search": "x" * 201},
        {"search": "x", "search_operator": "xor"},
        {"search": "Bild", "order": "gibtsnicht"},
    ],
)
def test_bad_search_input_is_a_400(client, world, endpoint, query):
    assert client.get(f"/api/v2/{endpoint}/", query).status_code == 400
