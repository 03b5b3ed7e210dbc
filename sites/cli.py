"""``python -m sites build``: build club homepages from a local or remote installation.

python -m sites build --club <slug> [--api URL] --out DIR [--incremental]
python -m sites build --all [--api URL] --out DIR [--jobs N]
python -m sites build --portal [--api URL] --out DIR [--base-url URL]

``--jobs N`` builds N sites at a time in worker processes (0: one per core). In-process, each
worker runs its own copy of the API on its own database connection, so the content must be
committed (it is, outside tests).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .client import ApiClient, ApiError
from .club import build_club
from .engine.collector import collector_paused
from .engine.plugins import discover


def build_many(
    client: ApiClient,
    slugs: Iterable[str],
    out: Path,
    *,
    incremental: bool = False,
    base_url: Callable[[str], str] | str = "",
    stdout=sys.stdout,
    progress: bool = False,
    jobs: int = 1,
) -> int:
    """Build several club sites; report each, return the number of failures."""
    registry = discover()
    for name, error in registry.errors.items():
        stdout.write(f"Plugin {name} skipped: {error}\n")
    slugs = list(slugs)
    jobs = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    failures = pages = 0
    options = {"out": Path(out), "incremental": incremental, "base_url": base_url}
    if jobs > 1 and len(slugs) > 1:
        outcomes = _build_in_workers(client, slugs, jobs, options)
    else:
        outcomes = (_build_one(client, registry, slug, options) for slug in slugs)
    for number, (slug, outcome) in enumerate(zip(slugs, outcomes, strict=True), 1):
        if "failure" in outcome:
            failures += 1
            stdout.write(f"\n{slug}: FAILED: {outcome['failure']}\n")
            continue
        pages += outcome["pages"]
        for plugin, error in outcome["errors"].items():
            stdout.write(f"\n{slug}: plugin {plugin} skipped: {error}\n")
        if progress:
            stdout.write("\r" + _bar(number, len(slugs), started))
        else:
            state = (
                "unchanged"
                if outcome["skipped"]
                else f"{outcome['written']} written, {outcome['reused']} reused"
            )
            stdout.write(f"{slug}: {state} ({outcome['seconds']:.2f} s)\n")
    seconds = time.perf_counter() - started
    rate = pages / seconds if seconds else 0.0
    stdout.write(f"\n{len(slugs)} site(s), {pages} pages in {seconds:.1f} s ({rate:.0f} pages/s)\n")
    return failures


def counted_page(path: str) -> bool:
    """A page of a built site as pages per second count them: its HTML files, as counted
    before each locale had its own 404 page (2026-12-07), so that figures stay comparable."""
    return path.endswith(".html") and not path.endswith("/404.html")


def _build_one(client: ApiClient, registry, slug: str, options: dict) -> dict:
    """Build one site (without the cyclic collector, which collects after it,
    ``sites.engine.collector``); a summary that can cross a process boundary."""
    base_url = options["base_url"]
    url = base_url(slug) if callable(base_url) else base_url
    try:
        with collector_paused():
            report = build_club(
                client,
                slug,
                options["out"],
                base_url=url,
                registry=registry,
                incremental=options["incremental"],
            )
    except (ApiError, OSError) as exc:
        return {"failure": str(exc)}
    return {
        "pages": sum(1 for path in report.written + report.reused if counted_page(path)),
        "written": len(report.written),
        "reused": len(report.reused),
        "skipped": report.skipped,
        "seconds": report.seconds,
        "errors": dict(report.errors),
    }


# Worker processes (forked, so the options, the base-URL function and Django's configuration
# are inherited rather than pickled): each opens its own API client.
_worker: dict = {}


def _start_worker(base_url: str | None, options: dict) -> None:
    _worker["client"] = ApiClient(base_url)
    _worker["registry"] = discover()
    _worker["options"] = options


def _build_in_worker(slug: str) -> dict:
    return _build_one(_worker["client"], _worker["registry"], slug, _worker["options"])


def _build_in_workers(client: ApiClient, slugs: list[str], jobs: int, options: dict):
    """Sites built ``jobs`` at a time, one site per task (a worker holds one site's data at a
    time, so memory does not grow with the number of sites); results in order."""
    if client.in_process:
        from django.db import connections

        connections.close_all()  # a forked worker must not share the parent's connection
    context = multiprocessing.get_context("fork")
    base_url = None if client.in_process else str(client.http.base_url)
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_start_worker,
        initargs=(base_url, options),
    ) as pool:
        yield from pool.map(_build_in_worker, slugs, chunksize=1)


def build_portal_site(client: ApiClient, out: Path, *, base_url: str = "", stdout=None) -> int:
    """Build the district portal into ``<out>/portal/``; report it, return 1 on failure."""
    stdout = stdout or sys.stdout
    from .portal import build_portal

    try:
        report = build_portal(client, Path(out), base_url=base_url, registry=discover())
    except (ApiError, OSError) as exc:
        stdout.write(f"portal: FAILED: {exc}\n")
        return 1
    for plugin, error in report.errors.items():
        stdout.write(f"portal: plugin {plugin} skipped: {error}\n")
    stdout.write(
        f"portal: {len(report.written)} written, {len(report.reused)} reused "
        f"({report.seconds:.2f} s)\n"
    )
    return 0


def _bar(done: int, total: int, started: float, width: int = 30) -> str:
    filled = int(width * done / total) if total else width
    elapsed = time.perf_counter() - started
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {elapsed:.1f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sites")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="Build club homepages and the portal")
    target = build.add_mutually_exclusive_group()
    target.add_argument("--club", action="append", help="Slug of a club (repeatable)")
    target.add_argument("--all", action="store_true", help="Every published club")
    build.add_argument("--portal", action="store_true", help="The district portal")
    build.add_argument("--api", help="Base URL of a remote installation (default: in-process)")
    build.add_argument("--out", required=True, type=Path, help="Build directory")
    build.add_argument("--incremental", action="store_true", help="Skip unchanged sites")
    build.add_argument("--base-url", default="", help="Public URL prefix; <slug> is replaced")
    build.add_argument(
        "--jobs", type=int, default=1, help="Sites built at a time (0: one per core)"
    )
    args = parser.parse_args(argv)
    if not (args.club or args.all or args.portal):
        parser.error("one of --club, --all or --portal is required")

    if not args.api:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
        import django

        django.setup()
    failures = 0
    with ApiClient(args.api) as client:
        if args.club or args.all:
            slugs = client.club_slugs() if args.all else args.club
            failures += build_many(
                client,
                slugs,
                args.out,
                incremental=args.incremental,
                base_url=lambda slug: args.base_url.replace("<slug>", slug),
                progress=args.all,
                jobs=args.jobs,
            )
        if args.portal:
            failures += build_portal_site(client, args.out, base_url=args.base_url)
    return 1 if failures else 0
