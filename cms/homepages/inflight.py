"""The admin requests that are running, so that a due portal build takes their publishes too.

Five editors clicking *Veröffentlichen* at once commit over about a third of a second. The
portal's build must take all five publishes, or a second build follows the first and the last
editors wait for both. Until 2026-12-07 its task only waited until no publish had committed
for ``PORTAL_BUILD_SETTLE`` seconds (0.2): a guess at how far apart the commits of a burst lie,
paid by every editor, alone or not, on the path to the live portal.

Now every admin ``POST`` is noted while it runs (``RunningEditMiddleware``: a row of
``RunningEdit``, written and removed outside the request's transaction), and the portal's task,
once due, waits while such a request runs (``wait_for_running_edits``). The quiet period after
the last commit only has to cover clicks that come later, so it is shorter (0.05 s). The limit
stays: the task never waits longer than ``PORTAL_BUILD_SETTLE_LIMIT`` after it was queued, so
an editor uploading a large photo, or an import, delays the portal by a second at most. A
request whose process was killed leaves its row behind; rows older than ``STALE`` do not count
and the waiting worker removes them."""

from __future__ import annotations

import datetime
import logging
import time

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from .models import RunningEdit, SiteBuild
from .status import queue_in_database

logger = logging.getLogger(__name__)

# A request running longer than this is taken as gone (its process killed mid-request).
STALE = datetime.timedelta(seconds=30)
# How often a waiting worker looks again: one indexed query each time.
POLL = 0.02


def noting() -> bool:
    """Whether running requests matter: a publish queues a portal build for a worker."""
    return bool(getattr(settings, "PORTAL_AUTO_REBUILD", False)) and queue_in_database()


class RunningEditMiddleware:
    """Notes each admin ``POST`` while it runs (any of them may publish: a page's form, the
    agency's *Freigeben*, moving, unpublishing or deleting pages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.path.startswith("/admin/") or not noting():
            return self.get_response(request)
        row = _note()
        try:
            return self.get_response(request)
        finally:
            if row is not None:
                _forget(row)


def _note() -> int | None:
    try:
        with transaction.atomic():
            return RunningEdit.objects.create(started_at=timezone.now()).pk
    except DatabaseError as exc:  # the request goes on; the portal waits by time alone
        logger.warning("Could not note a running admin request: %s", exc)
        return None


def _forget(row: int) -> None:
    try:
        with transaction.atomic():
            RunningEdit.objects.filter(pk=row).delete()
    except DatabaseError as exc:  # left behind, it stops counting after STALE
        logger.warning("Could not remove a running admin request: %s", exc)


def wait_for_running_edits(site: str, queued_at: datetime.datetime) -> float:
    """Wait while an admin request runs, and then until no publish has asked for ``site``
    for ``PORTAL_BUILD_SETTLE`` seconds, but not beyond ``PORTAL_BUILD_SETTLE_LIMIT`` seconds
    after ``queued_at``. Returns the seconds waited."""
    started = time.monotonic()
    settle = datetime.timedelta(seconds=float(getattr(settings, "PORTAL_BUILD_SETTLE", 0.0)))
    limit = datetime.timedelta(seconds=float(getattr(settings, "PORTAL_BUILD_SETTLE_LIMIT", 1.0)))
    deadline = queued_at + limit
    stale = RunningEdit.objects.filter(started_at__lt=timezone.now() - STALE)
    if stale.exists():
        stale.delete()
    while (now := timezone.now()) < deadline:
        if RunningEdit.objects.filter(started_at__gte=now - STALE).exists():
            time.sleep(POLL)
            continue
        requested = (
            SiteBuild.objects.filter(site=site).values_list("requested_at", flat=True).first()
        )
        quiet = now - requested if requested is not None else settle
        if quiet >= settle:
            break
        time.sleep(min((settle - quiet).total_seconds(), (deadline - now).total_seconds()))
    return time.monotonic() - started
