"""One benchmark run: every measurement of issue 9, side by side, into one results dict."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import random
import re
import signal
import statistics
import subprocess
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sites.cli import counted_page

from . import cli, data
from .load import wait_for
from .measure import PeakMemory, interleaved, load, stats, timed
from .timing import summary

DIRECTORY = "/api/v1/clubs/?limit=50"
STOCK = "/api/v2/pages/?type=clubs.ClubPage&fields=*&limit=50"
BUILD_SAMPLE = 250
# Admin publish requests of one editor alone, one after the other (publishing).
SINGLE_PUBLISHES = 10
# Rounds of the sub-millisecond answers (cached, 304, floor), timed in turn.
FAST_ROUNDS = 1000
FAST_ROUNDS_QUICK = 20


def utc_today() -> str:
    """The date of the run in UTC, as its times are given (the process runs in the platform's
    time zone, Europe/Berlin, whose date changes an hour earlier)."""
    return datetime.datetime.now(datetime.UTC).date().isoformat()


class Run:
    def __init__(self, args, work: Path):
        self.args = args
        self.work = work
        self.quick = args.quick
        self.repeat = 3 if self.quick else 30
        self.warmup = 1 if self.quick else 5
        self.load_seconds = args.load_seconds or (3.0 if self.quick else 30.0)
        self.client = Client()
        # As cms/wsgi.py does in every application worker (cms/ops/startup.py).
        from cms.ops.startup import load_and_freeze

        load_and_freeze()
        self.floor_dir = work / "floor"
        self.floor_dir.mkdir(parents=True, exist_ok=True)

    def log(self, message: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())} UTC] {message}", flush=True)

    # --- helpers -------------------------------------------------------------------------

    def get(self, path: str, **headers):
        response = self.client.get(path, **headers)
        if response.status_code not in (200, 304):
            raise RuntimeError(f"{path} answered {response.status_code}: {response.content[:300]}")
        return response

    def invalidate(self) -> None:
        """What a publish does to the API cache: a new content version."""
        from cms.core.caching import bump_content_version

        bump_content_version()

    def queries(self, path: str, *, uncached: bool = True, **headers) -> int:
        self.get(path, **headers)  # renditions and lazy lookups made once
        if uncached:
            self.invalidate()
        with CaptureQueriesContext(connection) as captured:
            self.get(path, **headers)
        return len(captured)

    def floor_key(self, path: str) -> str:
        """Capture ``path``'s response bytes for the floor view; returns the floor URL."""
        response = self.get(path)
        key = hashlib.sha1(path.encode()).hexdigest()[:16]
        (self.floor_dir / f"{key}.bin").write_bytes(response.content)
        (self.floor_dir / f"{key}.type").write_text(response["Content-Type"])
        return f"/bench/floor/{key}/"

    def slugs(self) -> list[str]:
        from cms.clubs.models import ClubPage

        return list(ClubPage.objects.live().order_by("path").values_list("slug", flat=True))

    # --- the run -------------------------------------------------------------------------

    def all(self) -> dict:
        self.log(f"database: {connection.vendor}, work directory {self.work}")
        call_command("migrate", verbosity=0)
        if self.quick:
            data.IMAGE_POOL = 8
        generated = data.generate(self.args.clubs, log=self.log)
        # Statistics for the query planner, as PostgreSQL's autovacuum keeps them and
        # `manage.py start` refreshes them for SQLite (cms/ops/statistics.py).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        from wagtail.models import Page

        results = {
            "meta": {
                "date": utc_today(),
                "time_utc": datetime.datetime.now(datetime.UTC).strftime("%H:%M"),
                "clubs": self.args.clubs,
                "pages": Page.objects.count(),
                "quick": self.quick,
                "only": sorted(self.args.only or []),
                "database": connection.vendor,
                "generation_seconds": generated["seconds"],
                "repeat": self.repeat,
                "warmup": self.warmup,
                "commit": cli.commit(),
                "machine": cli.machine(),
                "note": "Shared 2-core machine (other work running): compare ratios measured "
                "in the same run, not absolute times across runs.",
            }
        }
        self.all_slugs = self.slugs()
        for name, step in [
            ("directory", self.directory),
            ("lists", self.lists),
            ("bundle", self.bundle),
            ("builder", self.builder),
            ("load", self.load),
            ("portal", self.portal),
            ("publishing", self.publishing),
        ]:
            if self.args.only and name not in self.args.only:
                continue
            self.log(f"{name} …")
            results[name] = step()
        from .report import targets

        results["targets"] = targets(results)
        return results

    def directory(self) -> dict:
        """(1) The directory uncached, cached and 304, Wagtail's stock v2 and the floor."""
        floor = self.floor_key(DIRECTORY)
        etag = self.get(DIRECTORY)["ETag"]
        size = len(self.get(DIRECTORY).content)
        result = {
            "url": DIRECTORY,
            "stock_url": STOCK,
            "bytes": size,
            "stock_bytes": len(self.get(STOCK).content),
            "uncached": timed(
                lambda: self.get(DIRECTORY),
                repeat=self.repeat,
                warmup=self.warmup,
                before=self.invalidate,
            ),
            # The answers from memory take a fraction of a millisecond: timed in turn with the
            # floor, many rounds (bench/measure.py: interleaved).
            **interleaved(
                {
                    "cached": lambda: self.get(DIRECTORY),
                    "not_modified": lambda: self.get(DIRECTORY, HTTP_IF_NONE_MATCH=etag),
                    "floor": lambda: self.get(floor),
                },
                rounds=FAST_ROUNDS_QUICK if self.quick else FAST_ROUNDS,
                warmup=self.warmup,
            ),
            "stock_v2_uncached": timed(
                lambda: self.get(STOCK),
                repeat=max(3, self.repeat // 3),
                warmup=1,
                before=self.invalidate,
            ),
            "queries": {
                "uncached": self.queries(DIRECTORY),
                "cached": self.queries(DIRECTORY, uncached=False),
                "not_modified": self.queries(
                    DIRECTORY, uncached=False, HTTP_IF_NONE_MATCH=self.get(DIRECTORY)["ETag"]
                ),
                "stock_v2_uncached": self.queries(STOCK),
                "floor": self.queries(floor, uncached=False),
            },
        }
        base = result["floor"]["median_ms"]
        result["ratio_to_floor"] = {
            name: round(result[name]["median_ms"] / base, 2)
            for name in ("uncached", "cached", "not_modified", "stock_v2_uncached")
        }
        result["stock_v2_over_uncached"] = round(
            result["stock_v2_uncached"]["median_ms"] / result["uncached"]["median_ms"], 2
        )
        return result

    def lists(self) -> dict:
        """Queries and uncached times of the other list endpoints and a profile."""
        slug = self.all_slugs[len(self.all_slugs) // 2]
        urls = {
            "events": "/api/v1/events/?limit=50",
            "news": "/api/v1/news/?limit=50",
            "profile": f"/api/v1/clubs/{slug}/",
            "calendar": f"/api/v1/clubs/{slug}/events.ics",
        }
        result = {}
        for name, url in urls.items():
            result[name] = {
                "url": url,
                "uncached": timed(
                    lambda url=url: self.get(url),
                    repeat=max(3, self.repeat // 2),
                    warmup=1,
                    before=self.invalidate,
                ),
                "queries": self.queries(url),
            }
        return result

    def bundle(self) -> dict:
        """(2) A club's bundle vs the same content page by page through /api/v2/."""
        from cms.clubs.models import ClubPage

        count = 2 if self.quick else 5
        step = max(1, len(self.all_slugs) // count)
        slugs = self.all_slugs[::step][:count]
        clubs = {club.slug: club.pk for club in ClubPage.objects.filter(slug__in=slugs)}

        def v2(slug: str) -> int:
            listing = json.loads(
                self.get(f"/api/v2/pages/?descendant_of={clubs[slug]}&limit=100").content
            )
            requests = 1
            for item in [{"id": clubs[slug]}, *listing["items"]]:
                self.get(f"/api/v2/pages/{item['id']}/")
                requests += 1
            return requests

        bundle_samples, v2_samples, requests = [], [], 0
        for slug in slugs:
            url = f"/api/v1/clubs/{slug}/bundle/"
            bundle_samples.append(
                timed(
                    lambda url=url: self.get(url),
                    repeat=max(3, self.repeat // 3),
                    warmup=1,
                    before=self.invalidate,
                )["median_ms"]
            )
            v2(slug)  # warm-up (renditions)
            self.invalidate()
            started = time.perf_counter()
            requests = v2(slug)
            v2_samples.append((time.perf_counter() - started) * 1000)
        slug = slugs[0]
        with CaptureQueriesContext(connection) as captured:
            self.invalidate()
            v2(slug)
        bundle_stats = stats([sample / 1000 for sample in bundle_samples])
        v2_stats = stats([sample / 1000 for sample in v2_samples])
        return {
            "clubs": slugs,
            "bundle_uncached": bundle_stats,
            "bytes": len(self.get(f"/api/v1/clubs/{slug}/bundle/").content),
            "v2_page_by_page_uncached": v2_stats,
            "v2_requests_per_club": requests,
            "queries": {
                "bundle": self.queries(f"/api/v1/clubs/{slug}/bundle/"),
                "v2_page_by_page": len(captured),
            },
            "v2_over_bundle": round(v2_stats["median_ms"] / bundle_stats["median_ms"], 2),
        }

    # --- (3) the builder -----------------------------------------------------------------

    def builder(self) -> dict:
        out = self.work / "site-build-bench"
        cli.remove(out)
        # Up to BUILD_SAMPLE sites: the rate and the per-process memory do not depend on how
        # many sites follow (one site at a time per worker); the time of a full build does.
        # --build-sample 0 builds every site (the issue's `build --all` at 5,000 clubs).
        sample = self.args.build_sample
        limit = 12 if self.quick else (BUILD_SAMPLE if sample is None else sample)
        slugs = self.all_slugs[:limit] if limit else self.all_slugs
        result = {"all": self.build_all(out, slugs, jobs=2)}
        sample = slugs[: 2 if self.quick else 10]
        result["single_process"] = self.build_single(sample)
        result["floor"] = self.render_floor(sample)
        result["single_over_floor"] = round(
            result["floor"]["pages_per_s"] / result["single_process"]["pages_per_s"], 2
        )
        result["incremental"] = self.incremental(out, slugs[len(slugs) // 2])
        return result

    def build_all(self, out: Path, slugs: list[str], jobs: int) -> dict:
        """``python -m sites build --all --jobs 2`` (or the quick run's clubs) in a process of
        its own, its peak memory sampled."""
        command = [cli.python(), "-m", "sites", "build", "--out", str(out), "--jobs", str(jobs)]
        if len(slugs) < len(self.all_slugs):
            for slug in slugs:
                command += ["--club", slug]
        else:
            command += ["--all"]
        environment = dict(os.environ, PYTHONUNBUFFERED="1")
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cli.ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        with PeakMemory(process.pid) as memory:
            output, _ = process.communicate()
        seconds = time.perf_counter() - started
        if process.returncode:
            raise RuntimeError(f"build failed:\n{output[-3000:]}")
        match = re.search(r"(\d+) site\(s\), (\d+) pages in ([\d.]+) s", output)
        pages = int(match.group(2)) if match else _html_files(out)
        build_seconds = float(match.group(3)) if match else seconds
        return {
            "sites": len(slugs),
            "all_sites": len(slugs) == len(self.all_slugs),
            "pages": pages,
            "jobs": jobs,
            "seconds_wall": round(seconds, 2),
            "seconds_building": build_seconds,
            "pages_per_s": round(pages / build_seconds, 1),
            "pages_per_s_wall": round(pages / seconds, 1),
            **memory.result(),
        }

    def build_single(self, slugs: list[str]) -> dict:
        from sites.client import ApiClient
        from sites.club import build_club
        from sites.engine.plugins import discover

        out = self.work / "site-build-single"
        cli.remove(out)
        registry = discover()
        pages = 0
        with ApiClient() as client:
            build_club(client, slugs[0], out / "warm", registry=registry)
            started = time.perf_counter()
            for slug in slugs:
                report = build_club(client, slug, out, registry=registry)
                pages += sum(1 for path in report.written if counted_page(path))
            seconds = time.perf_counter() - started
        return {"sites": len(slugs), "pages": pages, "seconds": round(seconds, 2),
                "pages_per_s": round(pages / seconds, 1)}  # fmt: skip

    def render_floor(self, slugs: list[str]) -> dict:
        """The same sites rendered from bundles held in memory: no API, no disk."""
        from sites.client import ApiClient
        from sites.club import choose_plugins, locales_of, prepare, site_settings
        from sites.engine.plugins import discover
        from sites.engine.site import Site, render_site

        registry = discover()
        memo: dict = {}

        def remembered(function):
            def call(*args):
                key = (function.__name__, json.dumps(args, sort_keys=True, default=str))
                if key not in memo:
                    memo[key] = function(*args)
                return memo[key]

            return call

        sites = []
        with ApiClient() as client:
            download, fetch = remembered(client.download), remembered(client.json)
            for slug in slugs:
                bundle = client.json(f"/api/v1/clubs/{slug}/bundle/")
                locales = locales_of(bundle)
                content = {locales[0].code: prepare(bundle)}
                for locale in locales[1:]:
                    content[locale.code] = prepare(
                        client.json(f"/api/v1/clubs/{slug}/bundle/", {"locale": locale.code})
                    )
                sites.append((slug, bundle, locales, content))

            def render_all() -> int:
                pages = 0
                for slug, bundle, locales, content in sites:
                    theme, plugins = choose_plugins(registry, bundle["homepage"])
                    site = Site(
                        kind="club",
                        name=slug,
                        title=bundle["club"]["name"],
                        locales=locales,
                        data=content,
                        theme=theme,
                        plugins=plugins,
                        settings=site_settings(slug, bundle["homepage"]),
                        download=download,
                        fetch=fetch,
                    )
                    files, _assets = render_site(site)
                    pages += sum(1 for output in files if counted_page(output.path))
                return pages

            pages = render_all()  # warm-up: templates compiled, media and fetches in memory
            started = time.perf_counter()
            rounds = 1 if self.quick else 3
            for _ in range(rounds):
                render_all()
            seconds = (time.perf_counter() - started) / rounds
        return {"sites": len(slugs), "pages": pages, "seconds": round(seconds, 3),
                "pages_per_s": round(pages / seconds, 1)}  # fmt: skip

    def incremental(self, out: Path, slug: str) -> dict:
        """One news teaser changed and published, the club's site rebuilt incrementally, in
        the same warm process (as the task worker does it); several rounds, medians. The
        publish (Wagtail's own work, no build queued: bench/settings.py) and the rebuild are
        timed separately; "publish to swap" is their sum per round."""
        from cms.clubs.models import ClubPage, NewsPage
        from sites.client import ApiClient
        from sites.club import build_club
        from sites.engine.builder import wait_for_cleanup
        from sites.engine.plugins import installed

        registry = installed()
        club = ClubPage.objects.get(slug=slug)
        news = NewsPage.objects.filter(path__startswith=club.path).order_by("path").first()
        rounds = 2 if self.quick else 5
        publish, rebuild, total, reports = [], [], [], []
        with ApiClient() as client:
            build_club(client, slug, out, registry=registry, incremental=True)  # up to date
            unchanged_started = time.perf_counter()
            unchanged = build_club(client, slug, out, registry=registry, incremental=True)
            unchanged_seconds = time.perf_counter() - unchanged_started
            for _ in range(rounds):
                wait_for_cleanup()  # the previous round's replaced release, off the clock
                news.teaser = f"Geändert um {datetime.datetime.now():%H:%M:%S.%f}"
                started = time.perf_counter()
                news.save_revision().publish()
                published = time.perf_counter()
                report = build_club(client, slug, out, registry=registry, incremental=True)
                swapped = time.perf_counter()
                publish.append(published - started)
                rebuild.append(swapped - published)
                total.append(swapped - started)
                reports.append(report)
        return {
            "club": slug,
            "rounds": rounds,
            "publish_to_swap_s": round(statistics.median(total), 3),
            "publish_s": round(statistics.median(publish), 3),
            "rebuild_s": round(statistics.median(rebuild), 3),
            "rebuild_min_s": round(min(rebuild), 3),
            "rebuild_max_s": round(max(rebuild), 3),
            "files_written": len(reports[-1].written),
            "files_reused": len(reports[-1].reused),
            "unchanged_check_s": round(unchanged_seconds, 3),
            "unchanged_skipped": unchanged.skipped,
        }

    # --- (5b) the portal: a full build, and an incremental one after one news item ---------

    def portal(self) -> dict:
        """The portal built in full (every locale), then one news item of a club published and
        the portal built incrementally (``changes`` as the publish signal gives them), in the
        same warm process as the task worker does it; several rounds, medians. The ratio is
        full / incremental. The build goes to the run's ``SITE_BUILD_DIR``, so the publishing
        measurement starts from it."""
        from cms.clubs.models import ClubPage, NewsPage
        from cms.homepages.builds import build_jobs, portal_base_url
        from cms.homepages.signals import portal_changes
        from sites.client import ApiClient
        from sites.engine.builder import wait_for_cleanup
        from sites.engine.collector import collector_paused
        from sites.engine.parallel import jobs_for
        from sites.engine.plugins import installed
        from sites.portal import build_portal

        root = Path(settings.SITE_BUILD_DIR)
        registry = installed()
        clubs = list(ClubPage.objects.live().filter(locale__language_code="de").order_by("path"))
        club = clubs[len(clubs) // 2]
        news = NewsPage.objects.filter(path__startswith=club.path, live=True).order_by("path")[0]
        rounds = 1 if self.quick else 3
        with ApiClient() as client, PeakMemory(os.getpid()) as memory:
            started = time.perf_counter()
            # As the worker builds it: its locales shared between ``SITE_BUILD_JOBS`` processes.
            jobs = build_jobs()
            full = build_portal(
                client, root, base_url=portal_base_url(), registry=registry, jobs=jobs
            )
            full_s = time.perf_counter() - started

            def timed(page, change) -> tuple[list[float], list]:
                """``rounds`` times: ``change(page, number)``, publish, build incrementally
                with the keys the publish signal gives."""
                seconds, built = [], []
                for number in range(rounds):
                    wait_for_cleanup()
                    change(page, number)
                    page.save_revision().publish()
                    self.invalidate()
                    started = time.perf_counter()
                    with collector_paused():  # as the worker builds incrementally
                        built.append(
                            build_portal(
                                client,
                                root,
                                base_url=portal_base_url(),
                                registry=registry,
                                changes=portal_changes(page, club.slug),
                                jobs=jobs,
                            )
                        )
                    seconds.append(time.perf_counter() - started)
                return seconds, built

            def retitle(page, number):
                page.title = f"Portal-Runde {number} {time.time_ns()}"

            def describe(page, number):
                page.short_description = f"Profil-Runde {number} {time.time_ns()}"

            incremental, reports = timed(news, retitle)
            # The club's own page edited (its profile): the profile and the lists that show
            # the club, not every page (``resource_keys.club_changes``).
            club = ClubPage.objects.get(pk=club.pk)
            edited, edits = timed(club, describe)
        last = reports[-1]
        profile = root / "portal" / "current" / "de" / "verzeichnis" / club.slug / "index.html"
        assert news.title.replace("&", "&amp;") in profile.read_text()
        assert club.short_description in profile.read_text()
        directory = profile.parent.parent / "index.html"
        assert club.short_description in directory.read_text()
        pages = sum(1 for path in full.rendered if path.endswith(".html"))
        return {
            "full_s": round(full_s, 2),
            "full_pages": pages,
            "full_pages_per_s": round(pages / full_s, 1),
            "full_files": full.files,
            "processes": jobs_for(jobs),
            "peak_rss_mb": memory.result()["peak_process_mb"],
            # Forked processes share the pages they did not write to; the sum counts them twice.
            "peak_rss_total_mb": memory.result()["peak_total_mb"],
            "rounds": rounds,
            "incremental_s": round(statistics.median(incremental), 3),
            "incremental_max_s": round(max(incremental), 3),
            "incremental_rendered": len(last.rendered),
            "incremental_written": len([p for p in last.written if not p.startswith(".")]),
            "incremental": last.incremental,
            "ratio_full_to_incremental": round(full_s / statistics.median(incremental), 1),
            "profile_s": round(statistics.median(edited), 3),
            "profile_max_s": round(max(edited), 3),
            "profile_rendered": len(edits[-1].rendered),
            "profile_incremental": edits[-1].incremental,
        }

    # --- (6) publish to live, with a real task worker -------------------------------------

    def publishing(self) -> dict:
        """Publish to live as editors see it: EDITORS threads each publish a new news item of
        their own club at the same moment (dated today, so it enters the top of every list of
        news), each logged in as the club's editor and posting Wagtail's form for a new page
        with ``action-publish`` (``bench/editors.py``):
        the request goes through the whole Django stack and enqueues the builds on commit;
        real ``manage.py db_worker`` processes build. Per publish: the admin request, and the
        time from its start until the new title is in the files served for the club's
        homepage, the portal's profile page of the club and the portal's newsroom. The queue
        length (tasks ready or running) is sampled every half second."""
        import threading

        from django.db import close_old_connections
        from django.test import override_settings

        from cms.clubs.models import ClubPage, NewsPage
        from cms.homepages.builds import enqueuer
        from cms.homepages.models import SiteBuild
        from cms.homepages.status import request_build

        from .editors import AdminEditor, trusted_editor

        editors = 2 if self.quick else EDITORS
        rounds = 1 if self.quick else PUBLISH_ROUNDS
        root = Path(settings.SITE_BUILD_DIR)
        clubs = list(ClubPage.objects.live().filter(locale__language_code="de").order_by("path"))
        step = max(1, len(clubs) // editors)
        chosen = clubs[::step][:editors]
        items = {
            club.slug: NewsPage.objects.filter(path__startswith=club.path, live=True)
            .order_by("path")
            .first()
            for club in chosen
        }
        # The editors' browsers talk to gunicorn, as in production (docs/deploy.md: three sync
        # workers; on PostgreSQL persistent database connections), which requests the builds
        # on commit as a deployment does.
        timing = self.work / "admin-posts.jsonl"
        timing.unlink(missing_ok=True)
        base, server = start_gunicorn(
            ADMIN_WORKERS, BENCH_AUTO_REBUILD="1", BENCH_TIMING_LOG=str(timing), **deployed()
        )
        editors_of = {club.slug: trusted_editor(club) for club in chosen}
        sessions = {slug: AdminEditor(user, base) for slug, user in editors_of.items()}
        root_path = clubs[0].path[: -ClubPage.steplen] if clubs else ""
        # Two workers, as ``manage.py start`` runs them.
        # Their logs (each portal build with its time) go to work/worker-<n>.log.
        logs = [open(self.work / f"worker-{n}.log", "w") for n in (1, 2)]  # noqa: SIM115
        workers = [
            subprocess.Popen(
                # As deployed: the worker's own poll interval (WORKER_POLL_INTERVAL).
                [cli.python(), "manage.py", "db_worker", "--no-reload"],
                cwd=cli.ROOT,
                env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", **deployed()},
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
            for log in logs
        ]
        publish_s, live_s, queue_lengths, single_s, single_live_s = [], [], [], [], []

        def settled() -> bool:
            """The sites up to date and the queue empty: a task left from before (the
            brochure an edited profile lays out, seconds long) would take one of the two
            workers from the first round's builds."""
            rows = SiteBuild.objects.filter(site__in=["portal", *[f"vereine/{s}" for s in items]])
            built = all(row.up_to_date and not row.queued for row in rows)
            return built and sum(self._queue_lengths()) == 0

        try:
            # The items earlier runs published are removed first, so that every run starts
            # from the generated district: a publish reads the changed clubs' news whole, and
            # each run would otherwise measure clubs with twenty more items than the last.
            earlier = NewsPage.objects.filter(
                Q(title__startswith="Runde ") | Q(title__startswith="Allein neu "),
                path__startswith=root_path,
            )
            for page in earlier.specific():
                page.delete()
            with override_settings(HOMEPAGE_AUTO_REBUILD=True, PORTAL_AUTO_REBUILD=True):
                # The portal is live already when the portal measurement built it: its first
                # build here renders what the removal changed (nothing when there was none).
                built = (root / "portal" / "current" / ".manifest.json").is_file()
                changes = {"news:*", *(f"news:{slug}" for slug in items)}
                request_build("portal", enqueuer("portal"), changes if built else None)
                for site in [f"vereine/{slug}" for slug in items]:
                    request_build(site, enqueuer(site))
                self.log("publishing: first builds of the portal and the editors' homepages …")
                wait_until(settled, 1800)
                for number in range(rounds):
                    # Each round from a quiet queue: what the previous one held back
                    # (cms/ops/tasks.py: the search and reference index, seconds later) does
                    # not run in this one's builds.
                    wait_until(settled, 1800)
                    # Each editor's form for a new news item, as the browser has it before
                    # the click: a new item enters the top of every list that shows news.
                    forms = {}
                    for slug, item in items.items():
                        stamp = time.time_ns()
                        forms[slug] = sessions[slug].news_form(
                            item, f"Runde {number} {slug[:20]} {stamp}", f"runde-{number}-{stamp}"
                        )
                    barrier = threading.Barrier(len(items))
                    threads = [
                        threading.Thread(
                            target=self._publish_and_watch,
                            args=(
                                slug,
                                sessions[slug],
                                forms[slug],
                                barrier,
                                root,
                                publish_s,
                                live_s,
                                "together",
                            ),
                        )
                        for slug in items
                    ]
                    started = time.perf_counter()
                    for thread in threads:
                        thread.start()
                    while any(thread.is_alive() for thread in threads):
                        queue_lengths.append(
                            (
                                number,
                                round(time.perf_counter() - started, 1),
                                *self._queue_lengths(),
                            )
                        )
                        time.sleep(0.5)
                    for thread in threads:
                        thread.join()
                    close_old_connections()
                # One editor alone, one click after the other (the workers building what the
                # clicks request meanwhile): the request without four others in the same
                # process (the five editors above are threads of this one Python process, so
                # their requests also wait for each other's turn at the interpreter).
                slug, item = next(iter(items.items()))
                for number in range(3 if self.quick else SINGLE_PUBLISHES):
                    url, data = sessions[slug].publish_form(
                        item, title=f"Allein {number} {time.time_ns()}"
                    )
                    started = time.perf_counter()
                    sessions[slug].post(url, data, phase="alone")
                    single_s.append(time.perf_counter() - started)
                # One editor alone, a new item each time, once the sites are up to date: the
                # evening's usual case (a secretary publishing while nobody else does).
                wait_until(settled, 1800)
                for number in range(2 if self.quick else SINGLE_PUBLISHES):
                    stamp = time.time_ns()
                    form = sessions[slug].news_form(
                        item, f"Allein neu {number} {stamp}", f"allein-{number}-{stamp}"
                    )
                    self._publish_and_watch(
                        slug, sessions[slug], form, None, root, [], single_live_s, "alone-live"
                    )
                    wait_until(settled, 1800)
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=120)
            for log in logs:
                log.close()
            for session in sessions.values():
                session.close()
            stop_gunicorn(server)
        return {
            "server": f"gunicorn, {ADMIN_WORKERS} sync workers, loopback",
            "editors": len(items),
            "rounds": rounds,
            "publishes": len(publish_s),
            "publish_request": stats(publish_s),
            "publish_request_one_editor": stats(single_s),
            "publish_to_live_one_editor": stats(single_live_s),
            "publish_to_live": stats(live_s),
            # The admin POSTs as the server timed them, per phase (bench/timing.py).
            "server_side": summary(timing) if timing.is_file() else {},
            # Per round: (seconds since the editors clicked, tasks ready or running, tasks
            # held back for later).
            "queue_length_over_time": [
                [
                    [seconds, length, held]
                    for number, seconds, length, held in queue_lengths
                    if number == n
                ]
                for n in range(rounds)
            ],
            "queue_max": max((length for _n, _s, length, _h in queue_lengths), default=0),
            "queue_held_max": max((held for *_, held in queue_lengths), default=0),
        }

    @staticmethod
    def _queue_lengths() -> tuple[int, int]:
        """Tasks a worker may take now (ready or running), and those held back until later."""
        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
        held = waiting.filter(status="READY", run_after__gt=timezone.now()).count()
        return waiting.count() - held, held

    @staticmethod
    def _publish_and_watch(slug, editor, form, barrier, root, publish_s, live_s, phase):
        from django.db import connection as thread_connection

        url, data = form
        title = data["title"]
        try:
            if barrier is not None:
                barrier.wait()
            started = time.perf_counter()
            editor.post(url, data, phase=phase)
            publish_s.append(time.perf_counter() - started)
            files = [
                root / "vereine" / slug / "current" / "de" / "index.html",
                root / "portal" / "current" / "de" / "verzeichnis" / slug / "index.html",
            ]
            # Several items dated today: the newsroom's first page may hold only some of them.
            newsroom = root / "portal" / "current" / "de" / "neuigkeiten"
            escaped = title.replace("&", "&amp;")

            # The files are read again only when a site's live release changed: five
            # threads reading the newsroom every 20 ms would take the CPU the builds need.
            releases = [root / "vereine" / slug / "current", root / "portal" / "current"]
            last: list = [None]

            def shown() -> bool:
                live = [os.readlink(link) if link.is_symlink() else None for link in releases]
                if live == last[0]:
                    return False
                last[0] = live
                return all(f.is_file() and escaped in f.read_text() for f in files) and any(
                    escaped in f.read_text() for f in newsroom.glob("**/index.html")
                )

            wait_until(shown, 1800, interval=0.02)
            live_s.append(time.perf_counter() - started)
        finally:
            thread_connection.close()

    # --- (4) load, (5) memory of the API workers -----------------------------------------

    def mixed_paths(self) -> list[str]:
        rng = random.Random(9)
        slugs = self.all_slugs
        sample = rng.sample(slugs, min(len(slugs), 6 if self.quick else 40))
        groups = {
            "directory": [f"/api/v1/clubs/?limit=50&offset={offset}" for offset in (0, 50, 100)]
            + ["/api/v1/clubs/?limit=50&country=TR", "/api/v1/clubs/?limit=50&focus=sport"],
            "profile": [f"/api/v1/clubs/{slug}/" for slug in sample],
            "events": ["/api/v1/events/?limit=50"]
            + [f"/api/v1/events/?club={slug}" for slug in sample[:10]],
            "bundle": [f"/api/v1/clubs/{slug}/bundle/" for slug in sample[:20]],
            "calendar": [f"/api/v1/clubs/{slug}/events.ics" for slug in sample[:20]],
        }
        weights = {"directory": 25, "profile": 30, "events": 15, "bundle": 15, "calendar": 15}
        paths = []
        for _ in range(200 if self.quick else 2000):
            group = rng.choices(list(weights), weights=list(weights.values()))[0]
            paths.append(rng.choice(groups[group]))
        return [path for path in paths if self._valid(path)]

    def _valid(self, path: str) -> bool:
        if not hasattr(self, "_checked"):
            self._checked = {}
        if path not in self._checked:
            self._checked[path] = self.client.get(path).status_code == 200
        return self._checked[path]

    def load(self) -> dict:
        paths = self.mixed_paths()
        floors = {path: self.floor_key(path) for path in set(paths)}
        floor_paths = [floors[path] for path in paths]
        base, server = start_gunicorn(2)
        try:
            # Each worker has its own cache: every distinct path a few times round, so that
            # both have answered it before the timed run.
            distinct = sorted(set(paths))
            warm(base, distinct * (1 if self.quick else 4))
            with PeakMemory(server.pid, skip_root=True) as memory:
                app = load(base, paths, self.load_seconds)
            warm(base, sorted(set(floor_paths)) * (1 if self.quick else 4))
            floor = load(base, floor_paths, self.load_seconds)
        finally:
            stop_gunicorn(server)
        return {
            "server": "gunicorn, 2 sync workers, loopback; load generator in the same machine",
            "distinct_paths": len(set(paths)),
            "mix": "directory 25 %, profiles 30 %, events 15 %, bundles 15 %, .ics 15 %",
            "app_cached": app,
            "floor": floor,
            "app_over_floor_rps": round(app["rps"] / floor["rps"], 2) if floor["rps"] else 0.0,
            "worker_memory": memory.result(),
        }


def start_gunicorn(workers: int, **environment: str) -> tuple[str, subprocess.Popen]:
    """gunicorn serving the run's installation on a free loopback port, with ``workers`` sync
    workers (as docs/deploy.md runs it), once it answers: its base URL and its process."""
    port = cli.free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        cli.python(), "-m", "gunicorn", "cms.wsgi:application",
        "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
        "--worker-class", "sync", "--log-level", "warning",
    ]  # fmt: skip
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", **environment)
    server = subprocess.Popen(command, cwd=cli.ROOT, env=env)
    try:
        wait_for(base + "/api/v1/municipalities/", server)
    except BaseException:
        stop_gunicorn(server)
        raise
    return base, server


def stop_gunicorn(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


def warm(base: str, paths: list[str]) -> None:
    """Request every path once, in turn."""
    import httpx

    with httpx.Client(base_url=base, timeout=120.0) as client:
        for path in paths:
            client.get(path)


def _html_files(out: Path) -> int:
    return sum(1 for _ in Path(out).glob("*/current/**/*.html"))


EDITORS = 5
PUBLISH_ROUNDS = 4
# The admin server's workers in the publishing measurement (docs/deploy.md runs three).
ADMIN_WORKERS = 3
# What docs/deploy.md sets for the web server and the workers on PostgreSQL besides the
# defaults that bear on the timings: persistent database connections (without them every
# admin request and every task opened one, a few milliseconds each). The embedded SQLite
# default runs as `manage.py start` does, without.
DEPLOYED_ON_POSTGRESQL = {"DATABASE_CONN_MAX_AGE": "60"}


def deployed() -> dict[str, str]:
    from django.db import connection

    return DEPLOYED_ON_POSTGRESQL if connection.vendor == "postgresql" else {}


def wait_until(condition, seconds: float, interval: float = 0.2) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the sites did not show the change in time")
        time.sleep(interval)
