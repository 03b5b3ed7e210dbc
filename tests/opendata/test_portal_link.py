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
