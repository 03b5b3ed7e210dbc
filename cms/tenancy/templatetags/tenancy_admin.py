"""``{% tenant_of page as club %}``: the club (or partner) a page belongs to, for admin lists
that would otherwise show six pages of the same title without saying whose they are."""

from django import template
from wagtail.models import Page

from ..models import Tenant

register = template.Library()

# Where the tag keeps the tenant pages it read for one rendering of a list.
CACHE_KEY = "tenancy_admin.tenant_pages"


def tenant_pages(pages) -> dict[str, Page]:
    """The tenant root pages (any locale) above or at ``pages``, by path, in one query."""
    step = Page.steplen
    paths = {page.path[:end] for page in pages for end in range(step, len(page.path) + 1, step)}
    keys = Tenant.objects.values("root_page__translation_key")
    return {
        page.path: page for page in Page.objects.filter(path__in=paths, translation_key__in=keys)
    }


def nearest(obj: Page, pages: dict[str, Page]) -> Page | None:
    step = Page.steplen
    for end in range(len(obj.path), 0, -step):
        if obj.path[:end] in pages:
            return pages[obj.path[:end]]
    return None


@register.simple_tag(takes_context=True)
def tenant_of(context, obj):
    """The club or partner page above ``obj`` (any locale), or None. In the dashboard's
    review queue (``states`` in the context) the tenants of every listed page are read at the
    first row, in one query for the whole list."""
    if not isinstance(obj, Page):
        return None
    cache = context.render_context.get(CACHE_KEY)
    if cache is None or obj.path not in cache["covered"]:
        listed = [
            state["obj"]
            for state in context.get("states") or []
            if isinstance(state, dict) and isinstance(state.get("obj"), Page)
        ]
        pages = [obj, *listed]
        cache = {"covered": {page.path for page in pages}, "pages": tenant_pages(pages)}
        context.render_context[CACHE_KEY] = cache
    return nearest(obj, cache["pages"])
