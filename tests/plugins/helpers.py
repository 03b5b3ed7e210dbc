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
