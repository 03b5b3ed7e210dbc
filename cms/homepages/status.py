"""The build queue of each site: requesting a build, running it once at a time, recording how
it went.

A change asks for a build with :func:`request_build` (after its transaction commits). It raises
the site's ``requested_version`` and enqueues a task only if none is waiting already, so a burst
of publishes (an editor saving ten pages, an import) leads to one build; while a build runs, at
most one more waits, and it includes everything published meanwhile. A worker that picks up a
build while another worker builds the same site leaves it: the running build queues the next
one when it ends (:func:`claim_build`).

A build that raises is tried again after each delay in ``SITE_BUILD_RETRY_DELAYS`` (seconds;
a database hiccup or a full disk that was cleared in the meantime heals itself); where the task
backend can run a task later, a build that still fails is tried again after
``SITE_BUILD_FAILED_RETRY`` seconds. A failed build never touches the live site
(``sites.engine.builder`` swaps releases atomically).

What changed is recorded with the request (``changes``: resource keys such as ``club:<slug>``
and ``news:*``, see ``sites/engine/deps.py``; none given means everything), so the build can
be incremental. The row keeps each key with the version that last named it; a successful build
removes the keys of the versions it covered, a failed or killed one leaves them all for the
next attempt, and a key named again during a build stays for the build after it.

A worker killed mid-build (SIGKILL, a power cut) leaves its row saying it builds. The worker's
housekeeping (:func:`recover_interrupted_builds`) notices that the builder process is gone, or
that its build has run longer than ``SITE_BUILD_TIMEOUT``, and queues the build again. A row
that says a build waits while no task for it does (task rows deleted by hand, a database
restored from a backup) is queued again too (:func:`requeue_lost_requests`).
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend

from sites.engine.builder import BuildReport

from .models import BuildState, SiteBuild

logger = logging.getLogger(__name__)

# enqueue(run_after) puts the site's build task in the queue (now, or not before run_after).
Enqueue = Callable[[datetime.datetime | None], None]


def this_builder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def builder_gone(builder: str, started_at: datetime.datetime | None) -> bool:
    """Whether the process that claimed a build can no longer finish it."""
    host, _sep, pid = builder.rpartition(":")
    if host == socket.gethostname() and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass
    timeout = datetime.timedelta(seconds=getattr(settings, "SITE_BUILD_TIMEOUT", 1800))
    return started_at is not None and timezone.now() - started_at > timeout


EVERYTHING = "*"


def request_build(
    site: str,
    enqueue: Enqueue,
    changes: Iterable[str] | None = None,
    settle: float = 0.0,
    postpone: Callable[[datetime.datetime], None] | None = None,
) -> None:
    """Note that ``site`` must show a change (of the resources ``changes``; None: anything);
    enqueue its build unless one waits already, to start no sooner than ``settle`` seconds
    from now (in the database queue), so that what is published meanwhile joins it. A build
    that waits already is ``postpone``d to that moment: it starts once the requests have
    paused for ``settle`` seconds (how far the callable lets it be put off is its own)."""
    with transaction.atomic():
        row, _created = SiteBuild.objects.select_for_update().get_or_create(site=site)
        version = row.requested_version + 1
        row.requested_version = F("requested_version") + 1
        row.requested_at = timezone.now()
        row.changes = {
            **row.changes,
            **dict.fromkeys([EVERYTHING] if changes is None else changes, version),
        }
        start = not row.queued
        row.queued = True
        row.save(update_fields=["requested_version", "requested_at", "queued", "changes"])
        if queue_in_database():
            run_after = timezone.now() + datetime.timedelta(seconds=settle) if settle > 0 else None
            if start:
                # In the same transaction: the task exists exactly when the row says one waits.
                enqueue(run_after)
            elif run_after is not None and postpone is not None:
                postpone(run_after)
    if start and not queue_in_database():
        enqueue(None)  # the immediate backend (tests): build now, outside the row's lock


@dataclass
class Claim:
    site: str
    version: int
    attempts: int


def claim_build(site: str, enqueue: Enqueue) -> Claim | None:
    """Mark ``site`` as building by this process; None if another live process builds it.
    The task then ends, and no task waits: the running build queues the next one the moment
    it ends (``_release``: what was requested meanwhile is newer than what it built), so the
    changes wait for one build, not for a task that looks again a second later. Should that
    builder die, the workers' housekeeping queues its build again within seconds
    (``recover_interrupted_builds``)."""
    with transaction.atomic():
        row, _created = SiteBuild.objects.select_for_update().get_or_create(site=site)
        me = this_builder()
        if row.building and row.builder != me and not builder_gone(row.builder, row.started_at):
            row.queued = False
            row.save(update_fields=["queued"])
            return None
        row.queued = False
        row.started_at = timezone.now()
        row.builder = me
        row.building_version = row.requested_version
        row.next_attempt_at = None
        row.save(
            update_fields=[
                "queued",
                "started_at",
                "builder",
                "building_version",
                "next_attempt_at",
            ]
        )
        return Claim(site=site, version=row.requested_version, attempts=row.attempts)


def _release(row: SiteBuild, enqueue: Enqueue | None) -> None:
    """Leave the building state; after a success, queue the build again if changes arrived
    meanwhile and no task waits for them."""
    row.started_at = None
    row.builder = ""
    if enqueue is not None and row.requested_version > row.built_version and not row.queued:
        row.queued = True
        enqueue(None)
    row.save()


def succeeded(claim: Claim, report: BuildReport, attempts: int, enqueue: Enqueue) -> None:
    with transaction.atomic():
        row = SiteBuild.objects.select_for_update().get(site=claim.site)
        row.state = BuildState.OK
        row.attempts = attempts
        row.error = "; ".join(f"{name}: {error}" for name, error in report.errors.items())[:2000]
        row.written = len(report.written)
        row.last_success_at = timezone.now()
        row.built_version = max(row.built_version, claim.version)
        row.next_attempt_at = None
        row.changes = {key: v for key, v in row.changes.items() if v > claim.version}
        _release(row, enqueue)


def pending_changes(site: str) -> frozenset[str] | None:
    """What changed since the live release of ``site`` (None: anything, a full build). Read
    when the build starts: keys named meanwhile are included, and stay for the next build."""
    row = SiteBuild.objects.filter(site=site).only("changes").first()
    keys = frozenset(row.changes) if row is not None else frozenset({EVERYTHING})
    return None if EVERYTHING in keys else keys


def failed(claim: Claim, exc: BaseException, attempts: int, enqueue: Enqueue) -> None:
    with transaction.atomic():
        row = SiteBuild.objects.select_for_update().get(site=claim.site)
        row.state = BuildState.FAILED
        row.attempts = attempts
        row.error = f"{type(exc).__name__}: {exc}"[:2000]
        row.written = 0
        row.next_attempt_at = None
        retry = getattr(settings, "SITE_BUILD_FAILED_RETRY", 300)
        if retry and deferrable():
            row.next_attempt_at = timezone.now() + datetime.timedelta(seconds=retry)
            if not row.queued:
                row.queued = True
                enqueue(row.next_attempt_at)
        _release(row, None)


def retrying(site: str, exc: BaseException, attempts: int, delay: float) -> None:
    """Show the failure and when the next attempt comes while waiting for it."""
    SiteBuild.objects.filter(site=site).update(
        state=BuildState.FAILED,
        attempts=attempts,
        error=f"{type(exc).__name__}: {exc}"[:2000],
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay),
        finished_at=timezone.now(),
    )


def deferrable() -> bool:
    return task_backends[DEFAULT_TASK_BACKEND_ALIAS].supports_defer


def queue_in_database() -> bool:
    """Whether enqueued tasks are rows of this database (and so part of its transactions)."""
    return isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend)


def run_build(site: str, build: Callable[[], BuildReport], enqueue: Enqueue) -> dict:
    claim = claim_build(site, enqueue)
    if claim is None:
        return {"site": site, "state": "deferred"}
    delays = list(getattr(settings, "SITE_BUILD_RETRY_DELAYS", [2, 10]))
    attempts = 0
    while True:
        attempts += 1
        try:
            report = build()
        except Exception as exc:  # noqa: BLE001 - recorded and retried, never lost
            if delays:
                delay = delays.pop(0)
                logger.warning("Build of %s failed (attempt %d), retrying: %s", site, attempts, exc)
                retrying(site, exc, attempts, delay)
                time.sleep(delay)
                continue
            logger.exception("Build of %s failed after %d attempt(s)", site, attempts)
            failed(claim, exc, attempts, enqueue)
            return {"site": site, "state": BuildState.FAILED, "attempts": attempts}
        succeeded(claim, report, attempts, enqueue)
        return {
            "site": site,
            "state": BuildState.OK,
            "version": claim.version,
            "attempts": attempts,
            "written": len(report.written),
            "reused": len(report.reused),
            "seconds": round(report.seconds, 3),
            "errors": report.errors,
        }


def record_built(sites: list[str]) -> None:
    """Sites built outside the queue (``manage.py build_sites``) are current as of now."""
    now = timezone.now()
    existing = set(SiteBuild.objects.filter(site__in=sites).values_list("site", flat=True))
    SiteBuild.objects.bulk_create(
        [SiteBuild(site=site) for site in sites if site not in existing], batch_size=500
    )
    SiteBuild.objects.filter(site__in=sites, started_at__isnull=True).update(
        state=BuildState.OK,
        error="",
        built_version=F("requested_version"),
        last_success_at=now,
        next_attempt_at=None,
        changes={},
    )


def recover_interrupted_builds(enqueue_site: Callable[[str, datetime.datetime | None], None]):
    """Queue again every build whose worker died; returns the sites concerned. Called by a
    worker between tasks, so a build this very process claimed was interrupted too (by a
    database outage that broke off the task)."""
    me = this_builder()

    def interrupted(row) -> bool:
        return row.started_at is not None and (
            row.builder == me or builder_gone(row.builder, row.started_at)
        )

    recovered = []
    for row in SiteBuild.objects.filter(started_at__isnull=False).only(
        "site", "builder", "started_at"
    ):
        if not interrupted(row):
            continue
        with transaction.atomic():
            row = SiteBuild.objects.select_for_update().get(pk=row.pk)
            if not interrupted(row):
                continue
            logger.warning("Build of %s by %s was interrupted; queued again", row.site, row.builder)
            row.state = BuildState.FAILED
            row.error = "Build abgebrochen: der Worker wurde beendet."
            row.started_at = None
            row.builder = ""
            if not row.queued:
                row.queued = True
                enqueue_site(row.site, None)
            row.save()
        recovered.append(row.site)
    return recovered


LOST_AFTER = datetime.timedelta(minutes=1)


def requeue_lost_requests(
    enqueue_site: Callable[[str, datetime.datetime | None], None],
    waiting: Callable[[], set[str]],
) -> list[str]:
    """Queue again the builds whose row says one waits (and none runs) for longer than
    ``LOST_AFTER`` while no task for the site is ready or running (``waiting``: the sites
    that have one); returns the sites concerned. Without this such a site would never be
    built again: every later request sees a build waiting and enqueues nothing."""
    stale = SiteBuild.objects.filter(
        queued=True, started_at__isnull=True, requested_at__lt=timezone.now() - LOST_AFTER
    )
    sites = list(stale.values_list("site", flat=True))
    if not sites:
        return []
    have = waiting()
    requeued = []
    for site in sites:
        if site in have:
            continue
        with transaction.atomic():
            row = SiteBuild.objects.select_for_update().get(site=site)
            if not row.queued or row.started_at is not None:
                continue
            logger.warning("A build of %s was requested but no task waited; queued again", site)
            enqueue_site(site, None)
        requeued.append(site)
    return requeued
