"""Partner organisations (fire brigade, Red Cross, …), their cooperations with clubs, and
mentoring between clubs.

A partner organisation is a tenant like a club: ``PartnerPage`` is the root of its tree under
the ``PartnerIndexPage``, and its editors write ``CooperationPage``s there, each naming clubs.
Whether a club takes part is the club's decision, not the partner's: every named club gets a
``CooperationLink`` that carries the consent of both sides, outside the page revisions (so no
revision, draft or form can carry a confirmation). Only links confirmed by both sides leave the
CMS. ``Mentoring`` records an established club mentoring a new one, confirmed by both clubs.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.clubs import api_fields as api
from cms.clubs.api_fields import PublicField
from cms.clubs.bases import DirectoryIndexPage, TenantPage, optional_image
from cms.clubs.blocks import RICH_TEXT_FEATURES
from cms.clubs.widgets import SearchableCheckboxes


class CooperationKind(models.TextChoices):
    TRAINING = "training", _("Ausbildung")
    EXERCISE = "exercise", _("Übung")
    EVENT = "event", _("Veranstaltung")
    PROJECT = "project", _("Projekt")
    RECRUITING = "recruiting", _("Nachwuchsgewinnung")
    FIRST_AID = "first_aid", _("Erste-Hilfe-Kurs")
    INFORMATION = "information", _("Information in Herkunftssprachen")
    OTHER = "other", _("Sonstiges")


class Decision(models.TextChoices):
    PENDING = "pending", _("offen")
    CONFIRMED = "confirmed", _("bestätigt")
    DECLINED = "declined", _("abgelehnt")


class Side(models.TextChoices):
    CLUB = "club", _("Verein")
    PARTNER = "partner", _("Partnerorganisation")


def is_active(start: datetime.date | None, end: datetime.date | None, today=None) -> bool:
    """Running today: begun (or without a start) and not ended (or open-ended)."""
    today = today or timezone.localdate()
    return (start is None or start <= today) and (end is None or end >= today)


def validate_period(start, end, end_field: str = "end_date") -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("Das Ende darf nicht vor dem Beginn liegen.")})


def live_default_locale() -> models.Q:
    """Choices of clubs and partners: published ones, once each (in the default locale)."""
    from wagtail.models import Locale

    return models.Q(live=True, locale=Locale.get_default())


class PartnerIndexPage(DirectoryIndexPage):
    """The "Partnerorganisationen" folder under the portal home; one tree per organisation."""

    subpage_types = ["partners.PartnerPage"]

    class Meta:
        verbose_name = _("Verzeichnis der Partnerorganisationen")


class PartnerPage(TenantPage):
    """The root of one partner organisation's tree and its public profile."""

    short_description = models.TextField(
        _("Kurzbeschreibung"), max_length=300, blank=True, help_text=_("Höchstens 300 Zeichen.")
    )
    description = RichTextField(
        _("Ausführliche Beschreibung"), blank=True, features=RICH_TEXT_FEATURES
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Gemeinde"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="partners",
    )
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(
        _("E-Mail der Organisation"),
        blank=True,
        help_text=_("Eine allgemeine Adresse der Organisation, keine persönliche."),
    )
    logo = optional_image(_("Logo"))

    search_fields = Page.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("description"),
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = ["partners.CooperationPage"]
    content_panels = [
        FieldPanel("title", heading=_("Name der Organisation")),
        FieldPanel("municipality"),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        FieldPanel("logo"),
    ]
    public_fields = [
        PublicField("short_description"),
        PublicField("description", api.ExpandedRichTextField()),
        PublicField("municipality", api.MunicipalityField()),
        PublicField("website"),
        PublicField("email"),
    ]

    class Meta:
        verbose_name = _("Partnerorganisation")
        verbose_name_plural = _("Partnerorganisationen")


class CooperationPage(TenantPage):
    """A cooperation of the partner organisation with one or more clubs. A club's part shows
    only once the club has confirmed it (``CooperationLink``)."""

    kind = models.CharField(
        _("Art"), max_length=20, choices=CooperationKind.choices, default=CooperationKind.OTHER
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)
    clubs = ParentalManyToManyField(
        "clubs.ClubPage",
        # Only published clubs: the names of clubs not yet approved are not for every editor.
        limit_choices_to=live_default_locale,
        verbose_name=_("Beteiligte Vereine"),
        related_name="+",
        help_text=_(
            "Jeder genannte Verein wird benachrichtigt und muss die Kooperation bestätigen, "
            "bevor sie öffentlich erscheint."
        ),
    )

    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["partners.PartnerPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("clubs", widget=SearchableCheckboxes),
        FieldPanel("description"),
    ]
    # The clubs are left out on purpose: which club takes part is public only once it has
    # confirmed (see /api/v1/cooperations/); unconfirmed cooperations are not public at all.
    public_fields = [
        PublicField("kind"),
        PublicField("start_date"),
        PublicField("end_date"),
        PublicField("description"),
    ]

    class Meta:
        verbose_name = _("Kooperation")
        verbose_name_plural = _("Kooperationen")

    def clean(self):
        super().clean()
        validate_period(self.start_date, self.end_date)

    @property
    def partner(self) -> "PartnerPage | None":
        return PartnerPage.objects.ancestor_of(self).first()


class LinkQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(club_status=Decision.CONFIRMED, partner_status=Decision.CONFIRMED)


class CooperationLink(models.Model):
    """One club's part in a cooperation, with the decision of each side."""

    cooperation = models.ForeignKey(
        CooperationPage,
        verbose_name=_("Kooperation"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    club = models.ForeignKey(
        "clubs.ClubPage",
        verbose_name=_("Verein"),
        on_delete=models.CASCADE,
        related_name="cooperation_links",
    )
    proposed_by = models.CharField(
        _("vorgeschlagen von"), max_length=10, choices=Side.choices, default=Side.PARTNER
    )
    club_status = models.CharField(
        _("Entscheidung des Vereins"),
        max_length=10,
        choices=Decision.choices,
        default=Decision.PENDING,
    )
    partner_status = models.CharField(
        _("Entscheidung der Partnerorganisation"),
        max_length=10,
        choices=Decision.choices,
        default=Decision.CONFIRMED,
    )
    club_decided_at = models.DateTimeField(_("Verein entschied am"), null=True, blank=True)
    partner_decided_at = models.DateTimeField(_("Partner entschied am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("Beteiligung an einer Kooperation")
        verbose_name_plural = _("Beteiligungen an Kooperationen")
        constraints = [
            models.UniqueConstraint(fields=["cooperation", "club"], name="one_link_per_club")
        ]

    def __str__(self):
        return f"{self.cooperation.title} – {self.club.title}"

    @property
    def is_confirmed(self) -> bool:
        return self.club_status == self.partner_status == Decision.CONFIRMED

    def status_of(self, side: str) -> str:
        return self.club_status if side == Side.CLUB else self.partner_status


class MentoringQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(mentor_status=Decision.CONFIRMED, mentee_status=Decision.CONFIRMED)


class Mentoring(models.Model):
    """An established club mentors a new one (NRW's "Unterstützungsförderung")."""

    mentor = models.ForeignKey(
        "clubs.ClubPage",
        verbose_name=_("Mentorverein"),
        on_delete=models.CASCADE,
        related_name="mentorings_given",
    )
    mentee = models.ForeignKey(
        "clubs.ClubPage",
        verbose_name=_("Begleiteter Verein"),
        on_delete=models.CASCADE,
        related_name="mentorings_received",
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    funding_reference = models.CharField(
        _("Förderkennzeichen"),
        max_length=100,
        blank=True,
        help_text=_("z. B. das Aktenzeichen der Unterstützungsförderung"),
    )
    description = models.TextField(_("Beschreibung"), max_length=1000, blank=True)
    mentor_status = models.CharField(
        _("Entscheidung des Mentorvereins"),
        max_length=10,
        choices=Decision.choices,
        default=Decision.PENDING,
    )
    mentee_status = models.CharField(
        _("Entscheidung des begleiteten Vereins"),
        max_length=10,
        choices=Decision.choices,
        default=Decision.PENDING,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingetragen von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    objects = MentoringQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("Mentoring")
        verbose_name_plural = _("Mentorings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="mentor_is_not_mentee"
            )
        ]

    def __str__(self):
        return f"{self.mentor.title} → {self.mentee.title}"

    @property
    def is_confirmed(self) -> bool:
        return self.mentor_status == self.mentee_status == Decision.CONFIRMED

    def clean(self):
        errors = {}
        if self.mentor_id and self.mentor_id == self.mentee_id:
            errors["mentee"] = _("Ein Verein kann sich nicht selbst begleiten.")
        elif self.mentor_id and self.mentor.is_established is False:
            errors["mentor"] = _(
                "Mentorvereine sind bestehende Vereine; dieser Verein ist neu gegründet."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende darf nicht vor dem Beginn liegen.")
        if errors:
            raise ValidationError(errors)
