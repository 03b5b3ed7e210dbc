"""Flyers for an event and a club homepage: A4 poster and A6 handout, the page's text, its
language and direction, and a QR code that leads back to the page."""

import datetime
import io

import pytest
import segno
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Locale, PageViewRestriction

from cms.clubs.models import MeetingTime
from tests.factories import ClubFactory, event_index, event_page, image

try:
    import zxingcpp
except ImportError:  # pragma: no cover - the decoder is optional
    zxingcpp = None

A4 = (595.28, 841.89)
A6 = (297.64, 419.53)


def pdf(response) -> PdfReader:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def size(reader) -> tuple[float, float]:
    box = reader.pages[0].mediabox
    return (round(float(box.width), 2), round(float(box.height), 2))


def qr_payload(reader, expected: str) -> str:
    """The QR code's text, decoded from the PDF's image when a decoder is installed; else
    the QR image compared module by module with segno's code for ``expected``."""
    images = [picture.image for picture in reader.pages[0].images]
    if zxingcpp is not None:
        found = [code.text for picture in images for code in zxingcpp.read_barcodes(picture)]
        assert len(found) == 1, found
        return found[0]
    code = segno.make(expected, error="m")
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=12, border=2)
    from PIL import Image, ImageChops

    reference = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    for picture in images:
        same = picture.size == reference.size
        if same and ImageChops.difference(picture.convert("L"), reference).getbbox() is None:
            return expected
    raise AssertionError("no QR code of the expected address in the flyer")


@pytest.fixture
def club(db):
    club = ClubFactory(
        "Kulturverein Brücke e. V.",
        short_description="Wir treffen uns zum Kochen, Reden und Musizieren.",
        publish_address=True,
        street="Kaiserplatz 2",
        postal_code="52349",
        city="Düren",
    )
    club.logo = image(club.tenant.collection, title="Logo")
    club.meeting_times.add(
        MeetingTime(weekday=1, start_time=datetime.time(18), end_time=datetime.time(20))
    )
    club.save_revision().publish()
    return club


@pytest.fixture
def event(club):
    start = timezone.make_aware(datetime.datetime(2031, 5, 14, 18, 30))
    return event_page(
        event_index(club),
        title="Sommerfest am Rursee",
        start=start,
        end=start + datetime.timedelta(hours=3),
        location_address="Seeufer 1, 52396 Heimbach",
        summary="Musik, Essen aus zwölf Ländern und Spiele für Kinder.",
    )


@pytest.mark.parametrize(("paper", "expected"), [("a4", A4), ("a6", A6)])
def test_event_flyer_has_text_and_a_qr_code_to_the_page(client, event, paper, expected):
    reader = pdf(client.get(f"/api/v1/events/{event.pk}/flyer.pdf?format={paper}"))
    assert size(reader) == expected
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for part in (
        "Sommerfest am Rursee",
        "Kulturverein Brücke e. V.",
        "Mittwoch, 14. Mai 2031",
        "18:30",
        "Seeufer 1, 52396 Heimbach",
        "Musik, Essen aus zwölf Ländern",
        "QR-Code scannen",
    ):
        assert part in text, part
    url = f"http://testserver/vereine/{event.get_parent().get_parent().slug}/de/veranstaltungen/sommerfest-am-rursee/"
    assert qr_payload(reader, url) == url
    assert url in text
    # The logo and the QR code.
    assert len(reader.pages[0].images) == 2


def test_club_flyer_shows_meetings_address_and_homepage(client, club):
    reader = pdf(client.get(f"/api/v1/clubs/{club.slug}/flyer.pdf?format=a6"))
    assert size(reader) == A6
    text = " ".join(reader.pages[0].extract_text().split())
    for part in ("Kulturverein Brücke e. V.", "Treffen: Dienstag 18:00–20:00", "Kaiserplatz 2"):
        assert part in text, part
    url = f"http://testserver/vereine/{club.slug}/de/"
    assert qr_payload(reader, url) == url


def test_arabic_flyer_is_in_arabic(client, event):
    arabic = Locale.objects.get(language_code="ar")
    translation = event.copy_for_translation(arabic, copy_parents=True)
    translation.title = "احتفال الصيف"
    translation.save_revision().publish()
    for page in translation.get_ancestors().specific().filter(locale=arabic, alias_of=None):
        page.save_revision().publish()
    reader = pdf(client.get(f"/api/v1/events/{event.pk}/flyer.pdf?locale=ar&format=a6"))
    text = " ".join(reader.pages[0].extract_text().split())
    assert "متى" in text or "ىتم" in text  # "When", in logical or visual order
    assert "14" in text and "2031" in text
    payload = qr_payload(reader, "")
    assert payload.endswith("/ar/veranstaltungen/sommerfest-am-rursee/")


def test_a_long_title_is_cut_to_one_page(client, club):
    long = event_page(
        event_index(club), title="Lesung und Gespräch " * 10, summary="Wort " * 79 + "Ende"
    )
    reader = pdf(client.get(f"/api/v1/events/{long.pk}/flyer.pdf?format=a6"))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Gespräch …" in text and text.count("Lesung und Gespräch") < 10
    assert "Ende" in text and "QR-Code scannen" in text


def test_fit_cuts_at_a_word_with_an_ellipsis():
    from fpdf import FPDF

    from cms.brochure.pdf import FONT, FONT_DIR
    from cms.flyers.pdf import fit

    pdf = FPDF(format=(105, 148))
    pdf.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.set_font(FONT, "", 7)
    pdf.add_page()
    text = "Wort " * 200
    assert fit(pdf, 80, 3.5, "Kurz", 3.5) == "Kurz"
    cut = fit(pdf, 80, 3.5, text, 7)
    assert cut.endswith(" …") and len(cut) < len(text)
    assert len(pdf.multi_cell(80, 3.5, cut, dry_run=True, output="LINES")) == 2
    assert fit(pdf, 80, 3.5, text, 1) == ""


@pytest.mark.parametrize("query", ["format=a5", "format=", "colour=red", "locale=xx"])
def test_bad_parameters_are_a_400(client, event, query):
    response = client.get(f"/api/v1/events/{event.pk}/flyer.pdf?{query}")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_parameter"


def test_no_flyer_for_what_is_not_public(client, club, event):
    draft = event_page(
        event_index(club) if False else event.get_parent(), title="Entwurf", publish=False
    )
    assert client.get(f"/api/v1/events/{draft.pk}/flyer.pdf").status_code == 404
    PageViewRestriction.objects.create(page=club, restriction_type="login")
    assert client.get(f"/api/v1/events/{event.pk}/flyer.pdf").status_code == 404
    assert client.get(f"/api/v1/clubs/{club.slug}/flyer.pdf").status_code == 404
    assert client.get("/api/v1/clubs/gibt-es-nicht/flyer.pdf").status_code == 404
    assert client.get(f"/api/v1/events/{club.pk}/flyer.pdf").status_code == 404


def test_the_admin_offers_the_flyers_next_to_the_page(client, club, event):
    from tests.factories import PASSWORD

    client.login(username=club.editor.username, password=PASSWORD)
    html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert f"/api/v1/events/{event.pk}/flyer.pdf?locale=de&amp;format=a6" in html
    assert "Flyer A4 (Plakat)" in html
    listing = client.get(f"/admin/pages/{event.get_parent().pk}/").content.decode()
    assert f"/api/v1/events/{event.pk}/flyer.pdf?locale=de&amp;format=a4" in listing
    club_html = client.get(f"/admin/pages/{club.pk}/edit/").content.decode()
    assert f"/api/v1/clubs/{club.slug}/flyer.pdf?locale=de&amp;format=a4" in club_html


def test_the_club_site_links_the_event_and_the_club_flyer(event, build_club_site):
    club = event.get_parent().get_parent().specific
    root = build_club_site(club)
    html = (root / "de" / "veranstaltungen" / event.slug / "index.html").read_text()
    flyer = f"http://testserver/api/v1/events/{event.pk}/flyer.pdf?locale=de&amp;format=a6"
    assert f'href="{flyer}"' in html
    assert "Flyer zum Ausdrucken (PDF)" in html
    home = (root / "de" / "index.html").read_text()
    assert (
        f'href="http://testserver/api/v1/clubs/{club.slug}/flyer.pdf?locale=de&amp;format=a4"'
        in home
    )


@pytest.mark.django_db
def test_an_id_no_page_can_have_is_not_found(client):
    """Found by the fuzz run: an id past the integer columns overflowed the query (a 500)."""
    assert client.get("/api/v1/events/99999999999999999999999/flyer.pdf").status_code == 404
