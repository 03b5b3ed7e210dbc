"""Projekte of the portal: the integration projects of all clubs (``GET /api/v1/projects/``),
current and planned ones first, then completed ones; each links to the project on its club's
homepage, to the club's profile and to its partner clubs' profiles. Partner organisations
(``partners``: ``[{"name", "url"}]``) are shown when the API carries them.
"""

from __future__ import annotations

from sites.engine.i18n import Catalog
from sites.engine.kit.api import fetch_all
from sites.engine.kit.dates import today
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)

PATH = "projekte"
ACTIVE = ("planned", "running")


def pages(view):
    code = view.locale.code
    listed = set(view.data["listing"])
    projects = fetch_all(view.site, "/api/v1/projects/", {"locale": code})
    current = [p for p in projects if p["status"] in ACTIVE and not _ended(p)]
    finished = [p for p in projects if p not in current]
    title = view.gettext("Projekte")
    yield PageSpec(
        path=PATH,
        template="portal_projects/index.html",
        title=title,
        menu="main",
        label=title,
        context={"current": current, "finished": finished, "listed": listed},
    )


def _ended(project: dict) -> bool:
    return bool(project["end_date"]) and project["end_date"] < today().isoformat()


plugin = Plugin(
    name="portal_projects",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Projekte"),
    pages=pages,
)
