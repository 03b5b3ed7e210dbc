"""The club directory: filters, facets, ordering, pagination, errors."""

import pytest

from tests.factories import ClubFactory


@pytest.fixture
def directory(db):
    ClubFactory(
        "Alevitischer Kulturverein Düren",
        countries=("TR",),
        languages=("tr", "de"),
        focus=("Kultur", "Religion"),
        founding_year=1995,
        short_description="Saz-Kurse und Feste",
    )
    ClubFactory(
        "Syrischer Elternverein Jülich",
        municipality_name="Jülich",
        countries=("SY",),
        languages=("ar",),
        focus=("Eltern", "Bildung"),
        founding_year=2024,
        short_description="Hausaufgabenhilfe auf Arabisch",
    )
    club = ClubFactory(
        "Ukrainischer Sportverein",
        municipality_name="Jülich",
        countries=("UA",),
        languages=("uk", "ru"),
        focus=("Sport",),
        founding_year=2016,
        short_description="Fußball für Kinder",
    )
    club.tags.add("fussball")
    club.save_revision().publish()
    ClubFactory("Entwurf", publish=False, countries=("UA",))


def names(response):
    return [club["name"] for club in response.json()["results"]]


def test_directory_lists_public_clubs_by_name(client, directory):
    response = client.get("/api/v1/clubs/")
    assert response.status_code == 200
    assert names(response) == [
        "Alevitischer Kulturverein Düren",
        "Syrischer Elternverein Jülich",
        "Ukrainischer Sportverein",
    ]
    assert response.json()["count"] == 3


@pytest.mark.parametrize(
    "query, expected",
    [
        ("municipality=juelich", ["Syrischer Elternverein Jülich", "Ukrainischer Sportverein"]),
        ("municipality=juelich&municipality=dueren", None),
        ("country=SY", ["Syrischer Elternverein Jülich"]),
        ("country=ua", ["Ukrainischer Sportverein"]),
        ("language=ar", ["Syrischer Elternverein Jülich"]),
        ("language=UK", ["Ukrainischer Sportverein"]),
        ("focus=religion", ["Alevitischer Kulturverein Düren"]),
        ("focus=eltern&municipality=juelich", ["Syrischer Elternverein Jülich"]),
        ("tag=fussball", ["Ukrainischer Sportverein"]),
        ("established=false", ["Syrischer Elternverein Jülich"]),
        ("established=true", ["Alevitischer Kulturverein Düren", "Ukrainischer Sportverein"]),
        ("q=Hausaufgabenhilfe", ["Syrischer Elternverein Jülich"]),
        ("q=Saz", ["Alevitischer Kulturverein Düren"]),
        ("q=Fußball&municipality=dueren", []),
    ],
)
def test_filters(client, directory, query, expected):
    response = client.get(f"/api/v1/clubs/?{query}")
    assert response.status_code == 200, response.content
    if expected is None:
        assert len(names(response)) == 3
    else:
        assert names(response) == expected


@pytest.mark.parametrize(
    "ordering, first",
    [
        ("name", "Alevitischer Kulturverein Düren"),
        ("-name", "Ukrainischer Sportverein"),
        ("founding_year", "Alevitischer Kulturverein Düren"),
        ("-founding_year", "Syrischer Elternverein Jülich"),
        ("-updated", "Ukrainischer Sportverein"),
    ],
)
def test_ordering(client, directory, ordering, first):
    assert names(client.get(f"/api/v1/clubs/?ordering={ordering}"))[0] == first


def test_facets_count_the_filtered_set(client, directory):
    facets = client.get("/api/v1/clubs/?municipality=juelich").json()["facets"]
    assert facets["municipality"] == [{"value": "juelich", "label": "Jülich", "count": 2}]
    assert {item["value"]: item["count"] for item in facets["country"]} == {"SY": 1, "UA": 1}
    assert {item["value"] for item in facets["language"]} == {"ar", "uk", "ru"}
    assert {item["value"] for item in facets["focus"]} == {"eltern", "bildung", "sport"}


def test_facets_ignore_unpublished_clubs(client, directory):
    facets = client.get("/api/v1/clubs/").json()["facets"]
    assert {item["value"]: item["count"] for item in facets["country"]}["UA"] == 1


def test_pagination(client, directory):
    first = client.get("/api/v1/clubs/?limit=2").json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert [club["name"] for club in second["results"]] == ["Ukrainischer Sportverein"]
    assert second["next"] is None
    assert second["previous"]


def test_detail(client, directory):
    response = client.get("/api/v1/clubs/syrischer-elternverein-juelich/")
    assert response.status_code == 200
    club = response.json()
    assert club["name"] == "Syrischer Elternverein Jülich"
    assert club["established"] is False
    assert club["locale"] == "de"
    assert club["direction"] == "ltr"
    assert club["languages"][0] == {
        "tag": "ar",
        "name": "Arabisch",
        "native_name": "العربية",
        "direction": "rtl",
    }
    assert not any(key.startswith("board") for key in club)


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("municipality=atlantis", "municipality"),
        ("country=XX", "country"),
        ("country=Türkei", "country"),
        ("language=klingon", "language"),
        ("focus=nothing", "focus"),
        ("tag=unbekannt", "tag"),
        ("established=maybe", "established"),
        ("ordering=members", "ordering"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("limit=-1", "limit"),
        ("limit=0", "limit"),
        ("offset=-5", "offset"),
        ("offset=x", "offset"),
        ("offset=99999999999999999999999", "offset"),
        ("q=%00", "q"),
        ("locale=xx", "locale"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client, directory, query, parameter):
    response = client.get(f"/api/v1/clubs/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert body["code"] == "invalid_parameter"
    assert body["parameter"] == parameter
    assert parameter in body["errors"]


def test_unknown_club_is_404_json(client, directory):
    response = client.get("/api/v1/clubs/gibt-es-nicht/")
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "not_found",
        "detail": response.json()["detail"],
    }


def test_unknown_api_path_is_404_json(client, db):
    response = client.get("/api/v1/nichts/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_bad_detail_parameter_is_400(client, directory):
    response = client.get("/api/v1/clubs/ukrainischer-sportverein/?country=UA")
    assert response.status_code == 400
    assert response.json()["parameter"] == "country"


def test_summary_links_the_club_homepage(client, directory):
    """``homepage_url``: the built homepage on this host, or the club's own domain."""
    from cms.clubs.models import ClubPage

    club = ClubPage.objects.get(title="Ukrainischer Sportverein")
    club.own_domain = "sport-ua.example"
    club.save_revision().publish()
    results = client.get("/api/v1/clubs/").json()["results"]
    urls = {c["slug"]: c["homepage_url"] for c in results}
    assert urls == {
        "alevitischer-kulturverein-dueren": (
            "http://testserver/vereine/alevitischer-kulturverein-dueren/"
        ),
        "syrischer-elternverein-juelich": "http://testserver/vereine/syrischer-elternverein-juelich/",
        "ukrainischer-sportverein": "https://sport-ua.example/",
    }
    detail = client.get("/api/v1/clubs/syrischer-elternverein-juelich/").json()
    assert detail["homepage_url"] == urls["syrischer-elternverein-juelich"]
