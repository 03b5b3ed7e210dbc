import json

from django.utils.text import slugify

from cms.taxonomy.loaders import DATA_DIR
from plugins.contact import map as district_map
from plugins.contact.map import label_box, overlap
from tests.factories import ClubFactory
from tests.plugins.helpers import main_of, output_files, translate

HIDDEN = {
    "name": "Verborgene Ansprechperson",
    "email": "verborgen@example.org",
    "phone": "02421 777888",
}
IMPRINT = {
    "imprint_representatives": "Ayşe Yılmaz (1. Vorsitzende)",
    "imprint_responsible": "Ayşe Yılmaz",
    "imprint_email": "vorstand@example.org",
    "imprint_phone": "02421 123456",
}


def private_club(**fields):
    """A club whose contact person did not consent and whose address is not published."""
    return ClubFactory(
        "Verein der Stillen e. V.",
        contact_name=HIDDEN["name"],
        contact_role="Kassenwart",
        contact_email=HIDDEN["email"],
        contact_phone=HIDDEN["phone"],
        contact_consent=False,
        street="Geheimweg 7",
        postal_code="52349",
        city="Düren",
        publish_address=False,
        **IMPRINT,
        **fields,
    )


def assert_nowhere(files: dict[str, str], *markers: str) -> None:
    for path, content in files.items():
        for marker in markers:
            assert marker not in content, f"{marker!r} appears in {path}"


def test_unconsented_contact_appears_in_no_output_file(build_club_site):
    club = private_club()
    translate(club, "ar", title="جمعية الهادئين")

    files = output_files(build_club_site(club))

    assert "de/kontakt/index.html" in files and "ar/kontakt/index.html" in files
    assert_nowhere(files, HIDDEN["name"], HIDDEN["email"], HIDDEN["phone"], "777888")
    contact = main_of(files["de/kontakt/index.html"])
    assert "Der Verein hat noch keine Kontaktdaten veröffentlicht." in contact


def test_unpublished_address_is_only_in_the_legal_pages(build_club_site):
    files = output_files(build_club_site(private_club()))

    legal = {"de/impressum/index.html", "de/datenschutz/index.html"}
    assert_nowhere({p: c for p, c in files.items() if p not in legal}, "Geheimweg")
    assert "Geheimweg 7" in files["de/impressum/index.html"]  # § 5 DDG wants it there
    assert "contact-map" not in files["de/kontakt/index.html"]  # no address, no map


def test_consented_contact_published_address_and_a_map_without_tiles(build_club_site):
    ClubFactory("Nachbarn in Jülich e. V.", municipality_name="Jülich")
    ClubFactory("Nachbarn in Heimbach e. V.", municipality_name="Heimbach")
    club = ClubFactory(
        "Offener Treff e. V.",
        contact_name="Ayşe Yılmaz",
        contact_role="Vorsitzende",
        contact_email="ayse@example.org",
        contact_phone="02421 12345",
        contact_consent=True,
        street="Marktplatz 1",
        postal_code="52349",
        city="Düren",
        publish_address=True,
        website="https://offener-treff.example.org/",
        instagram_url="https://instagram.example/offenertreff",
    )

    root = build_club_site(club)

    page = main_of((root / "de/kontakt/index.html").read_text())
    assert "<bdi>Ayşe Yılmaz</bdi>" in page
    assert '<a href="mailto:ayse@example.org" dir="ltr">ayse@example.org</a>' in page
    assert '<a href="tel:0242112345" dir="ltr">02421 12345</a>' in page
    assert "Marktplatz 1<br>" in page and "52349 Düren" in page
    assert 'href="https://offener-treff.example.org/"' in page
    assert 'href="https://instagram.example/offenertreff"' in page
    # the map: inline SVG, labelled, the club's municipality told apart not by colour alone
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="contact-map-title contact-map-desc"' in svg
    assert (
        '<title id="contact-map-title">Karte: Düren und die Gemeinden in der Umgebung</title>'
        in svg
    )
    # all 15 municipalities of the district, from /api/v1/municipalities/
    assert "15 Gemeinden" in svg and "nicht die genaue Adresse" in svg
    assert 'font-weight="700" text-decoration="underline">Düren</text>' in svg
    assert ">Jülich</text>" in svg and ">Heimbach</text>" in svg
    assert "href" not in svg and "<image" not in svg  # nothing loaded from anywhere
    # the home-page box
    home = (root / "de/index.html").read_text()
    box = home[home.index('aria-labelledby="section-contact"') :]
    box = box[: box.index("</section>")]
    assert "ayse@example.org" in box
    assert '<p lang="de" dir="ltr">Marktplatz 1, 52349 Düren</p>' in box
    assert '<a href="kontakt/index.html">Kontakt</a>' in home  # main menu


def test_consent_withdrawn_in_german_is_not_outlived_by_a_translation(build_club_site):
    club = ClubFactory(
        contact_name="Frühere Ansprechperson",
        contact_email="frueher@example.org",
        contact_consent=True,
    )
    translate(club, "ar", title="جمعية")  # the copy still carries the old consent
    club.contact_consent = False
    club.save_revision().publish()

    files = output_files(build_club_site(club))

    assert "ar/kontakt/index.html" in files
    assert_nowhere(files, "Frühere Ansprechperson", "frueher@example.org")


def test_arabic_contact_page_is_right_to_left(build_club_site):
    club = ClubFactory(
        contact_name="Ayşe Yılmaz", contact_email="a@example.org", contact_consent=True
    )
    translate(club, "ar", title="جمعية")

    page = (build_club_site(club) / "ar/kontakt/index.html").read_text()

    assert '<html lang="ar" dir="rtl">' in page
    assert "<h1>اتصل بنا</h1>" in page
    assert '<a href="mailto:a@example.org" dir="ltr">' in page


def test_municipalities_in_the_api_have_coordinates(client, db):
    club = ClubFactory(municipality_name="Jülich")

    profile = client.get(f"/api/v1/clubs/{club.slug}/").json()

    assert profile["municipality"] == {
        "slug": "juelich",
        "name": "Jülich",
        "latitude": 50.922,
        "longitude": 6.3583,
    }


def test_district_map_labels_overlap_neither_each_other_nor_points():
    district = json.loads((DATA_DIR / "districts" / "kreis-dueren.json").read_text())
    items = [
        {
            "slug": slugify(m["name"]),
            "name": m["name"],
            **{k: m[k] for k in ("latitude", "longitude")},
        }
        for m in district["municipalities"]
    ]
    assert len(items) == 15 and all(m["latitude"] for m in items)
    places = sorted(district_map.places_from(items).values(), key=lambda p: p.slug != "duren")
    height = district_map.project(places)
    labels = district_map.label_positions(places, height, "duren")

    boxes = [label_box(place.name, *labels[place.slug]) for place in places]
    points = [(p.x - 3, p.y - 3, p.x + 3, p.y + 3) for p in places]
    for i, box in enumerate(boxes):
        assert box[0] >= 0 and box[1] >= 0
        assert box[2] <= district_map.WIDTH and box[3] <= height
        assert not any(overlap(box, other) for other in [*boxes[i + 1 :], *points])
