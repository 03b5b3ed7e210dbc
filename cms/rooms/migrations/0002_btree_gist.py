# The btree_gist extension lets a GiST index (the bookings' exclusion constraint) compare
# plain columns (room_id) with "=". Django's CreateExtension does nothing on other databases.

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("rooms", "0001_initial")]

    operations = [BtreeGistExtension()]
