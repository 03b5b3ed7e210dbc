"""The portal's directory links the open dataset and names its licence."""

from plugins.directory import BASE
from tests.factories import ClubFactory
from tests.locales import LOCALES


def test_directory_links_the_open_data_and_its_licence(db, build_portal_site, settings):
    settings.OPEN_DATA_LICENSE_NAME = "CC BY 4.0"
    settings.OPEN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
    ClubFactory("Kulturverein Offen")
    root = build_portal_site(locales=LOCALES[:1])
    html = (root / "de" / BASE / "index.html").read_text()
    assert "Dieses Verzeichnis als offene Daten" in html
    for path in (
        "/api/v1/open-data/hsds/organizations.json",
        "/api/v1/open-data/hsds/organizations.csv",
        "/api/v1/open-data/vereine.csv",
    ):
        assert f'href="http://testserver{path}"' in html
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html
    )


def test_the_index_speaks_the_locale_asked_for(client, db):
    """The directory's open-data links are titled in the page's language (``?locale=``)."""
    german = client.get("/api/v1/open-data/").json()
    arabic = client.get("/api/v1/open-data/", {"locale": "ar"}).json()
    assert german["distributions"][2]["title"] == "Vereine (CSV)"
    assert arabic["distributions"][2]["title"] == "الجمعيات (CSV)"
    assert arabic["title"] == "دليل الجمعيات – منظمات المهاجرين"
    assert [d["url"] for d in arabic["distributions"]] == [
        d["url"] for d in german["distributions"]
    ]
