from django.db import migrations

from cms.taxonomy.loaders import DATA_DIR, load_district, load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("taxonomy", "Country"),
        apps.get_model("taxonomy", "Language"),
        apps.get_model("taxonomy", "FocusArea"),
    )
    load_district(DATA_DIR / "districts" / "kreis-dueren.json", apps.get_model("taxonomy", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
