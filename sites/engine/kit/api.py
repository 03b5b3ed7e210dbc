"""Reading the API's paginated lists, and where the API is."""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

from sites.engine.deps import resource_keys, shares_of

PAGE_SIZE = 100  # the API's largest page


def fetch_all(
    site,
    path: str,
    params: dict | None = None,
    most: int | None = None,
    clubs: Collection[str] | None = None,
) -> list[dict]:
    """Every item of a paginated list endpoint (``results`` and ``next``), page by page; with
    ``most``, the first ``most`` of them rounded up to whole pages; with ``clubs`` (slugs),
    only those clubs' items among them (the list is still read and recorded whole: a page
    that shows them depends on the list as before). Through the site's ``fetch_list`` where
    it has one (the portal's: kept between builds, see ``sites.client.ApiClient.items``)."""
    if getattr(site, "fetch_list", None) is not None:
        if clubs is None:
            return site.fetch_list(path, params, most)
        return site.fetch_list(path, params, most, clubs=clubs)
    params = {**(params or {}), "limit": PAGE_SIZE, "offset": 0}
    found: list[dict] = []
    while True:
        page = site.fetch(path, params)
        found.extend(page["results"])
        if not page.get("next") or (most is not None and len(found) >= most):
            break
        params = {**params, "offset": params["offset"] + PAGE_SIZE}
    if clubs is None:
        return found
    return shares_of(found, resource_keys(path), clubs)


def api_origin(site) -> str:
    """``scheme://host`` of the API (for links a visitor follows, e.g. calendar
    subscriptions), or "" if unknown."""
    for candidate in (site.settings.get("api_url", ""), site.base_url):
        parts = urlsplit(candidate or "")
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    return ""
