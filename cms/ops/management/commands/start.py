"""The README's first command ends here: migrate, load the demo district if the database has
no clubs yet, then serve on 127.0.0.1:8000."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from cms.ops.statistics import refresh_planner_statistics


class Command(BaseCommand):
    help = "Migrate, load the demo district if empty, and run the development server."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="Set up only, do not serve.")

    def handle(self, *args, addrport, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Datenbank ist aktuell.")
        from cms.clubs.models import ClubPage

        if not ClubPage.objects.exists():
            self.stdout.write("Lade den Demo-Kreis (einmalig, dauert etwas) …")
        # load_demo is idempotent; on a filled database it only prints the logins.
        call_command("load_demo")
        refresh_planner_statistics()
        self.stdout.write(
            "Baue die Homepages und das Portal (nur geänderte Dateien werden geschrieben) …"
        )
        call_command("build_sites", all=True, portal=True, incremental=True)
        if no_serve:
            return
        self.stdout.write(
            self.style.SUCCESS(f"Vereinsnetz läuft auf http://{addrport}/ (Portal; Admin: /admin/)")
        )
        call_command("runserver", addrport, use_reloader=False)
