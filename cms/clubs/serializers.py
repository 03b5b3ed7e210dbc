"""Serializers of the domain API (/api/v1/). Only fields listed here leave the CMS; contact
and address go through the privacy layer; board composition is not a field here at all."""

import functools

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import get_script_prefix, get_urlconf, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from cms.clubs import privacy as club_privacy
from cms.core.locales import direction, requested_language
from cms.core.media import IMAGE_SCHEMA, absolute, image_data
from cms.taxonomy import names

from .contributions import contributed
from .homepage_links import club_homepage_url, page_homepage_url


class MunicipalitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True, help_text="Ungefähre Ortsmitte (WGS 84).")
    longitude = serializers.FloatField(allow_null=True, help_text="Ungefähre Ortsmitte (WGS 84).")


def reader_language(context) -> str:
    """The language the response is for: ``?locale=`` (German by default), also for a
    platform locale nobody has written content in yet."""
    return requested_language(context.get("request"))


class CountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2")
    name = serializers.SerializerMethodField(help_text="Name in der Sprache von ``locale`` (CLDR).")

    def get_name(self, country) -> str:
        return names.country_name(country.code, country.name, reader_language(self.context))


class LanguageSerializer(serializers.Serializer):
    tag = serializers.CharField(help_text="BCP 47")
    name = serializers.SerializerMethodField(help_text="Name in der Sprache von ``locale`` (CLDR).")
    native_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])

    def get_name(self, language) -> str:
        return names.language_name(language.tag, language.name, reader_language(self.context))


class SlugNameSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class FocusAreaSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.SerializerMethodField(help_text="Name in der Sprache von ``locale``.")

    def get_name(self, area) -> str:
        return names.focus_area_name(area.name, area.translations, reader_language(self.context))


class ClubRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="title")


def club_ref(club) -> dict | None:
    """What :class:`ClubRefSerializer` gives, without building a serializer per item (lists
    of thousands of news items and event dates name their club each time)."""
    return None if club is None else {"slug": club.slug, "name": club.title}


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField()
    role = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()


class AddressSerializer(serializers.Serializer):
    street = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()


class MeetingTimeSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = Montag … 6 = Sonntag")
    weekday_name = serializers.CharField(source="get_weekday_display")
    start_time = serializers.TimeField(format="%H:%M")
    end_time = serializers.TimeField(format="%H:%M", allow_null=True)
    place = serializers.CharField()
    note = serializers.CharField()


class LocalizedPageSerializer(serializers.Serializer):
    """Fields every page-based object carries."""

    id = serializers.IntegerField()
    slug = serializers.CharField()
    locale = serializers.SerializerMethodField()
    direction = serializers.SerializerMethodField()
    last_updated = serializers.DateTimeField(source="last_published_at")

    def get_locale(self, page) -> str:
        return page.locale.language_code

    @extend_schema_field({"type": "string", "enum": ["ltr", "rtl"]})
    def get_direction(self, page) -> str:
        return direction(page.locale)

    def _image(self, image):
        return image_data(image, self.context.get("request"))


class ClubSummarySerializer(LocalizedPageSerializer):
    name = serializers.CharField(source="title")
    url = serializers.SerializerMethodField(help_text="Das Profil in dieser API.")
    legal_form = serializers.CharField()
    founding_year = serializers.IntegerField(allow_null=True)
    established = serializers.BooleanField(source="is_established", allow_null=True)
    municipality = MunicipalitySerializer(allow_null=True)
    countries = CountrySerializer(many=True)
    languages = LanguageSerializer(many=True)
    focus_areas = FocusAreaSerializer(many=True)
    tags = SlugNameSerializer(many=True)
    short_description = serializers.CharField()
    plain_summary = serializers.CharField(
        help_text="Zusammenfassung in Einfacher Sprache (deutsch), leer wenn keine."
    )
    website = serializers.CharField()
    homepage_url = serializers.SerializerMethodField(
        help_text="Die Homepage des Vereins im Vereinsnetz: https://<eigene Domain>/ oder "
        "/vereine/<slug>/ auf dem Haupthost (absolut)."
    )
    logo = serializers.SerializerMethodField()
    profile_confirmed_at = serializers.SerializerMethodField(
        help_text="Wann der Verein sein Profil zuletzt als aktuell bestätigt oder bearbeitet "
        "hat (null, wenn unbekannt)."
    )
    profile_unconfirmed = serializers.SerializerMethodField(
        help_text="Wahr, wenn das Profil länger als PROFILE_UNCONFIRMED_AFTER_DAYS Tage "
        "nicht bestätigt wurde; das Verzeichnis kennzeichnet es dann."
    )

    def get_url(self, club) -> str:
        return absolute(
            self.context.get("request"), reverse("api-club-detail", kwargs={"slug": club.slug})
        )

    def get_homepage_url(self, club) -> str:
        return club_homepage_url(club)

    @extend_schema_field(IMAGE_SCHEMA)
    def get_logo(self, club):
        return self._image(club.logo)

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_profile_confirmed_at(self, club):
        value = contributed(club, "profile_confirmed_at")
        return None if value is None else serializers.DateTimeField().to_representation(value)

    def get_profile_unconfirmed(self, club) -> bool:
        return bool(contributed(club, "profile_unconfirmed"))


class ImprintSerializer(serializers.Serializer):
    name = serializers.CharField()
    legal_form = serializers.CharField()
    legal_form_label = serializers.CharField()
    representatives = serializers.ListField(child=serializers.CharField())
    responsible = serializers.CharField()
    address = AddressSerializer(allow_null=True)
    email = serializers.CharField()
    phone = serializers.CharField()
    register_court = serializers.CharField()
    register_number = serializers.CharField()
    vat_id = serializers.CharField()


class ClubDetailSerializer(ClubSummarySerializer):
    register_court = serializers.CharField()
    register_number = serializers.CharField()
    member_count = serializers.IntegerField(allow_null=True)
    umbrellas = serializers.SerializerMethodField(help_text="Dachverbände.")
    description = serializers.SerializerMethodField(help_text="HTML mit aufgelösten Links.")
    plain_summary = serializers.CharField(help_text="Einfache Sprache.")
    address = serializers.SerializerMethodField()
    contact = serializers.SerializerMethodField(
        help_text="Nur wenn die Ansprechperson eingewilligt hat, sonst null."
    )
    facebook_url = serializers.CharField()
    instagram_url = serializers.CharField()
    other_social_url = serializers.CharField()
    meeting_times = MeetingTimeSerializer(many=True)
    cover_image = serializers.SerializerMethodField()
    bundle_url = serializers.SerializerMethodField()
    imprint = serializers.SerializerMethodField(
        help_text="Angaben für das Impressum (§ 5 DDG, § 18 MStV), auf Deutsch; mit Postanschrift."
    )

    def get_umbrellas(self, club) -> list[str]:
        return [umbrella.name for umbrella in club.umbrellas.all()]

    @extend_schema_field(OpenApiTypes.STR)
    def get_description(self, club):
        return expand_db_html(club.description or "")

    @extend_schema_field(AddressSerializer(allow_null=True))
    def get_address(self, club):
        return club_privacy.public_address(club)

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, club):
        return club_privacy.public_contact(club)

    @extend_schema_field(IMAGE_SCHEMA)
    def get_cover_image(self, club):
        return self._image(club.cover_image)

    def get_bundle_url(self, club) -> str:
        return absolute(
            self.context.get("request"), reverse("api-club-bundle", kwargs={"slug": club.slug})
        )

    @extend_schema_field(ImprintSerializer)
    def get_imprint(self, club):
        return club.imprint()


class NewsSerializer(LocalizedPageSerializer):
    title = serializers.CharField()
    date = serializers.DateField()
    teaser = serializers.CharField()
    image = serializers.SerializerMethodField()
    tags = SlugNameSerializer(many=True)
    club = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField(help_text="Die Seite in Wagtails v2-API.")
    homepage_url = serializers.SerializerMethodField(
        help_text="Die Neuigkeit auf der Homepage des Vereins (absolut)."
    )

    @extend_schema_field(IMAGE_SCHEMA)
    def get_image(self, page):
        return self._image(page.image)

    def get_homepage_url(self, page) -> str | None:
        return page_homepage_url(page)

    @extend_schema_field(ClubRefSerializer(allow_null=True))
    def get_club(self, page):
        club = getattr(page, "club", None)
        return club_ref(club)

    def get_api_url(self, page) -> str:
        return v2_page_url(self.context.get("request"), page)


def v2_page_url(request, page) -> str:
    head, tail = _page_detail_url(get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return absolute(request, f"{head}{page.pk}{tail}")


@functools.lru_cache(maxsize=8)
def _page_detail_url(script_prefix: str, urlconf) -> tuple[str, str]:
    """Wagtail's page detail URL around the page id, resolved once per script prefix and URL
    configuration (both are the request's, so reverse with them): a list
    of 100 news items called ``reverse`` 100 times, a sixth of the request's time."""
    marker = 2**62 + 7  # digits that occur in no other part of the URL
    url = reverse("wagtailapi:pages:detail", urlconf=urlconf, args=(marker,))
    head, found, tail = url.partition(str(marker))
    if not found:  # a URL pattern that does not show the id as it is
        raise ImproperlyConfigured(f"Unexpected page detail URL {url!r}")
    return head, tail
