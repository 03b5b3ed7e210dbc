"""Einfache Sprache: the portal's entry page in plain German (portal page role
``einfache_sprache``) followed by each club's summary in plain language, where the club wrote
one (``plain_summary`` of the club profile). The page is German in every locale folder, marked
``lang="de"`` where the folder's language differs, so the link from every language leads to
the same plain-language text."""

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin
from sites.portal.pages import fetch_page, page_ref, site_path

catalog = Catalog(__name__)


def menu_label(view, page: dict) -> str:
    """The page's own title where the agency translated it; otherwise the plugin's name in
    the visitor's language rather than a German title in a translated menu."""
    if page.get("locale", view.locale.code) == view.locale.code:
        return page["title"]
    return catalog.gettext(view.locale.code, "Einfache Sprache")


def pages(view):
    if page_ref(view, "einfache_sprache") is None:
        return
    page = fetch_page(view, "einfache_sprache")
    # The plain summaries are German: taken from the German club list, in its order.
    german = view.site.data.get("de", view.data)["clubs"]
    clubs = [club for club in german if (club.get("plain_summary") or "").strip()]
    yield PageSpec(
        path=site_path(page),
        template="einfache_sprache/index.html",
        title=page["title"],
        menu="main",
        label=menu_label(view, page),
        context={"page": page, "clubs": clubs},
    )


plugin = Plugin(
    name="einfache_sprache",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Einfache Sprache"),
    needs=("portal", "clubs"),
    pages=pages,
)
