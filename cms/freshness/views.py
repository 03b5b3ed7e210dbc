"""The agency's report of stale club profiles (admin → Berichte → Veraltete Vereinsprofile)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .selection import stale_clubs


class StaleClubsView(ReportView):
    page_title = _("Veraltete Vereinsprofile")
    header_icon = "time"
    index_url_name = "freshness_stale_clubs"
    index_results_url_name = "freshness_stale_clubs_results"
    list_export = ["title", "municipality", "last_update"]
    export_headings = {
        "title": _("Verein"),
        "municipality": _("Gemeinde"),
        "last_update": _("Zuletzt bearbeitet oder bestätigt"),
    }
    columns = [
        TitleColumn(
            "title",
            label=_("Verein"),
            get_url=lambda club: f"/admin/pages/{club.pk}/edit/",
        ),
        Column("municipality", label=_("Gemeinde")),
        DateColumn("last_update", label=_("Zuletzt bearbeitet oder bestätigt")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("tenancy.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return stale_clubs()
