"""Admin views of room bookings ("Raumbuchungen").

- Club editors see their clubs' bookings, request rooms and cancel.
- Agency staff see every booking, the week calendar of all rooms with one-click confirm and
  decline, waive fees and download the month's confirmed bookings as CSV for billing.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cms.core.params import EARLIEST_DATE, LATEST_DATE
from cms.hardening.spreadsheets import csv_writer
from cms.tenancy.models import Tenant

from . import services
from .forms import BookingRequestForm
from .models import Booking, BookingStatus, Room

LIST_LIMIT = 200


def may_use(user) -> bool:
    return user.has_perm("rooms.decide_booking") or services.clubs_of(user).exists()


def require_agency(user) -> None:
    if not user.has_perm("rooms.decide_booking"):
        raise PermissionDenied


def back(request, default: str):
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


@require_GET
def booking_index(request):
    if not may_use(request.user):
        raise PermissionDenied
    agency = request.user.has_perm("rooms.decide_booking")
    bookings = services.visible_bookings(request.user)
    show = request.GET.get("zeigen", "kommende")
    if show != "alle":
        bookings = bookings.filter(end__gte=timezone.now())
    status = request.GET.get("status")
    if status in BookingStatus.values:
        bookings = bookings.filter(status=status)
    return TemplateResponse(
        request,
        "rooms/admin/index.html",
        {
            "bookings": bookings.order_by("start", "pk")[:LIST_LIMIT],
            "agency": agency,
            "show": show,
            "status": status,
            "statuses": BookingStatus.choices,
            "month": timezone.localdate().strftime("%Y-%m"),
        },
    )


@require_http_methods(["GET", "POST"])
def request_room(request):
    clubs = (
        Tenant.objects.filter(kind="club")
        if request.user.has_perm("rooms.decide_booking")
        else services.clubs_of(request.user)
    )
    if not clubs.exists():
        raise PermissionDenied
    form = BookingRequestForm(request.POST or None, clubs=clubs, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        start, end = form.times()
        data = form.cleaned_data
        try:
            created = services.request_booking(
                services.BookingRequest(
                    room=data["room"],
                    club=data["club"],
                    start=start,
                    end=end,
                    purpose=data["purpose"],
                    attendees=data["attendees"],
                    repeat_until=data["repeat_until"],
                ),
                request.user,
            )
        except services.BookingError as error:
            form.add_service_errors(error.message_dict)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s Anfrage für „%(room)s“ gestellt, Gebühr je Termin: %(fee)s €.",
                    "%(count)s Anfragen für „%(room)s“ gestellt, Gebühr je Termin: %(fee)s €.",
                    len(created),
                )
                % {
                    "count": len(created),
                    "room": data["room"],
                    "fee": formats.number_format(created[0].fee, 2),
                },
            )
            return redirect("rooms_admin:index")
    return TemplateResponse(
        request,
        "rooms/admin/request.html",
        {"form": form, "rooms": Room.objects.prefetch_related("opening_hours")},
        status=400 if form.is_bound and form.errors else 200,
    )


def _move(request, pk, to_status, agency_only=False):
    if agency_only:
        require_agency(request.user)
    booking = get_object_or_404(services.visible_bookings(request.user), pk=pk)
    try:
        services.transition(booking, to_status, request.user, request.POST.get("note", ""))
    except services.BookingError as error:
        text = " ".join(m for field in error.message_dict.values() for m in field)
        messages.error(request, _("„%(booking)s“: %(error)s") % {"booking": booking, "error": text})
    else:
        booking.refresh_from_db()
        messages.success(
            request,
            _("„%(booking)s“ ist jetzt %(status)s.")
            % {"booking": booking.room, "status": booking.get_status_display()},
        )
    return back(request, reverse("rooms_admin:index"))


@require_POST
def cancel_booking(request, pk):
    return _move(request, pk, BookingStatus.CANCELLED)


@require_POST
def confirm_booking(request, pk):
    return _move(request, pk, BookingStatus.CONFIRMED, agency_only=True)


@require_POST
def decline_booking(request, pk):
    return _move(request, pk, BookingStatus.DECLINED, agency_only=True)


@require_POST
def waive_fee(request, pk):
    require_agency(request.user)
    booking = get_object_or_404(Booking, pk=pk)
    services.set_fee_waived(booking, request.POST.get("waived") == "1", request.user)
    messages.success(request, _("Gebühr aktualisiert."))
    return back(request, reverse("rooms_admin:index"))


def week_start(request) -> datetime.date:
    """The Monday of the week asked for (``?woche=<date>``), or else of the week of the next
    booking still to come: on a Sunday evening the agency wants next week's requests, not the
    week that is over."""
    raw = request.GET.get("woche") or ""
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        day = next_booking_day() or timezone.localdate()
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        day = timezone.localdate()
    return day - datetime.timedelta(days=day.weekday())


def next_booking_day() -> datetime.date | None:
    upcoming = (
        Booking.objects.filter(
            end__gt=timezone.now(),
            status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
        )
        .order_by("start")
        .values_list("start", flat=True)
        .first()
    )
    return timezone.localtime(upcoming).date() if upcoming else None


@require_GET
def week(request):
    require_agency(request.user)
    first = week_start(request)
    days = [first + datetime.timedelta(days=n) for n in range(7)]
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = start + datetime.timedelta(days=7)
    shown = Booking.objects.filter(
        start__lt=end,
        end__gt=start,
        status__in=[BookingStatus.REQUESTED, BookingStatus.CONFIRMED],
    ).select_related("club")
    rooms = Room.objects.prefetch_related(
        Prefetch("bookings", queryset=shown.order_by("start"), to_attr="week_bookings"),
        "blocked_periods",
    )
    rows = []
    for room in rooms:
        cells = []
        for day in days:
            entries = [b for b in room.week_bookings if timezone.localtime(b.start).date() == day]
            blocked = [
                p
                for p in room.blocked_periods.all()
                if timezone.localtime(p.start).date() <= day <= timezone.localtime(p.end).date()
            ]
            cells.append({"day": day, "bookings": entries, "blocked": blocked})
        rows.append({"room": room, "cells": cells})
    return TemplateResponse(
        request,
        "rooms/admin/week.html",
        {
            "days": days,
            "rows": rows,
            "previous": (first - datetime.timedelta(days=7)).isoformat(),
            "next": (first + datetime.timedelta(days=7)).isoformat(),
            "first": first,
            "last": days[-1],
            "today": timezone.localdate().isoformat(),
            "here": request.get_full_path(),
        },
    )


CSV_HEADER = [
    "Datum",
    "Beginn",
    "Ende",
    "Raum",
    "Verein",
    "Zweck",
    "Personen",
    "Gebühr (€)",
    "Erlassen",
    "Zu zahlen (€)",
    "Bestätigt von",
]


def month_range(raw: str):
    try:
        first = datetime.date.fromisoformat(f"{raw}-01")
    except ValueError:
        return None
    if not EARLIEST_DATE <= first <= LATEST_DATE:
        return None
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following


@require_GET
def export_csv(request):
    require_agency(request.user)
    raw = request.GET.get("monat") or timezone.localdate().strftime("%Y-%m")
    bounds = month_range(raw)
    if bounds is None:
        messages.error(request, _("Bitte einen Monat im Format JJJJ-MM angeben."))
        return redirect("rooms_admin:index")
    first, following = bounds
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time()))
    bookings = (
        Booking.objects.filter(status=BookingStatus.CONFIRMED, start__gte=start, start__lt=end)
        .select_related("room", "club")
        .prefetch_related("transitions__by")
        .order_by("start", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="raumbuchungen-{raw}.csv"'
    response.write("\ufeff")  # spreadsheet programs then read the umlauts as UTF-8
    writer = csv_writer(response, delimiter=";")
    writer.writerow(CSV_HEADER)
    for booking in bookings:
        local_start, local_end = timezone.localtime(booking.start), timezone.localtime(booking.end)
        confirmer = next(
            (t.by for t in booking.transitions.all() if t.to_status == BookingStatus.CONFIRMED),
            None,
        )
        writer.writerow(
            [
                local_start.strftime("%d.%m.%Y"),
                local_start.strftime("%H:%M"),
                local_end.strftime("%H:%M"),
                booking.room.name,
                booking.club.name,
                booking.purpose,
                booking.attendees,
                formats.number_format(booking.fee, 2),
                _("ja") if booking.fee_waived else _("nein"),
                formats.number_format(booking.amount_due, 2),
                (confirmer.get_full_name() or confirmer.get_username()) if confirmer else "",
            ]
        )
    return response
