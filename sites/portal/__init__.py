"""The portal site kind: the district portal, built from the API like the club homepages.

Data contract (what every portal plugin finds in ``view.data``, per locale):

- ``portal``: ``GET /api/v1/portal/?locale=…`` — the agency's home page with its sections
  resolved and ``pages``, the list of public portal pages (role, title, path …);
- ``portal_pages``: that list alone (a plugin that needs only it depends only on the portal's
  pages, not on what the home's sections show);
- ``clubs``: every public club's summary from ``GET /api/v1/clubs/?locale=…`` (all pages
  of the paginated list, in the API's order);
- ``facets``: the facet counts of that list over all clubs (municipality, country, language,
  focus);
- ``municipalities``: ``GET /api/v1/municipalities/``;
- ``listing``: which clubs are listed, each club's slug → its ``municipality``, from the
  same list (a plugin that needs no more of the clubs does not depend on their profiles: it
  changes only when a club is published or unpublished, renamed or moves to another
  municipality, ``cms.portal.resource_keys.club_changes``).

Anything else a plugin reads itself through ``view.site.fetch(path, params)`` (events, news,
partners, rooms, …), in the locale it is rendering. The site is written to
``<root>/portal/`` (releases and a ``current`` symlink, see ``sites.engine.builder``); the CMS
serves it at ``/`` of the main host.

Which plugins the portal uses: every installed plugin whose ``kinds`` include ``"portal"``,
in ``PORTAL_ORDER`` (which is also the order of the main navigation); plugins not named there
follow in the order they were discovered, so a third party's portal plugin appears without
an edit here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path

import orjson

from sites.client import ApiClient, ApiError
from sites.engine import deps, parallel
from sites.engine.builder import BuildReport, OutputFile, SiteDirectory
from sites.engine.plugins import PageSpec, Plugin, Registry, discover
from sites.engine.rendering import TIME_ZONE
from sites.engine.site import Locale, Site, locale_from_api, render_site

from .pages import fetch_page, site_path, today

KIND = "portal"
DIRECTORY_NAME = "portal"
DEFAULT_THEME = "theme_default"
# The main navigation, in order. Later issues' plugins already have their place.
PORTAL_ORDER = [
    "portal_home",
    "directory",
    "calendar",
    "newsroom",
    "portal_projects",
    "board",
    "network",
    "booking",
    "funding",
    "stats",
    "mitmachen",
    "einfache_sprache",
    "portal_legal",
]


def home_pages(view):
    portal = view.data["portal"]
    yield PageSpec(
        path="", template="portal/home.html", title="", context={"home": portal, "today": today()}
    )
    # Further pages the agency added (role "other") appear at their path, without a menu entry;
    # the home page's call to action or a text links to them.
    for ref in portal["pages"]:
        if ref["role"] == "other":
            page = fetch_page(view, ref["slug"])
            yield PageSpec(
                path=site_path(page),
                template="portal/page.html",
                title=page["title"],
                context={"page": page},
            )


home = Plugin(
    name="portal_home",
    kinds=frozenset({KIND}),
    package=__name__,
    pages=home_pages,
)


def choose_plugins(registry: Registry, theme_name: str = DEFAULT_THEME) -> tuple[Plugin, list]:
    themes = {p.name: p for p in registry.themes(KIND)}
    theme = themes.get(theme_name) or themes.get(DEFAULT_THEME) or next(iter(themes.values()))
    available = {p.name: p for p in registry.for_kind(KIND)}
    available.setdefault(home.name, home)
    ordered = [available.pop(name) for name in PORTAL_ORDER if name in available]
    return theme, [*ordered, *available.values()]


def api_locales(client: ApiClient) -> list[Locale]:
    """The platform's locales, German first, as the API lists them (``/api/v1/locales/``)."""
    return [locale_from_api(item) for item in client.json("/api/v1/locales/")]


def portal_data(client: ApiClient, locale: str) -> dict:
    """The data every portal plugin shares, in one locale."""
    clubs, facets = read_clubs(client, locale)
    portal = read_home(client, locale)
    return {
        "locale": locale,
        "portal": portal,
        "portal_pages": portal["pages"],
        "clubs": clubs,
        "facets": facets,
        "municipalities": client.json("/api/v1/municipalities/"),
        "listing": {club["slug"]: {"municipality": club.get("municipality")} for club in clubs},
    }


HOME = "/api/v1/portal/"
NEWS = "/api/v1/news/"
CLUBS = "/api/v1/clubs/"
CLUBS_PAGE = 100


def read_clubs(client: ApiClient, locale: str) -> tuple[list[dict], dict]:
    """Every public club's summary in ``locale`` (all pages of the list, in its order) and the
    facets over all of them. After some clubs' profiles changed and nothing else of the list
    (``club:<slug>`` and ``clubs:*`` without ``listing:*``: no club published, unpublished or
    renamed, so the list holds the same clubs in the same order), the live release's pages are
    kept with those clubs' entries read anew (``club=<slug>``) and the facets read with one
    entry (``limit=1``), instead of every page again: at 1,000 clubs that is 10 pages of 100
    summaries in each locale."""
    store = client.responses
    pages = spliced_clubs(client, store, locale) if store is not None else None
    if pages is None:
        pages = []
        params = {"locale": locale, "limit": CLUBS_PAGE, "offset": 0}
        while True:
            page = client.json(CLUBS, params)
            pages.append(page)
            if not page.get("next"):
                break
            params = {**params, "offset": params["offset"] + CLUBS_PAGE}
    clubs = [item for page in pages for item in page["results"]]
    return clubs, pages[0].get("facets", {})


def spliced_clubs(client: ApiClient, store: deps.ResponseStore, locale: str) -> list | None:
    """The pages of the list of clubs with the changed clubs' entries read anew (see
    ``read_clubs``), or None when the list must be read whole."""
    changes = store.changes
    if changes is None or "clubs:*" not in changes or changes & {deps.ANY, deps.LISTING}:
        return None
    slugs = sorted(key.partition(":")[2] for key in changes if key.startswith("club:"))
    if not slugs or len(slugs) > CLUBS_PAGE:
        return None
    pages: list[tuple[dict, dict]] = []
    params = {"locale": locale, "limit": CLUBS_PAGE, "offset": 0}
    while True:
        body = store.previous_body(CLUBS, params)
        if body is None:
            return None
        pages.append((params, orjson.loads(body)))
        if not pages[-1][1].get("next"):
            break
        params = {**params, "offset": params["offset"] + CLUBS_PAGE}
    try:
        fresh = client.get(CLUBS, {"locale": locale, "club": slugs, "limit": CLUBS_PAGE}).json()
        facets = client.get(CLUBS, {"locale": locale, "limit": 1}).json()["facets"]
    except ApiError:  # a club is no longer public: read the whole list
        return None
    entries = {item["slug"]: item for item in fresh["results"]}
    replaced = 0
    for _params, page in pages:
        for index, item in enumerate(page["results"]):
            if item["slug"] in entries:
                page["results"][index] = entries[item["slug"]]
                replaced += 1
    if set(entries) != set(slugs) or replaced != len(slugs):
        return None  # not one entry each, where they were: read the whole list
    pages[0][1]["facets"] = facets
    keys = deps.resource_keys(CLUBS)
    for params, page in pages:
        store.put(CLUBS, params, keys, orjson.dumps(page))
    deps.record(keys)
    store.spliced += 1
    return [deps.tag(page, keys) for _params, page in pages]


def read_home(client: ApiClient, locale: str) -> dict:
    """The portal home's answer in ``locale``. After a club's news item, when the home shows
    nothing else that changed (its keys meet the changes in ``news:*`` alone: no text links
    to the item), the live release's answer is kept and its latest-news sections are filled
    from the list of all news (the first ``count`` items of ``/api/v1/news/``, merged from
    the changed clubs' items like the newsroom's) instead of reading the home again. Every
    build keeps that list for the next one."""
    params = {"locale": locale}
    store = client.responses
    home = patched_home(client, store, params) if store is not None else None
    if home is None:
        home = client.json(HOME, params)
        counts = latest_news_counts(home)
        if store is not None and counts:
            client.items(NEWS, params, max(counts))
    return home


def latest_news_counts(home) -> list[int] | None:
    """How many items each latest-news section of the home shows; None if one does not say."""
    counts = [
        section["value"].get("count")
        for section in home.get("sections", [])
        if section.get("type") == "latest_news"
    ]
    return None if any(not isinstance(count, int) for count in counts) else counts


def patched_home(client: ApiClient, store: deps.ResponseStore, params: dict) -> dict | None:
    keys = store.previous_keys(HOME, params)
    if keys is None or store.changes is None or keys & store.changes != {"news:*"}:
        return None
    body = store.previous_body(HOME, params)
    if body is None:
        return None
    home = orjson.loads(body)
    counts = latest_news_counts(home)
    if counts is None:
        return None
    if counts:
        news = client.items(NEWS, params, max(counts))
        for section in home["sections"]:
            if section.get("type") == "latest_news":
                section["value"]["news"] = news[: section["value"]["count"]]
    body = orjson.dumps(home)
    store.put(HOME, params, keys, body)
    deps.record(keys)
    return deps.tag(orjson.loads(body), keys)


# What each key of the shared data was read from (``sites.engine.deps``). The portal home
# resolves dynamic sections (clubs, events, news, rooms …): its keys are those its answer
# names (``X-Resource-Keys``, in every locale; ``data_keys``), so a plugin that needs only
# the list of portal pages takes ``portal_pages`` and does not depend on the home's news.
DATA_KEYS = {
    "locale": frozenset(),
    "portal": frozenset({deps.ANY}),
    "portal_pages": frozenset({"portal:*"}),
    "clubs": frozenset({"clubs:*"}),
    "facets": frozenset({"clubs:*"}),
    # With each municipality's count of clubs (``sites.engine.deps``).
    "municipalities": deps.resource_keys("/api/v1/municipalities/"),
    "listing": frozenset({deps.LISTING}),
}


def make_site(
    client: ApiClient,
    *,
    base_url: str = "",
    registry: Registry | None = None,
    locales: list[Locale] | None = None,
    settings: dict | None = None,
    jobs: int = 1,
) -> Site:
    registry = registry or discover()
    locales = locales or api_locales(client)
    forking = client.forking()
    groups = parallel.groups_of([locale.code for locale in locales], jobs)
    parts = parallel.fork_map(
        lambda codes: {code: portal_data(client, code) for code in codes}, groups, forking
    )
    found = {code: values for part in parts for code, values in part.items()}
    data = {locale.code: found[locale.code] for locale in locales}
    theme, plugins = choose_plugins(registry)
    return Site(
        kind=KIND,
        name=DIRECTORY_NAME,
        title=data[locales[0].code]["portal"]["title"],
        # The portal home's title in each locale (its translation; German where it has none).
        titles={code: values["portal"]["title"] for code, values in data.items()},
        locales=locales,
        data=data,
        theme=theme,
        plugins=plugins,
        base_url=base_url,
        settings={"portal": True, **(settings or {})},
        download=client.download,
        fetch=client.json,
        fetch_list=client.items,
        data_keys=data_keys(data),
        jobs=jobs,
        forking=forking,
    )


def data_keys(data: dict) -> dict[str, frozenset[str]]:
    """``DATA_KEYS`` with the portal home's keys as its answers named them, in all locales."""
    home: set[str] = set()
    for values in data.values():
        home |= getattr(values["portal"], "resource_keys", None) or {deps.ANY}
    return {**DATA_KEYS, "portal": frozenset(home)}


def code_hash(site: Site) -> str:
    """What every page depends on besides the API: the code, templates, catalogues and static
    files of the engine and the plugins, the locales, settings and base URL, and the date
    (pages show what is upcoming)."""
    plugins = [site.theme, *site.plugins]
    return deps.code_hash(
        ["sites.engine", __name__, *(plugin.package for plugin in plugins)],
        {
            "plugins": [plugin.name for plugin in plugins],
            "locales": [vars(locale) for locale in site.locales],
            "settings": dict(site.settings),
            "base_url": site.base_url,
            "today": datetime.datetime.now(TIME_ZONE).date().isoformat(),
        },
    )


def build_portal(
    client: ApiClient,
    root: Path,
    *,
    base_url: str = "",
    registry: Registry | None = None,
    locales: list[Locale] | None = None,
    changes: Iterable[str] | None = None,
    jobs: int = 1,
) -> BuildReport:
    """Build the portal into ``<root>/portal/``; only files whose content changed are written
    (the others are hard-linked from the live release).

    With ``changes`` (resource keys, ``sites.engine.deps``) the build is incremental: API reads
    the changes did not touch come from the live release, and only the pages that read a
    changed resource are rendered again (in every locale); the rest is hard-linked unrendered.
    Every page is rendered when ``changes`` is None (a full build), when the code, settings,
    locales or date differ from the live release's (``code_hash``) or when its build had
    errors.

    ``jobs`` processes share the locales of a full build (``sites.engine.parallel``; 0: one
    per core); the files are the same as one process builds. An incremental build renders in
    this process alone: after five clubs' news at 72 clubs (104 pages in 13 locales) two
    processes took 0.74 s of CPU against 0.52 s for one, and finished 0.03 s sooner, while a
    task worker beside them needed the other core for the clubs' homepages."""
    directory = SiteDirectory(Path(root), DIRECTORY_NAME)
    previous = directory.manifest()
    meta = previous["meta"]
    live = directory.live_release()
    changes = frozenset(changes) if changes is not None else None
    store = deps.ResponseStore(live, meta.get("responses", {}), changes)
    client.responses = store
    try:
        client.read_changed_shares()  # once, not once in each process the locales go to
        planned = (
            changes is not None
            and deps.ANY not in changes
            and not meta.get("errors")
            and bool(meta.get("pages"))
        )
        site = make_site(
            client,
            base_url=base_url,
            registry=registry,
            locales=locales,
            jobs=1 if planned else jobs,
        )
        code = code_hash(site)
        if planned and meta.get("code") == code:
            site.plan = deps.Plan(
                changes, meta["pages"], previous["files"], meta.get("collected", {})
            )
        else:  # everything is rendered: the locales go to ``jobs`` processes
            site.jobs = jobs
        files, assets = render_site(site, meta.get("assets", {}), directory.read_live)
    finally:
        client.responses = None
    files.extend(OutputFile(path, body) for path, body in store.new.items())
    report = directory.write(
        files,
        meta={
            "assets": assets,
            "errors": site.errors,
            "code": code,
            "pages": site.pages,
            "collected": site.collected,
            "responses": store.index,
        },
        carry=site.carried | store.kept,
        previous_manifest=previous,
    )
    report.errors = site.errors
    report.incremental = site.plan is not None
    report.rendered = sorted(set(site.pages) - site.carried)
    report.spliced = store.spliced
    report.unrun = sorted(site.unrun)
    return report
