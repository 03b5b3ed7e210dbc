"""Serializer fields for the ``api_fields`` of the page models (Wagtail's v2 API).

Each one applies the privacy layer or resolves content for headless clients, so a page model
only lists which fields it shows, never how they are made safe.
"""

import copy
import dataclasses

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

from cms.clubs import privacy as club_privacy
from cms.core.locales import direction
from cms.core.media import image_data
from cms.core.privacy import public_pages
from cms.core.streams import StreamResolver


def _request(field):
    return field.context.get("request")


class DirectionField(serializers.Field):
    """The text direction of the page's locale (use with ``source="*"``)."""

    def to_representation(self, page):
        return direction(page.locale)


class ExpandedRichTextField(serializers.Field):
    """Rich text with internal links and documents turned into real URLs."""

    def to_representation(self, value):
        return expand_db_html(value or "")


class ResolvedStreamField(serializers.Field):
    """A StreamField with image renditions and document URLs resolved (through the caller's
    ``streams`` resolver when the context has one: the bundle loads all bodies' media at once)."""

    def to_representation(self, value):
        resolver = self.context.get("streams")
        if resolver is None:
            resolver = StreamResolver(_request(self))
            resolver.add(value)
        return resolver.resolve(value)


class ImageField(serializers.Field):
    """An image as its renditions (see ``media.RENDITIONS``)."""

    def to_representation(self, image):
        return image_data(image, _request(self))


class ContactField(serializers.Field):
    """The club's contact person, only with consent (use with ``source="*"``)."""

    def to_representation(self, club):
        return club_privacy.public_contact(club)


class AddressField(serializers.Field):
    """The club's address, only when it is to be published (use with ``source="*"``)."""

    def to_representation(self, club):
        return club_privacy.public_address(club)


class ConsentedGalleryField(serializers.Field):
    """Gallery pictures whose depicted people consented (use with ``source="gallery_images"``)."""

    def to_representation(self, gallery_images):
        request = _request(self)
        return [
            {"caption": item.caption, "image": image_data(item.image, request)}
            for item in club_privacy.consented_gallery_images(gallery_images.all())
        ]


class MunicipalityField(serializers.Field):
    def to_representation(self, municipality):
        return {"slug": municipality.slug, "name": municipality.name}


class SlugNameListField(serializers.Field):
    """Focus areas, tags: ``[{"slug", "name"}]``."""

    def to_representation(self, manager):
        return [{"slug": item.slug, "name": item.name} for item in manager.all()]


class CountryListField(serializers.Field):
    def to_representation(self, manager):
        return [{"code": country.code, "name": country.name} for country in manager.all()]


class LanguageListField(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "tag": language.tag,
                "name": language.name,
                "native_name": language.native_name,
                "direction": language.direction,
            }
            for language in manager.all()
        ]


class NameListField(serializers.Field):
    def to_representation(self, manager):
        return [item.name for item in manager.all()]


class MeetingTimesField(serializers.Field):
    def to_representation(self, manager):
        return [
            {
                "weekday": item.weekday,
                "weekday_name": item.get_weekday_display(),
                "start_time": item.start_time.isoformat(timespec="minutes"),
                "end_time": item.end_time.isoformat(timespec="minutes") if item.end_time else None,
                "place": item.place,
                "note": item.note,
            }
            for item in manager.all()
        ]


class HomepageSectionsField(serializers.Field):
    def to_representation(self, manager):
        return [item.section for item in manager.all()]


class RoomField(serializers.Field):
    def to_representation(self, room):
        return {"name": room.name, "location": room.location, "step_free": room.step_free}


class DecimalTextField(serializers.Field):
    """A decimal as its exact text (``"12.50"``)."""

    def to_representation(self, value):
        return str(value)


class LanguageTagsField(serializers.Field):
    """Spoken languages as their BCP 47 tags."""

    def to_representation(self, manager):
        return [language.tag for language in manager.all()]


class FlyerUrlField(serializers.Field):
    """The printable flyer of an event (cms/flyers) at the installation's public address (use
    with ``source="*"``)."""

    def to_representation(self, page):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "api-event-flyer", args=(page.pk,)
        )


class PublicPageLinksField(serializers.Field):
    """Related pages (a many-to-many to pages) as ``{"slug", "name"}`` (and ``url`` from
    ``url_field``), only the public ones: a prefetch made through the privacy layer (the
    bundle's ``page_relations``) holds no others; anything else, such as a draft in the admin
    preview, is checked here."""

    def __init__(self, url_field: str | None = None, **kwargs):
        self.url_field = url_field
        super().__init__(**kwargs)

    def to_representation(self, manager):
        pages = list(manager.all())
        prefetched = getattr(manager.instance, "_prefetched_objects_cache", {})
        if self.source_attrs[-1] not in prefetched:
            public = set(
                public_pages(
                    manager.model.objects.filter(pk__in=[page.pk for page in pages])
                ).values_list("pk", flat=True)
            )
            pages = [page for page in pages if page.pk in public]
        links = []
        for page in pages:
            link = {"slug": page.slug, "name": page.title}
            if self.url_field:
                link["url"] = getattr(page, self.url_field) or None
            links.append(link)
        return links


@dataclasses.dataclass(frozen=True)
class PublicField:
    """One public field of a page type, declared once in the type's ``public_fields``: Wagtail's
    v2 API (``api_fields``) and the club bundle (``cms.api.bundle``) both serve it under
    ``name``. ``serializer`` makes the value safe or resolved for both (none: the model's
    attribute as it is). ``bundle`` is set only where the site builder needs another shape than
    v2's protocol gives: related pages as links instead of v2's nested pages, an event's
    languages as tags."""

    name: str
    serializer: serializers.Field | None = None
    bundle: serializers.Field | None = None

    def api_field(self) -> APIField:
        return APIField(self.name, serializer=copy.deepcopy(self.serializer))

    def bundle_serializer(self) -> serializers.Field | None:
        field = self.bundle if self.bundle is not None else self.serializer
        return copy.deepcopy(field)


def page_api_fields(public_fields) -> list[APIField]:
    """The v2 ``api_fields`` of a page type: the direction of its locale, then its declared
    public fields."""
    return [
        APIField("direction", serializer=DirectionField(source="*")),
        *(field.api_field() for field in public_fields),
    ]


class BundleFields:
    """The bundle's ``fields`` of a page: its type's declared public fields, serialized with the
    bundle's context (request, and the ``streams`` resolver that loaded every body's media)."""

    def __init__(self, context: dict):
        self.root = serializers.Serializer(context=context)
        self.bound: dict[type, list] = {}

    def _bind(self, model) -> list:
        bound = []
        for declared in getattr(model, "public_fields", ()):
            field = declared.bundle_serializer()
            if field is not None:
                field.bind(declared.name, self.root)
            bound.append((declared.name, field))
        return bound

    def __call__(self, page) -> dict:
        model = type(page)
        if model not in self.bound:
            self.bound[model] = self._bind(model)
        values = {}
        for name, field in self.bound[model]:
            if field is None:
                values[name] = getattr(page, name)
                continue
            attribute = field.get_attribute(page)
            values[name] = None if attribute is None else field.to_representation(attribute)
        return values


def declared_fields(model, serializer_class) -> list[str]:
    """The names of a page type's public fields whose (bundle) serializer is a
    ``serializer_class``: the bundle loads images and bodies of these before serializing."""
    return [
        declared.name
        for declared in getattr(model, "public_fields", ())
        if isinstance(
            declared.bundle if declared.bundle is not None else declared.serializer,
            serializer_class,
        )
    ]
