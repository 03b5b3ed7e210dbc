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


# --- rich text: every entity type, in rich-text blocks and rich-text fields (#15 item 4) ------


def contentstate(html: str) -> str:
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from cms.clubs.blocks import RICH_TEXT_FEATURES

    return ContentstateConverter(RICH_TEXT_FEATURES).from_database_format(html)


def entity_html(kind: str, target) -> str:
    return f'<p>Siehe <a linktype="{kind}" id="{target.pk}">hier</a>.</p>'


def rich_text_target(kind: str, owner: str, own, other):
    from wagtail.models import PageViewRestriction

    club = own if owner.startswith("own") else other
    if kind == "document":
        return document(club.tenant.collection)
    if owner in ("own", "other_public"):
        return add_child(club, ContentPage(title="Ziel", slug="ziel"))
    if owner in ("other_draft", "own_draft"):
        return add_child(club, ContentPage(title="Geheimer Entwurf", slug="ziel"), publish=False)
    target = add_child(club, ContentPage(title="Intern", slug="ziel"))
    PageViewRestriction.objects.create(page=target, restriction_type="login")
    return target


def post_rich_text(client, own, place: str, html: str):
    """The rich text in a content page's text block, or in the club page's description."""
    from tests.tenancy.admin_forms import page_form

    if place == "block":
        page = add_child(own, ContentPage(title="Über uns", slug="ueber-uns"))
        data = content_data(page, [("text", contentstate(html))])
        return post(client, own.editor, page, data), page, "body"
    url = reverse("wagtailadmin_pages:edit", args=(own.pk,))
    data = page_form(own.editor, url, description=contentstate(html))
    return post(client, own.editor, own, data), own, "description"


RICH_TEXT_CASES = [
    # (entity, owner of the target, accepted?)
    ("document", "own", True),
    ("document", "other", False),
    ("page", "own", True),
    ("page", "own_draft", True),
    ("page", "other_public", True),
    ("page", "other_draft", False),
    ("page", "other_private", False),
]


@pytest.mark.parametrize("place", ["block", "field"])
@pytest.mark.parametrize(
    ("kind", "owner", "accepted"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}") for case in RICH_TEXT_CASES],
)
def test_rich_text_entities(client, clubs, place, kind, owner, accepted):
    own, other = clubs
    target = rich_text_target(kind, owner, own, other)
    response, page, field = post_rich_text(client, own, place, entity_html(kind, target))
    value = getattr(page.get_latest_revision_as_object(), field)
    saved = str(list(value.raw_data)) if hasattr(value, "raw_data") else str(value)
    if accepted:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert f'id=\\"{target.pk}\\"' in saved or f'id="{target.pk}"' in saved
    else:
        assert response.status_code == 200
        content = response.content.decode()
        message = "nicht zu Ihrem Verein" if kind == "document" else "zu einer Seite, die nicht "
        assert message in content
        assert f"id={target.pk}" not in saved.replace('"', "").replace("\\", "")


def test_rich_text_image_embeds_of_another_club_are_refused(clubs):
    """Images are no rich-text feature of the editor, but stored rich text can carry them
    (the check reads Wagtail's storage format, whatever produced it)."""
    from cms.clubs.forms import FOREIGN_MEDIA, _foreign, media_in

    own, other = clubs
    foreign = image(other.tenant.collection)
    html = f'<embed embedtype="image" id="{foreign.pk}" format="left" alt=""/>'
    assert [m.pk for m in media_in(html)] == [foreign.pk]

    class Form:
        cleaned_data = {"description": html}

    allowed = {own.tenant.collection_id}
    assert _foreign(Form, {}, allowed, lambda pks: True) == {"description": FOREIGN_MEDIA}
