"""Free, requested, booked and blocked time of a room, day by day within its opening hours.

Only states and times leave this module: never a club's name, purpose or any other detail of
a booking, so the answer is the same for everyone and may be cached publicly.
"""

import datetime

from django.utils import timezone

from .models import Booking, BookingStatus, Room

FREE, REQUESTED, BOOKED, BLOCKED = "free", "requested", "booked", "blocked"
# Where intervals of different states overlap, the stronger one is shown.
STRENGTH = {FREE: 0, REQUESTED: 1, BOOKED: 2, BLOCKED: 3}


def aware(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def day_slots(opening, busy):
    """Split the opening intervals of one day by the busy intervals ``(start, end, state)``
    into consecutive slots ``{"start", "end", "state"}``, equal neighbours merged."""
    slots = []
    for opens, closes in opening:
        points = {opens, closes}
        for start, end, _state in busy:
            if start < closes and opens < end:
                points.update({max(start, opens), min(end, closes)})
        edges = sorted(points)
        for start, end in zip(edges, edges[1:], strict=False):
            state = FREE
            for busy_start, busy_end, busy_state in busy:
                if busy_start < end and start < busy_end and STRENGTH[busy_state] > STRENGTH[state]:
                    state = busy_state
            if slots and slots[-1]["state"] == state and slots[-1]["end"] == start:
                slots[-1]["end"] = end
            else:
                slots.append({"start": start, "end": end, "state": state})
    return slots


def availability(room: Room, first: datetime.date, last: datetime.date) -> list[dict]:
    """One entry per day from ``first`` to ``last`` (inclusive)."""
    window_start, window_end = (
        aware(first, datetime.time()),
        aware(last + datetime.timedelta(days=1), datetime.time()),
    )
    busy = [
        (b.start, b.end, BOOKED if b.status == BookingStatus.CONFIRMED else REQUESTED)
        for b in Booking.objects.filter(
            room=room,
            status__in=[BookingStatus.CONFIRMED, BookingStatus.REQUESTED],
            start__lt=window_end,
            end__gt=window_start,
        ).only("start", "end", "status")
    ]
    busy += [
        (p.start, p.end, BLOCKED)
        for p in room.blocked_periods.all()
        if p.start < window_end and window_start < p.end
    ]
    hours = list(room.opening_hours.all())
    days = []
    day = first
    while day <= last:
        opening = [
            (aware(day, h.opens), aware(day, h.closes)) for h in hours if h.weekday == day.weekday()
        ]
        days.append(
            {
                "date": day,
                "weekday": day.weekday(),
                "opening_hours": [
                    {"opens": f"{h.opens:%H:%M}", "closes": f"{h.closes:%H:%M}"}
                    for h in hours
                    if h.weekday == day.weekday()
                ],
                "slots": day_slots(opening, busy),
            }
        )
        day += datetime.timedelta(days=1)
    return days
