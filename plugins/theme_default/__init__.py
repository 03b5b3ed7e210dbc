"""The default theme: a calm, high-contrast layout in CSS logical properties (works right to
left), system fonts (and the engine's fallback for Ethiopic), the club's colours as CSS custom
properties."""

import re

from sites.engine.i18n import Catalog
from sites.engine.plugins import Plugin

catalog = Catalog(__name__)
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def colours(site) -> dict[str, bytes]:
    """The club's colours as CSS custom properties, in a file (no inline styles, so a strict
    Content-Security-Policy can forbid them)."""
    primary = site.settings.get("primary_colour", "")
    accent = site.settings.get("accent_colour", "")
    lines = [
        f"  --primary: {primary};" if HEX.match(primary) else "",
        f"  --accent: {accent};" if HEX.match(accent) else "",
    ]
    body = "\n".join(line for line in lines if line)
    return {"static/colours.css": f":root {{\n{body}\n}}\n".encode()}


plugin = Plugin(
    name="theme_default",
    kinds=frozenset({"club", "portal"}),
    package=__name__,
    label=catalog.labels("Standard"),
    theme=True,
    files=colours,
)
