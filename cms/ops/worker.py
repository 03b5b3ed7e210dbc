"""The task worker (``manage.py db_worker``): django-tasks-db's worker, made to ride out a
database that goes away and to run the installation's housekeeping between tasks.

The upstream loop ends the process on the first database error other than a locked SQLite
file; a worker under systemd would be restarted, but one beside ``manage.py start`` would
simply be gone. This loop backs off instead (1 s, doubling up to ``WORKER_MAX_BACKOFF``) and
resumes when the database is back. Between tasks, at most every ``WORKER_HOUSEKEEPING_INTERVAL``
seconds, it calls what the apps registered with :func:`register_housekeeping` (e.g. re-queueing
the builds of a killed worker, starting the nightly rebuild when it is due).
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connections
from django_tasks_db.management.commands import db_worker
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger("django_tasks_db")

_housekeeping: list[Callable[[], object]] = []
_warm_ups: list[Callable[[], object]] = []


def register_housekeeping(job: Callable[[], object]) -> None:
    """Run ``job`` in every worker between tasks (idempotent jobs only: several workers run
    them, each in its own time)."""
    if job not in _housekeeping:
        _housekeeping.append(job)


def register_warm_up(job: Callable[[], object]) -> None:
    """Run ``job`` once when a worker starts, before it takes its first task (loading what
    the first task would load, so that task is not slower than the next ones)."""
    if job not in _warm_ups:
        _warm_ups.append(job)


def run_warm_ups() -> None:
    for job in _warm_ups:
        started = time.perf_counter()
        try:
            job()
        except Exception:  # noqa: BLE001 - a failed warm-up only makes the first task slower
            logger.exception("Warm-up %s failed", getattr(job, "__name__", job))
            continue
        seconds = time.perf_counter() - started
        logger.info("Warm-up %s: %.2f s", getattr(job, "__name__", job), seconds)


def run_housekeeping() -> None:
    for job in _housekeeping:
        job()


class Backoff:
    def __init__(self, first: float = 1.0, limit: float | None = None):
        self.first = first
        self.limit = limit if limit is not None else getattr(settings, "WORKER_MAX_BACKOFF", 30)
        self.delay = 0.0

    def next(self) -> float:
        self.delay = min(self.limit, self.delay * 2 if self.delay else self.first)
        return self.delay

    def reset(self) -> None:
        self.delay = 0.0


class Worker(db_worker.Worker):
    def run(self) -> None:
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, self.queue_names)
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - several workers do not start in step
        run_warm_ups()
        interval = getattr(settings, "WORKER_HOUSEKEEPING_INTERVAL", 5)
        backoff = Backoff()
        housekeeping_due = 0.0
        while self.running:
            try:
                if time.monotonic() >= housekeeping_due:
                    run_housekeeping()
                    housekeeping_due = time.monotonic() + interval
                task_result = self.claim()
                if task_result is not None:
                    self.run_task(task_result)
                backoff.reset()
            except DatabaseError as exc:
                delay = backoff.next()
                logger.warning("Database unavailable (%s); trying again in %.0f s", exc, delay)
                for connection in connections.all(initialized_only=True):
                    connection.close_if_unusable_or_obsolete()
                    if connection.in_atomic_block:
                        continue
                    connection.close()
                time.sleep(delay)
                continue
            if self.batch and task_result is None:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    def claim(self):
        """The next ready task, claimed for this worker (the upstream loop's claiming step)."""
        tasks = db_worker.DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except db_worker.OperationalError as exc:
                if "is locked" not in exc.args[0]:
                    raise
                task_result = None
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result
