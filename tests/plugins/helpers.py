"""Shared by the plugin tests: walking a built site, translating a club."""

from pathlib import Path

from wagtail.models import Locale


def output_files(root: Path) -> dict[str, str]:
    """Every file of a built site (the build's own manifest too), decoded where it is text."""
    return {
        str(path.relative_to(root)): path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def translate(page, language_code: str, **changes):
    """Translate ``page`` (and its ancestors, if needed) and publish the translation."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    for key, value in changes.items():
        setattr(translation, key, value)
    translation.save_revision().publish()
    return translation


def build_in_locales(club, codes, root: Path) -> Path:
    """Build a club's site from the real API in the given locales, the way ``build_club`` does
    but with the locales named here (the bundle does not list a club's translations yet)."""
    from sites.client import ApiClient
    from sites.club import LOCALE_NAMES, choose_plugins, prepare, site_settings
    from sites.engine.builder import SiteDirectory
    from sites.engine.plugins import discover
    from sites.engine.site import Locale as SiteLocale
    from sites.engine.site import Site, render_site

    with ApiClient() as client:
        data = {
            code: prepare(client.json(f"/api/v1/clubs/{club.slug}/bundle/", {"locale": code}))
            for code in codes
        }
        first = data[codes[0]]
        theme, plugins = choose_plugins(discover(), first["homepage"])
        site = Site(
            kind="club",
            name=club.slug,
            title=first["club"]["name"],
            locales=[SiteLocale(c, LOCALE_NAMES[c], data[c]["direction"]) for c in codes],
            data=data,
            theme=theme,
            plugins=plugins,
            settings=site_settings(club.slug, first["homepage"]),
            download=client.download,
            fetch=client.json,
        )
        files, _assets = render_site(site)
    assert not site.errors, site.errors
    directory = SiteDirectory(root, club.slug)
    directory.write(files)
    return directory.live_release()
