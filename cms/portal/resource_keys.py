"""Which of the portal's resources a page's change touches, as the resource keys of the
incremental portal build (``sites/engine/deps.py``): the site builds queue rebuilds with them
(``cms.homepages.signals``) and the portal API names the keys of what an answer shows
(``X-Resource-Keys``, ``cms.portal.api``)."""

from cms.clubs.models import ClubPage, NewsPage
from cms.events.models import EventIndexPage, EventPage

from .models import PortalHomePage, PortalPage

LISTING = "listing:*"  # sites.engine.deps.LISTING: the domain does not import the frontends


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


# What a club's own page (its profile) is shown in besides its profile (``club:<slug>``): its
# summary in the list of all clubs (``clubs:*``: the directory and its filter pages, the
# facets, the municipalities' club counts, the figures, open data, the network, the home's
# featured clubs), and its name and addresses on its news items, events and projects, board
# posts and cooperations (those lists, with the club's share of them).
CLUB_LISTS = ("clubs", "news", "events", "projects", "board", "partners")
CLUB_SHARES = ("news", "events", "projects")


# What those other lists show of the club: its name and addresses (the slug, its own domain),
# whether it is public at all, and its municipality (by which the calendar files its dates:
# the portal's ``listing``, ``deps.LISTING``).
IDENTITY = ("title", "slug", "own_domain", "live", "municipality_id")
IDENTITY_CHANGED = "_vereinsnetz_identity_changed"


def note_identity(page) -> None:
    """Before a club's page is saved: note on it whether what the lists of news, events and
    so on show of the club changes (``club_changes``). Not known: it does."""
    before = None
    if page.pk is not None:
        before = ClubPage.objects.filter(pk=page.pk).values(*IDENTITY).first()
    changed = before is None or any(before[name] != getattr(page, name) for name in IDENTITY)
    setattr(page, IDENTITY_CHANGED, changed)


def club_changes(slug: str, *, identity: bool = True) -> set[str]:
    """The keys a change of club ``slug``'s own page (its profile) touches; with ``identity``
    False (neither name, addresses nor publication changed) its profile and the list of all
    clubs alone."""
    if not identity:
        return {f"club:{slug}", "clubs:*"}
    return {
        f"club:{slug}",
        LISTING,
        *(f"{kind}:*" for kind in CLUB_LISTS),
        *(f"{kind}:{slug}" for kind in CLUB_SHARES),
    }


def portal_changes(page, slug: str | None, *, moved: bool = False) -> set[str] | None:
    """What of the portal a change of ``page`` (of club ``slug``) touches, as resource keys
    (``sites/engine/deps.py``): a club's news item or event changes that club's share of the
    list of all news or events, and that list; the club's own page (published, approved,
    unpublished) its profile and the lists that show the club (``club_changes``; those of its
    news and so on only when its name, addresses or publication changed: ``note_identity``).
    Anything else (other pages of a club, portal pages, a move) rebuilds the whole portal
    (None)."""
    kind = page.specific_class or type(page)
    if moved or not slug:
        return None
    if issubclass(kind, ClubPage):
        return club_changes(slug, identity=getattr(page, IDENTITY_CHANGED, True))
    if issubclass(kind, NewsPage):
        return {f"news:{slug}", "news:*"}
    if issubclass(kind, EventPage):
        return {f"events:{slug}", "events:*"}
    return None
