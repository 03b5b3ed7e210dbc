"""The brochure PDF: it opens, lists every published club (right-to-left names as well) and
no unpublished one, and shows contact details only with consent."""

import datetime
import io
import re

import pytest
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from cms.clubs.models import MeetingTime
from tests.factories import ClubFactory, image

URL = "/api/v1/brochure.pdf"
ARABIC_NAME = "الجمعية الثقافية العربية"
CYRILLIC_NAME = "Українська громада Дюрен"


def text_of(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.fixture
def district(db):
    consenting = ClubFactory(
        "Kulturverein Anatolien e. V.",
        contact_name="Ayşe Yılmaz",
        contact_role="Vorsitzende",
        contact_email="ayse@anatolien.example",
        contact_consent=True,
    )
    MeetingTime.objects.create(
        club=consenting, weekday=1, start_time=datetime.time(18), place="Café International"
    )
    silent = ClubFactory(
        "Arabischer Kulturverein",  # for the slug: provisioning slugs Latin letters only
        title=f"{ARABIC_NAME} e. V.",
        countries=("SY",),
        languages=("ar",),
        municipality_name="Jülich",
        contact_name="Verborgene Person",
        contact_email="verborgen@example.org",
        contact_phone="02421 99999",
        contact_consent=False,
    )
    logo = image(collection=silent.tenant.collection, title="Logo")
    silent.logo = logo
    silent.save_revision().publish()
    ukrainian = ClubFactory(
        "Ukrainische Gemeinde", title=CYRILLIC_NAME, countries=("UA",), languages=("uk",)
    )
    draft = ClubFactory("Unveröffentlichter Verein", publish=False)
    hidden = ClubFactory("Interner Verein")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    return {"published": [consenting, silent, ukrainian], "hidden": [draft, hidden]}


def test_brochure_lists_published_clubs_only(client, district):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader, text = text_of(response.content)
    assert len(reader.pages) >= 4  # title, contents, municipalities, index
    assert reader.metadata.title.startswith("Migrantenselbstorganisationen")
    for club in district["published"]:
        # bidi reordering may move the Latin " e. V." of a right-to-left name to its other end
        assert club.title.removesuffix(" e. V.") in text, club.title
    for club in district["hidden"]:
        assert club.title not in text
    assert "Inhalt" in text and "Verzeichnis nach Herkunftsland" in text
    assert "Düren" in text and "Jülich" in text
    assert "Dienstag 18:00 (Café International)" in text


def test_contact_only_with_consent(client, district):
    _reader, text = text_of(client.get(URL).content)
    assert "Ayşe Yılmaz, Vorsitzende – ayse@anatolien.example" in text
    assert "Verborgene Person" not in text
    assert "verborgen@example.org" not in text
    assert "02421 99999" not in text


def test_index_by_country_of_origin_names_pages(client, district):
    reader, _text = text_of(client.get(URL).content)
    index = re.sub(r"\s+", " ", reader.pages[-1].extract_text())
    assert "Syrien" in index and "Ukraine" in index and "Türkei" in index
    assert re.search(rf"{CYRILLIC_NAME}, Seite \d+", index)


def test_right_to_left_name_is_shaped_and_embedded(client, district):
    content = client.get(URL).content
    _reader, text = text_of(content)
    assert ARABIC_NAME in text
    assert b"DejaVuSans" in content  # the font with Arabic glyphs is embedded


def test_logo_is_embedded(client, district):
    reader, _text = text_of(client.get(URL).content)
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1


def test_empty_district_still_gives_a_pdf(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    reader, text = text_of(response.content)
    assert "0 Vereine" in text
