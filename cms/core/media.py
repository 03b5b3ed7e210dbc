"""How images and documents appear in the API: an image as its renditions (never the original
upload, which may be huge or carry metadata), a document as its public download URL."""

import functools

from django.db.models import Prefetch
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# The rendition sizes every image is offered in; the site builder picks per use.
RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def images_with_renditions():
    return get_image_model().objects.prefetch_renditions(*RENDITIONS.values())


def prefetch_image(field: str) -> Prefetch:
    """Prefetch an image foreign key together with its renditions (one query each)."""
    return Prefetch(field, queryset=images_with_renditions())


@functools.cache
def rendition_filters() -> tuple:
    """The ``Filter`` of each size, made once per process: Wagtail parses a spec string into
    operations (inspecting their signatures) on every ``get_renditions`` call it is given as a
    string, which was a third of serialising an image."""
    from wagtail.images.models import Filter

    return tuple(Filter(spec=spec) for spec in RENDITIONS.values())


def image_data(image, request=None, alt: str | None = None) -> dict | None:
    if image is None:
        return None
    renditions = image.get_renditions(*rendition_filters())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.description or "",
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": absolute(request, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITIONS.items()
        },
    }


def document_data(document, request=None) -> dict | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute(request, document.url),
        "filename": document.filename,
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }


def load_images(ids) -> dict:
    return {image.pk: image for image in images_with_renditions().filter(pk__in=set(ids))}


def load_documents(ids) -> dict:
    return {doc.pk: doc for doc in get_document_model().objects.filter(pk__in=set(ids))}


IMAGE_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "renditions": {
            "type": "object",
            "properties": {
                name: {
                    "type": "object",
                    "properties": {
                        "url": {"type": "string", "format": "uri"},
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                    },
                }
                for name in RENDITIONS
            },
        },
    },
}
