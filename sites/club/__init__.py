"""The club site kind: one MSO's homepage, built from its bundle in every locale it has.

Which plugins a club site uses: the sections the club chose in the CMS, in its order, plus the
legal pages every German website needs. The theme is the club's choice among the installed
themes, falling back to the default one.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from pathlib import Path
from typing import Any

from sites.client import ApiClient, ApiError
from sites.engine import deps
from sites.engine.builder import BuildReport, SiteDirectory
from sites.engine.plugins import PageSpec, Plugin, Registry, discover
from sites.engine.site import Locale, Site, locale_from_api, render_site

KIND = "club"
DEFAULT_THEME = "theme_default"
DEFAULT_SECTIONS = ["about", "news", "events", "gallery", "projects", "contact", "cooperations"]
ALWAYS = ["legal"]


def home_pages(view):
    yield PageSpec(
        path="",
        template="club/home.html",
        title="",
        context={"json_ld": organisation_json_ld(view.data["club"], view.site.base_url)},
    )


def organisation_json_ld(club: dict, base_url: str) -> dict:
    """schema.org ``NGO`` for the home page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": club["name"],
        "description": club.get("short_description") or None,
        "foundingDate": str(club["founding_year"]) if club.get("founding_year") else None,
        "areaServed": club["municipality"]["name"] if club.get("municipality") else None,
        "knowsLanguage": [language["tag"] for language in club.get("languages", [])] or None,
        "memberOf": [{"@type": "Organization", "name": name} for name in club.get("umbrellas", [])]
        or None,
        "url": base_url or None,
        "sameAs": [
            u
            for u in (club.get("website"), club.get("facebook_url"), club.get("instagram_url"))
            if u
        ]
        or None,
    }
    address = club.get("address")
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address["street"],
            "postalCode": address["postal_code"],
            "addressLocality": address["city"],
            "addressCountry": "DE",
        }
    return {key: value for key, value in data.items() if value is not None}


home = Plugin(
    name="club_home",
    kinds=frozenset({KIND}),
    package=__name__,
    pages=home_pages,
)


def prepare(bundle: dict) -> dict:
    """Index the bundle's pages by type and by path for the templates."""
    by_type: dict[str, list[dict]] = defaultdict(list)
    for page in bundle["pages"]:
        by_type[page["type"]].append(page)
    return {
        **bundle,
        "by_type": dict(by_type),
        "by_path": {p["url_path"]: p for p in bundle["pages"]},
    }


def choose_plugins(registry: Registry, homepage: dict) -> tuple[Plugin, list[Plugin]]:
    themes = {p.name: p for p in registry.themes(KIND)}
    theme = (
        themes.get(homepage.get("theme"))
        or themes.get(DEFAULT_THEME)
        or next(iter(themes.values()))
    )
    sections = homepage.get("sections") or DEFAULT_SECTIONS
    names = [name for name in [*sections, *ALWAYS] if name not in {"club_home"}]
    plugins = []
    for name in dict.fromkeys(names):
        plugin = registry.get(name)
        if plugin is not None and KIND in plugin.kinds and not plugin.theme:
            plugins.append(plugin)
    return theme, [home, *plugins]


def locales_of(bundle: dict) -> list[Locale]:
    codes = bundle.get("locales") or [{"code": bundle["locale"], "direction": bundle["direction"]}]
    return [locale_from_api(item) for item in codes]


def bundle_params(registry: Registry, *, first: bool) -> dict[str, str]:
    """What the installed club plugins ask the bundle to carry (``Plugin.bundle_params``), so
    that a site costs one read per locale instead of one per plugin and locale. Asked of every
    installed plugin: the club's sections are known only from the bundle itself."""
    params: dict[str, str] = {}
    for plugin in registry.for_kind(KIND):
        if plugin.bundle_params is not None:
            params.update(plugin.bundle_params(first))
    return params


def code_hash(registry: Registry, base_url: str) -> str:
    """What every page of a club site depends on besides its bundle: the code, templates,
    catalogues and static files of the engine and of every installed club plugin and theme
    (which of them a club uses is known only from its bundle), and the base URL. A site whose
    bundle is unchanged is skipped only when this is the live release's too."""
    plugins = sorted(
        (plugin.name, plugin.package)
        for plugin in registry.plugins.values()
        if KIND in plugin.kinds
    )
    return _code_hash(tuple(plugins), base_url)


@functools.lru_cache(maxsize=16)
def _code_hash(plugins: tuple[tuple[str, str], ...], base_url: str) -> str:
    # Once per process, as the packages' files are hashed (``deps.package_hash``): code
    # changes reach a process only by starting it again (docs/deploy.md).
    packages = ["sites.engine", __name__, *(package for _name, package in plugins)]
    return deps.code_hash(packages, {"plugins": [name for name, _ in plugins], "base": base_url})


def build_club(
    client: ApiClient,
    slug: str,
    root: Path,
    *,
    base_url: str = "",
    registry: Registry | None = None,
    incremental: bool = False,
) -> BuildReport:
    """Build (or take down, if the club is not public) the homepage of one club into
    ``<root>/vereine/<slug>/``."""
    registry = registry or discover()
    directory = SiteDirectory(Path(root) / "vereine", slug)
    previous = directory.manifest()
    # Event pages show "the next dates", so a site built on another day is stale whatever
    # its bundle says.
    today = datetime.date.today().isoformat()
    code = code_hash(registry, base_url)
    live = previous["meta"]
    known_etag = (
        live.get("etag") if live.get("built_on") == today and live.get("code") == code else None
    )
    extras = bundle_params(registry, first=True)
    try:
        try:
            bundle, etag = client.club_bundle(
                slug, etag=known_etag if incremental else None, params=extras
            )
        except ApiError as exc:
            if exc.status != 400 or not extras:
                raise
            # An installation that does not know the extras: the plugins read on their own.
            extras = None
            bundle, etag = client.club_bundle(slug, etag=known_etag if incremental else None)
    except ApiError as exc:
        if exc.status == 404:
            directory.remove()
            return BuildReport(site=slug, skipped=True)
        raise
    if bundle is None:
        return BuildReport(site=slug, skipped=True, release=directory.live_release())
    locales = locales_of(bundle)
    data = {locales[0].code: prepare(bundle)}
    more = bundle_params(registry, first=False) if extras is not None else {}
    for locale in locales[1:]:
        data[locale.code] = prepare(
            client.json(f"/api/v1/clubs/{slug}/bundle/", {**more, "locale": locale.code})
        )
    homepage = bundle["homepage"]
    theme, plugins = choose_plugins(registry, homepage)
    site = Site(
        kind=KIND,
        name=slug,
        title=bundle["club"]["name"],
        titles={code: values["club"]["name"] for code, values in data.items()},
        locales=locales,
        data=data,
        theme=theme,
        plugins=plugins,
        base_url=base_url
        or (f"https://{homepage['own_domain']}/" if homepage.get("own_domain") else ""),
        settings=site_settings(slug, homepage),
        download=client.download,
        fetch=client.json,
        previous=previous["meta"].get("plugins") or {},
        read_previous=directory.live_reader(),
    )
    files, assets = render_site(site, previous["meta"].get("assets", {}), site.read_previous)
    meta = {
        "assets": assets,
        "etag": etag,
        "built_on": today,
        "code": code,
        "errors": site.errors,
        "plugins": site.keep,
    }
    report = directory.write(files, meta=meta)
    report.errors = site.errors
    return report


def render_preview(
    bundle: dict, url_path: str, *, static_base: str, fetch=None, registry=None
) -> str:
    """One page of a club site rendered from a bundle that carries draft content, for the
    admin preview: same templates, media linked at their source, nothing written."""
    registry = registry or discover()
    locale = locales_of(bundle)[0]
    theme, plugins = choose_plugins(registry, bundle["homepage"])
    site = Site(
        kind=KIND,
        name=bundle["club"]["slug"],
        title=bundle["club"]["name"],
        locales=[locale],
        data={locale.code: prepare(bundle)},
        theme=theme,
        plugins=plugins,
        settings={**site_settings(bundle["club"]["slug"], bundle["homepage"]), "preview": True},
        fetch=fetch,
        preview=True,
        static_base=static_base,
    )
    files, _assets = render_site(site)
    wanted = (
        f"{locale.code}/{url_path.strip('/')}/index.html"
        if url_path.strip("/")
        else f"{locale.code}/index.html"
    )
    for output in files:
        if output.path == wanted:
            return output.content.decode()
    errors = "; ".join(f"{name}: {error}" for name, error in site.errors.items())
    raise LookupError(f"No page at {url_path!r} in the preview ({errors or 'no plugin shows it'})")


def site_settings(slug: str, homepage: dict) -> dict[str, Any]:
    logo = homepage.get("logo")
    return {
        "slug": slug,
        "primary_colour": homepage.get("primary_colour") or "#1d4e89",
        "accent_colour": homepage.get("accent_colour") or "#b5121b",
        "logo": logo["renditions"]["thumbnail"]["url"] if logo else None,
        "cover_image": homepage.get("cover_image"),
    }
