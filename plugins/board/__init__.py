"""Gesucht & Geboten on the portal: the active posts of clubs and partner organisations
(``GET /api/v1/board/``), with a relay form under every post posting to
``POST /api/v1/board/{id}/answer/``. No contact detail is shown; the API carries none.

The filters work without JavaScript: a pre-built page per value of each filter, linked from
every page (like the calendar's pages per municipality):

- ``gesucht-geboten/gesucht/``, ``gesucht-geboten/geboten/`` — requests or offers;
- ``gesucht-geboten/<kind>/`` — one kind (``volunteers``, ``rooms`` …), every kind always;
- ``gesucht-geboten/sprache/<tag>/`` and ``gesucht-geboten/gemeinde/<slug>/`` — the languages
  and municipalities that occur among the active posts.

Each filter page shows the API's list with the same parameter (``direction``, ``kind``,
``language``, ``municipality``), which a client can combine.
"""

from __future__ import annotations

from sites.engine.i18n import N_, Catalog, language_display_name
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
DIRECTIONS = {"request": ("gesucht", N_("Gesucht")), "offer": ("geboten", N_("Geboten"))}
LANGUAGE_PATH = "sprache"
MUNICIPALITY_PATH = "gemeinde"


def filter_groups(posts: list[dict], municipalities: dict[str, str], code: str, _) -> list[dict]:
    """The filters as groups of links: ``{name, heading, options: [{value, label, path}]}``;
    languages and municipalities only those that occur, sorted by their names."""

    def by_label(options):
        return sorted(options, key=lambda option: option["label"].casefold())

    languages = {tag for post in posts for tag in post["languages"]}
    places = {post["municipality"] for post in posts}
    return [
        {
            "name": "direction",
            "heading": _("Gesucht oder geboten"),
            "options": [
                {"value": value, "label": _(label), "path": f"{PATH}/{sub}"}
                for value, (sub, label) in DIRECTIONS.items()
            ],
        },
        {
            "name": "kind",
            "heading": _("Nach Art filtern"),
            "options": [
                {"value": kind, "label": _(label), "path": f"{PATH}/{kind}"}
                for kind, label in KINDS.items()
            ],
        },
        {
            "name": "language",
            "heading": _("Nach Sprache filtern"),
            "options": by_label(
                {
                    "value": tag,
                    "label": language_display_name(tag, code),
                    "path": f"{PATH}/{LANGUAGE_PATH}/{tag}",
                }
                for tag in languages
            ),
        },
        {
            "name": "municipality",
            "heading": _("Nach Gemeinde filtern"),
            "options": by_label(
                {
                    "value": slug,
                    "label": municipalities.get(slug, slug),
                    "path": f"{PATH}/{MUNICIPALITY_PATH}/{slug}",
                }
                for slug in places
            ),
        },
    ]


def matches(post: dict, name: str, value: str) -> bool:
    if name == "language":
        return value in post["languages"]
    return post[name] == value


def pages(view):
    code = view.locale.code
    _ = catalog.locale(code).gettext
    municipalities = {m["slug"]: m["name"] for m in view.data.get("municipalities", [])}
    posts = [
        {
            **post,
            "municipality_name": municipalities.get(post["municipality"], post["municipality"]),
            "language_names": [
                {"tag": tag, "name": language_display_name(tag, code)} for tag in post["languages"]
            ],
        }
        for post in fetch_all(view.site, "/api/v1/board/", {})
    ]
    title = _("Gesucht & Geboten")
    groups = filter_groups(posts, municipalities, code, _)
    common = {"groups": groups, "all_path": PATH}
    yield PageSpec(
        path=PATH,
        template="board/index.html",
        title=title,
        menu="main",
        label=title,
        context={**common, "posts": posts, "current": None},
    )
    for group in groups:
        for option in group["options"]:
            yield PageSpec(
                path=option["path"],
                template="board/index.html",
                title=f"{title}: {option['label']}",
                context={
                    **common,
                    "posts": [p for p in posts if matches(p, group["name"], option["value"])],
                    "current": option["path"],
                },
            )


plugin = Plugin(
    name="board",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Gesucht & Geboten"),
    pages=pages,
)
