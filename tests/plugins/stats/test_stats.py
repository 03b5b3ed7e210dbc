"""The portal's statistics page: SVG charts drawn at build time, each with its data table,
suppressed board figures shown as such, the CSV beside it; German and Arabic (RTL)."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from plugins.stats import plugin
from sites.engine.kit.charts import bar_chart, stacked_chart
from tests.factories import ClubFactory
from tests.plugins.helpers import main_of
from tests.plugins.portal_site import render_portal


@pytest.fixture
def district(db):
    for number in range(5):
        ClubFactory(board_women=2, board_men=1, countries=("TR",), founding_year=2000 + number)
    ClubFactory(municipality_name="Jülich", board_women=1, countries=("SY",), founding_year=2024)


def test_page_has_a_chart_and_a_table_per_statistic(district):
    files, errors = render_portal([plugin])
    assert errors == {}
    html = files["de/statistik/index.html"].decode()
    main = main_of(html)
    # nine tables; the two board tables split by status and municipality are fully
    # suppressed here (groups below five clubs), so they have no chart to draw
    assert main.count("<svg") == 7
    assert main.count("<table>") == 9
    assert 'aria-hidden="true"' in main  # the table is the text alternative
    assert "Vereine nach Herkunftsland" in main
    assert "<bdi>Türkei</bdi></th>\n        <td>5</td>" in main
    # Jülich (1 club) and so Düren too are suppressed in the board table by municipality
    board = main[main.index('id="stats-board_by_municipality"') :]
    assert board.count("unterdrückt") == 2
    assert 'href="../../statistik.csv"' in main
    assert 'href="index.html" aria-current="page">Statistik</a>' in html  # main menu entry


def test_arabic_page_is_rtl_with_translated_headings(district):
    files, _errors = render_portal([plugin])
    html = files["ar/statistik/index.html"].decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "الجمعيات حسب بلد المنشأ" in html
    assert 'direction="ltr"' in html  # the drawing itself stays left-to-right


def test_csv_is_written_into_the_site(district):
    files, _errors = render_portal([plugin], locales=("de",))
    rows = list(csv.DictReader(io.StringIO(files["statistik.csv"].decode())))
    assert {"table": "overview", "key": "clubs"}.items() <= rows[0].items()
    assert rows[0]["clubs"] == "6"


def test_charts_are_valid_svg_with_escaped_labels():
    svg = bar_chart([("Düren & <Umgebung>", 12), ("Jülich", 3)])
    root = ET.fromstring(str(svg))
    assert root.tag.endswith("svg")
    assert "Düren &amp; &lt;Umgebung&gt;" in svg
    widths = [float(rect.get("width")) for rect in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == pytest.approx(4 * widths[1], rel=0.01)
    stacked = stacked_chart([("Alle", (3, 1, 0))], ["Frauen", "Männer", "divers"])
    ET.fromstring(str(stacked))
    assert re.search(r">4</text>", stacked)  # the bar's total as text
    assert bar_chart([]) == ""
