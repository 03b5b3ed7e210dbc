"""The portal calendar: list, month pages, filter pages and subscribe links that equal the
API calendar of exactly that filter."""

from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import timezone

from tests.locales import LOCALES
from tests.plugins.portal_world import assert_no_secret, build_portal_world

pytestmark = pytest.mark.django_db
DE, AR = LOCALES[0], LOCALES[3]


@pytest.fixture
def world(db):
    return build_portal_world()


@pytest.fixture
def portal(world, build_portal_site):
    return build_portal_site(locales=[DE, AR])


def summaries(client, url: str) -> set[str]:
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def subscribe_href(html: str) -> str:
    marker = '<a id="calendar-ics" href="'
    return html.split(marker, 1)[1].split('"', 1)[0].replace("&amp;", "&")


def test_list_shows_every_clubs_dates_and_links_homepages_and_profiles(world, portal):
    listing = (portal / "de/veranstaltungen/index.html").read_text()
    assert listing.count("<bdi>Folkloretanz</bdi>") >= 1  # weekly, this month
    assert "<bdi>Elternabend</bdi>" in listing and "<bdi>Fußballturnier</bdi>" in listing
    home = f"http://testserver/vereine/{world.dueren.slug}/de/veranstaltungen/{world.dance.slug}/"
    assert f'<a href="{home}"><bdi>Folkloretanz</bdi></a>' in listing
    assert f'href="../verzeichnis/{world.juelich.slug}/index.html"' in listing
    assert 'data-municipality="juelich" data-category="sport"' in listing
    assert '<script src="../../static/calendar/calendar.js" defer></script>' in listing
    assert "<script>" not in listing  # no inline script (CSP)
    # dates in the page's language (Babel); the dance is on Tuesdays
    assert "Dienstag" in listing
    arabic = (portal / "ar/veranstaltungen/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "الثلاثاء" in arabic and "الفعاليات" in arabic
    assert_no_secret(portal)


def test_the_calendar_is_paged_by_month_the_current_month_first(world, portal):
    """The whole 90-day list was 965 dates and 185,000 px tall on a phone: the first page
    holds this month's dates (at least the coming week), each month has a page of its own."""
    import datetime
    import re

    from plugins.calendar import FIRST_PAGE_DAYS
    from sites.engine.kit.months import add_months

    today = timezone.localdate()
    first = today.replace(day=1)
    months = [add_months(first, offset) for offset in range(4)]
    end = max(add_months(first, 1), today + datetime.timedelta(days=FIRST_PAGE_DAYS))
    listing = (portal / "de/veranstaltungen/index.html").read_text()
    days = set(
        re.findall(r'<p class="calendar-when">\s*<time datetime="(\d{4}-\d\d-\d\d)', listing)
    )
    assert days and all(today.isoformat() <= day < end.isoformat() for day in days), days
    tuesdays = {
        (today + datetime.timedelta(days=n)).isoformat()
        for n in range(1, (end - today).days)
        if (today + datetime.timedelta(days=n)).weekday() == 1
    }
    assert tuesdays <= days  # every dance of the first page
    assert f'href="{months[1]:%Y-%m}/index.html" rel="next"' in listing
    assert 'rel="prev"' not in listing

    weekly = 0
    for index, month in enumerate(months):
        page = (portal / f"de/veranstaltungen/{month:%Y-%m}/index.html").read_text()
        listed = page.split('<details class="calendar-table">')[0]
        dated = re.findall(r'<p class="calendar-when">\s*<time datetime="(\d{4}-\d\d)', listed)
        assert set(dated) <= {f"{month:%Y-%m}"}, (month, set(dated))
        weekly += listed.count("<bdi>Folkloretanz</bdi>")
        assert ('rel="prev"' in page) == (index > 0)
        assert ('rel="next"' in page) == (index < 3)
        assert "<details" in page and "<summary>" in page  # the table and the filters
    assert weekly >= 10  # the weekly dance over about four months


def test_month_pages_are_accessible_tables_with_today_in_words(world, portal):
    month = timezone.localdate().strftime("%Y-%m")
    page = (portal / f"de/veranstaltungen/{month}/index.html").read_text()
    assert page.count("<table") == 1 and "<caption>" in page
    assert (
        '<th scope="col"><span aria-hidden="true">Mo</span>'
        '<span class="visually-hidden">Montag</span></th>'
    ) in page
    assert 'aria-current="date"' in page
    assert '<strong class="calendar-today-label">heute</strong>' in page
    later = sorted(p.name for p in (portal / "de/veranstaltungen").iterdir() if p.name[:2] == "20")
    assert len(later) == 4 and later[0] == month
    arabic = (portal / f"ar/veranstaltungen/{month}/index.html").read_text()
    assert "اليوم" in arabic


def test_filter_pages_and_subscribe_links_match_the_api_calendar(world, portal, client):
    all_dates = (portal / "de/veranstaltungen/index.html").read_text()
    assert subscribe_href(all_dates) == "/api/v1/events.ics"
    assert summaries(client, subscribe_href(all_dates)) == {
        "Folkloretanz",
        "Elternabend",
        "Fußballturnier",
    }

    juelich = (portal / "de/veranstaltungen/gemeinde/juelich/index.html").read_text()
    assert subscribe_href(juelich) == "/api/v1/events.ics?municipality=juelich"
    assert "<bdi>Elternabend</bdi>" in juelich and "Folkloretanz" not in juelich
    assert summaries(client, subscribe_href(juelich)) == {"Elternabend", "Fußballturnier"}

    culture = (portal / "de/veranstaltungen/art/culture/index.html").read_text()
    assert subscribe_href(culture) == "/api/v1/events.ics?category=culture"
    assert summaries(client, subscribe_href(culture)) == {"Folkloretanz"}

    arabic = (portal / "ar/veranstaltungen/art/sport/index.html").read_text()
    assert subscribe_href(arabic) == "/api/v1/events.ics?category=sport&locale=ar"
    assert summaries(client, subscribe_href(arabic)) == {"Fußballturnier"}
    assert not (portal / "de/veranstaltungen/art/youth").exists()  # only kinds with dates


def test_subscribe_links_are_absolute_on_the_api_host_with_webcal(world, settings):
    from sites.client import ApiClient
    from sites.engine.site import render_site
    from sites.portal import make_site

    with ApiClient() as client:
        site = make_site(client, base_url="https://portal.example/", locales=[DE])
        rendered = render_site(site)[0]
    assert not site.errors, site.errors
    files = {f.path: f.content.decode() for f in rendered if f.path.endswith(".html")}
    page = files["de/veranstaltungen/gemeinde/juelich/index.html"]
    assert subscribe_href(page) == "https://portal.example/api/v1/events.ics?municipality=juelich"
    assert 'href="webcal://portal.example/api/v1/events.ics?municipality=juelich"' in page


def test_a_cancelled_date_is_not_in_the_portal_calendar(world, build_portal_site):
    """The portal calendar reads the API's occurrences, which leave cancelled dates out."""
    import datetime

    from cms.events.recurrence import EVENT_TIME_ZONE

    dance = world.dance
    first = dance.start.astimezone(EVENT_TIME_ZONE)
    cancelled = first + datetime.timedelta(days=7)
    dance.exdates = f"{cancelled:%Y%m%d}"
    dance.save_revision().publish()
    portal = build_portal_site(locales=[DE])
    listing = (portal / "de/veranstaltungen/index.html").read_text()
    month = (portal / f"de/veranstaltungen/{cancelled:%Y-%m}/index.html").read_text()
    assert f'datetime="{first.date().isoformat()}T' in listing
    for html in (listing, month):
        assert f'datetime="{cancelled.date().isoformat()}T' not in html
    # The month's page says so at the series' first date in that month, in words.
    said = f'fällt aus am <time datetime="{cancelled.date().isoformat()}">Dienstag, '
    assert month.count(said) == 1
    # A one-off event says nothing of the kind.
    assert month.count("fällt aus am") == 1


def test_a_cancelled_date_is_named_in_arabic(world, build_portal_site):
    import datetime

    from cms.events.recurrence import EVENT_TIME_ZONE

    dance = world.dance
    cancelled = dance.start.astimezone(EVENT_TIME_ZONE) + datetime.timedelta(days=14)
    dance.exdates = f"{cancelled:%Y%m%d}"
    dance.save_revision().publish()
    portal = build_portal_site(locales=[DE, AR])
    month = (portal / f"ar/veranstaltungen/{cancelled:%Y-%m}/index.html").read_text()
    assert f'لا يُقام في <time datetime="{cancelled.date().isoformat()}">' in month
    assert "fällt aus" not in month
