"""Refuses admin views that name a page outside the editor's tenants before Wagtail runs them.

Wagtail checks what an editor may *change*, but some of its page views show a page before any
check: the move confirmation prints the titles of the page and its destination, the workflow
preview names the page in its error message, and the page chooser prints the page it browses.
Any admin user could read another club's draft titles by trying ids. This guard answers every
view of the page editor and the page chooser that names a page by id with Wagtail's denial
(the chooser, a modal, with a 403) unless the page lies in the user's tenants or above them.
The agency is not confined. Found by tests/tenancy/test_reach_matrix.py.

The page chooser opened for a page type without a page id starts at the highest common
ancestor of *all* pages of that type, which may be another club's page (a type only one other
club uses); for a confined editor it starts at the common ancestor of those pages within the
editor's own tenants instead, or at the editor's own root page if they have none.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.chooser import page_models_from_string
from wagtail.models import Page

from .isolation_hooks import is_confined, tenant_pages, tenant_root_pages

PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
CHOOSER = "wagtailadmin_choose_page_child"
CHOOSER_START = "wagtailadmin_choose_page"


def named_pages(match) -> list[int]:
    if match.namespace == "wagtailadmin_pages":
        names = (*PAGE_ARGUMENTS, "pk")
    elif match.view_name == CHOOSER:
        names = ("parent_page_id",)
    else:
        return []
    return [int(match.kwargs[name]) for name in names if name in match.kwargs]


class ForeignPageGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Look at the URL before the user: touching request.user reads the session, which
        # would add "Vary: Cookie" to every public API answer and split the shared caches.
        match = request.resolver_match
        if match is not None and match.view_name == CHOOSER_START:
            return self.start_chooser_at_home(request, view_func, view_args, view_kwargs)
        pages = named_pages(match) if match is not None else []
        if not pages or not request.user.is_authenticated or not is_confined(request.user):
            return None
        visible = Page.objects.filter(tenant_pages(request.user, with_ancestors=True), pk__in=pages)
        if visible.count() == len(set(pages)):
            return None
        if match.view_name == CHOOSER:
            raise PermissionDenied
        return permission_denied(request)

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
