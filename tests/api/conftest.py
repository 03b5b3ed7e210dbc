"""A small district with everything the API must show and everything it must hide.

Whatever must never leave the CMS carries the marker ``GEHEIM`` in a text field, so a test can
scan every response body for it.
"""

import json
import types

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale, PageViewRestriction

from cms.clubs.models import ContentPage, GalleryImage, GalleryPage, HomepageSection
from tests.factories import (
    ClubFactory,
    add_child,
    document,
    image,
    news_index,
    news_page,
)

SECRET = "GEHEIM"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def body_blocks(*, image_id=None, document_id=None, text="Ein öffentlicher Text."):
    blocks = [{"type": "text", "value": f"<p>{text}</p>"}]
    if image_id:
        blocks.append(
            {"type": "image", "value": {"image": image_id, "caption": "Foto", "alt_text": "Alt"}}
        )
    if document_id:
        blocks.append({"type": "document", "value": {"document": document_id, "title": "PDF"}})
    return json.dumps(blocks)


def restrict(page, kind, **kwargs):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **kwargs)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name=f"Gruppe {page.pk}")])
    return restriction


@pytest.fixture
def world(db):
    """The district, built for one test (which may change it)."""
    return build_world()


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """The district, built once per module for tests that only read it, inside a transaction
    that is rolled back afterwards (each test still runs in its own savepoint). Renditions are
    made up front: the per-test media directory will not have the originals."""
    from django.db import transaction
    from django.test import override_settings
    from wagtail.images.models import Image

    from cms.core.media import RENDITIONS

    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            w = build_world()
            for picture in Image.objects.all():
                picture.get_renditions(*RENDITIONS.values())
            yield w
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_world():
    """Returns a namespace of the objects the tests refer to."""

    w = types.SimpleNamespace()
    w.club = ClubFactory(
        "Offener Kulturverein e. V.",
        contact_name=f"{SECRET} Kontaktperson",
        contact_email="geheim@example.org",
        contact_phone="02421 999999",
        contact_consent=False,
        # Not a secret: the Impressum (ClubPage.imprint) always states the postal address;
        # only the profile's ``address`` follows publish_address.
        street="Vereinsstraße 1",
        postal_code="52349",
        city="Düren",
        publish_address=False,
        board_women=7,
        board_men=5,
        board_diverse=1,
    )
    w.consenting_club = ClubFactory(
        "Sportverein Anatolien e. V.",
        municipality_name="Jülich",
        countries=("TR", "SY"),
        languages=("tr", "ar"),
        focus=("Sport",),
        founding_year=2024,
        contact_name="Ayşe Yılmaz",
        contact_role="Vorsitzende",
        contact_email="ayse@example.org",
        contact_consent=True,
        street="Marktplatz 1",
        postal_code="52428",
        city="Jülich",
        publish_address=True,
    )
    # tests.factories.add_child(publish=False) leaves Wagtail's default live=True, so drafts
    # here say live=False themselves.
    w.hidden_club = ClubFactory(f"{SECRET} Entwurfsverein e. V.", publish=False)

    collection = w.club.tenant.collection
    w.public_image = image(collection, title="Öffentliches Bild")
    w.logo = image(collection, title="Logo")
    w.draft_image = image(collection, title=f"{SECRET} Bild im Entwurf")
    w.restricted_image = image(collection, title=f"{SECRET} Bild hinter Login")
    w.unconsented_image = image(collection, title=f"{SECRET} Bild ohne Einwilligung")
    w.consented_image = image(collection, title="Bild mit Einwilligung")
    w.unused_image = image(collection, title=f"{SECRET} Bild unbenutzt")
    w.public_document = document(collection, title="Satzung")
    w.restricted_document = document(collection, title=f"{SECRET} Protokoll")

    w.club.logo = w.logo
    w.club.homepage_sections.add(HomepageSection(section="news"))
    w.club.homepage_sections.add(HomepageSection(section="about"))
    w.club.save_revision().publish()

    w.news_index = news_index(w.club)
    w.news = news_page(w.news_index, title="Sommerfest im Park", image=w.public_image)
    w.draft_news = news_page(
        w.news_index,
        title=f"{SECRET} Nachricht im Entwurf",
        publish=False,
        live=False,
        image=w.draft_image,
    )
    # A published page with unpublished changes: only the published version may show.
    w.changed_news = news_page(w.news_index, title="Jahreshauptversammlung")
    w.changed_news.title = f"{SECRET} geänderter Titel"
    w.changed_news.teaser = f"{SECRET} geänderter Anriss"
    w.changed_news.save_revision()

    w.about = add_child(
        w.club,
        ContentPage(
            title="Über uns",
            slug="ueber-uns",
            body=body_blocks(image_id=w.public_image.pk, document_id=w.public_document.pk),
        ),
    )
    w.login_page = add_child(
        w.club,
        ContentPage(
            title=f"{SECRET} Mitgliederbereich",
            slug="mitglieder",
            body=body_blocks(
                image_id=w.restricted_image.pk,
                document_id=w.restricted_document.pk,
                text=f"{SECRET} intern",
            ),
        ),
    )
    restrict(w.login_page, PageViewRestriction.LOGIN)
    w.below_login = add_child(
        w.login_page, ContentPage(title=f"{SECRET} Unterseite", slug="unterseite")
    )
    w.password_page = add_child(
        w.club, ContentPage(title=f"{SECRET} Passwortseite", slug="passwort")
    )
    restrict(w.password_page, PageViewRestriction.PASSWORD, password="geheim123")
    w.group_page = add_child(w.club, ContentPage(title=f"{SECRET} Vorstandsseite", slug="vorstand"))
    restrict(w.group_page, PageViewRestriction.GROUPS)

    w.gallery = GalleryPage(title="Galerie", slug="galerie")
    w.gallery.gallery_images.add(
        GalleryImage(image=w.consented_image, caption="Mit Einwilligung", photo_consent=True)
    )
    w.gallery.gallery_images.add(
        GalleryImage(image=w.unconsented_image, caption=f"{SECRET} ohne", photo_consent=False)
    )
    add_child(w.club, w.gallery)

    hidden_index = news_index(w.hidden_club)
    w.news_under_hidden = news_page(hidden_index, title=f"{SECRET} unter Entwurfsverein")

    w.other_news_index = news_index(w.consenting_club)
    w.other_news = news_page(w.other_news_index, title="Turnier in Jülich")

    # Other locale: a published Turkish translation, and an unpublished one.
    turkish = Locale.objects.get_or_create(language_code="tr")[0]
    w.news_tr = translate(w.news, turkish, title="Parkta yaz şenliği", teaser="Yaz şenliği")
    w.changed_news_tr = translate(
        w.changed_news, turkish, publish=False, live=False, title=f"{SECRET} taslak çeviri"
    )
    return w


@pytest.fixture
def turkish(db):
    return Locale.objects.get_or_create(language_code="tr")[0]


@pytest.fixture
def arabic(db):
    return Locale.objects.get_or_create(language_code="ar")[0]


def translate(page, locale, publish=True, **changes):
    """A translation of ``page``; ancestors are translated and published as needed."""
    translation = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    for key, value in changes.items():
        setattr(translation, key, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
        translation.refresh_from_db()
    return translation
