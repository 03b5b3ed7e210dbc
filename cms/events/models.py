"""Club events: single or recurring (RFC 5545 RRULE), at a free address or an agency room."""

from dateutil.rrule import rrulestr
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.clubs import api_fields as api
from cms.clubs.blocks import ContentStreamBlock
from cms.clubs.forms import TenantPageForm
from cms.core.preview import EnginePreviewMixin

from .rules import RuleError, parse_rule
from .widgets import RecurrenceWidget

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


class EventIndexPage(EnginePreviewMixin, Page):
    base_form_class = TenantPageForm

    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)

    parent_page_types = ["clubs.ClubPage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [
        APIField("direction", serializer=api.DirectionField(source="*")),
        APIField("intro"),
    ]

    class Meta:
        verbose_name = _("Veranstaltungen (Übersicht)")


class EventPage(EnginePreviewMixin, Page):
    base_form_class = TenantPageForm

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
    subpage_types = []
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
    api_fields = [
        APIField("direction", serializer=api.DirectionField(source="*")),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("recurrence"),
        APIField("location_address"),
        APIField("location_room", serializer=api.RoomField()),
        APIField("category"),
        APIField("cost"),
        APIField("languages", serializer=api.LanguageListField()),
        APIField("registration_url"),
        APIField("summary"),
        APIField("body", serializer=api.ResolvedStreamField()),
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
        if errors:
            raise ValidationError(errors)
