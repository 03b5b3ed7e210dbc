"""What the open-data export of the club directory contains, one dict per club.

Only what the clubs publish, read through the privacy layer (``cms.core.privacy``): public clubs
in the default locale, the address only when the club publishes it, e-mail and phone of the
contact only with the contact person's consent, and never a person's name (neither the
contact's nor the board's): the export is licensed for reuse, a profile page is not.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from wagtail.models import Locale

from cms.clubs.homepage_links import club_homepage_url
from cms.clubs.models import ClubPage, LegalForm
from cms.clubs.privacy import public_address, public_contact
from cms.core.media import absolute, prefetch_image
from cms.core.privacy import public_pages
from cms.taxonomy.models import Country, FocusArea, Language


def open_data_clubs():
    """Public clubs in the default locale with everything the export shows, by name."""
    return (
        public_pages(ClubPage.objects.filter(locale=Locale.get_default()))
        .select_related("municipality")
        .prefetch_related(
            prefetch_image("logo"),
            Prefetch("countries", queryset=Country.objects.order_by("code")),
            Prefetch("languages", queryset=Language.objects.order_by("tag")),
            Prefetch("focus_areas", queryset=FocusArea.objects.order_by("slug")),
        )
        .order_by("title", "pk")
    )


def licence() -> dict:
    return {
        "name": settings.OPEN_DATA_LICENSE_NAME,
        "url": settings.OPEN_DATA_LICENSE_URL,
        "publisher": settings.OPEN_DATA_PUBLISHER,
    }


def logo_url(club, request) -> str:
    if club.logo is None:
        return ""
    rendition = club.logo.get_renditions("fill-400x300")["fill-400x300"]
    return absolute(request, rendition.url)


def club_record(club, request) -> dict:
    """The published facts of one club, flat; the HSDS and CSV writers pick from it."""
    contact = public_contact(club) or {}
    address = public_address(club)
    municipality = club.municipality
    return {
        "id": str(club.translation_key),
        "slug": club.slug,
        "name": club.title,
        "description": club.short_description,
        "legal_form": club.legal_form,
        "legal_form_label": str(LegalForm(club.legal_form).label) if club.legal_form else "",
        "register_court": club.register_court,
        "register_number": club.register_number,
        "founding_year": club.founding_year,
        "municipality": municipality.name if municipality else "",
        "municipality_key": municipality.ags if municipality else "",
        "address": address,
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "website": club.website,
        "homepage_url": club_homepage_url(club),
        "profile_url": absolute(request, reverse("api-club-detail", kwargs={"slug": club.slug})),
        "logo_url": logo_url(club, request),
        "countries": [(country.code, country.name) for country in club.countries.all()],
        "languages": [(language.tag, language.name) for language in club.languages.all()],
        "focus_areas": [(focus.slug, focus.name) for focus in club.focus_areas.all()],
    }
