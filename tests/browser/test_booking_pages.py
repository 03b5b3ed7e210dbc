"""The booking plugin's portal pages (rooms, free/busy calendar, request form) in German and
Arabic: valid HTML and no axe-core violations at WCAG 2.1 AA."""

from pathlib import Path

import pytest

from cms.rooms.models import BlockedPeriod
from plugins.booking import plugin as booking_plugin
from plugins.theme_default import plugin as theme
from sites.client import ApiClient
from sites.engine.site import Locale, Site, render_site
from tests.factories import ClubFactory, booking, local_time, room

from .tools import SiteServer, axe_violations, describe_violations, new_page

pytestmark = pytest.mark.django_db
SLUG = "portal-raeume"


@pytest.fixture
def booking_site(db, tmp_path) -> Path:
    cafe = room("Café International", capacity=40, equipment="Teeküche, Beamer")
    club = ClubFactory()
    booking(cafe, club, days_ahead=1, hour=10, status="confirmed")
    booking(cafe, club, days_ahead=1, hour=14)
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(2, 18), end=local_time(2, 22), reason="Abende im Café"
    )
    root = tmp_path / "vereine" / SLUG / "current"
    with ApiClient() as client:
        site = Site(
            kind="portal",
            name=SLUG,
            title="Vereinsnetz Kreis Düren",
            locales=[Locale("de", "Deutsch"), Locale("ar", "العربية", "rtl")],
            data={"de": {}, "ar": {}},
            theme=theme,
            plugins=[booking_plugin],
            fetch=client.json,
        )
        files, _assets = render_site(site)
    assert not site.errors, site.errors
    for file in files:
        target = root / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return root


def pages(root: Path, locale: str) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix() for p in (root / locale / "raeume").rglob("*.html")
    )


def test_booking_pages_are_valid_html(vnu, booking_site):
    files = pages(booking_site, "de") + pages(booking_site, "ar")
    assert len(files) == 4
    errors = vnu.errors([booking_site / f for f in files], root=booking_site)
    assert not errors, "\n".join(str(e) for e in errors)


@pytest.mark.parametrize("locale", ["de", "ar"])
def test_booking_pages_pass_axe(chromium_browser, booking_site, locale):
    problems = {}
    with SiteServer(booking_site.parents[2]) as server, new_page(chromium_browser) as page:
        for file in pages(booking_site, locale):
            page.goto(server.url(SLUG, file))
            violations = axe_violations(page)
            if violations:
                problems[file] = describe_violations(violations)
    assert not problems, problems
