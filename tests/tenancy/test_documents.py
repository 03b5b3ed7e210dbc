"""Documents are private by default (#17 item 5; cms/tenancy/documents.py), and the media
route hands out renditions only (#15 item 5; cms/tenancy/media.py)."""

import importlib
import json

import pytest
from django.urls import clear_url_caches, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.images.models import Image

import cms.urls
from cms.clubs.models import ContentPage
from cms.tenancy.models import DocumentRelease
from tests.factories import AgencyUserFactory, ClubFactory, add_child, document, image

ACTORS = ("anonymous", "other_club", "own_club", "agency")
# What each actor gets, per state of the document.
EXPECTED = {
    "linked_from_live_page": {"anonymous": 200, "other_club": 200, "own_club": 200, "agency": 200},
    "unlinked": {"anonymous": 404, "other_club": 404, "own_club": 200, "agency": 200},
    "explicitly_public": {"anonymous": 200, "other_club": 200, "own_club": 200, "agency": 200},
    "linked_and_public_but_club_unpublished": {
        "anonymous": 404,
        "other_club": 404,
        "own_club": 200,
        "agency": 200,
    },
    "linked_from_a_draft_only": {
        "anonymous": 404,
        "other_club": 404,
        "own_club": 200,
        "agency": 200,
    },
}


def linking_page(club, doc, publish=True):
    body = [
        {
            "type": "text",
            "value": f'<p>Die <a linktype="document" id="{doc.pk}">Satzung</a>.</p>',
        }
    ]
    return add_child(
        club, ContentPage(title="Satzung", slug="satzung", body=json.dumps(body)), publish=publish
    )


def make_document(state: str):
    club = ClubFactory(publish=state != "linked_and_public_but_club_unpublished")
    doc = document(collection=club.tenant.collection, title="Mitgliederliste")
    if state in ("linked_from_live_page", "linked_and_public_but_club_unpublished"):
        linking_page(club, doc)
    if state == "linked_from_a_draft_only":
        linking_page(club, doc, publish=False)
    if state in ("explicitly_public", "linked_and_public_but_club_unpublished"):
        DocumentRelease.objects.create(document=doc, public=True)
    return club, doc


def login(client, actor, club):
    user = {
        "anonymous": None,
        "other_club": ClubFactory().editor if actor == "other_club" else None,
        "own_club": club.editor,
        "agency": AgencyUserFactory() if actor == "agency" else None,
    }[actor]
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize(
    ("state", "actor"),
    [
        pytest.param(state, actor, id=f"{actor}-{state}-{EXPECTED[state][actor]}")
        for state in EXPECTED
        for actor in ACTORS
    ],
)
def test_who_downloads_a_document(state, actor, client, db):
    club, doc = make_document(state)
    login(client, actor, club)
    assert client.get(doc.url).status_code == EXPECTED[state][actor]


@pytest.mark.parametrize("state", list(EXPECTED))
def test_the_api_lists_exactly_the_documents_anyone_may_download(state, client, db):
    _club, doc = make_document(state)
    listed = {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert (doc.pk in listed) == (EXPECTED[state]["anonymous"] == 200)


def test_a_document_url_cannot_be_guessed(client, db):
    """Ids are counted up, but a private document answers exactly like a missing one."""
    club, doc = make_document("unlinked")
    missing = client.get(reverse("wagtaildocs_serve", args=(doc.pk + 1000, doc.filename)))
    private = client.get(doc.url)
    assert private.status_code == missing.status_code == 404


def test_the_club_marks_a_document_public_in_the_admin(client, db):
    club = ClubFactory()
    doc = document(collection=club.tenant.collection, title="Flyer")
    client.force_login(club.editor)
    edit = reverse("wagtaildocs:edit", args=(doc.pk,))
    form = client.get(edit).content.decode()
    assert "öffentlich" in form
    assert client.get(doc.url).status_code == 200  # the editor
    client.logout()
    assert client.get(doc.url).status_code == 404
    client.force_login(club.editor)
    data = {"title": "Flyer", "collection": doc.collection_id, "tags": "", "public": "on"}
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DocumentRelease.objects.get(document=doc).public
    client.logout()
    assert client.get(doc.url).status_code == 200
    client.force_login(club.editor)
    client.post(edit, {**data, "public": ""})
    client.logout()
    assert client.get(doc.url).status_code == 404


# --- the media route ---------------------------------------------------------------------------

SEGMENTS = st.sampled_from(
    ["", ".", "..", "images", "documents", "original_images", "%2e", "%2e%2e", "%2E%2E", "x"]
)


@pytest.fixture
def media_world(db):
    """A document and a photo of an unpublished club in this test's MEDIA_ROOT, with the URL
    conf built for it (a route that captured the media root at import would otherwise look
    elsewhere and pass by accident)."""
    reload_urls()
    yield make_media()
    reload_urls()


def reload_urls():
    importlib.reload(cms.urls)
    clear_url_caches()


def make_media():
    club = ClubFactory(publish=False)
    doc = document(collection=club.tenant.collection, title="Mitgliederliste")
    photo = image(collection=club.tenant.collection, title="Teestube")
    rendition = photo.get_rendition("fill-20x20")
    return doc, photo, rendition


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.lists(SEGMENTS, max_size=4), slashes=st.sampled_from(["/", "//", "/./"]))
def test_no_path_variant_reaches_documents_or_originals(prefix, slashes, media_world, client):
    """Any detour in front of ``documents/<file>`` or ``original_images/<file>``: never a 200
    with the file, never a 500."""
    doc, photo, _rendition = media_world
    secrets = {doc.file.name: doc.file, photo.file.name: photo.file}
    for name, field in secrets.items():
        field.open("rb")
        content = field.read()
        field.close()
        path = "/media" + slashes + "/".join([*prefix, name])
        response = client.get(path)
        assert response.status_code < 500, path
        if response.status_code == 200:
            body = b"".join(getattr(response, "streaming_content", [response.content]))
            assert body != content, path


@pytest.mark.parametrize(
    "variant",
    [
        "/media//{doc}",
        "/media/./{doc}",
        "/media/images/../{doc}",
        "/media/images/./../{doc}",
        "/media/%2e/{doc}",
        "/media/images/%2e%2e/{doc}",
        "/media/{doc}",
        "/media/{original}",
        "/media//{original}",
        "/media/images/../{original}",
    ],
)
def test_the_reported_variants_are_404(variant, media_world, client):
    doc, photo, _rendition = media_world
    path = variant.format(doc=doc.file.name, original=photo.file.name)
    assert client.get(path).status_code == 404, path


def test_renditions_are_served(media_world, client):
    _doc, _photo, rendition = media_world
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert rendition.url.startswith("/media/images/")


# --- rendition names ---------------------------------------------------------------------------


def test_image_files_and_renditions_carry_an_unguessable_key(db):
    club = ClubFactory()
    first = image(collection=club.tenant.collection, title="Teestube")
    second = image(collection=club.tenant.collection, title="Teestube")
    names = [first.file.name, second.file.name]
    assert names[0] != names[1]
    for name in names:
        stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        key = stem.rsplit("-", 1)[-1]
        assert len(key) == 20 and int(key, 16) >= 0, name
    rendition = first.get_rendition("fill-20x20")
    assert first.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0] in rendition.file.name
    assert Image.objects.filter(file__contains="bild.png").count() == 0
