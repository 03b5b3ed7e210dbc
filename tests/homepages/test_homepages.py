import io
import zipfile

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Site

from cms.clubs.models import ClubPage
from tests.factories import ClubFactory, UserFactory, news_index, news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def auto_rebuild(settings):
    settings.HOMEPAGE_AUTO_REBUILD = True


def built_file(settings, club, path):
    return settings.SITE_BUILD_DIR / "vereine" / club.slug / "current" / path


def test_publishing_rebuilds_the_homepage(
    settings, auto_rebuild, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory("Elternverein Regenbogen e. V.")
    assert "Elternverein Regenbogen" in built_file(settings, club, "de/index.html").read_text()
    with django_capture_on_commit_callbacks(execute=True):
        index = news_index(club)
        news_page(index, "Neues Spielangebot")
    listing = built_file(settings, club, "de/neuigkeiten/index.html").read_text()
    assert "Neues Spielangebot" in listing


def test_unpublishing_the_club_takes_the_homepage_down(
    settings, auto_rebuild, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubFactory()
    assert built_file(settings, club, "de/index.html").is_file()
    with django_capture_on_commit_callbacks(execute=True):
        club.unpublish()
    assert not built_file(settings, club, "de/index.html").exists()


def test_homepage_is_served_under_vereine_and_on_its_own_domain(client, settings, build_club_site):
    club = ClubFactory(own_domain="sonnenblume-verein.example")
    build_club_site(club)
    response = client.get(f"/vereine/{club.slug}/de/index.html")
    assert response.status_code == 200
    assert club.title in b"".join(response.streaming_content).decode()
    missing = client.get(f"/vereine/{club.slug}/de/gibt-es-nicht/")
    assert missing.status_code == 404
    # The 404 page's style sheet is the site's, wherever the missing path is.
    style = f'href="/vereine/{club.slug}/static/theme_default/site.css"'
    assert style in missing.content.decode()

    club.save_revision().publish()  # publishing syncs the own domain into a Wagtail Site
    assert Site.objects.filter(hostname="sonnenblume-verein.example", root_page=club).exists()
    settings.ALLOWED_HOSTS = ["sonnenblume-verein.example", "testserver"]
    response = client.get("/de/index.html", HTTP_HOST="sonnenblume-verein.example")
    assert response.status_code == 200
    missing = client.get("/de/gibt-es-nicht/", HTTP_HOST="sonnenblume-verein.example")
    assert 'href="/static/theme_default/site.css"' in missing.content.decode()
    assert club.title in b"".join(response.streaming_content).decode()


def test_zip_contains_a_working_site_for_editors_only(client, build_club_site):
    club = ClubFactory()
    other = ClubFactory()
    build_club_site(club)
    url = reverse("homepages_zip", args=(club.pk,))
    client.force_login(other.editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(club.editor)
    response = client.get(url)
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = archive.namelist()
    assert f"{club.slug}/index.html" in names and f"{club.slug}/de/index.html" in names
    assert not any(name.endswith(".manifest.json") for name in names)
    home = archive.read(f"{club.slug}/de/index.html").decode()
    assert "../static/theme_default/site.css" in home  # relative links: works unpacked


def test_admin_preview_renders_the_draft_through_the_engine(db):
    club = ClubFactory()
    index = news_index(club)
    article = news_page(index, "Veröffentlichter Titel")
    article.title = "Entwurfstitel im Editor"
    request = RequestFactory().get("/")
    request.user = club.editor
    response = article.serve_preview(request, "")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Entwurfstitel im Editor" in html
    assert "/admin/homepages/static/theme_default/site.css" in html

    profile = ClubPage.objects.get(pk=club.pk)
    profile.short_description = "Neue Kurzbeschreibung, noch nicht veröffentlicht"
    html = profile.serve_preview(request, "").content.decode()
    assert "Neue Kurzbeschreibung, noch nicht veröffentlicht" in html


def test_homepage_buttons_only_for_those_who_may_edit(client, build_club_site):
    club = ClubFactory()
    client.force_login(club.editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=(club.pk,))).content.decode()
    assert "Homepage als ZIP herunterladen" in page
    stranger = UserFactory()
    assert not club.permissions_for_user(stranger).can_edit()


def test_one_rebuild_per_club_and_transaction(settings, auto_rebuild):
    from django.db import transaction

    from cms.homepages import builds

    club = ClubFactory()
    index = news_index(club)
    with transaction.atomic():
        for title in ("Eins", "Zwei", "Drei"):
            news_page(index, title)
        callbacks = [
            cb
            for _s, cb, _r in transaction.get_connection().run_on_commit
            if isinstance(cb, builds.QueuedRebuild)
        ]
    # The factories' publications above queued one rebuild; the three news pages added none.
    assert [cb.slug for cb in callbacks] == [club.slug]
