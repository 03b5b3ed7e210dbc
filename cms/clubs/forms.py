"""The admin form of every club page type: a club editor may only use images and documents of
their own club's collections. Wagtail's choosers already show only those, but a chooser is a
convenience, not a check: a posted id of another club's image would otherwise be accepted.

The check looks into every value: chooser fields, StreamField blocks at any depth, and rich
text (rich-text fields and rich-text blocks) with its entities — document links, embedded
images and page links. A page link may point at the editor's own tenants' pages (any state)
or at a live, public page of anyone; a link to another club's draft or private page is
refused (its title would travel into the published page and the API)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamBlock, StreamBlockValidationError, StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from cms.core.access import allowed_collection_ids, tenant_pages
from cms.core.privacy import public_pages
from sites.engine.plugins import Plugin, installed

from .content_checks import check_form_content

CLUB_KIND = "club"  # the site kind of a club's homepage (sites/club)

FOREIGN_MEDIA = _("Dieses Bild oder Dokument gehört nicht zu Ihrem Verein.")
FOREIGN_PAGE = _(
    "Dieser Link führt zu einer Seite, die nicht öffentlich ist und nicht zu Ihrem Verein "
    "gehört. Verlinken Sie nur veröffentlichte Seiten anderer Vereine."
)


def rich_text_entities(html: str) -> list:
    """Documents, images and pages a rich text refers to (ids that do not exist: unsaved
    instances, which belong to no collection and no tenant)."""
    ids: dict[str, set[int]] = {"document": set(), "image": set(), "page": set()}
    for match in FIND_A_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") in ("document", "page"):
            ids[attrs["linktype"]].add(attrs.get("id", ""))
    for match in FIND_EMBED_TAG.finditer(html):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image":
            ids["image"].add(attrs.get("id", ""))
    entities = []
    for kind, model in (
        ("document", get_document_model()),
        ("image", get_image_model()),
        ("page", Page),
    ):
        # Ids that are no numbers are the content validation's (a broken link, not a foreign one).
        pks = {int(pk) for pk in ids[kind] if str(pk).isdigit()}
        if not pks:
            continue
        found = list(model.objects.filter(pk__in=pks).only("pk", *_fields_of(model)))
        entities += found
        entities += [model(pk=pk) for pk in pks - {item.pk for item in found}]
    return entities


def _fields_of(model) -> tuple[str, ...]:
    return ("path",) if issubclass(model, Page) else ("collection_id",)


def media_in(value) -> list:
    """Images, documents and linked pages in a field value (a model instance, rich text, or
    any StreamField value)."""
    if isinstance(value, AbstractImage | AbstractDocument):
        return [value]
    if isinstance(value, RichText):
        return rich_text_entities(value.source)
    if isinstance(value, str):
        return rich_text_entities(value) if "linktype=" in value or "<embed" in value else []
    if isinstance(value, StreamValue):
        return [item for child in value for item in media_in(child.value)]
    if isinstance(value, StructValue):
        return [item for child in value.values() for item in media_in(child)]
    if isinstance(value, ListValue | list | tuple):
        return [item for child in value for item in media_in(child)]
    return []


class PluginSelect(forms.Select):
    """A choice among the installed plugins of the club site kind, read from the plugin
    registry (entry points) when the form renders, so a plugin installed with pip appears
    without a change here; each is named by its own catalogue in the admin's language. A
    stored value whose plugin is no longer installed stays visible (and is refused on save)."""

    def plugins(self) -> list[Plugin]:
        raise NotImplementedError

    def get_context(self, name, value, attrs):
        locale = translation.get_language() or "de"
        choices = [(plugin.name, plugin.label_in(locale)) for plugin in self.plugins()]
        if value and value not in {choice[0] for choice in choices}:
            choices.append((value, _("%(name)s (nicht installiert)") % {"name": value}))
        self.choices = choices
        return super().get_context(name, value, attrs)


class ThemeSelect(PluginSelect):
    """The installed homepage themes."""

    def plugins(self):
        return installed().themes(CLUB_KIND)


class SectionSelect(PluginSelect):
    """The installed plugins with a block on a club's home page."""

    def plugins(self):
        return installed().sections(CLUB_KIND)


def theme_names() -> set[str]:
    return {plugin.name for plugin in installed().themes(CLUB_KIND)}


def section_names() -> set[str]:
    return {plugin.name for plugin in installed().sections(CLUB_KIND)}


def _snapshot(form) -> dict[str, set]:
    """The media each field refers to before the form changes the instance."""
    return {
        name: {(type(m), m.pk) for m in media_in(getattr(form.instance, name, None))}
        for name in form.fields
    }


def _foreign(form, before: dict[str, set], allowed: set[int], pages_ok) -> dict[str, str]:
    """``{field name: message}`` for ``form``'s fields that newly refer to media outside
    ``allowed`` or to pages ``pages_ok`` refuses."""
    errors = {}
    for name, value in list(getattr(form, "cleaned_data", {}).items()):
        new = [m for m in media_in(value) if (type(m), m.pk) not in before.get(name, set())]
        pages = {m.pk for m in new if isinstance(m, Page)}
        if any(not isinstance(m, Page) and m.collection_id not in allowed for m in new):
            errors[name] = FOREIGN_MEDIA
        elif pages and not pages_ok(pages):
            errors[name] = FOREIGN_PAGE
    return errors


def _error_for(field, message) -> ValidationError:
    # A StreamField shows only errors in its own shape (rendered by its widget's script).
    if isinstance(getattr(field, "block", None), StreamBlock):
        return StreamBlockValidationError(non_block_errors=[ValidationError(message)])
    return ValidationError(message)


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
        if user.has_perm("tenancy.work_across_tenants"):
            return valid
        allowed = allowed_collection_ids(user)

        def pages_ok(pks: set[int]) -> bool:
            own = set(
                Page.objects.filter(tenant_pages(user), pk__in=pks).values_list("pk", flat=True)
            )
            rest = pks - own
            return not rest or public_pages(Page.objects.filter(pk__in=rest)).count() == len(rest)

        forms = [self, *(form for fs in self.formsets.values() for form in fs.forms)]
        for form in forms:
            before = self._media_before.get(id(form), {})
            for name, message in _foreign(form, before, allowed, pages_ok).items():
                form.add_error(name, _error_for(form.fields[name], message))
                valid = False
        return valid
