"""Refuses admin views that name a page, image or document outside the editor's tenants before
Wagtail runs them.

Wagtail checks what an editor may *change*, but many of its views *show* objects before any
check: the move confirmation prints the titles of the page and its destination, the workflow
preview names the page in its error message, the page chooser prints the page it browses, the
chooser's ``chosen-multiple`` view returns the titles and parents of any ids it is given, and
every bulk-action confirmation (``/admin/bulk/<app>/<model>/<action>/?id=…``) lists the
objects the user may *not* act on — with their titles. Any admin user could read another
club's draft titles by trying ids.

The class of the hole is "an admin URL that takes object ids", so the guard works on every
admin URL, not on a list of views: it reads the ids from the URL's path arguments *and* from
its query string (``id``, ``page_id``, ``parent_page_id``, ``childOf``, ``child_of`` …), works
out which model they name (from the URL's ``app_label``/``model_name`` arguments, else from
the URL's family: page editor, page chooser, explorer, reports, image and document libraries,
admin API), and answers with Wagtail's denial (403 in the chooser, a modal) unless each id lies
in the user's tenants — for pages also their ancestors (portal home, club index: public
titles an editor browses through), except in bulk actions, whose ``id=all&childOf=`` would list
the children of such an ancestor (every club). ``page`` is not read: in every Wagtail listing
it is the page *number* of the pagination.

Reports the clubs cannot use (page types usage with district-wide counts, aging pages, the
workflow reports) are the agency's: refused here, hidden from the menu in wagtail_hooks.py.

The agency is not confined. Found by tests/tenancy/test_reach_matrix.py.

The page chooser opened for a page type without a page id starts at the highest common
ancestor of *all* pages of that type, which may be another club's page (a type only one other
club uses); for a confined editor it starts at the common ancestor of those pages within the
editor's own tenants instead, or at the editor's own root page if they have none.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.core.access import is_confined, tenant_media, tenant_pages, tenant_root_pages

# Path arguments that always name a page, whatever the URL.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
# Path arguments that name an object of the URL's model.
OBJECT_ARGUMENTS = ("pk", "object_id", "image_id", "document_id", "doc_id")
# Query parameters that name objects of the URL's model (pages: also parents and filters of
# the admin API). Not ``page``: the pagination's page number in every listing.
QUERY_PARAMETERS = (
    "id",
    "page_id",
    "parent_page_id",
    "parent",
    "childOf",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
)
# URL families (by the start of the URL name) and the model their ids name.
PAGE_FAMILIES = (
    "wagtailadmin_pages:",
    "wagtailadmin_choose_page",
    "wagtailadmin_explore",
    "wagtailadmin_api:pages:",
    "wagtailadmin_reports:",
    "wagtailadmin_editing_sessions:",
    "simple_translation:submit_page",
)
IMAGE_FAMILIES = ("wagtailimages", "wagtailadmin_api:images:")
DOCUMENT_FAMILIES = ("wagtaildocs", "wagtailadmin_api:documents:")
BULK = "wagtail_bulk_action"
CHOOSERS = ("wagtailadmin_choose_page_child", "wagtailadmin_choose_page_chosen_multiple")
CHOOSER_START = "wagtailadmin_choose_page"

# Reports that mean nothing to a club, or show district-wide figures: the agency's only.
AGENCY_ONLY = {
    "wagtailadmin_reports:page_types_usage",
    "wagtailadmin_reports:page_types_usage_results",
    "wagtailadmin_reports:aging_pages",
    "wagtailadmin_reports:aging_pages_results",
    "wagtailadmin_reports:workflow",
    "wagtailadmin_reports:workflow_results",
    "wagtailadmin_reports:workflow_tasks",
    "wagtailadmin_reports:workflow_tasks_results",
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
}


def model_of(match):
    """The model whose ids the URL carries, or None."""
    kwargs = match.kwargs
    for app_key, model_key in (
        ("app_label", "model_name"),
        ("content_type_app_name", "content_type_model_name"),
        ("app_name", "model_name"),
    ):
        if app_key in kwargs and model_key in kwargs:
            try:
                return apps.get_model(kwargs[app_key], kwargs[model_key])
            except (LookupError, ValueError):
                return None
    name = match.view_name
    if name.startswith(PAGE_FAMILIES):
        return Page
    if name.startswith(IMAGE_FAMILIES):
        return get_image_model()
    if name.startswith(DOCUMENT_FAMILIES):
        return get_document_model()
    return None


def as_ids(values) -> list[int]:
    """The integer ids among ``values`` (anything else is left to Wagtail's own 400/404)."""
    ids = []
    for value in values:
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return ids


def named_objects(match, query) -> tuple[list[int], type | None, list[int]]:
    """(page ids, model, ids of that model) the URL and its query string name."""
    model = model_of(match)
    pages = as_ids(match.kwargs[name] for name in PAGE_ARGUMENTS if name in match.kwargs)
    objects = as_ids(match.kwargs[name] for name in OBJECT_ARGUMENTS if name in match.kwargs)
    if model is not None:
        for name in QUERY_PARAMETERS:
            objects.extend(as_ids(query.getlist(name)))
    if model is not None and issubclass(model, Page):
        return pages + objects, None, []
    return pages, model, objects


def all_visible(user, model, ids: list[int], scope: Q) -> bool:
    unique = set(ids)
    return model._base_manager.filter(scope, pk__in=unique).count() == len(unique)


class ForeignPageGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Look at the URL before the user: touching request.user reads the session, which
        # would add "Vary: Cookie" to every public API answer and split the shared caches.
        match = request.resolver_match
        if match is None or not request.path.startswith("/admin/"):
            return None
        if match.view_name == CHOOSER_START:
            return self.start_chooser_at_home(request, view_func, view_args, view_kwargs)
        pages, model, objects = named_objects(match, request.GET)
        agency_only = match.view_name in AGENCY_ONLY
        bulk_all = match.view_name == BULK and "all" in request.GET.getlist("id")
        if not (pages or objects or agency_only or bulk_all):
            return None
        if not request.user.is_authenticated or not is_confined(request.user):
            return None
        if self.allowed(request.user, match, pages, model, objects, agency_only, bulk_all):
            return None
        if match.view_name in CHOOSERS:
            raise PermissionDenied
        return permission_denied(request)

    def allowed(self, user, match, pages, model, objects, agency_only, bulk_all) -> bool:
        if agency_only:
            return False
        bulk = match.view_name == BULK
        if bulk_all and (model is not None or not pages):
            # "All in the listing" of images, documents, snippets, or of every page (no
            # ``childOf``): the ids are not named.
            return False
        if pages and not all_visible(
            user, Page, pages, tenant_pages(user, with_ancestors=not bulk)
        ):
            return False
        if objects and model in (get_image_model(), get_document_model()):
            return all_visible(user, model, objects, tenant_media(user))
        # Bulk actions on other models (users, snippets) are the agency's.
        return not (objects and bulk)

    def start_chooser_at_home(self, request, view_func, view_args, view_kwargs):
        if not request.GET.get("page_type") or not request.user.is_authenticated:
            return None
        if not is_confined(request.user):
            return None
        try:
            desired = page_models_from_string(request.GET["page_type"])
        except (ValueError, LookupError):
            return None  # Wagtail answers 404
        if desired == (Page,):
            return None  # starts at the tree root, which the chooser hook filters
        own = Page.objects.filter(tenant_pages(request.user)).type(*desired)
        start = own.first_common_ancestor() if own.exists() else None
        if start is None:
            start = tenant_root_pages(request.user).first()
        if start is None:
            raise PermissionDenied
        return view_func(request, *view_args, **{**view_kwargs, "parent_page_id": start.pk})
