from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.transfer.clubs import TransferError, import_club


class Command(BaseCommand):
    help = "Recreate a club from an archive written by export_club (in one transaction)."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive, **options):
        notes: list[str] = []
        try:
            tenant = import_club(archive.read_bytes(), notes)
        except (OSError, TransferError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Imported {tenant.name} ({tenant.root_page.slug}).")
        # What the archive carried but this installation cannot take (missing partner, club
        # or room, a slot already confirmed for someone else): skipped, one line each.
        for note in notes:
            self.stderr.write(self.style.WARNING(note))
