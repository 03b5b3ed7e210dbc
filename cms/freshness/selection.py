"""When a club last showed that its profile is true, and which clubs have let it go stale.

A profile counts as confirmed at the latest of: the last revision of the club's (German) page,
saved or published, and the last "Alles noch aktuell" an editor gave
(:class:`~cms.freshness.models.ProfileConfirmation`). Settings:

- ``STALE_AFTER_DAYS`` (180): older than this, the profile is stale: the agency's report lists
  it and the editors are reminded;
- ``CONFIRM_EVERY_DAYS`` (365): the editors are asked at least this often, even when
  ``STALE_AFTER_DAYS`` is longer;
- ``REMIND_EVERY_DAYS`` (30): a reminder is repeated at most this often while nobody confirms;
- ``PROFILE_UNCONFIRMED_AFTER_DAYS`` (365): older than this, the directory marks the club.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import BooleanField, Case, DateTimeField, Exists, F, OuterRef, Subquery, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from wagtail.models import Locale

from cms.clubs.models import ClubPage

from .models import ProfileConfirmation, ProfileReminder


def days(name: str, default: int) -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, name, default))


def stale_after() -> datetime.timedelta:
    return days("STALE_AFTER_DAYS", 180)


def remind_after() -> datetime.timedelta:
    return min(stale_after(), days("CONFIRM_EVERY_DAYS", 365))


def unconfirmed_after() -> datetime.timedelta:
    return days("PROFILE_UNCONFIRMED_AFTER_DAYS", 365)


def last_confirmed(key: str = "translation_key"):
    """An expression for when the club whose translation key is the outer query's ``key`` was
    last confirmed: its German page's last revision or its last confirmation, the later."""
    german = ClubPage.objects.filter(
        translation_key=OuterRef(key),
        locale__language_code=get_supported_language_variant(settings.LANGUAGE_CODE),
    ).annotate(
        edited=Coalesce(
            F("latest_revision_created_at"),
            F("last_published_at"),
            F("first_published_at"),
            output_field=DateTimeField(),
        )
    )
    edited = Subquery(german.values("edited")[:1], output_field=DateTimeField())
    confirmed = Subquery(
        ProfileConfirmation.objects.filter(club__translation_key=OuterRef(key))
        .order_by("-confirmed_at")
        .values("confirmed_at")[:1],
        output_field=DateTimeField(),
    )
    # Greatest is NULL on SQLite when one side is; a club never confirmed counts from its edit.
    return Greatest(Coalesce(confirmed, edited), edited, output_field=DateTimeField())


def unconfirmed(confirmed_field: str, now: datetime.datetime | None = None):
    """An expression: the club's ``confirmed_field`` (an annotation of :func:`last_confirmed`)
    lies more than ``PROFILE_UNCONFIRMED_AFTER_DAYS`` back."""
    cutoff = (now or timezone.now()) - unconfirmed_after()
    return Case(
        When(**{f"{confirmed_field}__lt": cutoff}, then=True),
        default=False,
        output_field=BooleanField(),
    )


def with_last_confirmed(queryset):
    return queryset.annotate(last_update=last_confirmed())


def stale_clubs(now: datetime.datetime | None = None, older_than: datetime.timedelta | None = None):
    """Live clubs (default locale) not confirmed since ``now - STALE_AFTER_DAYS`` (or
    ``older_than``), the longest unconfirmed first, annotated with ``last_update``."""
    cutoff = (now or timezone.now()) - (older_than or stale_after())
    return (
        with_last_confirmed(ClubPage.objects.live().filter(locale=Locale.get_default()))
        .filter(last_update__lt=cutoff)
        .select_related("municipality")
        .order_by("last_update", "title")
    )


def clubs_to_remind(now: datetime.datetime | None = None):
    """Stale clubs (at the latest after ``CONFIRM_EVERY_DAYS``) that had no reminder within
    ``REMIND_EVERY_DAYS``: the reminder stops once somebody confirms or edits the profile."""
    now = now or timezone.now()
    recent = ProfileReminder.objects.filter(
        club=OuterRef("pk"), sent_at__gte=now - days("REMIND_EVERY_DAYS", 30)
    )
    return stale_clubs(now, older_than=remind_after()).exclude(Exists(recent))


def recipients(club) -> list[str]:
    """The club's active editors; without any, the addresses the club gave for contact."""
    tenant = getattr(club, "tenant", None)
    addresses = []
    if tenant is not None:
        addresses = list(
            get_user_model()
            .objects.filter(groups=tenant.group, is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
        )
    if not addresses:
        addresses = [email for email in (club.contact_email, club.imprint_email) if email]
    return sorted(set(addresses))
