"""The bundle: one club's whole published tree in one response, for the site builder.

Pages come with their fields and bodies resolved (image renditions, document URLs, real links);
galleries only with consented pictures; the homepage settings with the sections in order.
``cooperations`` lists the club's cooperations confirmed by both sides (``cms.partners``).
"""

from django.db.models import Prefetch, Q
from wagtail.models import Locale, Page

from cms.clubs.models import (
    ClubPage,
    ContentPage,
    GalleryImage,
    GalleryPage,
    NewsIndexPage,
    NewsPage,
    ProjectPage,
)
from cms.events.models import EventIndexPage, EventPage
from cms.partners.data import club_cooperations
from cms.partners.models import PartnerPage

from .locales import content_language_codes, direction, locale_fields, localized
from .media import image_data, prefetch_image
from .pages import specific_pages
from .privacy import public_pages
from .serializers import ClubDetailSerializer
from .streams import StreamResolver

PREFETCH = {
    NewsPage: [prefetch_image("image"), "tags"],
    GalleryPage: [
        Prefetch(
            "gallery_images",
            queryset=GalleryImage.objects.filter(photo_consent=True).prefetch_related(
                prefetch_image("image")
            ),
        )
    ],
    ProjectPage: ["partner_clubs", "partner_organisations"],
    EventPage: ["languages", "location_room"],
}


def _slug_names(manager) -> list[dict]:
    return [{"slug": item.slug, "name": item.name} for item in manager.all()]


class BundleBuilder:
    def __init__(self, club: ClubPage, locale, request, updated_since=None):
        self.club = club
        self.locale = locale
        self.request = request
        self.updated_since = updated_since
        self.streams = StreamResolver(request)

    def tree(self):
        """Public pages below the club's root in every locale, localized with fallback."""
        roots = list(Page.objects.filter(translation_key=self.club.translation_key))
        condition = Q(pk__in=[])
        for root in roots:
            condition |= Q(path__startswith=root.path, depth__gt=root.depth)
        self.root_url_paths = {root.path: root.url_path for root in roots}
        return localized(Page.objects.filter(condition), self.locale).order_by("path")

    def build(self) -> dict:
        pages = list(self.tree())
        page_ids = [page.pk for page in pages]
        if self.updated_since is not None:
            pages = [
                page
                for page in pages
                if page.last_published_at and page.last_published_at > self.updated_since
            ]
        pages = specific_pages(pages, PREFETCH)
        self.public_partner_ids = set(
            public_pages(ClubPage.objects.all()).values_list("pk", flat=True)
        )
        named = {
            partner.pk
            for page in pages
            if isinstance(page, ProjectPage)
            for partner in page.partner_organisations.all()
        }
        self.public_organisation_ids = (
            set(public_pages(PartnerPage.objects.filter(pk__in=named)).values_list("pk", flat=True))
            if named
            else set()
        )
        for page in pages:
            for name in ("body",):
                if hasattr(page, name):
                    self.streams.add(getattr(page, name))
        club = ClubDetailSerializer(self.club, context={"request": self.request}).data
        return {
            **locale_fields(self.club),
            "locales": self.locales(),
            "club": club,
            "homepage": self.homepage(),
            "pages": [self.page(page) for page in pages],
            "cooperations": club_cooperations(self.club, self.locale),
            "page_ids": page_ids,
            "updated_since": self.updated_since.isoformat() if self.updated_since else None,
        }

    def locales(self) -> list[dict]:
        """The locales the club's homepage is built in: the default one first, then each one
        the club's page has a public translation into, in the platform's order."""
        translations = public_pages(
            ClubPage.objects.filter(translation_key=self.club.translation_key)
        ).select_related("locale")
        found = {page.locale.language_code: page.locale for page in translations}
        order = [Locale.get_default().language_code, *content_language_codes()]
        codes = sorted(found, key=lambda code: order.index(code) if code in order else len(order))
        return [{"code": code, "direction": direction(found[code])} for code in codes]

    def homepage(self) -> dict:
        club = self.club
        return {
            "theme": club.theme,
            "primary_colour": club.primary_colour,
            "accent_colour": club.accent_colour,
            "own_domain": club.own_domain,
            "sections": [item.section for item in club.homepage_sections.all()],
            "logo": image_data(club.logo, self.request),
            "cover_image": image_data(club.cover_image, self.request),
        }

    def url_path(self, page) -> str:
        for root_path, root_url_path in self.root_url_paths.items():
            if page.path.startswith(root_path):
                return page.url_path[len(root_url_path) :]
        return ""

    def page(self, page) -> dict:
        url_path = self.url_path(page)
        parent_path = url_path.rstrip("/").rpartition("/")[0]
        return {
            "id": page.pk,
            "type": page._meta.label,
            "slug": page.slug,
            "title": page.title,
            "locale": page.locale.language_code,
            "direction": direction(page.locale),
            "url_path": url_path,
            "parent_path": f"{parent_path}/" if parent_path else "",
            "depth": page.depth - self.club.depth,
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "show_in_menus": page.show_in_menus,
            "first_published_at": page.first_published_at,
            "last_updated": page.last_published_at,
            "fields": self.fields(page),
        }

    def fields(self, page) -> dict:
        request = self.request
        if isinstance(page, ContentPage):
            return {"body": self.streams.resolve(page.body)}
        if isinstance(page, NewsIndexPage | EventIndexPage):
            return {"intro": page.intro}
        if isinstance(page, NewsPage):
            return {
                "date": page.date,
                "teaser": page.teaser,
                "image": image_data(page.image, request),
                "tags": _slug_names(page.tags),
                "body": self.streams.resolve(page.body),
            }
        if isinstance(page, GalleryPage):
            return {
                "intro": page.intro,
                "images": [
                    {"caption": item.caption, "image": image_data(item.image, request)}
                    for item in page.gallery_images.all()
                    if item.photo_consent
                ],
            }
        if isinstance(page, ProjectPage):
            return {
                "start_date": page.start_date,
                "end_date": page.end_date,
                "status": page.status,
                "funding_source": page.funding_source,
                "partner_clubs": [
                    {"slug": partner.slug, "name": partner.title}
                    for partner in page.partner_clubs.all()
                    if partner.pk in self.public_partner_ids
                ],
                "partner_organisations": [
                    {"slug": partner.slug, "name": partner.title, "url": partner.website or None}
                    for partner in page.partner_organisations.all()
                    if partner.pk in self.public_organisation_ids
                ],
                "summary": page.summary,
                "body": self.streams.resolve(page.body),
            }
        if isinstance(page, EventPage):
            room = page.location_room
            return {
                "start": page.start,
                "end": page.end,
                "all_day": page.all_day,
                "recurrence": page.recurrence,
                "location_address": page.location_address,
                "location_room": {"name": room.name, "location": room.location} if room else None,
                "category": page.category,
                "cost": str(page.cost) if page.cost is not None else None,
                "languages": [language.tag for language in page.languages.all()],
                "registration_url": page.registration_url,
                "summary": page.summary,
                "body": self.streams.resolve(page.body),
            }
        return {}
