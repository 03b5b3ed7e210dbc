import pytest
from django.core.exceptions import ValidationError

from cms.clubs.models import ClubPage, HomepageSection
from tests.factories import ClubFactory
from tests.plugins.helpers import main_of, translate

IMPRINT = {
    "legal_form": "ev",
    "register_court": "Amtsgericht Düren",
    "register_number": "VR 4711",
    "street": "Kölner Landstraße 12",
    "postal_code": "52351",
    "city": "Düren",
    "publish_address": False,
    "imprint_representatives": "Ayşe Yılmaz (1. Vorsitzende)\nMehmet Kaya (2. Vorsitzender)",
    "imprint_responsible": "Ayşe Yılmaz",
    "imprint_email": "vorstand@sonnenblume.example.org",
    "imprint_phone": "02421 987654",
    "vat_id": "DE123456789",
    "board_women": 4,
    "board_men": 3,
    "board_diverse": 1,
}


def legal_club(**fields):
    return ClubFactory("Kulturverein Sonnenblume e. V.", **{**IMPRINT, **fields})


def test_impressum_states_what_paragraph_5_ddg_requires(build_club_site):
    root = build_club_site(legal_club())

    page = main_of((root / "de/impressum/index.html").read_text())
    assert "<h1>Impressum</h1>" in page
    assert "Angaben gemäß § 5 DDG" in page
    assert "<bdi>Kulturverein Sonnenblume e. V.</bdi>" in page
    assert "Rechtsform: eingetragener Verein (e. V.)" in page
    # the postal address always, even though the club does not publish it elsewhere
    assert "Kölner Landstraße 12<br>" in page and "52351 Düren" in page
    assert "<li><bdi>Ayşe Yılmaz (1. Vorsitzende)</bdi></li>" in page
    assert "<li><bdi>Mehmet Kaya (2. Vorsitzender)</bdi></li>" in page
    assert 'href="mailto:vorstand@sonnenblume.example.org"' in page
    assert ">02421 987654</a>" in page
    assert "<dd>Amtsgericht Düren</dd>" in page and "<dd>VR 4711</dd>" in page
    assert "gemäß § 27a Umsatzsteuergesetz: DE123456789" in page
    assert "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV" in page


def test_impressum_leaves_out_what_the_club_does_not_have(build_club_site):
    root = build_club_site(legal_club(vat_id="", register_court="", register_number=""))

    page = main_of((root / "de/impressum/index.html").read_text())
    assert "Umsatzsteuer" not in page
    assert "Registereintrag" not in page


def test_privacy_policy_describes_a_static_site(build_club_site):
    root = build_club_site(legal_club())

    page = main_of((root / "de/datenschutz/index.html").read_text())
    assert "<h1>Datenschutzerklärung</h1>" in page
    assert "Art. 13" in page
    assert "<bdi>Kulturverein Sonnenblume e. V.</bdi>" in page  # the controller
    assert "vorstand@sonnenblume.example.org" in page
    assert "keine Cookies" in page and "keine Analyse- oder Trackingdienste" in page
    assert "Server-Protokolle" in page and "Art. 6 Abs. 1 lit. f DSGVO" in page
    for article in ("Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21", "Art. 77"):
        assert article in page
    assert "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen" in page
    assert "Art. 9 DSGVO" in page


def test_legal_pages_are_always_in_the_footer(build_club_site):
    club = legal_club()
    club.homepage_sections.add(HomepageSection(section="news"))
    club.save_revision().publish()

    root = build_club_site(club)

    home = (root / "de/index.html").read_text()
    footer = home[home.index("<footer") :]
    assert '<a href="impressum/index.html">Impressum</a>' in footer
    assert '<a href="datenschutz/index.html">Datenschutzerklärung</a>' in footer
    assert not (root / "de/kontakt").exists()  # not chosen; legal is there all the same


def test_arabic_legal_pages_keep_the_german_text_and_say_so(build_club_site):
    club = legal_club()
    translate(club, "ar", title="جمعية عباد الشمس", imprint_email="alt@example.org")

    root = build_club_site(club)

    page = (root / "ar/impressum/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in page
    assert "<h1>بيانات النشر (Impressum)</h1>" in page
    assert "النص الألماني هو النص الملزم قانونيًا" in page
    assert '<div class="legal" lang="de" dir="ltr">' in page
    # the German profile is the source of the legal text, not the translated copy
    assert "vorstand@sonnenblume.example.org" in page and "alt@example.org" not in page
    privacy = (root / "ar/datenschutz/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in privacy and "<h1>سياسة الخصوصية</h1>" in privacy


def test_imprint_in_the_api_has_the_legal_fields_and_nothing_else(client, db):
    """Exactly these keys: no board composition, no contact person."""
    club = legal_club()

    imprint = client.get(f"/api/v1/clubs/{club.slug}/").json()["imprint"]

    assert imprint == {
        "name": "Kulturverein Sonnenblume e. V.",
        "legal_form": "ev",
        "legal_form_label": "eingetragener Verein (e. V.)",
        "representatives": ["Ayşe Yılmaz (1. Vorsitzende)", "Mehmet Kaya (2. Vorsitzender)"],
        "responsible": "Ayşe Yılmaz",
        "address": {"street": "Kölner Landstraße 12", "postal_code": "52351", "city": "Düren"},
        "email": "vorstand@sonnenblume.example.org",
        "phone": "02421 987654",
        "register_court": "Amtsgericht Düren",
        "register_number": "VR 4711",
        "vat_id": "DE123456789",
    }


@pytest.mark.parametrize("value", ["DE12345678", "DE 123456789", "AT123456789", "de123456789"])
def test_vat_id_is_validated(value):
    with pytest.raises(ValidationError):
        ClubPage._meta.get_field("vat_id").run_validators(value)


def test_a_german_vat_id_is_accepted():
    ClubPage._meta.get_field("vat_id").run_validators("DE123456789")
