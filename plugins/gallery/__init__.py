"""Gallery: a page per gallery with a grid of thumbnails linking to the large pictures, opened
in an accessible lightbox by a small script without any framework (without the script the
links simply open the pictures); an overview when a club has several galleries; four
thumbnails on the home page.

The bundle carries only pictures whose depicted people consented; nothing else can appear.
"""

from __future__ import annotations

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)


GALLERY = "clubs.GalleryPage"
OVERVIEW_SLUGS = ("galerien", "bildergalerien")
PREVIEW_COUNT = 4


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def galleries(data) -> list[dict]:
    return data["by_type"].get(GALLERY, [])


def overview_path(data) -> str:
    """Where the overview of several galleries goes: a path no club page takes."""
    for slug in OVERVIEW_SLUGS:
        if f"{slug}/" not in data["by_path"]:
            return slug
    return f"{OVERVIEW_SLUGS[0]}-{len(data['by_path'])}"


def pictures(gallery: dict, code: str) -> list[dict]:
    """The gallery's pictures with an alternative text each: the image's own, else the
    caption, else its number (a linked picture must have a name)."""
    _ = translator(code)
    found = [item for item in gallery["fields"]["images"] if item.get("image")]
    return [
        {
            "alt": item["image"]["alt"] or item["caption"] or _("Bild %(n)s", n=number),
            "caption": item["caption"],
            "thumbnail": item["image"]["renditions"]["thumbnail"],
            "large": item["image"]["renditions"]["large"],
        }
        for number, item in enumerate(found, start=1)
    ]


def pages(view):
    found = galleries(view.data)
    if not found:
        return
    code = view.locale.code
    _ = translator(code)
    overview = None
    if len(found) > 1:
        overview = overview_path(view.data)
        yield PageSpec(
            path=overview,
            template="gallery/index.html",
            title=_("Galerie"),
            menu="main",
            label=_("Galerie"),
            context={
                "galleries": [
                    {"page": gallery, "pictures": pictures(gallery, code)} for gallery in found
                ]
            },
        )
    for gallery in found:
        yield PageSpec(
            path=gallery["url_path"],
            template="gallery/gallery.html",
            title=gallery["title"],
            menu=None if overview else "main",
            label=gallery["title"],
            context={
                "gallery": gallery,
                "pictures": pictures(gallery, code),
                "overview": overview,
            },
        )


class GalleryPlugin(Plugin):
    """The gallery plugin; its home-page section asks it for a few pictures."""

    def preview(self, data, code: str, count: int = PREVIEW_COUNT) -> dict | None:
        found = galleries(data)
        if not found:
            return None
        chosen = [item for gallery in found for item in pictures(gallery, code)][:count]
        path = found[0]["url_path"] if len(found) == 1 else overview_path(data)
        return {"pictures": chosen, "path": path}


plugin = GalleryPlugin(
    name="gallery",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Galerie"),
    needs=("bundle",),
    pages=pages,
    section="gallery/section.html",
)
