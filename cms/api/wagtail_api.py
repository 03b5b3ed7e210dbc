"""Wagtail's stock v2 API (pages, images, documents) for generic headless clients, narrowed by
the privacy layer and served through the response cache.

Pages expose only their ``api_fields``; images and documents only when public pages use them.
Wagtail's own restriction checks are evaluated for an anonymous visitor: responses are cached
for everyone, so a logged-in editor or a password in the session must not widen them. The
``locale`` filter of v2 is Wagtail's own (exact locale, no fallback).
"""

import copy

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField
from taggit.managers import _TaggableManager
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer, RelatedField, TagsField
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.core.caching import CachedResponseMixin
from cms.core.pagination import BoundedWagtailPagination
from cms.core.privacy import public_documents, public_images, public_pages


def as_anonymous(request):
    """A copy of the (Django) request without user or session."""
    anonymous = copy.copy(getattr(request, "_request", request))
    anonymous.user = AnonymousUser()
    anonymous.session = {}
    return anonymous


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field queries once per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    def build_property_field(self, field_name, model_class):
        if isinstance(getattr(model_class, field_name), _TaggableManager):
            return PrefetchedTagsField, {}
        return super().build_property_field(field_name, model_class)


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    """v2 images with their tags read from the prefetch."""


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    """v2 documents with their tags read from the prefetch."""


class PublicManyPagesField(ManyRelatedField):
    """A to-many relation to pages (``partner_clubs``, ``partner_organisations``): only the
    related pages the public may see."""

    def get_attribute(self, instance):
        related = super().get_attribute(instance)
        return public_pages(related) if hasattr(related, "model") else related


class PublicPageField(RelatedField):
    """A relation to a page, nested in another page's v2 answer: a page the public may not
    see (unpublished, behind a login, an unconfirmed cooperation …) is ``null`` — its title,
    address and contact never travel nested in a public page."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        list_kwargs.update({key: kwargs[key] for key in kwargs if key in MANY_RELATION_KWARGS})
        return PublicManyPagesField(**list_kwargs)

    def get_attribute(self, instance):
        page = super().get_attribute(instance)
        if page is None:
            return None
        return page if public_pages(Page.objects.filter(pk=page.pk)).exists() else None


class PublicRelationsPageSerializer(PageSerializer):
    """Wagtail's page serializer, with every relation to pages (forward keys and many-to-many
    fields, at any depth of ``fields=a(b(*))``: nested pages are serialized by this class too)
    narrowed by the privacy layer. Relations to snippets and images have serializers of their
    own in ``api_fields`` (cms/clubs/api_fields.py) or go through the public image endpoint."""

    def build_relational_field(self, field_name, relation_info):
        field_class, field_kwargs = super().build_relational_field(field_name, relation_info)
        related = relation_info.related_model
        if (
            isinstance(related, type)
            and issubclass(related, Page)
            and isinstance(field_class, type)
            and issubclass(field_class, RelatedField)
        ):
            return PublicPageField, field_kwargs
        return field_class, field_kwargs


class AnonymousReadMixin(CachedResponseMixin):
    """Read-only endpoints that never look at the session (no "Vary: Cookie")."""

    authentication_classes = []
    pagination_class = BoundedWagtailPagination


class PublicPagesAPIViewSet(AnonymousReadMixin, PagesAPIViewSet):
    base_serializer_class = PublicRelationsPageSerializer

    def get_base_queryset(self):
        # Wagtail asks for it several times per request; the restrictions are read once.
        if not hasattr(self, "_public_pages"):
            self._public_pages = self._get_public_pages()
        return self._public_pages.all()

    def _get_public_pages(self):
        try:
            pages = get_public_pages_queryset(as_anonymous(self.request))
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return public_pages(pages)

    def get_queryset(self):
        # Every listed page shows its locale; without this, one query per page.
        return super().get_queryset().select_related("locale")


MAX_SEARCH_LENGTH = 200
MAX_SEARCH_MATCHES = 1000


class PublicMediaSearchFilter(SearchFilter):
    """Wagtail's search for images and documents, run on the model's whole table and then
    narrowed to the public ones: the search backend cannot translate the privacy layer's
    annotations (``public_images``/``public_documents``) into its own filters. Results are in
    the listing's order (by id), not by relevance; ``order`` still applies."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if len(query) > MAX_SEARCH_LENGTH:
            raise BadRequestError(
                _("search: höchstens %(count)s Zeichen.") % {"count": MAX_SEARCH_LENGTH}
            )
        operator = request.GET.get("search_operator") or None
        if operator not in (None, "and", "or"):
            raise BadRequestError(_("search_operator: „and“ oder „or“."))
        matches = get_search_backend().search(
            query, queryset.model.objects.all(), operator=operator, order_by_relevance=False
        )
        ids = [item.pk for item in matches[:MAX_SEARCH_MATCHES]]
        return queryset.filter(pk__in=ids)


class PublicImagesAPIViewSet(AnonymousReadMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    filter_backends = [FieldsFilter, OrderingFilter, PublicMediaSearchFilter]

    def get_queryset(self):
        images = self.model.objects.order_by("id").exclude(
            collection__in=get_restricted_collection_ids(as_anonymous(self.request))
        )
        return public_images(images).prefetch_related("tags")


class PublicDocumentsAPIViewSet(AnonymousReadMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    filter_backends = [FieldsFilter, OrderingFilter, PublicMediaSearchFilter]

    def get_queryset(self):
        documents = self.model.objects.order_by("id").exclude(
            collection__in=get_restricted_collection_ids(as_anonymous(self.request))
        )
        return public_documents(documents).prefetch_related("tags")


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
