"""Rooms the agency lends to clubs (Café International, the Dachverband's rooms) and the
clubs' bookings of them.

A room has a tariff (hourly fee capped at a daily fee), opening hours per weekday and blocked
periods (holidays, the agency's own "Abende im Café"). A booking belongs to one club (tenant)
and moves through requested → confirmed | declined, confirmed → cancelled (a request may be
withdrawn as well); every move is kept in ``BookingTransition`` with who and when. Confirmed
bookings of one room never overlap: see :mod:`cms.rooms.constraints` and
:mod:`cms.rooms.services`.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .constraints import NoOverlapConstraint


class Room(ClusterableModel):
    name = models.CharField(_("Name"), max_length=200, unique=True)
    location = models.CharField(_("Adresse"), max_length=300)
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinde"),
        on_delete=models.PROTECT,
        related_name="rooms",
    )
    capacity = models.PositiveIntegerField(_("Plätze"))
    step_free = models.BooleanField(_("Stufenlos erreichbar"), default=False)
    accessible_toilet = models.BooleanField(_("Barrierefreie Toilette"), default=False)
    equipment = models.TextField(_("Ausstattung"), blank=True)
    hourly_fee = models.DecimalField(
        _("Gebühr pro Stunde (€)"), max_digits=7, decimal_places=2, default=Decimal("0")
    )
    daily_fee = models.DecimalField(
        _("Höchstgebühr pro Tag (€)"),
        max_digits=7,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("Mehr als diesen Betrag kostet ein Tag nicht, wie lange auch gebucht wird."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("location"),
        FieldPanel("municipality"),
        FieldPanel("capacity"),
        FieldRowPanel([FieldPanel("step_free"), FieldPanel("accessible_toilet")]),
        FieldPanel("equipment"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("hourly_fee"), FieldPanel("daily_fee")])],
            heading=_("Gebühren"),
        ),
        InlinePanel("opening_hours", heading=_("Öffnungszeiten"), label=_("Öffnungszeit")),
        InlinePanel("blocked_periods", heading=_("Gesperrte Zeiten"), label=_("Sperrzeit")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")

    def __str__(self):
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Montag")
    TUESDAY = 1, _("Dienstag")
    WEDNESDAY = 2, _("Mittwoch")
    THURSDAY = 3, _("Donnerstag")
    FRIDAY = 4, _("Freitag")
    SATURDAY = 5, _("Samstag")
    SUNDAY = 6, _("Sonntag")


class OpeningHours(models.Model):
    """One opening interval on one weekday; a weekday without one is closed."""

    room = ParentalKey(Room, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("Wochentag"), choices=Weekday.choices)
    opens = models.TimeField(_("öffnet"))
    closes = models.TimeField(_("schließt"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="rooms_opening_closes_after_opens"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.opens is not None and self.closes is not None and self.closes <= self.opens:
            raise ValidationError({"closes": _("Die Schließzeit muss nach der Öffnung liegen.")})


class BlockedPeriod(models.Model):
    """A time the room cannot be booked: holidays, the agency's own events."""

    room = ParentalKey(Room, on_delete=models.CASCADE, related_name="blocked_periods")
    start = models.DateTimeField(_("von"))
    end = models.DateTimeField(_("bis"))
    reason = models.CharField(_("Grund"), max_length=200)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("reason")]

    class Meta:
        ordering = ["start"]
        verbose_name = _("Sperrzeit")
        verbose_name_plural = _("Sperrzeiten")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="rooms_blocked_end_after_start"
            )
        ]

    def __str__(self):
        return self.reason

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("angefragt")
    CONFIRMED = "confirmed", _("bestätigt")
    DECLINED = "declined", _("abgelehnt")
    CANCELLED = "cancelled", _("storniert")


# Which status may follow which.
TRANSITIONS = {
    BookingStatus.REQUESTED: {
        BookingStatus.CONFIRMED,
        BookingStatus.DECLINED,
        BookingStatus.CANCELLED,
    },
    BookingStatus.CONFIRMED: {BookingStatus.CANCELLED},
    BookingStatus.DECLINED: set(),
    BookingStatus.CANCELLED: set(),
}


class Booking(models.Model):
    room = models.ForeignKey(
        Room, verbose_name=_("Raum"), on_delete=models.PROTECT, related_name="bookings"
    )
    club = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("Verein"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    purpose = models.CharField(_("Zweck"), max_length=200)
    attendees = models.PositiveIntegerField(_("Erwartete Personen"))
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=BookingStatus.choices,
        default=BookingStatus.REQUESTED,
        db_index=True,
    )
    fee = models.DecimalField(_("Gebühr (€)"), max_digits=8, decimal_places=2, default=0)
    fee_waived = models.BooleanField(_("Gebühr erlassen"), default=False)
    series = models.UUIDField(
        _("Serie"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Gemeinsame Kennung der Termine einer wöchentlichen Anfrage."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angefragt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angefragt am"), default=timezone.now)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("Buchung")
        verbose_name_plural = _("Buchungen")
        permissions = [("decide_booking", _("Buchungen aller Vereine sehen und entscheiden"))]
        indexes = [models.Index(fields=["room", "start"], name="rooms_booking_room_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="rooms_booking_end_after_start"
            ),
            NoOverlapConstraint(name="rooms_booking_no_overlap", condition=Q(status="confirmed")),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.room} {local:%d.%m.%Y %H:%M} ({self.get_status_display()})"

    @property
    def amount_due(self) -> Decimal:
        return Decimal("0.00") if self.fee_waived else self.fee

    @property
    def duration(self) -> datetime.timedelta:
        return self.end - self.start

    def can_become(self, status: str) -> bool:
        return status in TRANSITIONS[BookingStatus(self.status)]


class BookingTransition(models.Model):
    """One change of a booking's status: from what, to what, by whom, when."""

    booking = models.ForeignKey(
        Booking, verbose_name=_("Buchung"), on_delete=models.CASCADE, related_name="transitions"
    )
    from_status = models.CharField(
        _("vorher"), max_length=20, choices=BookingStatus.choices, blank=True
    )
    to_status = models.CharField(_("nachher"), max_length=20, choices=BookingStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("am"), default=timezone.now)
    note = models.CharField(_("Bemerkung"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")

    def __str__(self):
        return f"{self.from_status or '–'} → {self.to_status}"
