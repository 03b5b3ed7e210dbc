"""Neuigkeiten of the portal: the news of all clubs, newest first, on static pages of
``PER_PAGE`` (``neuigkeiten/``, ``neuigkeiten/seite-2/`` …), each item linking to the article
on its club's homepage (``homepage_url`` from ``GET /api/v1/news/``) and to the club's profile.

The Atom feed is the API's own (``GET /api/v1/news.atom``, Django's syndication framework,
entries linking to the club homepages): the pages link it with ``rel="alternate"``, absolute
on the API's host (``settings["api_url"]`` or the portal's ``base_url``, as the calendar's
subscribe links), root-relative when a build knows neither. One feed implementation, not two.
"""

from __future__ import annotations

from urllib.parse import urlencode

from sites.engine.i18n import Catalog
from sites.engine.kit.api import api_origin, fetch_all
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)

PATH = "neuigkeiten"
PER_PAGE = 10
MAX_ITEMS = 500  # fifty pages; older news stay on the clubs' homepages
FEED_PATH = "/api/v1/news.atom"


def feed_url(site, locale: str) -> str:
    query = f"?{urlencode({'locale': locale})}" if locale != site.default_locale else ""
    return f"{api_origin(site)}{FEED_PATH}{query}"


def page_path(number: int) -> str:
    return PATH if number == 1 else f"{PATH}/seite-{number}"


def pages(view):
    code = view.locale.code
    clubs = {club["slug"] for club in view.data["clubs"]}
    items = fetch_all(view.site, "/api/v1/news/", {"locale": code}, MAX_ITEMS)[:MAX_ITEMS]
    for item in items:
        item["club_listed"] = bool(item.get("club")) and item["club"]["slug"] in clubs
    count = max(1, -(-len(items) // PER_PAGE))
    numbers = [{"number": n, "path": page_path(n)} for n in range(1, count + 1)]
    title = view.gettext("Neuigkeiten")
    for number in range(1, count + 1):
        yield PageSpec(
            path=page_path(number),
            template="newsroom/index.html",
            title=title if number == 1 else f"{title} – {view.gettext('Seite %(n)s', n=number)}",
            menu="main" if number == 1 else None,
            label=title,
            context={
                "items": items[(number - 1) * PER_PAGE : number * PER_PAGE],
                "number": number,
                "pages": numbers,
                "feed_url": feed_url(view.site, code),
            },
        )


plugin = Plugin(
    name="newsroom",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Neuigkeiten"),
    pages=pages,
)
