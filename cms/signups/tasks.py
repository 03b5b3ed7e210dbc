"""The periodic work of sign-ups as a task the worker runs every 15 minutes
(``PERIODIC_TASKS``); ``manage.py process_signups`` runs the same work by hand or from cron."""

from django_tasks import task

from . import retention, services


def process() -> tuple[int, int, int]:
    """Lapsed place offers go to the next person on the waiting list, confirmed people are
    reminded the day before, personal data is deleted ``SIGNUP_RETENTION_DAYS`` after the
    event. Returns how many of each; safe to run as often as wanted."""
    return services.expire_offers(), services.remind(), retention.purge()


@task()
def process_signups() -> None:
    process()
