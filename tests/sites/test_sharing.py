"""Sharing: the share box on club events, news and home page, link previews (Open Graph,
Twitter card) with absolute addresses and drawn cards, and the flyer links (issue 21, item 1)."""

import datetime
import io
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.utils import timezone
from PIL import Image

from sites.engine import cards
from sites.engine.share import og_locale, share_links
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page
from tests.factories import image as make_image
from tests.plugins.helpers import translate

pytestmark = pytest.mark.django_db
BASE = "https://vereinsnetz.example/vereine/{slug}/"


class Head(HTMLParser):
    """The ``<meta>`` properties and names, and every link of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, str] = {}
        self.scripts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        if tag == "a" and attrs.get("href"):
            self.links[attrs["href"]] = attrs.get("class") or ""
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def share_hrefs(html: str) -> dict[str, str]:
    box = html[html.index('<section class="share"') :]
    box = box[: box.index("</section>")]
    return {
        service: re.search(rf'href="({re.escape(prefix)}[^"]*)"', box)
        .group(1)
        .replace("&amp;", "&")
        for service, prefix in (
            ("whatsapp", "https://wa.me/"),
            ("telegram", "https://t.me/share/url"),
            ("email", "mailto:"),
        )
    }


def test_share_links_encode_every_part():
    links = share_links("https://x.example/de/a/index.html", "Fest & Feier #1", "12. Dez")
    text = parse_qs(urlsplit(links["whatsapp"]).query)["text"][0]
    assert text == "Fest & Feier #1 – 12. Dez\nhttps://x.example/de/a/index.html"
    assert "%20" in links["email"] and "+" not in links["email"]
    telegram = parse_qs(urlsplit(links["telegram"]).query)
    assert telegram["url"] == ["https://x.example/de/a/index.html"]
    assert og_locale("de") == "de_DE" and og_locale("ar") == "ar_EG" and og_locale("prs") == "fa_AF"


def test_cards_are_deterministic_and_right_to_left_is_right_aligned():
    arabic = cards.draw_card("أمسية ثقافية", "السبت", "Kulturverein", "rtl")
    assert arabic == cards.draw_card("أمسية ثقافية", "السبت", "Kulturverein", "rtl")
    image = Image.open(io.BytesIO(arabic))
    assert image.size == (1200, 630) and image.format == "PNG"
    assert len(arabic) < 30_000
    # The title's ink (rows of the bold title) ends at the right margin and starts far from
    # the left one: drawn right to left, aligned right.
    title_rows = image.convert("L").crop((0, 150, 1200, 260))
    left, _top, right, _bottom = title_rows.point(lambda v: 255 if v > 200 else 0).getbbox()
    assert right > 1200 - cards.MARGIN - 10 and left > 400


def test_cards_draw_tigrinya_letters():
    """DejaVu Sans has no Ethiopic: every letter came out as the same empty box, so two
    different Tigrinya titles gave the same picture."""
    assert cards.draw_card("ሀሁሂሃ ማሕበር") != cards.draw_card("ለሉሊላ ማሕበር")
    mixed = cards.draw_card("ማሕበር Asmara e. V.", "ቀዳም", "Vereinsnetz")
    assert mixed == cards.draw_card("ማሕበር Asmara e. V.", "ቀዳም", "Vereinsnetz")
    assert mixed != cards.draw_card("ማሕበር Eritrea e. V.", "ቀዳም", "Vereinsnetz")


def test_club_event_news_and_home_are_shared_with_previews(build_club_site):
    club = ClubFactory("Kulturverein Anadolu e. V.")
    start = (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0)
    event = event_page(event_index(club), "Fest & Feier", start=start, summary="Alle sind da.")
    news = news_index(club)
    news_page(news, "Neues Vereinsheim")
    news_page(news, "Mit Foto", image=make_image(club.tenant.collection))
    translate(event, "ar", title="حفلة الصيف")
    base = BASE.format(slug=club.slug)

    root = build_club_site(club, base_url=base)

    for code, title in (("de", "Fest & Feier"), ("ar", "حفلة الصيف")):
        page = f"{code}/veranstaltungen/fest-feier/index.html"
        html = (root / page).read_text()
        head = Head(html)
        url = base + page
        assert head.meta["og:url"] == [url]
        assert head.meta["og:title"] == [title]
        assert head.meta["og:description"] == ["Alle sind da."]
        assert head.meta["og:locale"] == [og_locale(code)]
        assert head.meta["twitter:card"] == ["summary_large_image"]
        (image,) = head.meta["og:image"]
        assert image.startswith(base + "_media/card-") and image.endswith(".png")
        card = Image.open(root / image.removeprefix(base))
        assert card.size == (1200, 630)
        # the share links carry the title and the date in the page's language, and the URL
        hrefs = share_hrefs(html)
        text = parse_qs(urlsplit(hrefs["whatsapp"]).query)["text"][0]
        assert text.startswith(f"{title} – ") and text.endswith("\n" + url)
        assert quote(title, safe="") in hrefs["telegram"]
        assert hrefs["email"].startswith(f"mailto:?subject={quote(title, safe='')}&body=")
        assert 'data-share-copy="' + url + '"' in html
        # the flyer of this event in this language, as the API serves it
        flyers = [href for href in head.links if "/flyer.pdf" in href]
        assert any(f"locale={code}&format=a6" in href for href in flyers), flyers
        assert "../../../static/engine/share.js" in head.scripts
    arabic = share_hrefs((root / "ar/veranstaltungen/fest-feier/index.html").read_text())
    dates = parse_qs(urlsplit(arabic["whatsapp"]).query)["text"][0]
    assert any("\u0600" <= char <= "\u06ff" for char in dates.split(" – ")[1])  # an Arabic date

    article = Head((root / "de/neuigkeiten/neues-vereinsheim/index.html").read_text())
    assert article.meta["og:type"] == ["article"]
    assert article.meta["og:image"][0].startswith(base + "_media/card-")
    photo = Head((root / "de/neuigkeiten/mit-foto/index.html").read_text()).meta["og:image"][0]
    assert photo.startswith(base + "_media/") and "card-" not in photo  # the article's own photo
    assert (root / photo.removeprefix(base)).is_file()

    home_html = (root / "de/index.html").read_text()
    home = Head(home_html)
    assert home.meta["og:url"] == [base + "de/index.html"]
    assert '<section class="share"' in home_html
    club_flyer = f"/api/v1/clubs/{club.slug}/flyer.pdf?locale=de&format=a4"
    assert any(href.endswith(club_flyer) for href in home.links)
    assert (root / "static/engine/share.js").is_file()

    # a rebuild draws the same cards (byte-identical) and no others
    before = {p.name: p.read_bytes() for p in (root / "_media").glob("card-*.png")}
    root = build_club_site(club, base_url=base)
    after = {p.name: p.read_bytes() for p in (root / "_media").glob("card-*.png")}
    assert before == after and before


def test_without_a_public_address_there_is_no_share_box_and_no_preview(build_club_site):
    club = ClubFactory()
    event_page(event_index(club), "Treffen")
    root = build_club_site(club)
    html = (root / "de/veranstaltungen/treffen/index.html").read_text()
    assert 'class="share"' not in html and "og:image" not in html and "og:url" not in html
    assert not list(root.glob("_media/card-*"))


def test_flyer_links_answer_with_a_pdf(client, build_club_site):
    club = ClubFactory()
    event = event_page(event_index(club), "Treffen")
    root = build_club_site(club, base_url=BASE.format(slug=club.slug))
    for page in ("de/index.html", f"de/veranstaltungen/{event.slug}/index.html"):
        hrefs = [h for h in Head((root / page).read_text()).links if "flyer.pdf" in h]
        assert len(hrefs) == 2
        for href in hrefs:
            parts = urlsplit(href)
            response = client.get(parts.path + "?" + parts.query)
            assert response.status_code == 200
            assert response.content.startswith(b"%PDF")


def test_portal_profiles_keep_their_cards_in_an_incremental_build(settings):
    """A profile taken unchanged from the previous release keeps the card it names."""
    from cms.portal.resource_keys import portal_changes
    from sites.client import ApiClient
    from sites.portal import build_portal
    from tests.locales import LOCALES

    first = ClubFactory("Anadolu Kulturverein e. V.")
    ClubFactory("Baobab Afrika e. V.")
    news = news_index(first)
    base = "https://vereinsnetz.example/"
    root = settings.SITE_BUILD_DIR

    def build(changes=None):
        with ApiClient() as client:
            report = build_portal(
                client, root, base_url=base, locales=[LOCALES[0]], changes=changes
            )
        assert not report.errors, report.errors
        return root / "portal" / "current"

    build()
    page = news_page(news, "Neues Fest")
    live = build(changes=portal_changes(page, first.slug))
    profiles = sorted(live.glob("de/verzeichnis/*/index.html"))
    assert len(profiles) == 2
    for profile in [*profiles, live / "de/index.html"]:
        head = Head(profile.read_text())
        (image,) = head.meta["og:image"]
        assert image.startswith(base + "_media/card-")
        assert (live / image.removeprefix(base)).is_file(), f"{profile}: {image} is missing"
        assert head.meta["og:url"] == [base + profile.relative_to(live).as_posix()]
