"""The gallery plugin: consented pictures only, links that work without the script, a small
framework-free lightbox, an overview for several galleries, thumbnails on the home page."""

import hashlib
import posixpath
import re

import pytest

from cms.clubs.models import GalleryImage, GalleryPage
from cms.core.media import RENDITIONS
from tests.factories import ClubFactory, add_child, image

pytestmark = pytest.mark.django_db

SCRIPT_LIMIT = 3 * 1024


def gallery(club, title, pictures, slug=None):
    """A gallery with ``pictures``: (caption, consent, colour) each."""
    items = [
        GalleryImage(
            image=image(club.tenant.collection, title=f"Foto {caption}", file=_file(colour)),
            caption=caption,
            photo_consent=consent,
        )
        for caption, consent, colour in pictures
    ]
    return add_child(
        club, GalleryPage(title=title, slug=slug, intro=f"Bilder: {title}", gallery_images=items)
    )


def _file(colour):
    from tests.factories import image_file

    return image_file(size=(640, 480), colour=colour)


def site_files(root):
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def rendition_digests(image_object) -> set[str]:
    renditions = image_object.get_renditions(*RENDITIONS.values())
    digests = set()
    for rendition in renditions.values():
        with rendition.file.open("rb") as file:
            digests.add(hashlib.sha256(file.read()).hexdigest())
    return digests


@pytest.fixture
def club_with_gallery(db):
    club = ClubFactory("Frauenverein Zeytin e. V.")
    page = gallery(
        club,
        "Sommerfest 2026",
        [
            ("Tanz im Park", True, (200, 30, 30)),
            ("Kinder beim Malen", False, (30, 200, 30)),
            ("Das Buffet", True, (30, 30, 200)),
            ("Gruppenfoto", True, (200, 200, 30)),
            ("Musik", True, (30, 200, 200)),
        ],
        slug="galerie",
    )
    return club, page


def test_unconsented_pictures_appear_nowhere(club_with_gallery, build_club_site):
    club, page = club_with_gallery
    root = build_club_site(club)
    files = site_files(root)

    text = b"".join(files.values())
    assert b"Kinder beim Malen" not in text
    assert b"Foto Kinder" not in text
    assert b"Tanz im Park" in text
    hidden = page.gallery_images.get(photo_consent=False).image
    shown = page.gallery_images.filter(photo_consent=True).first().image
    media = {
        hashlib.sha256(content).hexdigest()
        for p, content in files.items()
        if p.startswith("_media/")
    }
    assert not media & rendition_digests(hidden)
    assert media & rendition_digests(shown)


def test_thumbnails_link_to_large_pictures_without_script(club_with_gallery, build_club_site):
    club, _page = club_with_gallery
    root = build_club_site(club)

    html = (root / "de/galerie/index.html").read_text()
    links = re.findall(
        r'<a class="gallery-link" href="([^"]+)"><img src="([^"]+)" alt="([^"]*)"', html
    )
    assert len(links) == 4
    for large, thumbnail, alt in links:
        assert (root / "de/galerie" / large).resolve().is_file()
        assert (root / "de/galerie" / thumbnail).resolve().is_file()
        assert large != thumbnail
        assert alt
    assert '<figcaption dir="auto">Tanz im Park</figcaption>' in html
    # the page is in the main menu, and the only scripts are the external, deferred lightbox
    # and the engine's offline reading (sites/engine/offline.py)
    assert 'href="index.html" aria-current="page">Sommerfest 2026</a>' in html
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts == [
        ' src="../../static/gallery/lightbox.js" defer',
        ' src="../../sw-register.js" data-worker="../../sw.js" defer',
    ]
    assert " style=" not in html and "<style" not in html


def test_lightbox_script_is_small_and_framework_free(club_with_gallery, build_club_site):
    club, _page = club_with_gallery
    root = build_club_site(club)

    script = (root / "static/gallery/lightbox.js").read_text()
    assert len(script.encode()) < SCRIPT_LIMIT
    assert "showModal" in script and "Escape" not in script  # <dialog> closes on Escape itself
    assert "ArrowLeft" in script and "rtl" in script
    assert "opener.focus()" in script
    assert "import " not in script and "require(" not in script
    assert (root / "static/gallery/gallery.css").is_file()
    html = (root / "de/galerie/index.html").read_text()
    assert 'data-close="Schließen"' in html
    assert 'data-counter="Bild {n} von {total}"' in html


def test_home_section_shows_four_thumbnails(club_with_gallery, build_club_site):
    club, _page = club_with_gallery
    root = build_club_site(club)

    home = (root / "de/index.html").read_text()
    section = home[home.index('id="section-gallery"') :]
    section = section[: section.index("</section>")]
    assert section.count("<img ") == 4
    assert 'href="galerie/index.html"' in section


def test_several_galleries_get_an_overview(club_with_gallery, build_club_site):
    club, _page = club_with_gallery
    gallery(club, "Vereinsausflug", [("Am See", True, (90, 90, 90))], slug="ausflug")
    root = build_club_site(club)

    overview = (root / "de/galerien/index.html").read_text()
    assert 'href="../galerie/index.html">Sommerfest 2026</a>' in overview
    assert 'href="../ausflug/index.html">Vereinsausflug</a>' in overview
    assert "Bilder: 4" in overview
    assert 'aria-current="page">Galerie</a>' in overview
    single = (root / "de/ausflug/index.html").read_text()
    assert 'href="../galerien/index.html">Alle Galerien</a>' in single


def test_arabic_gallery_is_right_to_left(club_with_gallery, build_club_site):
    from tests.plugins.helpers import translate

    club, page = club_with_gallery
    translate(page, "ar", title="مهرجان الصيف")
    root = build_club_site(club)

    html = (root / "ar/galerie/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'data-close="إغلاق"' in html
    assert posixpath.basename("static/gallery/lightbox.js") in html


def test_admin_preview_of_a_gallery(club_with_gallery):
    from django.test import RequestFactory

    club, page = club_with_gallery
    request = RequestFactory().get("/")
    request.user = club.editor

    html = page.serve_preview(request, "").content.decode()
    assert html.count('class="gallery-link"') == 4
    assert "Kinder beim Malen" not in html
    assert "/static/gallery/lightbox.js" in html
