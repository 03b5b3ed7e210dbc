"""Rendering portal plugins on their own, through the real API in-process: a ``Site`` of kind
"portal" with the default theme (what ``sites/portal`` assembles, minus its other plugins)."""

from plugins.theme_default import plugin as theme
from sites.client import ApiClient
from sites.engine.site import Locale, Site, render_site

LOCALES = {
    "de": Locale("de", "Deutsch"),
    "ar": Locale("ar", "العربية", "rtl"),
    "uk": Locale("uk", "Українська"),
}


def render_portal(plugins, locales=("de", "ar")) -> tuple[dict[str, bytes], dict]:
    with ApiClient() as client:
        site = Site(
            kind="portal",
            name="portal",
            title="Vereinsnetz Kreis Düren",
            locales=[LOCALES[code] for code in locales],
            data={code: {} for code in locales},
            theme=theme,
            plugins=list(plugins),
            fetch=client.json,
            download=client.download,
        )
        files, _assets = render_site(site)
    return {file.path: file.content for file in files}, site.errors
