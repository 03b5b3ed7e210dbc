"""SQLite's planner statistics (cms/ops/statistics.py)."""

import pytest
from django.db import connection

from cms.ops.statistics import refresh_planner_statistics
from tests.factories import ClubFactory

pytestmark = pytest.mark.django_db


def analysed_tables() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {table for (table,) in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_gets_statistics_of_the_page_tree():
    ClubFactory()
    assert refresh_planner_statistics() is True
    assert {"wagtailcore_page", "clubs_clubpage"} <= analysed_tables()


@pytest.mark.skipif(connection.vendor == "sqlite", reason="PostgreSQL only")
def test_postgresql_keeps_its_own_statistics():
    assert refresh_planner_statistics() is False


def test_path_successor_and_subtree_select_exactly_the_tree():
    from wagtail.models import Page

    from cms.core.privacy import path_successor, subtree

    assert path_successor("00010002") == "00010003"
    assert path_successor("0001000Z") == "0001001"
    assert path_successor("000ZZZZZ") == "001"
    assert path_successor("ZZZZ") is None
    club = ClubFactory()
    other = ClubFactory()
    inside = set(Page.objects.filter(subtree(club.path)).values_list("pk", flat=True))
    expected = set(club.get_descendants(inclusive=True).values_list("pk", flat=True))
    assert inside == expected
    assert other.pk not in inside
