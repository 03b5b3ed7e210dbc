from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded media into a new directory below OUT."

    def add_arguments(self, parser):
        parser.add_argument("out", type=Path, help="Directory to write the backup into")

    def handle(self, *args, out, **options):
        try:
            target = backup(out)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(target))
