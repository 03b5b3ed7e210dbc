"""Nothing that is not public may leave through any endpoint: drafts, unpublished changes,
pages under an unpublished club, pages restricted by login, password or group (and below
them), unconsented contact details and photos, board composition, unused images and
documents, unpublished translations."""

import pytest

from .conftest import SECRET

LIST_ENDPOINTS = [
    "/api/v1/clubs/",
    "/api/v1/clubs/?limit=100&ordering=-updated",
    f"/api/v1/clubs/?q={SECRET}",
    "/api/v1/clubs/?locale=tr",
    "/api/v1/clubs/offener-kulturverein-e-v/",
    "/api/v1/clubs/offener-kulturverein-e-v/?locale=tr",
    "/api/v1/clubs/offener-kulturverein-e-v/bundle/",
    "/api/v1/clubs/offener-kulturverein-e-v/bundle/?locale=tr",
    "/api/v1/clubs/sportverein-anatolien-e-v/bundle/",
    "/api/v1/news/",
    "/api/v1/news/?locale=tr",
    f"/api/v1/news/?q={SECRET}",
    f"/api/v1/search/?q={SECRET}",
    f"/api/v1/search/?q={SECRET}&locale=tr",
    "/api/v1/search/?q=intern",
    "/api/v1/search/?q=Mitgliederbereich",
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?limit=100&locale=tr",
    "/api/v2/pages/?type=clubs.ClubPage&fields=*",
    "/api/v2/pages/?type=clubs.NewsPage&fields=*",
    "/api/v2/pages/?type=clubs.ContentPage&fields=*",
    "/api/v2/pages/?type=clubs.GalleryPage&fields=*",
    f"/api/v2/pages/?search={SECRET}",
    "/api/v2/images/?limit=100",
    "/api/v2/images/?limit=100&fields=*",
    "/api/v2/documents/?limit=100",
]


@pytest.fixture
def world(shared_world, db):
    """Read-only tests share one district per module."""
    return shared_world


@pytest.mark.parametrize("url", LIST_ENDPOINTS)
def test_no_endpoint_leaks(client, world, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    body = response.content.decode()
    leaks = {
        "draft, unpublished change, restricted page, unpublished club or translation": SECRET,
        "unconsented contact": "geheim@example.org",
        "unconsented phone": "999999",
        "board composition": "board",
    }
    for scenario, marker in leaks.items():
        assert marker not in body, f"{scenario} leaks through {url}"


def secret_pages(world):
    return {
        "draft": world.draft_news,
        "unpublished club": world.hidden_club,
        "page under unpublished club": world.news_under_hidden,
        "login": world.login_page,
        "below login": world.below_login,
        "password": world.password_page,
        "group": world.group_page,
        "unpublished translation": world.changed_news_tr,
    }


@pytest.mark.parametrize(
    "scenario",
    [
        "draft",
        "unpublished club",
        "page under unpublished club",
        "login",
        "below login",
        "password",
        "group",
        "unpublished translation",
    ],
)
def test_hidden_pages_are_not_found_in_v2(client, world, scenario):
    page = secret_pages(world)[scenario]
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "image_name", ["draft_image", "restricted_image", "unconsented_image", "unused_image"]
)
def test_images_not_in_public_content_are_not_found_in_v2(client, world, image_name):
    image = getattr(world, image_name)
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 404


def test_public_images_and_documents_are_found_in_v2(client, world):
    for image in (world.public_image, world.logo, world.consented_image):
        assert client.get(f"/api/v2/images/{image.pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{world.public_document.pk}/").status_code == 200
    assert client.get(f"/api/v2/documents/{world.restricted_document.pk}/").status_code == 404


@pytest.mark.parametrize("suffix", ["", "bundle/"])
def test_unpublished_club_is_not_found(client, world, suffix):
    response = client.get(f"/api/v1/clubs/{world.hidden_club.slug}/{suffix}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_contact_and_address_only_with_consent(client, world):
    hidden = client.get(f"/api/v1/clubs/{world.club.slug}/").json()
    assert hidden["contact"] is None
    assert hidden["address"] is None
    assert "Vereinsstraße" not in client.get(f"/api/v2/pages/{world.club.pk}/").content.decode()
    shown = client.get(f"/api/v1/clubs/{world.consenting_club.slug}/").json()
    assert shown["contact"]["email"] == "ayse@example.org"
    assert shown["address"]["city"] == "Jülich"
    v2 = client.get(f"/api/v2/pages/{world.consenting_club.pk}/").json()
    assert v2["contact"]["name"] == "Ayşe Yılmaz"
    assert client.get(f"/api/v2/pages/{world.club.pk}/").json()["contact"] is None


def test_board_fields_cannot_be_requested_from_v2(client, world):
    response = client.get(f"/api/v2/pages/{world.club.pk}/?fields=board_women")
    assert response.status_code == 400


def test_only_published_version_of_a_changed_page(client, world):
    response = client.get(f"/api/v2/pages/{world.changed_news.pk}/")
    assert response.json()["title"] == "Jahreshauptversammlung"


def test_gallery_shows_only_consented_photos(client, world):
    bundle = client.get(f"/api/v1/clubs/{world.club.slug}/bundle/").json()
    gallery = next(page for page in bundle["pages"] if page["type"] == "clubs.GalleryPage")
    assert [item["image"]["id"] for item in gallery["fields"]["images"]] == [
        world.consented_image.pk
    ]
    v2 = client.get(f"/api/v2/pages/{world.gallery.pk}/").json()
    assert [item["image"]["id"] for item in v2["images"]] == [world.consented_image.pk]


def test_logged_in_editors_see_nothing_more(client, world):
    """Reads are anonymous and cached for everyone: a session changes nothing."""
    client.force_login(world.club.editor)
    body = client.get("/api/v2/pages/?limit=100").content.decode()
    assert SECRET not in body
