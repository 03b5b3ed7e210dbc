"""Which of the portal's resources a page's change touches, as the resource keys of the
incremental portal build (``sites/engine/deps.py``): the site builds queue rebuilds with them
(``cms.homepages.signals``) and the portal API names the keys of what an answer shows
(``X-Resource-Keys``, ``cms.portal.api``)."""

from cms.clubs.models import ClubPage, NewsPage
from cms.events.models import EventIndexPage, EventPage

from .models import PortalHomePage, PortalPage


def club_of(page) -> ClubPage | None:
    return ClubPage.objects.ancestor_of(page, inclusive=True).only("slug", "title").first()


def club_slug_of(page) -> str | None:
    club = club_of(page)
    return club.slug if club else None


def portal_page(page) -> bool:
    """Shown on the portal outside any club: the portal home and pages, and the agency's own
    events (an events index below the portal home, and its events)."""
    kind = page.specific_class or type(page)
    if issubclass(kind, (PortalHomePage, PortalPage)):
        return True
    return issubclass(kind, (EventIndexPage, EventPage)) and club_of(page) is None


def portal_changes(page, slug: str | None, *, moved: bool = False) -> set[str] | None:
    """What of the portal a change of ``page`` (of club ``slug``) touches, as resource keys
    (``sites/engine/deps.py``): a club's news item or event changes that club's share of the
    list of all news or events, and that list. Anything else (the club itself, other pages,
    portal pages, a move between clubs) rebuilds the whole portal (None)."""
    kind = page.specific_class or type(page)
    if moved or not slug:
        return None
    if issubclass(kind, NewsPage):
        return {f"news:{slug}", "news:*"}
    if issubclass(kind, EventPage):
        return {f"events:{slug}", "events:*"}
    return None
