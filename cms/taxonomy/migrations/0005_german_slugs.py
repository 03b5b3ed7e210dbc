"""Municipality and focus-area slugs spell umlauts the German way (dueren, not duren)."""

from django.db import migrations

from cms.taxonomy.loaders import german_slug


def respell(apps, schema_editor):
    for model in ("Municipality", "FocusArea"):
        for item in apps.get_model("taxonomy", model).objects.all():
            slug = german_slug(item.name)
            if item.slug != slug:
                item.slug = slug
                item.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0004_municipality_coordinates_data")]
    operations = [migrations.RunPython(respell, migrations.RunPython.noop)]
