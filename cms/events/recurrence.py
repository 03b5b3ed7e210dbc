"""Occurrences of an event within a time window, computed in the district's local time.

A recurring event repeats at the same wall-clock time in Europe/Berlin: a weekly meeting at
19:00 stays at 19:00 when the clocks change, so its UTC offset moves, not its local time. The
expansion is bounded three times: a rule is of the subset in ``rules.py`` (checked again here, for
data that bypassed validation), its expansion starts a whole number of periods before the
window instead of at the event's first start, a window may span at most ``MAX_WINDOW`` and one
event yields at most ``MAX_OCCURRENCES_PER_EVENT`` occurrences, whatever its rule says.

Cancelled dates (``EventPage.exdates``, EXDATE) are local days on which an occurrence that
starts that day is left out; there are at most ``rules.MAX_EXDATES`` of them, so skipping them
keeps the expansion bounded.

An all-day event covers whole local days: its occurrences run from midnight of the first day to
midnight after the last day.
"""

import datetime
import logging
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from dateutil.rrule import rrule

from .models import EventPage
from .rules import MAX_EXDATES, RuleError, parse_exdates, parse_rule

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


FREQUENCIES = {
    "DAILY": dateutil_rrule.DAILY,
    "WEEKLY": dateutil_rrule.WEEKLY,
    "MONTHLY": dateutil_rrule.MONTHLY,
    "YEARLY": dateutil_rrule.YEARLY,
}
WEEKDAYS = {
    "MO": dateutil_rrule.MO,
    "TU": dateutil_rrule.TU,
    "WE": dateutil_rrule.WE,
    "TH": dateutil_rrule.TH,
    "FR": dateutil_rrule.FR,
    "SA": dateutil_rrule.SA,
    "SU": dateutil_rrule.SU,
}


def _event_parts(event: EventPage) -> dict[str, list[str]] | None:
    if not event.recurrence.strip():
        return None
    try:
        return parse_rule(event.recurrence)
    except RuleError:
        logger.warning("Event %s: recurrence outside the subset %r", event.pk, event.recurrence)
        return None


def cancelled_dates(event: EventPage) -> frozenset[datetime.date]:
    """The local days on which the series is cancelled; unreadable data (it bypassed the
    model's validation) cancels nothing rather than failing the request."""
    text = getattr(event, "exdates", "") or ""
    if not text.strip():
        return frozenset()
    try:
        return frozenset(parse_exdates(text)[:MAX_EXDATES])
    except RuleError:
        logger.warning("Event %s: unreadable cancelled dates %r", event.pk, text)
        return frozenset()


def ical_exdates(event: EventPage) -> list[datetime.date | datetime.datetime]:
    """The cancelled occurrences as EXDATE values: a date for all-day events, otherwise the
    local start time of the occurrence on that day (calendar apps match EXDATE to the
    occurrence's exact start)."""
    if event_rule(event) is None:
        return []
    start, _end = series_start(event)
    dates = sorted(cancelled_dates(event))
    if event.all_day:
        return dates
    return [
        _to_local(datetime.datetime.combine(day, start.time(), tzinfo=EVENT_TIME_ZONE))
        for day in dates
    ]


def _weekday(value: str):
    ordinal, day = value[:-2], value[-2:]
    return WEEKDAYS[day](int(ordinal)) if ordinal else WEEKDAYS[day]


def _rule_arguments(parts: dict[str, list[str]], start: datetime.datetime) -> dict:
    """dateutil arguments with every default dateutil would take from ``dtstart`` written out,
    so the rule can be re-anchored at a later ``dtstart`` without changing its occurrences."""
    freq = parts["FREQ"][0]
    arguments: dict = {
        "freq": FREQUENCIES[freq],
        "interval": int(parts.get("INTERVAL", ["1"])[0]),
        "byhour": start.hour,
        "byminute": start.minute,
        "bysecond": start.second,
    }
    if "COUNT" in parts:
        arguments["count"] = int(parts["COUNT"][0])
    if "WKST" in parts:
        arguments["wkst"] = WEEKDAYS[parts["WKST"][0]]
    if "BYMONTH" in parts:
        arguments["bymonth"] = [int(value) for value in parts["BYMONTH"]]
    if "BYMONTHDAY" in parts:
        arguments["bymonthday"] = [int(value) for value in parts["BYMONTHDAY"]]
    if "BYSETPOS" in parts:
        arguments["bysetpos"] = [int(value) for value in parts["BYSETPOS"]]
    if "BYDAY" in parts:
        arguments["byweekday"] = [_weekday(value) for value in parts["BYDAY"]]
    if "BYMONTHDAY" not in parts and "BYDAY" not in parts:
        if freq == "YEARLY":
            arguments.setdefault("bymonth", [start.month])
            arguments["bymonthday"] = [start.day]
        elif freq == "MONTHLY":
            arguments["bymonthday"] = [start.day]
        elif freq == "WEEKLY":
            arguments["byweekday"] = [WEEKDAYS[list(WEEKDAYS)[start.weekday()]]]
    if "UNTIL" in parts:
        arguments["until"] = _until(parts["UNTIL"][0])
    return arguments


def _anchor(
    parts: dict[str, list[str]], start: datetime.datetime, not_before: datetime.datetime
) -> datetime.datetime:
    """A ``dtstart`` a whole number of periods after ``start`` and at least one period before
    ``not_before``: expanding from there gives the same occurrences from ``not_before`` on
    without walking every period since the event's first start. A counted rule keeps its
    start (its count is bounded by ``rules.MAX_COUNT``)."""
    if "COUNT" in parts or not_before <= start:
        return start
    freq, interval = parts["FREQ"][0], int(parts.get("INTERVAL", ["1"])[0])
    if freq in ("DAILY", "WEEKLY"):
        step = interval * (7 if freq == "WEEKLY" else 1)
        periods = (not_before.date() - start.date()).days // step - 1
        return start + datetime.timedelta(days=periods * step) if periods > 0 else start
    if freq == "MONTHLY":
        months = (not_before.year - start.year) * 12 + not_before.month - start.month
        periods = months // interval - 1
        if periods <= 0:
            return start
        year, month = divmod(start.month - 1 + periods * interval, 12)
        return start.replace(year=start.year + year, month=month + 1, day=1)
    periods = (not_before.year - start.year) // interval - 1
    if periods <= 0:
        return start
    return start.replace(year=start.year + periods * interval, month=1, day=1)


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


def event_rule(event: EventPage, not_before: datetime.datetime | None = None) -> rrule | None:
    """The event's recurrence as a dateutil rule anchored at its first local start (or, with
    ``not_before``, at a whole number of periods before it), or None for a one-off event. A
    rule outside the subset (it bypassed the model's validation) makes the event a one-off
    instead of failing the request."""
    parts = _event_parts(event)
    if parts is None:
        return None
    start, _end = first_occurrence(event)
    try:
        arguments = _rule_arguments(parts, start)
        dtstart = _anchor(parts, start, not_before) if not_before is not None else start
        return rrule(dtstart=dtstart, **arguments)
    except (ValueError, TypeError, OverflowError):
        logger.warning("Event %s: unreadable recurrence %r", event.pk, event.recurrence)
        return None


def ical_rule(event: EventPage) -> dict | None:
    """The event's rule as iCalendar RECUR parts, kept (not expanded), with UNTIL written as
    RFC 5545 requires: a date for all-day events, a UTC time otherwise. Built from the parsed
    subset only, so no text of the editor's reaches the calendar file unchecked."""
    if event_rule(event) is None:
        return None
    parts: dict = {name: list(values) for name, values in _event_parts(event).items()}
    if "UNTIL" in parts:
        local_until = _until(parts["UNTIL"][0])
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
    not_before = window_start - (duration or datetime.timedelta())
    rule = event_rule(event, not_before=not_before)
    starts = iter([start]) if rule is None else rule.xafter(not_before, inc=True)
    cancelled = cancelled_dates(event) if rule is not None else frozenset()
    found = []
    for occurrence_start in starts:
        if occurrence_start >= window_end or len(found) >= limit:
            break
        if cancelled and _to_local(occurrence_start).date() in cancelled:
            continue
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
