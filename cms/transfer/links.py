"""The parts of a club archive that point outside the club's own tree: its side of cooperations
with partner organisations, its mentorings with other clubs, and its room bookings.

What the archive carries, and why:

* **Cooperations** (``cooperations``): one entry per ``CooperationLink`` of the club — the
  partner organisation and the cooperation page by slug (with their titles, for the report),
  who proposed it, both decisions with their dates. The cooperation *page* is the partner's
  and stays in the partner's tree; it is not in the club's archive. On import the link is
  restored when the partner and the cooperation exist on the target installation, and the
  club is named on the cooperation page again (its live row and its latest revision, so the
  partner's next publication keeps the link). Otherwise it is skipped with a note.
* **Mentorings** (``mentorings``): the club's role (mentor or mentee), the other club by slug,
  dates, funding reference, description and both decisions. Restored when the other club
  exists on the target; skipped with a note when it does not, or when the same mentoring
  (same clubs, same creation time) is already there — it travels in both clubs' archives.
* **Bookings** (``bookings``): every booking of the club with its room by name and its whole
  status log (``BookingTransition``). Restored when the room exists; a *confirmed* booking
  whose slot is taken by a confirmed booking on the target is skipped with a note — the
  no-double-booking rule holds on import as everywhere else.

People: a user reference (who requested a booking, who moved its status, who recorded a
mentoring) is carried as an e-mail address only when that person is one of the club's own
editors, who are in the archive anyway; agency staff and other clubs' editors are this
installation's accounts and are carried as ``null``.

Malformed entries (unknown status, a date that is none, an end before the start) are a broken
archive: the import fails as a whole. Entries that do not fit the target (missing partner,
club or room, taken slot) are skipped and reported; the rest of the club is imported.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Locale

from cms.clubs.models import ClubPage
from cms.partners.models import (
    CooperationLink,
    CooperationPage,
    Decision,
    Mentoring,
    PartnerPage,
    Side,
)
from cms.rooms.models import Booking, BookingStatus, BookingTransition, Room
from cms.rooms.services import lock_room
from cms.tenancy.provisioning import club_index

from .errors import TransferError


def _stamp(value):
    return value.isoformat() if value is not None else None


def _local(value: datetime.datetime) -> str:
    return f"{timezone.localtime(value):%d.%m.%Y %H:%M}"


# --- Export ----------------------------------------------------------------------------------


def export_links(tenant) -> dict:

    editors = dict(get_user_model().objects.filter(groups=tenant.group).values_list("pk", "email"))

    def person(user_id):
        return editors.get(user_id)

    key = tenant.root_page.translation_key
    cooperations = []
    links = CooperationLink.objects.filter(club__translation_key=key).select_related("cooperation")
    for link in links:
        partner = PartnerPage.objects.ancestor_of(link.cooperation).first()
        cooperations.append(
            {
                "partner": partner.slug if partner else None,
                "partner_name": partner.title if partner else None,
                "cooperation": link.cooperation.slug,
                "title": link.cooperation.title,
                "proposed_by": link.proposed_by,
                "club_status": link.club_status,
                "partner_status": link.partner_status,
                "club_decided_at": _stamp(link.club_decided_at),
                "partner_decided_at": _stamp(link.partner_decided_at),
                "created_at": _stamp(link.created_at),
            }
        )
    cooperations.sort(key=lambda entry: (entry["partner"] or "", entry["cooperation"]))

    mentorings = []
    for mentoring in (
        Mentoring.objects.filter(Q(mentor__translation_key=key) | Q(mentee__translation_key=key))
        .select_related("mentor", "mentee")
        .order_by("created_at", "pk")
    ):
        role = "mentor" if mentoring.mentor.translation_key == key else "mentee"
        other = mentoring.mentee if role == "mentor" else mentoring.mentor
        mentorings.append(
            {
                "role": role,
                "other": other.slug,
                "other_name": other.title,
                "start_date": _stamp(mentoring.start_date),
                "end_date": _stamp(mentoring.end_date),
                "funding_reference": mentoring.funding_reference,
                "description": mentoring.description,
                "mentor_status": mentoring.mentor_status,
                "mentee_status": mentoring.mentee_status,
                "created_by": person(mentoring.created_by_id),
                "created_at": _stamp(mentoring.created_at),
            }
        )

    bookings = []
    for booking in (
        Booking.objects.filter(club=tenant)
        .select_related("room")
        .prefetch_related("transitions")
        .order_by("start", "pk")
    ):
        bookings.append(
            {
                "room": booking.room.name,
                "start": _stamp(booking.start),
                "end": _stamp(booking.end),
                "purpose": booking.purpose,
                "attendees": booking.attendees,
                "status": booking.status,
                "fee": str(booking.fee),
                "fee_waived": booking.fee_waived,
                "series": str(booking.series) if booking.series else None,
                "requested_by": person(booking.requested_by_id),
                "created_at": _stamp(booking.created_at),
                "transitions": [
                    {
                        "from_status": step.from_status,
                        "to_status": step.to_status,
                        "by": person(step.by_id),
                        "at": _stamp(step.at),
                        "note": step.note,
                    }
                    for step in booking.transitions.all()
                ],
            }
        )
    return {"cooperations": cooperations, "mentorings": mentorings, "bookings": bookings}


# --- Import ----------------------------------------------------------------------------------


class Reader:
    """Typed access to one archive entry; anything malformed is a ``TransferError``."""

    def __init__(self, entry, what: str):

        self.error = TransferError
        if not isinstance(entry, dict):
            raise TransferError(f"Archiv beschädigt: {what} ist kein Eintrag.")
        self.entry, self.what = entry, what

    def fail(self, name):
        raise self.error(
            f"Archiv beschädigt: {self.what}, Feld „{name}“: {self.entry.get(name)!r}."
        )

    def text(self, name, *, blank=True) -> str:
        value = self.entry.get(name, "")
        if not isinstance(value, str) or (not blank and not value):
            self.fail(name)
        return value

    def choice(self, name, choices) -> str:
        value = self.entry.get(name)
        if value not in choices.values:
            self.fail(name)
        return value

    def moment(self, name, *, optional=False):
        value = self.entry.get(name)
        if value is None and optional:
            return None
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None or timezone.is_naive(parsed):
            self.fail(name)
        return parsed

    def day(self, name):
        value = self.entry.get(name)
        if value is None:
            return None
        try:
            parsed = parse_date(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            self.fail(name)
        return parsed

    def number(self, name) -> int:
        value = self.entry.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(name)
        return value

    def flag(self, name) -> bool:
        value = self.entry.get(name)
        if not isinstance(value, bool):
            self.fail(name)
        return value

    def decimal(self, name) -> Decimal:
        try:
            value = Decimal(self.entry.get(name))
        except (TypeError, InvalidOperation):
            self.fail(name)
        if not value.is_finite() or value < 0:
            self.fail(name)
        return value


def _entries(document: dict, name: str) -> list:

    value = document.get(name, [])
    if not isinstance(value, list):
        raise TransferError(f"Archiv beschädigt: „{name}“ ist keine Liste.")
    return value


def import_links(tenant, document: dict, notes: list[str]) -> None:
    """Restore cooperations, mentorings and bookings of the freshly imported ``tenant``;
    what does not fit this installation is skipped and described in ``notes``."""
    users = {}
    for user in get_user_model().objects.filter(groups=tenant.group):
        users[user.email.lower()] = user

    def person(value):
        return users.get(value.lower()) if isinstance(value, str) else None

    club = tenant.root_page.specific
    _import_cooperations(club, _entries(document, "cooperations"), notes)
    _import_mentorings(club, _entries(document, "mentorings"), person, notes)
    _import_bookings(tenant, _entries(document, "bookings"), person, notes)


def _import_cooperations(club, entries, notes) -> None:

    default = Locale.get_default()
    for number, entry in enumerate(entries, start=1):
        read = Reader(entry, f"Kooperation {number}")
        slug = read.text("cooperation", blank=False)
        title = read.text("title") or slug
        values = {
            "proposed_by": read.choice("proposed_by", Side),
            "club_status": read.choice("club_status", Decision),
            "partner_status": read.choice("partner_status", Decision),
            "club_decided_at": read.moment("club_decided_at", optional=True),
            "partner_decided_at": read.moment("partner_decided_at", optional=True),
        }
        created_at = read.moment("created_at")
        partner_slug = entry.get("partner")
        partner = (
            PartnerPage.objects.filter(slug=partner_slug, locale=default).first()
            if isinstance(partner_slug, str)
            else None
        )
        if partner is None:
            name = entry.get("partner_name") or partner_slug
            notes.append(
                f"Kooperation „{title}“ übersprungen: die Partnerorganisation „{name}“ "
                "gibt es in dieser Installation nicht."
            )
            continue
        cooperation = CooperationPage.objects.child_of(partner).filter(slug=slug).first()
        if cooperation is None:
            notes.append(
                f"Kooperation „{title}“ übersprungen: die Partnerorganisation „{partner.title}“ "
                "hat hier keine solche Kooperation."
            )
            continue
        if CooperationLink.objects.filter(cooperation=cooperation, club=club).exists():
            notes.append(f"Kooperation „{title}“ übersprungen: die Beteiligung gibt es hier schon.")
            continue
        link = CooperationLink.objects.create(cooperation=cooperation, club=club, **values)
        CooperationLink.objects.filter(pk=link.pk).update(created_at=created_at)
        _name_club_on(cooperation, club)


def _name_club_on(cooperation, club) -> None:
    """Name the club on the partner's cooperation page again (live row and the revisions a
    publication would start from), so publishing it next time keeps the restored link."""
    relation = type(cooperation)._meta.get_field("clubs")
    through = relation.remote_field.through
    through.objects.get_or_create(
        **{relation.m2m_field_name(): cooperation, relation.m2m_reverse_field_name(): club}
    )
    for revision in {cooperation.latest_revision, cooperation.live_revision} - {None}:
        clubs = list(revision.content.get("clubs") or [])
        if club.pk not in clubs:
            revision.content = {**revision.content, "clubs": [*clubs, club.pk]}
            revision.save(update_fields=["content"])


def _import_mentorings(club, entries, person, notes) -> None:

    depth = club_index().depth + 1
    default = Locale.get_default()
    for number, entry in enumerate(entries, start=1):
        read = Reader(entry, f"Mentoring {number}")
        role = read.choice("role", _Roles)
        other_slug = read.text("other", blank=False)
        values = {
            "start_date": read.day("start_date"),
            "end_date": read.day("end_date"),
            "funding_reference": read.text("funding_reference")[:100],
            "description": read.text("description")[:1000],
            "mentor_status": read.choice("mentor_status", Decision),
            "mentee_status": read.choice("mentee_status", Decision),
        }
        created_at = read.moment("created_at")
        other = (
            ClubPage.objects.filter(slug=other_slug, locale=default, depth=depth)
            .exclude(pk=club.pk)
            .first()
        )
        name = entry.get("other_name") or other_slug
        if other is None:
            notes.append(
                f"Mentoring mit „{name}“ übersprungen: diesen Verein gibt es in dieser "
                "Installation nicht."
            )
            continue
        mentor, mentee = (club, other) if role == "mentor" else (other, club)
        if Mentoring.objects.filter(mentor=mentor, mentee=mentee, created_at=created_at).exists():
            notes.append(f"Mentoring mit „{name}“ übersprungen: es ist hier schon eingetragen.")
            continue
        mentoring = Mentoring.objects.create(
            mentor=mentor, mentee=mentee, created_by=person(entry.get("created_by")), **values
        )
        Mentoring.objects.filter(pk=mentoring.pk).update(created_at=created_at)


class _Roles:
    values = ("mentor", "mentee")


def _import_bookings(tenant, entries, person, notes) -> None:
    import uuid

    rooms = {}
    for number, entry in enumerate(entries, start=1):
        read = Reader(entry, f"Buchung {number}")
        name = read.text("room", blank=False)
        start, end = read.moment("start"), read.moment("end")
        if end <= start:
            read.fail("end")
        series = entry.get("series")
        try:
            series = uuid.UUID(series) if series is not None else None
        except (TypeError, ValueError, AttributeError):
            read.fail("series")
        values = {
            "start": start,
            "end": end,
            "purpose": read.text("purpose", blank=False)[:200],
            "attendees": read.number("attendees"),
            "status": read.choice("status", BookingStatus),
            "fee": read.decimal("fee"),
            "fee_waived": read.flag("fee_waived"),
            "series": series,
            "requested_by": person(entry.get("requested_by")),
            "created_at": read.moment("created_at"),
        }
        steps = []
        for step_number, step in enumerate(entry.get("transitions") or [], start=1):
            step_read = Reader(step, f"Buchung {number}, Statuswechsel {step_number}")
            from_status = step.get("from_status") or ""
            if from_status:
                step_read.choice("from_status", BookingStatus)
            steps.append(
                {
                    "from_status": from_status,
                    "to_status": step_read.choice("to_status", BookingStatus),
                    "by": person(step.get("by")),
                    "at": step_read.moment("at"),
                    "note": step_read.text("note")[:300],
                }
            )
        what = f"Buchung „{values['purpose']}“ am {_local(start)}"
        if name not in rooms:
            rooms[name] = Room.objects.filter(name=name).first()
        room = rooms[name]
        if room is None:
            notes.append(
                f"{what} übersprungen: den Raum „{name}“ gibt es in dieser Installation nicht."
            )
            continue
        confirmed = values["status"] == BookingStatus.CONFIRMED
        if confirmed:
            lock_room(room.pk)
            taken = Booking.objects.filter(
                room=room, status=BookingStatus.CONFIRMED, start__lt=end, end__gt=start
            ).exists()
            if taken:
                notes.append(
                    f"{what} übersprungen: der Raum „{name}“ ist in dieser Zeit hier schon "
                    "bestätigt vergeben."
                )
                continue
        try:
            with transaction.atomic():
                booking = Booking.objects.create(room=room, club=tenant, **values)
        except IntegrityError:  # the exclusion constraint on PostgreSQL, should a writer race
            notes.append(
                f"{what} übersprungen: der Raum „{name}“ ist in dieser Zeit hier schon "
                "bestätigt vergeben."
            )
            continue
        BookingTransition.objects.bulk_create(
            BookingTransition(booking=booking, **step) for step in steps
        )
