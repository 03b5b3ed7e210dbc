"""The isolation hooks on their own: what each one lets a club editor see, in every locale and
collection of their tenant, and that the admin loads them."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from wagtail import hooks
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page

from cms.clubs.models import ContentPage, ProjectPage
from cms.core.access import tenant_pages
from cms.tenancy import isolation_hooks
from cms.tenancy.provisioning import club_index
from tests.factories import ClubFactory, UserFactory, add_child, document, image

pytestmark = pytest.mark.django_db

PAGE_HOOKS = {
    "construct_explorer_page_queryset": isolation_hooks.confine_explorer,
    "construct_page_chooser_queryset": isolation_hooks.confine_page_chooser,
}
MEDIA_HOOKS = {
    "construct_image_chooser_queryset": (isolation_hooks.confine_image_chooser, Image),
    "construct_document_chooser_queryset": (isolation_hooks.confine_document_chooser, Document),
}


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def apply_page_hook(name, user):
    pages = Page.objects.all()
    if name == "construct_explorer_page_queryset":
        return PAGE_HOOKS[name](Page.get_first_root_node(), pages, request_by(user))
    return PAGE_HOOKS[name](pages, request_by(user))


@pytest.fixture
def translated_club(club):
    """``club`` with a child page, translated (with its parents) into English."""
    add_child(club, ContentPage(title="Über uns", slug="ueber-uns"))
    english = club.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    return club, english


def test_the_admin_loads_the_isolation_hooks():
    from cms.tenancy import wagtail_hooks

    assert wagtail_hooks.isolation_hooks is isolation_hooks
    for name, hook in PAGE_HOOKS.items():
        assert hook in hooks.get_hooks(name)
    for name, (hook, _model) in MEDIA_HOOKS.items():
        assert hook in hooks.get_hooks(name)
    assert isolation_hooks.keep_tenant_root in hooks.get_hooks("before_delete_page")
    assert isolation_hooks.keep_tenant_roots_in_bulk in hooks.get_hooks("before_bulk_action")


@pytest.mark.parametrize("hook_name", PAGE_HOOKS)
def test_page_hooks_show_the_tenant_tree_in_every_locale_and_its_ancestors(
    hook_name, translated_club, other_club
):
    club, english = translated_club
    visible = set(apply_page_hook(hook_name, club.editor).values_list("pk", flat=True))

    own_trees = club.get_descendants(inclusive=True) | english.get_descendants(inclusive=True)
    ancestors = club.get_ancestors() | english.get_ancestors()
    assert visible == set(own_trees.values_list("pk", flat=True)) | set(
        ancestors.values_list("pk", flat=True)
    )
    assert english.pk in visible
    assert other_club.pk not in visible


@pytest.mark.parametrize("hook_name", PAGE_HOOKS)
def test_page_hooks_leave_the_agency_and_superusers_unconfined(hook_name, club, agency_user):
    superuser = UserFactory(is_superuser=True)
    for user in (agency_user, superuser):
        assert apply_page_hook(hook_name, user).count() == Page.objects.count()


def test_page_chooser_shows_nothing_to_a_user_without_tenant(club):
    assert not apply_page_hook("construct_page_chooser_queryset", UserFactory()).exists()


def test_explorer_refuses_a_user_without_tenant(club):
    with pytest.raises(PermissionDenied):
        apply_page_hook("construct_explorer_page_queryset", UserFactory())


@pytest.mark.parametrize("hook_name", MEDIA_HOOKS)
def test_media_hooks_show_the_tenant_collections_and_their_children(
    hook_name, club, other_club, agency_user
):
    hook, model = MEDIA_HOOKS[hook_name]
    create = image if model is Image else document
    sub_collection = club.tenant.collection.add_child(name="Sommerfest")
    own = create(club.tenant.collection, title="eigen")
    own_below = create(sub_collection, title="eigen, Unterordner")
    foreign = create(other_club.tenant.collection, title="fremd")
    unfiled = create(Collection.get_first_root_node(), title="ohne Verein")

    visible = set(hook(model.objects.all(), request_by(club.editor)))
    assert visible == {own, own_below}
    assert set(hook(model.objects.all(), request_by(agency_user))) == {
        own,
        own_below,
        foreign,
        unfiled,
    }


def test_an_editor_in_several_tenants_sees_all_of_them(club, other_club):
    third = ClubFactory()
    club.editor.groups.add(other_club.tenant.group)
    visible = apply_page_hook("construct_page_chooser_queryset", club.editor)
    assert visible.filter(pk=club.pk).exists()
    assert visible.filter(pk=other_club.pk).exists()
    assert not visible.filter(pk=third.pk).exists()


def test_explorer_of_a_translated_club_lists_only_its_own_club(client, translated_club, other_club):
    """With a translation the editor's explorable root moves up to the tree root, so the club
    index is listed, and must not list the other clubs."""
    club, english = translated_club
    client.force_login(club.editor)
    response = client.get(reverse("wagtailadmin_explore", args=[club_index().pk]))
    assert response.status_code == 200
    assert club.title in response.content.decode()
    assert other_club.title not in response.content.decode()


def test_explorer_refuses_another_club_to_the_editor_of_a_translated_club(
    client, translated_club, other_club
):
    club, english = translated_club
    add_child(other_club, ContentPage(title="Interne Seite", slug="intern"))
    client.force_login(club.editor)
    for page in (other_club, other_club.get_children().get()):
        response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert client.get(reverse("wagtailadmin_explore", args=[english.pk])).status_code == 200


def test_dashboard_counts_only_the_translated_clubs_own_pages(client, translated_club, other_club):
    """Wagtail's dashboard counts every page below the explorable root: for an editor whose
    club has a translation, the whole district ("934 Seiten" in the demo), linked to the tree
    root. The editor sees their own club's pages, in every locale, linked to their club."""
    club, english = translated_club
    add_child(other_club, ContentPage(title="Interne Seite", slug="intern"))
    client.force_login(club.editor)
    own = Page.objects.filter(tenant_pages(club.editor)).count()
    assert own >= 2  # the club and its translation
    assert Page.objects.count() - 1 > own
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    link = reverse("wagtailadmin_explore", args=[club.pk])
    assert re.search(rf'<a href="{link}">\s*{own} Seiten', html)


# The tenant's root page belongs to the agency: its own editors cannot delete it, even where
# Wagtail's page permissions would allow it (a draft root without children; a trusted club's
# root with publish permission).


@pytest.fixture
def draft_club(db):
    return ClubFactory(publish=False)


@pytest.fixture
def trusted_leaf_club(db):
    club = ClubFactory()
    club.tenant.direct_publishing = True
    club.tenant.save()
    return club


@pytest.mark.parametrize("club_fixture", ["draft_club", "trusted_leaf_club"])
def test_editors_cannot_delete_their_tenant_root(client, request, club_fixture):
    club = request.getfixturevalue(club_fixture)
    assert club.permissions_for_user(club.editor).can_delete()  # what the hook guards
    client.force_login(club.editor)
    url = reverse("wagtailadmin_pages:delete", args=[club.pk])

    assert client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert client.post(url)["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.filter(pk=club.pk).exists()


@pytest.mark.parametrize("club_fixture", ["draft_club", "trusted_leaf_club"])
def test_editors_cannot_bulk_delete_their_tenant_root(client, request, club_fixture):
    club = request.getfixturevalue(club_fixture)
    client.force_login(club.editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])

    response = client.post(f"{url}?id={club.pk}")

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert Page.objects.filter(pk=club.pk).exists()


@pytest.mark.parametrize("club_fixture", ["draft_club", "trusted_leaf_club"])
def test_editors_cannot_delete_their_tenant_root_through_the_admin_api(
    client, request, club_fixture
):
    club = request.getfixturevalue(club_fixture)
    client.force_login(club.editor)
    url = reverse("wagtailadmin_api:pages:action", args=[club.pk, "delete"])

    response = client.post(url, data={}, content_type="application/json")

    assert response.status_code == 403
    assert Page.objects.filter(pk=club.pk).exists()


def test_editors_can_still_delete_pages_below_their_root(client, draft_club):
    page = add_child(draft_club, ContentPage(title="Alt", slug="alt", live=False), publish=False)
    client.force_login(draft_club.editor)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_the_agency_can_delete_a_tenant_root(client, draft_club, agency_user):
    client.force_login(agency_user)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[draft_club.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=draft_club.pk).exists()


def test_the_agency_can_delete_a_tenant_root_through_the_admin_api(client, draft_club, agency_user):
    client.force_login(agency_user)
    url = reverse("wagtailadmin_api:pages:action", args=[draft_club.pk, "delete"])
    response = client.post(url, data={}, content_type="application/json")
    assert response.status_code == 204
    assert not Page.objects.filter(pk=draft_club.pk).exists()


def test_partner_club_choices_do_not_reveal_unapproved_clubs(client, club):
    ClubFactory("Noch nicht freigegebener Verein", publish=False)
    project = add_child(club, ProjectPage(title="Sprachcafé", slug="sprachcafe"))
    client.force_login(club.editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
    assert response.status_code == 200
    assert "Noch nicht freigegebener Verein" not in response.content.decode()


def test_page_chooser_by_type_starts_inside_the_editors_own_club(client, club, other_club):
    """Opened for a page type without a page id, Wagtail's chooser starts at the common
    ancestor of every page of that type; if only another club has one, that is the other
    club's page and its title would show (page_guard.py)."""
    secret = add_child(other_club, ProjectPage(title="Geheimes Projekt", slug="geheim"))
    secret.save_revision()  # a draft title, never public
    client.force_login(club.editor)
    url = reverse("wagtailadmin_choose_page")
    response = client.get(url, {"page_type": "clubs.projectpage"})
    assert response.status_code == 200
    text = response.json()["html"]
    assert other_club.title not in text
    assert "Geheimes Projekt" not in text
    assert club.title in text

    own = add_child(club, ProjectPage(title="Sprachcafé", slug="sprachcafe"))
    text = client.get(url, {"page_type": "clubs.projectpage"}).json()["html"]
    assert own.title in text
    assert "Geheimes Projekt" not in text


def test_page_chooser_by_type_is_unchanged_for_the_agency(client, other_club, agency_user):
    add_child(other_club, ProjectPage(title="Geheimes Projekt", slug="geheim"))
    client.force_login(agency_user)
    response = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "clubs.projectpage"})
    assert "Geheimes Projekt" in response.json()["html"]


def test_page_chooser_by_unknown_type_is_still_a_404(client, club):
    client.force_login(club.editor)
    response = client.get(reverse("wagtailadmin_choose_page"), {"page_type": "clubs.nothing"})
    assert response.status_code == 404


def test_reports_a_club_cannot_use_are_hidden_and_refused(client, club, agency_user):
    """Page types usage (district-wide counts), aging pages and the workflow reports are the
    agency's (#17 item 10): not in a club editor's menu, and refused when typed in."""
    hidden = ("page-types-usage", "aging-pages", "workflow-tasks")
    client.force_login(club.editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert not [name for name in hidden if name in menu]
    # A club editor has no reports menu at all (tests/tenancy/test_admin_ui.py); the reports
    # filtered to their own pages (site history, locked pages) stay reachable by address.
    assert "site-history" not in menu
    assert client.get(reverse("wagtailadmin_reports:site_history")).status_code == 200
    for name in ("page_types_usage", "aging_pages", "workflow", "workflow_tasks"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (302, 403), name
        assert response.status_code == 403 or response.url != reverse(
            f"wagtailadmin_reports:{name}"
        )
    client.force_login(agency_user)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert all(name in menu for name in hidden)
    assert client.get(reverse("wagtailadmin_reports:page_types_usage")).status_code == 200
