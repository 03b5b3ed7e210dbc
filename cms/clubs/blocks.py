"""StreamField blocks a club editor composes content pages from (no HTML needed)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=250)
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=250,
        help_text=_("Beschreibt das Bild für Menschen, die es nicht sehen können."),
    )

    class Meta:
        icon = "image"
        label = _("Bild mit Unterschrift")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    images = blocks.ListBlock(ImageWithCaptionBlock(), label=_("Bilder"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Bildergalerie")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Von"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Zitat")


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Linktext"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")


class ContentStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Video"), help_text=_("Link zu einem Video, z. B. auf PeerTube."))
    document = DocumentDownloadBlock()
