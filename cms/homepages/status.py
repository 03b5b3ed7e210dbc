"""Running a site build with retries and recording how it went.

A build that raises is tried again after each delay in ``SITE_BUILD_RETRY_DELAYS`` (seconds;
a database hiccup or a full disk that was cleared in the meantime heals itself). Whatever the
outcome, the site's ``SiteBuild`` row says so, and the agency sees failed builds in the admin
(*Website-Builds*) with a button to try again. A failed build never touches the live site
(``sites.engine.builder`` swaps releases atomically)."""

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone

from sites.engine.builder import BuildReport

from .models import BuildState, SiteBuild

logger = logging.getLogger(__name__)


def run_build(site: str, build: Callable[[], BuildReport]) -> dict:
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
                time.sleep(delay)
                continue
            logger.exception("Build of %s failed after %d attempt(s)", site, attempts)
            SiteBuild.objects.update_or_create(
                site=site,
                defaults={
                    "state": BuildState.FAILED,
                    "attempts": attempts,
                    "error": f"{type(exc).__name__}: {exc}"[:2000],
                    "written": 0,
                },
            )
            return {"site": site, "state": BuildState.FAILED, "attempts": attempts}
        errors = "; ".join(f"{name}: {error}" for name, error in report.errors.items())
        SiteBuild.objects.update_or_create(
            site=site,
            defaults={
                "state": BuildState.OK,
                "attempts": attempts,
                "error": errors[:2000],
                "written": len(report.written),
                "last_success_at": timezone.now(),
            },
        )
        return {
            "site": site,
            "state": BuildState.OK,
            "attempts": attempts,
            "written": len(report.written),
            "reused": len(report.reused),
            "seconds": round(report.seconds, 3),
            "errors": report.errors,
        }
