"""Partner organisations are provisioned by the tenants' own machinery."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import GroupPagePermission, WorkflowPage

from cms.partners.models import PartnerIndexPage, PartnerPage
from cms.partners.provisioning import partner_index, provision_partner
from cms.portal.models import PortalHomePage
from cms.tenancy.models import Tenant, TenantKind
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def test_provision_partner_creates_page_group_collection_and_editor():
    result = provision_partner(
        name="THW Ortsverband Düren",
        municipality=municipality("Düren"),
        website="https://thw.example.org/",
        editor_email="Redaktion@THW.example.org",
    )

    tenant = result.tenant
    assert result.created and result.editor_created
    assert tenant.kind == TenantKind.PARTNER
    assert tenant.group.name == "Partner: THW Ortsverband Düren — Redaktion"
    assert tenant.collection.get_parent().name == "Partnerorganisationen"
    page = tenant.root_page.specific
    assert isinstance(page, PartnerPage) and not page.live
    assert page.slug == "thw-ortsverband-dueren"
    assert isinstance(page.get_parent().specific, PartnerIndexPage)
    assert isinstance(page.get_parent().get_parent().specific, PortalHomePage)
    assert result.editor.email == "redaktion@thw.example.org"
    assert result.editor.groups.filter(pk=tenant.group.pk).exists()
    actions = set(
        GroupPagePermission.objects.filter(group=tenant.group, page=page).values_list(
            "permission__codename", flat=True
        )
    )
    assert actions == {"add_page", "change_page", "lock_page", "unlock_page"}
    assert WorkflowPage.objects.filter(page=page).exists()  # the agency approves by default


def test_provisioning_twice_changes_nothing():
    first = provision_partner(name="DRK Kreisverband Düren", editor_email="drk@example.org")
    second = provision_partner(name="DRK Kreisverband Düren", editor_email="drk@example.org")

    assert not second.created and not second.editor_created
    assert second.tenant == first.tenant
    assert Tenant.objects.filter(kind=TenantKind.PARTNER).count() == 1
    assert PartnerIndexPage.objects.count() == 1


def test_partner_index_is_made_once_under_the_portal_home():
    assert partner_index() is None
    index = partner_index(create=True)
    assert partner_index(create=True) == index
    assert index.live


def test_command_provisions_and_mails_the_invitation(django_capture_on_commit_callbacks):
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "provision_partner",
            "Malteser Hilfsdienst Düren",
            "--municipality",
            "dueren",
            "--editor-email",
            "malteser@example.org",
            stdout=out,
        )
    assert "Provisioned: Malteser Hilfsdienst Düren" in out.getvalue()
    assert [message.to for message in mail.outbox] == [["malteser@example.org"]]
    call_command("provision_partner", "Malteser Hilfsdienst Düren", stdout=out)
    assert "Already provisioned" in out.getvalue()


def test_command_refuses_an_unknown_municipality():
    with pytest.raises(CommandError, match="Unknown municipality"):
        call_command("provision_partner", "THW", "--municipality", "Atlantis")
