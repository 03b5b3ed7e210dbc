"""``python -m bench.rounds``: the portal's incremental build after news, round by round, in one
warm process, as the task worker builds it.

    python -m bench.rounds [--clubs 1000] [--locales de,ar] [--publishers 1] [--rounds 6]
                           [--work DIR] [--database-url postgres://…]

It uses the benchmark's district (``bench/work/<clubs>``, generated as ``python -m bench``
generates it when it has no clubs yet). Each round publishes a news item of ``--publishers``
clubs through the ORM (``add_child``, ``save_revision().publish()``: the signals record what
changed for the portal, as a publish in the admin does, without a worker taking the build),
then builds the portal with those changes and prints the build's wall and processor time and
the pages it rendered. The first round is a full build when there is no live portal of this
code (the live release's code hash differs), so an A/B of two commits gives each its own
``--work`` directory. ``--locales`` builds only those locales (a full build of 13 locales at
1,000 clubs takes 20 minutes; of two, 3). The news items are removed at the end.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import time
from pathlib import Path

from . import cli


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.rounds", description=__doc__)
    parser.add_argument("--clubs", type=int, default=72)
    parser.add_argument("--locales", default="", help="Comma-separated; default: all")
    parser.add_argument("--publishers", type=int, default=1, help="Clubs publishing per round")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--work", type=Path, help="Default bench/work/<clubs>")
    parser.add_argument("--database-url", help="PostgreSQL instead of a SQLite file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    cli.set_up(args.clubs, args.work, args.database_url)
    from django.core.management import call_command

    from cms.clubs.models import ClubPage

    from . import data  # imports Django models: after set_up

    call_command("migrate", verbosity=0)
    if not ClubPage.objects.exists():
        data.generate(args.clubs, log=print)
    times = [build_round(number, args) for number in range(args.rounds)]
    remove_items()
    # The first round is the process' first build (a worker's first after its start): the
    # summary is of the rounds after it, as a running worker builds.
    warm = [(seconds, cpu) for seconds, cpu, _pages, full in times[1:] if not full]
    if warm:
        print(
            f"incremental builds after the first: median "
            f"{statistics.median(s for s, _c in warm):.3f} s wall, "
            f"{statistics.median(c for _s, c in warm):.3f} s processor time"
        )
    return 0


def build_round(number: int, args) -> tuple[float, float, int, bool]:
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from cms.clubs.models import ClubPage, NewsIndexPage, NewsPage
    from cms.homepages.builds import build_portal_now, warm_up
    from cms.homepages.models import SiteBuild

    if number == 0:
        warm_up()
    clubs = list(ClubPage.objects.live().filter(locale__language_code="de").order_by("path"))
    step = max(1, len(clubs) // max(1, args.publishers))
    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(PORTAL_AUTO_REBUILD=True, HOMEPAGE_AUTO_REBUILD=False, TASKS=queue):
        for club in clubs[::step][: args.publishers]:
            index = NewsIndexPage.objects.child_of(club).first()
            stamp = time.time_ns()
            page = index.add_child(
                instance=NewsPage(
                    title=f"Neu in Runde {number} {stamp}",
                    slug=f"bench-rounds-{stamp}",
                    date=datetime.date.today(),
                    teaser="Neu in dieser Runde.",
                )
            )
            page.save_revision().publish()
    started, cpu = time.perf_counter(), time.process_time()
    # As the worker's task builds (after its waits), in this process alone.
    codes = [code for code in args.locales.split(",") if code]
    report, _changes = build_portal_now(jobs=1, locale_codes=codes or None)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # The build is done: nothing waits for a worker (the queue is not worked in this process).
    SiteBuild.objects.filter(site="portal").update(changes={}, queued=False)
    DBTaskResult.objects.all().delete()
    kind = "incremental" if report.incremental else "full"
    print(
        f"round {number + 1}: {kind} build {seconds:.3f} s wall, {cpu:.3f} s processor time, "
        f"{len(report.rendered)} pages rendered",
        flush=True,
    )
    return seconds, cpu, len(report.rendered), not report.incremental


def remove_items() -> None:
    """Remove the rounds' news items, the changes noted for the next build of the portal (the
    first round of the next run takes them)."""
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from cms.clubs.models import NewsPage

    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(PORTAL_AUTO_REBUILD=True, HOMEPAGE_AUTO_REBUILD=False, TASKS=queue):
        for page in NewsPage.objects.filter(slug__startswith="bench-rounds-"):
            page.delete()
    DBTaskResult.objects.all().delete()


if __name__ == "__main__":
    sys.exit(main())
