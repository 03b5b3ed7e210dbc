"""The agency's portal: the home page at the root of the district's tree, the curated portal
pages beneath it (Mitmachen, legal texts, Einfache Sprache) and the accessibility feedback
visitors send through the portal."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.clubs import api_fields as api
from cms.clubs.api_fields import PublicField
from cms.clubs.bases import PublicPage
from cms.clubs.blocks import ContentStreamBlock

from .blocks import PortalSectionsBlock


class PortalHomePage(PublicPage):
    """Root of the district portal; the club index and the portal pages live beneath it."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)
    body = StreamField(PortalSectionsBlock(), blank=True, verbose_name=_("Abschnitte"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "clubs.ClubIndexPage",
        "partners.PartnerIndexPage",
        "portal.PortalPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    public_fields = [PublicField("intro")]

    class Meta:
        verbose_name = _("Portal-Startseite")
        verbose_name_plural = _("Portal-Startseiten")


class PageRole(models.TextChoices):
    """What a portal page is for; the portal site builder places pages by their role."""

    MITMACHEN = "mitmachen", _("Mitmachen")
    IMPRESSUM = "impressum", _("Impressum")
    DATENSCHUTZ = "datenschutz", _("Datenschutzerklärung")
    BARRIEREFREIHEIT = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
    EINFACHE_SPRACHE = "einfache_sprache", _("Einfache Sprache")
    OTHER = "other", _("Weitere Seite")


# Roles of which each locale has at most one page.
UNIQUE_ROLES = [role for role in PageRole.values if role != PageRole.OTHER]


class PortalPage(PublicPage):
    """A page the agency curates in the portal, composed from the same blocks as club pages."""

    page_role = models.CharField(
        _("Aufgabe der Seite"),
        max_length=20,
        choices=PageRole.choices,
        default=PageRole.OTHER,
        help_text=_(
            "Das Portal verlinkt Impressum, Datenschutz, Barrierefreiheit, Mitmachen und Einfache "
            "Sprache an festen Stellen; jede dieser Aufgaben hat je Sprache genau eine Seite."
        ),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Inhalt"))

    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["portal.PortalHomePage"]
    subpage_types = []
    content_panels = Page.content_panels + [FieldPanel("page_role"), FieldPanel("body")]
    public_fields = [
        PublicField("page_role"),
        PublicField("body", api.ResolvedStreamField()),
    ]

    class Meta:
        verbose_name = _("Portalseite")
        verbose_name_plural = _("Portalseiten")

    def clean(self):
        super().clean()
        if self.page_role not in UNIQUE_ROLES:
            return
        taken = PortalPage.objects.filter(page_role=self.page_role, locale_id=self.locale_id)
        if self.pk:
            taken = taken.exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {
                    "page_role": _(
                        "Für „%(role)s“ gibt es in dieser Sprache schon eine Seite: %(title)s."
                    )
                    % {"role": self.get_page_role_display(), "title": taken.first().title}
                }
            )


class Feedback(models.Model):
    """A visitor's report of a barrier or question about accessibility (BITV NRW feedback
    mechanism); the agency answers and marks it done."""

    page_url = models.CharField(_("Betroffene Seite"), max_length=500, blank=True)
    message = models.TextField(_("Nachricht"), max_length=5000)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    consent = models.BooleanField(
        _("Einwilligung zur Verarbeitung der E-Mail-Adresse"), default=False
    )
    locale = models.CharField(_("Sprache"), max_length=10, blank=True)
    done = models.BooleanField(_("Erledigt"), default=False)
    note = models.TextField(_("Interne Notiz"), blank=True)
    created_at = models.DateTimeField(_("eingegangen am"), auto_now_add=True)

    class Meta:
        ordering = ["done", "-created_at"]
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")

    def __str__(self):
        excerpt = self.message if len(self.message) <= 60 else f"{self.message[:59]}…"
        return excerpt
