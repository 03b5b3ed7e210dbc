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
shows with :func:`invalidate_on_change`. Once an answer is stored, the next request for it is
answered by :class:`CachedApiResponseMiddleware` before URL resolution and view dispatch.
Requests with credentials or a session never get a stored answer (:func:`cacheable_request`).

The content version lives in the cache itself, so several processes must share one cache
(Redis) to see each other's invalidations; with the local-memory default, run one process.
"""

import datetime
import functools
import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from .memo import request_memo

CONTENT_VERSION_KEY = "api:content-version"
RESPONSE_KEY_PREFIX = "api:response"
SAFE_METHODS = ("GET", "HEAD")
# The request attribute under which the middleware leaves the content version and the key it
# looked up, so that the view's cache on a miss neither asks for them again nor looks twice.
LOOKUP_ATTRIBUTE = "_api_cache_lookup"


def max_age() -> int:
    return getattr(settings, "API_CACHE_MAX_AGE", 60)


def cache_timeout() -> int:
    return getattr(settings, "API_CACHE_TIMEOUT", 60 * 60 * 24)


def path_prefix() -> str:
    return getattr(settings, "API_CACHE_PATH_PREFIX", "/api/")


class _Midnight:
    """The epoch second at which today began in the site's time zone, recomputed once a day."""

    start = 0.0
    next_start = 0.0

    @classmethod
    def today(cls) -> float:
        now = time.time()
        if now >= cls.next_start:
            day = timezone.localdate()
            zone = timezone.get_current_timezone()
            cls.start = datetime.datetime.combine(day, datetime.time(), zone).timestamp()
            tomorrow = day + datetime.timedelta(days=1)
            cls.next_start = datetime.datetime.combine(tomorrow, datetime.time(), zone).timestamp()
        return cls.start


def content_version() -> dict:
    """The current content version: ``{"token": str, "changed_at": int (epoch seconds)}``.

    A version from before today's local midnight is replaced on first use: answers relative to
    today (the default window of events and calendars, deadlines, "Stand:" dates, the year in
    "established") change at midnight even when no content does, and a new ``Last-Modified``
    keeps ``If-Modified-Since`` from calling them unchanged."""
    state = cache.get(CONTENT_VERSION_KEY)
    if state is None:
        cache.add(CONTENT_VERSION_KEY, _new_state(None), None)
        state = cache.get(CONTENT_VERSION_KEY) or _new_state(None)
    if state["changed_at"] < _Midnight.today():
        state = _new_state(state)
        cache.set(CONTENT_VERSION_KEY, state, None)
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


def cacheable_request(request) -> bool:
    """Whether ``request`` may be answered from, and its answer stored in, the cache: a GET or
    HEAD with neither credentials (``Authorization``) nor a session cookie. Every cached view
    answers the same to everyone, so this is a second line of defence: whatever a logged-in
    user or a session might ever widen is computed afresh and never stored."""
    return (
        request.method in SAFE_METHODS
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _parameter_name(pair: str) -> str:
    return pair.partition("=")[0]


def response_cache_key(request, token: str) -> str:
    """The key of ``request``'s answer under content version ``token``: scheme, host, path, the
    raw query string with its parameters in name order (a stable sort keeps the order of the
    values of one parameter, which may matter), and ``Accept`` (the format). Two spellings of
    one query only cost a second entry. Nothing else varies a cached answer: no cached view
    reads the session, the user, cookies or ``Accept-Language`` (no LocaleMiddleware; the
    content language is the ``locale`` parameter, part of the query)."""
    query = request.META.get("QUERY_STRING", "")
    if "&" in query:
        query = "&".join(sorted(query.split("&"), key=_parameter_name))
    parts = (
        token,
        request.scheme,
        request.get_host(),
        request.path,
        query,
        request.META.get("HTTP_ACCEPT", ""),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{RESPONSE_KEY_PREFIX}:{digest}"


def _lookup(request) -> tuple[dict, str]:
    found = getattr(request, LOOKUP_ATTRIBUTE, None)
    if found is not None:
        return found
    state = content_version()
    return state, response_cache_key(request, state["token"])


def _validate(response, state: dict) -> dict:
    """Give a fresh 200 ``response`` its validators and caching headers; returns the entry
    that reproduces it: the body and every header the view and this layer set."""
    if callable(getattr(response, "render", None)) and not response.is_rendered:
        response.render()
    etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
    response["ETag"] = etag
    response["Last-Modified"] = http_date(state["changed_at"])
    patch_cache_control(response, public=True, max_age=max_age())
    patch_vary_headers(response, ["Accept"])
    return {
        "content": response.content,
        "headers": dict(response.items()),
        "etag": etag,
        "last_modified": state["changed_at"],
    }


def answer_from_entry(request, entry: dict):
    """The stored answer, or 304 when the request's validators match it."""
    response = HttpResponse(entry["content"], headers=entry["headers"])
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


def cached_response(request, produce):
    """Serve ``produce()`` (a callable returning a response) through the response cache.

    Only successful GET/HEAD responses are stored; errors and writes pass straight through.
    A safe request that may not use the cache (:func:`cacheable_request`) is answered afresh,
    with the same validators and headers, and its answer is not stored.
    """
    if request.method not in SAFE_METHODS:
        return produce()
    with request_memo():
        if not cacheable_request(request):
            return _fresh_response(request, produce)
        return _cached_response(request, produce)


def _fresh_response(request, produce):
    state = content_version()
    response = produce()
    if response.status_code != 200 or response.streaming:
        return response
    entry = _validate(response, state)
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["last_modified"], response=response
    )


def _cached_response(request, produce):
    looked_up = getattr(request, LOOKUP_ATTRIBUTE, None) is not None
    state, key = _lookup(request)
    # The middleware has looked already (and missed) when it left its lookup.
    entry = None if looked_up else cache.get(key)
    if entry is not None:
        return answer_from_entry(request, entry)
    response = produce()
    if callable(getattr(response, "render", None)) and not response.is_rendered:
        response.render()
    if response.status_code != 200 or response.streaming:
        return response
    entry = _validate(response, state)
    cache.set(key, entry, cache_timeout())
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


class CachedApiResponseMiddleware:
    """Answers a cacheable API read (:func:`cacheable_request`) whose answer is stored under
    the current content version, or a 304 for it, before URL resolution and view dispatch.

    Only answers the views' cache stored can come out of here (the key is the one the views
    store under), so an endpoint that is not cached, or a request that may not use the cache,
    goes on to its view. It sits innermost in ``MIDDLEWARE``: every other middleware (CORS,
    CSP, security headers, sessions) treats its answer exactly like the view's."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = path_prefix()

    def __call__(self, request):
        if not request.path.startswith(self.prefix) or not cacheable_request(request):
            return self.get_response(request)
        state, key = _lookup(request)
        entry = cache.get(key)
        if entry is None:
            setattr(request, LOOKUP_ATTRIBUTE, (state, key))
            return self.get_response(request)
        return answer_from_entry(request, entry)


class NoSharedCachingOfCookiesMiddleware:
    """No response that sets a cookie may be stored by a shared cache: it is made ``private``
    (``public`` and ``s-maxage`` dropped) whatever the view or the response cache said.

    It sits outermost but for the security middleware, so it sees the cookies every inner
    middleware adds on the way out: the session middleware deleting an invalid session cookie,
    CSRF, messages, language. A proxy would otherwise hand one visitor's ``Set-Cookie`` to
    everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.cookies or response.has_header("Set-Cookie"):
            cache_control = response.get("Cache-Control", "")
            if "public" in cache_control or "s-maxage" in cache_control:
                directives = [
                    part.strip()
                    for part in cache_control.split(",")
                    if part.strip()
                    and part.strip().split("=")[0].lower() not in ("public", "s-maxage")
                ]
                response["Cache-Control"] = ", ".join(directives)
            patch_cache_control(response, private=True)
        return response


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
    """Wire the signals; called once from ``CoreConfig.ready``. Wagtail's own models (pages,
    their view restrictions, locales, sites, images, documents) are the framework's; every
    app registers its own further models with :func:`invalidate_on_change` in its ``ready``."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Locale, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    invalidate_on_change(
        Page,
        PageViewRestriction,
        CollectionViewRestriction,
        Locale,
        Site,
        get_image_model(),
        get_document_model(),
    )
    page_published.connect(bump_content_version, dispatch_uid="api-cache-page-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="api-cache-page-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="api-cache-page-moved")
    post_save.connect(_on_model_change, dispatch_uid="api-cache-model-saved")
    post_delete.connect(_on_model_change, dispatch_uid="api-cache-model-deleted")
