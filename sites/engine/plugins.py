"""Plugin registry: sections, widgets and themes discovered through Python entry points.

A plugin is a ``Plugin`` object exposed in the ``vereinsnetz.plugins`` entry-point group, so a
third party adds one with ``pip install``. The engine knows no plugin by name; a plugin that
fails to load is reported with its name and skipped.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .i18n import locale_dir

if TYPE_CHECKING:
    from .site import Site

ENTRY_POINT_GROUP = "vereinsnetz.plugins"
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    """One page a plugin contributes: where it goes, which template renders it, with what."""

    path: str  # site-relative directory, "" for the home page, e.g. "news" or "news/my-post"
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    title: str = ""
    in_sitemap: bool = True
    filename: str = "index.html"
    menu: str | None = None  # "main" or "footer": listed in that menu, in plugin order
    label: str = ""  # the menu label (already translated)
    # Incremental builds (``sites.engine.deps``): the page shows only what its own reads and
    # the items of its context name (e.g. one club's share of a list read for all clubs), so
    # it does not depend on every list its plugin read.
    own_reads_only: bool = False


@dataclass(frozen=True)
class Plugin:
    """What a plugin declares.

    - ``name``: unique; a club picks sections by this name.
    - ``kinds``: the site kinds it serves ("club", "portal").
    - ``needs``: the keys of the site data it reads (checked before rendering).
    - ``package``: the Python package holding its ``templates/``, ``static/`` and ``locale/``
      folders; ``locale/<lang>/LC_MESSAGES/messages.po`` (and ``.mo``) are its gettext
      catalogues, German the source language (``sites/engine/i18n.py``).
    - ``pages``: a function returning the pages it adds to a site.
    - ``section``: the template of its block on the home page, if it has one.
    - ``theme``: True for themes, which provide ``layout.html`` and CSS.
    - ``files``: a function returning extra non-HTML outputs ``{path: bytes}`` (feeds, …).
    - ``form_labels``: the fields of a form it renders, ``{field name: German message id}``,
      so an answer rendered outside the site (the CMS's error page for a form posted without
      script) names the fields as the form does.
    - ``requires``: the names of the plugins it needs (whose public functions it imports or
      whose pages it links to). The registry skips a plugin whose requirement is not
      installed and reports why in ``Registry.errors``.
    - ``bundle_params``: a function ``(first) -> {name: value}`` giving the query parameters
      with which a club site asks its bundle to carry what the plugin would otherwise read
      on its own (``first``: the bundle of the site's default locale, read first). The
      plugin must still work without them (an installation that does not know them).
    """

    name: str
    kinds: frozenset[str]
    package: str
    label: Mapping[str, str] = field(default_factory=dict)  # {locale: name}, e.g. Catalog.labels
    needs: tuple[str, ...] = ()
    pages: Callable[[Site], Iterable[PageSpec]] | None = None
    section: str | None = None
    theme: bool = False
    files: Callable[[Site], Mapping[str, bytes]] | None = None
    form_labels: Mapping[str, str] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    bundle_params: Callable[[bool], Mapping[str, str]] | None = None

    def label_in(self, locale: str) -> str:
        """Its name for people in ``locale`` (German, then its entry-point name, otherwise)."""
        return self.label.get(locale) or self.label.get("de") or self.name

    @property
    def template_dir(self) -> Path:
        return Path(str(importlib.resources.files(self.package) / "templates"))

    @property
    def locale_dir(self) -> Path:
        return locale_dir(self.package)

    @property
    def static_dir(self) -> Path:
        return Path(str(importlib.resources.files(self.package) / "static"))

    def static_files(self) -> dict[str, bytes]:
        """Static assets under ``static/<plugin name>/…`` in the built site. They ship with the
        code, so they are read once per process, not once per site."""
        key = (self.package, self.name)
        if key not in _STATIC_FILES:
            _STATIC_FILES[key] = self._read_static_files()
        return _STATIC_FILES[key]

    def _read_static_files(self) -> dict[str, bytes]:
        root = self.static_dir
        if not root.is_dir():
            return {}
        return {
            f"static/{self.name}/{path.relative_to(root).as_posix()}": path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }


_STATIC_FILES: dict[tuple[str, str], dict[str, bytes]] = {}


@dataclass
class Registry:
    plugins: dict[str, Plugin] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def for_kind(self, kind: str) -> list[Plugin]:
        return [p for p in self.plugins.values() if kind in p.kinds and not p.theme]

    def themes(self, kind: str) -> list[Plugin]:
        return [p for p in self.plugins.values() if kind in p.kinds and p.theme]

    def sections(self, kind: str) -> list[Plugin]:
        """The plugins of ``kind`` with a block on the home page: what a site of that kind
        may choose (the CMS offers them to a club's editors), in the order installed."""
        return [p for p in self.for_kind(kind) if p.section]

    def get(self, name: str) -> Plugin | None:
        return self.plugins.get(name)


@functools.cache
def installed() -> Registry:
    """The registry of the installed plugins, discovered once per process."""
    return discover()


def discover(group: str = ENTRY_POINT_GROUP) -> Registry:
    registry = Registry()
    for entry_point in entry_points(group=group):
        try:
            plugin = entry_point.load()
            if callable(plugin) and not isinstance(plugin, Plugin):
                plugin = plugin()
            if not isinstance(plugin, Plugin):
                raise TypeError(f"entry point gives {type(plugin).__name__}, not a Plugin")
            if plugin.name in registry.plugins:
                raise ValueError(f"another plugin is already called {plugin.name!r}")
        except Exception as exc:  # a broken plugin must never break the others
            registry.errors[entry_point.name] = f"{type(exc).__name__}: {exc}"
            logger.warning("Plugin %s failed to load: %s", entry_point.name, exc)
            continue
        registry.plugins[plugin.name] = plugin
    _drop_unmet_requirements(registry)
    return registry


def _drop_unmet_requirements(registry: Registry) -> None:
    """Skip every plugin that requires one not installed (or itself skipped), and say why."""
    changed = True
    while changed:
        changed = False
        for name, plugin in list(registry.plugins.items()):
            missing = [r for r in plugin.requires if r not in registry.plugins]
            if missing:
                del registry.plugins[name]
                registry.errors[name] = f"requires {', '.join(missing)}, which is not installed"
                logger.warning("Plugin %s skipped: it requires %s", name, ", ".join(missing))
                changed = True
