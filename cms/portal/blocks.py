"""The sections the agency composes the portal home page from (German labels).

Dynamic sections (featured clubs, upcoming events, latest news) store only what to show; the
API resolves them against published content when the home page is requested.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.clubs.blocks import RICH_TEXT_FEATURES
from cms.events.models import EventCategory
from cms.taxonomy.models import Language, Municipality

FEATURED_CLUBS_MANUAL = "manual"
FEATURED_CLUBS_RECENT = "recent"
DEFAULT_RECENT_CLUBS = 3


def municipality_choices():
    return [(slug, name) for slug, name in Municipality.objects.values_list("slug", "name")]


def language_choices():
    return [(tag, name) for tag, name in Language.objects.values_list("tag", "name")]


class FeaturedClubsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, required=False)
    selection = blocks.ChoiceBlock(
        label=_("Auswahl"),
        choices=[
            (FEATURED_CLUBS_MANUAL, _("Ausgewählte Vereine")),
            (FEATURED_CLUBS_RECENT, _("Automatisch: zuletzt aktualisierte Vereine")),
        ],
        default=FEATURED_CLUBS_RECENT,
    )
    clubs = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="clubs.ClubPage", label=_("Verein")),
        label=_("Vereine"),
        required=False,
        help_text=_("Nur bei „Ausgewählte Vereine“. Unveröffentlichte Vereine erscheinen nicht."),
    )
    count = blocks.IntegerBlock(
        label=_("Anzahl"),
        min_value=1,
        max_value=12,
        default=DEFAULT_RECENT_CLUBS,
        help_text=_("Nur bei „Automatisch“."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value["selection"] == FEATURED_CLUBS_MANUAL and not value["clubs"]:
            raise StructBlockValidationError(
                block_errors={
                    "clubs": ValidationError(_("Bitte mindestens einen Verein auswählen."))
                }
            )
        return value

    class Meta:
        icon = "group"
        label = _("Vereine im Porträt")


class UpcomingEventsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Anzahl Termine"), min_value=1, max_value=20, default=5)
    category = blocks.ChoiceBlock(
        label=_("Nur diese Art"), choices=EventCategory.choices, required=False
    )
    municipality = blocks.ChoiceBlock(
        label=_("Nur Vereine aus dieser Gemeinde"), choices=municipality_choices, required=False
    )

    class Meta:
        icon = "date"
        label = _("Nächste Veranstaltungen")


class LatestNewsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Anzahl"), min_value=1, max_value=20, default=3)

    class Meta:
        icon = "doc-full"
        label = _("Neueste Nachrichten")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(
        label=_("Beschriftung des Knopfs"), max_length=60, required=False
    )
    page = blocks.PageChooserBlock(label=_("Seite im Portal"), required=False)
    link = blocks.URLBlock(label=_("Externer Link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["link"]):
            message = ValidationError(
                _("Bitte entweder eine Seite im Portal oder einen externen Link angeben.")
            )
            raise StructBlockValidationError(block_errors={"page": message})
        return value

    class Meta:
        icon = "pick"
        label = _("Aufruf zum Mitmachen")


class CafeEveningBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Datum"))
    start_time = blocks.TimeBlock(label=_("Beginn"))
    end_time = blocks.TimeBlock(label=_("Ende"), required=False)
    topic = blocks.CharBlock(label=_("Thema"), max_length=200)
    language = blocks.ChoiceBlock(label=_("Sprache"), choices=language_choices, required=False)

    class Meta:
        icon = "date"
        label = _("Abend")


class CafeSeriesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120, default="Abende im Café")
    description = blocks.RichTextBlock(
        label=_("Beschreibung"), features=RICH_TEXT_FEATURES, required=False
    )
    room = SnippetChooserBlock("rooms.Room", label=_("Ort"))
    evenings = blocks.ListBlock(CafeEveningBlock(), label=_("Termine"), min_num=1)

    class Meta:
        icon = "calendar-alt"
        label = _("Abende im Café")


class PortalSectionsBlock(blocks.StreamBlock):
    featured_clubs = FeaturedClubsBlock()
    upcoming_events = UpcomingEventsBlock()
    latest_news = LatestNewsBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)
    call_to_action = CallToActionBlock()
    cafe_series = CafeSeriesBlock()
