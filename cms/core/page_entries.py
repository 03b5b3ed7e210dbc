"""The entry every page has in the API's page lists and bundles: who it is and where it sits."""

from .locales import direction


def page_entry(page, url_path: str) -> dict:
    """``page``'s identity, locale and place (``url_path`` below its site's root)."""
    parent_path = url_path.rstrip("/").rpartition("/")[0]
    return {
        "id": page.pk,
        "type": page._meta.label,
        "slug": page.slug,
        "title": page.title,
        "locale": page.locale.language_code,
        "direction": direction(page.locale),
        "url_path": url_path,
        "parent_path": f"{parent_path}/" if parent_path else "",
    }
