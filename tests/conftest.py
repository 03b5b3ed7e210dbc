import shutil

import pytest
from django.conf import settings


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Uploaded and generated files go to per-test directories."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_BUILD_DIR = tmp_path / "site-build"
    yield
    shutil.rmtree(tmp_path / "media", ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (API responses, throttling counters)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def agency_user(db):
    from tests.factories import AgencyUserFactory

    return AgencyUserFactory()


@pytest.fixture
def club(db):
    from tests.factories import ClubFactory

    return ClubFactory()


@pytest.fixture
def other_club(db):
    from tests.factories import ClubFactory

    return ClubFactory()


@pytest.fixture
def build_club_site(db, settings):
    """Build a club's homepage in-process from the real API; returns the live release path."""
    from sites.client import ApiClient
    from sites.club import build_club

    def build(club, **kwargs):
        with ApiClient() as client:
            report = build_club(client, club.slug, settings.SITE_BUILD_DIR, **kwargs)
        assert not report.errors, report.errors
        return settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"

    return build


@pytest.fixture
def build_portal_site(db, settings):
    """Build the portal in-process from the real API; returns the live release path.
    ``locales`` (e.g. ``[LOCALES[0]]``) limits the build to fewer languages for speed."""
    from sites.client import ApiClient
    from sites.portal import build_portal

    def build(**kwargs):
        with ApiClient() as client:
            report = build_portal(client, settings.SITE_BUILD_DIR, **kwargs)
        assert not report.errors, report.errors
        return settings.SITE_BUILD_DIR / "portal" / "current"

    return build


def pytest_report_header(config):
    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture(scope="session")
def live_server(live_server):
    """pytest-django's live server, answering one request at a time where its threads share
    the test's connection (an in-memory SQLite database). Two requests at once on one
    connection mixed their savepoints: the journey's publish failed with "no such savepoint"
    while the edit page's own background request ran (seen in CI, 2026-12-07). Each request
    is answered whole, body included, before the next one starts."""
    import threading

    if not live_server.thread.connections_override:
        return live_server
    httpd = live_server.thread.httpd
    app = httpd.get_app()
    lock = threading.Lock()

    def one_at_a_time(environ, start_response):
        with lock:
            result = app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()

    httpd.set_app(one_at_a_time)
    return live_server
