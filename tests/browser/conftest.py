"""Fixtures of the browser tests: one Chromium and one HTML checker for the session, and club
sites built once per theme and served over HTTP.

The tests of this folder are marked ``browser``; they skip when a tool is missing and fail
instead under ``CI=true`` (see ``tools.missing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sites.engine.plugins import discover

from .tools import Chromium, SiteServer, Vnu, missing

THEMES = ["theme_default", "theme_contrast"]


def pytest_collection_modifyitems(config, items):
    """Every test of this folder carries the ``browser`` marker."""
    folder = Path(__file__).parent
    for item in items:
        if folder in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser():
    """A Playwright ``Browser`` on Debian's headless Chromium, for the whole session.

    Its calls run in a thread of its own (``tools.BrowserThread``), so the tests may use the
    database between browser steps."""
    reason = Chromium.find()
    if reason:
        missing(reason)
    chromium = Chromium.launch()
    yield chromium.browser
    chromium.close()


@pytest.fixture(scope="session")
def vnu() -> Vnu:
    """The Nu HTML Checker; ``vnu.errors(files, root)`` checks many files in one run."""
    found = Vnu.find()
    if isinstance(found, str):
        missing(found)
    return found


@pytest.fixture(scope="session")
def built_sites_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("site-build")


@pytest.fixture(scope="session")
def site_server(built_sites_dir):
    """The built sites over HTTP at ``/vereine/<slug>/``, as the CMS serves them."""
    with SiteServer(built_sites_dir) as server:
        yield server


@dataclass(frozen=True)
class BuiltSite:
    theme: str
    slug: str
    root: Path  # the live release: ``<build dir>/vereine/<slug>/current``
    errors: dict  # plugin name → why it failed to render

    def html_files(self, locale: str | None = None) -> list[str]:
        """Site-relative paths of the HTML pages; of one locale (its folder, and the 404 page
        for the default locale), or all of them with the entry page."""
        files = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))
        if locale is None:
            return files
        own = [f for f in files if f.startswith(f"{locale}/")]
        return own + (["404.html"] if locale == "de" and "404.html" in files else [])


def _theme_param(theme: str):
    plugin = discover().get(theme)
    installed = plugin is not None and plugin.theme
    reason = f"the {theme} plugin is not installed (yet)"
    return pytest.param(theme, marks=() if installed else pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session", params=[_theme_param(theme) for theme in THEMES])
def built_demo_club(request, django_db_setup, django_db_blocker, built_sites_dir, tmp_path_factory):
    """A rich club (``club.rich_club``) in the given theme, built once per session.

    The data lives in a transaction that is rolled back once the site is built, so the other
    tests never see it; the built files stay for the session."""
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import override_settings

    from sites.client import ApiClient
    from sites.club import build_club

    from .club import rich_club

    theme = request.param
    name = str(connection.settings_dict["NAME"])
    assert "memorydb" in name or Path(name).name.startswith("test"), (
        f"no test database ({name}): mark the tests that build sites with django_db"
    )
    media = tmp_path_factory.mktemp(f"media-{theme}")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, SITE_BUILD_DIR=built_sites_dir),
        transaction.atomic(),
    ):
        club = rich_club(theme, f"Kulturbrücke {theme.removeprefix('theme_').title()} e. V.")
        with ApiClient() as client:
            report = build_club(client, club.slug, built_sites_dir)
        slug = club.slug
        transaction.set_rollback(True)
    cache.clear()
    root = built_sites_dir / "vereine" / slug / "current"
    return BuiltSite(theme, slug, root, dict(report.errors))


# --- The district portal (issue 5); helpers for its tests in tests/browser/portal.py ---------


@pytest.fixture(scope="session")
def built_portal(django_db_setup, django_db_blocker, built_sites_dir, tmp_path_factory):
    """The portal built once per session from ``portal.portal_world()`` in every locale.

    Like ``built_demo_club``, the data lives in a transaction rolled back after the build;
    the files stay for the session (``SITE_BUILD_DIR/portal/current``)."""
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import override_settings

    from sites.client import ApiClient
    from sites.portal import build_portal

    from .portal import BuiltPortal, portal_world

    name = str(connection.settings_dict["NAME"])
    assert "memorydb" in name or Path(name).name.startswith("test"), (
        f"no test database ({name}): mark the tests that build sites with django_db"
    )
    media = tmp_path_factory.mktemp("media-portal")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, SITE_BUILD_DIR=built_sites_dir),
        transaction.atomic(),
    ):
        world = portal_world()
        with ApiClient() as client:
            report = build_portal(client, built_sites_dir, base_url="http://127.0.0.1:8000/")
        transaction.set_rollback(True)
    cache.clear()
    root = built_sites_dir / "portal" / "current"
    return BuiltPortal(root, built_sites_dir, dict(report.errors), world)


@pytest.fixture(scope="session")
def portal_server(built_portal):
    """The built portal over HTTP at ``/``; ``portal_server.url("de/vereine/")``."""
    from .tools import PortalServer

    with PortalServer(built_portal.build_dir) as server:
        yield server
