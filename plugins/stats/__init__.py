"""Statistics: the district's figures (``/api/v1/stats/``) as a portal page ``statistik/`` with
an SVG chart per table, drawn at build time, each followed by its data table (the text
alternative), and the CSV written into the site (``statistik.csv``).

Board figures arrive already aggregated and suppressed for small groups; a suppressed row is
shown as such in the table and left out of the chart.
"""

from __future__ import annotations

import logging

from sites.engine.plugins import PageSpec, Plugin

from .charts import table_chart
from .strings import STRINGS

logger = logging.getLogger(__name__)

PATH = "statistik"
CSV_FILE = "statistik.csv"
CHART_LIMIT = 12  # the longest tables (countries, languages) chart their largest groups


def t(code: str, key: str, **params) -> str:
    text = STRINGS.get(code, {}).get(key) or STRINGS["de"][key]
    return text.format(**params) if params else text


def pages(view):
    if view.site.fetch is None:
        return
    stats = view.site.fetch("/api/v1/stats/", None)
    code = view.locale.code
    series = [t(code, "stats.women"), t(code, "stats.men"), t(code, "stats.diverse")]
    tables = [
        {
            **table,
            "heading": t(code, f"stats.table.{table['name']}"),
            "chart": table_chart(table, series, CHART_LIMIT),
            "charted": min(len(table["rows"]), CHART_LIMIT),
        }
        for table in stats["tables"]
    ]
    title = t(code, "stats.title")
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
    label={code: strings["stats.title"] for code, strings in STRINGS.items()},
    strings=STRINGS,
    pages=pages,
    files=files,
)
