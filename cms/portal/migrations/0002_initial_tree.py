"""Replace Wagtail's welcome page with the portal home and the club index, in German, and
create the content locales."""

import uuid

from django.db import migrations

CONTENT_LOCALES = ["de", "en", "tr", "ar", "uk", "ru", "fa"]


def create_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    PortalHomePage = apps.get_model("portal.PortalHomePage")
    ClubIndexPage = apps.get_model("clubs.ClubIndexPage")

    german, _ = Locale.objects.get_or_create(language_code="de")
    for code in CONTENT_LOCALES:
        Locale.objects.get_or_create(language_code=code)

    Page.objects.filter(
        content_type=ContentType.objects.get(model="page", app_label="wagtailcore"), depth=2
    ).delete()

    home = PortalHomePage.objects.create(
        title="Die Welt zu Hause im Kreis Düren",
        draft_title="Die Welt zu Hause im Kreis Düren",
        slug="home",
        content_type=ContentType.objects.get_for_model(PortalHomePage),
        path="00010001",
        depth=2,
        numchild=1,
        url_path="/home/",
        locale=german,
        translation_key=uuid.uuid4(),
        live=True,
    )
    ClubIndexPage.objects.create(
        title="Vereine",
        draft_title="Vereine",
        slug="vereine",
        content_type=ContentType.objects.get_for_model(ClubIndexPage),
        path="000100010001",
        depth=3,
        numchild=0,
        url_path="/home/vereine/",
        locale=german,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
        site_name="Vereinsnetz Kreis Düren",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("clubs", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_tree, migrations.RunPython.noop)]
