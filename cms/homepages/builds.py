"""Building the static sites from inside the CMS: the same builder as ``python -m sites``, with
the API client running in-process. Builds run as django-tasks in the worker (``manage.py
db_worker``), requested after the transaction that published the content commits, so a build
never reads uncommitted content and the click that published does no building. Requests are
coalesced per site (cms/homepages/status.py)."""

import datetime
import importlib.resources
import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import trans_real
from django_tasks import task

from cms import locales
from cms.clubs.homepage_links import homepage_url
from cms.core.caching import bump_content_version
from sites.client import ApiClient, in_process_transport
from sites.club import build_club
from sites.engine.builder import BuildReport
from sites.engine.collector import collector_paused
from sites.engine.i18n import load_locale_data, translations
from sites.engine.plugins import installed
from sites.engine.rendering import load_templates, make_environment, precompile
from sites.engine.site import catalog_packages
from sites.portal import api_locales, build_portal, choose_plugins

from .inflight import wait_for_running_edits
from .notices import note_build_requested
from .status import (
    pending_changes,
    queue_in_database,
    recover_interrupted_builds,
    request_build,
    requeue_lost_requests,
    run_build,
)

logger = logging.getLogger(__name__)


def build_root() -> Path:
    return Path(settings.SITE_BUILD_DIR)


# The address a club's homepage is built for (its own domain, or /vereine/<slug>/).
club_base_url = homepage_url


def build_jobs() -> int:
    """Processes a portal build shares its locales between (``SITE_BUILD_JOBS``; 0: one per
    core, ``sites.engine.parallel``)."""
    return int(getattr(settings, "SITE_BUILD_JOBS", 0))


def fresh_api_reads() -> None:
    """A worker with a process-local cache never saw the publishing process replace the API's
    content version: start from a new one, so the build reads what was published."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith(("LocMemCache", "DummyCache")):
        bump_content_version()


def enqueue_build(site: str, run_after: datetime.datetime | None = None) -> bool:
    """Put the build task of ``site`` in the queue; False if no such site kind exists."""
    kind, _sep, name = site.partition("/")
    if kind == "vereine" and name and "/" not in name:
        task, args = rebuild_club_site, (name,)
    elif site == "portal":
        task, args = rebuild_portal_site, ()
    else:
        return False
    if run_after is not None:
        task = task.using(run_after=run_after)
    task.enqueue(*args)
    return True


def enqueuer(site: str):
    return lambda run_after: enqueue_build(site, run_after)


SITE_KINDS = ("sites.portal", "sites.club")


def warm_up() -> None:
    """A worker's start, before its first task: load the API as a server does (its views,
    and the collector freeze of ``cms.ops.startup``) and compile every site template, which
    the first build after a start would otherwise do in the middle of a publish (about a
    second on the benchmark machine)."""
    in_process_transport()
    kinds = [Path(str(importlib.resources.files(kind))) / "templates" for kind in SITE_KINDS]
    precompile([*kinds, *(plugin.template_dir for plugin in installed().plugins.values())])
    load_catalogues()
    read_once()


def read_once() -> None:
    """One read of a list through the whole API (middleware, view, serializer, query): the
    first build after a start made the process's first API request in the middle of a
    publish (0.1 s more than the next one's)."""
    try:
        with ApiClient() as client:
            client.json("/api/v1/news/", {"limit": 1})
    except Exception as exc:  # noqa: BLE001 - a worker starts without it (a database not migrated yet)
        logger.warning("Warm-up: reading the API failed: %s", exc)


def load_catalogues() -> None:
    """Every locale's catalogues, loaded once in the worker: Django's (the API's texts) and
    the portal's (its merged catalogues and template environments). A portal build shares its
    locales with forked processes (``SITE_BUILD_JOBS``): what a forked process loads itself is
    lost when it ends, so without this each build loaded them again (about 0.2 s of an
    incremental build at 72 clubs); the first build after a start paid for them too."""
    codes = locales.codes()
    for code in codes:
        trans_real.translation(code)
    theme, plugins = choose_plugins(installed())
    portal = [theme, *plugins]
    catalogues = catalog_packages(portal)
    folders = [plugin.template_dir for plugin in portal]
    for code in codes:
        translations(catalogues, code)
        load_templates(make_environment(folders, catalogues, code))
        load_locale_data(code)


def recover_builds() -> list[str]:
    """The worker's housekeeping: queue again the builds of workers that died, and the
    requested builds whose task is gone."""
    recovered = recover_interrupted_builds(enqueue_build)
    if queue_in_database():
        recovered += requeue_lost_requests(enqueue_build, sites_with_waiting_tasks)
    return recovered


def sites_with_waiting_tasks() -> set[str]:
    """The sites whose build task is in the database queue, ready or running."""
    from django_tasks_db.models import DBTaskResult

    club, portal = rebuild_club_site.module_path, rebuild_portal_site.module_path
    rows = DBTaskResult.objects.filter(
        status__in=["READY", "RUNNING"], task_path__in=[club, portal]
    ).values_list("task_path", "args_kwargs")
    return {
        "portal" if path == portal else f"vereine/{arguments['args'][0]}"
        for path, arguments in rows
    }


# Priorities: the portal first once it is due (seconds; every publish waits for it), then the
# homepages (a fraction of a second each), then Wagtail's own tasks (search and reference
# index, priority 0), which nobody waits for. The portal must not start at the first commit of
# a burst (five editors clicking at once): it covered one or two of the publishes and a second
# build the rest, one after the other (the benchmark's publish → live went from about 4 to
# 6 s). So its build waits until the requests have paused for ``PORTAL_BUILD_SETTLE`` seconds
# (each one puts it off again, up to ``PORTAL_BUILD_SETTLE_LIMIT``: ``postpone_portal``;
# docs/deploy.md), while the workers build the homepages. Until 2026-12-07 it also came after
# every homepage by priority (5): due 0.2 s after the last commit, it then waited another
# 0.1-0.2 s for the workers to finish the burst's homepages, on the path of every editor's
# change (README, *Publishing*).
CLUB_PRIORITY = 10
PORTAL_PRIORITY = 20


@task(priority=CLUB_PRIORITY)
def rebuild_club_site(slug: str) -> dict:
    def build():
        fresh_api_reads()
        with ApiClient() as client:
            report = build_club(
                client, slug, build_root(), base_url=club_base_url(slug), registry=installed()
            )
        if report.errors:
            logger.warning("Homepage of %s built with errors: %s", slug, report.errors)
        return report

    site = f"vereine/{slug}"
    with collector_paused():
        return run_build(site, build, enqueuer(site))


class QueuedRebuild:
    """An on-commit callback that requests the rebuild of one club's homepage. Publishing a
    page and its children in one transaction requests a single rebuild, not one per page."""

    def __init__(self, slug: str):
        self.slug = slug
        self.done = False

    def __call__(self) -> None:
        self.done = True
        site = f"vereine/{self.slug}"
        request_build(site, enqueuer(site))


def queue_club_rebuild(slug: str) -> None:
    note_build_requested(f"vereine/{slug}")
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(callback, QueuedRebuild) and callback.slug == slug and not callback.done
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(QueuedRebuild(slug))


# --- The district portal ---------------------------------------------------------------------


def portal_base_url() -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/"


def build_portal_now(
    jobs: int | None = None, locale_codes: list[str] | None = None
) -> tuple[BuildReport, frozenset[str] | None]:
    """Build the portal in this process with what changed since its live release (None: in
    full); return the report and those changes. The worker's task does this once no admin
    request runs; ``python -m bench.rounds`` times it, and may build some locales only
    (``locale_codes``)."""
    fresh_api_reads()
    changes = pending_changes("portal")
    with ApiClient() as client, collector_paused(changes is not None):
        locales = None
        if locale_codes:
            locales = [loc for loc in api_locales(client) if loc.code in locale_codes]
        report = build_portal(
            client,
            build_root(),
            base_url=portal_base_url(),
            registry=installed(),
            changes=changes,
            jobs=build_jobs() if jobs is None else jobs,
            locales=locales,
        )
    return report, changes


@task(priority=PORTAL_PRIORITY, takes_context=True)
def rebuild_portal_site(context) -> dict:
    """Build the portal into ``SITE_BUILD_DIR/portal/``: incrementally, rendering only the
    pages that read what changed since the live release (``pending_changes``), or in full.
    First wait while an admin request that may publish still runs (``cms.homepages.inflight``),
    so that this build takes its publish too."""
    waited = 0.0
    if queue_in_database():
        waited = wait_for_running_edits("portal", context.task_result.enqueued_at)

    def build():
        started = time.perf_counter()
        report, changes = build_portal_now()
        logger.info(
            "Portal built (%s, %s): %d pages rendered, %d files written in %.2f s "
            "(%.2f s waited for running admin requests)",
            "incremental" if report.incremental else "full",
            "all changed" if changes is None else f"{len(changes)} change(s)",
            len(report.rendered),
            len(report.written),
            time.perf_counter() - started,
            waited,
        )
        if report.errors:
            logger.warning("Portal built with errors: %s", report.errors)
        return report

    return run_build("portal", build, enqueuer("portal"))


class QueuedPortalRebuild:
    """An on-commit callback that rebuilds the portal: one per transaction, however many
    pages it published, with the union of what they changed (None: anything)."""

    def __init__(self, changes: set[str] | None):
        self.done = False
        self.changes = changes

    def add(self, changes) -> None:
        if self.changes is None or changes is None:
            self.changes = None
        else:
            self.changes |= set(changes)

    def __call__(self) -> None:
        self.done = True
        settle = float(getattr(settings, "PORTAL_BUILD_SETTLE", 0.0))
        request_build(
            "portal", enqueuer("portal"), self.changes, settle=settle, postpone=postpone_portal
        )


def postpone_portal(run_after: datetime.datetime) -> None:
    """The waiting portal build starts at ``run_after`` (a request of a burst came in: wait
    for the rest of it), but no later than ``PORTAL_BUILD_SETTLE_LIMIT`` seconds after it was
    queued, however long the burst (an import publishing page after page). A build a worker
    took already is left alone."""
    from django_tasks_db.models import DBTaskResult

    limit = datetime.timedelta(seconds=float(getattr(settings, "PORTAL_BUILD_SETTLE_LIMIT", 1.0)))
    waiting = DBTaskResult.objects.filter(
        task_path=rebuild_portal_site.module_path, status="READY", run_after__lt=run_after
    )
    for row in waiting:
        later = min(run_after, row.enqueued_at + limit)
        if later > row.run_after:
            DBTaskResult.objects.filter(pk=row.pk, status="READY").update(run_after=later)


def queue_portal_rebuild(changes=None) -> None:
    """Rebuild the portal after the transaction commits. ``changes``: the resource keys of
    what changed (``sites/engine/deps.py``, e.g. ``{"club:<slug>", "news:*"}``), so the build
    renders only the pages that read them; None (the default) rebuilds every page."""
    note_build_requested("portal")
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for _savepoints, callback, _robust in connection.run_on_commit:
            if isinstance(callback, QueuedPortalRebuild) and not callback.done:
                callback.add(changes)
                return
    transaction.on_commit(QueuedPortalRebuild(None if changes is None else set(changes)))


@task()
def rebuild_all_sites() -> dict:
    """The nightly run: every club's homepage and the portal built again (coalesced with
    whatever is queued already), so what changes with the date alone (upcoming events,
    deadlines) and anything a missed request left behind is brought up to date."""
    fresh_api_reads()
    with ApiClient() as client:
        slugs = client.club_slugs()
    for slug in slugs:
        request_build(f"vereine/{slug}", enqueuer(f"vereine/{slug}"))
    request_build("portal", enqueuer("portal"))
    return {"clubs": len(slugs)}
