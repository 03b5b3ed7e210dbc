"""Statistics: the district's figures (``/api/v1/stats/``) as a portal page ``statistik/`` with
an SVG chart per table, drawn at build time, each followed by its data table (the text
alternative), and the CSV written into the site (``statistik.csv``).

Board figures arrive already aggregated and suppressed for small groups; a suppressed row is
shown as such in the table and left out of the chart.
"""

from __future__ import annotations

import logging

from sites.engine.i18n import N_, Catalog
from sites.engine.kit.charts import table_chart
from sites.engine.plugins import PageSpec, Plugin

logger = logging.getLogger(__name__)

PATH = "statistik"
CSV_FILE = "statistik.csv"
CHART_LIMIT = 12  # the longest tables (countries, languages) chart their largest groups


catalog = Catalog(__name__)
# The API's tables (``/api/v1/stats/``) by name.
TABLE_HEADINGS = {
    "municipality": N_("Vereine nach Gemeinde"),
    "country": N_("Vereine nach Herkunftsland"),
    "language": N_("Vereine nach Sprache"),
    "focus": N_("Vereine nach Schwerpunkt"),
    "founding_decade": N_("Vereine nach Gründungsjahrzehnt"),
    "status": N_("Etablierte und neue Vereine"),
    "board": N_("Vorstände: Frauen, Männer, divers"),
    "board_by_status": N_("Vorstände nach etabliert / neu"),
    "board_by_municipality": N_("Vorstände nach Gemeinde"),
}


def pages(view):
    if view.site.fetch is None:
        return
    # Labels and names of countries, languages and focus areas in the page's language.
    stats = view.site.fetch("/api/v1/stats/", {"locale": view.locale.code})
    _ = catalog.locale(view.locale.code).gettext
    series = [_("Frauen"), _("Männer"), _("divers")]
    tables = [
        {
            **table,
            "heading": _(TABLE_HEADINGS.get(table["name"], table["name"])),
            "chart": table_chart(table, series, CHART_LIMIT),
            "charted": min(len(table["rows"]), CHART_LIMIT),
        }
        for table in stats["tables"]
    ]
    title = _("Statistik")
    yield PageSpec(
        path=PATH,
        template="stats/index.html",
        title=title,
        menu="main",
        label=title,
        context={"stats": stats, "tables": tables, "csv_file": CSV_FILE},
    )


def files(site) -> dict[str, bytes]:
    if site.download is None:
        return {}
    return {CSV_FILE: site.download("/api/v1/stats.csv")}


plugin = Plugin(
    name="stats",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Statistik"),
    pages=pages,
    files=files,
)
