"""The brochure PDF: it opens, lists every published club (right-to-left names as well) and
no unpublished one, and shows contact details only with consent."""

import datetime
import io
import re
import types

import pytest
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from cms.brochure.tasks import lay_out_brochure
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


def test_the_brochure_in_arabic_reads_right_to_left_in_arabic(client, district):
    """Issue 18, item 7: printed per language; the club's translation, CLDR names, the
    catalogue's headings, right-aligned lines shaped by HarfBuzz."""
    from tests.plugins.helpers import translate

    translate(district["published"][0], "ar", short_description="جمعية ثقافية في دورن")
    response = client.get(URL, {"locale": "ar"})
    assert response.status_code == 200
    reader, text = text_of(response.content)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    for arabic in ("المحتويات", "جمعية ثقافية في دورن", "الثلاثاء", "سوريا", "فهرس حسب بلد الأصل"):
        assert arabic in text, arabic
    assert "Inhalt" not in text and "Dienstag" not in text and "Syrien" not in text
    page = next(p for p in reader.pages if "جمعية ثقافية في دورن" in p.extract_text())
    # right-aligned: the translated description ends near the right margin
    positions = []
    page.extract_text(
        visitor_text=lambda t, cm, tm, *_: positions.append(tm[4]) if "دورن" in t else None
    )
    assert positions and min(positions) > 60


def test_the_brochure_in_russian_and_tigrinya(client, district):
    _reader, russian = text_of(client.get(URL, {"locale": "ru"}).content)
    assert "3 общества · 2 общины" in russian and "Содержание" in russian
    content = client.get(URL, {"locale": "ti"}).content
    _reader, tigrinya = text_of(content)
    assert "ትሕዝቶ" in tigrinya  # Ethiopic script from the fallback font
    assert b"NotoSansEthiopic" in content
    assert client.get(URL, {"locale": "xx"}).status_code == 400


def test_logo_is_embedded(client, district):
    reader, _text = text_of(client.get(URL).content)
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1


def test_empty_district_still_gives_a_pdf(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    reader, text = text_of(response.content)
    assert "0 Vereine" in text


LONG_TEXT = (
    "Wir treffen uns zum Kochen, Erzählen und Musizieren, bieten Hausaufgabenhilfe und "
    "Sprachkurse an und begleiten neue Familien bei Behördengängen im ganzen Kreis."
)
FOOTER = re.compile(r"· (\d+)\s*$")


@pytest.fixture
def long_district(db):
    """Enough clubs of different lengths in three municipalities that entries meet every
    position of a page break, and a table of contents of more than one page."""
    clubs = []
    for number in range(18):
        club = ClubFactory(
            f"Verein Nummer {number:02d}",
            municipality_name=("Düren", "Jülich", "Kreuzau")[number % 3],
            short_description=" ".join([LONG_TEXT] * (1 + number % 3)),
            contact_name=f"Person {number:02d}",
            contact_role="Vorsitz",
            contact_email=f"kontakt{number}@verein.example",
            contact_consent=True,
        )
        for weekday in range(number % 4):
            MeetingTime.objects.create(
                club=club, weekday=weekday, start_time=datetime.time(18), place="Vereinsheim"
            )
        clubs.append(club)
    return clubs


def page_lines(reader: PdfReader) -> list[list[str]]:
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


def check_pages_and_footers(pages: list[list[str]]) -> None:
    for number, lines in enumerate(pages, start=1):
        assert lines, f"page {number} is blank"
        if number == 1:
            continue  # the title page has no footer
        footers = [FOOTER.search(line) for line in lines]
        found = [int(match.group(1)) for match in footers if match]
        assert found and found[-1] == number, f"page {number}'s footer: {lines[-3:]}"


def test_layout_no_blank_page_no_orphan_ragged_right(client, long_district):
    content = client.get(URL).content
    reader = PdfReader(io.BytesIO(content))
    pages = page_lines(reader)
    assert len(pages) >= 6
    check_pages_and_footers(pages)

    for number, lines in enumerate(pages[1:], start=2):
        text = [line for line in lines if not FOOTER.search(line)]
        assert len(text) >= 3, f"page {number} holds only {text}"
    text_of_page = [re.sub(r"\s+", " ", " ".join(lines)) for lines in pages]
    for club in long_district:
        number = club.title.removeprefix("Verein Nummer ")
        # the page with the club's name also holds its last line, the contact
        assert any(club.title in text and f"Person {number}" in text for text in text_of_page), (
            f"{club.title} is split across pages"
        )

    # Justified text stretches the spaces between words (PDF word spacing, ``Tw``); the
    # brochure is set ragged right, so no line carries any.
    for number, page in enumerate(reader.pages, start=1):
        spacing = re.findall(rb"(-?[\d.]+) Tw", page.get_contents().get_data())
        assert all(float(value) == 0 for value in spacing), f"page {number} is justified"


@pytest.mark.parametrize(
    ("reserved", "line_mm"),
    [
        (5, 5),  # more pages reserved for the table of contents than it takes
        (1, 30),  # fewer
    ],
)
def test_table_of_contents_takes_the_pages_it_needs(
    client, long_district, monkeypatch, reserved, line_mm
):
    from cms.brochure import pdf

    monkeypatch.setattr(pdf, "toc_pages", lambda entries: reserved)
    monkeypatch.setattr(pdf, "TOC_LINE_MM", line_mm)
    pages = page_lines(PdfReader(io.BytesIO(client.get(URL).content)))
    check_pages_and_footers(pages)
    assert "Inhalt" in pages[1]


@pytest.fixture
def layouts(monkeypatch):
    """Counts the brochure's layouts (seconds each on the demo district)."""
    from cms.brochure import pdf

    calls = []
    original = pdf.lay_out

    def counted(*args, **kwargs):
        calls.append(args[3] if len(args) > 3 else kwargs.get("language"))
        return original(*args, **kwargs)

    monkeypatch.setattr(pdf, "lay_out", counted)
    return calls


def test_a_publication_elsewhere_does_not_lay_the_brochure_out_again(
    client, district, layouts, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """Every publication replaces the API's content version; the brochure, laid out in
    3.4–4 s on the demo district, comes from the cache while what it shows is unchanged, in
    queries that do not grow with the clubs."""
    from tests.factories import news_index, news_page

    first = client.get(URL).content
    assert len(layouts) == 1
    with django_capture_on_commit_callbacks(execute=True):  # replaces the content version
        news_page(news_index(district["published"][0]), "Sommerfest")
    with django_assert_max_num_queries(15) as few:
        assert client.get(URL).content == first
    served = len(few.captured_queries)
    assert served  # the view ran: not the API's cached response
    assert len(layouts) == 1
    for number in range(3):
        ClubFactory(f"Weiterer Verein {number}")
    client.get(URL)
    assert len(layouts) == 2  # three more clubs: laid out again
    with django_capture_on_commit_callbacks(execute=True):
        news_page(news_index(district["published"][1]), "Herbstfest")
    with django_assert_max_num_queries(served):
        client.get(URL)
    assert len(layouts) == 2


def test_a_changed_club_lays_the_brochure_out_again(client, district, layouts):
    consenting = district["published"][0]
    client.get(URL)
    consenting.short_description = "Neu: Saz-Unterricht für Kinder"
    consenting.save_revision().publish()
    _reader, text = text_of(client.get(URL).content)
    assert "Neu: Saz-Unterricht für Kinder" in text
    consenting.contact_consent = False  # a stored field like any other
    consenting.save_revision().publish()
    _reader, text = text_of(client.get(URL).content)
    assert "Ayşe Yılmaz" not in text
    client.get(URL, {"locale": "ar"})
    assert layouts == ["de", "de", "de", "ar"]


def test_the_nightly_task_lays_out_the_german_brochure_for_the_day(client, district, layouts):
    assert lay_out_brochure.call() > 0
    assert layouts == ["de"]
    assert client.get(URL).status_code == 200
    assert layouts == ["de"]  # the day's first reader gets the laid-out one


def test_a_brochure_laid_out_by_another_process_is_read_from_the_file_store(
    client, district, layouts
):
    """The worker lays it out; with a local-memory cache (the embedded default) the server
    did not see it and laid it out again, for seconds."""
    from django.core.cache import cache

    first = client.get(URL).content
    cache.clear()  # the server process: its own cache, the worker's file
    assert client.get(URL).content == first
    assert layouts == ["de"]


@pytest.fixture
def queued(monkeypatch) -> list:
    """Each layout a commit enqueues, instead of running it (the test's tasks run at once)."""
    from cms.brochure import tasks

    enqueued: list = []
    monkeypatch.setattr(
        tasks, "lay_out_brochure", types.SimpleNamespace(enqueue=lambda: enqueued.append(True))
    )
    return enqueued


def test_publishing_a_club_queues_one_layout_and_the_download_waits_for_none(
    client, district, layouts, django_capture_on_commit_callbacks, queued, settings
):
    from django.core.cache import cache

    settings.BROCHURE_AUTO_LAYOUT = True  # the default; the test settings turn it off
    club = district["published"][0]
    with django_capture_on_commit_callbacks(execute=True):
        club.short_description = "Neu: Saz-Unterricht für Kinder"
        club.save_revision().publish()
        club.save_revision().publish()  # a second change while the first layout waits
    assert queued == [True]
    lay_out_brochure.call()  # the worker (the module's name, taken before the stub)
    assert layouts == ["de"]
    cache.clear()
    _reader, text = text_of(client.get(URL).content)
    assert "Neu: Saz-Unterricht für Kinder" in text
    assert layouts == ["de"]
    with django_capture_on_commit_callbacks(execute=True):
        club.save_revision().publish()
    assert queued == [True, True]  # the worker took the first: the next change queues again


def test_without_auto_layout_a_publish_queues_nothing_and_the_download_lays_out(
    client, district, layouts, django_capture_on_commit_callbacks, queued, settings
):
    settings.BROCHURE_AUTO_LAYOUT = False
    club = district["published"][0]
    with django_capture_on_commit_callbacks(execute=True):
        club.short_description = "Neu: Saz-Unterricht für Kinder"
        club.save_revision().publish()
    assert queued == []
    _reader, text = text_of(client.get(URL).content)
    assert "Neu: Saz-Unterricht für Kinder" in text
    assert layouts == ["de"]
