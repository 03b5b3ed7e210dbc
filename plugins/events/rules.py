"""A recurrence rule (RFC 5545 RRULE) in the visitor's words, where the rule is a simple one:
daily, weekly on some weekdays, monthly on the start's day, yearly; every n-th; until a date or
a number of times. Anything else is shown as the rule itself."""

from __future__ import annotations

import datetime

import babel
import babel.dates
import babel.lists

from sites.engine.i18n import Translator, cldr_name

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


def describe(rule: str, start: datetime.datetime, locale: str, tr: Translator) -> str | None:
    """The rule in words in ``locale`` (``start`` is the first date, in local time), or None
    when it is not one of the simple forms. ``tr`` holds the plugin's messages in ``locale``.

    An interval of 2 or more is a plural message whose German singular is never used (an
    interval of 1 has its own words); other languages need their forms for 21, 101 …"""
    locale = cldr_name(locale)
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
        text = (
            # Translators: n is 2 or more.
            tr.ngettext("Alle %(n)s Tage", "Alle %(n)s Tage", interval, n=interval)
            if several
            else tr.gettext("Täglich")
        )
    elif frequency == "WEEKLY":
        codes = parts.get("BYDAY", WEEKDAYS[start.weekday()]).split(",")
        if any(code not in WEEKDAYS for code in codes):
            return None  # e.g. "1TU", which only MONTHLY and YEARLY give a meaning
        names = babel.Locale.parse(locale).days["format"]["wide"]
        days = babel.lists.format_list(
            [names[WEEKDAYS.index(code)] for code in sorted(codes, key=WEEKDAYS.index)],
            locale=locale,
        )
        text = (
            # Translators: n is 2 or more.
            tr.ngettext(
                "Alle %(n)s Wochen am %(days)s",
                "Alle %(n)s Wochen am %(days)s",
                interval,
                n=interval,
                days=days,
            )
            if several
            else tr.gettext("Jede Woche am %(days)s", days=days)
        )
    elif frequency == "MONTHLY" and "BYDAY" not in parts:
        text = (
            # Translators: n is 2 or more.
            tr.ngettext(
                "Alle %(n)s Monate am %(day)s.",
                "Alle %(n)s Monate am %(day)s.",
                interval,
                n=interval,
                day=start.day,
            )
            if several
            else tr.gettext("Jeden Monat am %(day)s.", day=start.day)
        )
    elif frequency == "YEARLY" and "BYDAY" not in parts:
        date = babel.dates.format_skeleton("MMMMd", start, locale=locale)
        text = (
            # Translators: n is 2 or more.
            tr.ngettext(
                "Alle %(n)s Jahre am %(date)s",
                "Alle %(n)s Jahre am %(date)s",
                interval,
                n=interval,
                date=date,
            )
            if several
            else tr.gettext("Jedes Jahr am %(date)s", date=date)
        )
    else:
        return None
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"])
        if until is None:
            return None
        text += ", " + tr.gettext(
            "bis %(date)s", date=babel.dates.format_date(until, "long", locale=locale)
        )
    elif "COUNT" in parts:
        if not parts["COUNT"].isdigit():
            return None
        text += ", " + tr.gettext("Termine insgesamt: %(count)s", count=int(parts["COUNT"]))
    return text


def _until(value: str) -> datetime.date | None:
    try:
        return datetime.datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None
