"""iCalendar (RFC 5545) subscriptions of public events, for all clubs or one club.

Each event is one VEVENT with its RRULE kept, so a calendar app shows the series as a series;
its cancelled dates are EXDATE lines.
UIDs derive from the page's translation key: the same event keeps its UID across requests, edits
and translations, so subscribers see updates instead of duplicates. Times are written in
Europe/Berlin with a VTIMEZONE, so they stay right when the clocks change.
"""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vDuration
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.clubs.models import ClubPage
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import v2_page_url
from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from . import recurrence
from .api import (
    FILTER_PARAMETERS,
    WINDOW_PARAMETERS,
    EventSearch,
    filter_parameters,
    location_data,
    public_club,
    window_from,
)
from .models import EventPage

CALENDAR_WINDOW_BEFORE = datetime.timedelta(days=31)
CALENDAR_WINDOW = recurrence.MAX_WINDOW
# Calendar apps poll a subscription; the content changes a few times a day at most.
REFRESH_INTERVAL = datetime.timedelta(hours=6)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(event: EventPage) -> str:
    return f"event-{event.translation_key}@vereinsnetz"


def berlin_timezone() -> Timezone:
    """VTIMEZONE for Europe/Berlin as yearly rules (EU summer time: last Sunday in March to
    last Sunday in October), the form Thunderbird and Google write: unlike a list of dates
    generated for a range of years, it also covers a series that runs for decades."""
    tz = Timezone()
    tz.add("tzid", recurrence.EVENT_TIME_ZONE.key)
    daylight = TimezoneDaylight()
    daylight.add("tzname", "CEST")
    daylight.add("tzoffsetfrom", datetime.timedelta(hours=1))
    daylight.add("tzoffsetto", datetime.timedelta(hours=2))
    daylight.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    daylight.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("tzname", "CET")
    standard.add("tzoffsetfrom", datetime.timedelta(hours=2))
    standard.add("tzoffsetto", datetime.timedelta(hours=1))
    standard.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    standard.add("rrule", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    tz.add_component(daylight)
    tz.add_component(standard)
    return tz


def description(event: EventPage) -> str:
    lines = [event.summary] if event.summary else []
    club = getattr(event, "club", None)
    if club is not None:
        lines.append(_("Verein: %(name)s") % {"name": club.title})
    if event.cost is None:
        lines.append(_("Kostenlos"))
    else:
        lines.append(_("Kosten: %(cost)s €") % {"cost": number_format(event.cost, 2)})
    languages = [language.name for language in event.languages.all()]
    if languages:
        lines.append(_("Sprachen: %(languages)s") % {"languages": ", ".join(languages)})
    if event.registration_url:
        lines.append(_("Anmeldung: %(url)s") % {"url": event.registration_url})
    return "\n".join(lines)


def location_text(event: EventPage) -> str | None:
    location = location_data(event)
    if location is None:
        return None
    return ", ".join(part for part in (location["name"], location["address"]) if part)


def vevent(event: EventPage, request) -> Event:
    start, end = recurrence.series_start(event)
    component = Event()
    component.add("uid", uid(event))
    # DTSTAMP is when this information last changed, not the time of the request: the body
    # stays byte-identical while nothing is published, which keeps ETags and clients calm.
    changed = event.last_published_at or event.first_published_at or timezone.now()
    component.add("dtstamp", changed.astimezone(datetime.UTC))
    component.add("last-modified", changed.astimezone(datetime.UTC))
    if event.all_day:
        component.add("dtstart", start.date())
        component.add("dtend", end.date())
        component.add("transp", "TRANSPARENT")
    else:
        component.add("dtstart", start)
        if end is not None:
            component.add("dtend", end)
    rule = recurrence.ical_rule(event)
    if rule is not None:
        component.add("rrule", rule)
        # One EXDATE line per cancelled date, at the occurrence's own start.
        for cancelled in recurrence.ical_exdates(event):
            component.add("exdate", cancelled)
    component.add("summary", event.title)
    location = location_text(event)
    if location:
        component.add("location", location)
    component.add("description", description(event))
    component.add("categories", [event.get_category_display()])
    component.add("url", v2_page_url(request, event))
    component.add("class", "PUBLIC")
    return component


def build_calendar(events, request, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Vereinsnetz//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", recurrence.EVENT_TIME_ZONE.key)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    calendar.add_component(berlin_timezone())
    for event in events:
        calendar.add_component(vevent(event, request))
    return calendar.to_ical()


def calendar_content(request, locale, club: ClubPage | None, club_events=None) -> bytes:
    """The body of ``/api/v1/events.ics`` (``club``: of one club's calendar) for this request's
    filters and window; the club's bundle carries the same body on request (``calendar``).

    ``club_events``: every public event of ``club`` in ``locale`` (with location room and
    languages loaded), as the bundle has them already, when the request has no filters of its
    own; the events of the window are chosen from them instead of loaded again."""
    window = window_from(request, timezone.localdate() - CALENDAR_WINDOW_BEFORE, CALENDAR_WINDOW)
    if club_events is None:
        candidates = (
            EventSearch(request, window, locale, club=club).events().order_by("start", "pk")
        )
    else:
        candidates = sorted(club_events, key=lambda event: (event.start, event.pk))
    events = [
        event for event in candidates if recurrence.has_occurrence(event, window.start, window.end)
    ]
    attach_clubs(events)
    name = settings.WAGTAIL_SITE_NAME
    if club is not None:
        name = club.title
    return build_calendar(events, request, _("%(name)s: Veranstaltungen") % {"name": name})


CALENDAR_RESPONSES = {
    (200, "text/calendar"): OpenApiResponse(
        OpenApiTypes.STR, description="iCalendar (RFC 5545), zum Abonnieren."
    ),
    (400, "application/json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="Ungültiger Parameter."
    ),
}


class EventCalendarView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation
    club_in_path = False

    def allowed_parameters(self):
        allowed = [*FILTER_PARAMETERS, *WINDOW_PARAMETERS]
        return [name for name in allowed if name != "club"] if self.club_in_path else allowed

    @extend_schema(
        tags=["events"],
        operation_id="events_calendar",
        summary="Kalender aller Vereine (iCalendar)",
        description=(
            "Dieselben Filter wie /api/v1/events/; Wiederholungen bleiben als RRULE erhalten. "
            "Enthalten sind Veranstaltungen mit einem Termin im Zeitraum (Standard: ab vor "
            "31 Tagen für 366 Tage)."
        ),
        parameters=filter_parameters(),
        responses=CALENDAR_RESPONSES,
    )
    def get(self, request, slug: str | None = None):
        club = None
        if self.club_in_path:
            club = public_club(slug)
            if club is None:
                raise Http404
        content = calendar_content(request, self.locale, club)
        filename = f"{club.slug if club else 'vereinsnetz'}-veranstaltungen.ics"
        return HttpResponse(
            content,
            content_type=CONTENT_TYPE,
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )


class ClubEventCalendarView(EventCalendarView):
    club_in_path = True

    @extend_schema(
        tags=["events"],
        operation_id="club_events_calendar",
        summary="Kalender eines Vereins (iCalendar)",
        description="Wie /api/v1/events.ics, nur die Veranstaltungen dieses Vereins.",
        parameters=[
            OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH),
            *filter_parameters(in_path_club=True),
        ],
        responses={
            **CALENDAR_RESPONSES,
            (404, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Unbekannter Verein."
            ),
        },
    )
    def get(self, request, slug: str | None = None):
        return super().get(request, slug)
