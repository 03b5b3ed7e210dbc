"""A real task worker (``manage.py db_worker``, a subprocess) against the test database:
publishing enqueues, the worker builds and swaps the sites; a publish during a running build is
not lost; a worker killed mid-build leaves the live site intact and its build is taken up
again; a database that goes away is waited for.

The worker needs to see what the test commits, so these tests are transactional and run on
PostgreSQL (CI's second run); SQLite's in-memory test database is private to this process.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from cms.homepages.models import BuildState, SiteBuild
from tests.factories import ClubFactory, news_index, news_page

from ..ops.proxy import TcpProxy

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the worker shares the database: PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(django_settings.BASE_DIR)


def database_url(port: int | None = None) -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = "127.0.0.1" if port else db["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def queue(settings):
    """Publishing in this process enqueues into the database, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HOMEPAGE_AUTO_REBUILD = True
    settings.PORTAL_AUTO_REBUILD = True


@pytest.fixture
def worker(settings, tmp_path):
    processes = []

    def start(port: int | None = None) -> subprocess.Popen:
        log = open(tmp_path / f"worker-{len(processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
            + ["--interval", "0.1"],
            cwd=ROOT,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "cms.settings.test",
                "DATABASE_URL": database_url(port),
                "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
                "SITE_BUILD_DIR": str(settings.SITE_BUILD_DIR),
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log = tmp_path / f"worker-{len(processes)}.log"
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(condition, seconds=120.0, what="condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def settled(*sites) -> bool:
    rows = {row.site: row for row in SiteBuild.objects.filter(site__in=sites)}
    return len(rows) == len(sites) and all(
        row.up_to_date and not row.queued and row.state == BuildState.OK for row in rows.values()
    )


def live_text(settings, site: str, path: str) -> str:
    file = settings.SITE_BUILD_DIR / site / "current" / path
    return file.read_text() if file.is_file() else ""


def portal_newsroom(settings) -> str:
    return live_text(settings, "portal", "de/neuigkeiten/index.html")


def test_publishing_enqueues_and_the_worker_builds_and_swaps_both_sites(queue, worker, settings):
    club = ClubFactory("Kulturverein Anatolien e. V.")
    index = news_index(club)
    site = f"vereine/{club.slug}"
    assert not (settings.SITE_BUILD_DIR / "portal").exists(), "publishing built nothing itself"
    assert SiteBuild.objects.get(site=site).queued
    assert SiteBuild.objects.get(site="portal").queued

    process = worker()
    wait_for(lambda: settled(site, "portal"), what="the first builds")
    news_page(index, "Sommerfest am Rursee")
    wait_for(lambda: "Sommerfest am Rursee" in portal_newsroom(settings), what="the newsroom")
    wait_for(lambda: settled(site, "portal"), what="the builds after publishing")
    assert "Sommerfest am Rursee" in live_text(settings, site, "de/index.html")
    profile = live_text(settings, "portal", f"de/verzeichnis/{club.slug}/index.html")
    assert "Sommerfest am Rursee" in profile
    assert "Sommerfest am Rursee" in live_text(settings, "portal", "ar/neuigkeiten/index.html")
    assert process.poll() is None


def test_a_publish_during_a_running_build_reaches_the_site(queue, worker, settings):
    club = ClubFactory("Elternverein Regenbogen e. V.")
    index = news_index(club)
    worker()
    wait_for(lambda: settled(f"vereine/{club.slug}", "portal"), what="the first builds")

    news_page(index, "Erste Nachricht")
    wait_for(lambda: SiteBuild.objects.get(site="portal").building, 60, "the portal build to start")
    news_page(index, "Zweite Nachricht")
    portal = SiteBuild.objects.get(site="portal")
    assert portal.building and portal.queued, "one more build waits behind the running one"
    wait_for(lambda: settled("portal"), what="the portal to catch up")
    newsroom = portal_newsroom(settings)
    assert "Erste Nachricht" in newsroom and "Zweite Nachricht" in newsroom


def test_a_worker_killed_mid_build_leaves_the_live_site_and_the_build_is_taken_up(
    queue, worker, settings
):
    club = ClubFactory("Sportverein Jülich e. V.")
    index = news_index(club)
    first = worker()
    wait_for(lambda: settled(f"vereine/{club.slug}", "portal"), what="the first builds")
    live = settings.SITE_BUILD_DIR / "portal" / "current"
    before = live.resolve()

    news_page(index, "Turnier am Samstag")
    wait_for(lambda: SiteBuild.objects.get(site="portal").building, 60, "the portal build")
    first.send_signal(signal.SIGKILL)
    first.wait()

    assert live.resolve() == before, "the live release is untouched"
    assert (live / "de" / "index.html").is_file() and (live / ".manifest.json").is_file()
    assert "Turnier am Samstag" not in portal_newsroom(settings)
    news_page(index, "Training fällt aus")  # published while no worker runs

    worker()
    wait_for(lambda: settled("portal"), what="the portal after the restart")
    newsroom = portal_newsroom(settings)
    assert "Turnier am Samstag" in newsroom and "Training fällt aus" in newsroom
    assert not list((settings.SITE_BUILD_DIR / "portal" / "releases").glob(".building-*"))


def test_a_killed_build_is_queued_again_by_the_next_worker(queue, worker, settings):
    club = ClubFactory("Frauenverein Sonnenblume e. V.")
    index = news_index(club)
    first = worker()
    wait_for(lambda: settled(f"vereine/{club.slug}", "portal"), what="the first builds")
    news_page(index, "Nähkurs im Herbst")
    wait_for(lambda: SiteBuild.objects.get(site="portal").building, 60, "the portal build")
    first.send_signal(signal.SIGKILL)
    first.wait()
    portal = SiteBuild.objects.get(site="portal")
    assert portal.building and not portal.queued, "nothing but the housekeeping can save it"

    worker()
    wait_for(lambda: settled("portal"), what="the interrupted build to be redone")
    assert "Nähkurs im Herbst" in portal_newsroom(settings)


def test_the_worker_waits_for_a_database_that_went_away(queue, worker, settings):
    club = ClubFactory("Deutsch-Syrischer Verein e. V.")
    site = f"vereine/{club.slug}"
    db = connection.settings_dict
    with TcpProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)) as proxy:
        process = worker(port=proxy.port)
        wait_for(lambda: settled(site, "portal"), what="the first builds")
        proxy.stop()
        news_page(news_index(club), "Sprachcafé jeden Dienstag")
        time.sleep(4)  # the worker tries, fails and backs off meanwhile
        assert process.poll() is None, "the worker is still there"
        assert "Sprachcafé" not in live_text(settings, site, "de/index.html")
        proxy.start()
        wait_for(lambda: settled(site, "portal"), what="the builds after the outage")
    assert "Sprachcafé jeden Dienstag" in live_text(settings, site, "de/index.html")
    assert "Database unavailable" in process.log.read_text()
