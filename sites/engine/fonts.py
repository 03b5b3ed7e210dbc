"""The fonts shipped with the code (DejaVu Sans: Latin, Cyrillic, Greek, Arabic script in one
file, under its free licence in ``data/fonts/LICENSE``), for everything drawn at build time:
the sites' preview images here, the CMS's PDF brochure and flyers."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
