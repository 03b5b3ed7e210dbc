"""Deleting a club: everything of it is gone — pages in every language, media with their
files, its own accounts, its registration's personal data, its homepage — nothing of any other
club is touched, and the audit log says who did it. Only the agency may."""

import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, ModelLogEntry, Page

from cms.tenancy.deletion import ACTION, delete_tenant
from cms.tenancy.models import RegistrationRequest, Tenant
from tests.factories import ClubFactory, document, image, news_index, news_page
from tests.plugins.helpers import translate

User = get_user_model()


@pytest.fixture
def clubs(db, build_club_site, django_capture_on_commit_callbacks):
    doomed = ClubFactory("Anadolu Kulturverein e. V.", contact_name="Ayşe Yılmaz")
    other = ClubFactory("Baobab Afrika e. V.")
    for club in (doomed, other):
        news = news_page(news_index(club), f"Sommerfest {club.title}")
        translate(news, "ar")
        image(club.tenant.collection, title=f"Foto {club.title}")
        document(club.tenant.collection, title=f"Satzung {club.title}")
        build_club_site(club)
    RegistrationRequest.objects.create(
        club_name=doomed.title,
        legal_form="ev",
        municipality=doomed.municipality,
        applicant_name="Ayşe Yılmaz",
        applicant_email="ayse@example.org",
        privacy_consent=True,
        tenant=doomed.tenant,
    )
    # An editor who works for both clubs keeps the account.
    both = User.objects.create_user("beide@example.org", "beide@example.org", "x")
    both.groups.add(doomed.tenant.group, other.tenant.group)
    return doomed, other, both


def snapshot(club):
    tenant = club.tenant
    return {
        "pages": list(
            Page.objects.filter(
                path__startswith=club.path[: Page.steplen * club.depth]
            ).values_list("pk", flat=True)
        ),
        "translations": list(tenant.root_pages().values_list("pk", flat=True)),
        "images": list(Image.objects.filter(collection=tenant.collection)),
        "documents": list(Document.objects.filter(collection=tenant.collection)),
        "group": tenant.group.pk,
        "collection": tenant.collection.pk,
        "editor": club.editor.pk,
    }


def test_deleting_a_club_removes_everything_of_it_and_nothing_else(
    clubs, settings, agency_user, django_capture_on_commit_callbacks
):
    doomed, other, both = clubs
    before = snapshot(doomed)
    other_before = snapshot(other)
    files = [Path(item.file.path) for item in before["images"] + before["documents"]]
    assert all(file.is_file() for file in files)
    assert len(before["translations"]) == 2  # German and Arabic

    with django_capture_on_commit_callbacks(execute=True):
        report = delete_tenant(doomed.tenant, by=agency_user)

    assert report.pages >= 6 and report.images == 1 and report.documents == 1
    assert not Page.objects.filter(pk__in=before["pages"] + before["translations"]).exists()
    assert not Image.objects.filter(pk__in=[i.pk for i in before["images"]]).exists()
    assert not Document.objects.filter(pk__in=[d.pk for d in before["documents"]]).exists()
    assert not any(file.exists() for file in files), "media files are removed"
    assert not Group.objects.filter(pk=before["group"]).exists()
    assert not Collection.objects.filter(pk=before["collection"]).exists()
    assert not User.objects.filter(pk=before["editor"]).exists()
    assert not RegistrationRequest.objects.filter(applicant_email="ayse@example.org").exists()
    assert not Tenant.objects.filter(name=doomed.title).exists()
    assert not (settings.SITE_BUILD_DIR / "vereine" / doomed.slug).exists()

    both.refresh_from_db()
    assert list(both.groups.values_list("pk", flat=True)) == [other.tenant.group_id]

    assert snapshot(other) == other_before
    assert (settings.SITE_BUILD_DIR / "vereine" / other.slug / "current/de/index.html").is_file()
    assert all(Path(i.file.path).is_file() for i in other_before["images"])

    entry = ModelLogEntry.objects.get(action=ACTION)
    assert entry.user == agency_user and entry.label == doomed.title
    assert entry.data["pages"] == report.pages
    assert "Ayşe" not in json.dumps(entry.data)


def test_the_agency_deletes_in_the_admin_after_typing_the_name(clubs, client, agency_user):
    doomed, other, _both = clubs
    client.force_login(agency_user)
    url = reverse("tenants:delete", args=(doomed.tenant.pk,))
    assert client.get(url).status_code == 200
    index = client.get(reverse("tenants:index")).content.decode()
    assert url in index

    wrong = client.post(url, {"confirm_name": "Anadolu"})
    assert wrong.status_code == 200
    assert "Der Name stimmt nicht überein" in wrong.content.decode()
    assert Tenant.objects.filter(pk=doomed.tenant.pk).exists()

    response = client.post(url, {"confirm_name": doomed.title})
    assert response.status_code == 302
    assert not Tenant.objects.filter(pk=doomed.tenant.pk).exists()
    assert Tenant.objects.filter(pk=other.tenant.pk).exists()


@pytest.mark.parametrize("actor", ["own_editor", "other_editor", "anonymous"])
def test_nobody_but_the_agency_may_delete_a_club(clubs, client, actor):
    doomed, other, _both = clubs
    users = {"own_editor": doomed.editor, "other_editor": other.editor}
    if actor in users:
        client.force_login(users[actor])
    url = reverse("tenants:delete", args=(doomed.tenant.pk,))
    for response in (client.get(url), client.post(url, {"confirm_name": doomed.title})):
        assert response.status_code == 302
        assert response.url.startswith(
            reverse("wagtailadmin_home") if actor != "anonymous" else reverse("wagtailadmin_login")
        )
    assert Tenant.objects.filter(pk=doomed.tenant.pk).exists()
    if actor in users:
        index = client.get(reverse("tenants:index"))
        assert url not in index.content.decode()


def test_delete_club_command(clubs):
    doomed, other, _both = clubs
    call_command("delete_club", doomed.slug, "--yes")
    assert not Tenant.objects.filter(pk=doomed.tenant.pk).exists()
    assert Tenant.objects.filter(pk=other.tenant.pk).exists()
