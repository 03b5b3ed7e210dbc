"""Contact: the club's "kontakt" page and a home-page box, with only what the club published:
the contact person only with their consent (the API gives ``contact: null`` otherwise, and
nothing here looks anywhere else), the address only if the club chose to publish it, then a
map of the district drawn at build time, without tiles from anywhere."""

from sites.engine.i18n import N_, Catalog, Translator
from sites.engine.plugins import PageSpec, Plugin

from . import map as district_map

PATH = "kontakt"
catalog = Catalog(__name__)
SOCIAL_LABELS = {
    "website": N_("Website"),
    "facebook": N_("Facebook"),
    "instagram": N_("Instagram"),
    "other": N_("Soziales Netzwerk"),
}


def published(view, key: str):
    """A consent-bound detail (``contact``, ``address``) only where both this locale's profile
    and the German one (the original the translations were copied from) publish it; the values
    are the German profile's, so a consent withdrawn there is never outlived by a translation."""
    master = view.site.data[view.site.default_locale]["club"].get(key)
    return master if master and view.data["club"].get(key) else None


def pages(view):
    _ = catalog.locale(view.locale.code)
    club = view.data["club"]
    address = published(view, "address")
    municipality = club.get("municipality") or {}
    svg = None
    places = {}
    if address and municipality.get("latitude") is not None:
        places = district_map.known_places(view.site.fetch, municipality)
    # One lone point says nothing about where a place lies: a map needs neighbours.
    if len(places) >= district_map.MIN_PLACES:
        svg = district_map.draw(
            places,
            municipality["slug"],
            _.gettext(
                "Karte: %(name)s und die Gemeinden in der Umgebung", name=municipality["name"]
            ),
            _.ngettext(
                "Schematische Karte mit %(count)s Gemeinde als beschriftetem Punkt. "
                "Hervorgehoben, mit größerem Punkt, Ring und fett gedrucktem Namen: %(name)s, "
                "der Sitz des Vereins. Der Punkt zeigt die Lage der Gemeinde, nicht die genaue"
                " Adresse.",
                "Schematische Karte mit %(count)s Gemeinden als beschriftete Punkte. "
                "Hervorgehoben, mit größerem Punkt, Ring und fett gedrucktem Namen: %(name)s, "
                "der Sitz des Vereins. Der Punkt zeigt die Lage der Gemeinde, nicht die genaue"
                " Adresse.",
                len(places),
                count=len(places),
                name=municipality["name"],
            ),
        )
    yield PageSpec(
        path=PATH,
        template="contact/index.html",
        title=_.gettext("Kontakt"),
        menu="main",
        label=_.gettext("Kontakt"),
        context={
            "contact": published(view, "contact"),
            "address": address,
            # The postal address names the club as registered, in German.
            "postal_name": view.site.data[view.site.default_locale]["club"]["name"],
            "map_svg": svg,
            "social": social_links(club, _),
        },
    )


def social_links(club: dict, _: Translator) -> list[dict]:
    links = [
        ("website", club.get("website")),
        ("facebook", club.get("facebook_url")),
        ("instagram", club.get("instagram_url")),
        ("other", club.get("other_social_url")),
    ]
    return [{"label": _.gettext(SOCIAL_LABELS[kind]), "url": url} for kind, url in links if url]


plugin = Plugin(
    name="contact",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Kontakt"),
    needs=("club",),
    pages=pages,
    section="contact/section.html",
)
