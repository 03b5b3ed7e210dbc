"""The agency's portal pages: the home page at the root of the district's tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page


class PortalHomePage(Page):
    """Root of the district portal; the club index lives beneath it."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=600)
    body = StreamField(
        [
            ("text", blocks.RichTextBlock(label=_("Text"))),
            (
                "call_to_action",
                blocks.StructBlock(
                    [
                        ("title", blocks.CharBlock(label=_("Titel"), max_length=120)),
                        ("text", blocks.TextBlock(label=_("Text"), required=False)),
                        ("link", blocks.URLBlock(label=_("Link"))),
                    ],
                    label=_("Aufruf zum Mitmachen"),
                ),
            ),
        ],
        blank=True,
        verbose_name=_("Inhalt"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["clubs.ClubIndexPage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("Portal-Startseite")
        verbose_name_plural = _("Portal-Startseiten")
