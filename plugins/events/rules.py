"""A recurrence rule (RFC 5545 RRULE) in the visitor's words, where the rule is a simple one:
daily, weekly on some weekdays, monthly on the start's day, yearly; every n-th; until a date or
a number of times. Anything else is shown as the rule itself."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import babel
import babel.dates
import babel.lists

WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
SIMPLE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "UNTIL", "COUNT", "WKST"}


def parts_of(rule: str) -> dict[str, str]:
    rule = rule.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    return {
        key.strip().upper(): value.strip().upper()
        for key, _sep, value in (part.partition("=") for part in rule.split(";") if "=" in part)
    }


def describe(rule: str, start: datetime.datetime, locale: str, t: Callable[..., str]) -> str | None:
    """The rule in words in ``locale`` (``start`` is the first date, in local time), or None
    when it is not one of the simple forms."""
    parts = parts_of(rule)
    if not parts or set(parts) - SIMPLE_PARTS:
        return None
    try:
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    frequency = parts.get("FREQ")
    several = interval > 1
    if frequency == "DAILY" and "BYDAY" not in parts:
        text = t("events.rule.days", n=interval) if several else t("events.rule.daily")
    elif frequency == "WEEKLY":
        codes = parts.get("BYDAY", WEEKDAYS[start.weekday()]).split(",")
        if any(code not in WEEKDAYS for code in codes):
            return None  # e.g. "1TU", which only MONTHLY and YEARLY give a meaning
        names = babel.Locale.parse(locale).days["format"]["wide"]
        days = babel.lists.format_list(
            [names[WEEKDAYS.index(code)] for code in sorted(codes, key=WEEKDAYS.index)],
            locale=locale,
        )
        key = "events.rule.weeks" if several else "events.rule.weekly"
        text = t(key, n=interval, days=days)
    elif frequency == "MONTHLY" and "BYDAY" not in parts:
        key = "events.rule.months" if several else "events.rule.monthly"
        text = t(key, n=interval, day=start.day)
    elif frequency == "YEARLY" and "BYDAY" not in parts:
        date = babel.dates.format_skeleton("MMMMd", start, locale=locale)
        text = (
            t("events.rule.years", n=interval, date=date)
            if several
            else t("events.rule.yearly", date=date)
        )
    else:
        return None
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"])
        if until is None:
            return None
        text += ", " + t(
            "events.rule.until", date=babel.dates.format_date(until, "long", locale=locale)
        )
    elif "COUNT" in parts:
        if not parts["COUNT"].isdigit():
            return None
        text += ", " + t("events.rule.count", count=int(parts["COUNT"]))
    return text


def _until(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None
