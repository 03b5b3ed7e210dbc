"""Cached, conditional responses for every read endpoint of the API.

A read response is stored in Django's cache (Redis when ``REDIS_URL`` is set) under a key that
includes a global *content version*. Publishing, unpublishing, moving or deleting a page, and
changing any other model the API shows, replaces that version, so every stored response becomes
unreachable at once; nothing has to know which responses showed the changed object.

Every cached response carries ``ETag`` (a hash of its body), ``Last-Modified`` (when the
content version last changed) and a short public ``Cache-Control``; a matching
``If-None-Match`` or ``If-Modified-Since`` is answered with 304 without running the view.

Use it on DRF views with :class:`CachedResponseMixin` and on plain Django views (feeds,
calendars) with :func:`cache_api_response`. Register further models whose changes the API
shows with :func:`invalidate_on_change`.

The content version lives in the cache itself, so several processes must share one cache
(Redis) to see each other's invalidations; with the local-memory default, run one process.
"""

import functools
import hashlib
import time
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from .memo import request_memo

CONTENT_VERSION_KEY = "api:content-version"
RESPONSE_KEY_PREFIX = "api:response"
# Headers of the original response that a cached copy must carry as well.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary", "Allow")
SAFE_METHODS = ("GET", "HEAD")


def max_age() -> int:
    return getattr(settings, "API_CACHE_MAX_AGE", 60)


def cache_timeout() -> int:
    return getattr(settings, "API_CACHE_TIMEOUT", 60 * 60 * 24)


def content_version() -> dict:
    """The current content version: ``{"token": str, "changed_at": int (epoch seconds)}``."""
    state = cache.get(CONTENT_VERSION_KEY)
    if state is None:
        cache.add(CONTENT_VERSION_KEY, _new_state(None), None)
        state = cache.get(CONTENT_VERSION_KEY) or _new_state(None)
    return state


def _new_state(previous: dict | None) -> dict:
    # Last-Modified has a resolution of one second: a change within the same second as the
    # previous one must still move it forward, or If-Modified-Since would call it unchanged.
    changed_at = int(time.time())
    if previous is not None:
        changed_at = max(changed_at, previous["changed_at"] + 1)
    return {"token": uuid.uuid4().hex, "changed_at": changed_at}


def bump_content_version(**_signal_kwargs) -> None:
    """Make every cached API response stale. Called again when the transaction commits, so a
    response computed from not-yet-committed data cannot survive under the new version."""
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    cache.set(CONTENT_VERSION_KEY, _new_state(cache.get(CONTENT_VERSION_KEY)), None)


def response_cache_key(request, token: str) -> str:
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    parts = [
        token,
        request.scheme,
        request.get_host(),
        request.path,
        query,
        request.META.get("HTTP_ACCEPT", ""),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{RESPONSE_KEY_PREFIX}:{digest}"


def cached_response(request, produce):
    """Serve ``produce()`` (a callable returning a response) through the response cache.

    Only successful GET/HEAD responses are stored; errors and writes pass straight through.
    """
    if request.method not in SAFE_METHODS:
        return produce()
    with request_memo():
        return _cached_response(request, produce)


def _cached_response(request, produce):
    state = content_version()
    key = response_cache_key(request, state["token"])
    entry = cache.get(key)
    if entry is None:
        response = produce()
        if callable(getattr(response, "render", None)) and not response.is_rendered:
            response.render()
        if response.status_code != 200 or response.streaming:
            return response
        entry = {
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
            "etag": quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest()),
            "last_modified": state["changed_at"],
        }
        cache.set(key, entry, cache_timeout())
    else:
        response = HttpResponse(entry["content"], headers=entry["headers"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    patch_cache_control(response, public=True, max_age=max_age())
    patch_vary_headers(response, ["Accept"])
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


def cache_api_response(view):
    """Decorator for a plain Django view (function, or a callable such as a ``Feed``)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return cached_response(request, functools.partial(view, request, *args, **kwargs))

    return wrapped


class CachedResponseMixin:
    """For DRF views and viewsets (put it first in the bases)."""

    def dispatch(self, request, *args, **kwargs):
        produce = functools.partial(super().dispatch, request, *args, **kwargs)
        return cached_response(request, produce)


# --- Invalidation --------------------------------------------------------------------------

_invalidating_models: set[type] = set()


def invalidate_on_change(*models) -> None:
    """Saving or deleting an instance of one of ``models`` (or a subclass) makes every cached
    response stale. Pages are covered already."""
    _invalidating_models.update(models)


def _on_model_change(sender, instance, **kwargs):
    if isinstance(instance, tuple(_invalidating_models)):
        bump_content_version()


def connect_invalidation() -> None:
    """Wire the signals; called once from ``ApiConfig.ready``."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.rooms.models import Room
    from cms.taxonomy.models import Country, FocusArea, Language, Municipality, UmbrellaOrganisation

    invalidate_on_change(
        Page,
        PageViewRestriction,
        CollectionViewRestriction,
        Locale,
        Site,
        get_image_model(),
        get_document_model(),
        Municipality,
        Country,
        Language,
        FocusArea,
        UmbrellaOrganisation,
        Room,
    )
    page_published.connect(bump_content_version, dispatch_uid="api-cache-page-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="api-cache-page-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="api-cache-page-moved")
    post_save.connect(_on_model_change, dispatch_uid="api-cache-model-saved")
    post_delete.connect(_on_model_change, dispatch_uid="api-cache-model-deleted")
