"""Everything that creates or changes a booking goes through here: validation, fees, the state
machine, the lock that keeps confirmed bookings from overlapping, and the mails to the club.

The rule "confirmed bookings of a room never overlap" holds in two layers:

1. Every request and every confirmation runs in a transaction that first locks the room's row
   (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite a no-op ``UPDATE`` of the row, which
   takes SQLite's database write lock, so such transactions run one after another) and only
   then looks for overlapping confirmed bookings.
2. On PostgreSQL the exclusion constraint ``rooms_booking_no_overlap`` refuses an overlapping
   confirmed row whatever code writes it; a violation is reported as the same clear error.
"""

import datetime
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cms.core.access import club_tenants_of
from cms.core.mail import notify_on_commit

from .models import Booking, BookingStatus, BookingTransition, Room, Weekday

MAX_OCCURRENCES = 53  # a year of weekly meetings
CENT = Decimal("0.01")


class BookingError(ValidationError):
    """Field-wise errors (``message_dict``); ``failed_dates`` lists the occurrences of a
    weekly request that cannot be booked."""

    def __init__(self, errors: dict[str, list[str]], failed_dates=()):
        super().__init__(errors)
        self.failed_dates = list(failed_dates)


# --- who may do what -------------------------------------------------------------------------


def clubs_of(user):
    """The club tenants whose editor ``user`` is."""
    return club_tenants_of(user)


def may_manage(user, booking: Booking) -> bool:
    """Agency staff manage every booking; club editors their own club's."""
    if not user.is_authenticated:
        return False
    return (
        user.has_perm("rooms.decide_booking") or clubs_of(user).filter(pk=booking.club_id).exists()
    )


def visible_bookings(user):
    queryset = Booking.objects.select_related("room", "club")
    if not user.is_authenticated:
        return queryset.none()
    if user.has_perm("rooms.decide_booking"):
        return queryset
    return queryset.filter(club__in=clubs_of(user))


# --- fees ------------------------------------------------------------------------------------


def fee_for(room: Room, start: datetime.datetime, end: datetime.datetime) -> Decimal:
    """Hourly fee for the time booked on each (local) day, capped per day at the daily fee."""
    total = Decimal("0")
    current = timezone.localtime(start)
    end = timezone.localtime(end)
    while current < end:
        next_midnight = timezone.make_aware(
            datetime.datetime.combine(current.date() + datetime.timedelta(days=1), datetime.time())
        )
        day_end = min(end, next_midnight)
        hours = Decimal((day_end - current).total_seconds()) / Decimal(3600)
        day_fee = hours * room.hourly_fee
        if room.daily_fee:
            day_fee = min(day_fee, room.daily_fee)
        total += day_fee
        current = day_end
    return total.quantize(CENT, rounding=ROUND_HALF_UP)


# --- validation ------------------------------------------------------------------------------


def local_text(value: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(value), "d.m.Y H:i")


def date_text(value: datetime.date) -> str:
    return formats.date_format(value, "d.m.Y")


def _add(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def static_errors(room: Room, start, end, attendees) -> dict[str, list[str]]:
    """What is wrong with a request whatever its date: order of times, the room's size."""
    errors: dict[str, list[str]] = {}
    if start is not None and end is not None and end <= start:
        _add(errors, "end", _("Das Ende muss nach dem Beginn liegen."))
    if attendees is not None and attendees > room.capacity:
        _add(
            errors,
            "attendees",
            _("Der Raum hat nur %(capacity)s Plätze.") % {"capacity": room.capacity},
        )
    if attendees is not None and attendees < 1:
        _add(errors, "attendees", _("Bitte mindestens eine Person angeben."))
    return errors


def opening_error(room: Room, start, end) -> str | None:
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    weekday = local_start.weekday()
    hours = [h for h in room.opening_hours.all() if h.weekday == weekday]
    # A booking lies within one opening interval of its (local) day.
    if local_end.date() == local_start.date():
        for interval in hours:
            if interval.opens <= local_start.time() and local_end.time() <= interval.closes:
                return None
    day = Weekday(weekday).label
    if not hours:
        return _("Der Raum ist am %(day)s geschlossen.") % {"day": day}
    times = ", ".join(f"{h.opens:%H:%M}–{h.closes:%H:%M}" for h in hours)
    return _("Außerhalb der Öffnungszeiten (%(day)s %(times)s Uhr).") % {
        "day": day,
        "times": times,
    }


def dated_errors(room: Room, start, end, *, now=None, exclude_pk=None) -> dict[str, list[str]]:
    """What is wrong with one concrete slot: past, closed, blocked, already booked."""
    errors: dict[str, list[str]] = {}
    now = now or timezone.now()
    if start < now:
        _add(errors, "start", _("Der Beginn liegt in der Vergangenheit."))
    problem = opening_error(room, start, end)
    if problem:
        _add(errors, "start", problem)
    for period in room.blocked_periods.all():
        if period.start < end and start < period.end:
            _add(
                errors,
                "start",
                _("Der Raum ist von %(start)s bis %(end)s gesperrt: %(reason)s.")
                % {
                    "start": local_text(period.start),
                    "end": local_text(period.end),
                    "reason": period.reason,
                },
            )
    taken = Booking.objects.filter(
        room=room, status=BookingStatus.CONFIRMED, start__lt=end, end__gt=start
    )
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        _add(errors, "start", _("Der Raum ist in dieser Zeit schon vergeben."))
    return errors


def occurrences(start, end, repeat_until: datetime.date | None):
    """The weekly occurrences (same local wall-clock times) from ``start`` until the date, at
    most ``MAX_OCCURRENCES + 1`` (one more than allowed, so the caller can refuse the series
    without ever walking to a far ``repeat_until``)."""
    if repeat_until is None:
        return [(start, end)]
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    result = []
    for week in range(MAX_OCCURRENCES + 1):
        try:
            day = local_start.date() + datetime.timedelta(weeks=week)
        except OverflowError:
            break
        if day > repeat_until:
            break
        shift = day - local_start.date()
        result.append(
            (
                timezone.make_aware(datetime.datetime.combine(day, local_start.time())),
                timezone.make_aware(
                    datetime.datetime.combine(local_end.date() + shift, local_end.time())
                ),
            )
        )
    return result


# --- locking ---------------------------------------------------------------------------------


def lock_room(room_id: int) -> None:
    """Serialize every booking write of one room until the surrounding transaction ends."""
    if connection.vendor == "postgresql":
        list(Room.objects.select_for_update().filter(pk=room_id).values_list("pk"))
    else:
        # SQLite has no row locks; writing takes the database's write lock for the rest of the
        # transaction, so a second writer waits (busy timeout) until this one commits.
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(Room._meta.db_table)
            cursor.execute(f"UPDATE {table} SET id = id WHERE id = %s", [room_id])  # noqa: S608


# --- requests and transitions ----------------------------------------------------------------


@dataclass
class BookingRequest:
    room: Room
    club: object  # Tenant
    start: datetime.datetime
    end: datetime.datetime
    purpose: str
    attendees: int
    repeat_until: datetime.date | None = None


def request_booking(data: BookingRequest, user, *, now=None) -> list[Booking]:
    """Create the booking (or every weekly occurrence) as requested, or raise BookingError
    naming each problem; a series is created whole or not at all."""
    errors = static_errors(data.room, data.start, data.end, data.attendees)
    if errors:
        raise BookingError(errors)
    slots = occurrences(data.start, data.end, data.repeat_until)
    if data.repeat_until is not None:
        if data.repeat_until < timezone.localtime(data.start).date():
            raise BookingError(
                {"repeat_until": [_("Das Wiederholungsende liegt vor dem ersten Termin.")]}
            )
        if len(slots) > MAX_OCCURRENCES:
            raise BookingError(
                {
                    "repeat_until": [
                        _("Höchstens %(count)s wöchentliche Termine auf einmal.")
                        % {"count": MAX_OCCURRENCES}
                    ]
                }
            )
    with transaction.atomic():
        lock_room(data.room.pk)
        failed, messages = [], []
        for start, end in slots:
            problems = dated_errors(data.room, start, end, now=now)
            if not problems:
                continue
            if data.repeat_until is None:
                raise BookingError(problems)
            day = timezone.localtime(start).date()
            failed.append(day)
            text = " ".join(m for field_messages in problems.values() for m in field_messages)
            messages.append(f"{date_text(day)}: {text}")
        if failed:
            raise BookingError({"occurrences": messages}, failed_dates=failed)
        series = uuid.uuid4() if len(slots) > 1 else None
        bookings = []
        for start, end in slots:
            booking = Booking.objects.create(
                room=data.room,
                club=data.club,
                start=start,
                end=end,
                purpose=data.purpose,
                attendees=data.attendees,
                fee=fee_for(data.room, start, end),
                series=series,
                requested_by=user if user and user.is_authenticated else None,
            )
            record(booking, "", BookingStatus.REQUESTED, user)
            bookings.append(booking)
        notify_club(bookings, BookingStatus.REQUESTED, user)
    return bookings


def record(booking: Booking, from_status: str, to_status: str, user, note: str = ""):
    return BookingTransition.objects.create(
        booking=booking,
        from_status=from_status,
        to_status=to_status,
        by=user if user and user.is_authenticated else None,
        note=note[:300],
    )


def transition(booking: Booking, to_status: str, user, note: str = "", *, now=None) -> Booking:
    """Move one booking to ``to_status`` (checked against the state machine), record it and
    mail the club. Confirming re-checks the slot under the room's lock."""
    with transaction.atomic():
        lock_room(booking.room_id)
        booking = Booking.objects.select_related("room", "club").get(pk=booking.pk)
        if not booking.can_become(to_status):
            raise BookingError(
                {"status": [REFUSED_MOVES[to_status]() % {"status": booking.get_status_display()}]}
            )
        if to_status == BookingStatus.CONFIRMED:
            problems = dated_errors(
                booking.room, booking.start, booking.end, now=now, exclude_pk=booking.pk
            )
            if problems:
                raise BookingError(problems)
        if to_status == BookingStatus.CANCELLED and booking.start <= (now or timezone.now()):
            raise BookingError(
                {
                    "status": [
                        _("Eine begonnene oder vergangene Buchung kann nicht storniert werden.")
                    ]
                }
            )
        previous = booking.status
        booking.status = to_status
        try:
            with transaction.atomic():
                booking.save(update_fields=["status"])
        except IntegrityError as exc:  # the exclusion constraint on PostgreSQL
            raise BookingError(
                {"start": [_("Der Raum ist in dieser Zeit schon vergeben.")]}
            ) from exc
        record(booking, previous, to_status, user, note)
        notify_club([booking], to_status, user, note)
    return booking


# Whole sentences, one per move: a translator cannot inflect a participle put into a sentence.
REFUSED_MOVES = {
    BookingStatus.REQUESTED: lambda: _(
        "Eine Buchung im Status „%(status)s“ kann nicht angefragt werden."
    ),
    BookingStatus.CONFIRMED: lambda: _(
        "Eine Buchung im Status „%(status)s“ kann nicht bestätigt werden."
    ),
    BookingStatus.DECLINED: lambda: _(
        "Eine Buchung im Status „%(status)s“ kann nicht abgelehnt werden."
    ),
    BookingStatus.CANCELLED: lambda: _(
        "Eine Buchung im Status „%(status)s“ kann nicht storniert werden."
    ),
}


def confirm(booking, user, note="", **kwargs):
    return transition(booking, BookingStatus.CONFIRMED, user, note, **kwargs)


def decline(booking, user, note="", **kwargs):
    return transition(booking, BookingStatus.DECLINED, user, note, **kwargs)


def cancel(booking, user, note="", **kwargs):
    return transition(booking, BookingStatus.CANCELLED, user, note, **kwargs)


def set_fee_waived(booking: Booking, waived: bool, user) -> Booking:
    """The agency waives (or reinstates) the fee; recorded as a note on the booking's log."""
    with transaction.atomic():
        booking = Booking.objects.select_for_update().get(pk=booking.pk)
        if booking.fee_waived != waived:
            booking.fee_waived = waived
            booking.save(update_fields=["fee_waived"])
            with translation.override("de"):
                note = _("Gebühr erlassen") if waived else _("Gebühr wieder erhoben")
            record(booking, booking.status, booking.status, user, note)
    return booking


# --- mail ------------------------------------------------------------------------------------


def club_addresses(booking: Booking, user=None) -> list[str]:
    """The club's contact address and the editor who asked, without duplicates."""
    addresses = []
    page = booking.club.root_page.specific
    for address in (getattr(page, "contact_email", ""), getattr(booking.requested_by, "email", "")):
        if address and address.lower() not in [a.lower() for a in addresses]:
            addresses.append(address)
    return addresses


def notify_club(bookings: list[Booking], status: str, user, note: str = "") -> None:
    if not bookings:
        return
    first = bookings[0]
    with translation.override("de"):
        context = {
            "booking": first,
            "bookings": [
                {
                    "start": local_text(b.start),
                    "end": formats.date_format(timezone.localtime(b.end), "H:i"),
                    "fee": formats.number_format(b.amount_due, 2),
                }
                for b in bookings
            ],
            "status": status,
            "status_label": BookingStatus(status).label,
            "by": (user.get_full_name() or user.get_username()) if user else "",
            "note": note,
            "waived": first.fee_waived,
        }
        for address in club_addresses(first, user):
            notify_on_commit(address, "rooms/emails/transition.txt", context)
