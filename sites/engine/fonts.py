"""The fonts shipped with the code (DejaVu Sans: Latin, Cyrillic, Greek, Arabic script in one
file, under its free licence in ``data/fonts/LICENSE``; Noto Sans Ethiopic for Tigrinya, SIL
OFL 1.1 in ``data/fonts/LICENSE-NotoSansEthiopic``), for everything drawn at build time: the
sites' preview images here, the CMS's PDF brochure and flyers."""

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
REGULAR = FONT_DIR / "DejaVuSans.ttf"
BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
ETHIOPIC_REGULAR = FONT_DIR / "NotoSansEthiopic-Regular.ttf"
ETHIOPIC_BOLD = FONT_DIR / "NotoSansEthiopic-Bold.ttf"
