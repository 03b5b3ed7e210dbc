"""Property-based privacy: Hypothesis draws random club trees — pages live, draft, published
with a newer unpublished draft, unpublished again, behind a login or a password; gallery
pictures with and without consent; contact data with and without consent — and checks that
no API response and no file of the built homepage shows anything that is not public.

Every text a visitor could see carries a marker: ``offen…`` where it is public, ``geheim…``
where it is not. A ``geheim`` marker anywhere is a leak; a missing ``offen`` marker in the
bundle means the test itself went wrong (so it cannot pass by showing nothing)."""

import itertools
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, PageViewRestriction

from cms.clubs.models import ContentPage, GalleryImage, GalleryPage
from sites.client import ApiClient
from sites.club import build_club
from tests.api.conftest import translate
from tests.factories import (
    ClubFactory,
    add_child,
    event_index,
    event_page,
    image,
    news_index,
    news_page,
)

STATES = ["live", "draft", "live_with_draft", "unpublished", "login", "password"]
HIDDEN_STATES = {"draft", "unpublished", "login", "password"}

node = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["content", "news", "event", "gallery"]),
        "state": st.sampled_from(STATES),
        "children": st.lists(st.sampled_from(STATES), max_size=2),
        "consents": st.lists(st.booleans(), max_size=3),
    }
)
trees = st.fixed_dictionaries(
    {
        "club": st.sampled_from(["live", "live", "live", "draft", "login"]),
        "contact_consent": st.booleans(),
        "news_index": st.sampled_from(["live", "live", "draft", "login"]),
        "event_index": st.sampled_from(["live", "live", "draft", "password"]),
        "nodes": st.lists(node, min_size=1, max_size=4),
        # A Turkish translation of the club and of its first news: hidden with the club.
        "translation": st.sampled_from(["none", "live", "draft"]),
    }
)


class Markers:
    def __init__(self):
        self.counter = itertools.count()
        self.public: set[str] = set()
        self.secret: set[str] = set()

    def __call__(self, public: bool) -> str:
        marker = f"{'offen' if public else 'geheim'}{next(self.counter):03d}x"
        (self.public if public else self.secret).add(marker)
        return marker


def apply_state(page, state: str, markers: Markers, public_parent: bool) -> bool:
    """Bring ``page`` (already added and published) into ``state``; return whether it is
    public."""
    if state == "live_with_draft":
        page.title = f"Entwurf {markers(False)}"
        page.save_revision()
    elif state == "unpublished":
        page.unpublish()
    elif state == "login":
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    elif state == "password":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    return public_parent and state not in HIDDEN_STATES


def make_page(parent, kind: str, state: str, markers: Markers, public_parent: bool, index=None):
    public = public_parent and state not in HIDDEN_STATES
    title = f"Seite {markers(public)}"
    publish = state != "draft"
    if kind == "news":
        page = news_page(index, title, publish=publish, teaser=f"Anriss {markers(public)}")
    elif kind == "event":
        page = event_page(index, title, publish=publish, summary=f"Text {markers(public)}")
    elif kind == "gallery":
        page = add_child(parent, GalleryPage(title=title), publish=publish)
    else:
        page = add_child(parent, ContentPage(title=title), publish=publish)
    apply_state(page, state, markers, public_parent)
    return page, public


def build_tree(tree: dict, markers: Markers):
    club_public = tree["club"] == "live"
    contact_public = club_public and tree["contact_consent"]
    club = ClubFactory(
        f"Verein {markers(club_public)} e. V.",
        publish=tree["club"] != "draft",
        contact_name=f"Kontakt {markers(contact_public)}",
        contact_email=f"{markers(contact_public)}@example.org",
        contact_consent=tree["contact_consent"],
    )
    if tree["club"] == "login":
        PageViewRestriction.objects.create(page=club, restriction_type="login")
    news = news_index(club)
    news_public = apply_state(news, tree["news_index"], markers, club_public)
    events = event_index(club)
    events_public = apply_state(events, tree["event_index"], markers, club_public)
    for spec in tree["nodes"]:
        kind = spec["kind"]
        parent_public = {"news": news_public, "event": events_public}.get(kind, club_public)
        page, public = make_page(
            club,
            kind,
            spec["state"],
            markers,
            parent_public,
            index=news if kind == "news" else events,
        )
        if kind == "content":
            for state in spec["children"]:
                make_page(page, "content", state, markers, public)
        if kind == "gallery":
            gallery = GalleryPage.objects.get(pk=page.pk)
            for consent in spec["consents"]:
                GalleryImage.objects.create(
                    page=gallery,
                    image=image(club.tenant.collection, title="Foto"),
                    caption=f"Bild {markers(public and consent)}",
                    photo_consent=consent,
                )
    translate_club(club, tree, markers, club_public, news, news_public)
    return club


def translate_club(club, tree, markers: Markers, club_public: bool, news, news_public: bool):
    """Privacy is decided per translation group: the translation is public only while the
    German original is (tests/api/test_translation_privacy.py has the endpoint-by-endpoint
    case)."""
    if tree["translation"] == "none":
        return
    turkish = Locale.objects.get_or_create(language_code="tr")[0]
    public = club_public and tree["translation"] == "live"
    translate(
        club,
        turkish,
        publish=tree["translation"] == "live",
        title=f"Dernek {markers(public)}",
        contact_name=f"Kişi {markers(public and tree['contact_consent'])}",
    )
    article = news.get_children().first()
    if article is not None and tree["translation"] == "live":
        visible = public and news_public and article.live
        translate(news, turkish)
        translate(article.specific, turkish, title=f"Haber {markers(visible)}")


def api_texts(club) -> dict[str, str]:
    client = Client()
    paths = [
        "/api/v1/clubs/?limit=100",
        f"/api/v1/clubs/{club.slug}/",
        f"/api/v1/clubs/{club.slug}/bundle/",
        "/api/v1/news/?limit=100",
        "/api/v1/events/?limit=100",
        f"/api/v1/clubs/{club.slug}/events.ics",
        "/api/v1/search/?q=geheim",
        "/api/v1/search/?q=offen",
        "/api/v1/portal/",
        "/api/v2/pages/?limit=100&fields=*",
        "/api/v2/images/?limit=100",
        "/api/v1/clubs/?limit=100&locale=tr",
        f"/api/v1/clubs/{club.slug}/?locale=tr",
        f"/api/v1/clubs/{club.slug}/bundle/?locale=tr",
        "/api/v1/news/?limit=100&locale=tr",
        "/api/v1/search/?q=offen&locale=tr",
        "/api/v2/pages/?limit=100&fields=*&locale=tr",
    ]
    texts = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code < 500, path
        texts[path] = response.content.decode("utf-8", errors="replace")
    return texts


def site_texts(club, root: Path) -> dict[str, str]:
    with ApiClient() as client:
        build_club(client, club.slug, root)
    site = root / "vereine" / club.slug
    return {
        str(path): path.read_bytes().decode("utf-8", errors="replace")
        for path in site.rglob("*")
        if path.is_file()
    }


@given(tree=trees)
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    # A failure names the whole drawn tree; shrinking it would rebuild clubs for minutes.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_nothing_private_in_any_api_response_or_built_file(db, tree):
    cache.clear()
    markers = Markers()
    with transaction.atomic(), tempfile.TemporaryDirectory() as build_dir:
        club = build_tree(tree, markers)
        texts = {**api_texts(club), **site_texts(club, Path(build_dir))}
        transaction.set_rollback(True)
    leaks = {
        where: sorted(marker for marker in markers.secret if marker in text)
        for where, text in texts.items()
    }
    assert not {where: found for where, found in leaks.items() if found}, tree
    bundle = texts.get(f"/api/v1/clubs/{club.slug}/bundle/", "") + texts.get(
        f"/api/v1/clubs/{club.slug}/bundle/?locale=tr", ""
    )
    if tree["club"] == "live":
        # Everything public is really there: the check above is not vacuous.
        missing = [marker for marker in markers.public if marker not in bundle]
        assert not missing, (tree, missing)
