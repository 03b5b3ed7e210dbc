"""``GET /api/v1/funding-programmes.ics``: the application deadlines of the active programmes as
an iCalendar subscription (RFC 5545).

Each deadline is one all-day VEVENT; a yearly deadline carries ``RRULE:FREQ=YEARLY`` from its
first date, so calendar apps show every year's date without the feed listing them. One-off
deadlines stay in the feed for a year after they passed (subscribers keep their history);
older ones drop out. UIDs derive from the deadline's id and stay stable across edits.
"""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from icalendar import Calendar, Event, vDuration
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from .api import public_programmes
from .models import Recurrence

CONTENT_TYPE = "text/calendar; charset=utf-8"
KEEP_PAST = datetime.timedelta(days=365)
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def uid(deadline) -> str:
    return f"funding-deadline-{deadline.pk}@vereinsnetz"


def amount_text(programme) -> str | None:
    low, high = programme.min_amount, programme.max_amount
    if low is not None and high is not None:
        return _("Förderung: %(low)s bis %(high)s €") % {
            "low": number_format(low, 0, force_grouping=True),
            "high": number_format(high, 0, force_grouping=True),
        }
    if high is not None:
        return _("Förderung: bis %(high)s €") % {
            "high": number_format(high, 0, force_grouping=True)
        }
    if low is not None:
        return _("Förderung: ab %(low)s €") % {"low": number_format(low, 0, force_grouping=True)}
    return None


def description(programme) -> str:
    lines = [_("Fördergeber: %(funder)s") % {"funder": programme.funder}]
    amount = amount_text(programme)
    if amount:
        lines.append(amount)
    if programme.summary:
        lines.append(programme.summary)
    documents = programme.document_list
    if documents:
        lines.append(_("Unterlagen: %(documents)s") % {"documents": ", ".join(documents)})
    if programme.contact_email:
        lines.append(_("Kontakt: %(email)s") % {"email": programme.contact_email})
    return "\n".join(lines)


def vevent(programme, deadline) -> Event:
    component = Event()
    component.add("uid", uid(deadline))
    component.add("dtstamp", programme.updated_at.astimezone(datetime.UTC))
    component.add("last-modified", programme.updated_at.astimezone(datetime.UTC))
    component.add("dtstart", deadline.date)
    component.add("dtend", deadline.date + datetime.timedelta(days=1))
    component.add("transp", "TRANSPARENT")
    if deadline.recurrence == Recurrence.YEARLY:
        component.add("rrule", {"FREQ": "YEARLY"})
    label = deadline.label or _("Antragsfrist")
    component.add("summary", f"{label}: {programme.title}")
    component.add("description", description(programme))
    component.add("categories", [_("Förderprogramm")])
    if programme.link:
        component.add("url", programme.link)
    component.add("class", "PUBLIC")
    return component


def build_calendar(programmes, today: datetime.date) -> bytes:
    calendar = Calendar()
    name = _("%(site)s: Förderfristen") % {"site": settings.WAGTAIL_SITE_NAME}
    calendar.add("prodid", "-//Vereinsnetz//Foerderprogramme//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    oldest = today - KEEP_PAST
    for programme in programmes:
        for deadline in programme.deadlines.all():
            if deadline.recurrence == Recurrence.ONCE and deadline.date < oldest:
                continue
            calendar.add_component(vevent(programme, deadline))
    return calendar.to_ical()


class FundingCalendarView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        tags=["funding"],
        operation_id="funding_programmes_calendar",
        summary="Fristen der Förderprogramme (iCalendar)",
        description=(
            "Jede Frist ein ganztägiger Termin; jährliche Fristen mit RRULE:FREQ=YEARLY. "
            "Vergangene einmalige Fristen bleiben ein Jahr lang enthalten."
        ),
        responses={
            (200, "text/calendar"): OpenApiResponse(
                OpenApiTypes.STR, description="iCalendar (RFC 5545), zum Abonnieren."
            ),
            (400, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Ungültiger Parameter."
            ),
        },
    )
    def get(self, request):
        content = build_calendar(public_programmes(), timezone.localdate())
        return HttpResponse(
            content,
            content_type=CONTENT_TYPE,
            headers={"Content-Disposition": 'inline; filename="vereinsnetz-foerderfristen.ics"'},
        )
