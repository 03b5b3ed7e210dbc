import pytest

from tests.factories import ClubFactory

pytestmark = pytest.mark.django_db


def test_municipalities_with_coordinates_and_public_club_counts(
    client, django_assert_max_num_queries
):
    ClubFactory(municipality_name="Jülich")
    ClubFactory(municipality_name="Jülich")
    ClubFactory(municipality_name="Jülich", publish=False)
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/municipalities/")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()}
    assert len(rows) == 15
    assert rows["Jülich"]["club_count"] == 2
    assert rows["Jülich"]["ags"] == "05358024"
    assert 50.8 < rows["Jülich"]["latitude"] < 51.0
    assert rows["Heimbach"]["club_count"] == 0
    assert response["ETag"] and "public" in response["Cache-Control"]


def test_municipalities_reject_unknown_parameters(client):
    response = client.get("/api/v1/municipalities/?bogus=1")
    assert response.status_code == 400
    assert "bogus" in response.content.decode()


def test_imprint_carries_the_address_only_once_the_club_chose_to(client):
    club = ClubFactory(street="Hinterhof 3", postal_code="52349", city="Düren")
    detail = client.get(f"/api/v1/clubs/{club.slug}/").json()
    assert detail["address"] is None and detail["imprint"]["address"] is None
    assert "Hinterhof" not in client.get(f"/api/v1/clubs/{club.slug}/bundle/").content.decode()

    club.imprint_representatives = "Ayşe Yılmaz (1. Vorsitzende)"
    club.save_revision().publish()
    detail = client.get(f"/api/v1/clubs/{club.slug}/").json()
    assert detail["address"] is None  # the profile still hides it
    assert detail["imprint"]["address"]["street"] == "Hinterhof 3"
