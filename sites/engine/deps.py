"""Dependency tracking for incremental builds: which API resources each built file read.

**Resource keys.** Every API read is tagged with the keys of what it contains
(:func:`resource_keys`, from its path): ``club:<slug>`` for a club's own resources
(``/api/v1/clubs/<slug>/…``), a collection key ``<kind>:*`` for a list over all clubs
(``news:*``, ``events:*``, ``clubs:*`` …), and ``*`` (:data:`ANY`) for a read whose content may
change with anything (unknown endpoints). An answer may name its keys itself
(:data:`KEYS_HEADER`: the portal home and pages, by what their sections show and their texts
link to). Each item of such a list carries the key of its club's share: ``news:<club>``,
``events:<club>``, ``club:<slug>`` for a club's summary. A change is described the same way:
publishing a news item of club ``c`` changes ``{"news:*", "news:c"}``
(``cms/homepages/signals.py``).

**What a page read.** While a plugin yields its pages in one locale, the engine records the
keys of every read. A page depends on what its plugin read in that locale until it yielded
the page (a spec's context is complete when yielded) and on the keys of the API objects and
items in its context. A page whose spec says ``own_reads_only`` (a club's profile, which shows
only its club's share of the lists of all news and events) depends instead on the reads since
the plugin's previous page, the items in its context, and its clubs' shares of the lists the
plugin read (:func:`narrow`: ``news:c``, not ``news:*``).

**A change** rebuilds a page when one of its keys is among the changed ones (or it depends on
:data:`ANY`); every other page is hard-linked from the live release. API reads are kept in the
release (``.api/``) with their keys, so an incremental build reads only what changed and takes
the rest from there.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ANY = "*"
API_DIR = ".api"

# Collections: a list endpoint → the key its content changes under.
_COLLECTIONS = {
    "clubs": "clubs:*",
    "news": "news:*",
    "events": "events:*",
    "projects": "projects:*",
    "locales": "taxonomy:*",
    "funding-programmes": "funding:*",
    "partners": "partners:*",
    "board": "board:*",
}
# Reads whose content combines several kinds (the first two path segments after /api/v1/).
_SPECIAL = {
    # The municipalities with their clubs' count.
    ("municipalities",): frozenset({"taxonomy:*", "clubs:*"}),
    # A portal page's body resolves links to pages (their titles).
    ("portal", "pages"): frozenset({"portal:*", "clubs:*", "news:*", "events:*", "projects:*"}),
    ("signups",): frozenset({"signups:*", "events:*"}),
    ("open-data",): frozenset({"clubs:*"}),
    ("network",): frozenset({"partners:*", "projects:*", "clubs:*"}),
    ("registrations", "options"): frozenset({"taxonomy:*"}),
    # The district's figures count clubs and their boards (``cms/stats/tables.py``).
    ("stats",): frozenset({"clubs:*", "board:*", "taxonomy:*"}),
    ("stats.csv",): frozenset({"clubs:*", "board:*", "taxonomy:*"}),
}
# Which clubs are listed and where (the portal's ``listing``: slug → municipality), a part of
# ``clubs:*`` that changes with a club's publication, name or municipality only.
LISTING = "listing:*"
# An answer may name the keys of what it shows itself (the portal home: the lists its
# sections show and the club news and events its texts link to; a portal page: those its
# body links to), more exactly than its path can (``cms/portal/api.py``).
KEYS_HEADER = "X-Resource-Keys"
# A list read for some clubs' items (``club=``) may name the languages besides the default
# into which one of those items is translated (``cms/api/news.py``); in every other language
# the answer is the default language's, so the clubs' share is read once for all of them
# (``ApiClient.items``).
TRANSLATIONS_HEADER = "X-Translated-Into"


def translated_into(headers: Mapping[str, str]) -> frozenset[str] | None:
    """The languages an answer names in ``X-Translated-Into``; None when it does not say
    (every language must be read on its own)."""
    named = headers.get(TRANSLATIONS_HEADER)
    return None if named is None else frozenset(named.split())


def answer_keys(headers: Mapping[str, str], keys: frozenset[str]) -> frozenset[str]:
    """The keys an answer names in its ``X-Resource-Keys`` header, else ``keys`` (by path)."""
    named = headers.get(KEYS_HEADER)
    if named is None:
        return keys
    return frozenset(named.split())


def resource_keys(path: str) -> frozenset[str]:
    """The keys of what a read of ``path`` (``/api/v1/…``) contains."""
    parts = [part for part in path.split("?", 1)[0].split("/") if part]
    if parts[:2] != ["api", "v1"] or len(parts) < 3:
        return frozenset({ANY})
    rest = parts[2:]
    if rest[0] == "clubs" and len(rest) >= 2:
        return frozenset({f"club:{rest[1]}"})
    if len(rest) == 1 and rest[0] in _COLLECTIONS:
        return frozenset({_COLLECTIONS[rest[0]]})
    if rest[0] == "partners" and len(rest) == 2:
        return frozenset({"partners:*"})
    if rest[0] == "rooms":
        return frozenset({"rooms:*"})
    return _SPECIAL.get(tuple(rest[:2]), frozenset({ANY}))


# Lists over all clubs whose order the API defines by fields of their items (descending), so
# that one club's share can be read on its own and merged into the previous list
# (``ResponseStore.splice``): the path → the item fields of the order, most significant first.
SPLICEABLE = {"/api/v1/news/": ("date", "id")}
# Parameters that narrow a spliceable list in a way that can be repeated on one club's items:
# a lower bound (the parameter → the item field: ``date_from=2026-01-01`` keeps
# ``date >= "2026-01-01"``, ISO dates compare as text) or ``per_club`` (the first n items of
# each club). The changed clubs' shares are read once without them and narrowed here for each
# list: the directory's recent news and the newsroom's whole list take one read per locale.
NARROWING = {"/api/v1/news/": {"date_from": "date", "per_club": None}}


def narrowed(path: str, params: Mapping[str, Any], kind: str, items: list[dict]) -> list[dict]:
    """``items`` (in the list's order) narrowed as ``params`` ask (``NARROWING``)."""
    given = {
        name: str(params[name])
        for name in NARROWING.get(path, {})
        if params.get(name) not in (None, "")
    }
    bounds = [(NARROWING[path][name], value) for name, value in given.items() if name != "per_club"]
    items = [item for item in items if all(str(item.get(f)) >= value for f, value in bounds)]
    if "per_club" in given:
        most, counts, kept = int(given["per_club"]), {}, []
        for item in items:
            club = share(kind, item)
            if counts.get(club, 0) < most:
                counts[club] = counts.get(club, 0) + 1
                kept.append(item)
        items = kept
    return items


def without_narrowing(path: str, params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if k not in NARROWING.get(path, {})}


def affected(keys: Iterable[str], changes: frozenset[str] | set[str] | None) -> bool:
    """Whether something that depends on ``keys`` must be built again after ``changes``
    (``None``: a full rebuild)."""
    if changes is None or ANY in changes:
        return True
    keys = set(keys)
    return ANY in keys or not keys.isdisjoint(changes)


class Resource(dict):
    """A decoded API object that knows the keys of the read it came from.

    As read, its values are plain JSON: the keys of what it holds are its own, and a page's
    keys (``context_keys``) need not look inside it. A value other than a scalar put into it
    afterwards (``item[key] = value``, ``update``, ``setdefault``, ``|=``) may be another API
    object, so from then on it is looked into like any dict."""

    resource_keys: frozenset[str] = frozenset()
    # Whether a value other than a scalar was put into it since it was read.
    grown: bool = False

    def __setitem__(self, key, value) -> None:
        if not isinstance(value, _SCALARS):
            self.grown = True
        super().__setitem__(key, value)

    def update(self, *args, **kwargs) -> None:
        self.grown = True
        super().update(*args, **kwargs)

    def setdefault(self, key, default=None):
        if not isinstance(default, _SCALARS):
            self.grown = True
        return super().setdefault(key, default)

    def __ior__(self, other):
        self.grown = True
        return super().__ior__(other)

    def __reduce__(self):
        # Pickled (between a build's processes) as it is: unpickling a dict subclass puts
        # its values in one by one, which would count as growing.
        return _resource, (dict(self), dict(vars(self)))


def _resource(values: dict, attributes: dict) -> Resource:
    resource = Resource(values)
    vars(resource).update(attributes)
    return resource


def tag(data: Any, keys: frozenset[str]) -> Any:
    """An object answer carries the keys of its read; each item of a list over all clubs
    carries the key of its club's share (``news:<club>``; a club summary ``club:<slug>``)."""
    if not isinstance(data, dict):
        return data
    results = data.get("results")
    if not isinstance(results, list):
        data = Resource(data)
        data.resource_keys = keys
        return data
    (collection,) = keys if len(keys) == 1 else (None,)
    if collection is None or not collection.endswith(":*"):
        return data
    kind = collection[:-2]
    for index, item in enumerate(results):
        if not isinstance(item, dict):
            continue
        item = results[index] = Resource(item)
        item.resource_keys = frozenset({share(kind, item) or collection})
    return data


def share(kind: str, item: Mapping[str, Any]) -> str | None:
    """The key of one club's share of a collection that ``item`` belongs to, if any."""
    if kind == "clubs":
        slug = item.get("slug")
        return f"club:{slug}" if isinstance(slug, str) else None
    club = item.get("club")
    if isinstance(club, Mapping) and isinstance(club.get("slug"), str):
        return f"{kind}:{club['slug']}"
    return None


def share_key(kind: str, slug: str) -> str:
    """The key of club ``slug``'s share of the collection ``kind``: ``news:<slug>``; of the
    list of clubs, the club's own key ``club:<slug>``."""
    return f"club:{slug}" if kind == "clubs" else f"{kind}:{slug}"


def shares_of(items: list, keys: frozenset[str], clubs: Iterable[str]) -> list:
    """The items of a list read under ``keys`` (a collection, ``news:*``) that belong to the
    shares of ``clubs`` (slugs), in the list's order; all items when the read is not of a
    collection (its items have no shares)."""
    (collection,) = keys if len(keys) == 1 else (None,)
    if collection is None or not collection.endswith(":*") or collection == ANY:
        return items
    kind = collection[:-2]
    wanted = {share_key(kind, slug) for slug in clubs}
    return [item for item in items if isinstance(item, Mapping) and share(kind, item) in wanted]


def narrow(collections: Iterable[str], keys: Iterable[str]) -> set[str]:
    """The shares of ``collections`` that belong to the clubs among ``keys``: a page about
    club ``c`` that took its items from the lists of all news and events depends on
    ``news:c`` and ``events:c``, not on every news item."""
    slugs = [key[5:] for key in keys if key.startswith("club:")]
    found: set[str] = set()
    for collection in collections:
        if collection == ANY:
            found.add(ANY)
        elif collection.endswith(":*"):
            kind = collection[:-2]
            found.update(share_key(kind, slug) for slug in slugs)
    return found


@dataclass
class Plan:
    """An incremental build: what changed since the live release, and that release's pages
    (file → {"deps", "shape", "assets"}) and files (path → SHA-256)."""

    changes: frozenset[str]
    pages: Mapping[str, dict]
    files: Mapping[str, str]
    # "<locale>/<plugin>" → what the plugin read collecting its pages in that locale and the
    # pages it gave (their specs without context), so an unchanged plugin need not run.
    collected: Mapping[str, dict] = dataclasses.field(default_factory=dict)
    _summaries: dict[str, dict] = dataclasses.field(default_factory=dict, repr=False)

    def has(self, file: str) -> bool:
        return file in self.files

    def summary(self, key: str, path: str, filename: str) -> dict | None:
        """The page at ``path``/``filename`` as the plugin ``key`` ("<locale>/<plugin>")
        gave it in the live release's build, without its context; None if it gave none."""
        index = self._summaries.get(key)
        if index is None:
            pages = self.collected.get(key, {}).get("pages", [])
            index = self._summaries[key] = {(p["path"], p["filename"]): p for p in pages}
        return index.get((path, filename))


# --- recording -------------------------------------------------------------------------------

_recorders: contextvars.ContextVar[tuple[set, ...]] = contextvars.ContextVar(
    "vereinsnetz_recorders", default=()
)


def record(keys: Iterable[str]) -> None:
    """Note a read of ``keys`` in every recording under way."""
    for recorder in _recorders.get():
        recorder.update(keys)


@contextlib.contextmanager
def recording(*recorders: set) -> Iterator[None]:
    token = _recorders.set(_recorders.get() + recorders)
    try:
        yield
    finally:
        _recorders.reset(token)


def context_keys(value: Any, depth: int = 6, memo: dict | None = None) -> set[str]:
    """The keys named by what a page's context holds: those of the API objects and list items
    in it (``Resource``), down to ``depth`` levels. ``memo`` (one per build, while the contexts
    are alive) keeps each object's keys, so items shared by many pages (a club's summary on
    every directory page) are walked once."""
    memo = {} if memo is None else memo

    def walk(item: Any, level: int) -> set[str]:
        key = (id(item), level)
        known = memo.get(key)
        if known is not None:
            return known[0]
        found: set[str] = set()
        if type(item) is Resource and not item.grown:
            # An API object as read: its keys are those of everything in it.
            found.update(item.resource_keys)
            memo[key] = (found, item)
            return found
        if isinstance(item, Mapping):
            found.update(getattr(item, "resource_keys", ()))
            children = item.values()
        else:
            children = item
        if level > 0:
            for child in children:
                if isinstance(child, _CONTAINERS) or (
                    not isinstance(child, _SCALARS) and isinstance(child, Mapping)
                ):
                    found |= walk(child, level - 1)
        memo[key] = (found, item)  # the item kept alive: its id is not reused meanwhile
        return found

    return set(walk(value, depth))


_CONTAINERS = (dict, list, tuple)
_SCALARS = (str, int, float, type(None), bytes)


class TrackedData(Mapping):
    """A locale's site data that records the keys of what a plugin takes from it."""

    def __init__(self, data: Mapping[str, Any], keys: Mapping[str, Iterable[str]]):
        self._data = data
        self._keys = keys

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        record(self._keys.get(key, (ANY,)))
        return value

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


# --- the previous build's reads ----------------------------------------------------------------


def request_key(path: str, params: Mapping[str, Any] | None) -> str:
    clean = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    return f"{path}?{json.dumps(clean, sort_keys=True, default=str)}"


def response_file(key: str) -> str:
    return f"{API_DIR}/{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


class ResponseStore:
    """API reads kept in a release: those the changes did not touch are read from the live
    release instead of the API; every read of this build goes into the new release."""

    def __init__(
        self,
        previous: Path | None,
        index: Mapping[str, list[str]],
        changes: frozenset[str] | None,
    ):
        self.previous = previous
        self.previous_index = index if previous is not None and changes is not None else {}
        self.changes = changes
        self.index: dict[str, list[str]] = {}
        self.new: dict[str, bytes] = {}
        self.kept: set[str] = set()
        self.hits = 0
        self.spliced = 0  # lists merged from the changed clubs' shares
        # The changed clubs' shares read in this build (``ApiClient.items``), by their read,
        # and the languages their items are translated into (``translated_into``), by the
        # read in the default language.
        self.shares: dict[str, list[dict]] = {}
        self.translated: dict[str, frozenset[str] | None] = {}
        # Lists merged in this process, by what they were merged from (``ApiClient._spliced``):
        # a language whose kept list and shares are those of another gets the same list.
        self.splices: dict[tuple, tuple[bytes, list[dict]]] = {}

    def get(self, path: str, params: Mapping[str, Any] | None) -> bytes | None:
        key = request_key(path, params)
        keys = self.previous_index.get(key)
        if keys is None or affected(keys, self.changes):
            return None
        file = response_file(key)
        try:
            body = (self.previous / file).read_bytes()
        except OSError:
            return None
        self.index[key] = keys
        self.kept.add(file)
        self.hits += 1
        return body

    def keys_of(self, path: str, params: Mapping[str, Any] | None) -> frozenset[str]:
        """The keys of a read taken from the live release (:meth:`get`)."""
        return frozenset(self.index[request_key(path, params)])

    def previous_body(self, path: str, params: Mapping[str, Any] | None) -> bytes | None:
        """The live release's read of ``path`` with ``params``, changed or not."""
        key = request_key(path, params)
        if key not in self.previous_index:
            return None
        try:
            return (self.previous / response_file(key)).read_bytes()
        except OSError:
            return None

    def previous_keys(self, path: str, params: Mapping[str, Any] | None) -> frozenset[str] | None:
        """The keys of the live release's read of ``path`` with ``params``, if it has one."""
        keys = self.previous_index.get(request_key(path, params))
        return None if keys is None else frozenset(keys)

    def changed_shares(self, collection: str) -> set[str] | None:
        """The clubs whose share of ``collection`` (``news:*``) changed, when the changes
        touch that list only through such shares; else None (the list must be read whole)."""
        if self.changes is None or ANY in self.changes or not collection.endswith(":*"):
            return None
        kind = collection[:-2]
        slugs = {
            key.partition(":")[2]
            for key in self.changes
            if key.startswith(f"{kind}:") and key != collection
        }
        return slugs or None

    def put(self, path: str, params: Mapping[str, Any] | None, keys, body: bytes) -> None:
        key = request_key(path, params)
        self.index[key] = sorted(keys)
        self.new[response_file(key)] = body
        self.kept.discard(response_file(key))

    # A build shared between processes (``sites.engine.parallel``): what a forked child read
    # comes back to the parent's store.

    def mark(self) -> tuple:
        marked = dict(self.index), dict(self.new), set(self.kept), self.hits, self.spliced
        return (*marked, set(self.shares), set(self.translated))

    def since(self, mark: tuple) -> dict:
        """What this store took or read since ``mark``."""
        index, new, kept, hits, spliced, shares, translated = mark
        return {
            "shares": {key: items for key, items in self.shares.items() if key not in shares},
            "translated": {
                key: codes for key, codes in self.translated.items() if key not in translated
            },
            "index": {key: keys for key, keys in self.index.items() if index.get(key) != keys},
            "new": {file: body for file, body in self.new.items() if new.get(file) is not body},
            "kept": self.kept - kept,
            "hits": self.hits - hits,
            "spliced": self.spliced - spliced,
        }

    def merge(self, changes: dict) -> None:
        for key, items in changes["shares"].items():
            self.shares.setdefault(key, items)
        for key, codes in changes["translated"].items():
            self.translated.setdefault(key, codes)
        self.index.update(changes["index"])
        self.new.update(changes["new"])
        self.kept |= changes["kept"] - self.new.keys()
        self.hits += changes["hits"]
        self.spliced += changes["spliced"]


def code_hash(packages: Iterable[str], extra: Any) -> str:
    """A hash of the code, templates, catalogues and static files of ``packages`` and of
    ``extra`` (settings, locales, base URL, the date): a build whose hash differs from the live
    release's renders every page."""
    digest = hashlib.sha256(json.dumps(extra, sort_keys=True, default=str).encode())
    for package in sorted(set(packages)):
        digest.update(package_hash(package))
    return digest.hexdigest()


@functools.lru_cache(maxsize=256)
def package_hash(package: str) -> bytes:
    """The SHA-256 of a package's files (their paths and contents), once per process: the
    templates are compiled once per process too (``rendering``: no reloading), so a changed
    file reaches a build only through a restart (docs/deploy.md), and a worker's incremental
    portal build does not look at every file of the engine and the plugins again (30 ms)."""
    import importlib.resources

    digest = hashlib.sha256()
    root = Path(str(importlib.resources.files(package)))
    for file in sorted(root.rglob("*")):
        if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc":
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.digest()


def order_key(fields: tuple[str, ...]):
    return lambda item: tuple(item.get(name) for name in fields)


def splice(
    previous: list[dict],
    complete: bool,
    kind: str,
    slugs: set[str],
    shares: list[dict],
    fields: tuple[str, ...],
    cap: int | None,
) -> tuple[list[dict], bool] | None:
    """A list over all clubs (ordered by ``fields``, descending; the first ``cap`` items, or
    all when ``complete``) with the shares of the clubs ``slugs`` replaced by ``shares`` (all
    their items). Returns the new list and whether it is complete, or None when the result
    cannot be known from these (a cut list would take items from beyond its end)."""
    key = order_key(fields)
    changed = {f"{kind}:{slug}" for slug in slugs}
    kept = [item for item in previous if share(kind, item) not in changed]
    if any(None in key(item) or share(kind, item) is None for item in [*kept, *shares]):
        return None
    merged = sorted([*kept, *shares], key=key, reverse=True)
    if not complete:
        if not previous:
            return None
        # Beyond the end of the cut list lie items of other clubs not read: only what sorts
        # before that end is known.
        end = key(previous[-1])
        merged = [item for item in merged if key(item) >= end]
        if cap is None or len(merged) < cap:
            return None
    if cap is not None and len(merged) > cap:
        return merged[:cap], False
    return merged, complete
