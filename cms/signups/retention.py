"""Deleting the personal data of sign-ups ``SIGNUP_RETENTION_DAYS`` after their event, and
leaving a ``SignupDeletion`` record (counts only) so the agency sees that it happened."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from .models import SignupDeletion, SignupOptions


def purge(now=None) -> int:
    """Delete the sign-ups of every event that ended long enough ago; returns how many."""
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=settings.SIGNUP_RETENTION_DAYS)
    due = (
        SignupOptions.objects.filter(
            Q(event__end__lt=limit) | Q(event__end__isnull=True, event__start__lt=limit),
            signups__isnull=False,
        )
        .select_related("event")
        .distinct()
    )
    deleted = 0
    for options in due:
        with transaction.atomic():
            signups = options.signups.all()
            figures = signups.aggregate(
                count=Count("pk"),
                attended=Count("pk", filter=Q(attended=True)),
                people=Sum("people", filter=Q(status="confirmed")),
            )
            SignupDeletion.objects.create(
                event=options.event,
                event_title=options.event.title,
                event_start=options.event.start,
                signups_deleted=figures["count"],
                attended=figures["attended"],
                people=figures["people"] or 0,
            )
            signups.delete()
            deleted += figures["count"]
    return deleted
