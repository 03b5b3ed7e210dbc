"""The task backend: django-tasks-db's database queue, with the work nobody waits for held back.

A publish queues the builds that bring the change online (the club's homepage, the portal),
and Wagtail queues its own bookkeeping for every page and revision saved: the search index
and the reference index (``modelsearch.tasks.insert_or_update_object_task``,
``wagtail.tasks.update_reference_index_task``; five editors publishing at once queue about
thirty of them). Builds go first by priority, but priorities order only what waits: a worker
that is free takes the bookkeeping while another builds the portal, and on a two-core machine
they share the cores. This backend gives every task of priority 0 or lower that asks for no
time of its own (``run_after``) a start ``BACKGROUND_TASK_DELAY`` seconds after it was queued,
so it runs after the builds of the burst. A delay of 0 queues everything at once, as
django-tasks-db does.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend as QueueBackend

# Tasks of this priority and below are background work (django-tasks' default is 0); the
# site builds (cms/homepages/builds.py) have priorities above it.
BACKGROUND_PRIORITY = 0


class DatabaseBackend(QueueBackend):
    def enqueue(self, task, args, kwargs):
        return super().enqueue(held_back(task), args, kwargs)

    async def aenqueue(self, task, args, kwargs):
        return await super().aenqueue(held_back(task), args, kwargs)


def held_back(task):
    """``task`` to start ``BACKGROUND_TASK_DELAY`` seconds from now if it is background work
    without a start time of its own, else ``task`` unchanged."""
    delay = getattr(settings, "BACKGROUND_TASK_DELAY", 0)
    if delay <= 0 or task.priority > BACKGROUND_PRIORITY or task.run_after is not None:
        return task
    return task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
