"""``/api/v1/stats/`` and ``/api/v1/stats.csv`` on a small district: only published, public
clubs count, board figures only in groups of at least five clubs."""

import csv
import io

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.stats.tables import BOARD_FIELDS, MIN_GROUP_SIZE
from tests.factories import ClubFactory

STATS_URL = "/api/v1/stats/"
CSV_URL = "/api/v1/stats.csv"


@pytest.fixture
def district(db):
    this_year = timezone.localdate().year
    clubs = []
    for number in range(6):  # six established clubs in Düren with boards
        clubs.append(
            ClubFactory(
                founding_year=1995 + number,
                countries=("TR", "SY") if number % 2 else ("TR",),
                member_count=10,
                board_women=2,
                board_men=1,
            )
        )
    for _number in range(2):  # two new clubs in Jülich
        clubs.append(
            ClubFactory(
                municipality_name="Jülich",
                founding_year=this_year,
                countries=("UA",),
                languages=("uk",),
                focus=("Bildung",),
                member_count=7,
                board_women=1,
                board_men=2,
                board_diverse=1,
            )
        )
    clubs.append(ClubFactory(municipality_name="Linnich", board_women=3, founding_year=2012))
    clubs.append(ClubFactory(founding_year=None))  # no board, no founding year
    # Never counted: a draft and a club behind a login.
    ClubFactory("Entwurf", publish=False, member_count=1000, board_women=40)
    hidden = ClubFactory("Nur intern", member_count=1000, board_men=40)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    return clubs


def table(stats, name):
    return next(t for t in stats["tables"] if t["name"] == name)


def by_key(rows):
    return {row["key"]: row for row in rows}


def assert_no_small_board_cell(stats):
    total_published = not table(stats, "board")["rows"][0]["suppressed"]
    for board in (t for t in stats["tables"] if t["kind"] == "board"):
        hidden = 0
        for row in board["rows"]:
            if row["suppressed"]:
                assert all(row[name] is None for name in BOARD_FIELDS)
                hidden += row["clubs"]
            else:
                assert row["clubs"] >= MIN_GROUP_SIZE, (board["name"], row)
        if board["name"] != "board" and total_published:
            # the rows partition the total: total minus the published rows must not reveal
            # fewer than five clubs either
            assert hidden == 0 or hidden >= MIN_GROUP_SIZE, board["name"]


def test_counts_only_public_clubs(client, district):
    stats = client.get(STATS_URL).json()
    assert stats["clubs"] == 10
    assert stats["members"] == 6 * 10 + 2 * 7
    assert stats["clubs_with_member_count"] == 8
    assert by_key(table(stats, "municipality")["rows"])["dueren"]["clubs"] == 7
    countries = by_key(table(stats, "country")["rows"])
    assert countries["TR"]["clubs"] == 8 and countries["SY"]["clubs"] == 3
    assert countries["UA"]["clubs"] == 2
    assert by_key(table(stats, "language")["rows"])["uk"]["clubs"] == 2
    assert by_key(table(stats, "focus")["rows"])["bildung"]["clubs"] == 2
    decades = by_key(table(stats, "founding_decade")["rows"])
    assert decades["1990"] == {"key": "1990", "label": "1990–1999", "clubs": 5}
    assert decades["unknown"]["clubs"] == 1
    status = by_key(table(stats, "status")["rows"])
    assert status["established"]["clubs"] == 7 and status["new"]["clubs"] == 2


def test_board_figures_only_for_groups_of_five(client, district):
    stats = client.get(STATS_URL).json()
    total = table(stats, "board")["rows"][0]
    # 6 Düren + 2 Jülich + 1 Linnich report a board; the unpublished and hidden never count
    assert total == {
        "key": "total",
        "label": "Alle Vereine",
        "clubs": 9,
        # Rounded to multiples of 5 (cms/stats/tables.py, rule 4): 17, 10, 2.
        "women": 15,
        "men": 10,
        "diverse": 0,
        "suppressed": False,
    }
    municipalities = by_key(table(stats, "board_by_municipality")["rows"])
    # Jülich (2) and Linnich (1) are too small; Düren would give them away by subtraction.
    assert all(row["suppressed"] for row in municipalities.values())
    status = by_key(table(stats, "board_by_status")["rows"])
    # established: 6 Düren + Linnich = 7; new: 2 → hidden, so established is hidden too.
    assert status["new"]["suppressed"] and status["established"]["suppressed"]
    assert_no_small_board_cell(stats)


def test_larger_groups_are_published(client, district):
    for _number in range(5):
        ClubFactory(municipality_name="Jülich", founding_year=2023, board_men=1)
    stats = client.get(STATS_URL).json()
    municipalities = by_key(table(stats, "board_by_municipality")["rows"])
    assert municipalities["juelich"]["clubs"] == 7 and not municipalities["juelich"]["suppressed"]
    assert municipalities["juelich"]["men"] == 10  # 2 * 2 + 5 = 9, rounded to a multiple of 5
    # Linnich (1 club) is hidden, and so the smallest published group (Düren, 6) as well:
    # total minus Jülich would otherwise give away Linnich's board.
    assert municipalities["linnich"]["suppressed"] and municipalities["dueren"]["suppressed"]
    assert_no_small_board_cell(stats)


def test_too_few_boards_publishes_no_board_figure(client, db):
    for _number in range(4):
        ClubFactory(board_women=1)
    stats = client.get(STATS_URL).json()
    assert table(stats, "board")["rows"][0]["suppressed"]
    assert_no_small_board_cell(stats)


def test_csv_parses_and_matches_the_json(client, district):
    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rows[0]) == [
        "table",
        "key",
        "label",
        "clubs",
        "women",
        "men",
        "diverse",
        "suppressed",
    ]
    overview = {row["key"]: row["clubs"] for row in rows if row["table"] == "overview"}
    assert overview == {"clubs": "10", "members": "74", "clubs_with_member_count": "8"}
    stats = client.get(STATS_URL).json()
    json_rows = [(t["name"], row["key"]) for t in stats["tables"] for row in t["rows"]]
    assert [(row["table"], row["key"]) for row in rows if row["table"] != "overview"] == json_rows
    for row in rows:
        if row["suppressed"] == "ja":
            assert row["women"] == row["men"] == row["diverse"] == ""
        elif row["suppressed"] == "nein":
            assert int(row["clubs"]) >= MIN_GROUP_SIZE


def test_stats_query_count_is_constant(client, district, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(STATS_URL).status_code == 200


def test_unknown_parameter_is_400(client, db):
    assert client.get(STATS_URL, {"x": "1"}).status_code == 400
    assert client.get(CSV_URL, {"x": "1"}).json()["code"] == "invalid_parameter"


def test_agency_report_page_has_tables_charts_and_downloads(client, district, agency_user):
    from tests.factories import PASSWORD

    client.login(username=agency_user.username, password=PASSWORD)
    response = client.get("/admin/stats/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vereine nach Herkunftsland" in html
    assert html.count("<table>") == 9
    assert "<svg" in html and "@media print" in html
    assert 'href="/api/v1/brochure.pdf"' in html and 'href="/api/v1/stats.csv"' in html
    assert "unterdrückt" in html
    assert "Statistik und Brosch" in client.get("/admin/").content.decode()  # menu (JSON)


def test_club_editors_do_not_get_the_report(client, district):
    from tests.factories import PASSWORD

    editor = district[0].editor
    client.login(username=editor.username, password=PASSWORD)
    assert client.get("/admin/stats/").status_code == 302


def test_labels_and_names_follow_the_locale(client, district):
    """The portal's statistics page in Arabic shows the API's labels: they follow ``?locale=``
    (catalogue ``cms/stats/locale``; names from CLDR and the focus areas' translations), and
    the German answer, cached first, is not handed out for the Arabic request."""
    german = client.get(STATS_URL).json()
    assert table(german, "board")["rows"][0]["label"] == "Alle Vereine"
    assert by_key(table(german, "country")["rows"])["SY"]["label"] == "Syrien"
    stats = client.get(STATS_URL, {"locale": "ar"}).json()
    assert table(stats, "board")["rows"][0]["label"] == "كل الجمعيات"
    assert table(stats, "country")["note"] == "الجمعيات التي ذكرت أكثر من قيمة تُحسب في كل منها."
    assert by_key(table(stats, "country")["rows"])["SY"]["label"] == "سوريا"
    assert by_key(table(stats, "language")["rows"])["uk"]["label"] == "الأوكرانية"
    assert by_key(table(stats, "focus")["rows"])["bildung"]["label"] == "التعليم"
    assert by_key(table(stats, "founding_decade")["rows"])["unknown"]["label"] == "غير معروف"
    assert by_key(table(stats, "status")["rows"])["new"]["label"].startswith("حديثة التأسيس")
    assert by_key(table(stats, "municipality")["rows"])["juelich"]["label"] == "Jülich"
    rows = list(csv.DictReader(io.StringIO(client.get(CSV_URL, {"locale": "ar"}).content.decode())))
    assert {row["key"]: row["label"] for row in rows if row["table"] == "board"} == {
        "total": "كل الجمعيات"
    }
    assert client.get(STATS_URL).json() == german
