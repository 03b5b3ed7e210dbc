"""Admin hooks that confine club editors to their own tenants.

Wagtail's permissions already stop an editor from *changing* another club's pages, images and
documents; these hooks stop them from *seeing* them: the explorer, the page chooser, the image
and document choosers and the admin API's image and document listings show nothing outside the
editor's tenants' page trees (in every locale) and collections. Superusers and the agency are
not confined.

The page explorer and the page chooser keep the ancestors of a tenant's root page (portal home,
club index), because both are browsed from the top of the tree: without them an editor could
not navigate down to their own club. The explorer refuses to open any other page: Wagtail
would otherwise show another club's title and status to an editor whose club has a translation
(their "explorable root" is then the tree root).

A tenant's root page is the agency's: its editors may edit it, but deleting it would take the
whole tenant with it, so the admin refuses that to them (delete view, bulk delete, admin API).
"""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.auth import permission_denied
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page

from cms.core.access import is_confined, tenant_media, tenant_pages, tenants_of

from .models import Tenant


@hooks.register("construct_explorer_page_queryset")
def confine_explorer(parent_page, pages, request):
    if not is_confined(request.user):
        return pages
    visible = tenant_pages(request.user, with_ancestors=True)
    if not Page.objects.filter(visible, pk=parent_page.pk).exists():
        raise PermissionDenied
    return pages.filter(visible)


@hooks.register("construct_page_chooser_queryset")
def confine_page_chooser(pages, request):
    if not is_confined(request.user):
        return pages
    return pages.filter(tenant_pages(request.user, with_ancestors=True))


@hooks.register("construct_image_chooser_queryset")
def confine_image_chooser(images, request):
    if not is_confined(request.user):
        return images
    return images.filter(tenant_media(request.user))


@hooks.register("construct_document_chooser_queryset")
def confine_document_chooser(documents, request):
    if not is_confined(request.user):
        return documents
    return documents.filter(tenant_media(request.user))


class ConfinedMediaMixin:
    """Wagtail's admin API lists every image and document to anyone with admin access."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if is_confined(self.request.user):
            queryset = queryset.filter(tenant_media(self.request.user))
        return queryset


class ConfinedImagesAdminAPIViewSet(ConfinedMediaMixin, ImagesAdminAPIViewSet):
    """The admin API's image listing, confined to the editor's collections."""


class ConfinedDocumentsAdminAPIViewSet(ConfinedMediaMixin, DocumentsAdminAPIViewSet):
    """The admin API's document listing, confined to the editor's collections."""


def is_tenant_root(page_id) -> bool:
    return Tenant.objects.filter(root_page_id=page_id).exists()


class KeepTenantRootsPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's page actions bypass the admin views' ``before_delete_page`` hook, and
    its listing shows every page the user may *explore* — for an editor whose club has a
    translation, the whole tree (their explorable root is then the tree root)."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if is_confined(self.request.user):
            queryset = queryset.filter(tenant_pages(self.request.user, with_ancestors=True))
        return queryset

    def action_view(self, request, pk, action_name):
        if action_name == "delete" and is_confined(request.user) and is_tenant_root(pk):
            raise PermissionDenied
        return super().action_view(request, pk, action_name)


# Runs after wagtail.images' and wagtail.documents' own hooks (order 0) and replaces their
# endpoints.
@hooks.register("construct_admin_api", order=100)
def confine_admin_api(router):
    router.register_endpoint("pages", KeepTenantRootsPagesAdminAPIViewSet)
    router.register_endpoint("images", ConfinedImagesAdminAPIViewSet)
    router.register_endpoint("documents", ConfinedDocumentsAdminAPIViewSet)


class TenantPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count of a confined editor: the pages of their tenants (in every
    locale), linked to their own root page. Wagtail's counts everything below the editor's
    explorable root, which for a club with a translation is the whole district."""

    def get_context_data(self, parent_context):
        tenants = list(tenants_of(self.request.user))
        first = tenants[0] if tenants else None
        return {
            "root_page": first.root_page if first else None,
            "total_pages": Page.objects.filter(tenant_pages(self.request.user)).count(),
            "site_name": first.name if first else "",
        }

    def is_shown(self):
        return bool(tenants_of(self.request.user)) and super().is_shown()


@hooks.register("construct_homepage_summary_items", order=100)
def confine_page_summary(request, summary_items):
    if is_confined(request.user):
        summary_items[:] = [
            TenantPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
            for item in summary_items
        ]


@hooks.register("construct_reports_menu")
def hide_agency_reports(request, menu_items):
    """Reports a club cannot use (district-wide page type counts, aging pages, workflows) are
    the agency's; the guard refuses their URLs (page_guard.AGENCY_ONLY)."""
    if is_confined(request.user):
        menu_items[:] = [item for item in menu_items if item.name not in AGENCY_REPORTS]


AGENCY_REPORTS = {"page-types-usage", "aging-pages", "workflows", "workflow-tasks"}


@hooks.register("before_delete_page")
def keep_tenant_root(request, page):
    if is_confined(request.user) and is_tenant_root(page.pk):
        return permission_denied(request)
    return None


@hooks.register("before_bulk_action")
def keep_tenant_roots_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete" or not is_confined(request.user):
        return None
    page_ids = [obj.pk for obj in objects if isinstance(obj, Page)]
    if Tenant.objects.filter(root_page_id__in=page_ids).exists():
        return permission_denied(request)
    return None
