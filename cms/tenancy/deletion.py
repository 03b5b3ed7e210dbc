"""Deleting a club for good (the agency's "Verein löschen"): its pages in every language, its
images and documents with their files and renditions, its editors' accounts, the personal data
of its registration, its built homepage — everything, in one transaction, recorded in the
audit log (Wagtail's *Protokoll*) with who did it and what was removed.

Accounts are deleted only where they belong to this club alone; an editor who also works for
another club (or for the agency) keeps the account and just leaves this club's group.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from cms.core.signals import content_changed

from .models import RegistrationRequest, Tenant

ACTION = "vereinsnetz.tenant_deleted"


@dataclass
class DeletionReport:
    tenant: str
    pages: int = 0
    images: int = 0
    documents: int = 0
    accounts_deleted: int = 0
    accounts_kept: int = 0
    registrations: int = 0


def delete_tenant(tenant: Tenant, *, by=None) -> DeletionReport:
    report = DeletionReport(tenant=tenant.name)
    slug = tenant.root_page.slug
    with transaction.atomic():
        roots = list(tenant.root_pages())
        for root in roots:
            report.pages += root.get_descendants(inclusive=True).count()
        collections = tenant.collection.get_descendants(inclusive=True)
        images = get_image_model().objects.filter(collection__in=collections)
        documents = get_document_model().objects.filter(collection__in=collections)
        report.images = images.count()
        report.documents = documents.count()
        # One by one, so Wagtail's signal handlers remove the files and renditions.
        for item in [*images, *documents]:
            item.delete()

        group = tenant.group
        for user in get_user_model().objects.filter(groups=group).prefetch_related("groups"):
            if user.is_superuser or user.groups.exclude(pk=group.pk).exists():
                user.groups.remove(group)
                report.accounts_kept += 1
            else:
                user.delete()
                report.accounts_deleted += 1
        registrations = RegistrationRequest.objects.filter(tenant=tenant)
        report.registrations = registrations.count()
        registrations.delete()

        log(instance=tenant, action=ACTION, user=by, data=asdict(report))
        collection = tenant.collection
        tenant.delete()
        # Translations first: the default locale's root is the source of the others.
        for root in sorted(roots, key=lambda page: page.pk == tenant.root_page_id):
            root.delete()
        group.delete()
        for child in collection.get_descendants(inclusive=False).order_by("-depth"):
            child.delete()
        collection.delete()
        content_changed.send(Tenant, removed_club_slugs=[slug])
    return report
