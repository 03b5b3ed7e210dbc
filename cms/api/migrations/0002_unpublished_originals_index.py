"""An index for the unpublished pages of one locale (``privacy.hidden_paths``: the originals
whose translations are hidden too). Without it the query read every page of the default
locale on every API request (11 ms at 1,000 clubs, SQLite); with it, the unpublished ones
only. Both databases accept the statement as it is (see ``0001``)."""

from django.db import migrations

NAME = "vn_page_unpublished_locale"


class Migration(migrations.Migration):
    dependencies = [("api", "0001_page_read_indexes")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page (locale_id, translation_key)"
            " WHERE NOT live",
            f"DROP INDEX IF EXISTS {NAME}",
        )
    ]
