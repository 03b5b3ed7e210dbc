"""Translations of a hidden page are hidden (#15 item 7): privacy is decided per translation
group, not per tree path. With the German club unpublished (or behind a login), its Turkish
translation — a live page in another tree — is in no public answer."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.api.conftest import translate
from tests.factories import ClubFactory, news_index, news_page

SECRET = "gizli"


def translated_club(turkish):
    club = ClubFactory(
        "Anadolu Çeviri e. V.",
        contact_name="Ayşe Kontakt",
        contact_email="kontakt@example.org",
        contact_consent=True,
    )
    club_tr = translate(
        club,
        turkish,
        title=f"Anadolu {SECRET} Derneği",
        short_description=f"{SECRET} kısa",
        contact_name=f"{SECRET} Kişi",
    )
    news = news_index(club)
    article = news_page(news, "Sommerfest")
    translate(news, turkish)
    translate(article, turkish, title=f"{SECRET} haber", teaser=f"{SECRET} özet")
    return club, club_tr


def public_texts(client, club, club_tr) -> dict[str, str]:
    cache.clear()
    paths = [
        "/api/v1/clubs/?locale=tr&limit=100",
        f"/api/v1/clubs/{club.slug}/?locale=tr",
        f"/api/v1/clubs/{club_tr.slug}/?locale=tr",
        f"/api/v1/clubs/{club.slug}/bundle/?locale=tr",
        "/api/v1/news/?locale=tr&limit=100",
        f"/api/v1/search/?q={SECRET}&locale=tr",
        f"/api/v1/search/?q={SECRET}",
        "/api/v1/portal/?locale=tr",
        f"/api/v2/pages/{club_tr.pk}/",
        "/api/v2/pages/?locale=tr&limit=100&fields=*",
        f"/api/v2/pages/?search={SECRET}",
    ]
    texts = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        texts[path] = response.content.decode()
    return texts


def hide_by_unpublishing(club):
    club.unpublish()


def hide_by_login(club):
    PageViewRestriction.objects.create(page=club, restriction_type="login")


@pytest.mark.parametrize("hide", [hide_by_unpublishing, hide_by_login])
def test_the_translation_of_a_hidden_club_is_hidden(hide, turkish, client, db):
    club, club_tr = translated_club(turkish)
    seen = public_texts(client, club, club_tr)
    # The check can fail: while the club is public, its translation is.
    assert SECRET in seen[f"/api/v2/pages/{club_tr.pk}/"]
    assert SECRET in seen["/api/v1/clubs/?locale=tr&limit=100"]
    hide(club)
    leaks = [path for path, text in public_texts(client, club, club_tr).items() if SECRET in text]
    assert leaks == []


def test_a_draft_translation_does_not_hide_the_original(turkish, client, db):
    club = ClubFactory("Anadolu Original e. V.")
    translate(club, turkish, publish=False, title=f"{SECRET} taslak")
    cache.clear()
    assert "Anadolu Original" in client.get("/api/v1/clubs/?limit=100").content.decode()
