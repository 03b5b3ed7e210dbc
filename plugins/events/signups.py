"""The sign-up state of the club's events (``/api/v1/signups/?club=…``), read once per
locale when the pages are made. The form on an event page posts to the API itself, which
decides between a place and the waiting list, so a state that changed since the build only
makes the page's "noch 5 Plätze" old, never the answer wrong."""

from __future__ import annotations

import json
import logging

logger = logging.getLogger(__name__)

ERROR_KEY = "events (signups)"


def states(view) -> dict[int, dict]:
    """Sign-up state by event id (every translation's id), empty when none or unreadable."""
    site = view.site
    slug = site.settings.get("slug")
    if site.download is None or not slug:
        return {}
    url = f"/api/v1/signups/?club={slug}"
    try:
        items = json.loads(site.download(url))
    except Exception as exc:  # noqa: BLE001 - the pages stand without it; the report says so
        logger.warning("No sign-up states for %s: %s", site.name, exc)
        site.errors[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
        return {}
    return {pk: item for item in items for pk in item.get("events", [])}


def portal_states(view) -> dict[int, dict]:
    """On the portal: the sign-up state of every event, empty when unreadable."""
    try:
        items = view.site.fetch("/api/v1/signups/", {})
    except Exception as exc:  # noqa: BLE001 - the pages stand without it; the report says so
        logger.warning("No sign-up states for the portal: %s", exc)
        view.site.errors[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
        return {}
    return {pk: item for item in items for pk in item.get("events", [])}
