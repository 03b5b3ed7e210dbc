"""The flyer buttons beside an event or a club page in the admin (page header and the
listing's "more" menu), for published pages the user may edit."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.clubs.models import ClubPage
from cms.events.models import EventPage


def flyer_buttons(page, user, priority: int) -> list[Button]:
    kind = page.specific_class
    if kind not in (ClubPage, EventPage) or not page.live:
        return []
    if not page.permissions_for_user(user).can_edit():
        return []
    if kind is ClubPage:
        url = reverse("api-club-flyer", args=(page.slug,))
    else:
        url = reverse("api-event-flyer", args=(page.pk,))
    url += f"?locale={page.locale.language_code}"
    attrs = {"target": "_blank", "rel": "noopener"}
    return [
        Button(
            _("Flyer A4 (Plakat)"),
            f"{url}&format=a4",
            icon_name="doc-full",
            attrs=attrs,
            priority=priority,
        ),
        Button(
            _("Flyer A6 (Handzettel)"),
            f"{url}&format=a6",
            icon_name="doc-full",
            attrs=attrs,
            priority=priority + 1,
        ),
    ]


@hooks.register("register_page_header_buttons")
def flyer_header_buttons(page, user, view_name, next_url=None):
    return flyer_buttons(page, user, priority=85)


@hooks.register("register_page_listing_more_buttons")
def flyer_listing_buttons(page, user, next_url=None):
    return flyer_buttons(page, user, priority=70)
