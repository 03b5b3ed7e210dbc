"""The printable directory of the district's clubs (PDF), made with fpdf2.

Every published, public club, grouped by municipality, with its logo, short description,
focus areas, languages, meeting times and, only with consent, its contact person (published
address and website likewise only as the profile publishes them: ``cms.core.privacy``). A table
of contents follows the title page; an index by country of origin closes the brochure.

Why fpdf2: pure Python from PyPI (its dependencies fonttools, Pillow and defusedxml are wheels),
embeds TrueType subsets, and with ``uharfbuzz`` (a wheel with HarfBuzz inside) shapes Arabic
and applies the Unicode bidi algorithm, so right-to-left names come out joined and in the right
order. WeasyPrint would need the system's Pango, reportlab has neither shaping nor bidi.
The font is DejaVu Sans (Latin, Cyrillic, Arabic in one file), shipped in
``sites/engine/data/fonts`` under its free licence: no PyPI package ships one font with all
three scripts except matplotlib, whose numpy stack is far too heavy for a font. Tigrinya's
Ethiopic script comes from Noto Sans Ethiopic (OFL, shipped beside it), DejaVu's fallback for
the characters it lacks.

The brochure is printed in any locale of the platform (``build_brochure("ar")``): its headings
from the app's catalogue, clubs with their public translation's name and short description
(German where there is none), countries, languages and weekdays named by CLDR, focus areas by
their translations; in a right-to-left locale every line is right-aligned and each paragraph
runs in the direction of its first strong character, so a German club name stays readable.
"""

import functools
import hashlib
import io
import json
import logging
from collections import defaultdict
from pathlib import Path

from babel.dates import format_date
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.errors import FPDFException
from wagtail.models import Locale

from cms import locales
from cms.clubs.models import ClubPage, LegalForm, MeetingTime
from cms.clubs.privacy import public_address, public_contact
from cms.core.privacy import public_images, public_pages
from cms.taxonomy.names import country_name, language_name
from sites.engine.fonts import FONT_DIR as ENGINE_FONT_DIR
from sites.engine.i18n import babel_locale

logger = logging.getLogger(__name__)

FONT_DIR = ENGINE_FONT_DIR  # one copy of the fonts for the PDFs and the sites' preview images
FONT = "DejaVu"
FALLBACK_FONT = "NotoSansEthiopic"
FONT_FILES = (
    (FONT, "", "DejaVuSans.ttf"),
    (FONT, "B", "DejaVuSans-Bold.ttf"),
    (FALLBACK_FONT, "", "NotoSansEthiopic-Regular.ttf"),
    (FALLBACK_FONT, "B", "NotoSansEthiopic-Bold.ttf"),
)
LOGO_SIZE_MM = 22
LOGO_RENDITION = "max-300x300|format-png"
# Room a club's entry needs at least before a new page is started for it.
MIN_ENTRY_HEIGHT_MM = 45
ENTRY_GAP_MM = 6  # the rule below an entry and the space around it
A4_HEIGHT_MM = 297
MARGIN_MM = 18
TOC_HEADING_MM = 11
TOC_LINE_MM = 5
TOC_INDENT_MM = 6
TOC_NUMBER_MM = 12
MAX_LAYOUTS = 4
# Laid-out brochures in the cache, by a digest of everything they are made from (``inputs_key``).
CACHE_PREFIX = "brochure:pdf"
CACHE_SECONDS = 60 * 60 * 24
# ... and in the file store (MEDIA_ROOT or the object store), where every process finds them.
STORAGE_DIR = "brochures"
# A heading of the index is kept with at least this many of its lines.
LINES_KEPT_WITH_HEADING = 2


def brochure_clubs():
    """Public clubs in the default locale with what the brochure shows, grouped by
    municipality (by name), clubs by title."""
    return (
        public_pages(ClubPage.objects.filter(locale=Locale.get_default()))
        .select_related("municipality", "logo")
        .prefetch_related(
            "countries",
            "languages",
            "focus_areas",
            Prefetch("meeting_times", queryset=MeetingTime.objects.order_by("sort_order")),
        )
        .order_by("municipality__name", "title")
    )


def add_fonts(pdf: FPDF) -> None:
    """DejaVu Sans, with Noto Sans Ethiopic for what it lacks; shaped by HarfBuzz."""
    for family, style, file in FONT_FILES:
        pdf.add_font(family, style, str(FONT_DIR / file))
    pdf.set_fallback_fonts([FALLBACK_FONT])
    pdf.set_text_shaping(use_shaping_engine=True)


def translated_texts(clubs, language: str) -> dict:
    """translation key → (title, short description) of the clubs' public translations."""
    if language == locales.DEFAULT:
        return {}
    translations = public_pages(
        ClubPage.objects.filter(
            locale__language_code=language,
            translation_key__in=[club.translation_key for club in clubs],
        )
    )
    return {
        key: (title, short_description)
        for key, title, short_description in translations.values_list(
            "translation_key", "title", "short_description"
        )
    }


def meeting_text(meeting, language: str = locales.DEFAULT) -> str:
    weekday = babel_locale(language).days["format"]["wide"][meeting.weekday]
    text = f"{weekday} {meeting.start_time:%H:%M}"
    if meeting.end_time:
        text += f"–{meeting.end_time:%H:%M}"
    extras = [part for part in (meeting.place, meeting.note) if part]
    if extras:
        text += f" ({', '.join(extras)})"
    return text


def logo_bytes(club, public_logo_ids: set[int]) -> bytes | None:
    if club.logo_id is None or club.logo_id not in public_logo_ids:
        return None
    try:
        rendition = club.logo.get_rendition(LOGO_RENDITION)
        with rendition.file.open("rb") as handle:
            return handle.read()
    except Exception as exc:  # noqa: BLE001 - a broken logo must not cost the brochure
        logger.warning("Logo of %s left out of the brochure: %s", club.slug, exc)
        return None


class Brochure(FPDF):
    def __init__(self, title: str, language: str = locales.DEFAULT):
        super().__init__(format="A4")
        self.brochure_title = title
        self.language = language
        locale = locales.get(language)
        self.rtl = locale is not None and locale.direction == "rtl"
        self.align = "R" if self.rtl else "L"
        add_fonts(self)
        self.set_font(FONT, size=10)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM)
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_title(title)
        self.set_lang(language)
        self.set_creator(settings.WAGTAIL_SITE_NAME)
        self.set_author(settings.WAGTAIL_SITE_NAME)

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font(FONT, size=8)
        self.cell(
            0,
            6,
            f"{self.brochure_title} · {self.page_no()}",
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )


def toc_pages(entries: int) -> int:
    """The pages the table of contents takes: one line per entry below its heading."""
    usable = A4_HEIGHT_MM - 2 * MARGIN_MM - TOC_HEADING_MM
    per_page = int((A4_HEIGHT_MM - 2 * MARGIN_MM) // TOC_LINE_MM)
    first = int(usable // TOC_LINE_MM)
    return 1 + max(0, -(-(entries - first) // per_page))


def render_toc(pdf: Brochure, outline) -> None:
    """One line per section: its name (cut with "…" if too long), dot leaders and the page,
    both linked. fpdf2's own table of contents measures its leaders dot by dot through the
    shaping engine, which took minutes for a district."""
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, _("Inhalt"), align=pdf.align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(TOC_HEADING_MM - 9)
    for section in outline:
        pdf.set_font(FONT, "B" if section.level == 0 else "", 10)
        indent = TOC_INDENT_MM * section.level
        link = pdf.add_link(page=section.page_number)
        room = pdf.epw - indent - TOC_NUMBER_MM
        name = section.name
        while pdf.get_string_width(name) > room - 4 and len(name) > 1:
            name = name[:-2] + "…"
        width = pdf.get_string_width(name) + 2 * pdf.c_margin
        dots = int(max(0.0, room - width) // pdf.get_string_width("."))
        number = str(section.page_number)
        if pdf.rtl:  # mirrored: the page number at the left, the name indented from the right
            pdf.set_x(pdf.l_margin)
            pdf.cell(TOC_NUMBER_MM, TOC_LINE_MM, number, link=link, new_x="RIGHT", new_y="TOP")
            pdf.cell(room - width, TOC_LINE_MM, "." * dots, new_x="RIGHT", new_y="TOP")
            pdf.cell(width, TOC_LINE_MM, name, align="R", link=link, new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(width, TOC_LINE_MM, name, link=link, new_x="RIGHT", new_y="TOP")
        pdf.cell(room - width, TOC_LINE_MM, "." * dots, align="R", new_x="RIGHT", new_y="TOP")
        pdf.cell(
            TOC_NUMBER_MM,
            TOC_LINE_MM,
            number,
            align="R",
            link=link,
            new_x="LMARGIN",
            new_y="NEXT",
        )
    pdf.toc_last_page = pdf.page


def write_title_page(pdf: Brochure, clubs: int, municipalities: int) -> None:
    pdf.add_page()
    pdf.set_y(80)
    pdf.set_font(FONT, "B", 26)
    pdf.multi_cell(0, 12, pdf.brochure_title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font(FONT, size=13)
    counts = (
        ngettext("%(num)s Verein", "%(num)s Vereine", clubs) % {"num": clubs},
        ngettext("%(num)s Gemeinde", "%(num)s Gemeinden", municipalities) % {"num": municipalities},
    )
    pdf.multi_cell(0, 8, " · ".join(counts), align="C", new_x="LMARGIN", new_y="NEXT")
    today = format_date(timezone.localdate(), "medium", locale=babel_locale(pdf.language))
    pdf.multi_cell(
        0,
        8,
        _("Stand: %(date)s") % {"date": today},
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )


def club_rows(
    club, language: str = locales.DEFAULT, texts=None
) -> list[tuple[str, int, float, str]]:
    """The lines of one club's entry beside its logo: (style, size, line height, text), in
    ``language``; ``texts`` is the club's translated (title, short description), if any."""
    title, short_description = texts or (club.title, club.short_description)
    rows = [("B", 12, 6, title)]
    # The legal forms are German legal terms, named as such only in the German brochure.
    details = []
    if language == locales.DEFAULT and club.legal_form in LegalForm.values:
        details.append(str(LegalForm(club.legal_form).label))
    if club.founding_year:
        details.append(_("gegründet %(year)s") % {"year": club.founding_year})
    if details:
        rows.append(("", 9, 5, ", ".join(details)))
    if short_description:
        rows.append(("", 10, 5, short_description))
    lines = []
    focus = [area.name_in(language) for area in club.focus_areas.all()]
    if focus:
        lines.append((_("Schwerpunkte"), ", ".join(focus)))
    languages = []
    for lang in club.languages.all():
        name = language_name(lang.tag, lang.name, language)
        own = lang.native_name
        languages.append(f"{name} ({own})" if own and own != name else name)
    if languages:
        lines.append((_("Sprachen"), ", ".join(languages)))
    countries = [
        country_name(country.code, country.name, language) for country in club.countries.all()
    ]
    if countries:
        lines.append((_("Herkunft"), ", ".join(countries)))
    meetings = [meeting_text(meeting, language) for meeting in club.meeting_times.all()]
    if meetings:
        lines.append((_("Treffen"), "; ".join(meetings)))
    contact = public_contact(club)
    if contact:
        person = ", ".join(part for part in (contact["name"], contact["role"]) if part)
        reach = " · ".join(part for part in (contact["email"], contact["phone"]) if part)
        lines.append((_("Kontakt"), " – ".join(part for part in (person, reach) if part)))
    address = public_address(club)
    if address:
        lines.append(
            (_("Adresse"), f"{address['street']}, {address['postal_code']} {address['city']}")
        )
    if club.website:
        lines.append((_("Website"), club.website))
    rows += [("", 10, 5, f"{label}: {value}") for label, value in lines]
    return rows


def write_club(pdf: Brochure, club, logo: bytes | None, texts=None) -> int:
    """Write one club's entry, whole on one page (a new page when the rest of this one is too
    short, so no heading or line is left alone at a page's end); returns its page. The logo
    stands at the start of the line: left, or right in a right-to-left brochure."""
    logo_room = LOGO_SIZE_MM + 4 if logo is not None else 0
    text_x = pdf.l_margin + (0 if pdf.rtl else logo_room)
    width = pdf.epw - logo_room
    rows = club_rows(club, pdf.language, texts)
    height = 0.0
    for style, size, line_height, text in rows:
        pdf.set_font(FONT, style, size)
        height += pdf.multi_cell(
            width, line_height, text, align=pdf.align, dry_run=True, output="HEIGHT"
        )
    height = max(height, LOGO_SIZE_MM if logo is not None else 0) + ENTRY_GAP_MM
    if pdf.will_page_break(max(height, MIN_ENTRY_HEIGHT_MM)):
        pdf.add_page()
    first_page = pdf.page_no()
    pdf.start_section(rows[0][3], level=1)
    top = pdf.get_y()
    if logo is not None:
        pdf.image(
            io.BytesIO(logo),
            x=pdf.w - pdf.r_margin - LOGO_SIZE_MM if pdf.rtl else pdf.l_margin,
            y=top,
            w=LOGO_SIZE_MM,
            keep_aspect_ratio=True,
            h=LOGO_SIZE_MM,
        )
    for style, size, line_height, text in rows:
        pdf.set_font(FONT, style, size)
        pdf.set_x(text_x)
        pdf.multi_cell(width, line_height, text, align=pdf.align, new_x="LEFT", new_y="NEXT")
    bottom = max(pdf.get_y(), top + (LOGO_SIZE_MM if logo else 0))
    pdf.set_xy(pdf.l_margin, bottom + 2)
    pdf.set_draw_color(200, 200, 200)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)
    return first_page


def write_index(pdf: Brochure, pages_by_country: dict[str, list[tuple[str, int]]]) -> None:
    pdf.add_page()
    pdf.start_section(_("Verzeichnis nach Herkunftsland"), level=0)
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(
        0, 9, _("Verzeichnis nach Herkunftsland"), align=pdf.align, new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)
    for country in sorted(pages_by_country):
        kept = min(LINES_KEPT_WITH_HEADING, len(pages_by_country[country]))
        if pdf.will_page_break(6 + 5 * kept):
            pdf.add_page()
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 6, country, align=pdf.align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        for title, page in sorted(pages_by_country[country]):
            pdf.set_x(pdf.l_margin + (0 if pdf.rtl else 5))
            pdf.multi_cell(
                pdf.epw - 5,
                5,
                _("%(club)s, Seite %(page)s") % {"club": title, "page": page},
                align=pdf.align,
                new_x="LMARGIN",
                new_y="NEXT",
            )


def build_brochure(language: str = locales.DEFAULT) -> bytes:
    """The brochure in ``language`` (a locale of the platform).

    Laying it out takes seconds (HarfBuzz shapes every line: 3.4–4 s for the demo district's
    72 clubs), so a brochure is kept in the cache under a digest of what it is made from
    (``inputs_key``) and laid out again only when that changed: not after every publication
    anywhere, which replaces the API's content version and with it the cached response."""
    with translation.override(language):
        clubs = list(brochure_clubs())
        texts = translated_texts(clubs, language)
        logo_ids = {club.logo_id for club in clubs if club.logo_id}
        public_logo_ids = set(
            public_images().filter(pk__in=logo_ids).values_list("pk", flat=True) if logo_ids else []
        )
        digest = inputs_key(clubs, texts, public_logo_ids, language)
        key = f"{CACHE_PREFIX}:{digest}"
        content = cache.get(key)
        if content is None:
            content = stored(language, digest)
        if content is None:
            content = _build_brochure(clubs, texts, public_logo_ids, language)
            store(language, digest, content)
        cache.set(key, content, CACHE_SECONDS)
        return content


def stored_name(language: str, digest: str) -> str:
    return f"{STORAGE_DIR}/{language}-{digest}.pdf"


def stored(language: str, digest: str) -> bytes | None:
    """A brochure laid out before, by this process or another (the worker lays out the German
    one after each change, ``tasks.py``): the file store is shared where a local-memory cache
    is not."""
    name = stored_name(language, digest)
    try:
        with default_storage.open(name, "rb") as file:
            return file.read()
    except (FileNotFoundError, OSError):
        return None


def store(language: str, digest: str, content: bytes) -> None:
    """Keep ``content`` as the current brochure in ``language``; earlier ones go."""
    name = stored_name(language, digest)
    try:
        _dirs, files = default_storage.listdir(STORAGE_DIR)
    except (FileNotFoundError, OSError):
        files = []
    for old in files:
        if old.startswith(f"{language}-") and f"{STORAGE_DIR}/{old}" != name:
            default_storage.delete(f"{STORAGE_DIR}/{old}")
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))


@functools.cache
def _code_version() -> str:
    """This module and the app's compiled catalogues: a brochure laid out by other code or
    with other headings is not taken for the current one."""
    here = Path(__file__).parent
    files = [Path(__file__), *sorted(here.glob("locale/*/LC_MESSAGES/*.mo"))]
    return hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()


# The page tree's count of pages below a club: a news or events index added under it changes
# nothing the brochure shows.
UNSHOWN_FIELDS = frozenset({"numchild"})


def _fields(obj) -> list:
    """The stored values of ``obj``'s fields (a StreamField as its raw data, not rendered)."""
    return [
        field.get_prep_value(field.value_from_object(obj))
        for field in obj._meta.concrete_fields
        if field.name not in UNSHOWN_FIELDS
    ]


def inputs_key(clubs, texts: dict, public_logo_ids: set[int], language: str) -> str:
    """A digest of everything the brochure shows: every stored field of the clubs (in their
    order) and of what they bring along (municipality, logo, countries, languages, focus
    areas with their translations, meeting times), the translated texts, which logos are
    public, the language, the day on its title page, the site's name and the code."""
    parts = [
        _code_version(),
        language,
        timezone.localdate().isoformat(),
        settings.WAGTAIL_SITE_NAME,
        sorted((str(key), value) for key, value in texts.items()),
        sorted(public_logo_ids),
    ]
    for club in clubs:
        parts.append(
            [
                _fields(club),
                _fields(club.municipality) if club.municipality_id else None,
                _fields(club.logo) if club.logo_id else None,
                [_fields(country) for country in club.countries.all()],
                [_fields(spoken) for spoken in club.languages.all()],
                [_fields(area) for area in club.focus_areas.all()],
                [_fields(meeting) for meeting in club.meeting_times.all()],
            ]
        )
    text = json.dumps(parts, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def _build_brochure(clubs: list, texts: dict, public_logo_ids: set[int], language: str) -> bytes:
    groups: dict[str, list] = defaultdict(list)
    for club in clubs:
        groups[club.municipality.name if club.municipality_id else _("Ohne Gemeinde")].append(club)
    logos = {club.pk: logo_bytes(club, public_logo_ids) for club in clubs}

    # The table of contents is written last into pages reserved for it after the title page.
    # Reserving too many left blank pages, too few made fpdf2 insert pages that carried wrong
    # page numbers. ``toc_pages`` counts them; should it ever be wrong, the brochure is laid
    # out again with the number of pages the table of contents took.
    toc = toc_pages(len(clubs) + len(groups) + 1)
    for _attempt in range(MAX_LAYOUTS):
        pdf = lay_out(groups, logos, toc, language, texts)
        try:
            return bytes(pdf.output())
        except FPDFException:
            used = pdf.toc_last_page - pdf.toc_placeholder.start_page + 1
            if used == toc:
                raise
            toc = used
    raise FPDFException(f"The table of contents did not settle after {MAX_LAYOUTS} layouts")


def lay_out(
    groups: dict[str, list],
    logos: dict[int, bytes | None],
    toc: int,
    language: str = locales.DEFAULT,
    texts: dict | None = None,
) -> Brochure:
    texts = texts or {}
    pdf = Brochure(
        _("Migrantenselbstorganisationen im %(site)s") % {"site": settings.WAGTAIL_SITE_NAME},
        language,
    )
    write_title_page(pdf, sum(len(members) for members in groups.values()), len(groups))
    pdf.add_page()
    pdf.insert_toc_placeholder(render_toc, pages=toc)

    pages_by_country: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for index, (place, members) in enumerate(groups.items()):
        if index:  # the placeholder left the first of them on a fresh page
            pdf.add_page()
        pdf.start_section(place, level=0)
        pdf.set_font(FONT, "B", 16)
        pdf.multi_cell(0, 9, place, align=pdf.align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for club in members:
            club_texts = texts.get(club.translation_key)
            page = write_club(pdf, club, logos[club.pk], club_texts)
            title = club_texts[0] if club_texts else club.title
            for country in club.countries.all():
                name = country_name(country.code, country.name, language)
                pages_by_country[name].append((title, page))
    write_index(pdf, pages_by_country)
    return pdf
