"""Absolute addresses on a club's homepage (the static site built from the API), for links
from elsewhere (the portal's calendar, news and projects, the news feed) to where a page is
shown in full.

A club's homepage is at ``https://<own domain>/`` or at ``/vereine/<slug>/`` of the main host
(``WAGTAILADMIN_BASE_URL``, the address its homepage is built for, whichever host the API was
asked through); a page of the club is at ``<homepage><locale>/<path below the club>/``, as
``sites/club`` builds it.
"""

from django.conf import settings


def homepage_url(slug: str, own_domain: str = "") -> str:
    if own_domain:
        return f"https://{own_domain}/"
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/vereine/{slug}/"


def club_homepage_url(club) -> str:
    return homepage_url(club.slug, club.own_domain)


# The agency's own events sit at this depth below the portal home (root → portal home →
# events index → event; ``cms.portal.agency_events``); the portal shows them.
AGENCY_EVENT_DEPTH = 4


def portal_page_url(page) -> str:
    """A page below the portal home on the portal: ``<main host>/<locale>/<path below>/``."""
    below = page.url_path.strip("/").split("/")[1:]
    suffix = "".join(f"{part}/" for part in below)
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/{page.locale.language_code}/{suffix}"


def page_homepage_url(page) -> str | None:
    """The page on its club's homepage; ``page.club`` must be attached
    (``cms.clubs.pages.attach_clubs``): the club page of the page's own locale tree. An event
    of the agency's own is on the portal."""
    club = getattr(page, "club", None)
    if club is None and page._meta.label == "events.EventPage" and page.depth == AGENCY_EVENT_DEPTH:
        return portal_page_url(page)
    if club is None or not page.url_path.startswith(club.url_path):
        return None
    below = page.url_path[len(club.url_path) :].strip("/")
    suffix = f"{below}/" if below else ""
    return f"{club_homepage_url(club)}{page.locale.language_code}/{suffix}"
