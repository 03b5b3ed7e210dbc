"""export_club / import_club: a club leaves as one archive and comes back identical — every
page in every language with its live state and pending drafts, profile, taxonomy, images and
documents with their files, references inside StreamFields and rich text, editors."""

import datetime
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from cms.clubs.models import ClubPage, ContentPage, GalleryImage, GalleryPage, MeetingTime
from cms.taxonomy.models import Language
from cms.tenancy.deletion import delete_tenant
from cms.tenancy.models import Tenant
from cms.tenancy.transfer import TransferError, export_club, import_club
from tests.factories import (
    ClubFactory,
    add_child,
    document,
    event_index,
    event_page,
    image,
    news_index,
    news_page,
)
from tests.plugins.helpers import translate


def build_rich_club():
    club = ClubFactory(
        "Anadolu Kulturverein e. V.",
        languages=("tr", "de", "ar"),
        contact_name="Ayşe Yılmaz",
        contact_email="ayse@example.org",
        contact_consent=True,
    )
    collection = club.tenant.collection
    editor = club.editor
    photo = image(collection, title="Sommerfest")
    hidden = image(collection, title="Ohne Einwilligung")
    statute = document(collection, title="Satzung")
    about = add_child(club, ContentPage(title="Über uns", slug="ueber-uns"))
    add_child(about, ContentPage(title="Vorstand", slug="vorstand"))
    add_child(club, ContentPage(title="Noch geheim", slug="geheim"), publish=False)
    news = news_index(club)
    article = news_page(
        news,
        "Sommerfest 2026",
        image=photo,
        body=json.dumps(
            [
                {
                    "type": "text",
                    "value": f'<p>Siehe <a linktype="page" id="{about.pk}">Über uns</a> und '
                    f'die <a linktype="document" id="{statute.pk}">Satzung</a>.</p>',
                },
                {
                    "type": "image",
                    "value": {"image": photo.pk, "caption": "Tanz", "alt_text": "Tanzende"},
                },
                {"type": "document", "value": {"document": statute.pk, "title": "Satzung"}},
            ]
        ),
    )
    article.tags.add("fest", "sommer")
    article.save_revision().publish()
    pending = news_page(news, "Kochabend")
    pending.title = "Kochabend (geändert, noch nicht veröffentlicht)"
    pending.save_revision()
    event = event_page(
        event_index(club),
        "Deutschkurs",
        start=datetime.datetime(2026, 12, 1, 18, tzinfo=datetime.UTC),
        recurrence="FREQ=WEEKLY",
    )
    event.languages.set(Language.objects.filter(tag__in=["de", "tr"]))
    event.save_revision().publish()
    gallery = add_child(club, GalleryPage(title="Bilder", slug="bilder"))
    GalleryImage.objects.create(page=gallery, image=photo, caption="Tanz", photo_consent=True)
    GalleryImage.objects.create(page=gallery, image=hidden, caption="Kinder", photo_consent=False)
    club = ClubPage.objects.get(pk=club.pk)
    club.description = f'<p>Wir <a linktype="page" id="{article.pk}">feiern</a>.</p>'
    club.logo = photo
    MeetingTime.objects.create(club=club, weekday=3, start_time=datetime.time(18, 30))
    club.save_revision().publish()
    translate(ClubPage.objects.get(pk=club.pk), "ar", title="جمعية الأناضول")
    translate(article, "ar", title="مهرجان الصيف")
    result = ClubPage.objects.get(pk=club.pk)
    result.tenant, result.editor = club.tenant, editor
    return result


def canonical(archive: bytes) -> dict:
    """The archive's content with media files as checksums (file names may differ)."""
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        data = json.loads(opened.read("club.json"))
        for entry in data["media"]:
            entry["file"] = hashlib.sha256(opened.read(entry["file"])).hexdigest()
    return data


@pytest.fixture
def rich_club(db, django_capture_on_commit_callbacks):
    return build_rich_club()


def test_a_club_comes_back_identical(rich_club, django_capture_on_commit_callbacks):
    archive = export_club(rich_club.slug)
    before = canonical(archive)
    assert len(before["pages"]) >= 12  # German tree and Arabic translations
    assert {entry["kind"] for entry in before["media"]} == {"image", "document"}
    assert before["editors"][0]["email"] == rich_club.editor.email

    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    assert not ClubPage.objects.filter(slug=rich_club.slug).exists()

    tenant = import_club(archive)
    after = canonical(export_club(rich_club.slug))
    assert after == before

    # And the restored club works as before.
    club = ClubPage.objects.get(pk=tenant.root_page_id)
    assert club.live and club.get_translations().filter(locale__language_code="ar").exists()
    news = club.get_descendants().type(Page).filter(title="Sommerfest 2026").get().specific
    assert news.image.title == "Sommerfest"
    assert sorted(news.tags.names()) == ["fest", "sommer"]
    body = json.loads(json.dumps(list(news.body.raw_data)))
    assert body[1]["value"]["image"] == news.image.pk
    about = club.get_descendants().get(slug="ueber-uns")
    assert f'id="{about.pk}"' in body[0]["value"]
    pending = club.get_descendants().get(slug__startswith="kochabend").specific
    assert pending.live and pending.has_unpublished_changes
    assert "geändert" in pending.latest_revision.as_object().title
    assert not club.get_descendants().get(slug="geheim").live
    editor = tenant.group.user_set.get()
    assert editor.email == rich_club.editor.email and not editor.has_usable_password()


def test_import_refuses_a_club_that_is_already_here(rich_club):
    archive = export_club(rich_club.slug)
    with pytest.raises(TransferError, match="schon"):
        import_club(archive)
    assert Tenant.objects.filter(name=rich_club.title).count() == 1


def test_import_refuses_what_is_no_club_archive(db, tmp_path):
    for content in (b"", b"PK\x03\x04 kaputt", _zip({"club.json": "{}"})):
        with pytest.raises(TransferError):
            import_club(content)
    path = tmp_path / "x.zip"
    path.write_bytes(b"nope")
    with pytest.raises(CommandError, match="Kein Vereinsarchiv"):
        call_command("import_club", str(path))


def test_unknown_taxonomy_is_a_clear_error_and_nothing_is_created(
    rich_club, django_capture_on_commit_callbacks
):
    archive = export_club(rich_club.slug)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        files = {name: opened.read(name) for name in opened.namelist()}
    data = json.loads(files["club.json"])
    data["pages"][0]["content"]["municipality"] = "atlantis"
    files["club.json"] = json.dumps(data).encode()
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    with pytest.raises(TransferError, match="atlantis"):
        import_club(_zip(files))
    assert not ClubPage.objects.filter(slug=rich_club.slug).exists()


def test_commands_round_trip(rich_club, tmp_path, django_capture_on_commit_callbacks):
    out = tmp_path / "verein.zip"
    call_command("export_club", rich_club.slug, "--out", str(out))
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(rich_club.tenant)
    call_command("import_club", str(out))
    assert ClubPage.objects.filter(slug=rich_club.slug, live=True).exists()


def _zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()
