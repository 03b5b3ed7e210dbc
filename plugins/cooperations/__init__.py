"""Cooperations: the club's confirmed cooperations with partner organisations (fire brigade,
Red Cross, …), as a "kooperationen" page and a home-page section. Nothing at all (no page, no
menu entry, no section) while the club has none.

The partners issue adds ``cooperations`` to the bundle; each item::

    {"partner": {"name", "slug", "url"}, "kind", "kind_label", "start", "end",
     "title", "description"}

``start``/``end`` are ISO dates or null; ``url`` is the partner's website or null.
"""

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin

PATH = "kooperationen"
catalog = Catalog(__name__)


def cooperations(data) -> list[dict]:
    """In the order the API gives them (the section shows the first few)."""
    return list(data.get("cooperations") or [])


def pages(view):
    items = cooperations(view.data)
    if not items:
        return
    title = view.gettext("Kooperationen")
    yield PageSpec(
        path=PATH,
        template="cooperations/index.html",
        title=title,
        menu="main",
        label=title,
        context={"cooperations": items},
    )


plugin = Plugin(
    name="cooperations",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Kooperationen"),
    needs=("cooperations",),
    pages=pages,
    section="cooperations/section.html",
)
