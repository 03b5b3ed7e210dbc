"""Issue 18, done when: the Arabic, Farsi, Sorani and Dari portals and club sites show no German
interface string and run right to left, and every taxonomy name is in the visitor's language.

The portal and one club are translated into the four locales (content is the editors' and
written here in the locale's script), both sites are built, and every page is searched for the
German source text of every interface message the catalogues translate differently."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from wagtail.models import Locale

from cms.portal.models import PortalHomePage, PortalPage
from cms.taxonomy.names import country_name, focus_area_name, language_name
from cms.tenancy.provisioning import club_index
from tests.factories import ClubFactory
from tests.locales import BY_CODE
from tests.plugins.helpers import translate

pytestmark = pytest.mark.django_db

RIGHT_TO_LEFT = ["ar", "fa", "ckb", "prs"]
ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}")
# Attributes people read or hear.
READ_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}


def german_messages(code: str) -> set[str]:
    """The German source texts (their longest literal part) of every interface message the
    sites' catalogues translate into ``code`` as something else."""
    found = set()
    for po in [*ROOT.glob("sites/*/locale"), *ROOT.glob("plugins/*/locale")]:
        path = po / code / "LC_MESSAGES" / "messages.po"
        if not path.is_file():
            continue
        with path.open("rb") as source:
            for message in read_po(source):
                ids = message.id if isinstance(message.id, tuple) else (message.id,)
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                for german in ids:
                    if not german or german in strings:
                        continue
                    part = max(PLACEHOLDER.split(german), key=len).strip(" .,:;–-")
                    # "بيانات النشر (Impressum)": a translation may name the German term
                    quoted = any(part in string for string in strings if string)
                    if len(part) >= 6 and re.search(r"[A-Za-zÄÖÜäöüß]{4}", part) and not quoted:
                        found.add(part)
    return found


class ReadText(HTMLParser):
    """The text a reader gets, without scripts and styles and without the parts marked German
    (``lang="de"``: German content shown as a fallback, the binding German legal texts)."""

    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: is its text left out?
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skipped = bool(self.stack and self.stack[-1]) or tag in {"script", "style"}
        skipped = skipped or attributes.get("lang") == "de"
        if not skipped:
            self.parts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]
        if tag not in self.VOID:
            self.stack.append(skipped)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def read_text(page: str) -> str:
    parser = ReadText()
    parser.feed(page)
    return " ".join(parser.parts)


def said(message: str, text: str) -> bool:
    """``message`` as words of ``text`` ("Verein" is not said by "Vereinsnetz")."""
    return re.search(rf"(?<!\w){re.escape(message)}(?!\w)", text) is not None


@pytest.fixture
def translated(db):
    home = PortalHomePage.objects.get(locale=Locale.get_default())
    club = ClubFactory(
        "Verein Yasmin", countries=("SY", "IQ"), languages=("ar", "ckb"), focus=("Kultur",)
    )
    for code in RIGHT_TO_LEFT:
        Locale.objects.get_or_create(language_code=code)
        translate(home, code, title="دورن", intro="انجمن‌ها و جمعیت‌ها", body=[])
        translate(club_index(), code, title="انجمن‌ها", intro="")
        for page in PortalPage.objects.filter(locale=home.locale):
            translate(page, code, title=f"صفحه {page.pk}", body=[])
        translate(
            club,
            code,
            title="یاسمین",
            short_description="جمعیت فرهنگی",
            description="<p>جمعیت فرهنگی</p>",
            plain_summary="",
        )
    return club


def test_right_to_left_portals_and_club_sites_speak_only_their_language(
    translated, build_portal_site, build_club_site
):
    locales = [BY_CODE["de"], *(BY_CODE[code] for code in RIGHT_TO_LEFT)]
    portal = build_portal_site(locales=locales)
    club = build_club_site(translated)
    checked = 0
    for code in RIGHT_TO_LEFT:
        german = german_messages(code)
        assert len(german) > 100, code  # the catalogues were found
        names = [
            country_name("SY", "Syrien", code),
            language_name("ckb", "Zentralkurdisch", code),
            focus_area_name("Kultur", translated.focus_areas.get().translations, code),
        ]
        assert "Syrien" not in names and "Kultur" not in names, names
        for root in (portal / code, club / code):
            pages = sorted(root.rglob("*.html"))
            assert pages, root
            for path in pages:
                page = path.read_text(encoding="utf-8")
                assert re.search(r'<html[^>]*\bdir="rtl"', page), path
                assert re.search(rf'<html[^>]*\blang="{code}"', page), path
                text = read_text(page)
                left = sorted(message for message in german if said(message, text))
                where = [text[max(0, text.find(m) - 60) : text.find(m) + 30] for m in left]
                assert left == [], f"{path.relative_to(root.parent)}: {left} {where}"
                checked += 1
        # The site's name in the header is the portal home's title in the locale.
        home = (portal / code / "index.html").read_text(encoding="utf-8")
        assert re.search(r'class="site-title"[^>]*>\s*(<img[^>]*>)?\s*<bdi>دورن</bdi>', home), code
        directory = read_text(home)
        directory += read_text((club / code / "index.html").read_text(encoding="utf-8"))
        assert any(name in directory for name in names), code
    assert checked >= 4 * 6
