from django.db import migrations

from cms.taxonomy.loaders import DATA_DIR, load_district


def load(apps, schema_editor):
    """Approximate coordinates of the district's municipalities, from the district file."""
    load_district(
        DATA_DIR / "districts" / "kreis-dueren.json", apps.get_model("taxonomy", "Municipality")
    )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0003_municipality_coordinates")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
