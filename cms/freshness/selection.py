"""Which clubs have let their profile go stale: published clubs whose page has had no new
revision (saved or published) for ``STALE_AFTER_DAYS`` days (setting, default 180)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import DateTimeField, F
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale

from cms.clubs.models import ClubPage


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(days=settings.STALE_AFTER_DAYS)


def stale_clubs(now: datetime.datetime | None = None):
    """Live clubs (default locale) not updated since ``now - STALE_AFTER_DAYS``, the longest
    untouched first, annotated with ``last_update``."""
    cutoff = (now or timezone.now()) - stale_after()
    return (
        ClubPage.objects.live()
        .filter(locale=Locale.get_default())
        .annotate(
            last_update=Coalesce(
                F("latest_revision_created_at"),
                F("last_published_at"),
                F("first_published_at"),
                output_field=DateTimeField(),
            )
        )
        .filter(last_update__lt=cutoff)
        .select_related("municipality")
        .order_by("last_update", "title")
    )


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
