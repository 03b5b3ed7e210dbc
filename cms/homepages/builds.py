"""Building the static sites from inside the CMS: the same builder as ``python -m sites``, with
the API client running in-process. Builds run as django-tasks, queued after the transaction
that published the content commits, so a build never reads uncommitted content."""

import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django_tasks import task

from sites.client import ApiClient
from sites.club import build_club
from sites.engine.plugins import installed
from sites.portal import build_portal

from .links import homepage_url
from .status import run_build

logger = logging.getLogger(__name__)


def build_root() -> Path:
    return Path(settings.SITE_BUILD_DIR)


# The address a club's homepage is built for (its own domain, or /vereine/<slug>/).
club_base_url = homepage_url


@task()
def rebuild_club_site(slug: str) -> dict:
    def build():
        with ApiClient() as client:
            report = build_club(
                client, slug, build_root(), base_url=club_base_url(slug), registry=installed()
            )
        if report.errors:
            logger.warning("Homepage of %s built with errors: %s", slug, report.errors)
        return report

    return run_build(f"vereine/{slug}", build)


class QueuedRebuild:
    """An on-commit callback that rebuilds one club's homepage. Publishing a page and its
    children in one transaction queues a single rebuild, not one per page."""

    def __init__(self, slug: str):
        self.slug = slug
        self.done = False

    def __call__(self) -> None:
        self.done = True
        rebuild_club_site.enqueue(self.slug)


def queue_club_rebuild(slug: str) -> None:
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


@task()
def rebuild_portal_site() -> dict:
    """Build the portal into ``SITE_BUILD_DIR/portal/``; only changed files are written."""

    def build():
        with ApiClient() as client:
            report = build_portal(
                client, build_root(), base_url=portal_base_url(), registry=installed()
            )
        if report.errors:
            logger.warning("Portal built with errors: %s", report.errors)
        return report

    return run_build("portal", build)


class QueuedPortalRebuild:
    """An on-commit callback that rebuilds the portal: one per transaction, however many
    pages it published."""

    def __init__(self):
        self.done = False

    def __call__(self) -> None:
        self.done = True
        rebuild_portal_site.enqueue()


def queue_portal_rebuild() -> None:
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        isinstance(callback, QueuedPortalRebuild) and not callback.done
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(QueuedPortalRebuild())
