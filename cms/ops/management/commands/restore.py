from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.ops.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Replace the database and the media with a backup made by `manage.py backup` "
        "(checksums are verified first). Rebuild the sites afterwards: build_sites --all."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The backup directory")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, source, yes, **options):
        try:
            manifest = read_manifest(source)
            if not yes:
                answer = input(
                    f"Replace this installation's database and media with the backup of "
                    f"{manifest['created_at']}? [y/N] "
                )
                if answer.strip().lower() not in ("y", "j", "yes", "ja"):
                    raise CommandError("Not confirmed; nothing was restored.")
            restore(source)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored the backup of {manifest['created_at']}.")
