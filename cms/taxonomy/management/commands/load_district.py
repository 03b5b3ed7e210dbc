from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.taxonomy.loaders import DATA_DIR, load_district
from cms.taxonomy.models import Municipality


class Command(BaseCommand):
    help = "Load (or update) a district's municipalities from a JSON file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=str(DATA_DIR / "districts" / "kreis-dueren.json"),
            help="JSON file with 'name' and 'municipalities' [{'name', 'ags'}]",
        )

    def handle(self, *args, path, **options):
        if not Path(path).is_file():
            raise CommandError(f"No such file: {path}")
        try:
            count = load_district(Path(path), Municipality)
        except (KeyError, ValueError) as exc:
            raise CommandError(f"Not a district file: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"{count} municipalities loaded."))
