"""Veranstaltungskalender of the portal: the dates of all clubs as a list (the next 90 days),
as month pages (``veranstaltungen/<yyyy>-<mm>/``, this month and the next three), and as
pre-built list pages per municipality and per kind of event, each with a subscribe link.

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

from plugins.events import months as month_grid
from plugins.events.occurrences import span, today
from sites.engine.i18n import N_, Catalog, language_display_name
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
LIST_DAYS = 90
MONTHS_SHOWN = 4  # this month and the next three
PAGE_SIZE = 100  # the API's largest page
ICS_PATH = "/api/v1/events.ics"
FILTERS = ("municipality", "category", "language", "club")
MUNICIPALITY_PATH = "gemeinde"
CATEGORY_PATH = "art"


def fetch_all(site, path: str, params: dict) -> list[dict]:
    params = {**params, "limit": PAGE_SIZE, "offset": 0}
    found: list[dict] = []
    while True:
        page = site.fetch(path, params)
        found.extend(page["results"])
        if not page.get("next"):
            return found
        params = {**params, "offset": params["offset"] + PAGE_SIZE}


def api_origin(site) -> str:
    """``scheme://host`` of the API the subscribe links point at, or "" if unknown."""
    for candidate in (site.settings.get("api_url", ""), site.base_url):
        parts = urlsplit(candidate or "")
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    return ""


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


def occurrences(view, start: datetime.date, end: datetime.date) -> list[dict]:
    """The dates of all clubs in ``[start, end)`` with the local days they cover and the
    club's municipality (from the portal's club list)."""
    clubs = {club["slug"]: club for club in view.data["clubs"]}
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
        if datetime.date.fromisoformat(item["first_day"]) < list_end
        and datetime.datetime.fromisoformat(item["end"] or item["start"]) >= now
    ]
    options = choices(coming, code, _)
    grids = month_grid.months(found, day, code, MONTHS_SHOWN)
    month_links = [
        {"path": f"{PATH}/{grid['id'].removeprefix('month-')}", "caption": grid["caption"]}
        for grid in grids
    ]
    common = {
        "month_links": month_links,
        "filters": options,
        "list_path": PATH,
        "municipality_path": MUNICIPALITY_PATH,
        "category_path": CATEGORY_PATH,
    }
    title = _("Veranstaltungen")
    yield PageSpec(
        path=PATH,
        template="calendar/list.html",
        title=title,
        menu="main",
        label=title,
        context={
            **common,
            "items": coming,
            "chosen": {},
            "filter_label": "",
            "subscribe": subscribe_links(view.site, code),
            "scripted": True,
        },
    )
    for name, sub in (("municipality", MUNICIPALITY_PATH), ("category", CATEGORY_PATH)):
        for option in options[name]:
            selected = [item for item in coming if _value(item, name) == option["value"]]
            yield PageSpec(
                path=f"{PATH}/{sub}/{option['value']}",
                template="calendar/list.html",
                title=f"{title}: {option['label']}",
                context={
                    **common,
                    "items": selected,
                    "chosen": {name: option["value"]},
                    "filter_label": option["label"],
                    "subscribe": subscribe_links(view.site, code, {name: option["value"]}),
                    "scripted": False,
                },
            )
    for index, grid in enumerate(grids):
        yield PageSpec(
            path=month_links[index]["path"],
            template="calendar/month.html",
            title=f"{title}: {grid['caption']}",
            context={
                **common,
                "month": grid,
                "current_path": month_links[index]["path"],
                "weekdays": month_grid.weekdays(code),
                "previous": month_links[index - 1] if index > 0 else None,
                "next": month_links[index + 1] if index + 1 < len(grids) else None,
                "subscribe": subscribe_links(view.site, code),
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
