"""Admin wiring of partners: the "Kooperationen" area (menu item and URLs) and the dashboard
panel that shows club and partner editors what waits for their decision."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.core.access import tenants_of
from cms.tenancy.panels import DashboardPanel

from . import views
from .models import PartnerPage


@hooks.register("register_admin_urls")
def register_urls():
    patterns = [
        path("", views.index, name="index"),
        path("vorschlagen/", views.propose, name="propose"),
        path("mentoring/neu/", views.add_mentoring, name="add_mentoring"),
        path(
            "<int:pk>/<str:decision>/",
            views.decide_link,
            name="decide_link",
        ),
        path(
            "mentoring/<int:pk>/<str:decision>/",
            views.decide_mentoring,
            name="decide_mentoring",
        ),
    ]
    return [path("kooperationen/", include((patterns, "cooperations")))]


class CooperationsMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.has_perm("tenancy.work_across_tenants")
            or tenants_of(request.user).exists()
        )


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CooperationsMenuItem(
        _("Kooperationen"), reverse("cooperations:index"), icon_name="link", order=230
    )


class DecisionsPanel(DashboardPanel):
    name = "cooperation_decisions"
    template_name = "partners/admin/panel.html"
    order = 60

    def get_context_data(self, parent_context):
        pending_links, pending_mentorings = views.awaiting_user(self.user)
        return {
            "partners": list(views.own_pages(self.user, PartnerPage)),
            "pending_links": views.link_rows(self.user, pending_links[:20]),
            "pending_mentorings": views.mentoring_rows(self.user, pending_mentorings[:20]),
        }


@hooks.register("construct_homepage_panels")
def add_decisions_panel(request, panels):
    if tenants_of(request.user).exists():
        panels.insert(0, DecisionsPanel(request))
