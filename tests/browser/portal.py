"""Shared pieces of the portal's browser tests (issue 5), for every portal plugin's tests.

The session fixtures ``built_portal`` and ``portal_server`` (tests/browser/conftest.py) build
the portal once from ``portal_world()`` and serve it at ``/`` as the CMS does. A plugin's own
test file checks its page types with the helpers here::

    from .portal import check_axe, check_valid_html, files_of_type

    def test_directory_is_valid_html(vnu, built_portal):
        check_valid_html(vnu, built_portal, files_of_type(built_portal, "vereine"))

``page_type`` names a page by its place in the portal: ``""`` for the home page, the first
path segment for a plugin's main page (``"vereine"``), with ``"/*"`` for the pages below it
(``"vereine/*"``, one per club). ``representatives`` picks one page per type and locale, which
is what the slow checks (axe) run on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_club_sites import FOREIGN_RESOURCES, LAYOUT, LOAD_EVERYTHING, report
from .tools import axe_violations, describe_violations, new_page

# The quality bars hold in German and in one right-to-left language; RTL is checked in both.
CHECKED_LOCALES = ["de", "ar"]
RTL_LOCALES = ["ar", "fa"]
PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class BuiltPortal:
    root: Path  # the live release: ``<build dir>/portal/current``
    build_dir: Path  # ``SITE_BUILD_DIR`` of the build (for a server using the real view)
    errors: dict  # plugin name → why it failed to render
    world: dict  # what ``portal_world`` made: slugs and names the tests refer to

    def html_files(self, locale: str | None = None) -> list[str]:
        """Site-relative paths of the HTML pages of one locale (with the 404 page for German),
        or of all locales with the entry page."""
        files = sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))
        if locale is None:
            return files
        own = [f for f in files if f.startswith(f"{locale}/")]
        return own + (["404.html"] if locale == "de" and "404.html" in files else [])


def page_type(file: str) -> str:
    """``de/index.html`` → ``""``, ``de/vereine/index.html`` → ``"vereine"``,
    ``de/vereine/kulturbruecke/index.html`` → ``"vereine/*"``; the 404 page is ``"404"``."""
    if "/" not in file:
        return file.removesuffix(".html")
    _locale, _sep, rest = file.partition("/")
    parts = rest.split("/")[:-1]
    if not parts:
        return ""
    return parts[0] + ("/*" if len(parts) > 1 else "")


def files_of_type(portal: BuiltPortal, kind: str, locale: str | None = None) -> list[str]:
    return [f for f in portal.html_files(locale) if page_type(f) == kind]


def representatives(portal: BuiltPortal, locale: str) -> list[str]:
    """One page per page type in ``locale`` (the first in path order)."""
    chosen: dict[str, str] = {}
    for file in portal.html_files(locale):
        chosen.setdefault(page_type(file), file)
    return list(chosen.values())


def check_valid_html(vnu, portal: BuiltPortal, files: list[str]) -> None:
    errors = vnu.errors([portal.root / file for file in files], root=portal.root)
    if errors:
        pytest.fail(
            f"The Nu HTML Checker found {len(errors)} error(s) in the portal:\n"
            + "\n".join(f"  {error}" for error in errors),
            pytrace=False,
        )


def check_axe(browser, server, files: list[str]) -> None:
    problems = {}
    with new_page(browser) as page:
        for file in files:
            page.goto(server.url(file))
            violations = axe_violations(page)
            if violations:
                problems[file] = describe_violations(violations)
    if problems:
        pytest.fail(report("axe-core violations (WCAG 2.1 AA, portal)", problems), pytrace=False)


def check_rtl_layout(browser, server, files: list[str]) -> None:
    """Right to left throughout, and nothing wider than a phone."""
    problems = {}
    with new_page(browser, viewport=PHONE) as page:
        for file in files:
            page.goto(server.url(file))
            layout = page.evaluate(LAYOUT)
            locale = file.split("/")[0]
            found = []
            if (layout["dir"], layout["lang"]) != ("rtl", locale):
                found.append(f'  <html lang="{layout["lang"]}" dir="{layout["dir"]}">')
            if layout["scrollWidth"] > layout["clientWidth"]:
                found.append(
                    f"  scrolls sideways: {layout['scrollWidth']} px wide at "
                    f"{layout['clientWidth']} px; sticking out: {', '.join(layout['stickingOut'])}"
                )
            if found:
                problems[file] = "\n".join(found)
    if problems:
        pytest.fail(report("Right-to-left layout problems (portal)", problems), pytrace=False)


def check_no_foreign_requests(browser, server, files: list[str]) -> dict[str, int]:
    """Fail on any request to another host; return the bytes of script each page loads
    (external files and inline scripts)."""
    current = {"file": ""}
    foreign: dict[str, list[str]] = {}
    scripts: dict[str, int] = {}

    def guard(route):  # runs in the browser thread
        url = route.request.url
        if url.startswith(f"{server.origin}/"):
            route.continue_()
        else:
            foreign.setdefault(current["file"], []).append(f"  request to {url}")
            route.abort()

    def count(response):  # runs in the browser thread
        if response.request.resource_type == "script" and response.ok:
            scripts[current["file"]] = scripts.get(current["file"], 0) + len(response.body())

    with new_page(browser) as page:
        page.context.route("**/*", guard)
        page.on("response", count)
        for file in files:
            current["file"] = file
            scripts.setdefault(file, 0)
            page.goto(server.url(file))
            page.evaluate(LOAD_EVERYTHING)
            inline = page.evaluate(
                "() => [...document.querySelectorAll('script:not([src])')]"
                ".reduce((n, s) => n + new TextEncoder().encode(s.textContent).length, 0)"
            )
            scripts[file] += inline
            for element in page.evaluate(FOREIGN_RESOURCES):
                foreign.setdefault(file, []).append(f"  loads from another host: {element}")
    problems = {file: "\n".join(sorted(set(lines))) for file, lines in foreign.items()}
    if problems:
        pytest.fail(report("Requests to other hosts (portal)", problems), pytrace=False)
    return scripts


def portal_world() -> dict:
    """The content the portal's quality bars are checked on, made with the test factories:
    the portal home and pages the migrations created, a rich club (news, events, a project, a
    gallery, Arabic translations; ``tests/browser/club.py``) and a plain second club. Plugins
    that need more add it here (keep it deterministic)."""
    from cms.clubs.models import ProjectPage
    from tests.factories import ClubFactory

    from .club import rich_club

    rich = rich_club("theme_default", "Kulturbrücke Portal e. V.")
    add_cafe_series()
    plain = ClubFactory(
        "Deutsch-Ukrainischer Verein Jülich e. V.",
        municipality_name="Jülich",
        countries=("UA",),
        languages=("uk", "de"),
    )
    # The plain club as the rich club's project partner: a long compound in a project's facts,
    # which must break between words (tests/browser/test_portal_calendar.py).
    project = ProjectPage.objects.get(slug="bruecken-fuer-kinder", locale__language_code="de")
    project.partner_clubs.set([plain])
    project.save_revision().publish()
    return {"clubs": [rich.slug, plain.slug], "rich_club": rich.slug, "plain_club": plain.slug}


def add_cafe_series() -> None:
    """The "Abende im Café" section on the German portal home: one past and two coming
    evenings (one in Arabic) in a step-free room."""
    import datetime
    import json

    from cms.portal.models import PortalHomePage
    from cms.rooms.models import Room
    from cms.taxonomy.models import Municipality

    room = Room.objects.create(
        name="Café International",
        location="Rurufer 12, 52349 Düren",
        municipality=Municipality.objects.get(slug="dueren"),
        capacity=40,
        step_free=True,
    )
    today = datetime.date.today()
    evenings = [
        (-7, "Rückblick", "de", None),
        (6, "Förderanträge", "ar", "20:00:00"),
        (20, "Vereinsrecht", "de", None),
    ]
    home = PortalHomePage.objects.get(locale__language_code="de")
    body = json.loads(json.dumps(list(home.body.raw_data)))
    body.append(
        {
            "type": "cafe_series",
            "value": {
                "title": "Abende im Café",
                "description": "<p>Information und Austausch für Vereine.</p>",
                "room": room.pk,
                "evenings": [
                    {
                        "date": (today + datetime.timedelta(days=days)).isoformat(),
                        "start_time": "18:00:00",
                        "end_time": end,
                        "topic": topic,
                        "language": language,
                    }
                    for days, topic, language, end in evenings
                ],
            },
        }
    )
    home.body = json.dumps(body)
    home.save_revision().publish()
