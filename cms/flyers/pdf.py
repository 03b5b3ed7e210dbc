"""A flyer as PDF (fpdf2): an A4 poster or an A6 handout with the title, date, place, a short
text, the club's logo and a QR code (segno) to the page, in the page's language and direction.

The same layout serves both sizes, scaled: A6 is A4 halved twice, so every measure is A4's
times ``scale`` (0.5 for A6). Fonts and shaping are the brochure's (DejaVu Sans, Noto Sans
Ethiopic, HarfBuzz), so Arabic and Farsi come out joined, right to left and right-aligned, and
Tigrinya in its own script."""

import io

import segno
from django.conf import settings
from fpdf import FPDF

from cms.brochure.pdf import FONT, add_fonts

from .content import Flyer

# Paper in millimetres (fpdf2 knows A4 by name, not A6).
FORMATS = {"a4": ((210, 297), 1.0), "a6": ((105, 148), 0.5)}


def qr_png(url: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=12, border=2)
    buffer.seek(0)
    return buffer


def render_flyer(flyer: Flyer, paper: str) -> bytes:
    size, scale = FORMATS[paper]
    rtl = flyer.direction == "rtl"
    align = "R" if rtl else "L"
    margin = 18 * scale

    pdf = FPDF(format=size)
    # Direction per paragraph (first strong character): an Arabic title runs right to left,
    # a club's German name on an Arabic flyer stays left to right; both are right-aligned.
    # Tigrinya comes from the Ethiopic fallback font.
    add_fonts(pdf)
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(auto=False)
    pdf.set_title(flyer.title)
    pdf.set_lang(flyer.language)
    pdf.set_creator(settings.WAGTAIL_SITE_NAME)
    pdf.add_page()
    width = pdf.w - 2 * margin

    top = margin
    if flyer.logo:
        logo = 30 * scale
        x = margin if rtl else pdf.w - margin - logo
        pdf.image(io.BytesIO(flyer.logo), x=x, y=top, w=logo, h=logo, keep_aspect_ratio=True)
    if flyer.club:
        pdf.set_font(FONT, "B", 14 * scale)
        pdf.set_xy(pdf.w - margin - width * 0.7 if rtl else margin, top)
        pdf.multi_cell(width * 0.7, 7 * scale, flyer.club, align=align)
    pdf.set_y(top + 36 * scale)

    qr = 62 * scale
    qr_top = pdf.h - margin - qr - 16 * scale
    pdf.set_font(FONT, "B", 34 * scale)
    title = fit(pdf, width, 15 * scale, flyer.title, 4 * 15 * scale)
    pdf.multi_cell(width, 15 * scale, title, align=align, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6 * scale)

    for label, text in flyer.lines:
        pdf.set_font(FONT, "B" if label else "", 17 * scale)
        line = f"{label}: {text}" if label else text
        pdf.multi_cell(width, 9 * scale, line, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5 * scale)

    if flyer.text:
        pdf.ln(5 * scale)
        pdf.set_font(FONT, "", 14 * scale)
        # The short text gets the room above the QR code; a longer one is cut with an ellipsis.
        text = fit(pdf, width, 7 * scale, flyer.text, qr_top - 4 * scale - pdf.get_y())
        if text:
            pdf.multi_cell(width, 7 * scale, text, align=align, new_x="LMARGIN", new_y="NEXT")

    if flyer.url:
        x = margin if rtl else pdf.w - margin - qr
        pdf.image(qr_png(flyer.url), x=x, y=qr_top, w=qr, h=qr)
        pdf.set_font(FONT, "B", 14 * scale)
        caption_x = margin + qr + 6 * scale if rtl else margin
        caption_width = width - qr - 6 * scale
        pdf.set_xy(caption_x, qr_top + qr / 3)
        pdf.multi_cell(caption_width, 7 * scale, flyer.call_to_action, align=align)
        pdf.set_font(FONT, "", 9 * scale)
        pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")
        pdf.set_xy(margin, pdf.h - margin - 10 * scale)
        pdf.multi_cell(width, 5 * scale, flyer.url, align="C")
    return bytes(pdf.output())


def fit(pdf: FPDF, width: float, line_height: float, text: str, room: float) -> str:
    """``text``, cut at a word and ended with an ellipsis where it needs more than ``room``
    (millimetres of height) in the current font; empty if not even a line fits."""

    def height(candidate: str) -> float:
        lines = pdf.multi_cell(width, line_height, candidate, dry_run=True, output="LINES")
        return len(lines) * line_height

    if height(text) <= room:
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words) + " …"
        if height(candidate) <= room:
            return candidate
    return ""
