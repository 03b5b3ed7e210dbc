"""``manage.py load_demo``: build the demo district (idempotent) and print the logins."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand

from cms.demo.builder import load_demo
from cms.demo.steps.accounts import EDITOR_PASSWORD

EXAMPLE_EDITORS = 3


class Command(BaseCommand):
    help = "Lädt den Demo-Kreis Düren (72 erfundene Vereine); ein zweiter Lauf ändert nichts."

    def handle(self, *args, **options):
        started = time.monotonic()
        context = load_demo(log=self.stdout.write)
        seconds = time.monotonic() - started

        created = +context.created  # drops the zero counts
        if created:
            summary = ", ".join(f"{count} {what}" for what, count in created.items())
            self.stdout.write(self.style.SUCCESS(f"Demodaten angelegt: {summary}."))
        else:
            self.stdout.write("Demodaten sind schon vollständig; nichts geändert.")
        self.stdout.write(f"Dauer: {seconds:.1f} s")
        if created["Vereine"] and apps.is_installed("cms.homepages"):
            # Publishing does not rebuild homepages while the demo loads (see builder.QUIET).
            self.stdout.write("Homepages der Vereine bauen: python manage.py build_sites --all")

        self.stdout.write("\nDemo-Zugänge (Admin unter /admin/):")
        for role, username, password in context.logins:
            self.stdout.write(f"  {role:<22} {username:<52} {password}")
        # One club that publishes directly (its editor's "Veröffentlichen" is live within
        # seconds) and clubs whose pages the agency approves first, each said so.
        published = [club for club in context.plan if not club.draft]
        direct = [club for club in published if club.direct_publishing][:1]
        approved = [club for club in published if not club.direct_publishing]
        for club in [*direct, *approved][:EXAMPLE_EDITORS]:
            role = "Verein (direkt)" if club.direct_publishing else "Verein (mit Freigabe)"
            self.stdout.write(f"  {role:<22} {club.editor_email:<52} {EDITOR_PASSWORD}")
        self.stdout.write(
            "  Alle anderen Vereine: redaktion@<kurzname-des-vereins>.vereinsnetz.example, "
            f"Passwort {EDITOR_PASSWORD}"
        )
