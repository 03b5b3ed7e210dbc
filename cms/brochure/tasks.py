"""The German brochure laid out after midnight by the task worker (``PERIODIC_TASKS``): its
title page carries the day, so the day's first download would otherwise wait seconds for it.
With a cache the processes share (Redis), the servers then answer from the cache."""

from django_tasks import task

from cms import locales

from .pdf import build_brochure


@task()
def lay_out_brochure() -> int:
    """The German brochure, laid out unless the cache holds it already; its size in bytes."""
    return len(build_brochure(locales.DEFAULT))
