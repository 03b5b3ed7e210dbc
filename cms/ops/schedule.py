"""Periodic jobs run by the task worker: ``PERIODIC_TASKS`` names each job's task (a dotted
path to a django-tasks task) and either its local time of day (``"at"``, for a weekly job also
its ``"weekday"``, 0 = Monday) or an interval in minutes (``"every"``, counted from midnight).
Every worker checks between tasks (cms/ops/worker.py); the job's ``ScheduledRun`` row, locked
while it is checked, makes exactly one of them enqueue it per period. A job whose time passed
while no worker ran is enqueued once when one starts again; a job seen for the first time waits
for its next time."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun


def last_due(now: datetime.datetime, at: str, weekday: int | None = None) -> datetime.datetime:
    """The latest moment at or before ``now`` at which a job set for ``at`` ("HH:MM", local
    time) on ``weekday`` (None: every day) was due."""
    local = timezone.localtime(now)
    hour, minute = (int(part) for part in at.split(":"))
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if weekday is not None:
        due -= datetime.timedelta(days=(due.weekday() - weekday) % 7)
    if due > local:
        due -= datetime.timedelta(days=1 if weekday is None else 7)
    return due


def last_interval(now: datetime.datetime, minutes: int) -> datetime.datetime:
    """The latest start of a ``minutes``-long slot at or before ``now``, slots counted from local
    midnight (every 15 minutes: 00:00, 00:15, …)."""
    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    elapsed = int((local - midnight).total_seconds() // 60)
    return midnight + datetime.timedelta(minutes=elapsed - elapsed % minutes)


def due_time(now: datetime.datetime, job: dict) -> datetime.datetime:
    if "every" in job:
        return last_interval(now, job["every"])
    return last_due(now, job["at"], job.get("weekday"))


def run_due_jobs(now: datetime.datetime | None = None) -> list[str]:
    """Enqueue every job whose time has come since it last ran; returns their names."""
    now = now or timezone.now()
    started = []
    for name, job in getattr(settings, "PERIODIC_TASKS", {}).items():
        due = due_time(now, job)
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=name, defaults={"last_run_at": due}
            )
            if created or run.last_run_at >= due:
                continue
            run.last_run_at = due
            run.save(update_fields=["last_run_at"])
            import_string(job["task"]).enqueue()
        started.append(name)
    return started
