"""Wagtail's stock v2 API (pages, images, documents) for generic headless clients, narrowed by
the privacy layer and served through the response cache.

Pages expose only their ``api_fields``; images and documents only when public pages use them.
The ``locale`` filter of v2 is Wagtail's own (exact locale, no fallback).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .caching import CachedResponseMixin
from .privacy import public_documents, public_images, public_pages


class PublicPagesAPIViewSet(CachedResponseMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())


class PublicImagesAPIViewSet(CachedResponseMixin, ImagesAPIViewSet):
    def get_queryset(self):
        return public_images(super().get_queryset())


class PublicDocumentsAPIViewSet(CachedResponseMixin, DocumentsAPIViewSet):
    def get_queryset(self):
        return public_documents(super().get_queryset())


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
