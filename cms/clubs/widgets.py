"""A searchable, sorted list of checkboxes for choosing clubs (or other pages) among many:
"Beteiligte Vereine" offered some 70 names unsorted in a multi-select without search. Each
name is a checkbox (easy to hit on a phone); typing in the search box hides the names that do
not match; the chosen ones stay visible and are counted."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _


def sort_key(name: str) -> str:
    """Alphabetical as a German reader expects: „Ökumenischer Chor“ among the O's."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class SearchableCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "clubs/widgets/searchable_checkboxes.html"
    search_label = _("Namen suchen")

    class Media:
        js = ["clubs/searchable-checkboxes.js"]
        css = {"all": ["clubs/searchable-checkboxes.css"]}

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        groups.sort(key=lambda group: sort_key(str(group[1][0]["label"])))
        return groups

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["search_label"] = self.search_label
        return context


class ColourInput(forms.TextInput):
    """The browser's colour picker (``<input type="color">``) instead of typing a hex code; it
    submits ``#rrggbb``, which the model's validator and contrast check still judge."""

    input_type = "color"
