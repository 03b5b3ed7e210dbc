"""The one place that decides what may leave the CMS.

Every API view and serializer gets its pages and images through these functions, so the rules
hold everywhere at once: only live, public pages (no login, password or group restriction on the
page or an ancestor), only under a live club, never drafts or revisions; images only when used by
published content; personal data only with consent.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Page, PageViewRestriction


def hidden_subtree_filter() -> Q:
    """Pages below an unpublished or view-restricted page are hidden as well."""
    # A non-live leaf hides only itself, which ``live()`` already covers.
    hidden_paths = list(
        Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True)
    )
    hidden_paths += list(PageViewRestriction.objects.values_list("page__path", flat=True))
    condition = Q()
    for path in hidden_paths:
        condition |= Q(path__startswith=path)
    return condition


def public_pages(queryset: QuerySet) -> QuerySet:
    """Narrow a page queryset (of any page type) to what the public may see."""
    queryset = queryset.live().public()
    hidden = hidden_subtree_filter()
    return queryset.exclude(hidden) if hidden else queryset


def is_public(page: Page) -> bool:
    return public_pages(Page.objects.filter(pk=page.pk)).exists()


def public_contact(club) -> dict | None:
    """The club's contact person, only when they consented to publication."""
    if not club.contact_consent:
        return None
    return {
        "name": club.contact_name,
        "role": club.contact_role,
        "email": club.contact_email,
        "phone": club.contact_phone,
    }


def public_address(club) -> dict | None:
    if not club.publish_address:
        return None
    return {"street": club.street, "postal_code": club.postal_code, "city": club.city}
