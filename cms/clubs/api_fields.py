"""Serializer fields for the ``api_fields`` of the page models (Wagtail's v2 API).

Each one applies the privacy layer or resolves content for headless clients, so a page model
only lists which fields it shows, never how they are made safe.
"""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from cms.clubs import privacy as club_privacy
from cms.core.locales import direction
from cms.core.media import image_data
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
    """A StreamField with image renditions and document URLs resolved."""

    def to_representation(self, value):
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
