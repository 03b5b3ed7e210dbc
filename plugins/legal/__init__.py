"""Legal pages every German website needs, always on: the Impressum (§ 5 DDG, § 18 MStV)
generated from the club's imprint data, and a privacy policy (Art. 13 GDPR) that describes what
these static sites really do. Both are German legal texts; other locales show them with a note,
in the page's language, that the German version is the authoritative one."""

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin

IMPRINT = "impressum"
catalog = Catalog(__name__)
PRIVACY = "datenschutz"
# The supervisory authority of North Rhine-Westphalia, for complaints under Art. 77 GDPR.
AUTHORITY = {
    "name": "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
    "address": "Kavalleriestraße 2–4, 40213 Düsseldorf",
    "url": "https://www.ldi.nrw.de/",
}


def pages(view):
    # Legal texts come from the German profile, the original every translation was copied from.
    club = view.site.data[view.site.default_locale]["club"]
    imprint = club.get("imprint") or {}
    yield PageSpec(
        path=IMPRINT,
        template="legal/imprint.html",
        title=view.gettext("Impressum"),
        menu="footer",
        label=view.gettext("Impressum"),
        context={"imprint": imprint},
    )
    yield PageSpec(
        path=PRIVACY,
        template="legal/privacy.html",
        title=view.gettext("Datenschutzerklärung"),
        menu="footer",
        label=view.gettext("Datenschutzerklärung"),
        context={"imprint": imprint, "authority": AUTHORITY},
    )


plugin = Plugin(
    name="legal",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Impressum und Datenschutz"),
    needs=("club",),
    pages=pages,
)
