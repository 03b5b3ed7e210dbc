"""Wagtail's stock v2 API (pages, images, documents) for generic headless clients, narrowed by
the privacy layer and served through the response cache.

Pages expose only their ``api_fields``; images and documents only when public pages use them.
Wagtail's own restriction checks are evaluated for an anonymous visitor: responses are cached
for everyone, so a logged-in editor or a password in the session must not widen them. The
``locale`` filter of v2 is Wagtail's own (exact locale, no fallback).
"""

import copy

from django.contrib.auth.models import AnonymousUser
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .caching import CachedResponseMixin
from .privacy import public_documents, public_images, public_pages


def as_anonymous(request):
    """A copy of the (Django) request without user or session."""
    anonymous = copy.copy(getattr(request, "_request", request))
    anonymous.user = AnonymousUser()
    anonymous.session = {}
    return anonymous


class AnonymousReadMixin(CachedResponseMixin):
    """Read-only endpoints that never look at the session (no "Vary: Cookie")."""

    authentication_classes = []


class PublicPagesAPIViewSet(AnonymousReadMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        try:
            pages = get_public_pages_queryset(as_anonymous(self.request))
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return public_pages(pages)


class PublicImagesAPIViewSet(AnonymousReadMixin, ImagesAPIViewSet):
    def get_queryset(self):
        images = self.model.objects.order_by("id").exclude(
            collection__in=get_restricted_collection_ids(as_anonymous(self.request))
        )
        return public_images(images)


class PublicDocumentsAPIViewSet(AnonymousReadMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        documents = self.model.objects.order_by("id").exclude(
            collection__in=get_restricted_collection_ids(as_anonymous(self.request))
        )
        return public_documents(documents)


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
