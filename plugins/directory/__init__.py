"""The portal's club directory (Vereinsverzeichnis) and a profile page per club.

Paths (below the portal's ``/<locale>/``):

- ``verzeichnis/`` — every public club, with filter chips carrying facet counts
  (municipality, country of origin, language, focus area) and a full-text search. The page
  carries every club; ``static/directory/directory.js`` (no dependencies) filters the cards in
  the browser, recounts the chips, announces the result count and keeps the filters in the
  query string: ``?gemeinde=dueren&land=SY&sprache=ar&schwerpunkt=sport&q=…`` (repeat a
  parameter for "or"; different ones combine with "and"), so a filtered view can be shared.
  Counts are those of the API's facets: clubs per value within the other active filters.
  Everything it needs is in the page, so a downloaded site filters offline too.
- ``verzeichnis/gemeinde/<municipality>/`` and ``verzeichnis/schwerpunkt/<focus>/`` — pages
  per municipality and per focus area for visitors without JavaScript: the chips are links
  to them, and the script turns them into toggle buttons.
- ``verzeichnis/<club>/`` — the club's profile in the portal's layout, linking to the club's
  own homepage (``homepage_url`` of the API: its own domain, or ``/vereine/<club>/`` on the
  main host).

Reads: the shared portal data (``clubs``, ``facets``), one profile read per club and content
language (``/api/v1/clubs/<slug>/``: plain summary, meeting times, contact, umbrellas; a club
without a translation is read once for all locales), and per locale the upcoming events and
recent news of all clubs as one paginated list each, grouped by club here.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections import defaultdict
from urllib.parse import urlsplit

from sites.engine.i18n import N_, Catalog, cldr_name
from sites.engine.kit.api import fetch_all
from sites.engine.plugins import PageSpec, Plugin
from sites.engine.rendering import TIME_ZONE

catalog = Catalog(__name__)
FACET_TITLES = {
    "municipality": N_("Gemeinde"),
    "country": N_("Herkunftsland"),
    "language": N_("Sprache"),
    "focus": N_("Schwerpunkt"),
}
HEADINGS = {
    "municipality": N_("Vereine in %(label)s"),
    "focus": N_("Vereine mit dem Schwerpunkt %(label)s"),
}


logger = logging.getLogger(__name__)

BASE = "verzeichnis"
# Facet of the API → (query parameter of the directory, folder of its pre-built pages or None)
FACETS = {
    "municipality": ("gemeinde", "gemeinde"),
    "country": ("land", None),
    "language": ("sprache", None),
    "focus": ("schwerpunkt", "schwerpunkt"),
}
PAGE_SIZE = 100
EVENTS_PER_CLUB = 5
FRACTION = re.compile(r"\.\d+(?=[+-]\d\d:\d\d$|Z$|$)")
EVENT_WINDOW = datetime.timedelta(days=42)
NEWS_PER_CLUB = 3
NEWS_DAYS = 365
# Of a list read, at least (5000 items): the lists are read with ``per_club``, so they hold
# at most that many items per club; a longer list is cut, and the log says so.
MAX_PAGES = 50


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def club_values(club: dict) -> dict[str, list[str]]:
    """The facet values of one club summary, as the API's facets name them."""
    municipality = club.get("municipality")
    return {
        "municipality": [municipality["slug"]] if municipality else [],
        "country": [country["code"] for country in club["countries"]],
        "language": [language["tag"] for language in club["languages"]],
        "focus": [focus["slug"] for focus in club["focus_areas"]],
    }


def search_text(club: dict) -> str:
    """Words a visitor may search for that the card does not show."""
    words = [club.get("short_description") or ""]
    words += [country["name"] for country in club["countries"]]
    words += [country["code"] for country in club["countries"]]
    for language in club["languages"]:
        words += [language["name"], language["native_name"]]
    words += [tag["name"] for tag in club.get("tags", [])]
    return " ".join(word for word in words if word)


def card(club: dict) -> dict:
    values = club_values(club)
    return {
        "club": club,
        "values": {name: " ".join(items) for name, items in values.items()},
        "search": search_text(club),
    }


def facet_groups(view, _) -> list[dict]:
    """The chips: per facet its values with the counts over all clubs (the number of clubs
    the chip's page lists), linked to their pre-built page where there is one."""
    facets = view.data["facets"]
    groups = []
    for name, (param, folder) in FACETS.items():
        items = []
        for item in facets.get(name, []):
            path = f"{BASE}/{folder}/{item['value']}" if folder else None
            items.append({**item, "path": path, "current": False})
        groups.append(
            {"name": name, "param": param, "title": _(FACET_TITLES[name]), "items": items}
        )
    return groups


def with_current(groups: list[dict], name: str, value: str) -> list[dict]:
    """``groups`` with the chip of ``value`` in facet ``name`` marked as the page's own; the
    other groups are shared with the pages that list them unchanged."""
    return [
        {
            **group,
            "items": [{**item, "current": item["value"] == value} for item in group["items"]],
        }
        if group["name"] == name
        else group
        for group in groups
    ]


def home_url(club: dict) -> str:
    """The club's homepage: a path on this host when the API names the main host (the portal
    is served there too, so the link also holds for a build from a remote API), else the
    absolute URL of its own domain."""
    homepage = club.get("homepage_url") or ""
    if not homepage:
        return ""
    target, api = urlsplit(homepage), urlsplit(club.get("url") or "")
    if target.netloc == api.netloc and target.scheme == api.scheme:
        return target.path
    return homepage


def read_list(view, path: str, params: dict, clubs: set[str] | None = None) -> list[dict]:
    """Every item of a paginated list of a few items per club (``per_club``): read up to one
    more than that many for every club and the agency (whose events count as one club), and
    never fewer than ``MAX_PAGES`` pages. With ``clubs``, only those clubs' items of it (the
    profiles an incremental build makes)."""
    expected = (len(view.data["clubs"]) + 1) * params["per_club"]
    most = max(MAX_PAGES * PAGE_SIZE, expected + 1)
    items = fetch_all(view.site, path, params, most, clubs=clubs)
    if clubs is None and len(items) >= most:
        logger.warning("%s: %s items or more, the rest is left out", path, len(items))
    return items[:most]


def by_club(items: list[dict], keep: int) -> dict[str, list[dict]]:
    """The first ``keep`` items of each club, each event once (a weekly meeting shows its
    next date, not five Tuesdays)."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    for item in items:
        slug = (item.get("club") or {}).get("slug")
        if not slug or len(grouped[slug]) >= keep or (slug, item["id"]) in seen:
            continue
        seen.add((slug, item["id"]))
        grouped[slug].append(item)
    return grouped


def upcoming_events(view, clubs: set[str] | None = None) -> dict[str, list[dict]]:
    """The next dates of every club (or of ``clubs``) in the coming six weeks, from one list
    of all occurrences (sorted by start; weekly meetings make it long, so the window is
    shorter than the API's default of 90 days)."""
    today = datetime.datetime.now(TIME_ZONE).date()
    window = {"from": today.isoformat(), "to": (today + EVENT_WINDOW).isoformat()}
    items = read_list(
        view,
        "/api/v1/events/",
        {"locale": view.locale.code, **window, "per_club": EVENTS_PER_CLUB},
        clubs,
    )
    for item in items:  # HTML's datetime attribute takes at most milliseconds
        item["start"] = FRACTION.sub("", item["start"])
    return by_club(items, EVENTS_PER_CLUB)


def recent_news(view, clubs: set[str] | None = None) -> dict[str, list[dict]]:
    since = datetime.datetime.now(TIME_ZONE).date() - datetime.timedelta(days=NEWS_DAYS)
    items = read_list(
        view,
        "/api/v1/news/",
        {"locale": view.locale.code, "date_from": since.isoformat(), "per_club": NEWS_PER_CLUB},
        clubs,
    )
    return by_club(items, NEWS_PER_CLUB)


def optional(view, what: str, read, *args) -> dict[str, list[dict]]:
    """A list the profiles can do without: when its read fails the profiles are built without
    it and the build report names it (not the plugin, whose pages all stay)."""
    try:
        return read(view, *args)
    except Exception as exc:  # noqa: BLE001 - any failed read; reported, not raised
        key = f"directory ({what}, {view.locale.code})"
        view.site.errors[key] = f"{type(exc).__name__}: {exc}"
        logger.warning("Directory: reading the %s failed: %s", what, exc)
        return {}


def directory_page(view, _, *, path, title, heading, cards, groups, intro, enhance, current=None):
    return PageSpec(
        path=path,
        template="directory/index.html",
        title=title,
        menu="main" if enhance else None,
        label=_("Vereine") if enhance else "",
        context={
            "heading": heading,
            "intro": intro,
            "cards": cards,
            "groups": groups,
            "total": len(view.data["clubs"]),
            "enhance": enhance,
            "current": current,
            "base": BASE,
            "open_data": optional(view, "open data", read_open_data) if enhance else {},
        },
    )


def read_open_data(view) -> dict:
    """The directory as an open dataset (``/api/v1/open-data/``): its files and licence, named
    in the page's language."""
    return view.site.fetch("/api/v1/open-data/", {"locale": view.locale.code})


def pages(view):
    code = view.locale.code
    _ = translator(code)
    clubs = view.data["clubs"]
    # In an incremental build most pages are as they were (``view.unchanged``): the index and
    # filter pages when no club's summary changed, and all profiles but those of the clubs
    # that published. What only the pages to be made need is computed for them alone.
    listings = [(BASE, None, None)] + [
        (f"{BASE}/{FACETS[name][1]}/{item['value']}", name, item)
        for name in ("municipality", "focus")
        for item in view.data["facets"].get(name, [])
    ]
    given = {path: view.unchanged(path) for path, _name, _item in listings}
    if any(page is None for page in given.values()):
        # Each club's card and facet values once per locale, not once per page that lists it.
        cards = [card(club) for club in clubs]
        values = [club_values(club) for club in clubs]
        groups = facet_groups(view, _)
    for path, name, item in listings:
        if given[path] is not None:
            yield given[path]
        elif name is None:
            yield directory_page(
                view,
                _,
                path=BASE,
                title=_("Vereinsverzeichnis"),
                heading=_("Vereinsverzeichnis"),
                cards=cards,
                groups=groups,
                intro=_(
                    "Alle Migrantenorganisationen im Kreis Düren. Wählen Sie Filter oder "
                    "suchen Sie nach einem Namen oder Stichwort."
                ),
                enhance=True,
            )
        else:
            param = FACETS[name][0]
            chosen = [
                each for each, of in zip(cards, values, strict=True) if item["value"] in of[name]
            ]
            heading = _(HEADINGS[name], label=item["label"])
            yield directory_page(
                view,
                _,
                path=path,
                title=heading,
                heading=heading,
                cards=chosen,
                groups=with_current(groups, name, item["value"]),
                intro="",
                enhance=False,
                current={"param": param, "value": item["value"], "label": item["label"]},
            )
    if not clubs:
        return
    profiles = [(summary, view.unchanged(f"{BASE}/{summary['slug']}")) for summary in clubs]
    made = {summary["slug"] for summary, page in profiles if page is None}
    # The lists of all events and news are read when some profile is made; only the items of
    # the clubs whose profiles are made are taken from them (all when every profile is).
    wanted = None if len(made) == len(profiles) else made
    events = news = None
    weekdays = weekday_names(code)
    for summary, page in profiles:
        slug = summary["slug"]
        if page is not None:
            yield page
            continue
        if events is None:
            events = optional(view, "events", upcoming_events, wanted)
            news = optional(view, "news", recent_news, wanted)
        profile = read_profile(view, summary)
        yield PageSpec(
            path=f"{BASE}/{slug}",
            template="directory/club.html",
            title=profile["name"],
            # The lists of all events and news are read for every profile; a profile shows
            # only its club's share, which changes with the club (``club:<slug>``).
            own_reads_only=True,
            context={
                "club": profile,
                "homepage": home_url(profile),
                "events": events.get(slug, []),
                "news": news.get(slug, []),
                "weekdays": weekdays,
                "base": BASE,
            },
        )


def read_profile(view, summary: dict) -> dict:
    """The club's full profile in the language its summary came in. A club without a
    translation into this locale comes in German in every locale, so it is read once per
    build, not once per locale (the taxonomy's names do not depend on the locale)."""
    profiles = view.site.__dict__.setdefault("_directory_profiles", {})
    key = (summary["slug"], summary["locale"])
    if key not in profiles:
        profiles[key] = view.site.fetch(
            f"/api/v1/clubs/{summary['slug']}/", {"locale": summary["locale"]}
        )
    return profiles[key]


def weekday_names(code: str) -> list[str]:
    import babel.dates

    names = babel.dates.get_day_names("wide", locale=cldr_name(code))
    return [names[day] for day in range(7)]  # 0 = Monday, as in the API


plugin = Plugin(
    name="directory",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Vereinsverzeichnis"),
    needs=("clubs", "facets"),
    pages=pages,
)
