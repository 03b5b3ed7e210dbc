"""The partners endpoints: only confirmed links between public organisations leave the CMS,
everywhere (v1 lists, the network, club bundles, Wagtail's v2 pages); filters are strict;
query counts do not grow with the network."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.clubs.models import ClubPage
from cms.core.privacy import public_pages
from cms.partners.models import CooperationPage
from tests.factories import (
    ClubFactory,
    PartnerFactory,
    add_child,
    confirm,
    cooperation,
    mentoring,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    thw = PartnerFactory("THW Ortsverband Düren", municipality_name="Düren")
    drk = PartnerFactory("DRK Kreisverband Düren", municipality_name="Jülich")
    draft_partner = PartnerFactory("Entwurf Hilfsdienst", publish=False)
    club_a = ClubFactory("Anadolu Kulturverein e. V.", founding_year=1990)
    club_b = ClubFactory("Baobab e. V.", municipality_name="Jülich", founding_year=2024)
    club_c = ClubFactory("Cedar Verein e. V.")
    shown = cooperation(thw, [club_a, club_b], title="Jugend-THW kennenlernen", kind="recruiting")
    confirm(shown, club_a)
    confirm(shown, club_b, "declined")
    pending = cooperation(drk, [club_c], title="GEHEIM unbestätigt", kind="first_aid")
    declined = cooperation(drk, [club_a], title="GEHEIM abgelehnt", kind="exercise")
    confirm(declined, club_a, "declined")
    hidden_partner = cooperation(draft_partner, [club_c], title="GEHEIM Entwurfspartner")
    confirm(hidden_partner, club_c)
    ended = cooperation(
        drk,
        [club_c],
        title="Erste Hilfe 2024",
        kind="first_aid",
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 3, 1),
    )
    confirm(ended, club_c)
    mentoring(club_a, club_b)
    mentoring(club_a, club_c, confirmed=False, funding_reference="GEHEIM")
    return {
        "thw": thw,
        "drk": drk,
        "club_a": club_a,
        "club_b": club_b,
        "club_c": club_c,
        "shown": shown,
        "pending": pending,
        "ended": ended,
    }


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    assert "GEHEIM" not in response.content.decode()
    return response.json()


def test_partner_list_names_public_partners_with_their_confirmed_cooperations(client, district):
    body = get(client, "/api/v1/partners/")

    assert [(p["slug"], p["cooperation_count"]) for p in body["results"]] == [
        ("drk-kreisverband-dueren", 1),
        ("thw-ortsverband-dueren", 1),
    ]
    assert (
        body["results"][0]["municipality"]
        == {
            "slug": "juelich",
            "name": "Jülich",
            "latitude": body["results"][0]["municipality"]["latitude"],
            "longitude": body["results"][0]["municipality"]["longitude"],
        }
        or body["results"][0]["municipality"]["slug"] == "juelich"
    )


def test_partner_detail_lists_only_confirmed_clubs(client, district):
    body = get(client, "/api/v1/partners/thw-ortsverband-dueren/")

    assert body["name"] == "THW Ortsverband Düren"
    [item] = body["cooperations"]
    assert item["title"] == "Jugend-THW kennenlernen"
    assert item["kind"] == "recruiting" and item["kind_label"] == "Nachwuchsgewinnung"
    assert item["clubs"] == [{"slug": district["club_a"].slug, "name": district["club_a"].title}]
    assert item["partner"] == {
        "name": "THW Ortsverband Düren",
        "slug": "thw-ortsverband-dueren",
        "url": district["thw"].website,
    }


def test_unpublished_or_unknown_partner_is_a_json_404(client, district):
    for slug in ("entwurf-hilfsdienst", "gibt-es-nicht"):
        response = client.get(f"/api/v1/partners/{slug}/")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_cooperations_and_their_filters(client, district):
    def titles(**params):
        return [item["title"] for item in get(client, "/api/v1/cooperations/", **params)["results"]]

    assert titles() == ["Jugend-THW kennenlernen", "Erste Hilfe 2024"]
    assert titles(club=district["club_c"].slug) == ["Erste Hilfe 2024"]
    assert titles(club=district["club_b"].slug) == []  # it declined
    assert titles(partner="thw-ortsverband-dueren") == ["Jugend-THW kennenlernen"]
    assert titles(kind="first_aid") == ["Erste Hilfe 2024"]
    assert titles(kind=["first_aid", "recruiting"]) == [
        "Jugend-THW kennenlernen",
        "Erste Hilfe 2024",
    ]
    assert titles(active="true") == ["Jugend-THW kennenlernen"]
    assert titles(active="false") == ["Erste Hilfe 2024"]


@pytest.mark.parametrize(
    "params",
    [
        {"club": "gibt-es-nicht"},
        {"partner": "entwurf-hilfsdienst"},
        {"kind": "picknick"},
        {"active": "vielleicht"},
        {"colour": "blue"},
        {"limit": "x"},
    ],
)
def test_bad_cooperation_parameters_are_400(client, district, params):
    response = client.get("/api/v1/cooperations/", params)
    assert response.status_code == 400
    assert response.json()["parameter"] == next(iter(params))


def test_network_has_confirmed_edges_of_every_type(client, district):
    project = add_child(
        district["club_a"],
        __import__("cms.clubs.models", fromlist=["ProjectPage"]).ProjectPage(
            title="Gemeinsam sicher", slug="gemeinsam-sicher"
        ),
        publish=False,
    )
    project.partner_clubs = [district["club_c"]]
    project.partner_organisations = [district["drk"]]
    project.save_revision().publish()

    body = get(client, "/api/v1/network/")
    a, b, c = (f"club:{district[key].slug}" for key in ("club_a", "club_b", "club_c"))
    thw, drk = "partner:thw-ortsverband-dueren", "partner:drk-kreisverband-dueren"
    assert {node["id"] for node in body["nodes"]} == {a, b, c, thw, drk}
    edges = {(e["type"], e["source"], e["target"], e["kind"]) for e in body["edges"]}
    assert edges == {
        ("cooperation", thw, a, "recruiting"),
        ("cooperation", drk, c, "first_aid"),
        ("mentoring", a, b, "mentoring"),
        ("joint_project", a, c, "joint_project"),
        ("joint_project", a, drk, "joint_project"),
    }
    mentoring_edge = next(e for e in body["edges"] if e["type"] == "mentoring")
    assert mentoring_edge["funding_reference"] == "UF-2025-001"
    assert len({edge["id"] for edge in body["edges"]}) == len(body["edges"])


def test_network_filters(client, district):
    body = get(client, "/api/v1/network/", kind="mentoring")
    assert [(e["source"], e["target"]) for e in body["edges"]] == [
        (f"club:{district['club_a'].slug}", f"club:{district['club_b'].slug}")
    ]
    assert {node["id"] for node in body["nodes"]} == {
        f"club:{district['club_a'].slug}",
        f"club:{district['club_b'].slug}",
    }
    body = get(client, "/api/v1/network/", municipality="juelich")
    assert {e["kind"] for e in body["edges"]} == {"mentoring", "first_aid"}
    for params in ({"kind": "picknick"}, {"municipality": "atlantis"}, {"depth": "2"}):
        response = client.get("/api/v1/network/", params)
        assert response.status_code == 400
        assert response.json()["parameter"] == next(iter(params))


def test_club_bundle_carries_confirmed_cooperations_in_the_plugins_shape(client, district):
    bundle = get(client, f"/api/v1/clubs/{district['club_a'].slug}/bundle/")
    assert bundle["cooperations"] == [
        {
            "partner": {
                "name": "THW Ortsverband Düren",
                "slug": "thw-ortsverband-dueren",
                "url": district["thw"].website,
            },
            "kind": "recruiting",
            "kind_label": "Nachwuchsgewinnung",
            "start": "2026-01-15",
            "end": None,
            "title": "Jugend-THW kennenlernen",
            "description": "Beschreibung: Jugend-THW kennenlernen",
        }
    ]
    for key in ("club_b", "club_c"):
        titles = [
            item["title"]
            for item in get(client, f"/api/v1/clubs/{district[key].slug}/bundle/")["cooperations"]
        ]
        assert titles == ([] if key == "club_b" else ["Erste Hilfe 2024"])


def test_wagtail_v2_shows_no_unconfirmed_cooperation(client, district):
    body = get(client, "/api/v2/pages/", type="partners.CooperationPage")
    assert sorted(item["title"] for item in body["items"]) == [
        "Erste Hilfe 2024",
        "Jugend-THW kennenlernen",
    ]
    response = client.get(f"/api/v2/pages/{district['pending'].pk}/")
    assert response.status_code == 404


def test_public_pages_of_any_type_that_can_hold_cooperations_exclude_unconfirmed_ones(district):
    """The exclusion of unconfirmed cooperations applies to every queryset that can hold a
    cooperation page (all pages, cooperation pages) and is left out only where none can be
    (club pages: a query for them needs no subquery on links)."""
    pending = district["pending"].pk
    for model in (Page, CooperationPage):
        public = public_pages(model.objects.all())
        assert not public.filter(pk=pending).exists(), model
        assert public.filter(pk=district["shown"].pk).exists(), model
    clubs = public_pages(ClubPage.objects.all())
    assert "partners_cooperationlink" not in str(clubs.query)
    assert set(clubs) == {district[key].specific for key in ("club_a", "club_b", "club_c")}


def test_confirming_makes_it_appear_and_invalidates_cached_answers(client, district):
    assert get(client, "/api/v1/cooperations/", club=district["club_c"].slug)["count"] == 1
    confirm(district["pending"], district["club_c"])
    titles = [
        item["title"]
        for item in client.get("/api/v1/cooperations/", {"club": district["club_c"].slug}).json()[
            "results"
        ]
    ]
    assert "GEHEIM unbestätigt" in titles


def add_links(count, offset):
    partner = PartnerFactory(f"Netzwerkpartner {offset}")
    clubs = [ClubFactory(f"Netzverein {offset + number} e. V.") for number in range(count)]
    page = cooperation(partner, clubs, title=f"Netz {offset}")
    for club in clubs:
        confirm(page, club)
    for mentor, mentee in zip(clubs, clubs[1:], strict=False):
        mentoring(mentor, mentee)
    return len(clubs)


QUERY_BUDGET = 20
COUNTED_URLS = ["/api/v1/network/", "/api/v1/cooperations/", "/api/v1/partners/"]


def query_count(client, url) -> tuple[int, dict]:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        body = client.get(url).json()
    return len(queries), body


def test_query_count_is_constant_in_the_number_of_nodes(client, django_assert_max_num_queries):
    add_links(3, 0)
    small = {url: query_count(client, url) for url in COUNTED_URLS}
    add_links(12, 100)
    large = {url: query_count(client, url) for url in COUNTED_URLS}
    for url in COUNTED_URLS:
        print(f"{url}: {small[url][0]} queries small, {large[url][0]} large")
        assert large[url][0] == small[url][0], url
    network_small, network_large = small[COUNTED_URLS[0]][1], large[COUNTED_URLS[0]][1]
    assert len(network_small["nodes"]) == 4 and len(network_large["nodes"]) == 4 + 13
    assert len(network_large["edges"]) == 3 + 2 + 12 + 11
    for url in COUNTED_URLS:
        cache.clear()
        with django_assert_max_num_queries(QUERY_BUDGET):
            client.get(url)
