"""Every hostile file of the corpus is refused in the admin (single add view and multiple
uploader) with a German message, without a 500 and without leaving a row or a file behind;
the good files are accepted, and photos lose their location data."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.factories import ClubFactory

from .corpus import (
    GOOD_DOCUMENTS,
    GOOD_IMAGES,
    GPS_IFD,
    HOSTILE_DOCUMENTS,
    HOSTILE_IMAGES,
    ORIENTATION,
    photo_with_gps,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    """A club editor in the admin, uploading into the club's collection."""
    club = ClubFactory()
    client.force_login(club.editor)
    client.collection = club.tenant.collection
    return client


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def assert_nothing_stored(model):
    assert not model.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_image_is_refused_in_the_add_view(editor_client, case):
    hostile = HOSTILE_IMAGES[case]
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Feindliche Datei",
            "collection": editor_client.collection.pk,
            "file": upload(hostile.filename, hostile.content),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(hostile.expected in error for error in errors), errors
    assert hostile.expected in response.content.decode()
    assert_nothing_stored(Image)


@pytest.mark.parametrize("case", HOSTILE_IMAGES)
def test_hostile_image_is_refused_by_the_multiple_uploader(editor_client, case):
    hostile = HOSTILE_IMAGES[case]
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": editor_client.collection.pk,
            "files[]": upload(hostile.filename, hostile.content),
        },
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert hostile.expected in answer["error_message"], answer["error_message"]
    assert_nothing_stored(Image)


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_hostile_document_is_refused_in_the_add_view(editor_client, case):
    hostile = HOSTILE_DOCUMENTS[case]
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Feindliches Dokument",
            "collection": editor_client.collection.pk,
            "file": upload(hostile.filename, hostile.content),
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(hostile.expected in error for error in errors), errors
    assert_nothing_stored(Document)


@pytest.mark.parametrize("case", HOSTILE_DOCUMENTS)
def test_hostile_document_is_refused_by_the_multiple_uploader(editor_client, case):
    hostile = HOSTILE_DOCUMENTS[case]
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "collection": editor_client.collection.pk,
            "files[]": upload(hostile.filename, hostile.content),
        },
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert hostile.expected in answer["error_message"], answer["error_message"]
    assert_nothing_stored(Document)


@pytest.mark.parametrize("case", GOOD_IMAGES)
def test_good_images_are_accepted(editor_client, case):
    filename, build = GOOD_IMAGES[case]
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": editor_client.collection.pk, "files[]": upload(filename, build())},
    )
    assert response.json()["success"] is True, response.json()
    image = Image.objects.get()
    assert image.collection == editor_client.collection
    assert Path(image.file.path).is_file()


@pytest.mark.parametrize("case", GOOD_DOCUMENTS)
def test_good_documents_are_accepted(editor_client, case):
    filename, build = GOOD_DOCUMENTS[case]
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": editor_client.collection.pk, "files[]": upload(filename, build())},
    )
    assert response.json()["success"] is True, response.json()
    assert Document.objects.get().collection == editor_client.collection


def exif_of(image: Image):
    with image.file.open("rb") as stored, PILImage.open(io.BytesIO(stored.read())) as opened:
        return opened.getexif(), opened.size, dict(opened.info)


def test_upload_of_a_phone_photo_drops_its_location(editor_client):
    original = photo_with_gps()
    with PILImage.open(io.BytesIO(original)) as source:
        assert source.getexif().get_ifd(GPS_IFD)  # the test photo really has a position

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Vereinsfest",
            "description": "Mitglieder beim Sommerfest im Park",
            "collection": editor_client.collection.pk,
            "file": upload("handy.jpg", original),
        },
    )
    assert response.status_code == 302
    image = Image.objects.get()
    exif, size, info = exif_of(image)
    assert not exif.get_ifd(GPS_IFD)
    assert len(exif) == 0
    assert "xmp" not in info
    assert size == (60, 30)
    assert (image.width, image.height) == (60, 30)
    with image.file.open("rb") as stored:
        stored_bytes = stored.read()
    assert image.file_size == len(stored_bytes)
    assert b"Telefon 12" not in stored_bytes


def test_orientation_is_applied_before_the_metadata_goes(editor_client):
    # Orientation 6: the camera was turned; the picture is shown rotated by 90°.
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": editor_client.collection.pk,
            "files[]": upload("hochkant.jpg", photo_with_gps(orientation=6)),
        },
    )
    assert response.json()["success"] is True
    image = Image.objects.get()
    exif, size, _info = exif_of(image)
    assert size == (30, 60)
    assert (image.width, image.height) == (30, 60)
    assert ORIENTATION not in exif
    assert not exif.get_ifd(GPS_IFD)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_images_saved_by_code_lose_their_location_too(fmt):
    """Not only the admin: any image saved with a new file (API, shell, imports)."""
    from django.core.files.base import ContentFile

    data = photo_with_gps(fmt=fmt)
    image = Image.objects.create(
        title="Von einem Skript", file=ContentFile(data, name=f"skript.{fmt.lower()}")
    )
    exif, size, _info = exif_of(image)
    assert not exif.get_ifd(GPS_IFD)
    assert size == (60, 30)


def test_an_image_without_metadata_is_stored_unchanged(editor_client):
    filename, build = GOOD_IMAGES["png"]
    content = build()
    editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"collection": editor_client.collection.pk, "files[]": upload(filename, content)},
    )
    with Image.objects.get().file.open("rb") as stored:
        assert stored.read() == content
