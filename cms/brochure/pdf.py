"""The printable directory of the district's clubs (PDF), made with fpdf2.

Every published, public club, grouped by municipality, with its logo, short description,
focus areas, languages, meeting times and, only with consent, its contact person (published
address and website likewise only as the profile publishes them: ``cms.api.privacy``). A table
of contents follows the title page; an index by country of origin closes the brochure.

Why fpdf2: pure Python from PyPI (its dependencies fonttools, Pillow and defusedxml are wheels),
embeds TrueType subsets, and with ``uharfbuzz`` (a wheel with HarfBuzz inside) shapes Arabic
and applies the Unicode bidi algorithm, so right-to-left names come out joined and in the right
order. WeasyPrint would need the system's Pango, reportlab has neither shaping nor bidi.
The font is DejaVu Sans (Latin, Cyrillic, Arabic in one file), shipped in ``data/fonts`` under
its free licence: no PyPI package ships one font with all three scripts except matplotlib,
whose numpy stack is far too heavy for a font.
"""

import io
import logging
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.outline import TableOfContents
from wagtail.models import Locale

from cms.api.privacy import public_address, public_contact, public_images, public_pages
from cms.clubs.models import ClubPage, LegalForm, MeetingTime

logger = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
FONT = "DejaVu"
LOGO_SIZE_MM = 22
LOGO_RENDITION = "max-300x300|format-png"
# Room a club's entry needs at least before a new page is started for it.
MIN_ENTRY_HEIGHT_MM = 45
TOC_ENTRIES_PER_PAGE = 40


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
        self.set_auto_page_break(auto=True, margin=18)
        self.set_margins(18, 18, 18)
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
    return max(1, -(-entries // TOC_ENTRIES_PER_PAGE))


def render_toc(pdf: Brochure, outline) -> None:
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, _("Inhalt"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, size=10)
    TableOfContents(line_spacing=1.2).render_toc(pdf, outline)


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


def write_club(pdf: Brochure, club, logo: bytes | None) -> int:
    """Write one club's entry; returns the page it starts on."""
    if pdf.will_page_break(MIN_ENTRY_HEIGHT_MM):
        pdf.add_page()
    first_page = pdf.page_no()
    pdf.start_section(club.title, level=1)
    top = pdf.get_y()
    text_x = pdf.l_margin
    if logo is not None:
        pdf.image(
            io.BytesIO(logo),
            x=pdf.l_margin,
            y=top,
            w=LOGO_SIZE_MM,
            keep_aspect_ratio=True,
            h=LOGO_SIZE_MM,
        )
        text_x = pdf.l_margin + LOGO_SIZE_MM + 4
    width = pdf.w - pdf.r_margin - text_x
    pdf.set_x(text_x)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(width, 6, club.title, new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    details = [str(LegalForm(club.legal_form).label) if club.legal_form in LegalForm.values else ""]
    if club.founding_year:
        details.append(_("gegründet %(year)s") % {"year": club.founding_year})
    pdf.set_x(text_x)
    pdf.multi_cell(
        width, 5, ", ".join(part for part in details if part), new_x="LEFT", new_y="NEXT"
    )
    pdf.set_font(FONT, size=10)
    if club.short_description:
        pdf.set_x(text_x)
        pdf.multi_cell(width, 5, club.short_description, new_x="LEFT", new_y="NEXT")
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
    for label, value in lines:
        pdf.set_x(text_x)
        pdf.multi_cell(width, 5, f"{label}: {value}", new_x="LEFT", new_y="NEXT")
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
    pdf.multi_cell(0, 9, _("Verzeichnis nach Herkunftsland"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for country in sorted(pages_by_country):
        pdf.set_font(FONT, "B", 10)
        pdf.multi_cell(0, 6, country, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9)
        for title, page in sorted(pages_by_country[country]):
            pdf.set_x(pdf.l_margin + 5)
            pdf.multi_cell(
                0,
                5,
                _("%(club)s, Seite %(page)s") % {"club": title, "page": page},
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

    pdf = Brochure(
        _("Migrantenselbstorganisationen im %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}
    )
    write_title_page(pdf, len(clubs), len(groups))
    pdf.insert_toc_placeholder(
        render_toc, pages=toc_pages(len(clubs) + len(groups) + 2), allow_extra_pages=True
    )

    pages_by_country: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for place, members in groups.items():
        pdf.add_page()
        pdf.start_section(place, level=0)
        pdf.set_font(FONT, "B", 16)
        pdf.multi_cell(0, 9, place, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        for club in members:
            page = write_club(pdf, club, logo_bytes(club, public_logo_ids))
            for country in club.countries.all():
                pages_by_country[country.name].append((club.title, page))
    write_index(pdf, pages_by_country)
    return bytes(pdf.output())
