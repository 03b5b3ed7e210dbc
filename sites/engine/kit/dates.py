"""Dates as the district sees them (Europe/Berlin): today, and when something happens in
local days."""

from __future__ import annotations

import datetime
from typing import Any

from sites.engine.rendering import TIME_ZONE


def today() -> datetime.date:
    return datetime.datetime.now(TIME_ZONE).date()


def parse(value: str | datetime.datetime | None) -> datetime.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.astimezone(TIME_ZONE)


def span(start, end, all_day: bool) -> dict[str, Any]:
    """When something happens, in local time: the ISO instants and the local days it covers
    (an all-day end is midnight after the last day, so the last day is the one before)."""
    begins, ends = parse(start), parse(end)
    first_day = begins.date()
    last_day = first_day
    if ends is not None and ends > begins:
        last_day = (ends - datetime.timedelta(microseconds=1)).date() if all_day else ends.date()
    return {
        "start": begins.isoformat(),
        "end": ends.isoformat() if ends is not None else None,
        "all_day": all_day,
        "first_day": first_day.isoformat(),
        "last_day": last_day.isoformat(),
        "same_day": last_day == first_day,
    }
