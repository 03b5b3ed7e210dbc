from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.freshness.wagtail_hooks import AgencyMenuItem

from .views import stats_report


@hooks.register("register_admin_urls")
def stats_admin_urls():
    return [path("stats/", stats_report, name="stats_report")]


@hooks.register("register_reports_menu_item")
def stats_menu_item():
    return AgencyMenuItem(
        _("Statistik und Broschüre"), reverse("stats_report"), icon_name="table", order=910
    )
