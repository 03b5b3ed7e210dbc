"""The built portal at / of the main host: the visitor's language, files and assets, the 404
page, and a plain German page until the portal is built; the CMS's own paths keep working."""

import re

import pytest

from tests.locales import LOCALES

pytestmark = pytest.mark.django_db


def test_before_the_first_build_slash_explains_in_german(client):
    response = client.get("/")
    assert response.status_code == 503
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Das Portal ist noch nicht gebaut" in html
    assert 'href="/admin/"' in html
    assert client.get("/de/").status_code == 404


@pytest.fixture
def built(build_portal_site):
    return build_portal_site(locales=[LOCALES[0], LOCALES[3]])  # de, ar


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("", "/de/"),
        ("ar-SY,ar;q=0.9,de;q=0.5", "/ar/"),
        ("fr-FR, ar;q=0.4", "/ar/"),
        ("fr, en;q=0.8", "/de/"),  # English is not built here: German
        ("de-AT", "/de/"),
    ],
)
def test_slash_sends_the_visitor_to_their_language(client, built, header, target):
    response = client.get("/", headers={"accept-language": header} if header else {})
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_pages_and_assets_are_served(client, built):
    page = client.get("/ar/")
    assert page.status_code == 200
    html = b"".join(page.streaming_content).decode()
    assert '<html lang="ar" dir="rtl">' in html
    css = client.get("/static/theme_default/site.css")
    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert client.get("/de").status_code == 302  # a folder without its slash


def test_unknown_paths_get_the_portal_404_page(client, built):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    assert b'<html lang="de" dir="ltr">' in response.content
    assert client.get("/../../etc/passwd").status_code == 404


@pytest.mark.parametrize(
    ("path", "language"),
    [("/gibt-es-nicht", "de"), ("/de/gibt-es-nicht/", "de"), ("/ar/a/b/c.html", "ar")],
)
def test_the_404_page_speaks_the_folders_language(client, built, path, language):
    page = client.get(path).content.decode()
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page


@pytest.mark.parametrize("path", ["/gibt-es-nicht", "/de/gibt-es-nicht/", "/ar/a/b/c.html"])
def test_the_404_page_links_from_the_sites_root_at_any_depth(client, built, path):
    """Its style sheet, logo and menu resolve wherever the missing path is (they pointed
    below the missing folder, and the page showed unstyled)."""
    page = client.get(path).content.decode()
    links = re.findall(r'\s(?:href|src)="([^"]+)"', page)
    local = [link for link in links if not link.startswith(("http", "#", "mailto:"))]
    assert local and all(link.startswith("/") for link in local), local
    assert "/static/theme_default/site.css" in local
    for link in local:
        assert client.get(link).status_code in (200, 302), link


def test_the_cms_paths_still_work(client, built, admin_client):
    assert client.get("/admin/").status_code == 302  # to the login
    assert client.get("/admin")["Location"] == "/admin/"
    assert client.get("/api/v1/portal/").status_code == 200
    assert client.get("/vereine/gibt-es-nicht/").status_code == 404
    assert admin_client.get("/admin/").status_code == 200


def test_club_logos_resolve_to_images_through_the_cms(client, build_portal_site, settings):
    """The portal's copied images live in a folder of their own: under ``/media/`` Django's
    upload route (and the production proxy's ``location /media/ { return 404; }``) answered
    for them, and every logo was broken."""
    import posixpath
    import re

    from tests.factories import ClubFactory, image

    settings.SERVE_MEDIA = True
    club = ClubFactory("Verein mit Logo")
    club.logo = image(club.tenant.collection, title="Logo")
    club.save_revision().publish()
    build_portal_site(locales=[LOCALES[0], LOCALES[3]])

    checked = []
    for page in ("/de/verzeichnis/", f"/de/verzeichnis/{club.slug}/", "/ar/verzeichnis/"):
        response = client.get(page)
        assert response.status_code == 200, page
        html = b"".join(response.streaming_content).decode()
        sources = re.findall(r'<img[^>]* src="([^"]+)"', html)
        assert sources, f"no logo on {page}"
        for source in sources:
            url = posixpath.normpath(posixpath.join(page, source))
            image_response = client.get(url)
            assert image_response.status_code == 200, url
            assert image_response["Content-Type"].startswith("image/"), url
            assert not url.startswith("/media/"), url  # the proxy refuses /media/ outright
            checked.append(url)
    assert len(checked) >= 3
