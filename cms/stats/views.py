"""The agency's printable report for the district council (admin → Berichte → Statistik):
the tables of ``/api/v1/stats/`` with their charts, and the downloads (CSV, brochure)."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from sites.engine.kit.charts import table_chart

from . import tables


def stats_report(request):
    if not request.user.has_perm("tenancy.view_reports"):
        raise PermissionDenied
    stats = tables.compute()
    series = [_("Frauen"), _("Männer"), _("divers")]
    for table in stats["tables"]:
        table["chart"] = table_chart(table, series)
    return TemplateResponse(
        request, "stats/admin/report.html", {"stats": stats, "page_title": _("Statistik")}
    )
