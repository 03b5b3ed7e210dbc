"""What the portal plugins share: the curated portal pages by role, where they go, and the
interface strings of the portal's own pieces (home page, page fallback note, forms)."""

from __future__ import annotations

import datetime


def page_ref(view, role: str) -> dict | None:
    """The public portal page with this role in the view's locale (German fallback), as listed
    in ``portal_pages`` (the home's ``pages``), or None."""
    return next((p for p in view.data["portal_pages"] if p["role"] == role), None)


def site_path(page: dict) -> str:
    """``/impressum/`` → ``impressum``: where the page goes below the locale folder."""
    return page["path"].strip("/")


def fetch_page(view, role_or_slug: str) -> dict:
    """The page with its body resolved, from ``/api/v1/portal/pages/<key>/``."""
    return view.site.fetch(f"/api/v1/portal/pages/{role_or_slug}/", {"locale": view.locale.code})


def today() -> str:
    return datetime.date.today().isoformat()
