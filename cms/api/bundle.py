"""The bundle: one club's whole published tree in one response, for the site builder.

Pages come with their fields and bodies resolved (image renditions, document URLs, real links);
galleries only with consented pictures; the homepage settings with the sections in order.
``cooperations`` lists the club's cooperations confirmed by both sides (``cms.partners``).
"""

import dataclasses
import functools

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, get_page_models

from cms.clubs.api_fields import (
    BundleFields,
    ConsentedGalleryField,
    ImageField,
    ResolvedStreamField,
    declared_fields,
)
from cms.clubs.bases import ClubTreePage
from cms.clubs.models import ClubPage, GalleryImage, GalleryPage, NewsPage, ProjectPage
from cms.clubs.pages import specific_pages
from cms.clubs.serializers import ClubDetailSerializer
from cms.core.locales import (
    content_language_codes,
    default_locale,
    direction,
    locale_entry,
    locale_fields,
    localized,
)
from cms.core.media import image_data
from cms.core.page_entries import page_entry
from cms.core.privacy import public_pages, subtree
from cms.core.streams import StreamResolver
from cms.events.models import EventPage
from cms.partners.data import club_cooperations
from cms.partners.models import PartnerPage

from .relations import children, club_relations, m2m, prefetch_relations, tags


@functools.cache
def specific_types() -> tuple:
    """The page types of a club's tree below the club page, loaded with the tree in its one
    query (joined, not one query per type); pages of other types are loaded afterwards with
    pages.specific_pages."""
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, ClubTreePage) and model is not ClubPage
    )


@functools.cache
def image_fields() -> tuple:
    """Images the pages declare besides those in their bodies: (page type, image field)."""
    return tuple(
        (model, name) for model in specific_types() for name in declared_fields(model, ImageField)
    )


@functools.cache
def stream_fields(model) -> tuple:
    """The declared bodies of a page type, whose media the bundle loads at once."""
    return tuple(declared_fields(model, ResolvedStreamField))


@functools.cache
def gallery_types() -> tuple:
    """Page types that declare consented gallery pictures; they are loaded with the rest."""
    return tuple(
        model for model in specific_types() if declared_fields(model, ConsentedGalleryField)
    )


def page_relations() -> list:
    """The small relations of the bundle's pages, loaded with the club's in one query."""
    partners = m2m(ProjectPage, "partner_clubs", ("slug", "title"))
    public_partners = partners.rows.filter(
        **{f"{partners.target}in": public_pages(ClubPage.objects.all())}
    )
    organisations = m2m(ProjectPage, "partner_organisations", ("slug", "title", "website"))
    public_organisations = organisations.rows.filter(
        **{f"{organisations.target}in": public_pages(PartnerPage.objects.all())}
    )
    return [
        tags(NewsPage),
        children(
            GalleryPage,
            "gallery_images",
            ("sort_order", "image_id", "caption", "photo_consent"),
            rows=GalleryImage.objects.filter(photo_consent=True),
        ),
        dataclasses.replace(partners, rows=public_partners),
        dataclasses.replace(organisations, rows=public_organisations),
        m2m(EventPage, "languages", ("tag", "name")),
    ]


class BundleBuilder:
    """Builds the bundle in a constant number of queries, whatever the number of pages: the
    club, its public translations, the tree with every page's specific fields, the small
    relations of club and pages (one ``UNION ALL``), and the images of club, pages and bodies
    together (images and renditions)."""

    def __init__(self, club: ClubPage, locale, request, updated_since=None, translations=None):
        self.club = club
        self.locale = locale
        self.request = request
        self.updated_since = updated_since
        self.streams = StreamResolver(request)
        self.declared = BundleFields({"request": request, "streams": self.streams})
        # The club's public pages in every locale (with their locales), when the caller has
        # read them already.
        self._translations = translations
        # The club's public events in the bundle's locale (all of them, in tree order), once
        # the bundle is built without ``updated_since``: the calendar and the occurrences
        # the bundle carries on request select from these instead of loading them again.
        self.events: list[EventPage] | None = None

    def translations(self) -> list[ClubPage]:
        """The club's public pages in every locale (the roots of its trees)."""
        if self._translations is None:
            self._translations = list(
                public_pages(
                    ClubPage.objects.filter(translation_key=self.club.translation_key)
                ).select_related("locale")
            )
        return self._translations

    def tree(self):
        """Public pages below the club's root in every locale, localized with fallback, each
        joined to its specific type's table."""
        # Pages below a root that is not public are hidden by public_pages anyway.
        roots = self.translations() or [self.club]
        condition = Q(pk__in=[])
        for root in roots:
            condition |= subtree(root.path) & Q(depth__gt=root.depth)
        self.root_url_paths = {root.path: root.url_path for root in roots}
        joined = [model._meta.model_name for model in specific_types()]
        return (
            localized(Page.objects.filter(condition), self.locale)
            .select_related("locale", *joined, "eventpage__location_room")
            .order_by("path")
        )

    def specific(self, pages: list) -> list:
        """The specific instances of the tree's pages, in order."""
        found, rest = {}, []
        for page in pages:
            for model in specific_types():
                child = getattr(page, model._meta.model_name, None)
                if child is not None and page.content_type_id == _content_type_id(model):
                    found[page.pk] = child
                    break
            else:
                rest.append(page)
        found.update({page.pk: page for page in specific_pages(rest)})
        return [found[page.pk] for page in pages if page.pk in found]

    def build(self) -> dict:
        self.translations()
        pages = list(self.tree())
        page_ids = [page.pk for page in pages]
        if self.updated_since is not None:
            pages = [
                page
                for page in pages
                if page.last_published_at and page.last_published_at > self.updated_since
            ]
        pages = self.specific(pages)
        if self.updated_since is None:
            self.events = [page for page in pages if isinstance(page, EventPage)]
        owners: dict[type, list] = {ClubPage: [self.club]}
        for page in pages:
            owners.setdefault(type(page), []).append(page)
        prefetch_relations(owners, club_relations(detail=True) + page_relations())
        for page in pages:
            for name in stream_fields(type(page)):
                self.streams.add(getattr(page, name))
        self.load_images(pages)
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

    def load_images(self, pages) -> None:
        """Every image of the bundle outside bodies joins the bodies' image query."""
        club = self.club
        ids = [club.logo_id, club.cover_image_id]
        for page in pages:
            for model, name in image_fields():
                if isinstance(page, model):
                    ids.append(getattr(page, f"{name}_id"))
            if isinstance(page, gallery_types()):
                ids.extend(item.image_id for item in page.gallery_images.all())
        self.streams.add_images(image_id for image_id in ids if image_id)
        images = self.streams.load()
        for field in ("logo", "cover_image"):
            _attach(club, field, images)
        for page in pages:
            for model, name in image_fields():
                if isinstance(page, model):
                    _attach(page, name, images)
            if isinstance(page, gallery_types()):
                for item in page.gallery_images.all():
                    _attach(item, "image", images)

    def locales(self) -> list[dict]:
        """The locales the club's homepage is built in: the default one first, then each one
        the club's page has a public translation into, in the platform's order."""
        found = {page.locale.language_code: page.locale for page in self.translations()}
        order = [default_locale().language_code, *content_language_codes()]
        codes = sorted(found, key=lambda code: order.index(code) if code in order else len(order))
        return [{**locale_entry(code), "direction": direction(found[code])} for code in codes]

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
            # The homepage's printable flyer (cms/flyers), at the installation's public address.
            "flyer_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
            + reverse("api-club-flyer", args=(club.slug,)),
        }

    def url_path(self, page) -> str:
        for root_path, root_url_path in self.root_url_paths.items():
            if page.path.startswith(root_path):
                return page.url_path[len(root_url_path) :]
        return ""

    def page(self, page) -> dict:
        return {
            **page_entry(page, self.url_path(page)),
            "depth": page.depth - self.club.depth,
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "show_in_menus": page.show_in_menus,
            "first_published_at": page.first_published_at,
            "last_updated": page.last_published_at,
            "fields": self.fields(page),
        }

    def fields(self, page) -> dict:
        """The page's declared public fields (``public_fields``), as v2 serves them but for
        the bundle's shapes where the declaration gives one."""
        return self.declared(page)


def _content_type_id(model) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


def _attach(instance, field: str, images: dict) -> None:
    """Point ``instance.<field>`` at the loaded image (no query when it is read)."""
    image_id = getattr(instance, f"{field}_id")
    if image_id in images:
        setattr(instance, field, images[image_id])
