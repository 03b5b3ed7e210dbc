"""The signed token in a reminder's "Alles noch aktuell" link: it names the reminder (and so
the club), needs no login and expires after ``CONFIRM_LINK_MAX_AGE_DAYS`` (default 90)."""

from django.conf import settings
from django.core import signing

SALT = "cms.freshness.confirm"


def make_token(reminder) -> str:
    return signing.dumps({"reminder": reminder.pk}, salt=SALT, compress=True)


def reminder_id(token: str) -> int | None:
    """The reminder's id, or None for a forged, altered or expired token."""
    max_age = getattr(settings, "CONFIRM_LINK_MAX_AGE_DAYS", 90) * 24 * 3600
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is a subclass
        return None
    value = data.get("reminder") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None
