"""Backup and restore of the whole installation (database and media), on the database the
suite runs on — SQLite in one CI run, PostgreSQL in the other."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images.models import Image
from wagtail.models import Page

from cms.clubs.models import ClubPage
from cms.ops.backup import BackupError, backup, read_manifest, restore
from cms.tenancy.deletion import delete_tenant
from tests.factories import ClubFactory, image, news_index, news_page

# Backup and restore work on committed data; serialized_rollback brings back the data the
# migrations created (municipalities, the portal) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def installation(django_capture_on_commit_callbacks):
    club = ClubFactory("Anadolu Kulturverein e. V.")
    news_page(news_index(club), "Sommerfest")
    photo = image(club.tenant.collection, title="Sommerfest")
    return club, photo


def test_restore_brings_back_exactly_what_was_backed_up(
    installation, tmp_path, django_capture_on_commit_callbacks
):
    club, photo = installation
    photo_file = Path(photo.file.path)
    original = photo_file.read_bytes()
    target = backup(tmp_path / "backups")
    manifest = read_manifest(target)
    database = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[manifest["engine"]]
    assert set(manifest["files"]) == {database, "media.tar.gz"}
    assert any(m.startswith("clubs.") for m in manifest["migrations"])

    # After the backup: the club is deleted (with its files) and another one appears.
    with django_capture_on_commit_callbacks(execute=True):
        delete_tenant(club.tenant)
    later = ClubFactory("Baobab Afrika e. V.")
    assert not photo_file.exists()

    restore(target)

    assert ClubPage.objects.filter(pk=club.pk, title=club.title, live=True).exists()
    assert Page.objects.get(pk=club.pk).get_children().exists()
    restored = Image.objects.get(pk=photo.pk)
    assert Path(restored.file.path).read_bytes() == original
    assert not ClubPage.objects.filter(pk=later.pk).exists()
    # The restored installation works on: a new club can be added.
    ClubFactory("Cedar Libanon e. V.")


def test_a_damaged_backup_restores_nothing(installation, tmp_path):
    club, _photo = installation
    target = backup(tmp_path)
    media = target / "media.tar.gz"
    media.write_bytes(media.read_bytes()[:-10] + b"0123456789")
    later = ClubFactory("Baobab Afrika e. V.")
    with pytest.raises(BackupError, match="damaged"):
        restore(target)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(target), "--yes")
    assert ClubPage.objects.filter(pk=later.pk).exists()


def test_a_backup_of_another_engine_is_refused(installation, tmp_path):
    target = backup(tmp_path)
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["engine"] = "oracle"
    (target / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(BackupError, match="oracle"):
        read_manifest(target)


def test_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="no backup"):
        call_command("restore", str(tmp_path), "--yes")


def test_backup_command_prints_the_directory(installation, tmp_path, capsys):
    call_command("backup", str(tmp_path))
    printed = Path(capsys.readouterr().out.strip())
    assert printed.parent == tmp_path and (printed / "manifest.json").is_file()
