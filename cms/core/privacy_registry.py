"""The privacy registry: where the apps register their rules for :mod:`cms.core.privacy`.

Free of models, so that an ``AppConfig`` module can import it at the top and register in
``ready()``. The rules themselves live in the apps that own the data.
"""

from collections.abc import Callable

from django.db.models import Q, QuerySet

# Registered by the apps in ``ready()``; read by :mod:`cms.core.privacy`.
# (exclusion, the page type it concerns or None for pages of any type)
page_exclusions: list[tuple[Callable[[], Q], type | None]] = []
consented_images: dict[str, Callable[[QuerySet], QuerySet]] = {}
hidden_collection_rules: list[Callable[[QuerySet], QuerySet]] = []
released_documents: list[Callable[[], Q]] = []


def register_page_exclusion(exclusion: Callable[[], Q], model: type | None = None) -> None:
    """Pages matching ``exclusion()`` (a filter on ``Page``) are never public. ``model``: the
    page type the exclusion can match at all (it matches pages of that type or its subtypes
    only); a queryset of a page type that can hold no such page is left without it."""
    page_exclusions.append((exclusion, model))


def register_consented_images(relation: str, consented: Callable[[QuerySet], QuerySet]) -> None:
    """Images in the page relation ``relation`` are not public by being referenced there, but
    only through ``consented(public_pages)``: a queryset of the image ids that may be shown."""
    consented_images[relation] = consented


def register_hidden_collections(hidden: Callable[[QuerySet], QuerySet]) -> None:
    """Documents in the collections whose paths ``hidden(public_pages)`` lists (with their
    sub-collections) are never public, linked or not."""
    hidden_collection_rules.append(hidden)


def register_document_release(released: Callable[[], Q]) -> None:
    """Documents matching ``released()`` are public even when no public page links them (still
    only outside the hidden collections)."""
    released_documents.append(released)
