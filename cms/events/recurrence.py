"""Occurrences of an event within a time window, computed in the district's local time.

A recurring event repeats at the same wall-clock time in Europe/Berlin: a weekly meeting at
19:00 stays at 19:00 when the clocks change, so its UTC offset moves, not its local time. The
expansion is bounded twice: a window may span at most ``MAX_WINDOW`` and one event yields at
most ``MAX_OCCURRENCES_PER_EVENT`` occurrences, whatever its rule says.

An all-day event covers whole local days: its occurrences run from midnight of the first day to
midnight after the last day.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from .models import ALLOWED_FREQUENCIES, EventPage

logger = logging.getLogger(__name__)

EVENT_TIME_ZONE = ZoneInfo("Europe/Berlin")
MAX_WINDOW = datetime.timedelta(days=366)
MAX_OCCURRENCES_PER_EVENT = 400

_UNTIL = re.compile(r"^(\d{8})(?:T(\d{6})(Z?))?$")


class WindowError(ValueError):
    """The window is empty, reversed or longer than ``MAX_WINDOW``."""


@dataclass(frozen=True)
class Occurrence:
    event: EventPage
    start: datetime.datetime
    end: datetime.datetime | None

    @property
    def all_day(self) -> bool:
        return self.event.all_day


def check_window(start: datetime.datetime, end: datetime.datetime) -> None:
    if end <= start:
        raise WindowError("The window must end after it starts.")
    if end - start > MAX_WINDOW:
        raise WindowError(f"The window may span at most {MAX_WINDOW.days} days.")


def local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=EVENT_TIME_ZONE)


def _to_local(value: datetime.datetime) -> datetime.datetime:
    # Going through UTC turns a wall-clock time that does not exist (inside the spring gap)
    # into the instant an editor meant and gives every result one and the same tzinfo object.
    return value.astimezone(datetime.UTC).astimezone(EVENT_TIME_ZONE)


def first_occurrence(event: EventPage) -> tuple[datetime.datetime, datetime.datetime | None]:
    """Start and end of the event's first occurrence, in local time."""
    start = _to_local(event.start)
    end = _to_local(event.end) if event.end else None
    if event.all_day:
        first_day = start.date()
        last_day = max(end.date(), first_day) if end else first_day
        return local_midnight(first_day), local_midnight(last_day + datetime.timedelta(days=1))
    if end is not None and end < start:
        end = start
    return start, end


def _split_rule(text: str) -> tuple[str, str | None]:
    """The rule without its UNTIL part, and the UNTIL value (parsed separately, see below)."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    parts, until = [], None
    for part in rule.split(";"):
        name, _sep, value = part.partition("=")
        if name.strip().upper() == "UNTIL":
            until = value.strip()
        elif part.strip():
            parts.append(part.strip())
    return ";".join(parts), until


def _frequency(rule_body: str) -> str | None:
    for part in rule_body.upper().split(";"):
        name, _sep, value = part.partition("=")
        if name == "FREQ":
            return value
    return None


def _until(value: str) -> datetime.datetime:
    """UNTIL as a local time. Editors write a bare date (``UNTIL=20271231``) and mean the whole
    day; a UTC time (``…T180000Z``) is an instant; a time without ``Z`` is local time."""
    match = _UNTIL.match(value.upper())
    if not match:
        raise ValueError(f"UNTIL must look like 20271231 or 20271231T190000Z, not {value!r}")
    day = datetime.datetime.strptime(match[1], "%Y%m%d").date()
    if match[2] is None:
        return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=EVENT_TIME_ZONE)
    moment = datetime.datetime.combine(day, datetime.datetime.strptime(match[2], "%H%M%S").time())
    if match[3]:
        return _to_local(moment.replace(tzinfo=datetime.UTC))
    return moment.replace(tzinfo=EVENT_TIME_ZONE)


def event_rule(event: EventPage) -> rrule | None:
    """The event's recurrence as a dateutil rule anchored at its first local start, or None for
    a one-off event. A rule that cannot be read (it bypassed the model's validation) makes the
    event a one-off instead of failing the request."""
    if not event.recurrence.strip():
        return None
    body, until = _split_rule(event.recurrence)
    if _frequency(body) not in ALLOWED_FREQUENCIES:
        logger.warning("Event %s: unsupported recurrence %r", event.pk, event.recurrence)
        return None
    start, _end = first_occurrence(event)
    try:
        rule = rrulestr(body, dtstart=start)
        if until is not None:
            rule = rule.replace(until=_until(until))
    except (ValueError, TypeError):
        logger.warning("Event %s: unreadable recurrence %r", event.pk, event.recurrence)
        return None
    return rule


def ical_rule(event: EventPage) -> dict | None:
    """The event's rule as iCalendar RECUR parts, kept (not expanded), with UNTIL written as
    RFC 5545 requires: a date for all-day events, a UTC time otherwise."""
    rule = event_rule(event)
    if rule is None:
        return None
    body, until = _split_rule(event.recurrence)
    parts: dict = {}
    for part in body.split(";"):
        name, _sep, value = part.partition("=")
        parts[name.strip().upper()] = value.strip().upper().split(",")
    if until is not None:
        local_until = _until(until)
        parts["UNTIL"] = [
            local_until.date() if event.all_day else local_until.astimezone(datetime.UTC)
        ]
    return parts


def series_start(event: EventPage) -> tuple[datetime.datetime, datetime.datetime | None]:
    """Start and end of the first occurrence the rule really produces. A start that does not
    match the rule (a Monday for ``BYDAY=TU``) is no occurrence for dateutil, while calendar
    apps would show it; RFC 5545 leaves it undefined, so the calendar starts the series here."""
    start, end = first_occurrence(event)
    rule = event_rule(event)
    first = next(iter(rule), None) if rule is not None else None
    if first is None or first == start:
        return start, end
    duration = end - start if end is not None else None
    return _to_local(first), _to_local(first + duration) if duration is not None else None


def _overlaps(start, end, window_start, window_end) -> bool:
    if end is None or end == start:
        return window_start <= start < window_end
    return start < window_end and end > window_start


def occurrences(
    event: EventPage,
    window_start: datetime.datetime,
    window_end: datetime.datetime,
    limit: int = MAX_OCCURRENCES_PER_EVENT,
) -> list[Occurrence]:
    """Occurrences of ``event`` that overlap ``[window_start, window_end)``, in order, at most
    ``limit``. Raises :class:`WindowError` for a window longer than ``MAX_WINDOW``."""
    check_window(window_start, window_end)
    window_start, window_end = _to_local(window_start), _to_local(window_end)
    start, end = first_occurrence(event)
    # Durations are wall-clock durations: 19:00–21:00 stays 19:00–21:00 across a DST change.
    duration = end - start if end is not None else None
    rule = event_rule(event)
    if rule is None:
        starts = iter([start])
    else:
        starts = rule.xafter(window_start - (duration or datetime.timedelta()), inc=True)
    found = []
    for occurrence_start in starts:
        if occurrence_start >= window_end or len(found) >= limit:
            break
        occurrence_end = occurrence_start + duration if duration is not None else None
        if _overlaps(occurrence_start, occurrence_end, window_start, window_end):
            found.append(
                Occurrence(
                    event,
                    _to_local(occurrence_start),
                    _to_local(occurrence_end) if occurrence_end is not None else None,
                )
            )
    return found


def has_occurrence(
    event: EventPage, window_start: datetime.datetime, window_end: datetime.datetime
) -> bool:
    return bool(occurrences(event, window_start, window_end, limit=1))
