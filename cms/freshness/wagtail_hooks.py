from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import StaleClubsView


class AgencyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("tenancy.view_reports")


@hooks.register("register_admin_urls")
def freshness_admin_urls():
    return [
        path("stale-clubs/", StaleClubsView.as_view(), name="freshness_stale_clubs"),
        path(
            "stale-clubs/results/",
            StaleClubsView.as_view(results_only=True),
            name="freshness_stale_clubs_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def stale_clubs_menu_item():
    return AgencyMenuItem(
        _("Veraltete Vereinsprofile"), reverse("freshness_stale_clubs"), icon_name="time", order=900
    )
