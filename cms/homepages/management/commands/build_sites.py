from django.core.management.base import BaseCommand, CommandError

from cms.homepages.builds import build_root, club_base_url, portal_base_url
from cms.homepages.status import record_built
from sites.cli import build_many, build_portal_site
from sites.client import ApiClient


class Command(BaseCommand):
    help = (
        "Build club homepages and the portal in-process (the same builder as "
        "`python -m sites build`)."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--club", action="append", help="Slug of a club (repeatable)")
        target.add_argument("--all", action="store_true", help="Every published club")
        parser.add_argument("--portal", action="store_true", help="The district portal")
        parser.add_argument("--incremental", action="store_true", help="Skip unchanged sites")
        parser.add_argument("--out", help="Build directory (default: SITE_BUILD_DIR)")
        parser.add_argument(
            "--jobs", type=int, default=1, help="Sites built at a time (0: one per core)"
        )

    def handle(self, *args, club, all, portal, incremental, out, jobs, **options):
        if not (club or all or portal):
            raise CommandError("Bitte --club, --all und/oder --portal angeben.")
        failures = 0
        built = []
        with ApiClient() as client:
            if club or all:
                slugs = client.club_slugs() if all else club
                club_failures = build_many(
                    client,
                    slugs,
                    out or build_root(),
                    incremental=incremental,
                    base_url=club_base_url,
                    stdout=self.stdout,
                    progress=all,
                    jobs=jobs,
                )
                failures += club_failures
                if not club_failures:
                    built += [f"vereine/{slug}" for slug in slugs]
            if portal:
                portal_failures = build_portal_site(
                    client, out or build_root(), base_url=portal_base_url(), stdout=self.stdout
                )
                failures += portal_failures
                if not portal_failures:
                    built.append("portal")
        if not out:
            # What the editors' dashboard and Website-Builds show (cms/homepages/progress.py).
            record_built(built)
        if failures:
            raise CommandError(f"{failures} site(s) failed to build")
