"""``{% tenant_of page as club %}``: the club (or partner) a page belongs to, for admin lists
that would otherwise show six pages of the same title without saying whose they are."""

from django import template
from wagtail.models import Page

from ..models import Tenant

register = template.Library()


@register.simple_tag
def tenant_of(obj):
    """The club or partner page above ``obj`` (any locale), or None."""
    if not isinstance(obj, Page):
        return None
    keys = Tenant.objects.values("root_page__translation_key")
    return (
        Page.objects.ancestor_of(obj, inclusive=True)
        .filter(translation_key__in=keys)
        .order_by("-depth")
        .first()
    )
