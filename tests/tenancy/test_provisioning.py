"""Provisioning a club: exactly one of each thing, idempotent, all or nothing; the editor's
one-time link; the publishing mode; rights on translations."""

from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    WorkflowPage,
)

from cms.clubs.models import ClubPage
from cms.taxonomy.models import Country, FocusArea, Language
from cms.tenancy import platform, provisioning
from cms.tenancy.models import Tenant
from cms.tenancy.provisioning import club_index, provision_club
from tests.factories import municipality

pytestmark = pytest.mark.django_db

EDITOR_PAGE_PERMISSIONS = {"add_page", "change_page", "lock_page", "unlock_page"}
EDITOR_COLLECTION_PERMISSIONS = {
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
}
NEW_PASSWORD = "Ein-langes-Passwort-2026"


def provision(**overrides):
    arguments = {
        "name": "Kulturverein Anatolien e. V.",
        "municipality": municipality("Jülich"),
        "founding_year": 1998,
        "countries": Country.objects.filter(code__in=["TR"]),
        "languages": Language.objects.filter(tag__in=["tr", "de"]),
        "focus_areas": FocusArea.objects.filter(name__in=["Kultur", "Jugend"]),
        "editor_email": "Vorstand@Anatolien.example",
        "editor_first_name": "Ayşe",
        "editor_last_name": "Yılmaz",
        **overrides,
    }
    return provision_club(**arguments)


def row_counts() -> Counter:
    """Rows of every table, by model (including many-to-many tables)."""
    return Counter(
        {
            model._meta.label: model._base_manager.count()
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def growth(before: Counter, after: Counter) -> dict:
    return {label: after[label] - before[label] for label in after if after[label] != before[label]}


def page_permissions(group, page) -> set[str]:
    rows = GroupPagePermission.objects.filter(group=group, page=page)
    return set(rows.values_list("permission__codename", flat=True))


def collection_permissions(group, collection) -> set[str]:
    rows = GroupCollectionPermission.objects.filter(group=group, collection=collection)
    return set(rows.values_list("permission__codename", flat=True))


def test_provisioning_creates_exactly_one_of_each_thing():
    before = row_counts()

    result = provision()

    grown = growth(before, row_counts())
    search_index = {label for label in grown if label.startswith("wagtailsearch.")}
    assert {label: n for label, n in grown.items() if label not in search_index} == {
        "wagtailcore.Page": 1,
        "clubs.ClubPage": 1,
        "clubs.ClubPage_countries": 1,
        "clubs.ClubPage_languages": 2,
        "clubs.ClubPage_focus_areas": 2,
        "wagtailcore.Revision": 1,
        "wagtailcore.PageLogEntry": 1,
        "wagtailcore.ReferenceIndex": 1,
        "wagtailcore.WorkflowPage": 1,
        "auth.Group": 1,
        "auth.Group_permissions": 2,
        "wagtailcore.GroupPagePermission": len(EDITOR_PAGE_PERMISSIONS),
        "wagtailcore.Collection": 1,
        "wagtailcore.GroupCollectionPermission": len(EDITOR_COLLECTION_PERMISSIONS),
        "tenancy.Tenant": 1,
        get_user_model()._meta.label: 1,
        "auth.User_groups": 1,
    }

    tenant = result.tenant
    page = tenant.root_page.specific
    assert result.created and result.editor_created
    assert isinstance(page, ClubPage)
    assert page.get_parent().pk == club_index().pk
    assert (page.title, page.slug, page.live) == (
        "Kulturverein Anatolien e. V.",
        "kulturverein-anatolien-e-v",
        False,
    )
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == 1
    assert {c.code for c in page.countries.all()} == {"TR"}
    assert {f.name for f in page.focus_areas.all()} == {"Kultur", "Jugend"}

    assert tenant.group.name == "Verein: Kulturverein Anatolien e. V. — Redaktion"
    assert set(tenant.group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "submit_translation",
    }
    assert page_permissions(tenant.group, page) == EDITOR_PAGE_PERMISSIONS
    assert GroupPagePermission.objects.filter(group=tenant.group).count() == 4

    assert tenant.collection.name == page.title
    assert tenant.collection.get_parent().name == "Vereine"
    assert collection_permissions(tenant.group, tenant.collection) == (
        EDITOR_COLLECTION_PERMISSIONS
    )
    assert GroupCollectionPermission.objects.filter(group=tenant.group).count() == 6

    assert WorkflowPage.objects.get(page=page).workflow == platform.approval_workflow()
    assert tenant.direct_publishing is False

    editor = result.editor
    assert editor.email == editor.username == "vorstand@anatolien.example"
    assert (editor.first_name, editor.last_name) == ("Ayşe", "Yılmaz")
    assert not editor.has_usable_password()
    assert list(editor.groups.all()) == [tenant.group]
    assert not editor.is_staff and not editor.is_superuser
    perms = page.permissions_for_user(editor)
    assert perms.can_edit() and perms.can_add_subpage() and not perms.can_publish()
    assert not page.get_parent().permissions_for_user(editor).can_add_subpage()


def test_provisioning_twice_changes_nothing():
    first = provision()
    before = row_counts()

    second = provision()

    assert growth(before, row_counts()) == {}
    assert second.tenant == first.tenant
    assert second.editor == first.editor
    assert not second.created and not second.editor_created
    assert second.invite_url is None


def test_a_renamed_agency_group_gets_no_twin_and_keeps_its_tasks():
    """The agency may rename its group in the admin; the platform setup (run at every start)
    found it by name and created a second "Integrationsagentur" with every right."""
    group = platform.agency_group()
    group.name = "Integrationsagentur Kreis Düren"
    group.save()
    platform.ensure_platform_setup()
    assert platform.agency_group() == group
    assert not Group.objects.filter(name="Integrationsagentur").exists()
    task = platform.approval_workflow().workflow_tasks.get().task.specific
    assert list(task.groups.all()) == [group]


def test_provisioning_an_existing_editor_for_a_second_club_adds_them_to_its_group():
    first = provision()
    second = provision(name="Elternnetzwerk Düren")
    assert second.editor == first.editor
    assert not second.editor_created
    assert set(second.editor.groups.all()) == {first.tenant.group, second.tenant.group}


def raise_error(*args, **kwargs):
    raise RuntimeError("Absturz mitten in der Einrichtung")


FAILURE_POINTS = {
    "collection": (Collection, "add_child"),
    "tenant": (Tenant.objects, "create"),
    "page_permissions": (provisioning, "grant_page_permissions"),
    "publishing_mode": (provisioning, "apply_publishing_mode"),
    "editor": (provisioning, "ensure_editor"),
}


@pytest.mark.parametrize("step", FAILURE_POINTS)
def test_a_failure_in_the_middle_leaves_nothing_behind(step, monkeypatch):
    provision(name="Schon da e. V.", editor_email="schon@da.example")
    before = row_counts()
    index_children = club_index().numchild
    target, attribute = FAILURE_POINTS[step]
    with monkeypatch.context() as patch:
        patch.setattr(target, attribute, raise_error)
        with pytest.raises(RuntimeError):
            provision()

    assert growth(before, row_counts()) == {}
    assert club_index().numchild == index_children
    assert not Group.objects.filter(name__contains="Anatolien").exists()
    assert not get_user_model().objects.filter(email="vorstand@anatolien.example").exists()

    # and a retry after the failure provisions the club cleanly
    result = provision()
    assert result.created
    assert Page.objects.filter(slug="kulturverein-anatolien-e-v").count() == 1
    assert Collection.objects.filter(name="Kulturverein Anatolien e. V.").count() == 1


def test_invalid_club_data_is_rejected_before_anything_is_created():
    before = row_counts()
    with pytest.raises(Exception, match="Gründungsjahr"):
        provision(founding_year=1800)
    assert growth(before, row_counts()) == {}


# --- the one-time link ---------------------------------------------------------------------


def follow_invite(client, url):
    return client.get(url.removeprefix("http://testserver"), follow=True)


def test_the_one_time_link_sets_a_password_once(client):
    result = provision()
    url = result.invite_url
    assert url.startswith("http://testserver/admin/password_reset/")

    form_page = follow_invite(client, url)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    editor = get_user_model().objects.get(pk=result.editor.pk)
    assert editor.check_password(NEW_PASSWORD)
    assert client.login(username="vorstand@anatolien.example", password=NEW_PASSWORD)
    client.logout()

    again = follow_invite(client, url)
    assert again.context["validlink"] is False
    assert "new_password1" not in again.content.decode()


def test_the_one_time_link_is_not_issued_again():
    provision()
    assert provision().invite_url is None


# --- publishing mode -----------------------------------------------------------------------


def publishing_state(tenant):
    page = tenant.root_page
    editor = tenant.group.user_set.get()
    return {
        "publish permission": "publish_page" in page_permissions(tenant.group, page),
        "workflow": WorkflowPage.objects.filter(page=page).exists(),
        "editor can publish": page.permissions_for_user(editor).can_publish(),
    }


def test_direct_publishing_toggles_publish_permission_and_workflow():
    tenant = provision().tenant
    untrusted = {"publish permission": False, "workflow": True, "editor can publish": False}
    trusted = {"publish permission": True, "workflow": False, "editor can publish": True}
    assert publishing_state(tenant) == untrusted

    tenant.direct_publishing = True
    tenant.save()
    assert publishing_state(tenant) == trusted
    assert page_permissions(tenant.group, tenant.root_page) == EDITOR_PAGE_PERMISSIONS | {
        "publish_page"
    }

    tenant.direct_publishing = False
    tenant.save()
    assert publishing_state(tenant) == untrusted
    assert page_permissions(tenant.group, tenant.root_page) == EDITOR_PAGE_PERMISSIONS


def test_toggling_publishing_mode_leaves_other_tenants_alone():
    tenant = provision().tenant
    other = provision(name="Anderer Verein", editor_email="anders@example.org").tenant
    tenant.direct_publishing = True
    tenant.save()
    assert publishing_state(other) == {
        "publish permission": False,
        "workflow": True,
        "editor can publish": False,
    }


# --- translations --------------------------------------------------------------------------


@pytest.mark.parametrize("direct_publishing", [False, True], ids=["untrusted", "trusted"])
def test_a_translation_of_the_club_page_gets_the_club_groups_rights(direct_publishing):
    tenant = provision().tenant
    tenant.direct_publishing = direct_publishing
    tenant.save()
    page = tenant.root_page.specific
    editor = tenant.group.user_set.get()

    translation = page.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )

    expected = EDITOR_PAGE_PERMISSIONS | ({"publish_page"} if direct_publishing else set())
    assert page_permissions(tenant.group, translation) == expected
    assert WorkflowPage.objects.filter(page=translation).exists() is not direct_publishing
    assert set(tenant.root_pages()) == {page.page_ptr, translation.page_ptr}
    perms = translation.permissions_for_user(editor)
    assert perms.can_edit() and perms.can_add_subpage()
    assert perms.can_publish() is direct_publishing
    # the translated parents (portal home, club index) stay the agency's
    assert not translation.get_parent().permissions_for_user(editor).can_edit()


def test_toggling_publishing_mode_covers_existing_translations():
    tenant = provision().tenant
    translation = tenant.root_page.specific.copy_for_translation(
        Locale.objects.get(language_code="uk"), copy_parents=True
    )
    tenant.direct_publishing = True
    tenant.save()
    assert "publish_page" in page_permissions(tenant.group, translation)
    assert not WorkflowPage.objects.filter(page=translation).exists()


def test_a_translated_page_below_the_club_is_covered_by_the_translated_root(client):
    from cms.clubs.models import ContentPage
    from tests.factories import add_child

    tenant = provision().tenant
    page = tenant.root_page.specific
    child = add_child(page, ContentPage(title="Über uns", slug="ueber-uns"))
    locale = Locale.objects.get(language_code="en")
    page.copy_for_translation(locale, copy_parents=True)
    translated_child = child.copy_for_translation(locale)
    editor = tenant.group.user_set.get()
    assert translated_child.permissions_for_user(editor).can_edit()

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[translated_child.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["جمعية الأناضول", "Українська громада", "ክለብ ኤርትራ"])
def test_a_club_named_in_another_script_is_provisioned(db, name):
    from cms.taxonomy.models import Municipality
    from cms.tenancy.provisioning import provision_club

    result = provision_club(name=name, municipality=Municipality.objects.get(slug="dueren"))
    assert result.tenant.root_page.slug
    assert result.tenant.root_page.title == name
