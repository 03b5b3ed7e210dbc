"""Booking: the agency's rooms on the portal, a free/busy calendar per room for the coming
two weeks (free, requested, booked, blocked: with text labels as well as colours), the room's
calendar feed, and the request form for logged-in club editors.

The pages are built from ``GET /api/v1/rooms/`` and ``…/availability/`` through
``view.site.fetch``; they show no club names (the API never gives them). The form is a small
dependency-free script (``static/booking.js``) that posts to ``POST /api/v1/bookings/`` with
the session's CSRF cookie; it shows itself only when the visitor is logged in (the portal is
served from the CMS's own host). Without JavaScript the page explains how to request a room
in the admin and links there.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import babel.dates
import babel.numbers

from sites.engine.i18n import Catalog, cldr_name
from sites.engine.kit.dates import today
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)


DAYS_SHOWN = 14
PATH = "raeume"
TIME_ZONE = ZoneInfo("Europe/Berlin")
STATES = ("free", "requested", "booked", "blocked")


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def money(value: str, code: str) -> str:
    return babel.numbers.format_decimal(Decimal(value), format="#,##0.00", locale=cldr_name(code))


def opening_lines(room: dict, code: str) -> list[dict]:
    names = babel.dates.get_day_names("wide", locale=cldr_name(code))
    _ = translator(code)
    lines = []
    for weekday in range(7):
        times = [
            f"{h['opens']}–{h['closes']}" for h in room["opening_hours"] if h["weekday"] == weekday
        ]
        lines.append({"day": names[weekday], "times": ", ".join(times) or _("geschlossen")})
    return lines


def calendar_days(availability: dict, code: str) -> list[dict]:
    days = []
    for day in availability["days"]:
        date = datetime.date.fromisoformat(day["date"])
        days.append(
            {
                "date": day["date"],
                "label": babel.dates.format_skeleton("MMMMEEEEd", date, locale=cldr_name(code)),
                "slots": [
                    {"start": s["start"][11:16], "end": s["end"][11:16], "state": s["state"]}
                    for s in day["slots"]
                ],
            }
        )
    return days


def room_entry(room: dict, code: str) -> dict:
    _ = translator(code)
    return {
        **room,
        "path": f"{PATH}/{room['id']}",
        "fee_text": _(
            "%(hourly)s € pro Stunde, höchstens %(daily)s € pro Tag",
            hourly=money(room["hourly_fee"], code),
            daily=money(room["daily_fee"], code),
        ),
        "opening": opening_lines(room, code),
    }


def pages(view):
    code = view.locale.code
    _ = translator(code)
    fetch = view.site.fetch
    if fetch is None:
        return
    cms = (view.settings.get("cms_base_url") or "").rstrip("/")
    rooms = [room_entry(room, code) for room in fetch("/api/v1/rooms/", {"locale": code})]
    first = today()
    last = first + datetime.timedelta(days=DAYS_SHOWN - 1)
    yield PageSpec(
        path=PATH,
        template="booking/index.html",
        title=_("Räume der Integrationsagentur"),
        menu="main",
        label=_("Räume"),
        context={"rooms": rooms},
    )
    for room in rooms:
        availability = fetch(
            f"/api/v1/rooms/{room['id']}/availability/",
            {"from": first.isoformat(), "to": last.isoformat()},
        )
        yield PageSpec(
            path=room["path"],
            template="booking/room.html",
            title=room["name"],
            context={
                "room": room,
                "days": calendar_days(availability, code),
                "as_of": babel.dates.format_date(first, format="long", locale=cldr_name(code)),
                "states": STATES,
                "cms": cms,
                "ics_url": f"{cms}/api/v1/rooms/{room['id']}/occupancy.ics",
                "admin_url": f"{cms}/admin/raumbuchungen/anfragen/?room={room['id']}",
                "api_url": f"{cms}/api/v1/bookings/",
            },
        )


plugin = Plugin(
    name="booking",
    kinds=frozenset({"portal"}),
    package=__name__,
    label={"de": "Räume", "en": "Rooms"},
    pages=pages,
)
