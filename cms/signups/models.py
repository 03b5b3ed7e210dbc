"""Sign-ups for events: the options an organiser switches on per event, the people who sign
up (confirmed, offered a freed place, waiting, cancelled), and the record that their personal
data was deleted after the event.

``SignupOptions`` is also the *capacity row*: every change of who holds a place locks it first
(``services.lock_options``), so confirmed and offered places never exceed the capacity.
"""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAX_PEOPLE_PER_SIGNUP = 10


class SignupOptions(models.Model):
    event = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="signup_options",
    )
    enabled = models.BooleanField(_("Anmeldung eingeschaltet"), default=True)
    capacity = models.PositiveIntegerField(
        _("Plätze"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    deadline = models.DateTimeField(
        _("Anmeldeschluss"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: Anmeldung bis zum Beginn der Veranstaltung."),
    )
    max_people = models.PositiveSmallIntegerField(
        _("Höchstens Personen je Anmeldung"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PEOPLE_PER_SIGNUP)],
    )
    ask_language_needs = models.BooleanField(_("Nach Sprachbedarf fragen"), default=False)
    ask_childcare = models.BooleanField(_("Nach Kinderbetreuung fragen"), default=False)
    ask_dietary = models.BooleanField(_("Nach Essenswünschen fragen"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Anmeldeoptionen")
        verbose_name_plural = _("Anmeldeoptionen")

    def __str__(self):
        return str(self.event)


class SignupStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Bestätigt")
    OFFERED = "offered", _("Platz angeboten")
    WAITING = "waiting", _("Warteliste")
    CANCELLED = "cancelled", _("Abgemeldet")
    EXPIRED = "expired", _("Angebot verfallen")


HOLDING_PLACES = (SignupStatus.CONFIRMED, SignupStatus.OFFERED)


class Signup(models.Model):
    options = models.ForeignKey(
        SignupOptions, on_delete=models.CASCADE, related_name="signups", verbose_name=_("Termin")
    )
    status = models.CharField(_("Status"), max_length=12, choices=SignupStatus.choices)
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"), max_length=254)
    organisation = models.CharField(
        _("Für die Organisation"),
        max_length=200,
        blank=True,
        help_text=_("Leer, wenn die Person für sich selbst angemeldet ist."),
    )
    people = models.PositiveSmallIntegerField(
        _("Personen"), default=1, validators=[MinValueValidator(1)]
    )
    language_needs = models.CharField(_("Sprachbedarf"), max_length=200, blank=True)
    childcare = models.PositiveSmallIntegerField(_("Kinder zur Betreuung"), default=0)
    dietary = models.CharField(_("Essenswünsche"), max_length=200, blank=True)
    locale = models.CharField(_("Sprache"), max_length=10, default="de")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True, db_index=True)
    offered_until = models.DateTimeField(_("Angebot gilt bis"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("Anwesend"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        permissions = [("view_all_signups", _("Teilnehmerlisten aller Vereine sehen"))]
        indexes = [models.Index(fields=["options", "status", "created_at"])]

    def __str__(self):
        return self.name


class SignupDeletion(models.Model):
    """The trace left when the personal data of an event's sign-ups was deleted: what, how
    many and when, never who."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Veranstaltung"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event_title = models.CharField(_("Veranstaltung"), max_length=255)
    event_start = models.DateTimeField(_("Beginn"))
    signups_deleted = models.PositiveIntegerField(_("gelöschte Anmeldungen"))
    attended = models.PositiveIntegerField(_("davon anwesend"))
    people = models.PositiveIntegerField(_("Personen insgesamt"))
    deleted_at = models.DateTimeField(_("gelöscht am"), auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("Löschung von Anmeldedaten")
        verbose_name_plural = _("Löschungen von Anmeldedaten")

    def __str__(self):
        return self.event_title
