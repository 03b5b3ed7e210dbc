"""The agency names a focus area in every locale of the platform: one field per language
instead of a JSON object to type."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from cms import locales


def translation_field_name(code: str) -> str:
    return f"name_{code}"


TRANSLATED = [locale for locale in locales.LOCALES if locale.code != locales.DEFAULT]
TRANSLATION_FIELDS = [translation_field_name(locale.code) for locale in TRANSLATED]


class FocusAreaFormBase(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = (self.instance.translations or {}) if self.instance else {}
        for locale in TRANSLATED:
            self.fields[translation_field_name(locale.code)].initial = current.get(locale.code, "")

    def save(self, commit=True):
        translations = {}
        for locale in TRANSLATED:
            value = (self.cleaned_data.get(translation_field_name(locale.code)) or "").strip()
            if value:
                translations[locale.code] = value
        self.instance.translations = translations
        return super().save(commit=commit)


FocusAreaForm = type(
    "FocusAreaForm",
    (FocusAreaFormBase,),
    {
        translation_field_name(locale.code): forms.CharField(
            label=_("Name (%(language)s)") % {"language": locale.native_name},
            max_length=100,
            required=False,
            widget=forms.TextInput(attrs={"lang": locale.code, "dir": locale.direction}),
        )
        for locale in TRANSLATED
    },
)
