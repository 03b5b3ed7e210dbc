"""The agency edits reference data as snippets under "Taxonomie"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import TRANSLATION_FIELDS, FocusAreaForm
from .models import Country, FocusArea, Language, Municipality, UmbrellaOrganisation


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    list_display = ["name", "ags", "district"]
    search_fields = ["name"]


class CountryViewSet(SnippetViewSet):
    model = Country
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    list_display = ["name", "native_name", "tag", "direction"]
    search_fields = ["name", "native_name", "tag"]


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    list_display = ["name", "slug"]
    # The German name and slug, then the name in every other locale of the platform.
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            *(FieldPanel(name) for name in TRANSLATION_FIELDS),
        ],
        base_form_class=FocusAreaForm,
    )


class UmbrellaViewSet(SnippetViewSet):
    model = UmbrellaOrganisation
    list_display = ["name", "website"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 400
    items = (
        FocusAreaViewSet,
        MunicipalityViewSet,
        CountryViewSet,
        LanguageViewSet,
        UmbrellaViewSet,
    )


register_snippet(TaxonomyGroup)
