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
three scripts except matplotlib, whose numpy stack is far too heavy for a font.
"""

import io
import logging
from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.errors import FPDFException
from wagtail.models import Locale

from cms.clubs.models import ClubPage, LegalForm, MeetingTime
from cms.clubs.privacy import public_address, public_contact
from cms.core.privacy import public_images, public_pages
from sites.engine.fonts import FONT_DIR as ENGINE_FONT_DIR

logger = logging.getLogger(__name__)

FONT_DIR = ENGINE_FONT_DIR  # one copy of the fonts for the PDFs and the sites' preview images
FONT = "DejaVu"
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


def meeting_text(meeting) -> str:
    text = f"{meeting.get_weekday_display()} {meeting.start_time:%H:%M}"
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
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.brochure_title = title
        for style, file in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
            self.add_font(FONT, style, str(FONT_DIR / file))
        self.set_text_shaping(use_shaping_engine=True)
        self.set_font(FONT, size=10)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM)
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_title(title)
        self.set_lang("de")
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
    pdf.multi_cell(0, 9, _("Inhalt"), align="L", new_x="LMARGIN", new_y="NEXT")
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
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(width, TOC_LINE_MM, name, link=link, new_x="RIGHT", new_y="TOP")
        pdf.cell(room - width, TOC_LINE_MM, "." * dots, align="R", new_x="RIGHT", new_y="TOP")
        pdf.cell(
            TOC_NUMBER_MM,
            TOC_LINE_MM,
            str(section.page_number),
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
    pdf.multi_cell(
        0,
        8,
        _("%(clubs)s Vereine in %(places)s Gemeinden") % {"clubs": clubs, "places": municipalities},
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(
        0,
        8,
        _("Stand: %(date)s") % {"date": timezone.localdate().strftime("%d.%m.%Y")},
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )


def club_rows(club) -> list[tuple[str, int, float, str]]:
    """The lines of one club's entry beside its logo: (style, size, line height, text)."""
    rows = [("B", 12, 6, club.title)]
    details = [str(LegalForm(club.legal_form).label) if club.legal_form in LegalForm.values else ""]
    if club.founding_year:
        details.append(_("gegründet %(year)s") % {"year": club.founding_year})
    rows.append(("", 9, 5, ", ".join(part for part in details if part)))
    if club.short_description:
        rows.append(("", 10, 5, club.short_description))
    lines = []
    focus = [area.name for area in club.focus_areas.all()]
    if focus:
        lines.append((_("Schwerpunkte"), ", ".join(focus)))
    languages = [
        f"{lang.name} ({lang.native_name})"
        if lang.native_name and lang.native_name != lang.name
        else lang.name
        for lang in club.languages.all()
    ]
    if languages:
        lines.append((_("Sprachen"), ", ".join(languages)))
    countries = [country.name for country in club.countries.all()]
    if countries:
        lines.append((_("Herkunft"), ", ".join(countries)))
    meetings = [meeting_text(meeting) for meeting in club.meeting_times.all()]
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


def write_club(pdf: Brochure, club, logo: bytes | None) -> int:
    """Write one club's entry, whole on one page (a new page when the rest of this one is too
    short, so no heading or line is left alone at a page's end); returns its page."""
    text_x = pdf.l_margin + (LOGO_SIZE_MM + 4 if logo is not None else 0)
    width = pdf.w - pdf.r_margin - text_x
    rows = club_rows(club)
    height = 0.0
    for style, size, line_height, text in rows:
        pdf.set_font(FONT, style, size)
        height += pdf.multi_cell(width, line_height, text, align="L", dry_run=True, output="HEIGHT")
    height = max(height, LOGO_SIZE_MM if logo is not None else 0) + ENTRY_GAP_MM
    if pdf.will_page_break(max(height, MIN_ENTRY_HEIGHT_MM)):
        pdf.add_page()
    first_page = pdf.page_no()
    pdf.start_section(club.title, level=1)
    top = pdf.get_y()
    if logo is not None:
        pdf.image(
            io.BytesIO(logo),
            x=pdf.l_margin,
            y=top,
            w=LOGO_SIZE_MM,
            keep_aspect_ratio=True,
            h=LOGO_SIZE_MM,
        )
    for style, size, line_height, text in rows:
        pdf.set_font(FONT, style, size)
        pdf.set_x(text_x)
        pdf.multi_cell(width, line_height, text, align="L", new_x="LEFT", new_y="NEXT")
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
        0, 9, _("Verzeichnis nach Herkunftsland"), align="L", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(2)
    for country in sorted(pages_by_country):
        kept = min(LINES_KEPT_WITH_HEADING, len(pages_by_country[country]))
        if pdf.will_page_break(6 + 5 * kept):
            pdf.add_page()
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 6, country, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        for title, page in sorted(pages_by_country[country]):
            pdf.set_x(pdf.l_margin + 5)
            pdf.multi_cell(
                0,
                5,
                _("%(club)s, Seite %(page)s") % {"club": title, "page": page},
                align="L",
                new_x="LMARGIN",
                new_y="NEXT",
            )


def build_brochure() -> bytes:
    clubs = list(brochure_clubs())
    logo_ids = {club.logo_id for club in clubs if club.logo_id}
    public_logo_ids = set(
        public_images().filter(pk__in=logo_ids).values_list("pk", flat=True) if logo_ids else []
    )
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
        pdf = lay_out(groups, logos, toc)
        try:
            return bytes(pdf.output())
        except FPDFException:
            used = pdf.toc_last_page - pdf.toc_placeholder.start_page + 1
            if used == toc:
                raise
            toc = used
    raise FPDFException(f"The table of contents did not settle after {MAX_LAYOUTS} layouts")


def lay_out(groups: dict[str, list], logos: dict[int, bytes | None], toc: int) -> Brochure:
    pdf = Brochure(
        _("Migrantenselbstorganisationen im %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
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
        pdf.multi_cell(0, 9, place, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for club in members:
            page = write_club(pdf, club, logos[club.pk])
            for country in club.countries.all():
                pages_by_country[country.name].append((club.title, page))
    write_index(pdf, pages_by_country)
    return pdf
