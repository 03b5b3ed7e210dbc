"""Strict parsing of query parameters shared by the API's views: a value that cannot be used
is a 400 naming the parameter (see ``errors``), never a silently ignored filter."""

import datetime

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from .errors import InvalidParameter


def query_params(request):
    return getattr(request, "query_params", request.GET)


def reject_unknown_parameters(request, allowed) -> None:
    unknown = sorted(set(query_params(request)) - set(allowed))
    if unknown:
        raise InvalidParameter(
            unknown[0],
            _("Unbekannter Parameter. Möglich: %(allowed)s")
            % {"allowed": ", ".join(sorted(allowed))},
        )


# Dates a visitor may ask for: beyond these nothing is published, and arithmetic on the
# extremes of Python's calendar (0001-01-01, 9999-12-31) overflows.
EARLIEST_DATE = datetime.date(1970, 1, 1)
LATEST_DATE = datetime.date(2100, 12, 31)


def _in_range(name: str, day: datetime.date) -> None:
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise InvalidParameter(
            name,
            _("Das Datum muss zwischen %(first)s und %(last)s liegen.")
            % {"first": EARLIEST_DATE.isoformat(), "last": LATEST_DATE.isoformat()},
        )


def date_param(request, name: str, default: datetime.date | None = None):
    raw = query_params(request).get(name)
    if not raw:
        return default
    try:
        value = parse_date(raw)
    except ValueError:
        value = None
    if value is None:
        raise InvalidParameter(name, _("Ein Datum im Format JJJJ-MM-TT wird erwartet."))
    _in_range(name, value)
    return value


def datetime_param(request, name: str, default: datetime.datetime | None = None):
    """An ISO 8601 date or date-time; a naive value is read in the site's time zone."""
    raw = query_params(request).get(name)
    if not raw:
        return default
    raw = raw.replace(" ", "+")  # an unencoded "+01:00" arrives as " 01:00"
    try:
        value = parse_datetime(raw)
        if value is None:
            day = parse_date(raw)
            value = datetime.datetime.combine(day, datetime.time()) if day else None
    except ValueError:
        value = None
    if value is None:
        raise InvalidParameter(
            name, _("Ein Zeitpunkt im ISO-8601-Format wird erwartet, z. B. 2026-11-24T10:00:00Z.")
        )
    _in_range(name, value.date())
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value
