"""Admin buttons on a club's root page: view the built homepage, download it as a ZIP."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.clubs.models import ClubPage

from . import views


@hooks.register("register_admin_urls")
def homepage_admin_urls():
    return [
        path("homepages/<int:page_id>/zip/", views.club_site_zip, name="homepages_zip"),
        path("homepages/static/<path:path>", views.preview_static, name="homepages_preview_static"),
    ]


@hooks.register("register_page_header_buttons")
def homepage_buttons(page, user, view_name, next_url=None):
    if page.specific_class is not ClubPage or not page.live:
        return []
    if not page.permissions_for_user(user).can_edit():
        return []
    return [
        Button(
            _("Homepage ansehen"),
            reverse("homepages:club", args=(page.slug,)),
            icon_name="globe",
            attrs={"target": "_blank", "rel": "noopener"},
            priority=80,
        ),
        Button(
            _("Homepage als ZIP herunterladen"),
            reverse("homepages_zip", args=(page.pk,)),
            icon_name="download",
            priority=81,
        ),
    ]
