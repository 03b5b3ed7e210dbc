"""Assembling one site from plugins: which pages exist in which locale, rendered to files.

The engine knows no plugin by name: a site kind (``sites/club``, ``sites/portal``) hands it the
data, the theme and the enabled plugins; every plugin contributes pages, a home-page section
and extra files. A plugin that fails while rendering is reported and left out; the rest of the
site still builds.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from markupsafe import escape

from . import cards, deps, offline, parallel
from .builder import OutputFile
from .i18n import Translator, translations
from .plugins import PageSpec, Plugin
from .rendering import make_environment, page_file, relative
from .share import og_locale, share_links

logger = logging.getLogger(__name__)


@dataclass
class Locale:
    code: str
    name: str
    direction: str = "ltr"
    # "reviewed", or "draft" while no native speaker has checked the catalogues: the theme
    # then shows visitors a short note (in the locale) on every page.
    review: str = "reviewed"

    @property
    def is_draft(self) -> bool:
        return self.review == "draft"


def locale_from_api(item: Mapping[str, Any]) -> Locale:
    """A locale as the API describes it (``/api/v1/locales/``, a bundle's ``locales``)."""
    return Locale(
        item["code"],
        item.get("name") or item["code"],
        item.get("direction", "ltr"),
        item.get("review", "reviewed"),
    )


@dataclass
class Site:
    kind: str
    name: str
    title: str  # the site's name (in the default locale)
    locales: list[Locale]
    data: Mapping[str, Mapping[str, Any]]  # locale code → API data in that locale
    theme: Plugin
    plugins: list[Plugin]  # enabled plugins, in the order of their home-page sections
    base_url: str = ""  # absolute URL the site is served at, for sitemap and feeds
    settings: Mapping[str, Any] = field(default_factory=dict)
    download: Callable[[str], bytes] | None = None
    # Further API reads a plugin needs beyond ``data`` (e.g. expanded event occurrences):
    # ``fetch(path, params)`` returns the decoded JSON.
    fetch: Callable[[str, dict | None], Any] | None = None
    # Every item of a paginated list, ``fetch_list(path, params, most)`` (``ApiClient.items``:
    # kept whole between builds, merged from the changed clubs' shares where it can be), or
    # only some clubs' items of it with the keyword ``clubs`` (slugs); without it
    # ``sites.engine.kit.api.fetch_all`` reads page by page through ``fetch``.
    fetch_list: Callable[..., list] | None = None
    # Admin preview: media stay at their (absolute) source URLs and static assets are linked
    # under ``static_base`` instead of being written into a site.
    preview: bool = False
    static_base: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    # The site's name in other locales (a club's translated name), where it has one.
    titles: Mapping[str, str] = field(default_factory=dict)
    # What plugins read once per build and share between their pages (e.g. event occurrences).
    memo: dict[Any, Any] = field(default_factory=dict)
    # Across builds: what plugins kept from the previous build of this site (``previous``,
    # from its manifest), what they keep from this one (``keep``, written to the manifest), and
    # the previous release's files (``read_previous(path)``), so a plugin whose inputs did not
    # change can reuse its reads instead of repeating them.
    previous: Mapping[str, Any] = field(default_factory=dict)
    keep: dict[str, Any] = field(default_factory=dict)
    read_previous: Callable[[str], bytes | None] | None = None
    # Incremental builds (``sites.engine.deps``): the resource keys of each key of ``data``
    # (unknown keys count as ``deps.ANY``); the previous build's pages and what changed since
    # (``plan``; None renders every page); after rendering, this build's pages
    # (file → {"deps", "shape", "assets"}) and the files taken unchanged from the previous
    # release (``carried``: its pages and the assets they use).
    data_keys: Mapping[str, frozenset[str]] = field(default_factory=dict)
    plan: deps.Plan | None = None
    pages: dict[str, dict] = field(default_factory=dict)
    carried: set[str] = field(default_factory=set)
    # "<locale>/<plugin>" → what the plugin read collecting its pages and the pages it gave
    # (``deps.Plan.collected`` of the next build).
    collected: dict[str, dict] = field(default_factory=dict)
    # Of those, the ones taken from the live release without running the plugin.
    unrun: set[str] = field(default_factory=set)
    # The "<locale>/<plugin>" run again without ``LocaleView.unchanged``, because a page it
    # gave as it was had to be rendered after all.
    uncarried: set[str] = field(default_factory=set, repr=False)
    # Processes a build shares its locales between (``sites.engine.parallel``; 0: one per
    # core), and how it may fork (``ApiClient.forking``). One process without ``forking``.
    jobs: int = 1
    forking: parallel.Forking | None = None

    @property
    def default_locale(self) -> str:
        return self.locales[0].code

    def title_in(self, code: str) -> str:
        """The site's name on the pages of locale ``code``."""
        return self.titles.get(code) or self.title


@dataclass
class LocaleView:
    """What a plugin sees of a site while contributing pages in one locale."""

    site: Site
    locale: Locale
    # The plugin whose pages are being collected ("<locale>/<plugin>"; set by ``_collect``).
    collecting: str | None = field(default=None, repr=False)

    @property
    def data(self) -> Mapping[str, Any]:
        return deps.TrackedData(self.site.data[self.locale.code], self.site.data_keys)

    @property
    def settings(self) -> Mapping[str, Any]:
        return self.site.settings

    @functools.cached_property
    def translator(self) -> Translator:
        """The site's merged catalogues in this locale, for text a plugin computes in Python."""
        packages = catalog_packages([self.site.theme, *self.site.plugins])
        return Translator(translations(packages, self.locale.code))

    def gettext(self, message: str, /, **params) -> str:
        return self.translator.gettext(message, **params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params) -> str:
        return self.translator.ngettext(singular, plural, n, **params)

    def unchanged(self, path: str, filename: str = "index.html") -> PageSpec | None:
        """The page at ``path`` as the live release's build gave it, when this build is
        incremental and nothing that page read or showed changed since: the plugin may
        yield it instead of making it again, without reading what its context needs (a
        profile among a thousand, when one club published news). None when the page must be
        made. Should it have to be rendered after all (the menus or the page's language
        versions changed), the engine runs the plugin again in this locale, and then this
        gives None."""
        plan = self.site.plan
        key = self.collecting
        if plan is None or key is None or key in self.site.uncarried:
            return None
        file = f"{self.locale.code}/{page_file(path, filename)}"
        page = plan.pages.get(file)
        if page is None or not plan.has(file) or deps.affected(page["deps"], plan.changes):
            return None
        summary = plan.summary(key, path, filename)
        if summary is None:
            return None
        return UnchangedPage(**_summary_fields(summary), deps=tuple(page["deps"]))


# The folder of a built site that holds its copied images. Not ``media/``: the CMS serves the
# portal at ``/`` of the host whose ``/media/`` belongs to Django's uploads (and is refused
# outright by the production proxy, docs/deploy.md), so a site's own files must not live there.
ASSET_DIR = "_media"


class Assets:
    """Images and other media the pages use, downloaded once each and stored under
    content-hashed names in ``ASSET_DIR``, so a changed image gets a new name and an unchanged
    one is taken from the previous release instead of downloaded again. Only assets some page
    uses are part of the build."""

    def __init__(
        self,
        download: Callable[[str], bytes] | None,
        known: Mapping[str, str],
        read_previous: Callable[[str], bytes | None] | None,
    ):
        self.download = download
        # source URL → site path, from the previous manifest (paths of an older layout dropped)
        self.known = {url: path for url, path in known.items() if path.startswith(f"{ASSET_DIR}/")}
        self.read_previous = read_previous or (lambda path: None)
        self.files: dict[str, bytes] = {}
        self.downloads = 0

    def path_for(self, url: str) -> str:
        path = self.known.get(url)
        if path is not None:
            if path in self.files:
                return path
            content = self.read_previous(path)
            if content is not None:
                self.files[path] = content
                return path
        if self.download is None:
            raise LookupError(f"No way to download {url}")
        content = self.download(url)
        self.downloads += 1
        extension = posixpath.splitext(url.split("?")[0])[1].lower()
        path = f"{ASSET_DIR}/{hashlib.sha256(content).hexdigest()[:20]}{extension}"
        self.files[path] = content
        self.known[url] = path
        return path

    def generated(self, path: str, make: Callable[[], bytes]) -> str:
        """A file the build draws itself (``cards``), named by a hash of its inputs: taken
        from the previous release when it is there, else made."""
        if path not in self.files:
            self.files[path] = self.read_previous(path) or make()
        return path

    def manifest(self) -> dict[str, str]:
        return {url: path for url, path in self.known.items() if path in self.files}


ENGINE_PACKAGE = "sites.engine"
# The share box's script and style (``engine/share.html``), written into every site.
SHARE_FILES = ("share.js", "share.css")
# Fonts for scripts a device may lack (``static/fonts.css``), written into every site, previews
# included.
FONT_FILES = (
    "fonts.css",
    "NotoSansEthiopic-Regular.woff",
    "NotoSansEthiopic-Bold.woff",
    "LICENSE-NotoSansEthiopic",
)


def catalog_packages(plugins: list[Plugin]) -> list[str]:
    """Whose catalogues a site's pages are translated with: the engine's, then every plugin's
    (theme first), in the site's order."""
    return list(dict.fromkeys([ENGINE_PACKAGE, *(plugin.package for plugin in plugins)]))


def render_site(
    site: Site,
    previous_assets: Mapping[str, str] | None = None,
    read_previous: Callable[[str], bytes | None] | None = None,
) -> tuple[list[OutputFile], dict]:
    """Render every page of every locale; return the files and the asset map for the manifest."""
    plugins = [site.theme, *site.plugins]
    template_dirs = [p.template_dir for p in plugins]
    catalogs = catalog_packages(plugins)
    envs = {
        locale.code: make_environment(template_dirs, catalogs, locale.code)
        for locale in site.locales
    }
    assets = Assets(site.download, previous_assets or {}, read_previous)

    reads: dict[int, PageReads] = {}  # id(spec) → what it read before rendering
    memo: dict = {}  # the keys of the objects in the pages' contexts (``deps.context_keys``)
    found: dict[str, list[PageSpec]] = {}  # "<locale>/<plugin>" → its pages
    unrun: set[str] = set()  # of those, taken from the live release without running the plugin
    # Of ``found``, the pages another process collected: here without their context.
    elsewhere: set[str] = set()
    views = {locale.code: LocaleView(site, locale) for locale in site.locales}

    def collect(key: str, plugin: Plugin, view: LocaleView) -> None:
        try:
            pages, read = _collect(plugin, view, reads, memo)
        except Exception as exc:  # noqa: BLE001 - report and skip a failing plugin
            _fail(site, plugin, exc)
            return
        found[key] = pages
        site.collected[key] = {"reads": sorted(read), "pages": [_summary(s) for s in pages]}

    def collect_locales(codes: list[str]) -> tuple[dict, None]:
        """Every plugin's pages in the locales ``codes``; for the other processes, what they
        need of them: the pages without their contexts (``site.collected``), which plugins
        were taken unrun and which failed."""
        errors = dict(site.errors)
        for code in codes:
            for plugin in plugins:
                if plugin.pages is None or plugin.name in site.errors:
                    continue
                key = f"{code}/{plugin.name}"
                unchanged = _unchanged_pages(site, code, key)
                if unchanged is not None:
                    found[key] = unchanged
                    unrun.add(key)
                    site.collected[key] = site.plan.collected[key]
                    for spec in unchanged:
                        reads[id(spec)] = PageReads(frozenset(), {})
                    continue
                collect(key, plugin, views[code])
        keys = [key for key in found if key.partition("/")[0] in codes]
        shared = {
            "collected": {key: site.collected[key] for key in keys},
            "unrun": {key for key in unrun if key in keys},
            "errors": {name: error for name, error in site.errors.items() if name not in errors},
        }
        return shared, None

    def take(parts: list[dict]) -> None:
        """What the other processes collected, their pages without context."""
        for part in parts:
            for name, error in part["errors"].items():
                site.errors.setdefault(name, error)
            unrun.update(part["unrun"])
            for key, entry in part["collected"].items():
                if key in found:
                    continue
                site.collected[key] = entry
                found[key] = [_shallow(summary) for summary in entry["pages"]]
                elsewhere.add(key)
                if key in unrun:  # as ``collect_locales`` takes them
                    for spec in found[key]:
                        reads[id(spec)] = PageReads(frozenset(), {})

    def specs_now() -> dict[str, list]:
        return {
            locale.code: [
                (plugin, spec)
                for plugin in plugins
                for spec in found.get(f"{locale.code}/{plugin.name}", [])
            ]
            for locale in site.locales
        }

    def render_locales(codes: list[str], _state, parts: list[dict]) -> dict:
        take(parts)
        errors = dict(site.errors)
        known, files, downloads = dict(assets.known), set(assets.files), assets.downloads
        stale: set[str] = set()
        site.pages, site.carried = {}, set()
        specs = specs_now()
        outputs = _render_all(envs, site, specs, assets, reads, memo, unrun, stale, codes)
        if not stale and len(site.errors) == len(errors):
            outputs.update(_locale_files(envs, site, specs, assets, codes))
        return {
            "outputs": outputs,
            "pages": site.pages,
            "carried": site.carried,
            "stale": stale,
            "errors": {name: error for name, error in site.errors.items() if name not in errors},
            "known": {url: path for url, path in assets.known.items() if known.get(url) != path},
            "files": {path: assets.files[path] for path in assets.files.keys() - files},
            "downloads": assets.downloads - downloads,
            "process": os.getpid(),
        }

    # The locales are shared between processes: each collects its locales' pages, learns the
    # others' pages (for the menus and language versions) and renders its own.
    groups = parallel.groups_of([locale.code for locale in site.locales], site.jobs)
    parts = parallel.fork_steps(collect_locales, render_locales, groups, site.forking)
    outputs, pages, stale = {}, {}, set()
    site.carried = set()
    for part in parts:
        if part["process"] != os.getpid():  # a forked process's: not here yet
            for name, error in part["errors"].items():
                site.errors.setdefault(name, error)
            assets.known.update(part["known"])
            assets.files.update(part["files"])
            assets.downloads += part["downloads"]
        outputs.update(part["outputs"])
        pages.update(part["pages"])
        site.carried |= part["carried"]
        stale |= part["stale"]
    order = {locale.code: index for index, locale in enumerate(site.locales)}
    by_locale = functools.partial(_locale_order, order)
    site.pages = {file: pages[file] for file in sorted(pages, key=by_locale)}
    outputs = {file: outputs[file] for file in sorted(outputs, key=by_locale)}
    specs = specs_now()
    if stale or any(part["errors"] for part in parts):
        # A plugin failed while rendering, or one taken unrun must run after all: the pages
        # are rendered again here, as one process does it, with the contexts of those
        # collected elsewhere collected here.
        for key in sorted(elsewhere - unrun):
            code, _sep, name = key.partition("/")
            found.pop(key, None)
            collect(key, next(p for p in plugins if p.name == name), views[code])
        outputs, specs = _render_alone(
            site, plugins, envs, assets, reads, memo, found, unrun, collect, views
        )
        outputs.update(_locale_files(envs, site, specs, assets, [lc.code for lc in site.locales]))
    site.unrun = unrun
    for plugin in plugins:
        if plugin.files is None or plugin.name in site.errors or site.preview:
            continue
        try:
            outputs.update(plugin.files(site))
        except Exception as exc:  # noqa: BLE001
            _fail(site, plugin, exc)
    outputs.update(_site_files(envs, site, specs, assets))
    files = [OutputFile(path, content) for path, content in outputs.items()]
    for plugin in plugins:
        if plugin.name not in site.errors:
            files.extend(OutputFile(p, c) for p, c in plugin.static_files().items())
    files.extend(OutputFile(path, content) for path, content in assets.files.items())
    asset_map = assets.manifest()
    if site.carried:
        # Assets of the pages taken from the previous release stay, under their names.
        site.carried -= set(assets.files)
        previous = {path: url for url, path in assets.known.items()}
        asset_map.update({previous[path]: path for path in site.carried if path in previous})
    return files, asset_map


def _render_alone(site, plugins, envs, assets, reads, memo, found, unrun, collect, views):
    """Render every locale in this process. A plugin failing during rendering is dropped and
    the pages rendered again without it, so no page links to a section that was left out. A
    plugin taken unrun whose pages must be rendered after all (another plugin's changed pages
    changed the menus) is run, and the pages rendered again."""
    codes = [locale.code for locale in site.locales]
    while True:
        failures = len(site.errors)
        specs = {
            code: [
                (plugin, spec)
                for plugin in plugins
                for spec in found.get(f"{code}/{plugin.name}", [])
            ]
            for code in codes
        }
        stale: set[str] = set()
        site.pages, site.carried = {}, set()
        outputs = _render_all(envs, site, specs, assets, reads, memo, unrun, stale, codes)
        if stale:
            for key in stale:
                unrun.discard(key)
                code, _sep, name = key.partition("/")
                found.pop(key, None)
                collect(key, next(p for p in plugins if p.name == name), views[code])
            continue
        if len(site.errors) == failures:
            return outputs, specs


def _locale_order(order: dict[str, int], file: str) -> int:
    return order.get(file.partition("/")[0], len(order))


def _shallow(summary: dict) -> PageSpec:
    """A page from its summary (``_summary``), without its context: as another process
    collected it, or as the live release's build gave it."""
    return PageSpec(**_summary_fields(summary))


def _summary_fields(summary: dict) -> dict:
    fields = {name: value for name, value in summary.items() if name != "own"}
    return {**fields, "own_reads_only": summary["own"]}


@dataclass(frozen=True)
class UnchangedPage(PageSpec):
    """A page its plugin gave as the live release's build gave it (``LocaleView.unchanged``):
    no context, and the live release's dependency keys of the page, which count as read by
    the plugin."""

    deps: tuple[str, ...] = ()


@dataclass
class PageReads:
    """What one page read while its plugin collected it (``_collect``). ``base``: the reads
    themselves (a page with ``own_reads_only``: those since the plugin's previous page, lists
    over all clubs aside); ``keys()`` adds the resources its context names and, for
    ``own_reads_only``, its clubs' shares of the lists the plugin read. The context is walked
    only for a page that is rendered or compared: one whose reads did not change is the page
    of the live release, context and all (its plugin made it from the same reads)."""

    base: frozenset[str]
    context: Mapping[str, Any]
    lists: frozenset[str] | None = None  # own_reads_only: what the plugin had read until then
    # Given by its plugin as it was (``LocaleView.unchanged``): no context to render it from.
    unchanged: bool = False

    def keys(self, memo: dict) -> set[str]:
        found = set(self.base) | deps.context_keys(self.context, memo=memo)
        if self.lists is not None:
            found |= deps.narrow(self.lists, found)
        return found


def _summary(spec: PageSpec) -> dict:
    """A spec without its context: what the site's other pages and files use of it."""
    fields = ("path", "template", "title", "in_sitemap", "filename", "menu", "label")
    return {name: getattr(spec, name) for name in fields} | {"own": spec.own_reads_only}


def _unchanged_pages(site: Site, code: str, key: str) -> list[PageSpec] | None:
    """The pages a plugin gave in the live release's build in one locale, when nothing it
    read then (collecting them, or rendering any of them) changed since: the plugin would give
    the same pages again, so it is not run. None when it must run."""
    plan = site.plan
    entry = plan.collected.get(key) if plan is not None else None
    if entry is None or deps.affected(entry["reads"], plan.changes):
        return None
    specs = []
    for summary in entry["pages"]:
        file = f"{code}/{page_file(summary['path'], summary['filename'])}"
        page = plan.pages.get(file)
        if page is None or not plan.has(file) or deps.affected(page["deps"], plan.changes):
            return None
        specs.append(_shallow(summary))
    return specs


def _collect(
    plugin: Plugin, view: LocaleView, reads: dict[int, PageReads], memo: dict
) -> tuple[list[PageSpec], set[str]]:
    """The plugin's pages in one locale, each with what was read for it (``PageReads``): what
    the plugin read in this locale until it yielded the page (a spec's context is complete
    when yielded), and the resources its context names. A page with ``own_reads_only`` takes
    only the reads since the plugin's previous page and its clubs' shares of the lists the
    plugin read (``sites.engine.deps.narrow``)."""
    before: set[str] = set()
    found: list[PageSpec] = []
    view.collecting = f"{view.locale.code}/{plugin.name}"
    try:
        pages = iter(plugin.pages(view))
        while True:
            own: set[str] = set()
            with deps.recording(before, own):
                try:
                    spec = next(pages)
                except StopIteration:
                    break
            found.append(_with_reads(view.site, spec, reads, before, own))
    finally:
        view.collecting = None
    return found, before


def _with_reads(
    site: Site, spec: PageSpec, reads: dict[int, PageReads], before: set[str], own: set[str]
) -> PageSpec:
    """Note what ``spec`` read (``_collect``). A page given as it was (``LocaleView.unchanged``)
    keeps the live release's keys, which also count as read by its plugin."""
    if isinstance(spec, UnchangedPage):
        before.update(spec.deps)
        reads[id(spec)] = PageReads(frozenset(), {}, unchanged=True)
    elif spec.own_reads_only:
        reads[id(spec)] = PageReads(
            frozenset(key for key in own if not key.endswith(":*")),
            spec.context,
            frozenset(before),
        )
    else:
        reads[id(spec)] = PageReads(frozenset(before), spec.context)
    return spec


def _shape(menus: dict, alternates: list[str], spec: PageSpec) -> str:
    """What a page shows of the site's other pages (menus, language versions) and of its spec
    besides the context: a page whose shape changed is rendered again."""
    shown = [menus, alternates, spec.template, spec.title]
    text = orjson.dumps(shown, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(text).hexdigest()[:20]


def _render_all(envs, site, specs, assets, reads, memo, unrun, stale, codes) -> dict[str, bytes]:
    """The pages of the locales ``codes`` rendered, or taken from the live release where
    nothing they show changed (into ``site.pages`` and ``site.carried``)."""
    active = {
        code: [(p, s) for p, s in items if p.name not in site.errors]
        for code, items in specs.items()
    }
    paths_by_locale = {
        code: {page_file(s.path, s.filename) for _p, s in items} for code, items in active.items()
    }
    outputs: dict[str, bytes] = {}
    plan = site.plan
    for locale in site.locales:
        if locale.code not in codes:
            continue
        view = LocaleView(site, locale)
        menus = _menus(active.get(locale.code, []), locale.code)
        for plugin, spec in active.get(locale.code, []):
            file = f"{locale.code}/{page_file(spec.path, spec.filename)}"
            rest = file.partition("/")[2]
            versions = [o.code for o in site.locales if rest in paths_by_locale.get(o.code, ())]
            shape = _shape(menus, versions, spec)
            read = reads.get(id(spec))
            base = read.base if read is not None else {deps.ANY}
            before = plan.pages.get(file) if plan is not None else None
            known = before is not None and before["shape"] == shape and plan.has(file)
            if known and not deps.affected([*before["deps"], *base], plan.changes):
                site.pages[file] = before
                site.carried.add(file)
                site.carried.update(before["assets"])
                continue
            key = f"{locale.code}/{plugin.name}"
            if key in unrun or (read is not None and read.unchanged):
                # Taken without running its plugin, or given by it as it was, but it must be
                # rendered: run the plugin (again), making every page.
                site.uncarried.add(key)
                stale.add(key)
                continue
            # A page that read something changed but whose context came out the same (a
            # newsroom page the changed item is not on) is the same page, unless what its
            # template read while rendering changed too.
            context = _fingerprint(spec.context)
            if (
                known
                and before.get("context") == context
                and not deps.affected(before.get("rendered", [deps.ANY]), plan.changes)
            ):
                # The same context names the same resources: the live release's keys hold,
                # with what the plugin read for it this time.
                site.pages[file] = {**before, "deps": sorted(set(before["deps"]) | base)}
                site.carried.add(file)
                site.carried.update(before["assets"])
                continue
            keys = read.keys(memo) if read is not None else {deps.ANY}
            used: list[str] = []
            rendered: set[str] = set()
            try:
                with deps.recording(rendered):
                    outputs[file] = _render_page(
                        envs[locale.code],
                        site,
                        view,
                        plugin,
                        spec,
                        file,
                        assets,
                        menus,
                        paths_by_locale,
                        used,
                    )
            except Exception as exc:  # noqa: BLE001 - report and skip a failing plugin
                _fail(site, plugin, exc)
                return outputs
            site.pages[file] = {
                "plugin": plugin.name,
                "deps": sorted(keys | rendered),
                "rendered": sorted(rendered),
                "context": context,
                "shape": shape,
                "assets": sorted(set(used)),
            }
    return outputs


def _fingerprint(context: Mapping[str, Any]) -> str:
    """A hash of a page's context (what its plugin gave the template). Objects JSON does not
    know count by ``repr`` (an object without its own ``repr`` names its address, so a page
    with one is never taken as unchanged); dates by their ISO text."""
    try:
        text = orjson.dumps(context, default=repr, option=_FINGERPRINT)
    except TypeError:  # what orjson refuses (an integer beyond 64 bits, nesting beyond 254)
        try:
            text = json.dumps(context, sort_keys=True, default=repr).encode()
        except TypeError:
            text = json.dumps(context, default=repr).encode()
    return hashlib.sha256(text).hexdigest()[:24]


_FINGERPRINT = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def _menus(items, code: str) -> dict[str, list[dict]]:
    menus: dict[str, list[dict]] = {"main": [], "footer": []}
    for _plugin, spec in items:
        if spec.menu in menus:
            file = f"{code}/{page_file(spec.path, spec.filename)}"
            menus[spec.menu].append({"label": spec.label or spec.title, "file": file})
    return menus


def _site_files(envs, site, specs, assets) -> dict[str, bytes]:
    """What every site has whatever its plugins: an entry page that forwards to the default
    locale, a 404 page, robots.txt and sitemap.xml."""
    default = site.default_locale
    entry = f"{default}/index.html"
    title = escape(site.title)
    redirect = (
        f'<!DOCTYPE html><html lang="{default}"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={entry}">'
        f"<title>{title}</title></head>"
        f'<body><p><a href="{entry}">{title}</a></p></body></html>'
    )
    files = {"index.html": redirect.encode()}
    view = LocaleView(site, site.locales[0])
    not_found = PageSpec(path="", template="404.html", filename="404.html")
    active = [(p, s) for p, s in specs.get(default, []) if p.name not in site.errors]
    menus = _menus(active, default)
    files["404.html"] = _render_page(
        envs[default], site, view, site.theme, not_found, "404.html", assets, menus, {}
    )
    base = site.base_url.rstrip("/")
    robots = "User-agent: *\nAllow: /\n"
    if base:
        robots += f"Sitemap: {base}/sitemap.xml\n"
        urls = [
            f"{base}/{code}/{page_file(spec.path, spec.filename)}"
            for code, items in specs.items()
            for plugin, spec in items
            if spec.in_sitemap and plugin.name not in site.errors
        ]
        entries = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in sorted(set(urls)))
        files["sitemap.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n'
        ).encode()
    files["robots.txt"] = robots.encode()
    for name in FONT_FILES:
        files[f"static/engine/{name}"] = (offline.STATIC / name).read_bytes()
    if not site.preview:
        files.update(_offline_files(envs, site, specs, assets))
        for name in SHARE_FILES:
            files[f"static/engine/{name}"] = (offline.STATIC / name).read_bytes()
    return files


def _locale_files(envs, site, specs, assets, codes) -> dict[str, bytes]:
    """Each locale's own pages besides the plugins': the note shown offline
    (``sites/engine/offline.py``) and the 404 page, which the CMS serves for a missing path
    in that locale's folder (``cms/homepages/views.py``). Rendered by the process that renders
    the locale (``sites.engine.parallel``)."""
    files = {}
    if site.preview:
        return files
    for locale in site.locales:
        code = locale.code
        if code not in codes:
            continue
        active = [(p, s) for p, s in specs.get(code, []) if p.name not in site.errors]
        menus = _menus(active, code)
        view = LocaleView(site, locale)
        for template, filename in (
            ("engine/offline.html", offline.OFFLINE_FILE),
            ("404.html", "404.html"),
        ):
            spec = PageSpec(path="", template=template, filename=filename)
            file = f"{code}/{filename}"
            files[file] = _render_page(
                envs[code], site, view, site.theme, spec, file, assets, menus, {}
            )
    return files


def _offline_files(envs, site, specs, assets) -> dict[str, bytes]:
    """The service worker, its registration and the web app manifest
    (``sites/engine/offline.py``); the note page of each locale is ``_locale_files``'."""
    menus_by_locale = {}
    files = {}
    for locale in site.locales:
        code = locale.code
        active = [(p, s) for p, s in specs.get(code, []) if p.name not in site.errors]
        menus_by_locale[code] = _menus(active, code)
    logo = site.settings.get("logo")
    icon = assets.path_for(logo) if logo else None
    files["sw.js"] = offline.worker(offline.worker_settings(site, menus_by_locale, ASSET_DIR))
    files["sw-register.js"] = offline.register_script()
    files["manifest.webmanifest"] = offline.manifest(site, icon)
    return files


def _fail(site: Site, plugin: Plugin, exc: Exception) -> None:
    site.errors[plugin.name] = f"{type(exc).__name__}: {exc}"
    logger.warning("Plugin %s failed on %s: %s", plugin.name, site.name, exc)


def _render_page(
    env, site, view, plugin, spec, file, assets, menus, paths_by_locale, used=None
) -> bytes:
    code = view.locale.code

    def url(path: str, filename: str = "index.html", locale: str | None = None) -> str:
        return relative(f"{locale or code}/{page_file(path, filename)}", file)

    def static(path: str) -> str:
        if site.static_base:
            return f"{site.static_base}{path}"
        return relative(f"static/{path}", file)

    def media(source: str | None) -> str:
        if not source:
            return ""
        if site.preview:
            return source
        path = assets.path_for(source)
        if used is not None:
            used.append(path)
        return relative(path, file)

    base = site.base_url.rstrip("/")
    canonical = f"{base}/{file}" if base else ""

    def absolute(site_path: str) -> str:
        """The public address of a file of the site; "" while the site's address is unknown
        (and in the admin preview), where a shared page can have no preview."""
        return f"{base}/{site_path}" if base and not site.preview else ""

    def absolute_media(source: str | None) -> str:
        if not source or not absolute("x"):
            return ""
        path = assets.path_for(source)
        if used is not None:
            used.append(path)
        return absolute(path)

    def card(title: str, subtitle: str = "", caption: str | None = None) -> str:
        """The address of a preview image drawn for this page (``cards``)."""
        if not absolute("x"):
            return ""
        inputs = {
            "title": title,
            "subtitle": subtitle or "",
            "caption": site.title_in(view.locale.code) if caption is None else caption,
            "direction": view.locale.direction,
            "primary": site.settings.get("primary_colour") or "",
            "accent": site.settings.get("accent_colour") or "",
        }
        path = assets.generated(
            f"{ASSET_DIR}/{cards.card_name(**inputs)}", lambda: cards.draw_card(**inputs)
        )
        if used is not None:  # a page taken unchanged into the next release keeps its card
            used.append(path)
        return absolute(path)

    def share(title: str, text: str = "") -> dict[str, str] | None:
        return share_links(canonical, title, text) if canonical and not site.preview else None

    _locale, _sep, rest = file.partition("/")
    alternates = [
        {"locale": other, "href": relative(f"{other.code}/{rest}", file)}
        for other in site.locales
        if rest and rest in paths_by_locale.get(other.code, set())
    ]
    template = env.get_template(spec.template)
    html = template.render(
        site=site,
        data=view.data,
        locale=view.locale,
        settings=site.settings,
        plugin=plugin,
        page_title=spec.title,
        site_title=site.title_in(view.locale.code),
        current_file=file,
        canonical=canonical,
        og_locale=og_locale,
        absolute=absolute,
        absolute_media=absolute_media,
        card=card,
        share_links=share,
        menus=menus,
        alternates=alternates,
        url=url,
        static=static,
        media=media,
        relative=lambda target: relative(target, file),
        **spec.context,
    )
    return html.encode("utf-8")
