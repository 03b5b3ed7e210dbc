"""The high-contrast theme: black on white, black header and footer, yellow focus, larger
type, links always underlined. Same page structure as the default theme; the club-colours file
comes from there (the club's colours only mark a decorative stripe here, so
they can never lower the contrast)."""

from plugins.theme_default import colours
from sites.engine.i18n import Catalog
from sites.engine.plugins import Plugin

catalog = Catalog(__name__)

plugin = Plugin(
    name="theme_contrast",
    kinds=frozenset({"club", "portal"}),
    package=__name__,
    label=catalog.labels("Hoher Kontrast"),
    theme=True,
    files=colours,
    requires=("theme_default",),  # its colours file (plugins.theme_default.colours)
)
