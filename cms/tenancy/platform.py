"""The platform-wide pieces every installation has: the agency group with its permissions, the
collection parents for tenants, and the approval workflow. Created after every migrate, and
idempotent, so tests and fresh installs get the same setup."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import COLLECTION_PARENTS

# The name the agency's group is created with; it is found by its right afterwards.
AGENCY_GROUP_NAME = "Integrationsagentur"
WORKFLOW_NAME = "Freigabe durch die Integrationsagentur"

PAGE_PERMISSIONS_AGENCY = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
COLLECTION_PERMISSIONS_AGENCY = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtailcore", "add_collection"),
    ("wagtailcore", "change_collection"),
    ("wagtailcore", "delete_collection"),
]
# Model permissions of the agency. It deliberately has none on auth users: Wagtail's user
# admin would let it edit superusers; editors are created by provisioning instead.
MODEL_PERMISSIONS_AGENCY = [
    ("wagtailadmin", "access_admin"),
    ("simple_translation", "submit_translation"),
    ("wagtailcore", "add_workflow"),
    ("wagtailcore", "change_workflow"),
    ("wagtailcore", "add_task"),
    ("wagtailcore", "change_task"),
    ("wagtailcore", "add_locale"),
    ("wagtailcore", "change_locale"),
    ("tenancy", "view_registrationrequest"),
    ("tenancy", "change_registrationrequest"),
    ("tenancy", "view_tenant"),
    ("tenancy", "change_tenant"),
    ("tenancy", "delete_tenant"),
    # The agency's rights across tenants (the models' Meta.permissions); every check asks
    # has_perm, never the group's name, so renaming the group keeps them.
    ("tenancy", "work_across_tenants"),
    ("tenancy", "view_reports"),
    ("rooms", "decide_booking"),
    ("board", "moderate_boardpost"),
    ("signups", "view_all_signups"),
    ("homepages", "view_sitebuild"),
    ("portal", "view_feedback"),
    ("portal", "change_feedback"),
    *[
        ("taxonomy", f"{action}_{model}")
        for model in ("municipality", "country", "language", "focusarea", "umbrellaorganisation")
        for action in ("add", "change", "delete", "view")
    ],
    *[("rooms", f"{action}_room") for action in ("add", "change", "delete", "view")],
    *[("funding", f"{action}_fundingprogramme") for action in ("add", "change", "delete", "view")],
]


def permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(action: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def tenant_collection_parent(label: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=label).first()
    return existing or root.add_child(name=label)


def agency_group() -> Group:
    """The agency's group: the first to hold the agency's own permission, whatever the agency
    has renamed it to (by name only before ``ensure_platform_setup`` gave it that right)."""
    return find_agency_group() or Group.objects.get(name=AGENCY_GROUP_NAME)


def find_agency_group() -> Group | None:
    return (
        Group.objects.filter(
            permissions__content_type__app_label="tenancy",
            permissions__codename="work_across_tenants",
        )
        .order_by("pk")
        .first()
    )


def approval_workflow() -> Workflow:
    return Workflow.objects.get(name=WORKFLOW_NAME)


@transaction.atomic
def ensure_platform_setup() -> None:
    # Found by its right, not its name: a renamed agency group must not get a twin.
    group = find_agency_group() or Group.objects.get_or_create(name=AGENCY_GROUP_NAME)[0]
    group.permissions.add(*(permission(app, code) for app, code in MODEL_PERMISSIONS_AGENCY))
    root_page = Page.get_first_root_node()
    if root_page is None:  # an emptied database (``flush``): nothing to attach rights to
        return
    for action in PAGE_PERMISSIONS_AGENCY:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=page_permission(action)
        )
    root_collection = Collection.get_first_root_node()
    for app, code in COLLECTION_PERMISSIONS_AGENCY:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=permission(app, code)
        )
    for label in COLLECTION_PARENTS.values():
        tenant_collection_parent(label)

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(
            name=str(_("Prüfung durch die Integrationsagentur"))
        )
        task.groups.set([group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # Wagtail's starter workflow on the root page would send every page to the empty
    # "Moderators" group; approval here is the agency's, per tenant.
    WorkflowPage.objects.filter(page=root_page).exclude(workflow=workflow).delete()
