"""The events plugin: list, month calendars, event pages with JSON-LD, the subscription file."""

import datetime
import json
import re
from decimal import Decimal

import icalendar
import pytest
from django.utils import timezone

from cms.events.recurrence import EVENT_TIME_ZONE
from cms.taxonomy.models import Language
from sites.client import ApiClient, ApiError
from sites.club import build_club
from tests.factories import ClubFactory, event_index, event_page

pytestmark = pytest.mark.django_db


def next_weekday(weekday: int, hour: int = 19) -> datetime.datetime:
    """The next such weekday (0 = Monday) after today, at ``hour`` local time."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=EVENT_TIME_ZONE)


def older_api(monkeypatch):
    """Make the bundle answer 400 to the parameters that make it carry the occurrences and
    the calendar, as an installation answers that does not know them: the builder then reads
    them from their own endpoints."""
    from sites.club import bundle_params
    from sites.engine.plugins import installed

    extras = set(bundle_params(installed(), first=True))
    club_bundle, json_read = ApiClient.club_bundle, ApiClient.json

    def refuse(url, params):
        if extras & set(params or {}):
            raise ApiError(url, 400, "unknown parameter")

    def older_bundle(client, slug, *, etag=None, params=None):
        refuse(slug, params)
        return club_bundle(client, slug, etag=etag, params=params)

    def older_json(client, path, params=None):
        if path.endswith("/bundle/"):
            refuse(path, params)
        return json_read(client, path, params)

    monkeypatch.setattr(ApiClient, "club_bundle", older_bundle)
    monkeypatch.setattr(ApiClient, "json", older_json)


@pytest.fixture
def club_with_events(db):
    club = ClubFactory("Kulturverein Anadolu e. V.")
    index = event_index(club, intro="Was bei uns los ist.")
    start = next_weekday(1)  # a Tuesday
    training = event_page(
        index,
        "Folkloretanz",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;BYDAY=TU",
        location_address="Markt 1, 52349 Düren",
        summary="Jede Woche tanzen wir.",
    )
    training.languages.set(Language.objects.filter(tag__in=["tr", "de"]))
    training.save_revision().publish()
    concert = event_page(
        index,
        "Konzert",
        start=next_weekday(4, 20),
        cost=Decimal("5.00"),
        registration_url="https://example.org/anmeldung",
    )
    event_page(index, "Entwurf", publish=False)
    return club, index, training, concert


def test_weekly_event_shows_several_occurrences_in_list_and_calendar(
    club_with_events, build_club_site
):
    club, index, training, _concert = club_with_events
    root = build_club_site(club)

    listing = (root / "de/veranstaltungen/index.html").read_text()
    assert listing.count(">Folkloretanz</a>") >= 4
    assert "Konzert" in listing
    assert "Entwurf" not in listing
    assert "Jede Woche am Dienstag" in listing
    assert listing.count("Jede Woche tanzen wir.") == 1  # the summary at the first date only

    calendar = (root / "de/veranstaltungen/kalender/index.html").read_text()
    assert calendar.count("<table") == 3
    assert calendar.count("<caption>") == 3
    assert calendar.count(">Folkloretanz</bdi>") >= 8  # about 13 Tuesdays in three months
    assert '<th scope="col"><span aria-hidden="true">Mo</span>' in calendar
    assert '<span class="visually-hidden">Montag</span>' in calendar
    assert 'href="../folkloretanz/index.html"' in calendar
    month = timezone.localdate().strftime("%Y-%m")
    assert f'<time class="calendar-day" datetime="{month}-' in calendar
    assert 'aria-current="date"' in calendar
    assert f'<li><a href="#month-{month}">' in calendar  # jump links to the months


def test_event_page_states_dates_place_cost_and_json_ld(club_with_events, build_club_site):
    club, _index, training, concert = club_with_events
    root = build_club_site(club)

    page = (root / "de/veranstaltungen/folkloretanz/index.html").read_text()
    assert '<h1 dir="auto">Folkloretanz</h1>' in page
    assert "Jede Woche am Dienstag" in page
    assert "Markt 1, 52349 Düren" in page
    assert "kostenlos" in page
    assert "Türkisch" in page and "Deutsch" in page
    first = next_weekday(1)
    assert f'<time datetime="{first.isoformat()}">' in page
    assert "19:00" in page and "21:00" in page
    assert page.count("<li><time") >= 4  # further dates of the series

    data = json_ld(page)
    assert data["@type"] == "Event"
    assert data["name"] == "Folkloretanz"
    assert data["startDate"] == first.isoformat()
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["isAccessibleForFree"] is True
    assert sorted(data["inLanguage"]) == ["de", "tr"]
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Markt 1",
        "postalCode": "52349",
        "addressLocality": "Düren",
        "addressCountry": "DE",
    }
    assert data["organizer"] == {"@type": "Organization", "name": "Kulturverein Anadolu e. V."}

    paid = (root / "de/veranstaltungen/konzert/index.html").read_text()
    assert "5,00\xa0€" in paid
    assert 'href="https://example.org/anmeldung"' in paid
    offer = json_ld(paid)
    assert offer["isAccessibleForFree"] is False
    assert offer["offers"]["price"] == "5.00"


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_subscription_file_is_in_the_site_and_parses(club_with_events, build_club_site):
    club, *_ = club_with_events
    root = build_club_site(club)

    calendar = icalendar.Calendar.from_ical((root / "events.ics").read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Folkloretanz", "Konzert"}
    assert events["Folkloretanz"]["RRULE"]["FREQ"] == ["WEEKLY"]
    listing = (root / "de/veranstaltungen/index.html").read_text()
    assert 'href="../../events.ics"' in listing
    assert "webcal:" not in listing


def test_home_section_shows_the_next_three_dates(club_with_events, build_club_site):
    club, *_ = club_with_events
    root = build_club_site(club)

    home = (root / "de/index.html").read_text()
    section = home[home.index('id="section-events"') :]
    section = section[: section.index("</section>")]
    assert section.count('<li class="card">') == 3
    assert "Regelmäßiger Termin: Jede Woche am Dienstag" in section
    assert 'href="veranstaltungen/index.html"' in section


def test_falls_back_to_the_bundle_and_reports_when_the_api_fails(
    club_with_events, settings, monkeypatch
):
    club, *_ = club_with_events
    older_api(monkeypatch)  # the occurrences are read from /api/v1/events/
    original = ApiClient.json

    def failing(self, path, params=None):
        if path == "/api/v1/events/":
            raise ApiError(path, 503, "unavailable")
        return original(self, path, params)

    monkeypatch.setattr(ApiClient, "json", failing)
    with ApiClient() as client:
        report = build_club(client, club.slug, settings.SITE_BUILD_DIR)

    assert "503" in report.errors["events (occurrences)"]
    root = settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"
    listing = (root / "de/veranstaltungen/index.html").read_text()
    assert "Folkloretanz" in listing and "Konzert" in listing
    assert (root / "de/veranstaltungen/folkloretanz/index.html").is_file()


def test_arabic_pages_are_right_to_left_with_localised_calendar(club_with_events, build_club_site):
    from tests.plugins.helpers import translate

    club, index, training, _concert = club_with_events
    translate(training, "ar", title="رقص شعبي")
    root = build_club_site(club)

    calendar = (root / "ar/veranstaltungen/kalender/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in calendar
    assert "الاثنين" in calendar  # Monday
    assert "رقص شعبي" in calendar
    page = (root / "ar/veranstaltungen/folkloretanz/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in page
    assert "كل أسبوع يوم الثلاثاء" in page


def test_a_failing_calendar_download_is_reported_and_the_pages_stay(
    club_with_events, settings, monkeypatch
):
    club, *_ = club_with_events
    older_api(monkeypatch)  # the calendar is downloaded from its endpoint
    original = ApiClient.download

    def failing(self, url):
        if url.endswith("/events.ics"):
            raise ApiError(url, 500, "kaputt")
        return original(self, url)

    monkeypatch.setattr(ApiClient, "download", failing)
    with ApiClient() as client:
        report = build_club(client, club.slug, settings.SITE_BUILD_DIR)

    assert "500" in report.errors["events (events.ics)"]
    assert "events" not in report.errors
    root = settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"
    assert not (root / "events.ics").exists()
    assert (root / "de/veranstaltungen/index.html").is_file()
    assert (root / "static/events/events.css").is_file()


def test_admin_preview_of_an_event_and_the_index(club_with_events):
    from django.test import RequestFactory

    club, index, training, _concert = club_with_events
    training.title = "Folkloretanz (neue Zeit)"
    request = RequestFactory().get("/")
    request.user = club.editor

    html = training.serve_preview(request, "").content.decode()
    assert "Folkloretanz (neue Zeit)" in html
    assert "/static/events/events.css" in html
    assert json_ld(html)["name"] == "Folkloretanz (neue Zeit)"
    listing = index.serve_preview(request, "").content.decode()
    assert listing.count(">Folkloretanz</a>") >= 4  # the published version, expanded


def test_past_one_off_event_says_so_and_a_running_series_does_not(
    club_with_events, build_club_site
):
    club, index, _training, _concert = club_with_events
    past = next_weekday(2) - datetime.timedelta(days=70)
    event_page(index, "Rückblick", start=past, slug="rueckblick")
    event_page(index, "Jahresfest", start=past, recurrence="FREQ=YEARLY")
    root = build_club_site(club)

    done = (root / "de/veranstaltungen/rueckblick/index.html").read_text()
    assert "Dieser Termin ist vorbei." in done
    assert "Rückblick" not in (root / "de/veranstaltungen/index.html").read_text()
    series = (root / "de/veranstaltungen/jahresfest/index.html").read_text()
    assert "vorbei" not in series
    assert "Jedes Jahr am" in series
    assert "<dt>Wann</dt>" in series  # its next date lies beyond the months shown


class CountingClient:
    """Counts the builder's reads of event occurrences and of the calendar file."""

    def __init__(self, monkeypatch):
        self.occurrences = 0
        self.calendars = 0
        json_read, download = ApiClient.json, ApiClient.download

        def counting_json(client, path, params=None):
            if path == "/api/v1/events/":
                self.occurrences += 1
            return json_read(client, path, params)

        def counting_download(client, url):
            if url.endswith("/events.ics"):
                self.calendars += 1
            return download(client, url)

        monkeypatch.setattr(ApiClient, "json", counting_json)
        monkeypatch.setattr(ApiClient, "download", counting_download)

    def reset(self):
        self.occurrences = self.calendars = 0


def test_occurrences_are_read_once_per_locale_for_pages_and_home_section(
    club_with_events, build_club_site, monkeypatch
):
    from tests.plugins.helpers import translate

    club, _index, training, _concert = club_with_events
    translate(training, "ar", title="رقص شعبي")
    older_api(monkeypatch)
    counted = CountingClient(monkeypatch)
    root = build_club_site(club)

    assert (counted.occurrences, counted.calendars) == (2, 1)  # de and ar; one calendar
    home = (root / "de/index.html").read_text()
    assert home.count('<li class="card">') == 3  # the section still has its dates


def test_the_bundle_carries_occurrences_and_calendar_and_the_site_is_the_same(
    club_with_events, build_club_site, settings, monkeypatch
):
    """The bundle of each locale carries the occurrences, the default locale's the calendar:
    a site needs no read of its own for them, and is byte for byte the site built from
    ``/api/v1/events/`` and ``events.ics``."""
    from sites.engine.builder import SiteDirectory
    from tests.plugins.helpers import translate

    club, _index, training, _concert = club_with_events
    translate(training, "ar", title="رقص شعبي")
    with monkeypatch.context() as patched:
        counted = CountingClient(patched)
        carried = site_files(build_club_site(club))
        assert (counted.occurrences, counted.calendars) == (0, 0)
    assert "events.ics" in carried and "ar/veranstaltungen/kalender/index.html" in carried

    SiteDirectory(settings.SITE_BUILD_DIR / "vereine", club.slug).remove()
    older_api(monkeypatch)
    counted = CountingClient(monkeypatch)
    read = site_files(build_club_site(club))
    assert (counted.occurrences, counted.calendars) == (2, 1)
    assert read == carried


def test_rebuild_after_a_news_publish_reuses_event_reads_and_the_calendar(
    club_with_events, build_club_site, monkeypatch
):
    from tests.factories import news_index, news_page

    club, index, training, _concert = club_with_events
    older_api(monkeypatch)  # what the builder keeps matters where the bundle carries nothing
    news = news_page(news_index(club), "Sommerfest")
    root = build_club_site(club)
    calendar = (root / "events.ics").read_bytes()
    counted = CountingClient(monkeypatch)

    news.teaser = "Neuer Anriss"
    news.save_revision().publish()
    root = build_club_site(club)
    assert (counted.occurrences, counted.calendars) == (0, 0)
    assert (root / "events.ics").read_bytes() == calendar
    assert "Neuer Anriss" in (root / "de/neuigkeiten/index.html").read_text()
    reused = site_files(root)

    # The same site as a build that reads everything afresh.
    from sites.engine.builder import SiteDirectory

    SiteDirectory(root.parent.parent, club.slug).remove()
    fresh = site_files(build_club_site(club))
    assert (counted.occurrences, counted.calendars) == (1, 1)
    assert fresh == reused

    # An event changed: read again.
    counted.reset()
    training.summary = "Jetzt auch donnerstags."
    training.save_revision().publish()
    build_club_site(club)
    assert (counted.occurrences, counted.calendars) == (1, 1)


def site_files(root) -> dict:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file() and path.name != ".manifest.json"
    }


def test_a_cancelled_date_is_not_on_the_club_site(club_with_events, build_club_site):
    """Cancelled dates (EXDATE) come with the API's occurrences: the list and the month
    calendars leave that Tuesday out and keep the others."""
    club, _index, training, _concert = club_with_events
    first = training.start.astimezone(EVENT_TIME_ZONE)
    cancelled = first + datetime.timedelta(days=7)
    training.exdates = f"{cancelled:%Y%m%d}"
    training.save_revision().publish()
    root = build_club_site(club)
    for page in ("de/veranstaltungen/index.html", "de/veranstaltungen/kalender/index.html"):
        html = (root / page).read_text()
        assert f'datetime="{first.date().isoformat()}T' in html, page
        assert f'datetime="{cancelled.date().isoformat()}T' not in html, page
        assert f'datetime="{(cancelled + datetime.timedelta(days=7)).date().isoformat()}T' in html


def test_coming_cancelled_dates_are_named_on_the_event_page_list_and_home(
    club_with_events, build_club_site
):
    """Visitors read "fällt aus am …" for the series' coming cancelled dates: on the event
    page (every one), in the list and the home page's section (at the event's first date),
    in the page's language; the cancelled day stays out of the dates themselves."""
    from tests.plugins.helpers import translate

    club, _index, training, _concert = club_with_events
    first = training.start.astimezone(EVENT_TIME_ZONE).date()
    cancelled = [first + datetime.timedelta(days=7), first + datetime.timedelta(days=21)]
    training.exdates = ",".join(f"{day:%Y%m%d}" for day in cancelled)
    training.save_revision().publish()
    translate(training, "ar", title="رقص شعبي")
    root = build_club_site(club)

    def said(day: datetime.date) -> str:  # a Tuesday, as the series
        return (
            f'fällt aus am <time datetime="{day.isoformat()}">'
            f"Dienstag, {day.day}. {MONTHS_DE[day.month - 1]} {day.year}</time>"
        )

    page = (root / "de/veranstaltungen/folkloretanz/index.html").read_text()
    assert "<dt>Ausfallende Termine</dt>" in page
    assert all(said(day) in page for day in cancelled)
    listing = (root / "de/veranstaltungen/index.html").read_text()
    assert listing.count(said(cancelled[0])) == 1  # once, at the series' first date
    home = (root / "de/index.html").read_text()
    section = home[home.index('id="section-events"') :]
    assert said(cancelled[0]) in section[: section.index("</section>")]
    # The concert (a one-off) says nothing of the kind.
    concert = (root / "de/veranstaltungen/konzert/index.html").read_text()
    assert "fällt aus" not in concert and "Ausfallende Termine" not in concert

    arabic = (root / "ar/veranstaltungen/folkloretanz/index.html").read_text()
    assert f'لا يُقام في <time datetime="{cancelled[0].isoformat()}">' in arabic
    assert "fällt aus" not in arabic


def test_past_cancelled_dates_are_not_named():
    from plugins.events.occurrences import cancelled_days

    event = {"fields": {"recurrence": "FREQ=WEEKLY", "exdates": ["2026-03-03", "2026-03-17"]}}
    assert cancelled_days(event, datetime.date(2026, 3, 10)) == ["2026-03-17"]
    assert cancelled_days(event, datetime.date(2026, 3, 3)) == ["2026-03-03", "2026-03-17"]
    one_off = {"fields": {"recurrence": "", "exdates": ["2026-03-17"]}}
    assert cancelled_days(one_off, datetime.date(2026, 3, 1)) == []


MONTHS_DE = (
    *("Januar", "Februar", "März", "April", "Mai", "Juni"),
    *("Juli", "August", "September", "Oktober", "November", "Dezember"),
)
