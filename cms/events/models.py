"""Club events: single or recurring (RFC 5545 RRULE), at a free address or an agency room."""

import datetime
from types import SimpleNamespace

from dateutil.rrule import rrulestr
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.clubs import api_fields as api
from cms.clubs.api_fields import PublicField
from cms.clubs.bases import ClubIndexBase, ClubLeafPage
from cms.clubs.blocks import ContentStreamBlock

from .rules import RuleError, parse_exdates, parse_rule
from .widgets import ExdatesWidget, RecurrenceWidget

# A recurring event may start at most this many years back: older series must be started anew
# (the rule's expansion jumps to the requested window, but a series is kept current).
MAX_RECURRING_AGE_YEARS = 10
# Any event's start lies in this range of years.
EARLIEST_EVENT_YEAR = 1990
LATEST_EVENT_YEARS_AHEAD = 10


class EventCategory(models.TextChoices):
    MEETING = "meeting", _("Treffen")
    COURSE = "course", _("Kurs")
    FESTIVAL = "festival", _("Fest")
    INFO = "info", _("Informationsabend")
    SPORT = "sport", _("Sport")
    CULTURE = "culture", _("Kultur")
    RELIGION = "religion", _("Religion")
    YOUTH = "youth", _("Jugend")
    OTHER = "other", _("Sonstiges")


def validate_rrule(value: str) -> None:
    """Accept an RFC 5545 RRULE value of the bounded subset in ``rules.parse_rule``, such as
    ``FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231``."""
    try:
        parse_rule(value)
    except RuleError as exc:
        raise ValidationError(
            _("Keine gültige Wiederholungsregel (RFC 5545): %(error)s"),
            params={"error": exc},
            code="rrule",
        ) from exc
    rule = value.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    try:
        rrulestr(rule, dtstart=None, forceset=False, ignoretz=True)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            _("Keine gültige Wiederholungsregel (RFC 5545): %(error)s"),
            params={"error": exc},
            code="rrule",
        ) from exc


def validate_exdates(value: str) -> None:
    """Accept cancelled dates as stored (``20270115,20270122``, at most
    ``rules.MAX_EXDATES``); whether each is a date of the series is checked in
    :meth:`EventPage.clean`, which knows the rule and the start."""
    try:
        parse_exdates(value)
    except RuleError as exc:
        raise ValidationError(str(exc), code="exdate") from exc


class ExdatesField(serializers.Field):
    """The cancelled dates in the API: ISO dates (``["2027-01-15"]``), sorted."""

    def to_representation(self, value):
        try:
            return [day.isoformat() for day in parse_exdates(value)]
        except RuleError:
            return []


class EventIndexPage(ClubIndexBase):
    # Below a club: the club's events; below the portal home: the agency's own (exchange
    # meetings, workshops), shown on the portal (cms.portal.agency_events).
    parent_page_types = ["clubs.ClubPage", "portal.PortalHomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("Veranstaltungen (Übersicht)")


class EventPage(ClubLeafPage):
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    all_day = models.BooleanField(_("Ganztägig"), default=False)
    recurrence = models.CharField(
        _("Wiederholung (RRULE)"),
        max_length=300,
        blank=True,
        validators=[validate_rrule],
        help_text=_("Leer für einmalige Termine. Beispiel: FREQ=WEEKLY;BYDAY=TU;UNTIL=20271231"),
    )
    exdates = models.CharField(
        _("Ausfallende Termine"),
        max_length=600,
        blank=True,
        default="",
        validators=[validate_exdates],
        help_text=_(
            "Tage, an denen ein Termin der Wiederholung ausfällt (z. B. in den Ferien). "
            "Gespeichert als EXDATE neben der Regel."
        ),
    )
    location_address = models.CharField(_("Ort (Adresse)"), max_length=300, blank=True)
    location_room = models.ForeignKey(
        "rooms.Room",
        verbose_name=_("Raum der Integrationsagentur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    category = models.CharField(
        _("Art"), max_length=20, choices=EventCategory.choices, default=EventCategory.MEETING
    )
    cost = models.DecimalField(
        _("Kosten (€)"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn die Teilnahme kostenlos ist."),
    )
    languages = ParentalManyToManyField(
        "taxonomy.Language", verbose_name=_("Sprachen"), blank=True, related_name="events"
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), blank=True)
    summary = models.TextField(_("Kurzbeschreibung"), max_length=400, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Beschreibung"))

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("category"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel(
                    "recurrence",
                    widget=RecurrenceWidget,
                    heading=_("Wiederholung"),
                    help_text=_(
                        "Einmalig, jede Woche oder jeden Monat, auf Wunsch bis zu einem Datum."
                    ),
                ),
                FieldPanel(
                    "exdates",
                    widget=ExdatesWidget,
                    help_text=_(
                        "Nur bei einer Wiederholung: Tage, an denen der Termin ausfällt, "
                        "z. B. in den Ferien."
                    ),
                ),
            ],
            heading=_("Termin"),
        ),
        MultiFieldPanel(
            [FieldPanel("location_address"), FieldPanel("location_room")], heading=_("Ort")
        ),
        FieldPanel("category"),
        FieldPanel("cost"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("registration_url"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    # The bundle names the languages by tag: the site translates the names itself.
    public_fields = [
        PublicField("start"),
        PublicField("end"),
        PublicField("all_day"),
        PublicField("recurrence"),
        PublicField("exdates", ExdatesField()),
        PublicField("location_address"),
        PublicField("location_room", api.RoomField()),
        PublicField("category"),
        PublicField("cost", api.DecimalTextField()),
        PublicField("languages", api.LanguageListField(), bundle=api.LanguageTagsField()),
        PublicField("registration_url"),
        PublicField("summary"),
        PublicField("body", api.ResolvedStreamField()),
        PublicField("flyer_url", api.FlyerUrlField(source="*")),
    ]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if self.location_address and self.location_room_id:
            errors["location_room"] = _("Bitte entweder eine Adresse oder einen Raum angeben.")
        if self.cost is not None and self.cost < 0:
            errors["cost"] = _("Die Kosten dürfen nicht negativ sein.")
        if self.start:
            today = timezone.localdate()
            latest = today.year + LATEST_EVENT_YEARS_AHEAD
            if not EARLIEST_EVENT_YEAR <= self.start.year <= latest:
                errors["start"] = _("Der Beginn muss zwischen %(first)s und %(last)s liegen.") % {
                    "first": EARLIEST_EVENT_YEAR,
                    "last": latest,
                }
            elif self.recurrence.strip() and (
                self.start.date() < today.replace(year=today.year - MAX_RECURRING_AGE_YEARS, day=1)
            ):
                errors["start"] = _(
                    "Eine Wiederholung darf höchstens %(years)s Jahre zurück beginnen; bitte "
                    "den Beginn auf einen späteren Termin der Reihe setzen."
                ) % {"years": MAX_RECURRING_AGE_YEARS}
        exdate_error = self._exdates_error()
        if exdate_error and "exdates" not in errors:
            errors["exdates"] = exdate_error
        if errors:
            raise ValidationError(errors)

    def _exdates_error(self) -> str | None:
        """Why the cancelled dates don't fit the series, or None: each must be a day on
        which the rule has a date (checked one day at a time, so the rule's expansion stays
        as bounded as for a visitor's request)."""
        try:
            dates = parse_exdates(self.exdates)
        except RuleError:
            return None  # the field's validator says why
        if not dates:
            return None
        if not self.recurrence.strip():
            return _("Ausfallende Termine gibt es nur bei einer Wiederholung.")
        if not self.start:
            return None
        try:
            parse_rule(self.recurrence)
        except RuleError:
            return None  # the rule's own error is shown at the rule
        from . import recurrence  # it reads this module's EventPage

        # The series without its cancelled dates (the ones asked about would be skipped).
        series = SimpleNamespace(
            pk=self.pk,
            start=self.start,
            end=self.end,
            all_day=self.all_day,
            recurrence=self.recurrence,
            exdates="",
        )
        missing = [
            day
            for day in dates
            if not any(
                occurrence.start.date() == day
                for occurrence in recurrence.occurrences(
                    series,
                    recurrence.local_midnight(day),
                    recurrence.local_midnight(day + datetime.timedelta(days=1)),
                )
            )
        ]
        if not missing:
            return None
        return _(
            "An diesen Tagen hat die Wiederholung keinen Termin: %(dates)s. Bitte nur Tage "
            "der Reihe als ausfallend eintragen."
        ) % {"dates": ", ".join(formats.date_format(day, "d.m.Y") for day in missing)}
