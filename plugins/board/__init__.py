"""Gesucht & Geboten on the portal: the active posts of clubs and partner organisations
(``GET /api/v1/board/``), with pre-built pages per kind (``gesucht-geboten/<kind>/``) as the
filter that works without JavaScript, and under every post a plain HTML answer form posting
to the relay endpoint (``POST /api/v1/board/{id}/answer/``). No contact detail is shown; the
API carries none."""

from __future__ import annotations

from sites.engine.i18n import N_, Catalog
from sites.engine.kit.api import fetch_all
from sites.engine.plugins import PageSpec, Plugin

catalog = Catalog(__name__)

PATH = "gesucht-geboten"
# The API's kinds of post (``cms.board``) by their German names.
KINDS = {
    "volunteers": N_("Ehrenamtliche"),
    "rooms": N_("Räume"),
    "equipment": N_("Ausstattung"),
    "knowhow": N_("Wissen und Schulung"),
    "mentoring": N_("Mentoring"),
    "interpreting": N_("Dolmetschen"),
}


def pages(view):
    _ = catalog.locale(view.locale.code).gettext
    posts = fetch_all(view.site, "/api/v1/board/", {})
    title = _("Gesucht & Geboten")
    filters = [{"kind": "", "path": PATH}] + [
        {"kind": kind, "path": f"{PATH}/{kind}"} for kind in KINDS
    ]
    common = {"filters": filters}
    yield PageSpec(
        path=PATH,
        template="board/index.html",
        title=title,
        menu="main",
        label=title,
        context={**common, "posts": posts, "current": ""},
    )
    for kind in KINDS:
        yield PageSpec(
            path=f"{PATH}/{kind}",
            template="board/index.html",
            title=f"{title}: {_(KINDS[kind])}",
            context={**common, "posts": [p for p in posts if p["kind"] == kind], "current": kind},
        )


plugin = Plugin(
    name="board",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Gesucht & Geboten"),
    pages=pages,
)
