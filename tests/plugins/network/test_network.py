"""The portal's partners and network pages: built from the API, the picture drawn at build time
with a title, a description and a table that lists every link, filters as pre-built pages."""

import re

import pytest

from plugins.network import filtered, layout_of
from plugins.network import plugin as network
from plugins.network.layout import radial_layout
from plugins.theme_default import plugin as theme
from sites.engine.site import Locale, Site, render_site
from tests.factories import ClubFactory, PartnerFactory, confirm, cooperation, mentoring
from tests.locales import LOCALES
from tests.plugins.helpers import main_of

NODES = [
    {
        "id": "partner:thw",
        "type": "partner",
        "name": "THW",
        "municipality": {"slug": "dueren", "name": "Düren"},
    },
    {
        "id": "partner:drk",
        "type": "partner",
        "name": "DRK",
        "municipality": {"slug": "juelich", "name": "Jülich"},
    },
    {
        "id": "club:a",
        "type": "club",
        "name": "Anadolu e. V.",
        "municipality": {"slug": "dueren", "name": "Düren"},
    },
    {
        "id": "club:b",
        "type": "club",
        "name": "Baobab e. V.",
        "municipality": {"slug": "juelich", "name": "Jülich"},
    },
    {"id": "club:c", "type": "club", "name": "Cedar e. V.", "municipality": None},
]
EDGES = [
    {"source": "partner:thw", "target": "club:a", "kind": "exercise"},
    {"source": "partner:drk", "target": "club:b", "kind": "first_aid"},
    {"source": "club:a", "target": "club:c", "kind": "mentoring"},
]


def test_layout_is_deterministic_and_puts_every_node_inside_the_picture():
    first = radial_layout(NODES, EDGES)
    again = radial_layout(list(reversed(NODES)), list(reversed(EDGES)))
    assert first == again
    for point in first.points.values():
        assert 0 < point.x < first.size and 0 < point.y < first.size
    assert len({(p.x, p.y) for p in first.points.values()}) == len(NODES)


def test_clubs_sit_near_their_partner():
    layout = radial_layout(NODES, EDGES)

    def distance(a, b):
        pa, pb = layout.points[a], layout.points[b]
        return ((pa.x - pb.x) ** 2 + (pa.y - pb.y) ** 2) ** 0.5

    assert distance("club:a", "partner:thw") < distance("club:a", "partner:drk")
    assert distance("club:b", "partner:drk") < distance("club:b", "partner:thw")


def test_filters_keep_the_edges_and_their_ends():
    network_data = {"nodes": NODES, "edges": EDGES}
    by_kind = filtered(network_data, kind="mentoring")
    assert [e["kind"] for e in by_kind["edges"]] == ["mentoring"]
    assert {n["id"] for n in by_kind["nodes"]} == {"club:a", "club:c"}
    by_place = filtered(network_data, municipality="juelich")
    assert [e["kind"] for e in by_place["edges"]] == ["first_aid"]
    assert layout_of(network_data) is layout_of({"nodes": list(NODES), "edges": list(EDGES)})


@pytest.fixture
def district(db):
    thw = PartnerFactory("THW Ortsverband Düren")
    drk = PartnerFactory("DRK Kreisverband Düren", municipality_name="Jülich")
    club_a = ClubFactory("Anadolu Kulturverein e. V.", founding_year=1990)
    club_b = ClubFactory("Baobab e. V.", municipality_name="Jülich", founding_year=2024)
    shown = cooperation(thw, [club_a], title="Jugend-THW kennenlernen", kind="recruiting")
    confirm(shown, club_a)
    cooperation(drk, [club_b], title="Unbestätigter Kurs", kind="first_aid")
    declined = cooperation(drk, [club_a], title="Abgelehnte Übung", kind="exercise")
    confirm(declined, club_a, "declined")
    mentoring(club_a, club_b)
    return {"thw": thw, "drk": drk, "club_a": club_a, "club_b": club_b}


def test_portal_shows_partners_cooperations_and_the_network(build_portal_site, district):
    root = build_portal_site(locales=[LOCALES[0]])

    partners = main_of((root / "de/partner/index.html").read_text())
    assert "THW Ortsverband Düren" in partners and "DRK Kreisverband Düren" in partners
    assert 'href="thw-ortsverband-dueren/index.html"' in partners
    thw = main_of((root / "de/partner/thw-ortsverband-dueren/index.html").read_text())
    assert "Jugend-THW kennenlernen" in thw and "Nachwuchsgewinnung" in thw
    detail = root / "de/partner/thw-ortsverband-dueren" / district_slug(thw) / "index.html"
    assert "<bdi>Anadolu Kulturverein e. V.</bdi>" in detail.read_text()
    drk = main_of((root / "de/partner/drk-kreisverband-dueren/index.html").read_text())
    assert "Noch keine bestätigten Kooperationen." in drk

    page = (root / "de/netzwerk/index.html").read_text()
    svg = page[page.index('<svg class="network-graph"') : page.index("</svg>") + 6]
    assert 'role="img" aria-labelledby="network-title network-desc"' in svg
    assert '<title id="network-title">Netzwerk der Vereine und Partnerorganisationen</title>' in svg
    assert "4 Organisationen und 2 Verbindungen" in svg
    assert sorted(drawn_edges(page)) == ["cooperation", "mentoring"]
    table = page[page.index("<table") : page.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]
    assert len(rows) == 2  # one per edge, the same edges the picture draws
    assert (
        "Kooperation: Nachwuchsgewinnung" in rows[0] or "Kooperation: Nachwuchsgewinnung" in rows[1]
    )
    assert any("Mentoring (begleitet)" in row and "Baobab e. V." in row for row in rows)
    for built in root.rglob("*.html"):
        text = built.read_text()
        assert "Unbestätigter Kurs" not in text and "Abgelehnte Übung" not in text
    assert '<a href="index.html" aria-current="page">Netzwerk</a>' in page  # main menu
    # Filters are pre-built pages: they work without JavaScript.
    mentoring_page = (root / "de/netzwerk/art/mentoring/index.html").read_text()
    assert 'aria-current="page">Mentoring</a>' in mentoring_page
    assert drawn_edges(mentoring_page) == ["mentoring"]
    juelich = (root / "de/netzwerk/gemeinde/juelich/index.html").read_text()
    assert drawn_edges(juelich) == ["mentoring"]  # Baobab (Jülich) is mentored
    # No script of the plugin's: the only one is the engine's service-worker registration.
    assert re.findall(r"<script[^>]*>", mentoring_page) == [
        '<script src="../../../../sw-register.js" data-worker="../../../../sw.js" defer>'
    ]


def drawn_edges(page) -> list[str]:
    """The types of the edges the picture draws (not the legend's samples)."""
    group = page[page.index('<g class="edges">') : page.index('<g class="nodes">')]
    return re.findall(r'<line class="edge edge--(\w+)"', group)


def district_slug(html):
    return re.search(r'href="([^"/]+)/index.html">Jugend-THW', html).group(1)


def test_arabic_network_is_right_to_left_and_translated(build_portal_site, district):
    root = build_portal_site(locales=[LOCALES[0], LOCALES[3]])
    page = (root / "ar/netzwerk/index.html").read_text()
    assert '<html lang="ar" dir="rtl">' in page
    assert "شبكة الجمعيات والمنظمات الشريكة" in page


def test_no_partners_no_pages(build_portal_site, db):
    root = build_portal_site(locales=[LOCALES[0]])
    assert not (root / "de/partner").exists() and not (root / "de/netzwerk").exists()


def test_a_synthetic_portal_renders_without_the_cms():
    responses = {
        "/api/v1/partners/": {
            "results": [
                {
                    "slug": "thw",
                    "name": "THW",
                    "municipality": None,
                    "short_description": "",
                    "cooperation_count": 0,
                }
            ],
            "next": None,
        },
        "/api/v1/partners/thw/": {
            "slug": "thw",
            "name": "THW",
            "municipality": None,
            "short_description": "",
            "description": "",
            "website": "",
            "cooperations": [],
        },
        "/api/v1/network/": {"nodes": [dict(NODES[0], slug="thw", url=None)], "edges": []},
    }
    site = Site(
        kind="portal",
        name="portal",
        title="Vereinsnetz",
        locales=[Locale("de", "Deutsch")],
        data={"de": {}},
        theme=theme,
        plugins=[network],
        fetch=lambda path, params=None: responses[path],
    )
    files, _assets = render_site(site)
    assert not site.errors, site.errors
    paths = {file.path for file in files}
    assert {"de/partner/index.html", "de/partner/thw/index.html", "de/netzwerk/index.html"} <= paths
