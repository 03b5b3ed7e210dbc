"""Admin buttons on a club's root page: view the built homepage, download it as a ZIP."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from cms.clubs.models import ClubPage

from . import admin_views, views
from .models import BuildState, SiteBuild


@hooks.register("register_admin_urls")
def homepage_admin_urls():
    return [
        path("homepages/<int:page_id>/zip/", views.club_site_zip, name="homepages_zip"),
        path("homepages/static/<path:path>", views.preview_static, name="homepages_preview_static"),
        path("homepages/builds/", admin_views.builds_report, name="homepages_builds"),
        path("homepages/status/", admin_views.site_status, name="homepages_status"),
    ]


class SiteStatusPanel(Component):
    """*Ihre Websites* on the dashboard: is the homepage and the portal current?"""

    name = "site_status"
    template_name = "homepages/admin/site_status_panel.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return admin_views.site_status_context(self.user)


@hooks.register("construct_homepage_panels")
def add_site_status_panel(request, panels):
    if admin_views.sites_of(request.user):
        panels.append(SiteStatusPanel(request.user))


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("homepages.view_sitebuild")


@hooks.register("register_admin_menu_item")
def builds_menu_item():
    return AgencyMenuItem(
        _("Website-Builds"), reverse("homepages_builds"), icon_name="globe", order=230
    )


@hooks.register("construct_main_menu")
def show_failed_build_count(request, menu_items):
    """ "Website-Builds (2)" while builds are failing (on a copy: items are shared)."""
    import copy

    url = reverse("homepages_builds")
    for position, item in enumerate(menu_items):
        if getattr(item, "url", None) == url:
            failed = SiteBuild.objects.filter(state=BuildState.FAILED).count()
            if failed:
                counted = copy.copy(item)
                counted.label = f"{item.label} ({failed})"
                menu_items[position] = counted


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
