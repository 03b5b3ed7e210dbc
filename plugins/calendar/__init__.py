"""Veranstaltungskalender of the portal: the dates of all clubs paged by month, and pre-built
list pages per municipality and per kind of event (the next 90 days), each with a subscribe
link.

- ``veranstaltungen/`` — the current month first: its dates from today on (at least the
  coming ``FIRST_PAGE_DAYS`` days, so the page is not nearly empty on the last days of a
  month), with a link to the next month.
- ``veranstaltungen/<yyyy>-<mm>/`` — this month and the next three, one page each: the
  month's coming dates as a list, previous/next month links, and the month as a table behind
  a disclosure. One page per month keeps a page short on a phone (the whole 90-day list of
  the demo district was 965 dates, 185,000 px tall).

Dates come from ``GET /api/v1/events/`` (recurrences expanded by the server), read in the
locale being rendered. Each date links to the event on its club's homepage (``homepage_url``
from the API) and to the club's profile in the portal (``verzeichnis/<slug>/``).

**Subscribe links** point at the API's calendar, ``/api/v1/events.ics``, with exactly the
filter of the page (parameters in the order ``municipality, category, language, club``, then
``locale`` for a language other than German). The API answers on the main host, where the
portal is served too, so the address is absolute on the host of ``settings["api_url"]`` if a
build sets it, else of the portal's ``base_url``; a ``webcal://`` variant is offered then. A
build that knows neither (a local test build) links ``/api/v1/events.ics?…`` root-relative
and offers no ``webcal://`` link.

The list page carries every date with its municipality, kind, languages and club in
``data-`` attributes; ``static/calendar/calendar.js`` (no dependencies) shows a filter form,
filters the list in place and keeps the subscribe links and the page's URL (``?municipality=…``)
in step. Without JavaScript the pre-built pages do the same.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode, urlsplit

from sites.engine.i18n import N_, Catalog, language_display_name
from sites.engine.kit import months as month_grid
from sites.engine.kit.api import api_origin, fetch_all
from sites.engine.kit.dates import span, today
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)
# The API's event categories (``EventPage.category``) by their German names.
CATEGORY_NAMES = {
    "meeting": N_("Treffen"),
    "course": N_("Kurs"),
    "festival": N_("Fest"),
    "info": N_("Informationsabend"),
    "sport": N_("Sport"),
    "culture": N_("Kultur"),
    "religion": N_("Religion"),
    "youth": N_("Jugend"),
    "other": N_("Sonstiges"),
}


PATH = "veranstaltungen"
LIST_DAYS = 90  # of the pages per municipality and per kind of event
FIRST_PAGE_DAYS = 7
MONTHS_SHOWN = 4  # this month and the next three
ICS_PATH = "/api/v1/events.ics"
FILTERS = ("municipality", "category", "language", "club")
MUNICIPALITY_PATH = "gemeinde"
CATEGORY_PATH = "art"


def subscribe_links(site, locale: str, chosen: dict[str, str] | None = None) -> dict[str, str]:
    """The API calendar for exactly this filter: ``https`` (or root-relative) and ``webcal``."""
    query = [(name, chosen[name]) for name in FILTERS if chosen and chosen.get(name)]
    if locale != site.default_locale:
        query.append(("locale", locale))
    suffix = f"?{urlencode(query)}" if query else ""
    origin = api_origin(site)
    url = f"{origin}{ICS_PATH}{suffix}"
    webcal = f"webcal://{urlsplit(origin).netloc}{ICS_PATH}{suffix}" if origin else ""
    return {"url": url, "webcal": webcal, "base": f"{origin}{ICS_PATH}"}


def language_name(tag: str, locale: str) -> str:
    return language_display_name(tag, locale)


def signup_states(site) -> dict[int, dict]:
    """Sign-up state by event id (``/api/v1/signups/``); empty when it cannot be read, so the
    calendar stands without it."""
    try:
        items = site.fetch("/api/v1/signups/", {})
    except Exception:  # noqa: BLE001 - the dates matter more than their sign-up state
        return {}
    return {pk: item for item in items for pk in item.get("events", [])}


def occurrences(view, start: datetime.date, end: datetime.date) -> list[dict]:
    """The dates of all clubs in ``[start, end)`` with the local days they cover, the
    club's municipality (from the portal's ``listing`` of clubs) and the sign-up state if
    any."""
    clubs = view.data["listing"]
    signups = signup_states(view.site)
    found = fetch_all(
        view.site,
        "/api/v1/events/",
        {"from": start.isoformat(), "to": end.isoformat(), "locale": view.locale.code},
    )
    items = []
    for item in found:
        club = clubs.get((item.get("club") or {}).get("slug", ""))
        municipality = (club or {}).get("municipality") or None
        items.append(
            {
                **item,
                **span(item["start"], item["end"], item["all_day"]),
                "municipality": municipality,
                "club_listed": club is not None,
                "signup": signups.get(item["id"]),
            }
        )
    return items


def choices(items: list[dict], code: str, _) -> dict[str, list[dict]]:
    """The filter values that occur among the dates, with their names, sorted by name."""
    municipalities = {
        i["municipality"]["slug"]: i["municipality"]["name"] for i in items if i["municipality"]
    }
    categories = {i["category"]: _(CATEGORY_NAMES.get(i["category"], "Sonstiges")) for i in items}
    languages = {tag: language_name(tag, code) for i in items for tag in i["languages"]}
    clubs = {i["club"]["slug"]: i["club"]["name"] for i in items if i.get("club")}

    def ordered(values: dict[str, str]) -> list[dict]:
        return [
            {"value": value, "label": label}
            for value, label in sorted(values.items(), key=lambda pair: pair[1].casefold())
        ]

    return {
        "municipality": ordered(municipalities),
        "category": ordered(categories),
        "language": ordered(languages),
        "club": ordered(clubs),
    }


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def month_of(item: dict) -> str:
    return item["first_day"][:7]


def with_cancellations(items: list[dict], start: str, end: str) -> list[dict]:
    """The page's dates, the first date of each series carrying the series' cancelled dates
    (the API's ``cancelled_dates``) in the page's ``[start, end)`` (ISO days) as
    ``cancelled_here``: no date stands at them, so the list says "fällt aus am …"."""
    seen = set()
    shown = []
    for item in items:
        days = []
        if item["id"] not in seen:
            seen.add(item["id"])
            days = [day for day in item.get("cancelled_dates") or [] if start <= day < end]
        shown.append({**item, "cancelled_here": days} if days else item)
    return shown


def pages(view):
    code = view.locale.code
    _ = translator(code)
    day = today()
    first, end = month_grid.window(day, MONTHS_SHOWN)
    list_end = day + datetime.timedelta(days=LIST_DAYS)
    found = occurrences(view, first, max(end, list_end))
    now = datetime.datetime.now(datetime.UTC)
    coming = [
        item
        for item in found
        if datetime.datetime.fromisoformat(item["end"] or item["start"]) >= now
    ]
    grids = month_grid.months(found, day, code, MONTHS_SHOWN)
    month_links = [
        {
            "path": f"{PATH}/{grid['id'].removeprefix('month-')}",
            "month": grid["id"].removeprefix("month-"),
            "caption": grid["caption"],
        }
        for grid in grids
    ]
    common = {
        "month_links": month_links,
        "list_path": PATH,
        "municipality_path": MUNICIPALITY_PATH,
        "category_path": CATEGORY_PATH,
        "previous": None,
        "next": None,
        "month": None,
        "current_path": "",
    }
    title = _("Veranstaltungen")
    first_page_end = max(
        month_grid.add_months(first, 1), day + datetime.timedelta(days=FIRST_PAGE_DAYS)
    ).isoformat()
    current = [item for item in coming if item["first_day"] < first_page_end]
    since = day.isoformat()
    yield PageSpec(
        path=PATH,
        template="calendar/list.html",
        title=title,
        menu="main",
        label=title,
        context={
            **common,
            "items": with_cancellations(current, since, first_page_end),
            "filters": choices(current, code, _),
            "chosen": {},
            "filter_label": "",
            "heading": _("Termine im %(month)s", month=grids[0]["caption"]),
            "current_path": month_links[0]["path"],
            "next": month_links[1] if len(month_links) > 1 else None,
            "subscribe": subscribe_links(view.site, code),
            "scripted": True,
        },
    )
    in_window = [
        item for item in coming if datetime.date.fromisoformat(item["first_day"]) < list_end
    ]
    options = choices(in_window, code, _)
    for name, sub in (("municipality", MUNICIPALITY_PATH), ("category", CATEGORY_PATH)):
        for option in options[name]:
            selected = [item for item in in_window if _value(item, name) == option["value"]]
            yield PageSpec(
                path=f"{PATH}/{sub}/{option['value']}",
                template="calendar/list.html",
                title=f"{title}: {option['label']}",
                context={
                    **common,
                    "items": with_cancellations(selected, since, list_end.isoformat()),
                    "filters": options,
                    "chosen": {name: option["value"]},
                    "filter_label": option["label"],
                    "heading": _("Termine der nächsten 90 Tage"),
                    "subscribe": subscribe_links(view.site, code, {name: option["value"]}),
                    "scripted": False,
                },
            )
    for index, grid in enumerate(grids):
        link = month_links[index]
        dates = [item for item in coming if month_of(item) == link["month"]]
        month_start = datetime.date.fromisoformat(f"{link['month']}-01")
        month_end = month_grid.add_months(month_start, 1).isoformat()
        yield PageSpec(
            path=link["path"],
            template="calendar/list.html",
            title=f"{title}: {grid['caption']}",
            context={
                **common,
                "items": with_cancellations(dates, max(since, month_start.isoformat()), month_end),
                "filters": choices(dates, code, _),
                "chosen": {},
                "filter_label": "",
                "heading": _("Termine im %(month)s", month=grid["caption"]),
                "month": grid,
                "current_path": link["path"],
                "weekdays": month_grid.weekdays(code),
                "previous": month_links[index - 1] if index > 0 else None,
                "next": month_links[index + 1] if index + 1 < len(grids) else None,
                "subscribe": subscribe_links(view.site, code),
                "scripted": True,
            },
        )


def _value(item: dict, name: str) -> str:
    if name == "municipality":
        return (item["municipality"] or {}).get("slug", "")
    return item[name]


plugin = Plugin(
    name="calendar",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Veranstaltungen"),
    pages=pages,
)
