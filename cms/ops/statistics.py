"""Table statistics for SQLite's query planner.

PostgreSQL gathers statistics itself (autovacuum). SQLite keeps none until ``ANALYZE`` runs,
and without them it guesses: with 5,000 clubs it answered a club's bundle through the
``(content_type, locale)`` index, reading every club, instead of the slug and path indexes
(bench/: 42 ms of SQL per bundle instead of 10 ms). ``ANALYZE`` takes about 0.1 s at 100,000
pages; ``manage.py start`` and the benchmark run it, and docs/deploy.md asks SQLite
installations to run it after large imports.
"""

from django.db import connections


def refresh_planner_statistics(using: str = "default") -> bool:
    """Run ``ANALYZE`` on an SQLite database; True if it ran (not needed elsewhere)."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return True
