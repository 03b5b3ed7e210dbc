"""Tenants (clubs and partner organisations) and the registrations that create them.

A tenant ties together what Wagtail needs to confine a group of editors to one subtree: the
root page, the editors' group and the collection for their images and documents.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Page

from cms.clubs.models import LegalForm


class TenantKind(models.TextChoices):
    CLUB = "club", _("Verein")
    PARTNER = "partner", _("Partnerorganisation")


GROUP_NAME_PATTERNS = {
    TenantKind.CLUB: "Verein: {name} — Redaktion",
    TenantKind.PARTNER: "Partner: {name} — Redaktion",
}
COLLECTION_PARENTS = {TenantKind.CLUB: "Vereine", TenantKind.PARTNER: "Partnerorganisationen"}


class Tenant(models.Model):
    # The kind ``cms.core.access.club_tenants_of`` selects.
    CLUB = TenantKind.CLUB

    kind = models.CharField(
        _("Art"), max_length=20, choices=TenantKind.choices, default=TenantKind.CLUB
    )
    name = models.CharField(_("Name"), max_length=255)
    root_page = models.OneToOneField(
        Page, verbose_name=_("Startseite"), on_delete=models.CASCADE, related_name="tenant"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("Redaktionsgruppe"), on_delete=models.PROTECT, related_name="tenant"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("Sammlung"), on_delete=models.PROTECT, related_name="tenant"
    )
    direct_publishing = models.BooleanField(
        _("Direkt veröffentlichen"),
        default=False,
        help_text=_(
            "Vertrauenswürdige Vereine veröffentlichen ohne Freigabe durch die Integrationsagentur."
        ),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Mandant")
        verbose_name_plural = _("Mandanten")
        permissions = [
            ("work_across_tenants", _("In allen Vereinen und Organisationen arbeiten")),
            ("view_reports", _("Berichte und Statistiken der Plattform lesen")),
        ]

    def __str__(self):
        return self.name

    def root_pages(self):
        """The root page in every locale it has been translated into."""
        return Page.objects.filter(translation_key=self.root_page.translation_key)


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("offen")
    APPROVED = "approved", _("angenommen")
    REJECTED = "rejected", _("abgelehnt")


class RegistrationRequest(models.Model):
    """A new club asking to join the platform; the agency approves or rejects it."""

    club_name = models.CharField(_("Name des Vereins"), max_length=200)
    legal_form = models.CharField(_("Rechtsform"), max_length=20, choices=LegalForm.choices)
    municipality = models.ForeignKey(
        "taxonomy.Municipality", verbose_name=_("Gemeinde"), on_delete=models.PROTECT
    )
    founding_year = models.PositiveSmallIntegerField(_("Gründungsjahr"), null=True, blank=True)
    countries = models.ManyToManyField(
        "taxonomy.Country", verbose_name=_("Herkunftsländer"), blank=True
    )
    languages = models.ManyToManyField("taxonomy.Language", verbose_name=_("Sprachen"), blank=True)
    # The language the applicant used on the portal's form: the mails about the registration
    # (receipt, approval, rejection) are written in it.
    language = models.CharField(_("Sprache der Anmeldung"), max_length=10, default="de")
    focus_areas = models.ManyToManyField(
        "taxonomy.FocusArea", verbose_name=_("Schwerpunkte"), blank=True
    )
    short_description = models.TextField(_("Kurzbeschreibung"), max_length=300, blank=True)
    applicant_name = models.CharField(_("Name der antragstellenden Person"), max_length=200)
    applicant_email = models.EmailField(_("E-Mail"))
    applicant_phone = models.CharField(_("Telefon"), max_length=30, blank=True)
    message = models.TextField(_("Nachricht"), max_length=2000, blank=True)
    privacy_consent = models.BooleanField(_("Datenschutzhinweis akzeptiert"), default=False)

    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.PENDING,
    )
    decision_reason = models.TextField(_("Begründung"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entschieden von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    tenant = models.ForeignKey(
        Tenant, verbose_name=_("Mandant"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")

    def __str__(self):
        return self.club_name

    @property
    def is_pending(self) -> bool:
        return self.status == RegistrationStatus.PENDING


class DocumentRelease(models.Model):
    """A club's explicit choice to make one of its documents public.

    Documents are private by default: anyone may download one only while a published, public
    page of its club links it, or when the club marked it "öffentlich" here (and the club is
    published); its club's editors and the agency always may (cms/tenancy/documents.py)."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        verbose_name=_("Dokument"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="release",
    )
    public = models.BooleanField(_("öffentlich"), default=False)

    class Meta:
        verbose_name = _("Freigabe eines Dokuments")
        verbose_name_plural = _("Freigaben von Dokumenten")

    def __str__(self):
        return str(self.document)
