"""Builds the demo district by running a list of small steps in order.

Each step is a function taking the ``DemoContext``; it must be idempotent (a second run
creates nothing and changes nothing) and take its randomness from the plan or from a
``random.Random`` with a fixed seed. Later features add their demo data by appending a step
to ``STEPS``.
"""

import datetime
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django_tasks import task_backends

from .plan import ClubPlan, build_plan
from .steps import (
    accounts,
    board,
    clubs,
    funding,
    partners,
    portal,
    projects,
    registrations,
    rooms,
    signups,
    translations,
    umbrellas,
)


@dataclass
class DemoContext:
    today: datetime.date
    plan: list[ClubPlan]
    log: Callable[[str], None] = print
    created: Counter = field(default_factory=Counter)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # role, user, password
    # Filled by the steps for the ones after them.
    users: dict = field(default_factory=dict)
    rooms: dict = field(default_factory=dict)
    umbrellas: dict = field(default_factory=dict)


Step = Callable[[DemoContext], None]

# While loading, nothing leaves the database: Wagtail would e-mail approvers (the demo
# addresses do not exist) and every publication would rebuild the club's homepage, hundreds
# of times over (``manage.py build_sites --all`` builds them once).
QUIET = {
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "HOMEPAGE_AUTO_REBUILD": False,
    "PORTAL_AUTO_REBUILD": False,
}
COLLECT_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def deferred_tasks():
    """Collect the background tasks enqueued while loading and run each distinct one once at
    the end. Every save of a page or revision queues a search-index and a reference-index
    update, three or four per page; they read the object's final state, so once is enough."""
    queued = []
    try:
        with override_settings(TASKS=COLLECT_TASKS):
            queued = task_backends["default"].results
            yield
    finally:
        distinct = {}
        for result in queued:
            key = (result.task.module_path, repr(result.args), repr(result.kwargs))
            distinct.setdefault(key, result)
        with transaction.atomic():
            for result in distinct.values():
                result.task.call(*result.args, **result.kwargs)


STEPS: list[Step] = [
    accounts.ensure_admin,
    accounts.ensure_agency_account,
    portal.fill_portal_home,
    umbrellas.ensure_umbrellas,
    rooms.ensure_rooms,
    clubs.build_clubs,
    rooms.ensure_bookings,
    projects.build_projects,
    partners.build_partners,
    registrations.ensure_registrations,
    funding.ensure_funding_programmes,
    signups.ensure_signups,
    board.ensure_board,
    translations.translate_content,
]


def load_demo(log: Callable[[str], None] = print, today: datetime.date | None = None):
    """Run every step; returns the context with what was created and the demo logins."""
    today = today or timezone.localdate()
    context = DemoContext(today=today, plan=build_plan(today), log=log)
    with override_settings(**QUIET), deferred_tasks():
        for step in STEPS:
            step(context)
    return context
