"""Projects: an overview of the club's projects grouped by their state (running, planned,
completed), a page per project with its period, funding and partner clubs, and the current
projects on the home page.

Partner clubs are named, not linked: a static club site cannot know where another club's
homepage is served.
"""

from __future__ import annotations

from sites.engine.i18n import Catalog
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)


PROJECT = "clubs.ProjectPage"
OVERVIEW_SLUGS = ("projekte", "projektuebersicht")
STATES = ("running", "planned", "completed")  # the order of the overview
PREVIEW_COUNT = 3


def translator(code: str):
    """The plugin's messages in one locale: ``_ = translator(code)``, then ``_("…")``."""
    return catalog.locale(code).gettext


def projects(data) -> list[dict]:
    """Running first, then planned, then completed; the latest start first within each."""
    found = sorted(
        data["by_type"].get(PROJECT, []),
        key=lambda page: str(page["fields"].get("start_date") or ""),
        reverse=True,
    )
    return sorted(found, key=lambda page: _state_rank(page["fields"].get("status")))


def _state_rank(status: str | None) -> int:
    return STATES.index(status) if status in STATES else len(STATES)


def overview_path(data) -> str:
    for slug in OVERVIEW_SLUGS:
        if f"{slug}/" not in data["by_path"]:
            return slug
    return f"{OVERVIEW_SLUGS[0]}-{len(data['by_path'])}"


def pages(view):
    found = projects(view.data)
    if not found:
        return
    _ = translator(view.locale.code)
    overview = overview_path(view.data)
    groups = [
        {"status": status, "projects": [p for p in found if p["fields"]["status"] == status]}
        for status in STATES
    ]
    yield PageSpec(
        path=overview,
        template="projects/index.html",
        title=_("Projekte"),
        menu="main",
        label=_("Projekte"),
        context={"groups": [group for group in groups if group["projects"]]},
    )
    for project in found:
        yield PageSpec(
            path=project["url_path"],
            template="projects/project.html",
            title=project["title"],
            context={"project": project, "overview": overview},
        )


class ProjectsPlugin(Plugin):
    """The projects plugin; its home-page section asks it for the current projects."""

    def preview(self, data, count: int = PREVIEW_COUNT) -> dict | None:
        found = projects(data)
        if not found:
            return None
        current = [p for p in found if p["fields"]["status"] != "completed"]
        return {
            "projects": (current or found)[:count],
            "current": bool(current),
            "path": overview_path(data),
        }


plugin = ProjectsPlugin(
    name="projects",
    kinds=frozenset({"club"}),
    package=__name__,
    label=catalog.labels("Projekte"),
    needs=("bundle",),
    pages=pages,
    section="projects/section.html",
)
