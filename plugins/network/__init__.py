"""The portal's partners and network pages: every partner organisation with its confirmed
cooperations, one page per cooperation, and the network picture of who works with whom.

The picture is an SVG drawn at build time (layout in ``layout.py``, no script) with a title,
a description and, right below it, the same network as a table listing every link. Filters by
municipality and by kind are pre-built pages (``netzwerk/gemeinde/<slug>/``,
``netzwerk/art/<kind>/``), so they work without JavaScript.

Data: ``GET /api/v1/partners/``, ``/api/v1/partners/<slug>/`` and ``/api/v1/network/``, read
through ``view.site.fetch`` in the locale being rendered.
"""

from __future__ import annotations

import functools

from sites.engine.i18n import N_, Catalog
from sites.engine.kit.api import fetch_all
from sites.engine.plugins import PageSpec, Plugin

from .layout import radial_layout

PARTNERS_PATH = "partner"
NETWORK_PATH = "netzwerk"
# The order of the kind filter (the API's kinds, then mentoring and joint projects).
KIND_ORDER = [
    "training",
    "exercise",
    "event",
    "project",
    "recruiting",
    "first_aid",
    "information",
    "other",
    "mentoring",
    "joint_project",
]


catalog = Catalog(__name__)
KIND_NAMES = {
    "training": N_("Ausbildung"),
    "exercise": N_("Übung"),
    "event": N_("Veranstaltung"),
    "project": N_("Projekt"),
    "recruiting": N_("Nachwuchsgewinnung"),
    "first_aid": N_("Erste-Hilfe-Kurs"),
    "information": N_("Information in Herkunftssprachen"),
    "other": N_("Sonstiges"),
    "mentoring": N_("Mentoring"),
    "joint_project": N_("Gemeinsames Projekt"),
}


@functools.lru_cache(maxsize=64)
def _layout(nodes: tuple, edges: tuple):
    return radial_layout(
        [{"id": i, "type": t, "name": n} for i, t, n in nodes],
        [{"source": s, "target": t} for s, t in edges],
    )


def layout_of(network: dict):
    """The layout of the whole network (locale-independent: names are sorted the same way
    in every locale they appear in, and the cache keeps one per network)."""
    nodes = tuple((n["id"], n["type"], n["name"]) for n in network["nodes"])
    edges = tuple((e["source"], e["target"]) for e in network["edges"])
    return _layout(nodes, edges)


def filtered(network: dict, *, municipality: str | None = None, kind: str | None = None):
    """The same selection as the API's filters: edges of that kind, or with an end in that
    municipality; nodes are the ends of the edges kept."""
    nodes = {node["id"]: node for node in network["nodes"]}

    def in_municipality(node_id):
        place = nodes[node_id].get("municipality")
        return place is not None and place["slug"] == municipality

    edges = [
        edge
        for edge in network["edges"]
        if (kind is None or edge["kind"] == kind)
        and (
            municipality is None
            or in_municipality(edge["source"])
            or in_municipality(edge["target"])
        )
    ]
    wanted = {edge["source"] for edge in edges} | {edge["target"] for edge in edges}
    return {"nodes": [n for n in network["nodes"] if n["id"] in wanted], "edges": edges}


def graph(network: dict, full: dict) -> dict:
    """What the templates draw: nodes with positions (taken from the whole network's layout,
    so a filtered picture keeps every node where it was) and edges with both ends."""
    layout = layout_of(full)
    centre = layout.size / 2
    nodes = {}
    for node in network["nodes"]:
        point = layout.points[node["id"]]
        right = point.x >= centre
        nodes[node["id"]] = {
            **node,
            "x": point.x,
            "y": point.y,
            "label_x": round(point.x + (14 if right else -14), 1),
            "anchor": "start" if right else "end",
            "short": node["name"] if len(node["name"]) <= 30 else node["name"][:29] + "…",
        }
    edges = [
        {**edge, "from": nodes[edge["source"]], "to": nodes[edge["target"]]}
        for edge in network["edges"]
    ]
    return {"size": layout.size, "nodes": list(nodes.values()), "edges": edges}


def filter_options(view, network: dict) -> dict:
    municipalities = {}
    for node in network["nodes"]:
        if node.get("municipality"):
            municipalities[node["municipality"]["slug"]] = node["municipality"]["name"]
    kinds = {edge["kind"] for edge in network["edges"]}
    return {
        "municipalities": sorted(municipalities.items(), key=lambda item: item[1]),
        "kinds": [(kind, view.gettext(KIND_NAMES[kind])) for kind in KIND_ORDER if kind in kinds],
    }


def pages(view):
    code = view.locale.code
    partners = fetch_all(view.site, "/api/v1/partners/", {"locale": code})
    if not partners:
        return
    title = view.gettext("Partnerorganisationen")
    yield PageSpec(
        path=PARTNERS_PATH,
        template="network/partners.html",
        title=title,
        menu="main",
        label=title,
        context={"partners": partners},
    )
    for summary in partners:
        partner = view.site.fetch(f"/api/v1/partners/{summary['slug']}/", {"locale": code})
        base = f"{PARTNERS_PATH}/{partner['slug']}"
        yield PageSpec(
            path=base,
            template="network/partner.html",
            title=partner["name"],
            context={"partner": partner},
        )
        for item in partner["cooperations"]:
            yield PageSpec(
                path=f"{base}/{item['slug']}",
                template="network/cooperation.html",
                title=item["title"],
                context={"partner": partner, "cooperation": item},
            )

    full = view.site.fetch("/api/v1/network/", {"locale": code})
    options = filter_options(view, full)
    common = {"options": options, "partner_slugs": {p["slug"] for p in partners}}
    yield PageSpec(
        path=NETWORK_PATH,
        template="network/network.html",
        title=view.gettext("Wer mit wem zusammenarbeitet"),
        menu="main",
        label=view.gettext("Netzwerk"),
        context={**common, "graph": graph(full, full), "selected": None},
    )
    for slug, name in options["municipalities"]:
        subset = filtered(full, municipality=slug)
        yield PageSpec(
            path=f"{NETWORK_PATH}/gemeinde/{slug}",
            template="network/network.html",
            title=f"{view.gettext('Wer mit wem zusammenarbeitet')}: {name}",
            context={**common, "graph": graph(subset, full), "selected": ("municipality", slug)},
        )
    for kind, label in options["kinds"]:
        subset = filtered(full, kind=kind)
        yield PageSpec(
            path=f"{NETWORK_PATH}/art/{kind}",
            template="network/network.html",
            title=f"{view.gettext('Wer mit wem zusammenarbeitet')}: {label}",
            context={**common, "graph": graph(subset, full), "selected": ("kind", kind)},
        )


plugin = Plugin(
    name="network",
    kinds=frozenset({"portal"}),
    package=__name__,
    label=catalog.labels("Partner und Netzwerk"),
    pages=pages,
)
