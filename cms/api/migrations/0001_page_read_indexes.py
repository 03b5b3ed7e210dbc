"""Indexes on Wagtail's page table for the API's read queries (issue 9, 5,000 clubs).

- ``(content_type_id, locale_id)``: the public pages of one type in one locale (the club
  directory, events, news) are found through the index instead of reading every page of the
  locale (``privacy.public_pages`` filters on the exact page type).
- ``path WHERE NOT live``: the unpublished pages whose subtrees are hidden
  (``privacy.hidden_paths``) without a scan of the whole table.

Wagtail's own migrations do not know them; the names are ours and both databases (SQLite,
PostgreSQL) accept the statements as they are.
"""

from django.db import migrations

INDEXES = [
    ("vn_page_type_locale", "(content_type_id, locale_id)", ""),
    ("vn_page_unpublished_path", "(path)", " WHERE NOT live"),
]


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}{where}",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns, where in INDEXES
    ]
