"""The subset of RFC 5545 recurrence rules an event may use, and its parser.

A rule is club input that every visitor's request expands, so it is bounded before it is
stored and again before it is expanded (data that bypassed validation): at most one occurrence
a day (no BYHOUR/BYMINUTE/BYSECOND), only parts whose expansion the calendar can jump over
(``cms/events/recurrence.py``), at most ``MAX_COUNT`` occurrences when counted, one line only.
"""

import calendar
import datetime
import re

from django.utils.translation import gettext as _

ALLOWED_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
MAX_COUNT = 1000
MAX_INTERVAL = {"DAILY": 31, "WEEKLY": 52, "MONTHLY": 12, "YEARLY": 10}
# Which BY… parts each frequency may carry; DAILY takes BYDAY only without INTERVAL (a day
# filter with a step of 7 days can match nothing at all, and dateutil would search to 9999).
ALLOWED_PARTS = {
    "DAILY": {"BYDAY", "BYMONTH"},
    "WEEKLY": {"BYDAY", "BYMONTH"},
    "MONTHLY": {"BYDAY", "BYMONTHDAY", "BYSETPOS", "BYMONTH"},
    "YEARLY": {"BYDAY", "BYMONTHDAY", "BYSETPOS", "BYMONTH"},
}
BASE_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST"}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_NUMBER = re.compile(r"^[0-9]{1,4}$")
_SIGNED = re.compile(r"^[+-]?[0-9]{1,3}$")
_DAY = re.compile(r"^([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^\d{8}(T\d{6}Z?)?$")


class RuleError(ValueError):
    """The rule is outside the accepted subset; ``str()`` is a German message for editors."""


def _numbers(name, values, low, high, signed=True):
    result = []
    for value in values:
        if not (_SIGNED if signed else _NUMBER).match(value) or not (
            low <= abs(int(value)) <= high
        ):
            raise RuleError(
                _("%(name)s erlaubt nur Zahlen von %(low)s bis %(high)s.")
                % {"name": name, "low": low if not signed else f"-{high}", "high": high}
            )
        result.append(int(value))
    return result


def parse_rule(text: str) -> dict[str, list[str]]:
    """The rule's parts, upper-cased, values split at commas. Raises :class:`RuleError`."""
    rule = (text or "").strip(" ")
    if any(ord(char) < 32 or ord(char) == 127 for char in rule):
        raise RuleError(_("Die Wiederholung muss in einer Zeile stehen, ohne Steuerzeichen."))
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    parts: dict[str, list[str]] = {}
    for part in rule.upper().split(";"):
        if not part.strip():
            continue
        name, sep, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not value:
            raise RuleError(_("Jeder Teil der Wiederholung hat die Form NAME=WERT."))
        if name in parts:
            raise RuleError(_("%(name)s steht mehr als einmal in der Regel.") % {"name": name})
        parts[name] = [item.strip() for item in value.split(",")]
    frequency = parts.get("FREQ", [""])
    if len(frequency) != 1 or frequency[0] not in ALLOWED_FREQUENCIES:
        raise RuleError(_("Die Wiederholung braucht FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY."))
    freq = frequency[0]
    unknown = sorted(set(parts) - BASE_PARTS - ALLOWED_PARTS[freq])
    if unknown:
        raise RuleError(
            _("%(part)s ist bei FREQ=%(freq)s nicht möglich. Erlaubt: %(allowed)s.")
            % {
                "part": unknown[0],
                "freq": freq,
                "allowed": ", ".join(sorted((BASE_PARTS | ALLOWED_PARTS[freq]) - {"FREQ"})),
            }
        )
    for name in ("INTERVAL", "COUNT", "UNTIL", "WKST"):
        if len(parts.get(name, [""])) != 1:
            raise RuleError(_("%(name)s hat genau einen Wert.") % {"name": name})
    interval = _numbers("INTERVAL", parts.get("INTERVAL", ["1"]), 1, MAX_INTERVAL[freq], False)
    _numbers("COUNT", parts.get("COUNT", ["1"]), 1, MAX_COUNT, False)
    if "COUNT" in parts and "UNTIL" in parts:
        raise RuleError(_("COUNT und UNTIL schließen sich aus."))
    if "UNTIL" in parts and not _UNTIL.match(parts["UNTIL"][0]):
        raise RuleError(_("UNTIL im Format 20271231 oder 20271231T190000Z."))
    if "WKST" in parts and parts["WKST"][0] not in WEEKDAYS:
        raise RuleError(_("WKST ist ein Wochentag (MO … SU)."))
    months = _numbers("BYMONTH", parts.get("BYMONTH", []), 1, 12, False)
    monthdays = _numbers("BYMONTHDAY", parts.get("BYMONTHDAY", []), 1, 31)
    _numbers("BYSETPOS", parts.get("BYSETPOS", []), 1, 366)
    ordinal_limit = {"MONTHLY": 5, "YEARLY": 53}.get(freq, 0)
    for day in parts.get("BYDAY", []):
        match = _DAY.match(day)
        if not match or (
            match[1] and not (ordinal_limit and 1 <= abs(int(match[1])) <= ordinal_limit)
        ):
            raise RuleError(_("BYDAY erwartet Wochentage wie MO,WE oder (monatlich) 1MO, -1FR."))
    if freq == "DAILY" and "BYDAY" in parts and interval != [1]:
        raise RuleError(_("Täglich mit BYDAY geht nur ohne INTERVAL; bitte FREQ=WEEKLY nutzen."))
    if monthdays and not any(
        abs(day) <= calendar.monthrange(2024, month)[1]
        for month in months or range(1, 13)
        for day in monthdays
    ):
        raise RuleError(_("Diese Tage gibt es in den gewählten Monaten nicht."))
    return parts


# Cancelled dates (EXDATE): local days on which a recurring event does not take place, stored
# next to the rule as a comma-separated list of ``YYYYMMDD`` (EXDATE's DATE values). Bounded
# like the rule: every expansion skips at most this many dates.
MAX_EXDATES = 60
_EXDATE = re.compile(r"^\d{8}$")


def parse_exdates(text: str) -> list["datetime.date"]:
    """The cancelled dates of ``text``, sorted and without repeats. Raises :class:`RuleError`
    (a German message) for anything else than at most ``MAX_EXDATES`` real dates."""
    dates = set()
    for item in (text or "").split(","):
        item = item.strip()
        if not item:
            continue
        if not _EXDATE.match(item):
            raise RuleError(
                _("„%(value)s“ ist kein Datum; ausfallende Termine im Format 20270115.")
                % {"value": item[:20]}
            )
        try:
            dates.add(datetime.datetime.strptime(item, "%Y%m%d").date())
        except ValueError:
            raise RuleError(
                _("„%(value)s“ ist kein Datum im Kalender.") % {"value": item}
            ) from None
    if len(dates) > MAX_EXDATES:
        raise RuleError(
            _("Höchstens %(count)s ausfallende Termine; bitte die Reihe teilen.")
            % {"count": MAX_EXDATES}
        )
    return sorted(dates)


def format_exdates(dates) -> str:
    """The stored form of ``dates``: ``20270115,20270122``."""
    return ",".join(f"{day:%Y%m%d}" for day in sorted(set(dates)))
