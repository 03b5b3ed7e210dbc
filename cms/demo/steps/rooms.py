"""The agency's rooms (the Café International and two rooms of the Dachverband) with tariffs,
opening hours and blocked periods, and bookings of demo clubs across the coming weeks in
every state, all relative to the demo's ``today``."""

import datetime
from dataclasses import asdict
from decimal import Decimal

from django.utils import timezone

from cms.rooms.models import BlockedPeriod, Booking, BookingTransition, OpeningHours, Room
from cms.rooms.services import fee_for
from cms.taxonomy.models import Municipality
from cms.tenancy.models import Tenant

from .. import data

ROOM_EXTRAS = ("hourly_fee", "daily_fee", "opening_hours", "blocked")


def at(day: datetime.date, hhmm: str) -> datetime.datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def ensure_rooms(context) -> None:
    for seed in data.ROOMS:
        fields = asdict(seed)
        for key in ROOM_EXTRAS:
            fields.pop(key)
        fields["municipality"] = Municipality.objects.get(name=seed.municipality)
        fields["hourly_fee"] = Decimal(seed.hourly_fee)
        fields["daily_fee"] = Decimal(seed.daily_fee)
        room, created = Room.objects.get_or_create(name=fields.pop("name"), defaults=fields)
        context.created["Räume"] += created
        context.rooms[room.name] = room
        if not room.opening_hours.exists():
            for weekday, opens, closes in seed.opening_hours:
                OpeningHours.objects.create(
                    room=room,
                    weekday=weekday,
                    opens=datetime.time.fromisoformat(opens),
                    closes=datetime.time.fromisoformat(closes),
                )
        for days, hour, length, reason in seed.blocked:
            if room.blocked_periods.filter(reason=reason).exists():
                continue
            day = context.today + datetime.timedelta(days=days)
            start = at(day, f"{hour:02d}:00")
            end = at(day + datetime.timedelta(days=length), "00:00") if length else at(day, "22:00")
            BlockedPeriod.objects.create(room=room, start=start, end=end, reason=reason)
            context.created["Sperrzeiten"] += 1


def open_day(room: Room, day: datetime.date) -> datetime.date:
    """``day`` or the room's next day with opening hours."""
    weekdays = set(room.opening_hours.values_list("weekday", flat=True))
    for _step in range(7):
        if day.weekday() in weekdays:
            return day
        day += datetime.timedelta(days=1)
    return day


def ensure_bookings(context) -> None:
    """Runs after the clubs exist. Transitions are recorded as the agency's (or the club
    editor's) decisions; no mail leaves (the demo's mail backend is a dummy anyway)."""
    clubs = list(Tenant.objects.filter(kind="club").order_by("name"))
    if not clubs:
        return
    agency = context.users.get("agency")
    for seed in data.ROOM_BOOKINGS:
        room = context.rooms.get(seed.room) or Room.objects.get(name=seed.room)
        club = clubs[seed.club % len(clubs)]
        day = open_day(room, context.today + datetime.timedelta(days=seed.day))
        start, end = at(day, seed.start), at(day, seed.end)
        if Booking.objects.filter(room=room, club=club, start=start).exists():
            continue
        editor = club.group.user_set.order_by("pk").first()
        booking = Booking.objects.create(
            room=room,
            club=club,
            start=start,
            end=end,
            purpose=seed.purpose,
            attendees=seed.attendees,
            status=seed.status,
            fee=fee_for(room, start, end),
            fee_waived=seed.fee_waived,
            requested_by=editor,
        )
        BookingTransition.objects.create(booking=booking, to_status="requested", by=editor)
        if seed.status in ("confirmed", "declined"):
            BookingTransition.objects.create(
                booking=booking, from_status="requested", to_status=seed.status, by=agency
            )
        if seed.status == "cancelled":
            BookingTransition.objects.create(
                booking=booking, from_status="requested", to_status="confirmed", by=agency
            )
            BookingTransition.objects.create(
                booking=booking, from_status="confirmed", to_status="cancelled", by=editor
            )
        context.created["Raumbuchungen"] += 1
