"""The journey suite (issue 17): people's everyday journeys walked in Debian's Chromium
against the running CMS (pytest-django's ``live_server``, one per session), at 390 × 844 and
1280 × 800, with axe-core on every page passed and each page's response time recorded.

Data is made with the factories before a journey starts; during the journey the browser only
clicks and types, no ORM writes. Like ``tests/browser``, the tests carry the ``browser`` marker,
skip when Chromium is missing and fail instead under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest

from tests.browser.tools import Chromium, missing

from .walk import Report

HERE = Path(__file__).parent
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def journey_browser():
    """One headless Chromium for the session (its calls run in a thread of their own, so the
    test may read the database between steps)."""
    reason = Chromium.find()
    if reason:
        missing(reason)
    chromium = Chromium.launch()
    yield chromium.browser
    chromium.close()


SUMMARY = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def journey_report(request, tmp_path_factory):
    """Every page's times (the server's and the whole wait, ``walk.TIMING``), written as JSON
    to ``JOURNEY_REPORT`` (default: the session's temporary directory) at the end with the
    steps over a second; recorded, never asserted. The table is printed after the tests."""
    report = Report()
    yield report
    target = Path(
        os.environ.get("JOURNEY_REPORT") or tmp_path_factory.getbasetemp() / "journey-report.json"
    )
    target.write_text(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    request.config.stash[SUMMARY] = f"journey report: {target}\n{report.summary()}"


def pytest_terminal_summary(terminalreporter, config):
    summary = config.stash.get(SUMMARY, None)
    if summary:
        terminalreporter.write_sep("-", "journey page times")
        terminalreporter.write_line(summary)


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request):
    return request.param, VIEWPORTS[request.param]


@pytest.fixture
def journey_settings(settings, tmp_path):
    """Publishing rebuilds homepages at once (the immediate task backend of the tests) into
    the test's own build directory; links use the live server's address."""
    settings.HOMEPAGE_AUTO_REBUILD = True
    settings.PORTAL_AUTO_REBUILD = False
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_BUILD_DIR = tmp_path / "build"
    return settings


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed journey leaves a screenshot of where it stopped (``JOURNEY_SHOTS``)."""
    outcome = yield
    report = outcome.get_result()
    walk = getattr(item, "journey_walk", None)
    if report.when == "call" and report.failed and walk is not None:
        # The browser may be gone; the failure itself matters more than its picture.
        with contextlib.suppress(Exception):
            walk.page.screenshot(path=str(walk.shot_path("failed")), full_page=True)
