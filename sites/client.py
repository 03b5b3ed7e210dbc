"""The one way ``sites/`` reaches content: an HTTP client for the Vereinsnetz API.

In-process it talks to the Django WSGI application through ``httpx.WSGITransport`` (no port,
no network); given a base URL it talks to any remote installation with the same code.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Collection, Iterator
from typing import Any

import httpx
import orjson

from .engine import deps, parallel

IN_PROCESS_BASE_URL = "http://localhost"
PAGE_SIZE = 100  # the API's largest page
DEFAULT_TIMEOUT = 60.0


class ApiError(RuntimeError):
    def __init__(self, url: str, status: int, body: str = ""):
        super().__init__(f"{url} answered {status}: {body[:300]}")
        self.url = url
        self.status = status


class InProcessTransport(httpx.WSGITransport):
    """WSGI transport that leaves the caller's database connection alone.

    Django's ``request_started`` and ``request_finished`` signals run ``close_old_connections``,
    which closes a connection in a transaction (its autocommit differs from the setting). An
    in-process API call made inside another request, a task or a test transaction would
    otherwise close the outer connection (Django's own test client disconnects the handler for
    the same reason). SQLite's in-memory test database ignores the close; PostgreSQL doesn't.
    """

    _lock = threading.RLock()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        from django.core import signals
        from django.db import close_old_connections

        with self._lock:
            signals.request_started.disconnect(close_old_connections)
            signals.request_finished.disconnect(close_old_connections)
            try:
                response = super().handle_request(request)
                # WSGITransport streams lazily; read while the handler is still detached.
                response.read()
                return response
            finally:
                signals.request_started.connect(close_old_connections)
                signals.request_finished.connect(close_old_connections)


def in_process_transport() -> InProcessTransport:
    """The installation's own WSGI application (``WSGI_APPLICATION``), as a server loads it:
    what it does at start (the project's freezes what it loaded) happens here too."""
    from django.core.servers.basehttp import get_internal_wsgi_application

    return InProcessTransport(app=get_internal_wsgi_application())


class ApiClient:
    """Read-only client of ``/api/v1/`` (and media URLs) of one installation."""

    def __init__(self, base_url: str | None = None, *, timeout: float = DEFAULT_TIMEOUT):
        self.base_url, self.timeout = base_url, timeout
        if base_url:
            self.http = self._remote()
        else:
            self.http = httpx.Client(
                base_url=IN_PROCESS_BASE_URL, timeout=timeout, transport=in_process_transport()
            )
        self.in_process = not base_url
        # Reads kept from the previous build (``sites.engine.deps.ResponseStore``), if any.
        self.responses: deps.ResponseStore | None = None

    def _remote(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url.rstrip("/"),
            timeout=self.timeout,
            follow_redirects=True,
            transport=httpx.HTTPTransport(retries=2),
        )

    def close(self) -> None:
        self.http.close()

    def forking(self) -> parallel.Forking:
        """How a build with this client shares its work with forked processes
        (``sites.engine.parallel``): the reads they keep come back to ``responses``."""

        def store():
            return self.responses or deps.ResponseStore(None, {}, None)

        return parallel.Forking(
            prepare=self._prepare_fork,
            in_child=self._in_child,
            mark=lambda: store().mark(),
            since=lambda mark: store().since(mark),
            merge=lambda changes: store().merge(changes),
        )

    def _prepare_fork(self) -> bool:
        """In-process: fork only outside a transaction (a child could not see what it has not
        committed) and not on an in-memory database (a child would open an empty one); the
        database connections are closed first, so that no child uses the parent's."""
        if not self.in_process:
            return True
        from django.db import connections

        for connection in connections.all():
            if connection.in_atomic_block:
                return False
            if connection.vendor == "sqlite" and connection.is_in_memory_db():
                return False
        connections.close_all()
        return True

    def _in_child(self) -> None:
        if not self.in_process:  # the parent's connections stay the parent's
            self.http = self._remote()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, path: str, params: dict[str, Any] | None = None, headers=None) -> httpx.Response:
        response = self.http.get(path, params=_clean(params), headers=headers)
        if response.status_code >= 400:
            raise ApiError(str(response.url), response.status_code, response.text)
        return response

    def json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """The decoded answer, tagged with the keys of the resources it contains
        (``sites.engine.deps``): recorded for the page being built, and an object answer
        carries them (``Resource.resource_keys``). An answer that names its keys itself
        (``X-Resource-Keys``: the portal home and pages) is taken at its word."""
        keys = deps.resource_keys(path)
        store = self.responses
        body = store.get(path, params) if store is not None else None
        if body is not None:
            keys = store.keys_of(path, params)
        else:
            response = self.get(path, params)
            body = response.content
            keys = deps.answer_keys(response.headers, keys)
            if store is not None:
                store.put(path, params, keys, body)
        deps.record(keys)
        return deps.tag(orjson.loads(body), keys)

    def items(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        most: int | None = None,
        clubs: Collection[str] | None = None,
    ):
        """Every item of a paginated list endpoint, page by page; with ``most``, the first
        ``most`` of them rounded up to whole pages (what ``sites.engine.kit.api.fetch_all``
        returns). Tagged and recorded like ``json``. With ``clubs``, only the items of those
        clubs (slugs) among them: the list is read, kept and recorded whole as without it,
        but only their items are copied and tagged (a build that makes two profiles of a
        thousand takes two clubs' news from the list of all news).

        In a build with kept reads (``responses``) the list is kept whole. When the changes
        touch it only through some clubs' shares (``news:<club>``) and its order is known
        (``deps.SPLICEABLE``), only those clubs' items are read (``club=<slug>``) and merged
        into the live release's list, instead of every page again (one read for all changed
        clubs: ``club`` repeated)."""
        keys = deps.resource_keys(path)
        deps.record(keys)
        cap = None if most is None else -(-most // PAGE_SIZE) * PAGE_SIZE
        store = self.responses
        if store is None:
            found, _complete = self._read_items(path, params, cap)
        else:
            stored = {**(params or {}), "_items": cap or "all"}
            body = store.get(path, stored)
            if body is None:
                body, found = self._spliced(path, params, cap, keys, stored)
                if body is None:
                    found, complete = self._read_items(path, params, cap)
                    body = orjson.dumps({"items": found, "complete": complete})
                elif found is None:  # merged for another language: its own copy
                    found = orjson.loads(body)["items"]
                store.put(path, stored, keys, body)
            else:
                found = orjson.loads(body)["items"]
        if clubs is not None:
            found = deps.shares_of(found, keys, clubs)
        # Tagging copies each item (``deps.Resource``): what a plugin sets on an item of its
        # list does not reach another list that holds the same club's item.
        return deps.tag({"results": found}, keys)["results"]

    def _read_items(self, path, params, cap, headers=None) -> tuple[list[dict], bool]:
        """The list's items (up to ``cap``, in whole pages) and whether that is all of them;
        the first page's headers appended to the list ``headers``, if given."""
        params = {**(params or {}), "limit": PAGE_SIZE, "offset": 0}
        found: list[dict] = []
        while True:
            response = self.get(path, params)
            if headers is not None and not found:
                headers.append(response.headers)
            page = orjson.loads(response.content)
            found.extend(page["results"])
            if not page.get("next"):
                return found, True
            if cap is not None and len(found) >= cap:
                return found, False
            params["offset"] += PAGE_SIZE

    def _spliced(self, path, params, cap, keys, stored) -> tuple[bytes | None, list | None]:
        """The list merged from the live release's and the changed clubs' shares: the body
        to keep and, when merged here, its items; (None, None) when it must be read whole.
        A language whose kept list is the same as another's, byte for byte, and whose shares
        are the same read (``_untranslated``: none of the clubs' items is in that language)
        gets the body merged for the other: at 13 languages, one merge instead of thirteen."""
        store = self.responses
        fields = deps.SPLICEABLE.get(path)
        (collection,) = keys if len(keys) == 1 else (None,)
        slugs = store.changed_shares(collection) if fields and collection else None
        previous = store.previous_body(path, stored) if slugs else None
        if previous is None:
            return None, None
        try:
            read = self._shares(path, params, slugs)
        except ApiError:  # a club is no longer public: read the whole list
            return None, None
        others = {name: value for name, value in stored.items() if name != "locale"}
        key = (deps.request_key(path, others), id(read), previous)
        if key in store.splices:
            store.spliced += 1
            return store.splices[key][0], None
        previous_list = orjson.loads(previous)
        shares = deps.narrowed(path, params or {}, collection[:-2], read)
        result = deps.splice(
            previous_list["items"],
            previous_list["complete"],
            collection[:-2],
            slugs,
            shares,
            fields,
            cap,
        )
        if result is None:
            return None, None
        store.spliced += 1
        found, complete = result
        body = orjson.dumps({"items": found, "complete": complete})
        store.splices[key] = (body, read)  # the read kept alive: its id names it
        return body, found

    def _shares(self, path, params, slugs) -> list[dict]:
        """All items of the clubs ``slugs`` in the list ``path`` (one read, ``club``
        repeated), read once per build for every list that differs only in what narrows it
        (``deps.NARROWING``), and once for every language their items are not translated
        into (``_untranslated``)."""
        store = self.responses
        query = {**deps.without_narrowing(path, params or {}), "club": sorted(slugs)}
        key = deps.request_key(path, query)
        if key not in store.shares:
            found = self._untranslated(path, query)
            if found is None:
                found, _complete = self._read_items(path, query, None)
            store.shares[key] = found
        return store.shares[key]

    def read_changed_shares(self) -> None:
        """The changed clubs' shares of every list that is merged from them (``_shares``),
        read now: before a build shares its locales between processes (``forking``), which
        would each read them again (80 ms for five clubs' news at 72 clubs)."""
        store = self.responses
        if store is None:
            return
        for path in deps.SPLICEABLE:
            (collection,) = deps.resource_keys(path)
            slugs = store.changed_shares(collection)
            if slugs:
                with contextlib.suppress(ApiError):  # a club no longer public: read later
                    self._shares(path, {}, slugs)

    def _untranslated(self, path, query) -> list[dict] | None:
        """The clubs' items read in the default language (no ``locale``), when none of them is
        translated into the query's language (the answer's ``X-Translated-Into``): the answer
        in that language is the same. At 13 languages, one read per build and process instead
        of thirteen. None when the language must be read on its own."""
        store = self.responses
        default = {name: value for name, value in query.items() if name != "locale"}
        key = deps.request_key(path, default)
        if key not in store.shares:
            headers: list[httpx.Headers] = []
            store.shares[key], _complete = self._read_items(path, default, None, headers)
            store.translated[key] = deps.translated_into(headers[0])
        translated = store.translated[key]
        if "locale" in query and (translated is None or query["locale"] in translated):
            return None
        return store.shares[key]

    def paginate(
        self, path: str, params: dict[str, Any] | None = None, page_size: int = 100
    ) -> Iterator[dict]:
        """Every item of a limit/offset-paginated list endpoint."""
        params = dict(params or {}, limit=page_size, offset=0)
        while True:
            page = self.json(path, params)
            yield from page["results"]
            if not page.get("next"):
                return
            params["offset"] += page_size

    def download(self, url: str) -> bytes:
        """Fetch a media file (rendition, document) by absolute or site-relative URL.

        In-process, files under ``MEDIA_URL`` are read from ``MEDIA_ROOT`` directly (however
        the web server is set up to serve them), other local URLs go through the WSGI app and
        URLs of other hosts (object storage) over HTTP.
        """
        if url.startswith("/api/") and self.responses is not None:
            return self._kept_download(url)
        if self.in_process:
            parsed = httpx.URL(url)
            if parsed.host not in ("", "localhost"):
                with httpx.Client(timeout=self.http.timeout, follow_redirects=True) as remote:
                    response = remote.get(url)
                    response.raise_for_status()
                    return response.content
            local = _media_file(parsed.path)
            if local is not None:
                return local.read_bytes()
            url = parsed.raw_path.decode()
        return self.get(url).content

    def _kept_download(self, path: str) -> bytes:
        """An API file (``/api/v1/stats.csv``) in a build with kept reads: taken from the live
        release unless the changes touch what it contains (``deps.resource_keys``)."""
        store = self.responses
        body = store.get(path, None)
        if body is None:
            body = self.get(path).content
            store.put(path, None, deps.resource_keys(path), body)
        return body

    def club_bundle(
        self, slug: str, *, etag: str | None = None, params: dict[str, Any] | None = None
    ) -> tuple[dict | None, str | None]:
        """The club's whole published tree; ``(None, etag)`` when unchanged since ``etag``."""
        headers = {"If-None-Match": etag} if etag else None
        response = self.http.get(
            f"/api/v1/clubs/{slug}/bundle/", params=_clean(params), headers=headers
        )
        if response.status_code == 304:
            return None, etag
        if response.status_code >= 400:
            raise ApiError(str(response.url), response.status_code, response.text)
        return response.json(), response.headers.get("ETag")

    def club_slugs(self) -> list[str]:
        return [club["slug"] for club in self.paginate("/api/v1/clubs/")]


def _media_file(path: str):
    """The file under MEDIA_ROOT that a /media/ path names, or None."""
    from urllib.parse import unquote

    from django.conf import settings

    prefix = settings.MEDIA_URL
    if not path.startswith(prefix):
        return None
    root = _resolved(str(settings.MEDIA_ROOT))
    file = (root / unquote(path[len(prefix) :])).resolve()
    if root not in file.parents or not file.is_file():
        return None
    return file


@functools.lru_cache(maxsize=8)
def _resolved(directory: str):
    """``MEDIA_ROOT`` resolved once, not once per media file of every site."""
    from pathlib import Path

    return Path(directory).resolve()


def _clean(params: dict[str, Any] | None) -> dict[str, Any] | None:
    if params is None:
        return None
    return {key: value for key, value in params.items() if value not in (None, "")}


@contextlib.contextmanager
def api_client(base_url: str | None = None) -> Iterator[ApiClient]:
    client = ApiClient(base_url)
    try:
        yield client
    finally:
        client.close()
