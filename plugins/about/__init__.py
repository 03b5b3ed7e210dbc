"""About us: the club's profile page ("ueber-uns") with its facts, languages, meeting times and
the summary in Einfache Sprache; the club's own content pages; a home-page section with the
meeting times."""

import babel
import babel.numbers

from sites.engine.i18n import Catalog, cldr_name
from sites.engine.plugins import PageSpec, Plugin

PATH = "ueber-uns"
CONTENT = "clubs.ContentPage"
catalog = Catalog(__name__)


def pages(view):
    code = view.locale.code
    club = view.data["club"]
    master = view.site.data[view.site.default_locale]["club"]
    content_pages = view.data["by_type"].get(CONTENT, [])
    # A club's own content page at "ueber-uns" becomes the text of the profile page.
    own = next((p for p in content_pages if p["url_path"].strip("/") == PATH), None)
    others = [p for p in content_pages if p is not own]
    children = children_by_parent(content_pages)
    # An untranslated page comes in German: its title then is no label for this locale's menu.
    translated = own is not None and own.get("locale", code) == code
    title = own["title"] if translated else view.gettext("Über uns")
    yield PageSpec(
        path=PATH,
        template="about/index.html",
        title=title,
        menu="main",
        label=title,
        context={
            "own_page": own,
            "own_page_translated": translated,
            "country_names": country_names(club.get("countries", []), code),
            "language_names": language_names(club.get("languages", []), code),
            "member_count": (
                babel.numbers.format_decimal(club["member_count"], locale=cldr_name(code))
                if club.get("member_count")
                else ""
            ),
            # Einfache Sprache is plain *German*: always the German profile's text.
            "plain_summary": master.get("plain_summary") or "",
            "more_pages": [p for p in children.get("", []) if p is not own]
            + (children.get(own["url_path"], []) if own else []),
            "children": children,
        },
    )
    for page in others:
        yield PageSpec(
            path=page["url_path"],
            template="about/content.html",
            title=page["title"],
            context={"page": page, "children": children},
        )


def children_by_parent(content_pages: list[dict]) -> dict[str, list[dict]]:
    """Content pages grouped by the path of their parent; top-level pages under ""."""
    paths = {page["url_path"] for page in content_pages}
    groups: dict[str, list[dict]] = {}
    for page in content_pages:
        parent = page.get("parent_path") or ""
        groups.setdefault(parent if parent in paths else "", []).append(page)
    return groups


def country_names(countries: list[dict], code: str) -> dict[str, str]:
    """Country names in the page's language (the API names them in German)."""
    territories = babel.Locale.parse(cldr_name(code)).territories
    return {item["code"]: territories.get(item["code"], item["name"]) for item in countries}


def language_names(languages: list[dict], code: str) -> dict[str, str]:
    """Language names in the page's language where Babel knows them."""
    known = babel.Locale.parse(cldr_name(code)).languages
    return {item["tag"]: known.get(item["tag"].replace("-", "_"), "") for item in languages}


plugin = Plugin(
    name="about",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Über uns"),
    needs=("club", "by_type"),
    pages=pages,
    section="about/section.html",
)
