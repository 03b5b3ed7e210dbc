"""Neuigkeiten of the portal: the news of all clubs, newest first. The front page
(``neuigkeiten/``) shows the latest ``PER_PAGE``; older news are archived by month
(``neuigkeiten/2026-11/``, all of that month's items), each page listing the months with
news. Each item links to the article on its club's homepage (``homepage_url`` from
``GET /api/v1/news/``) and to the club's profile.

Months rather than numbered pages, because a new item must not move every other item to
another page: with ``seite-2``, ``seite-3`` … a publish re-rendered every page of the newsroom
in every locale (44 pages × 13 locales at 72 clubs). Now it changes the front page and its
month's page; the others only when a month begins or leaves the window of ``MAX_ITEMS``.

The Atom feed is the API's own (``GET /api/v1/news.atom``, Django's syndication framework,
entries linking to the club homepages): the pages link it with ``rel="alternate"``, absolute
on the API's host (``settings["api_url"]`` or the portal's ``base_url``, as the calendar's
subscribe links), root-relative when a build knows neither. One feed implementation, not two.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

import babel.dates

from sites.engine.i18n import Catalog, cldr_name
from sites.engine.kit.api import api_origin, fetch_all
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)

PATH = "neuigkeiten"
PER_PAGE = 10  # on the front page
MAX_ITEMS = 500  # older news stay on the clubs' homepages
FEED_PATH = "/api/v1/news.atom"


def feed_url(site, locale: str) -> str:
    query = f"?{urlencode({'locale': locale})}" if locale != site.default_locale else ""
    return f"{api_origin(site)}{FEED_PATH}{query}"


def month_path(month: str) -> str:
    return f"{PATH}/{month}"


def by_month(items: list[dict]) -> dict[str, list[dict]]:
    """The items (newest first) grouped by the month of their date (``YYYY-MM``), newest
    month first."""
    months: dict[str, list[dict]] = {}
    for item in items:
        months.setdefault(str(item["date"])[:7], []).append(item)
    return months


def month_name(month: str, locale: str) -> str:
    """``2026-11`` as the locale names it standing alone ("November 2026"), from CLDR."""
    first = datetime.date.fromisoformat(f"{month}-01")
    return babel.dates.format_date(first, "LLLL y", locale=cldr_name(locale))


def pages(view):
    code = view.locale.code
    clubs = view.data["listing"]
    items = fetch_all(view.site, "/api/v1/news/", {"locale": code}, MAX_ITEMS)[:MAX_ITEMS]
    for item in items:
        item["club_listed"] = bool(item.get("club")) and item["club"]["slug"] in clubs
    months = by_month(items)
    archive = [
        {"month": month, "path": month_path(month), "name": month_name(month, code)}
        for month in months
    ]
    common = {"archive": archive, "feed_url": feed_url(view.site, code)}
    title = view.gettext("Neuigkeiten")
    yield PageSpec(
        path=PATH,
        template="newsroom/index.html",
        title=title,
        menu="main",
        label=title,
        context={
            **common,
            "items": items[:PER_PAGE],
            "month": None,
            "newer": None,
            "older": None,
            "cut": False,
        },
    )
    # The window ends inside its oldest month when the list was cut: that page says so.
    oldest = next(reversed(months), None) if len(items) >= MAX_ITEMS else None
    for number, entry in enumerate(archive):
        yield PageSpec(
            path=entry["path"],
            template="newsroom/index.html",
            title=view.gettext("Neuigkeiten – %(month)s", month=entry["name"]),
            label=title,
            context={
                **common,
                "items": months[entry["month"]],
                "month": entry["month"],
                "newer": archive[number - 1] if number else None,
                "older": archive[number + 1] if number + 1 < len(archive) else None,
                "cut": entry["month"] == oldest,
            },
        )


plugin = Plugin(
    name="newsroom",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Neuigkeiten"),
    pages=pages,
)
