"""Bar charts as inline SVG, drawn in Python at build time (no script, no library).

A chart is decoration for sighted readers: it is ``aria-hidden`` and always comes with a data
table holding the same figures (the text alternative). Colours reach 3:1 against white
(WCAG 1.4.11) and every value is also written as text next to its bar. The drawing is
left-to-right in every locale (``direction="ltr"``): labels are the API's German names.

Used by the portal plugin ``stats`` and by the agency's printable report in the admin.
"""

from markupsafe import Markup, escape

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 60
BAR_HEIGHT = 18
GAP = 8
FONT_SIZE = 13
TEXT = "#1a1a1a"
# Women, men, diverse: distinguishable, each ≥ 3:1 against white.
SERIES_COLOURS = ("#8e2450", "#1d4e89", "#2f6b2f")
BAR_COLOUR = "#1d4e89"
MAX_LABEL_CHARS = 30


def _label(text: str) -> str:
    text = str(text)
    return text if len(text) <= MAX_LABEL_CHARS else text[: MAX_LABEL_CHARS - 1] + "…"


def _svg(height: int, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" direction="ltr" aria-hidden="true" '
        f'focusable="false" font-family="sans-serif" font-size="{FONT_SIZE}">'
        + "".join(body)
        + "</svg>"
    )


def bar_chart(rows: list[tuple[str, int]]) -> Markup:
    """One horizontal bar per (label, value)."""
    if not rows:
        return Markup("")
    top = max((value for _label_, value in rows), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    body = []
    for index, (label, value) in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP)
        length = round(plot * value / top, 1)
        middle = y + BAR_HEIGHT / 2 + FONT_SIZE / 3
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_label(label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" fill="{TEXT}">{value}</text>'
        )
    return _svg(len(rows) * (BAR_HEIGHT + GAP), body)


def stacked_chart(rows: list[tuple[str, tuple[int, ...]]], series: list[str]) -> Markup:
    """One bar per row, split into the shares of ``series`` (with a legend above)."""
    if not rows:
        return Markup("")
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    legend_height = BAR_HEIGHT + GAP
    body = []
    x = LABEL_WIDTH
    for name, colour in zip(series, SERIES_COLOURS, strict=False):
        body.append(
            f'<rect x="{x}" y="2" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{2 + FONT_SIZE - 2}" fill="{TEXT}">{escape(name)}</text>'
        )
        x += 16 + 9 * len(name) + 16
    for index, (label, values) in enumerate(rows):
        y = legend_height + index * (BAR_HEIGHT + GAP)
        middle = y + BAR_HEIGHT / 2 + FONT_SIZE / 3
        total = sum(values) or 1
        body.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" fill="{TEXT}">'
            f"{escape(_label(label))}</text>"
        )
        start = LABEL_WIDTH
        for value, colour in zip(values, SERIES_COLOURS, strict=False):
            length = round(plot * value / total, 1)
            body.append(
                f'<rect x="{start}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
                f'fill="{colour}"/>'
            )
            start += length
        body.append(
            f'<text x="{LABEL_WIDTH + plot + 6}" y="{middle}" fill="{TEXT}">{sum(values)}</text>'
        )
    return _svg(legend_height + len(rows) * (BAR_HEIGHT + GAP), body)


def table_chart(table: dict, series: list[str], limit: int | None = None) -> Markup:
    """The chart for one table of ``/api/v1/stats/``: counts as bars, board composition as
    stacked bars of the published rows (suppressed rows have no figures to draw)."""
    rows = table["rows"][:limit] if limit else table["rows"]
    if table["kind"] == "board":
        drawn = [
            (row["label"], (row["women"], row["men"], row["diverse"]))
            for row in rows
            if not row["suppressed"]
        ]
        return stacked_chart(drawn, series)
    return bar_chart([(row["label"], row["clubs"]) for row in rows])
