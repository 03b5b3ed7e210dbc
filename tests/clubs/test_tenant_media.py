"""A club editor can only put their own club's images and documents into pages: in image
fields, in StreamField blocks and in gallery rows (a posted id of another club's image is
refused, even though the choosers never offer it)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.clubs.models import ContentPage, GalleryPage
from tests.factories import ClubFactory, add_child, document, image

pytestmark = pytest.mark.django_db


@pytest.fixture
def clubs():
    own, other = ClubFactory(), ClubFactory()
    return own, other


def post(client, user, page, data):
    client.force_login(user)
    response = client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)
    page.refresh_from_db()
    return response


def content_data(page, blocks):
    return nested_form_data({"title": page.title, "slug": page.slug, "body": streamfield(blocks)})


@pytest.mark.parametrize("owner", ["own", "other"])
def test_image_block_in_a_content_page(client, clubs, owner):
    own, other = clubs
    page = add_child(own, ContentPage(title="Über uns", slug="ueber-uns"))
    picture = image((own if owner == "own" else other).tenant.collection)
    data = content_data(page, [("image", {"image": picture.pk, "caption": "", "alt_text": ""})])
    response = post(client, own.editor, page, data)
    saved = page.get_latest_revision_as_object().body
    if owner == "own":
        assert response.status_code == 302
        assert saved[0].value["image"].pk == picture.pk
    else:
        assert response.status_code == 200
        assert "nicht zu Ihrem Verein" in response.content.decode()
        assert len(saved) == 0


def test_document_block_of_another_club_is_refused(client, clubs):
    own, other = clubs
    page = add_child(own, ContentPage(title="Satzung", slug="satzung"))
    foreign = document(other.tenant.collection)
    data = content_data(page, [("document", {"document": foreign.pk, "title": "Satzung"})])
    response = post(client, own.editor, page, data)
    assert response.status_code == 200
    assert "nicht zu Ihrem Verein" in response.content.decode()
    assert len(page.get_latest_revision_as_object().body) == 0


def test_gallery_row_with_another_clubs_image_is_refused(client, clubs):
    own, other = clubs
    gallery = add_child(own, GalleryPage(title="Fotos", slug="fotos"))
    foreign = image(other.tenant.collection)
    data = nested_form_data(
        {
            "title": "Fotos",
            "slug": "fotos",
            "gallery_images": inline_formset(
                [{"image": foreign.pk, "caption": "", "photo_consent": "on"}]
            ),
        }
    )
    response = post(client, own.editor, gallery, data)
    assert response.status_code == 200
    assert "gehört nicht zu Ihrem Verein" in response.content.decode()
    assert not gallery.get_latest_revision_as_object().gallery_images.exists()


def test_the_agency_may_use_any_image(client, clubs, agency_user):
    own, other = clubs
    page = add_child(own, ContentPage(title="Über uns", slug="ueber-uns"))
    picture = image(other.tenant.collection)
    data = content_data(page, [("image", {"image": picture.pk, "caption": "", "alt_text": ""})])
    assert post(client, agency_user, page, data).status_code == 302


def test_an_image_already_on_the_page_may_stay(client, clubs, agency_user):
    """The agency placed a shared picture; the club editor can still edit the page."""
    own, other = clubs
    shared = image(other.tenant.collection)
    page = add_child(own, ContentPage(title="Über uns", slug="ueber-uns"))
    blocks = [("image", {"image": shared.pk, "caption": "", "alt_text": ""})]
    assert post(client, agency_user, page, content_data(page, blocks)).status_code == 302
    page.refresh_from_db()
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert post(client, own.editor, page, content_data(page, blocks)).status_code == 302
