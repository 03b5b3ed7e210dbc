"""Which page may live where: the model rules, and what a club editor is offered and refused in
the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models

from cms.clubs.models import (
    ClubIndexPage,
    ClubPage,
    ContentPage,
    GalleryPage,
    NewsIndexPage,
    NewsPage,
    ProjectPage,
)
from cms.events.models import EventIndexPage, EventPage
from cms.portal.models import PortalHomePage
from cms.tenancy.provisioning import club_index
from tests.factories import add_child, event_index, news_index
from tests.tenancy.admin_forms import page_form

pytestmark = pytest.mark.django_db

CLUB_SUBPAGES = {ContentPage, NewsIndexPage, EventIndexPage, GalleryPage, ProjectPage}

# Every page type of the club tree and the page types it may be created under. The tree is
# closed: no other page type may be created anywhere inside it.
ALLOWED_PARENTS = {
    ClubIndexPage: {PortalHomePage},
    ClubPage: {ClubIndexPage},
    ContentPage: {ClubPage, ContentPage},
    NewsIndexPage: {ClubPage},
    NewsPage: {NewsIndexPage},
    EventIndexPage: {ClubPage, PortalHomePage},  # and the agency's own events on the portal
    EventPage: {EventIndexPage},
    GalleryPage: {ClubPage},
    ProjectPage: {ClubPage},
}


def project_page_models():
    return {model for model in get_page_models() if model.__module__.startswith("cms.")}


@pytest.mark.parametrize("model", ALLOWED_PARENTS, ids=lambda model: model.__name__)
def test_allowed_parent_page_types(model):
    assert set(model.allowed_parent_page_models()) == ALLOWED_PARENTS[model]


@pytest.mark.parametrize("model", ALLOWED_PARENTS, ids=lambda model: model.__name__)
def test_nothing_else_may_be_created_in_the_club_tree(model):
    children = {child for child, parents in ALLOWED_PARENTS.items() if model in parents}
    assert set(model.allowed_subpage_models()) == children


def test_a_club_offers_exactly_the_club_sub_pages(club):
    creatable = {model for model in project_page_models() if model.can_create_at(club)}
    assert creatable == CLUB_SUBPAGES


def test_one_news_and_one_events_index_per_club(club):
    news_index(club)
    event_index(club)
    assert not NewsIndexPage.can_create_at(club)
    assert not EventIndexPage.can_create_at(club)
    assert ContentPage.can_create_at(club)


def test_only_one_club_index():
    assert not ClubIndexPage.can_create_at(club_index().get_parent())


# --- in the admin, as the club's editor -----------------------------------------------------


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def test_the_editor_is_offered_exactly_the_club_sub_pages(client, club):
    client.force_login(club.editor)
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[club.pk]))
    assert response.status_code == 200
    offered = {page_type for page_type, *_rest in response.context["page_types"]}
    assert offered == {str(model._meta.verbose_name) for model in CLUB_SUBPAGES}


def test_the_editor_cannot_add_a_club(client, club):
    client.force_login(club.editor)
    response = client.get(add_url(ClubPage, club_index()))
    assert response["Location"] == reverse("wagtailadmin_home")
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[club_index().pk]))
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_agency_can_add_a_club(client, agency_user):
    client.force_login(agency_user)
    assert client.get(add_url(ClubPage, club_index())).status_code == 200


@pytest.mark.parametrize(
    "model, parent_name",
    [
        (ClubPage, "club"),
        (NewsPage, "club"),
        (EventPage, "club"),
        (NewsIndexPage, "content"),
        (GalleryPage, "news_index"),
        (EventPage, "news_index"),
        (NewsPage, "event_index"),
        (ContentPage, "gallery"),
    ],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_the_admin_refuses_a_page_type_in_the_wrong_place(client, club, model, parent_name):
    parents = {
        "club": club,
        "content": add_child(club, ContentPage(title="Über uns", slug="ueber-uns")),
        "news_index": news_index(club),
        "event_index": event_index(club),
        "gallery": add_child(club, GalleryPage(title="Fotos", slug="fotos")),
    }
    parent = parents[parent_name]
    client.force_login(club.editor)
    url = add_url(model, parent)

    home = reverse("wagtailadmin_home")
    assert client.get(url)["Location"] == home
    assert client.post(url, {"title": "Falsch", "slug": "falsch"})["Location"] == home
    assert not Page.objects.filter(slug="falsch").exists()


def test_the_editor_creates_news_under_the_news_index(client, club):
    index = news_index(club)
    client.force_login(club.editor)
    url = add_url(NewsPage, index)
    data = page_form(club.editor, url, title="Sommerfest", slug="sommerfest", date="2026-07-01")
    response = client.post(url, data)
    assert response.status_code == 302
    assert NewsPage.objects.child_of(index).get().title == "Sommerfest"
