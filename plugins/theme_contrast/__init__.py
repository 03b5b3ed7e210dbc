"""The high-contrast theme: black on white, black header and footer, yellow focus, larger
type, links always underlined. Same page structure as the default theme; its strings and the
club-colours file come from there (the club's colours only mark a decorative stripe here, so
they can never lower the contrast)."""

from plugins.theme_default import colours
from plugins.theme_default import plugin as default_theme
from sites.engine.plugins import Plugin

plugin = Plugin(
    name="theme_contrast",
    kinds=frozenset({"club", "portal"}),
    package=__name__,
    label={
        "de": "Hoher Kontrast",
        "en": "High contrast",
        "tr": "Yüksek kontrast",
        "ar": "تباين عالٍ",
        "uk": "Високий контраст",
        "ru": "Высокий контраст",
        "fa": "کنتراست بالا",
    },
    theme=True,
    files=colours,
    strings=default_theme.strings,
)
