"""The open-data export of the club directory: HSDS JSON valid against the HSDS 3.0 schema,
the HSDS and plain CSV files, the licence, and only what clubs publish."""

import csv
import io
from urllib.parse import urlsplit

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from cms.hardening.spreadsheets import neutralise
from tests.factories import ClubFactory

from .hsds_schema import ORGANIZATION_CSV_COLUMNS, ORGANIZATION_PAGE

HSDS_JSON = "/api/v1/open-data/hsds/organizations.json"
HSDS_CSV = "/api/v1/open-data/hsds/organizations.csv"
PLAIN_CSV = "/api/v1/open-data/vereine.csv"

PRIVATE = {
    "contact_name": "Privatperson Ayşe Beispiel",
    "contact_role": "Kassenwartin",
    "imprint_representatives": "Vorstand Mehmet Vertreter",
    "imprint_responsible": "Verantwortliche Leyla Redakteurin",
}


def rows(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def validate(data):
    jsonschema.Draft202012Validator(
        ORGANIZATION_PAGE, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)
    for organization in data["contents"]:
        for key in ("website", "uri"):
            if key in organization:
                parts = urlsplit(organization[key])
                assert parts.scheme in ("http", "https") and parts.netloc, organization[key]


@pytest.fixture
def clubs(db):
    open_club = ClubFactory(
        "Offener Kulturverein e. V.",
        contact_consent=True,
        contact_email="kontakt@offen.example",
        contact_phone="02421 123456",
        publish_address=True,
        street="Marktplatz 1",
        postal_code="52349",
        city="Düren",
        register_court="Amtsgericht Düren",
        register_number="VR 1234",
        website="https://offen.example/",
        countries=("TR", "SY"),
        languages=("tr", "ar"),
        **PRIVATE,
    )
    closed_club = ClubFactory(
        "Verschwiegener Verein",
        contact_consent=False,
        contact_email="geheim@verschwiegen.example",
        contact_phone="0170 999999",
        publish_address=False,
        street="Geheimweg 9",
        postal_code="52428",
        city="Jülich",
        **PRIVATE,
    )
    draft = ClubFactory("Entwurfsverein", publish=False)
    restricted = ClubFactory("Nur für Mitglieder")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return {"open": open_club, "closed": closed_club, "draft": draft, "restricted": restricted}


def test_hsds_json_validates_against_the_hsds_schema(client, clubs):
    response = client.get(HSDS_JSON)
    assert response.status_code == 200
    data = response.json()
    validate(data)
    assert data["total_items"] == 2 and not data["empty"]
    by_name = {organization["name"]: organization for organization in data["contents"]}
    assert set(by_name) == {"Offener Kulturverein e. V.", "Verschwiegener Verein"}
    offen = by_name["Offener Kulturverein e. V."]
    assert offen["id"] == str(clubs["open"].translation_key)
    assert offen["email"] == "kontakt@offen.example"
    assert offen["phones"][0]["number"] == "02421 123456"
    assert offen["year_incorporated"] == 2010
    assert offen["legal_status"] == "eingetragener Verein (e. V.)"
    assert offen["organization_identifiers"][0]["identifier"] == "VR 1234"
    (location,) = offen["locations"]
    assert location["external_identifier_type"] == "AGS" and location["name"] == "Düren"
    assert location["addresses"][0]["address_1"] == "Marktplatz 1"
    assert {language["code"] for language in location["languages"]} == {"tr", "ar"}
    countries = {
        attribute["taxonomy_term"]["code"]
        for attribute in offen["attributes"]
        if attribute["link_type"] == "country_of_origin"
    }
    assert countries == {"TR", "SY"}


def test_ids_stay_the_same_between_exports(client, clubs):
    first = client.get(HSDS_JSON).json()
    clubs["open"].save_revision().publish()
    assert client.get(HSDS_JSON).json() == first


def test_unconsented_and_unpublished_details_stay_out(client, clubs):
    texts = [client.get(path).content.decode() for path in (HSDS_JSON, HSDS_CSV, PLAIN_CSV)]
    for text in texts:
        for secret in [
            "geheim@verschwiegen.example",
            "0170 999999",
            "Geheimweg",
            "52428",
            "Entwurfsverein",
            "Nur für Mitglieder",
            *PRIVATE.values(),
        ]:
            assert secret not in text
        assert "Verschwiegener Verein" in text and "kontakt@offen.example" in text


def test_hsds_csv_has_the_hsds_columns(client, clubs):
    table = rows(client, HSDS_CSV)
    assert list(table[0]) == ORGANIZATION_CSV_COLUMNS
    assert [row["name"] for row in table] == ["Offener Kulturverein e. V.", "Verschwiegener Verein"]
    assert table[0]["email"] == "kontakt@offen.example" and table[1]["email"] == ""


def test_plain_csv_one_row_per_club(client, clubs):
    table = rows(client, PLAIN_CSV)
    offen, closed = table
    assert offen["municipality"] == "Düren" and offen["countries_of_origin"] == "SY; TR"
    assert offen["street"] == "Marktplatz 1" and closed["street"] == ""
    assert closed["phone"] == "" and closed["email"] == ""


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_cannot_start_a_formula(client, db, start):
    ClubFactory(f'{start}HYPERLINK("http://böse.example")', short_description=f"{start}1+1")
    for path in (HSDS_CSV, PLAIN_CSV):
        row = rows(client, path)[0]
        key = "description" if path == HSDS_CSV else "short_description"
        assert row["name"].startswith("'" + start)
        assert row[key] == f"'{start}1+1"


def test_the_shared_csv_helper_leaves_ordinary_text():
    assert neutralise("Kulturverein") == "Kulturverein"
    assert neutralise(2010) == 2010
    assert neutralise("-5") == "'-5"


def test_every_file_names_its_licence(client, clubs, settings):
    settings.OPEN_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPEN_DATA_LICENSE_NAME = "CC BY 4.0"
    index = client.get("/api/v1/open-data/")
    assert index.status_code == 200
    data = index.json()
    assert data["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "CC BY 4.0" in data["attribution"]
    urls = [item["url"] for item in data["distributions"]]
    assert urls == [f"http://testserver{path}" for path in (HSDS_JSON, HSDS_CSV, PLAIN_CSV)]
    for path in ("/api/v1/open-data/", *(urlsplit(url).path for url in urls)):
        assert client.get(path)["Link"] == (
            '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
        )


def test_unknown_parameters_are_refused(client, db):
    response = client.get(f"{PLAIN_CSV}?format=xlsx")
    assert response.status_code == 400


def test_queries_do_not_grow_with_the_clubs(client, db, django_assert_max_num_queries):
    for index in range(12):
        ClubFactory(
            f"Verein {index}",
            contact_consent=True,
            contact_name="Ansprechperson",
            contact_email=f"v{index}@x.example",
        )
    for path in (HSDS_JSON, PLAIN_CSV):
        with django_assert_max_num_queries(12):
            assert client.get(path).status_code == 200


fields = st.fixed_dictionaries(
    {
        "contact_consent": st.booleans(),
        "publish_address": st.booleans(),
        "with_email": st.booleans(),
        "with_phone": st.booleans(),
        "state": st.sampled_from(["live", "live", "draft", "login"]),
    }
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(fields, min_size=1, max_size=3))
def test_no_unpublished_or_unconsented_field_appears(client, db, drawn):
    """Every value carries a marker: ``offen…`` where the club publishes it, ``geheim…``
    where it does not. No ``geheim`` may appear in any file; every ``offen`` must."""
    from cms.clubs.models import ClubPage

    ClubPage.objects.filter(slug__startswith="prop-").delete()
    public, secret = set(), set()
    for number, draw in enumerate(drawn):
        visible = draw["state"] == "live"
        prefix = f"prop-{number}"

        def marker(published, name, prefix=prefix, visible=visible):
            text = f"{'offen' if published and visible else 'geheim'}{name}{prefix}x"
            (public if published and visible else secret).add(text)
            return text

        consent, address = draw["contact_consent"], draw["publish_address"]
        club = ClubFactory(
            marker(True, "name"),
            slug=prefix,
            publish=draw["state"] != "draft",
            short_description=marker(True, "beschreibung"),
            contact_consent=consent,
            contact_name=marker(False, "kontaktname"),
            contact_email=(marker(consent, "mail") + "@example.org") if draw["with_email"] else "",
            contact_phone=("0241 " + str(1000 + number)) if draw["with_phone"] else "",
            publish_address=address,
            street=marker(address, "strasse"),
            city=marker(address, "ort") if address else "Düren",
            postal_code="52349",
            imprint_representatives=marker(False, "vorstand"),
        )
        if draw["state"] == "login":
            PageViewRestriction.objects.create(page=club, restriction_type="login")
    texts = " ".join(client.get(path).content.decode() for path in (HSDS_JSON, HSDS_CSV, PLAIN_CSV))
    assert not [text for text in secret if text in texts]
    plain = client.get(PLAIN_CSV).content.decode()
    assert all(text in plain for text in public)
