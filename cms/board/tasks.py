"""The board's daily work as a task the worker runs (``PERIODIC_TASKS``);
``manage.py process_board`` runs the same by hand or from cron."""

from django_tasks import task

from . import services


@task()
def remind_expiring_posts() -> None:
    services.remind_expiring()
