"""Who may see and change what: the access checks every app uses, in one place.

A *tenant* (a club or a partner organisation) is a page tree, an editors' group and a
collection; an editor reaches what the tenants of their groups own. The agency (the platform's
operator) is not confined. The tenant model is named by the ``TENANT_MODEL`` setting (like
Django's ``AUTH_USER_MODEL``), so this module names no app of the domain; the tenancy app
provides the model and Wagtail's permissions do the rest (docs/architecture.md).
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from wagtail.models import Collection, Page

NOTHING = Q(pk__in=[])


def get_tenant_model():
    return apps.get_model(settings.TENANT_MODEL, require_ready=False)


def tenants_of(user):
    """The tenants whose editors' group the user belongs to."""
    tenant_model = get_tenant_model()
    if not user.is_authenticated:
        return tenant_model.objects.none()
    return tenant_model.objects.filter(group__in=user.groups.all()).select_related(
        "root_page", "collection"
    )


def club_tenants_of(user):
    """The clubs (not partner organisations) whose editors' group the user belongs to."""
    return tenants_of(user).filter(kind=get_tenant_model().CLUB)


def works_across_tenants(user) -> bool:
    """Whether the user reaches every tenant (the agency): the tenant model's
    ``work_across_tenants`` permission, granted by the platform setup, never a group's name."""
    opts = get_tenant_model()._meta
    return user.has_perm(f"{opts.app_label}.work_across_tenants")


def is_confined(user) -> bool:
    return not works_across_tenants(user)


def tenant_collections(user):
    return Collection.objects.filter(tenant__in=tenants_of(user))


def allowed_collection_ids(user) -> set[int]:
    """The collections (with their sub-collections) whose images and documents the user may
    use in pages."""
    ids: set[int] = set()
    for collection in tenant_collections(user):
        ids.update(collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def tenant_root_pages(user):
    """The root pages of the user's tenants, in every locale they have been translated into."""
    keys = tenants_of(user).values("root_page__translation_key")
    return Page.objects.filter(translation_key__in=keys).only("path")


def tenant_pages(user, with_ancestors: bool = False) -> Q:
    """A filter for pages inside the user's tenants' trees (and, if asked, above them)."""
    condition = NOTHING
    for root in tenant_root_pages(user):
        condition |= Q(path__startswith=root.path)
        if with_ancestors:
            ancestors = [
                root.path[:end] for end in range(Page.steplen, len(root.path), Page.steplen)
            ]
            condition |= Q(path__in=ancestors)
    return condition


def tenant_media(user) -> Q:
    """A filter for images or documents in the user's tenants' collections (or below them).

    By collection id, because the image and document choosers search with Wagtail's search
    backends, which filter on ``collection`` but not on fields of related models."""
    subtrees = NOTHING
    for collection in tenant_collections(user).only("path"):
        subtrees |= Q(path__startswith=collection.path)
    return Q(collection__in=list(Collection.objects.filter(subtrees).values_list("pk", flat=True)))
