"""The booking plugin in a real portal build (in-process API)."""

import datetime

import pytest

from cms.rooms.models import BlockedPeriod
from plugins.booking import plugin as booking_plugin
from plugins.theme_default import plugin as theme
from sites.engine.site import Locale, Site, render_site
from sites.portal import PORTAL_ORDER
from tests.factories import ClubFactory, booking, local_time, room
from tests.locales import LOCALES
from tests.plugins.helpers import main_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def rooms(db):
    cafe = room(
        "Café International Test",
        capacity=40,
        hourly_fee="8.00",
        daily_fee="40.00",
        equipment="Teeküche, Beamer",
    )
    club = ClubFactory("Geheimer Name e. V.")
    booking(cafe, club, days_ahead=1, hour=10, hours=2, status="confirmed", purpose="Geheim")
    booking(cafe, club, days_ahead=1, hour=14, hours=1)
    BlockedPeriod.objects.create(
        room=cafe, start=local_time(2, 0), end=local_time(3, 0), reason="Abende im Café"
    )
    return {"cafe": cafe, "club": club}


def test_booking_is_in_the_portal_order():
    assert "booking" in PORTAL_ORDER


def test_rooms_and_free_busy_calendar_in_the_portal(build_portal_site, rooms):
    root = build_portal_site(locales=[LOCALES[0], LOCALES[3]])  # de, ar
    cafe = rooms["cafe"]
    index = (root / "de/raeume/index.html").read_text()
    assert "Café International Test" in index and "40 Plätze" in index
    assert "8,00 € pro Stunde, höchstens 40,00 € pro Tag" in index
    assert f'href="{cafe.pk}/index.html"' in index
    page = (root / f"de/raeume/{cafe.pk}/index.html").read_text()
    main = main_of(page)
    day = local_time(1, 0).date().isoformat()
    row = main[main.index(f'data-date="{day}"') :]
    row = row[: row.index("</tr>")]
    # Every state carries its word, not only a colour.
    assert (
        '<li class="slot slot--free"><span class="slot__time" dir="ltr">08:00–10:00</span> '
        '<span class="slot__label">frei</span></li>' in row
    )
    assert '10:00–12:00</span> <span class="slot__label">vergeben</span>' in row
    assert '14:00–15:00</span> <span class="slot__label">angefragt</span>' in row
    assert "gesperrt" in main
    assert "Geheimer Name" not in main and ">Geheim<" not in main
    # The request: explained without JavaScript, the form only for logged-in editors.
    assert f"/admin/raumbuchungen/anfragen/?room={cafe.pk}" in main
    assert '<form class="booking-form" hidden' in main
    assert f"/api/v1/rooms/{cafe.pk}/occupancy.ics" in main
    assert 'src="../../../static/booking/booking.js"' in page
    arabic = (root / f"ar/raeume/{cafe.pk}/index.html").read_text()
    assert 'dir="rtl"' in arabic and "متاح" in arabic and "محجوز" in arabic
    assert (root / "static/booking/booking.js").is_file()


def test_plugin_alone_with_a_fetch_stub_of_the_api_shape(tmp_path):
    """The plugin reads only what the API gives; a site built from a recorded answer."""
    day = datetime.date.today() + datetime.timedelta(days=1)
    answers = {
        "/api/v1/rooms/": [
            {
                "id": 7,
                "name": "Seminarraum",
                "address": "Weg 1",
                "municipality": {"slug": "dueren", "name": "Düren"},
                "capacity": 25,
                "step_free": True,
                "accessible_toilet": False,
                "equipment": "",
                "hourly_fee": "5.00",
                "daily_fee": "20.00",
                "opening_hours": [{"weekday": day.weekday(), "opens": "09:00", "closes": "17:00"}],
                "blocked_periods": [],
            }
        ],
        "/api/v1/rooms/7/availability/": {
            "room": {"id": 7, "name": "Seminarraum"},
            "date_from": day.isoformat(),
            "date_to": day.isoformat(),
            "days": [
                {
                    "date": day.isoformat(),
                    "weekday": day.weekday(),
                    "opening_hours": [{"opens": "09:00", "closes": "17:00"}],
                    "slots": [
                        {
                            "start": f"{day}T09:00:00+01:00",
                            "end": f"{day}T17:00:00+01:00",
                            "state": "free",
                        }
                    ],
                }
            ],
        },
    }
    site = Site(
        kind="portal",
        name="portal",
        title="Portal",
        locales=[Locale("de", "Deutsch"), Locale("fa", "فارسی", "rtl")],
        data={"de": {}, "fa": {}},
        theme=theme,
        plugins=[booking_plugin],
        fetch=lambda path, params=None: answers[path],
    )
    files, _assets = render_site(site)
    outputs = {f.path: f.content.decode() for f in files if f.path.endswith(".html")}
    assert not site.errors
    assert "09:00–17:00" in outputs["de/raeume/7/index.html"]
    assert "آزاد" in outputs["fa/raeume/7/index.html"]
    assert "Räume" in outputs["de/raeume/index.html"]
