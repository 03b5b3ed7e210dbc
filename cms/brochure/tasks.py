"""The German brochure laid out by the task worker: after each change to a club's public page
(coalesced: at most one such task waits), and after midnight, since its title page carries the
day. The result is kept in the file store, which the web server reads too, so a download does
not wait seconds for the layout (``pdf.build_brochure``)."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from cms import locales

from .pdf import build_brochure

# Set while a layout task waits in the queue: further changes meanwhile need no second one.
QUEUED_KEY = "brochure:layout-queued"
QUEUED_SECONDS = 10 * 60


@task()
def lay_out_brochure() -> int:
    """The German brochure, laid out unless it is stored already; its size in bytes."""
    cache.delete(QUEUED_KEY)
    return len(build_brochure(locales.DEFAULT))


def lay_out_after_commit() -> None:
    """Queue a layout once the current transaction commits, unless one is waiting already
    (or ``BROCHURE_AUTO_LAYOUT`` is off: the next download lays it out)."""
    if not settings.BROCHURE_AUTO_LAYOUT:
        return

    def enqueue():
        if cache.add(QUEUED_KEY, True, QUEUED_SECONDS):
            lay_out_brochure.enqueue()

    transaction.on_commit(enqueue)
