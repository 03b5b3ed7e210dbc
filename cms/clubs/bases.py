"""Abstract bases of the page types: what every public page, every tenant's page and every
index page has, written once.

Each page type declares its public fields once, in ``public_fields`` (``cms.clubs.api_fields
.PublicField``); Wagtail's v2 API (``api_fields``, with the locale's ``direction`` first) and
the club bundle (``cms.api.bundle``) are both built from that list.
"""

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.clubs import api_fields as api
from cms.core.preview import EnginePreviewMixin

from .forms import TenantPageForm


def optional_image(verbose_name) -> models.ForeignKey:
    """A picture a page may show (logo, cover, a news item's image); deleting the image
    leaves the page without one."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class PublicPage(Page):
    """A page type whose public fields are declared once, in ``public_fields``."""

    public_fields: ClassVar[list[api.PublicField]] = []

    class Meta:
        abstract = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.api_fields = api.page_api_fields(cls.public_fields)


class DirectoryIndexPage(PublicPage):
    """A folder under the portal home that holds one tree per tenant (clubs, partners)."""

    intro = models.TextField(_("Einleitung"), blank=True)

    parent_page_types = ["portal.PortalHomePage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    public_fields = [api.PublicField("intro")]

    class Meta:
        abstract = True


class TenantPage(PublicPage):
    """A page in a tenant's tree: its form refuses another tenant's media."""

    base_form_class = TenantPageForm

    class Meta:
        abstract = True


class ClubTreePage(EnginePreviewMixin, TenantPage):
    """A page in a club's tree: the admin preview shows it as the club's homepage will."""

    class Meta:
        abstract = True


class ClubLeafPage(ClubTreePage):
    """A page of a club's tree with no pages below it (news, events, galleries, projects)."""

    subpage_types = []

    class Meta:
        abstract = True


class ClubIndexBase(ClubTreePage):
    """The one overview of its kind below a club page (news, events)."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)

    parent_page_types = ["clubs.ClubPage"]
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]
    public_fields = [api.PublicField("intro")]

    class Meta:
        abstract = True
