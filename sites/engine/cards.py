"""Preview images ("cards") for shared links: 1200 × 630 PNG with a page's title, a line
under it (an event's date) and the site's name, in the site's colours, drawn at build time
for pages without a photo of their own.

Text is laid out by Pillow with libraqm (HarfBuzz shaping, FriBiDi reordering), so Arabic and
Persian come out joined and right to left; lines are aligned to the page's direction. DejaVu
Sans has no Ethiopic letters: Tigrinya runs of a line are drawn with Noto Sans Ethiopic. The
image depends only on its inputs (no date, no randomness, PNG without time stamp), so a
rebuild writes the same bytes; it is a palette image of 17 colours (the text's 16 levels of
anti-aliasing between background and text colour, and the accent) to stay small (about 14 KB)
and fast (about 70 ms). The file name is a hash of the inputs, so an unchanged card is taken
from the previous release instead of being drawn again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, features

from .fonts import BOLD, ETHIOPIC_BOLD, ETHIOPIC_REGULAR, REGULAR

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
TITLE_SIZES = (76, 64, 54)  # the largest with which the title fits in TITLE_LINES
TITLE_LINES = 3
LEVELS = 16  # grey levels of the text's anti-aliasing
# Changing the drawing changes this, and with it every card's name.
VERSION = "2"
ETHIOPIC = re.compile("[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]+")


def _rgb(colour: str, default: tuple[int, int, int]) -> tuple[int, int, int]:
    value = (colour or "").lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    try:
        return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return default


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@functools.lru_cache(maxsize=16)
@dataclass(frozen=True)
class Fonts:
    """DejaVu Sans, and Noto Sans Ethiopic for the Ethiopic runs of a text."""

    main: ImageFont.FreeTypeFont
    ethiopic: ImageFont.FreeTypeFont

    def runs(self, text: str) -> list[tuple[str, ImageFont.FreeTypeFont]]:
        found, start = [], 0
        for match in ETHIOPIC.finditer(text):
            if match.start() > start:
                found.append((text[start : match.start()], self.main))
            found.append((match.group(), self.ethiopic))
            start = match.end()
        if start < len(text):
            found.append((text[start:], self.main))
        return found

    def getlength(self, text: str) -> float:
        return sum(font.getlength(run) for run, font in self.runs(text))


@functools.lru_cache(maxsize=32)
def _font(bold: bool, size: int) -> Fonts:
    layout = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return Fonts(
        ImageFont.truetype(str(BOLD if bold else REGULAR), size, layout_engine=layout),
        ImageFont.truetype(
            str(ETHIOPIC_BOLD if bold else ETHIOPIC_REGULAR), size, layout_engine=layout
        ),
    )


def _wrap(text: str, font: Fonts, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _clip(lines: list[str], font: Fonts, width: int, count: int) -> list[str]:
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and font.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return [*lines[: count - 1], f"{last} …"]


def card_name(**inputs) -> str:
    digest = hashlib.sha256(json.dumps([VERSION, inputs], sort_keys=True).encode()).hexdigest()
    return f"card-{digest[:20]}.png"


@functools.lru_cache(maxsize=256)
def draw_card(
    title: str,
    subtitle: str = "",
    caption: str = "",
    direction: str = "ltr",
    primary: str = "#1d4e89",
    accent: str = "#b5121b",
) -> bytes:
    """The PNG of one card."""
    background = _rgb(primary, (0x1D, 0x4E, 0x89))
    foreground = (255, 255, 255) if _luminance(background) < 0.4 else (17, 17, 17)
    # The text is drawn as a grey-level mask, cut to LEVELS steps of anti-aliasing: a palette
    # image from it needs no colour quantising (fast, and small as a PNG).
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(mask)
    rtl = direction == "rtl"
    x = WIDTH - MARGIN if rtl else MARGIN
    anchor = "ra" if rtl else "la"
    width = WIDTH - 2 * MARGIN

    def line(text: str, fonts: Fonts, y: int) -> None:
        runs = fonts.runs(text)
        if len(runs) == 1:
            # No direction given: libraqm finds each line's own (a German name on an Arabic
            # card stays left to right); the alignment follows the page.
            draw.text((x, y), text, font=runs[0][1], fill=255, anchor=anchor)
            return
        # A line with Ethiopic (written left to right) is drawn run by run in its fonts.
        start = x - fonts.getlength(text) if rtl else x
        for run, font in runs:
            draw.text((start, y), run, font=font, fill=255, anchor="la")
            start += font.getlength(run)

    y = MARGIN
    if caption:
        font = _font(False, 34)
        line(_clip(_wrap(caption, font, width), font, width, 1)[0], font, y)
        y += 80
    for size in TITLE_SIZES:
        font = _font(True, size)
        lines = _wrap(title, font, width)
        if len(lines) <= TITLE_LINES:
            break
    lines = _clip(lines, font, width, TITLE_LINES)
    for text in lines:
        line(text, font, y)
        y += int(size * 1.25)
    if subtitle:
        font = _font(False, 40)
        line(_clip(_wrap(subtitle, font, width), font, width, 1)[0], font, max(y + 24, 400))
    image = mask.point([round(v * (LEVELS - 1) / 255) for v in range(256)])
    image = image.convert("P")
    image.paste(LEVELS, (0, HEIGHT - 24, WIDTH, HEIGHT))
    palette = [
        round(b + (f - b) * level / (LEVELS - 1))
        for level in range(LEVELS)
        for b, f in zip(background, foreground, strict=True)
    ]
    image.putpalette([*palette, *_rgb(accent, (0xB5, 0x12, 0x1B))])
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=9)
    return buffer.getvalue()
