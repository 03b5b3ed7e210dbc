"""A room's occupancy as an iCalendar feed: confirmed bookings ("Belegt"), open requests
("Angefragt", tentative) and blocked periods. Like the availability, it names no club and no
purpose, so it can be public and cached."""

import datetime

from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from icalendar import Calendar, Event
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.core.views import FirstRendererNegotiation, PublicReadMixin
from cms.events.calendar import CONTENT_TYPE, berlin_timezone

from .models import Booking, BookingStatus, Room

WINDOW_BEFORE = datetime.timedelta(days=31)
WINDOW_AFTER = datetime.timedelta(days=366)


def _event(uid: str, start, end, summary: str, stamp, location: str, tentative=False) -> Event:
    component = Event()
    component.add("uid", uid)
    component.add("dtstamp", stamp.astimezone(datetime.UTC))
    component.add("dtstart", timezone.localtime(start))
    component.add("dtend", timezone.localtime(end))
    component.add("summary", summary)
    component.add("location", location)
    component.add("status", "TENTATIVE" if tentative else "CONFIRMED")
    component.add("transp", "OPAQUE")
    component.add("class", "PUBLIC")
    return component


def occupancy_calendar(room: Room, now=None) -> bytes:
    now = now or timezone.now()
    start, end = now - WINDOW_BEFORE, now + WINDOW_AFTER
    calendar = Calendar()
    name = _("%(room)s: Belegung") % {"room": room.name}
    calendar.add("prodid", "-//Vereinsnetz//Raumbelegung//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add_component(berlin_timezone())
    location = f"{room.name}, {room.location}"
    bookings = (
        Booking.objects.filter(
            room=room,
            status__in=[BookingStatus.CONFIRMED, BookingStatus.REQUESTED],
            start__lt=end,
            end__gt=start,
        )
        .annotate(changed=Max("transitions__at"))
        .order_by("start", "pk")
    )
    for booking in bookings:
        confirmed = booking.status == BookingStatus.CONFIRMED
        calendar.add_component(
            _event(
                f"booking-{booking.pk}@vereinsnetz",
                booking.start,
                booking.end,
                _("Belegt") if confirmed else _("Angefragt"),
                booking.changed or booking.created_at,
                location,
                tentative=not confirmed,
            )
        )
    for period in room.blocked_periods.filter(start__lt=end, end__gt=start):
        calendar.add_component(
            _event(
                f"blocked-{period.pk}@vereinsnetz",
                period.start,
                period.end,
                _("Gesperrt: %(reason)s") % {"reason": period.reason},
                period.start,
                location,
            )
        )
    return calendar.to_ical()


class OccupancyCalendarView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    def allowed_parameters(self):
        return []

    @extend_schema(
        tags=["rooms"],
        operation_id="room_occupancy_calendar",
        summary="Belegungskalender eines Raums (iCalendar)",
        description=(
            "Bestätigte Buchungen („Belegt“), offene Anfragen („Angefragt“, vorläufig) und "
            "Sperrzeiten von vor 31 Tagen bis in einem Jahr. Ohne Vereinsnamen."
        ),
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="iCalendar (RFC 5545), zum Abonnieren."
            ),
            (404, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Unbekannter Raum."
            ),
        },
    )
    def get(self, request, pk: int):
        room = Room.objects.filter(pk=pk).first()
        if room is None:
            raise Http404
        return HttpResponse(
            occupancy_calendar(room),
            content_type=CONTENT_TYPE,
            headers={"Content-Disposition": f'inline; filename="raum-{room.pk}-belegung.ics"'},
        )
