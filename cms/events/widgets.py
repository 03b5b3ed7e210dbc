"""Repetition as a form instead of RRULE syntax: *einmalig*, *wöchentlich am [Wochentage]*,
*monatlich am [1./2./3./4./letzten] [Wochentag]*, each optionally *bis [Datum]*.

The widget composes the RRULE that stays the stored format (``EventPage.recurrence``,
checked by ``validate_rrule``) and decomposes a stored rule back into the form. A rule the
form cannot express (made elsewhere, e.g. by the API or an import) is shown and kept as it is
under *Andere Regel*, so opening and saving a page never changes its repetition.
"""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    ("MO", _("Montag")),
    ("TU", _("Dienstag")),
    ("WE", _("Mittwoch")),
    ("TH", _("Donnerstag")),
    ("FR", _("Freitag")),
    ("SA", _("Samstag")),
    ("SU", _("Sonntag")),
]
ORDINALS = [
    ("1", _("ersten")),
    ("2", _("zweiten")),
    ("3", _("dritten")),
    ("4", _("vierten")),
    ("-1", _("letzten")),
]
KINDS = [
    ("once", _("Einmalig")),
    ("weekly", _("Jede Woche")),
    ("monthly", _("Jeden Monat")),
    ("custom", _("Andere Regel")),
]
CODES = {code for code, _label in WEEKDAYS}
_MONTHLY_DAY = re.compile(r"^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$")
_UNTIL = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T\d{6}Z?)?$")


def decompose(rule: str | None) -> dict:
    """The form's values for a stored RRULE; ``kind`` is "custom" when the form cannot show
    it exactly."""
    values = {"kind": "once", "days": [], "ordinal": "1", "weekday": "MO", "until": "", "rule": ""}
    rule = (rule or "").strip()
    if not rule:
        return values
    values["rule"] = rule
    body = rule[6:] if rule.upper().startswith("RRULE:") else rule
    try:
        parts = dict(part.split("=", 1) for part in body.upper().split(";") if part)
    except ValueError:
        return {**values, "kind": "custom"}
    until = parts.pop("UNTIL", None)
    if until is not None:
        match = _UNTIL.match(until)
        if not match:
            return {**values, "kind": "custom"}
        values["until"] = "-".join(match.groups())
    if parts.pop("INTERVAL", "1") != "1":
        return {**values, "kind": "custom"}
    frequency, days = parts.pop("FREQ", None), parts.pop("BYDAY", None)
    if parts or days is None:
        return {**values, "kind": "custom"}
    day_list = days.split(",")
    if frequency == "WEEKLY" and set(day_list) <= CODES:
        return {**values, "kind": "weekly", "days": day_list}
    match = _MONTHLY_DAY.match(days)
    if frequency == "MONTHLY" and match:
        return {**values, "kind": "monthly", "ordinal": match[1], "weekday": match[2]}
    return {**values, "kind": "custom"}


def compose(kind: str, days, ordinal: str, weekday: str, until: str, rule: str) -> str:
    """The RRULE for the form's values; anything the form does not offer is passed on as
    typed, for ``validate_rrule`` to judge."""
    if kind == "once":
        return ""
    if kind == "custom":
        return (rule or "").strip()
    if kind == "weekly":
        chosen = [code for code, _label in WEEKDAYS if code in set(days)]
        unknown = [day for day in days if day not in CODES]
        if unknown:
            return f"FREQ=WEEKLY;BYDAY={','.join(unknown)}"
        composed = "FREQ=WEEKLY" + (f";BYDAY={','.join(chosen)}" if chosen else "")
    elif kind == "monthly":
        composed = f"FREQ=MONTHLY;BYDAY={ordinal}{weekday}"
    else:
        return f"FREQ={kind}"
    if until:
        try:
            composed += f";UNTIL={datetime.date.fromisoformat(until):%Y%m%d}"
        except ValueError:
            composed += f";UNTIL={until}"
    return composed


class RecurrenceWidget(forms.Widget):
    template_name = "events/widgets/recurrence.html"

    class Media:
        js = ["events/recurrence-widget.js"]
        css = {"all": ["events/recurrence-widget.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = decompose(value)
        context["recurrence"] = {
            **values,
            "kinds": KINDS,
            "weekdays": WEEKDAYS,
            "ordinals": ORDINALS,
            "id": (attrs or {}).get("id") or f"id_{name}",
        }
        return context

    def value_from_datadict(self, data, files, name):
        # A plain RRULE under the field's own name (API clients, scripts) wins: the form
        # itself never sends one.
        if name in data or f"{name}-kind" not in data:
            return data.get(name)
        days = (
            data.getlist(f"{name}-days")
            if hasattr(data, "getlist")
            else data.get(f"{name}-days", [])
        )
        return compose(
            data.get(f"{name}-kind", "once"),
            days or [],
            data.get(f"{name}-ordinal", "1"),
            data.get(f"{name}-weekday", "MO"),
            data.get(f"{name}-until", ""),
            data.get(f"{name}-rule", ""),
        )

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-kind" not in data and name not in data

    def id_for_label(self, id_):
        return f"{id_}-kind" if id_ else id_


class ExdatesWidget(forms.Widget):
    """Cancelled dates as a list of date fields (one per date, plus an empty one; a button
    adds more). Sends the stored form ``20270115,20270122``; a value the browser could not
    read as a date is passed on as typed, for the validator to name."""

    template_name = "events/widgets/exdates.html"

    class Media:
        js = ["events/recurrence-widget.js"]
        css = {"all": ["events/recurrence-widget.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        items = [item.strip() for item in (value or "").split(",") if item.strip()]
        dates = []
        for item in items:
            try:
                dates.append(datetime.datetime.strptime(item, "%Y%m%d").date().isoformat())
            except ValueError:
                dates.append(item)
        context["exdates"] = {
            "dates": [*dates, ""],
            "id": (attrs or {}).get("id") or f"id_{name}",
        }
        return context

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]
        stored = []
        for value in values:
            for item in (value or "").split(","):
                item = item.strip()
                if not item:
                    continue
                try:
                    stored.append(f"{datetime.date.fromisoformat(item):%Y%m%d}")
                except ValueError:
                    stored.append(item)
        return ",".join(stored)

    def value_omitted_from_data(self, data, files, name):
        return name not in data

    def id_for_label(self, id_):
        return f"{id_}-0" if id_ else id_
