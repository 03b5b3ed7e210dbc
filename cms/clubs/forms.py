"""The admin form of every club page type: a club editor may only use images and documents of
their own club's collections. Wagtail's choosers already show only those, but a chooser is a
convenience, not a check: a posted id of another club's image would otherwise be accepted."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamBlock, StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage

from .content_checks import check_form_content

FOREIGN_MEDIA = _("Dieses Bild oder Dokument gehört nicht zu Ihrem Verein.")


def media_in(value) -> list:
    """Images and documents in a field value (a model instance, or any StreamField value)."""
    if isinstance(value, AbstractImage | AbstractDocument):
        return [value]
    if isinstance(value, StreamValue):
        return [item for child in value for item in media_in(child.value)]
    if isinstance(value, StructValue):
        return [item for child in value.values() for item in media_in(child)]
    if isinstance(value, ListValue | list | tuple):
        return [item for child in value for item in media_in(child)]
    return []


class ThemeSelect(forms.Select):
    """The installed homepage themes (plugins), named in German, read when the form renders
    (a theme installed later appears without a restart of the form class)."""

    def get_context(self, name, value, attrs):
        from sites.engine.plugins import installed

        self.choices = [
            (plugin.name, plugin.label.get("de", plugin.name))
            for plugin in installed().themes("club")
        ]
        return super().get_context(name, value, attrs)


def _snapshot(form) -> dict[str, set]:
    """The media each field refers to before the form changes the instance."""
    return {
        name: {(type(m), m.pk) for m in media_in(getattr(form.instance, name, None))}
        for name in form.fields
    }


def _foreign(form, before: dict[str, set], allowed: set[int]) -> list[str]:
    """Names of ``form``'s fields that newly refer to media outside ``allowed``."""
    return [
        name
        for name, value in list(getattr(form, "cleaned_data", {}).items())
        if any(
            m.collection_id not in allowed and (type(m), m.pk) not in before.get(name, set())
            for m in media_in(value)
        )
    ]


def _error_for(field) -> ValidationError:
    # A StreamField shows only errors in its own shape (rendered by its widget's script).
    if isinstance(getattr(field, "block", None), StreamBlock):
        return StreamBlockValidationError(non_block_errors=[ValidationError(FOREIGN_MEDIA)])
    return ValidationError(FOREIGN_MEDIA)


class TenantPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._media_before = {
            id(form): _snapshot(form)
            for form in [self, *(f for fs in self.formsets.values() for f in fs.forms)]
        }

    def clean(self):
        cleaned_data = super().clean()
        check_form_content(self)
        for formset in self.formsets.values():
            for form in formset.forms:
                # Inline panels are cleaned after this form: clean them now (cached).
                if form.is_bound and form.is_valid() and not form.cleaned_data.get("DELETE"):
                    check_form_content(form)
        return cleaned_data

    def is_valid(self):
        valid = super().is_valid()
        user = getattr(self, "for_user", None)
        if user is None:
            return valid
        from cms.tenancy.provisioning import allowed_collection_ids, is_agency

        if is_agency(user):
            return valid
        allowed = allowed_collection_ids(user)
        forms = [self, *(form for fs in self.formsets.values() for form in fs.forms)]
        for form in forms:
            for name in _foreign(form, self._media_before.get(id(form), {}), allowed):
                form.add_error(name, _error_for(form.fields[name]))
                valid = False
        return valid
