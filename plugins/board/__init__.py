"""Gesucht & Geboten on the portal: the active posts of clubs and partner organisations
(``GET /api/v1/board/``), with pre-built pages per kind (``gesucht-geboten/<kind>/``) as the
filter that works without JavaScript, and under every post a plain HTML answer form posting
to the relay endpoint (``POST /api/v1/board/{id}/answer/``). No contact detail is shown; the
API carries none."""

from __future__ import annotations

from plugins.calendar import fetch_all
from sites.engine.plugins import PageSpec, Plugin

from .strings import STRINGS

PATH = "gesucht-geboten"
KINDS = ("volunteers", "rooms", "equipment", "knowhow", "mentoring", "interpreting")


def translate(code: str, key: str) -> str:
    return STRINGS.get(code, {}).get(key) or STRINGS["de"][key]


def pages(view):
    code = view.locale.code
    posts = fetch_all(view.site, "/api/v1/board/", {})
    title = translate(code, "board.title")
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
            title=f"{title}: {translate(code, 'board.kind.' + kind)}",
            context={**common, "posts": [p for p in posts if p["kind"] == kind], "current": kind},
        )


plugin = Plugin(
    name="board",
    kinds=frozenset({"portal"}),
    package=__name__,
    label={code: strings["board.title"] for code, strings in STRINGS.items()},
    strings=STRINGS,
    pages=pages,
)
