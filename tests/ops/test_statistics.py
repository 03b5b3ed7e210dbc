"""SQLite's planner statistics (cms/ops/statistics.py)."""

import pytest
from django.db import connection

from cms.ops.statistics import refresh_planner_statistics
from tests.factories import ClubFactory, news_index

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


def test_the_hidden_paths_are_one_query_composed_once_with_an_index_for_the_originals():
    """``privacy.hidden_paths`` runs on every API request: one query whose SQL is composed
    once per process (composing took 4 of its 5 ms at 72 clubs), and an index for the
    unpublished originals (migration ``api.0002``), so that the default locale's pages are
    not all read (16 ms at 1,000 clubs, SQLite; the plan depends on the statistics, so the
    test names the index, not the plan)."""
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from cms.core.privacy import _hidden_paths_query, hidden_paths

    club = ClubFactory()
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert "vn_page_unpublished_locale" in indexes
    hidden_paths()
    composed = _hidden_paths_query.cache_info().hits
    with CaptureQueriesContext(connection) as queries:
        assert hidden_paths() == []
    assert len(queries) == 1 and _hidden_paths_query.cache_info().hits == composed + 1
    # What it finds is read when it runs, not when it was composed: an unpublished club
    # with pages below it hides its subtree.
    news_index(club)
    Page.objects.filter(pk=club.pk).update(live=False)
    assert hidden_paths() == [club.path]
