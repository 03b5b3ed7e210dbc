"""Everything that changes who holds a place goes through here.

The rule "confirmed and offered places never exceed the capacity" holds because every change
first locks the event's ``SignupOptions`` row (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite
a no-op ``UPDATE``, which takes SQLite's database write lock) and only then counts the places
held. A sign-up that does not fit joins the waiting list; a freed place is offered to the
first person on the list whose party fits, for ``SIGNUP_OFFER_HOURS``, then to the next.
"""

import datetime

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from . import mails
from .models import HOLDING_PLACES, Signup, SignupOptions, SignupStatus


class SignupClosed(Exception):
    """The event takes no (more) sign-ups: switched off, deadline passed or already begun."""


def lock_options(options_id: int) -> SignupOptions:
    """Serialise every place-changing write of one event until the transaction ends."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(SignupOptions._meta.db_table)
            cursor.execute(f"UPDATE {table} SET id = id WHERE id = %s", [options_id])  # noqa: S608
    return SignupOptions.objects.select_for_update().select_related("event").get(pk=options_id)


def places_held(options: SignupOptions) -> int:
    held = options.signups.filter(status__in=HOLDING_PLACES).aggregate(total=Sum("people"))
    return held["total"] or 0


def deadline(options: SignupOptions) -> datetime.datetime:
    return options.deadline or options.event.start


def is_open(options: SignupOptions, now=None) -> bool:
    now = now or timezone.now()
    return options.enabled and options.event.live and now < deadline(options)


def places_held_by_options(option_ids) -> dict[int, tuple[int, bool]]:
    """Places held and whether anybody waits, for many events in one query."""
    rows = (
        Signup.objects.filter(options_id__in=option_ids)
        .values("options_id")
        .annotate(
            held=Sum("people", filter=Q(status__in=HOLDING_PLACES)),
            waiting=Count("pk", filter=Q(status=SignupStatus.WAITING)),
        )
    )
    return {row["options_id"]: (row["held"] or 0, row["waiting"] > 0) for row in rows}


def state(options: SignupOptions, now=None, held=None) -> dict:
    """The public state: ``open`` with the free places, ``waitlist``, or ``closed``.
    ``held`` (places held, anybody waiting) may come from :func:`places_held_by_options`."""
    if held is None:
        held = (
            places_held(options),
            options.signups.filter(status=SignupStatus.WAITING).exists(),
        )
    free = max(options.capacity - held[0], 0)
    waiting = held[1]
    if not is_open(options, now):
        name = "closed"
    elif free and not waiting:
        name = "open"
    else:
        name = "waitlist"
    return {"state": name, "capacity": options.capacity, "free": free if name == "open" else 0}


def sign_up(options: SignupOptions, data: dict, locale: str) -> Signup:
    """Confirm the sign-up if its party fits and nobody waits before it, else put it on the
    waiting list. Raises :class:`SignupClosed` when the event takes no sign-ups."""
    with transaction.atomic():
        options = lock_options(options.pk)
        if not is_open(options):
            raise SignupClosed
        people = data.get("people", 1)
        nobody_waits = not options.signups.filter(
            status__in=(SignupStatus.WAITING, SignupStatus.OFFERED)
        ).exists()
        fits = places_held(options) + people <= options.capacity
        signup = Signup.objects.create(
            options=options,
            status=SignupStatus.CONFIRMED if fits and nobody_waits else SignupStatus.WAITING,
            name=data["name"],
            email=data["email"],
            organisation=data.get("organisation", ""),
            people=people,
            language_needs=data.get("language_needs", "") if options.ask_language_needs else "",
            childcare=data.get("childcare", 0) if options.ask_childcare else 0,
            dietary=data.get("dietary", "") if options.ask_dietary else "",
            locale=locale,
        )
        mails.send_on_commit(
            signup, "confirmed" if signup.status == SignupStatus.CONFIRMED else "waiting"
        )
    return signup


def cancel(signup: Signup) -> Signup:
    """Give the place (or the place on the list) back; the freed place goes to the next."""
    with transaction.atomic():
        lock_options(signup.options_id)
        signup = Signup.objects.select_related("options__event").get(pk=signup.pk)
        if signup.status in (SignupStatus.CANCELLED, SignupStatus.EXPIRED):
            return signup
        signup.status = SignupStatus.CANCELLED
        signup.offered_until = None
        signup.save(update_fields=["status", "offered_until"])
        mails.send_on_commit(signup, "cancelled")
        offer_free_places(signup.options)
    return signup


def accept(signup: Signup, now=None) -> bool:
    """Take an offered place while the offer lasts. False if it lapsed or was never made."""
    now = now or timezone.now()
    with transaction.atomic():
        lock_options(signup.options_id)
        signup = Signup.objects.select_related("options__event").get(pk=signup.pk)
        if signup.status == SignupStatus.CONFIRMED:
            return True
        if signup.status != SignupStatus.OFFERED or signup.offered_until <= now:
            return False
        signup.status = SignupStatus.CONFIRMED
        signup.offered_until = None
        signup.save(update_fields=["status", "offered_until"])
        mails.send_on_commit(signup, "confirmed")
    return True


def offer_free_places(options: SignupOptions, now=None) -> list[Signup]:
    """Offer the free places to the waiting list in order; the caller holds the lock.

    A party too large for the free places is passed over for now and keeps its position."""
    if not is_open(options, now):
        return []
    now = now or timezone.now()
    free = options.capacity - places_held(options)
    offered = []
    until = now + datetime.timedelta(hours=settings.SIGNUP_OFFER_HOURS)
    for signup in options.signups.filter(status=SignupStatus.WAITING).order_by("created_at", "pk"):
        if free <= 0:
            break
        if signup.people > free:
            continue
        signup.status = SignupStatus.OFFERED
        signup.offered_until = min(until, deadline(options))
        signup.save(update_fields=["status", "offered_until"])
        signup.options = options
        mails.send_on_commit(signup, "offer")
        free -= signup.people
        offered.append(signup)
    return offered


def expire_offers(now=None) -> int:
    """Let lapsed offers go and offer their places to the next on the list."""
    now = now or timezone.now()
    option_ids = set(
        Signup.objects.filter(status=SignupStatus.OFFERED, offered_until__lte=now).values_list(
            "options_id", flat=True
        )
    )
    expired = 0
    for options_id in option_ids:
        with transaction.atomic():
            options = lock_options(options_id)
            lapsed = options.signups.filter(status=SignupStatus.OFFERED, offered_until__lte=now)
            expired += lapsed.update(status=SignupStatus.EXPIRED, offered_until=None)
            offer_free_places(options, now)
    return expired


def remind(now=None) -> int:
    """Remind confirmed people the day before their event (once)."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = Signup.objects.select_related("options__event").filter(
        status=SignupStatus.CONFIRMED,
        reminded_at__isnull=True,
        options__event__start__date=tomorrow,
    )
    count = 0
    for signup in due:
        with transaction.atomic():
            if Signup.objects.filter(pk=signup.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                mails.send_on_commit(signup, "reminder")
                count += 1
    return count
