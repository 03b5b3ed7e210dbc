from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.transfer.clubs import TransferError, export_club


class Command(BaseCommand):
    help = (
        "Write a club (pages in every language, media, editors, cooperations, mentorings, "
        "bookings) to a self-contained ZIP."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="Slug of the club's page")
        parser.add_argument("--out", type=Path, help="Archive file (default: <slug>.zip)")

    def handle(self, *args, slug, out, **options):
        try:
            data = export_club(slug)
        except TransferError as exc:
            raise CommandError(str(exc)) from exc
        out = out or Path(f"{slug}.zip")
        out.write_bytes(data)
        self.stdout.write(str(out))
