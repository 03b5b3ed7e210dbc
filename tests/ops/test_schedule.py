"""Periodic jobs (cms/ops/schedule.py): each is enqueued once per period, by whichever worker
looks first, and the worker's housekeeping is what looks."""

import datetime
import zoneinfo

import pytest
from django.conf import settings as django_settings
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from cms.ops import worker
from cms.ops.models import ScheduledRun
from cms.ops.schedule import last_due, last_interval, run_due_jobs

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
JOBS = {
    "nightly": {"task": "cms.homepages.builds.rebuild_all_sites", "at": "03:00"},
    "weekly": {"task": "cms.freshness.tasks.remind_stale_clubs", "at": "07:00", "weekday": 0},
}


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("now", "weekday", "due"),
    [
        (at(2026, 12, 7, 2, 59), None, at(2026, 12, 6, 3, 0)),  # before today's 03:00
        (at(2026, 12, 7, 3, 0), None, at(2026, 12, 7, 3, 0)),
        (at(2026, 12, 7, 23, 0), None, at(2026, 12, 7, 3, 0)),
        (at(2026, 12, 7, 2, 0), 0, at(2026, 11, 30, 3, 0)),  # a Monday, before 03:00
        (at(2026, 12, 9, 12, 0), 0, at(2026, 12, 7, 3, 0)),  # the Wednesday after
    ],
)
def test_last_due(settings, now, weekday, due):
    settings.TIME_ZONE = "Europe/Berlin"
    assert last_due(now, "03:00", weekday) == due


@pytest.fixture
def jobs(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PERIODIC_TASKS = JOBS


def queued() -> list[str]:
    jobs = DBTaskResult.objects.filter(task_path__in=[job["task"] for job in JOBS.values()])
    return sorted(jobs.values_list("task_path", flat=True))


def test_each_job_is_enqueued_once_per_period(db, jobs):
    assert run_due_jobs(at(2026, 12, 7, 1, 0)) == [], "a new job waits for its next time"
    assert ScheduledRun.objects.count() == 2
    assert run_due_jobs(at(2026, 12, 7, 3, 1)) == ["nightly"]
    assert run_due_jobs(at(2026, 12, 7, 3, 2)) == [], "another worker looking again"
    assert run_due_jobs(at(2026, 12, 7, 7, 0)) == ["weekly"]
    assert queued() == [
        "cms.freshness.tasks.remind_stale_clubs",
        "cms.homepages.builds.rebuild_all_sites",
    ]
    # No worker ran for three nights: the job runs once, not three times.
    assert run_due_jobs(at(2026, 12, 10, 9, 0)) == ["nightly"]
    assert queued().count("cms.homepages.builds.rebuild_all_sites") == 2


def test_the_worker_housekeeping_starts_due_jobs():
    assert run_due_jobs in worker._housekeeping


def test_the_nightly_rebuild_requests_every_site(db, settings, django_capture_on_commit_callbacks):
    from cms.homepages.builds import rebuild_all_sites
    from cms.homepages.models import SiteBuild
    from tests.factories import ClubFactory

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    club = ClubFactory()
    assert rebuild_all_sites.call() == {"clubs": 1}
    assert set(SiteBuild.objects.filter(queued=True).values_list("site", flat=True)) == {
        f"vereine/{club.slug}",
        "portal",
    }
    builds = DBTaskResult.objects.filter(task_path__startswith="cms.homepages.builds.")
    assert sorted(builds.values_list("task_path", flat=True)) == [
        "cms.homepages.builds.rebuild_club_site",
        "cms.homepages.builds.rebuild_portal_site",
    ]


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (at(2026, 12, 7, 0, 0), at(2026, 12, 7, 0, 0)),
        (at(2026, 12, 7, 9, 14, 59), at(2026, 12, 7, 9, 0)),
        (at(2026, 12, 7, 9, 15), at(2026, 12, 7, 9, 15)),
        (at(2026, 12, 7, 23, 59), at(2026, 12, 7, 23, 45)),
    ],
)
def test_last_interval(settings, now, due):
    settings.TIME_ZONE = "Europe/Berlin"
    assert last_interval(now, 15) == due


def test_an_interval_job_runs_once_per_slot(db, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PERIODIC_TASKS = {
        "sign-ups": {"task": "cms.signups.tasks.process_signups", "every": 15}
    }
    assert run_due_jobs(at(2026, 12, 7, 9, 1)) == [], "a new job waits for its next slot"
    assert run_due_jobs(at(2026, 12, 7, 9, 14)) == []
    assert run_due_jobs(at(2026, 12, 7, 9, 15)) == ["sign-ups"]
    assert run_due_jobs(at(2026, 12, 7, 9, 20)) == [], "another worker in the same slot"
    assert run_due_jobs(at(2026, 12, 7, 10, 2)) == ["sign-ups"], "missed slots run once"
    paths = DBTaskResult.objects.values_list("task_path", flat=True)
    assert list(paths) == ["cms.signups.tasks.process_signups"] * 2


@pytest.mark.parametrize("name", sorted(django_settings.PERIODIC_TASKS))
def test_every_configured_job_names_a_task_and_a_time(name):
    job = django_settings.PERIODIC_TASKS[name]
    assert isinstance(import_string(job["task"]), Task)
    assert ("at" in job) != ("every" in job), "a job runs at a time of day or every n minutes"
