"""``manage.py db_worker``: django-tasks-db's command (same options) running the worker of
cms/ops/worker.py, which backs off while the database is away and does the housekeeping."""

import logging
import os

from django.conf import settings
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from cms.ops.worker import Worker

logger = logging.getLogger("cms.ops.worker")


class Command(db_worker.Command):
    help = "Run the task worker (site builds, e-mails, nightly and weekly jobs)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # django-tasks-db waits a second between looks at an empty queue; a publish's builds
        # would wait that long, twice (``WORKER_POLL_INTERVAL``).
        parser.set_defaults(interval=settings.WORKER_POLL_INTERVAL)

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        **options,
    ):
        self.configure_logging(verbosity)
        lower_priority(settings.WORKER_NICE)
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()


def lower_priority(increment: int) -> None:
    """Run this process ``increment`` steps nicer (``WORKER_NICE``): the web server's requests
    (an editor's publish) get a core first, the builds take what is left."""
    if increment <= 0:
        return
    try:
        os.nice(increment)
    except OSError as exc:  # a platform or sandbox that refuses it: run at the usual priority
        logger.warning("Could not lower the worker's priority: %s", exc)
