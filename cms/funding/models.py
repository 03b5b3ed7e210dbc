"""Funding programmes the agency curates for the clubs: who funds how much, who is eligible,
which documents an application needs and by when it must be filed.

A programme is a snippet, not a page: it is a structured record the agency keeps current in one
list (*Förderprogramme* in the admin menu), shown by the portal's ``funding`` plugin and matched
against club profiles; it has no page of its own in the portal tree and no translations (the
funders' terms are German).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from cms.clubs.models import PHONE, LegalForm

MAX_CLUB_AGE_YEARS = 200


class Recurrence(models.TextChoices):
    ONCE = "once", _("einmalig")
    YEARLY = "yearly", _("jährlich")


class FundingProgrammeForm(WagtailAdminModelForm):
    """Legal forms are stored as a list of ``LegalForm`` values; the admin offers checkboxes."""

    legal_forms = forms.MultipleChoiceField(
        label=_("Zugelassene Rechtsformen"),
        choices=LegalForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Keine Auswahl: jede Rechtsform ist zugelassen."),
    )


class FundingProgramme(index.Indexed, ClusterableModel):
    title = models.CharField(_("Name des Programms"), max_length=200)
    slug = models.SlugField(
        _("Kurzname"),
        max_length=100,
        unique=True,
        help_text=_("Für Adressen und Kalender, z. B. „mso-starthilfe“."),
    )
    funder = models.CharField(
        _("Fördergeber"), max_length=200, help_text=_("z. B. Land NRW, Kreis Düren, Stiftung …")
    )
    summary = models.TextField(_("Kurzbeschreibung"), max_length=1000, blank=True)
    min_amount = models.DecimalField(
        _("Mindestbetrag (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    max_amount = models.DecimalField(
        _("Höchstbetrag (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    # Eligibility; an empty criterion does not restrict.
    legal_forms = models.JSONField(_("Zugelassene Rechtsformen"), default=list, blank=True)
    min_club_age_years = models.PositiveSmallIntegerField(
        _("Mindestalter des Vereins (Jahre)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CLUB_AGE_YEARS)],
        help_text=_("Jahre seit dem Gründungsjahr, z. B. 3 für etablierte Vereine."),
    )
    max_club_age_years = models.PositiveSmallIntegerField(
        _("Höchstalter des Vereins (Jahre)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CLUB_AGE_YEARS)],
        help_text=_("z. B. 3 für eine Starthilfe, die nur neue Vereine bekommen."),
    )
    focus_areas = ParentalManyToManyField(
        "taxonomy.FocusArea",
        verbose_name=_("Schwerpunkte"),
        blank=True,
        related_name="funding_programmes",
        help_text=_("Mindestens einer muss zum Verein passen; keine Auswahl: alle."),
    )
    municipalities = ParentalManyToManyField(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinden"),
        blank=True,
        related_name="funding_programmes",
        help_text=_("Nur Vereine aus diesen Gemeinden; keine Auswahl: der ganze Kreis."),
    )

    link = models.URLField(_("Link zum Programm"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=30, blank=True, validators=[PHONE])
    required_documents = models.TextField(
        _("Erforderliche Unterlagen"),
        blank=True,
        max_length=2000,
        help_text=_("Eine Unterlage je Zeile, z. B. Satzung, Registerauszug, Finanzplan."),
    )
    active = models.BooleanField(
        _("Im Portal zeigen"),
        default=True,
        help_text=_("Abgeschaltete Programme erscheinen weder im Portal noch in der API."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    base_form_class = FundingProgrammeForm
    search_fields = [
        index.SearchField("title"),
        index.SearchField("funder"),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("funder"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("min_amount"), FieldPanel("max_amount")]),
        MultiFieldPanel(
            [
                FieldPanel("legal_forms"),
                FieldRowPanel([FieldPanel("min_club_age_years"), FieldPanel("max_club_age_years")]),
                FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Wer kann gefördert werden?"),
        ),
        InlinePanel("deadlines", heading=_("Fristen"), label=_("Frist")),
        FieldPanel("required_documents"),
        MultiFieldPanel(
            [
                FieldPanel("link"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Link und Kontakt"),
        ),
        FieldPanel("active"),
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        unknown = set(self.legal_forms or []) - set(LegalForm.values)
        if unknown:
            errors["legal_forms"] = _("Unbekannte Rechtsform.")
        if (
            self.min_amount is not None
            and self.max_amount is not None
            and self.min_amount > self.max_amount
        ):
            errors["max_amount"] = _("Der Höchstbetrag muss mindestens der Mindestbetrag sein.")
        if (
            self.min_club_age_years is not None
            and self.max_club_age_years is not None
            and self.min_club_age_years > self.max_club_age_years
        ):
            errors["max_club_age_years"] = _(
                "Das Höchstalter muss mindestens das Mindestalter sein."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def document_list(self) -> list[str]:
        return [line.strip() for line in self.required_documents.splitlines() if line.strip()]

    def upcoming_deadlines(
        self, today: datetime.date
    ) -> list[tuple[datetime.date, "FundingDeadline"]]:
        """(next date, deadline) of every deadline still ahead, soonest first; works on a
        prefetched ``deadlines``."""
        upcoming = []
        for deadline in self.deadlines.all():
            date = deadline.next_occurrence(today)
            if date is not None:
                upcoming.append((date, deadline))
        return sorted(upcoming, key=lambda item: (item[0], item[1].pk or 0))

    def is_open(self, today: datetime.date) -> bool:
        """Applications are possible: no deadlines at all (rolling), or one still ahead."""
        deadlines = list(self.deadlines.all())
        return not deadlines or bool(self.upcoming_deadlines(today))


def same_day_in_year(date: datetime.date, year: int) -> datetime.date:
    """The date's month and day in ``year``; 29 February becomes 28 February in other years."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)


class FundingDeadline(Orderable):
    programme = ParentalKey(FundingProgramme, related_name="deadlines", on_delete=models.CASCADE)
    date = models.DateField(
        _("Datum"), help_text=_("Bei jährlichen Fristen: das Datum im ersten Jahr.")
    )
    recurrence = models.CharField(
        _("Wiederholung"), max_length=10, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    label = models.CharField(
        _("Bezeichnung"), max_length=200, blank=True, help_text=_("z. B. „Antragsfrist“.")
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("recurrence")]),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Frist")
        verbose_name_plural = _("Fristen")

    def __str__(self):
        return f"{self.label or _('Frist')}: {self.date:%d.%m.%Y}"

    def next_occurrence(self, today: datetime.date) -> datetime.date | None:
        """The first date on or after ``today``, or None once a one-off deadline has passed."""
        if self.recurrence == Recurrence.YEARLY:
            if self.date >= today:
                return self.date
            candidate = same_day_in_year(self.date, today.year)
            return candidate if candidate >= today else same_day_in_year(self.date, today.year + 1)
        return self.date if self.date >= today else None
