"""GET /api/v1/portal/ and /api/v1/portal/pages/{key}/: sections resolved through the privacy
layer and the requested locale, portal pages by role, constant query counts."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.portal.models import PageRole, PortalPage
from cms.rooms.models import Room
from cms.taxonomy.models import Language, Municipality
from tests.factories import ClubFactory, event_index, event_page, news_index, news_page

from .conftest import API, in_days, set_sections

pytestmark = pytest.mark.django_db


def sections(client, **params):
    response = client.get(f"{API}/portal/", params)
    assert response.status_code == 200, response.content
    return response.json()["sections"]


def section(client, kind, **params):
    return next(item["value"] for item in sections(client, **params) if item["type"] == kind)


def soon(days, hour=18):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour)).astimezone()


def test_default_sections_from_the_migration(client, home):
    kinds = [item["type"] for item in sections(client)]
    assert kinds == ["featured_clubs", "upcoming_events", "latest_news", "text", "call_to_action"]
    cta = section(client, "call_to_action")
    assert cta["page"]["role"] == "mitmachen"
    assert cta["url"] == "/mitmachen/"
    assert cta["external"] is False


def test_home_lists_the_portal_pages(client, home):
    body = client.get(f"{API}/portal/").json()
    assert body["title"] == "Die Welt zu Hause im Kreis Düren"
    assert body["locale"] == "de"
    assert body["direction"] == "ltr"
    roles = {page["role"]: page for page in body["pages"]}
    assert set(roles) == {
        "mitmachen",
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "einfache_sprache",
    }
    assert roles["impressum"]["path"] == "/impressum/"
    assert roles["datenschutz"]["title"] == "Datenschutzerklärung"


def test_featured_clubs_chosen_in_order_without_unpublished(client, home):
    first = ClubFactory("Erster Verein")
    second = ClubFactory("Zweiter Verein")
    hidden = ClubFactory("Verborgener Verein")
    hidden.unpublish()
    set_sections(
        home,
        (
            "featured_clubs",
            {"title": "Porträts", "selection": "manual", "clubs": [second.pk, hidden.pk, first.pk]},
        ),
    )
    value = section(client, "featured_clubs")
    assert value["title"] == "Porträts"
    assert [club["name"] for club in value["clubs"]] == ["Zweiter Verein", "Erster Verein"]
    assert value["clubs"][0]["url"].endswith(f"/api/v1/clubs/{second.slug}/")


def test_featured_clubs_never_shows_a_draft_club(client, home):
    draft = ClubFactory("Entwurfsverein", publish=False)
    set_sections(
        home,
        ("featured_clubs", {"selection": "manual", "clubs": [draft.pk]}),
        ("featured_clubs", {"selection": "recent", "count": 5}),
    )
    manual, recent = [item["value"]["clubs"] for item in sections(client)]
    assert manual == []
    assert "Entwurfsverein" not in [club["name"] for club in recent]


def test_featured_clubs_automatically_the_most_recently_updated(client, home):
    clubs = [ClubFactory(f"Verein {letter}") for letter in "ABCD"]
    clubs[0].save_revision().publish()  # A is now the most recently updated
    set_sections(home, ("featured_clubs", {"selection": "recent", "count": 3}))
    names = [club["name"] for club in section(client, "featured_clubs")["clubs"]]
    assert names == ["Verein A", "Verein D", "Verein C"]


def test_featured_clubs_in_the_requested_locale(client, home):
    club = ClubFactory("Kulturverein")
    arabic = Locale.objects.get(language_code="ar")
    translation = club.copy_for_translation(arabic, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    translation.title = "جمعية ثقافية"
    translation.save_revision().publish()
    set_sections(home, ("featured_clubs", {"selection": "manual", "clubs": [club.pk]}))
    (arabic_club,) = section(client, "featured_clubs", locale="ar")["clubs"]
    assert arabic_club["name"] == "جمعية ثقافية"
    assert arabic_club["direction"] == "rtl"
    (turkish_fallback,) = section(client, "featured_clubs", locale="tr")["clubs"]
    assert turkish_fallback["name"] == "Kulturverein"


def test_upcoming_events_with_filters_and_count(client, home):
    dueren = ClubFactory("Verein in Düren")
    juelich = ClubFactory("Verein in Jülich", municipality_name="Jülich")
    dueren_events, juelich_events = event_index(dueren), event_index(juelich)
    event_page(dueren_events, "Konzert in Düren", start=soon(2), category="culture")
    event_page(juelich_events, "Fest in Jülich", start=soon(3), category="festival")
    event_page(juelich_events, "Konzert in Jülich", start=soon(4), category="culture")
    event_page(juelich_events, "Zweites Konzert in Jülich", start=soon(5), category="culture")
    event_page(juelich_events, "Entwurf", start=soon(1), category="culture", publish=False)
    set_sections(
        home,
        ("upcoming_events", {"title": "Termine", "count": 10}),
        ("upcoming_events", {"count": 1, "category": "culture", "municipality": "juelich"}),
    )
    everything, filtered = [item["value"] for item in sections(client)]
    assert [event["title"] for event in everything["events"]] == [
        "Konzert in Düren",
        "Fest in Jülich",
        "Konzert in Jülich",
        "Zweites Konzert in Jülich",
    ]
    assert [event["title"] for event in filtered["events"]] == ["Konzert in Jülich"]
    assert filtered["events"][0]["club"]["slug"] == juelich.slug
    assert filtered["filters"] == {"category": "culture", "municipality": "juelich"}
    assert filtered["events_url"].endswith("/api/v1/events/?category=culture&municipality=juelich")
    assert client.get(filtered["events_url"]).json()["count"] == 2


def test_upcoming_events_of_a_deleted_municipality_are_empty_not_an_error(client, home):
    set_sections(home, ("upcoming_events", {"count": 3, "municipality": "gibt-es-nicht"}))
    assert section(client, "upcoming_events")["events"] == []


def test_latest_news(client, home):
    club = ClubFactory("Nachrichtenverein")
    index = news_index(club)
    news_page(index, "Alt", date=datetime.date(2026, 1, 1))
    news_page(index, "Neu", date=datetime.date(2026, 3, 1))
    news_page(index, "Mittel", date=datetime.date(2026, 2, 1))
    news_page(index, "Entwurf", date=datetime.date(2026, 4, 1), publish=False)
    set_sections(home, ("latest_news", {"title": "Neues", "count": 2}))
    value = section(client, "latest_news")
    assert value["title"] == "Neues"
    assert [item["title"] for item in value["news"]] == ["Neu", "Mittel"]
    assert value["news"][0]["club"]["slug"] == club.slug


def keys(response) -> set[str]:
    """What an answer names as its resource keys (``X-Resource-Keys``, the portal build's
    dependencies, ``sites/engine/deps.py``)."""
    assert response.status_code == 200, response.content
    return set(response["X-Resource-Keys"].split())


def test_the_home_names_the_keys_of_what_its_sections_show(client, home):
    # The migration's sections: clubs, events, news, a text and a call to Mitmachen.
    assert keys(client.get(f"{API}/portal/")) == {"portal:*", "clubs:*", "events:*", "news:*"}
    club = ClubFactory("Nachrichtenverein")
    item = news_page(news_index(club), "Verlinkt")
    event = event_page(event_index(club), "Verlinkter Termin")
    set_sections(
        home,
        ("text", f'<p><a linktype="page" id="{item.pk}">Neu</a></p>'),
        ("call_to_action", {"title": "Hin", "button_label": "Los", "page": event.pk}),
    )
    # No list of news or events; the item and the event linked, of their club only.
    assert keys(client.get(f"{API}/portal/", {"locale": "ar"})) == {
        "portal:*",
        f"news:{club.slug}",
        f"events:{club.slug}",
    }


def test_a_portal_page_names_the_club_news_its_body_links_to(client, home):
    assert keys(client.get(f"{API}/portal/pages/impressum/")) == {"portal:*"}
    club = ClubFactory("Nachrichtenverein")
    item = news_page(news_index(club), "Verlinkt")
    page = PortalPage.objects.get(page_role="impressum", locale__language_code="de")
    page.body = [
        {
            "type": "text",
            "value": f'<p><a href="https://example.org">Extern</a> <a id="{item.pk}" '
            f'linktype="page">Neu</a> <a linktype="page" id="{home.pk}">Start</a></p>',
        }
    ]
    page.save_revision().publish()
    assert keys(client.get(f"{API}/portal/pages/impressum/")) == {"portal:*", f"news:{club.slug}"}


def test_a_portal_page_names_the_club_its_body_links_to(client, home):
    """A link to a club's own page shows its address and name: the page depends on that
    club's page (``club:<slug>``), not on its news or events."""
    club = ClubFactory("Verlinkter Verein")
    page = PortalPage.objects.get(page_role="impressum", locale__language_code="de")
    page.body = [{"type": "text", "value": f'<p><a linktype="page" id="{club.pk}">Verein</a></p>'}]
    page.save_revision().publish()
    assert keys(client.get(f"{API}/portal/pages/impressum/")) == {"portal:*", f"club:{club.slug}"}


def test_cafe_series_with_room_and_languages(client, home):
    room = Room.objects.create(
        name="Café International",
        location="Rurufer 12, 52349 Düren",
        municipality=Municipality.objects.get(name="Düren"),
        capacity=40,
        step_free=True,
    )
    later, earlier = in_days(20), in_days(6)
    set_sections(
        home,
        (
            "cafe_series",
            {
                "title": "Abende im Café",
                "description": "<p>Information und Austausch</p>",
                "room": room.pk,
                "evenings": [
                    {
                        "date": later,
                        "start_time": "18:30:00",
                        "topic": "Vereinsrecht",
                        "language": "de",
                    },
                    {
                        "date": earlier,
                        "start_time": "18:00:00",
                        "end_time": "20:00:00",
                        "topic": "Förderanträge",
                        "language": "ar",
                    },
                ],
            },
        ),
    )
    value = section(client, "cafe_series")
    assert value["room"]["name"] == "Café International"
    assert value["room"]["address"] == "Rurufer 12, 52349 Düren"
    assert value["room"]["municipality"] == {"slug": "dueren", "name": "Düren"}
    assert value["room"]["step_free"] is True
    first, second = value["evenings"]
    assert (first["date"], first["topic"], first["start_time"]) == (
        earlier,
        "Förderanträge",
        "18:00",
    )
    assert first["end_time"] == "20:00"
    assert first["language"]["tag"] == "ar"
    assert first["language"]["direction"] == Language.objects.get(tag="ar").direction
    assert second["end_time"] is None
    assert value["description"] == "<p>Information und Austausch</p>"


def test_call_to_action_to_an_unpublished_page_loses_its_link(client, home):
    mitmachen = PortalPage.objects.get(page_role=PageRole.MITMACHEN)
    set_sections(
        home,
        ("call_to_action", {"title": "Mitmachen", "page": mitmachen.pk}),
        ("call_to_action", {"title": "Extern", "link": "https://example.org/"}),
    )
    internal, external = [item["value"] for item in sections(client)]
    assert internal["url"] == "/mitmachen/"
    assert external == {
        "title": "Extern",
        "text": "",
        "button_label": "",
        "page": None,
        "url": "https://example.org/",
        "external": True,
    }
    mitmachen.unpublish()
    internal, _external = [item["value"] for item in sections(client)]
    assert internal["page"] is None
    assert internal["url"] is None
    roles = [page["role"] for page in client.get(f"{API}/portal/").json()["pages"]]
    assert "mitmachen" not in roles


@pytest.mark.parametrize("role", [role for role in PageRole.values if role != "other"])
def test_portal_page_by_role(client, home, role):
    response = client.get(f"{API}/portal/pages/{role}/")
    assert response.status_code == 200
    body = response.json()
    assert body["role"] == role
    assert body["body"][0]["type"] == "text"
    assert body["body"][0]["value"].startswith("<")


def test_accessibility_statement_names_the_nrw_offices_and_the_form(client, home):
    html = client.get(f"{API}/portal/pages/barrierefreiheit/").json()["body"][0]["value"]
    assert "Überwachungsstelle für barrierefreie" in html
    assert "Ombudsstelle für barrierefreie Informationstechnik" in html
    assert "Barriere melden" in html
    assert "BITV NRW" in html
    impressum = client.get(f"{API}/portal/pages/impressum/").json()["body"][0]["value"]
    assert "Integrationsagentur Kreis Düren (Beispiel)" in impressum


def test_other_pages_by_slug_and_unknown_keys(client, home):
    page = PortalPage(title="Presse", slug="presse", page_role=PageRole.OTHER)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert client.get(f"{API}/portal/pages/presse/").json()["title"] == "Presse"
    for key in ("other", "gibt-es-nicht", "mitmachen-x"):
        response = client.get(f"{API}/portal/pages/{key}/")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_portal_page_in_the_requested_locale_with_fallback(client, home):
    impressum = PortalPage.objects.get(page_role=PageRole.IMPRESSUM)
    arabic = Locale.objects.get(language_code="ar")
    translation = impressum.copy_for_translation(arabic, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    translation.title = "بيانات الناشر"
    translation.save_revision().publish()

    arabic_page = client.get(f"{API}/portal/pages/impressum/?locale=ar").json()
    assert (arabic_page["title"], arabic_page["direction"]) == ("بيانات الناشر", "rtl")
    turkish = client.get(f"{API}/portal/pages/impressum/?locale=tr").json()
    assert turkish["title"] == "Impressum"
    pages = client.get(f"{API}/portal/?locale=ar").json()["pages"]
    titles = {page["role"]: page["title"] for page in pages}
    assert titles["impressum"] == "بيانات الناشر"
    assert titles["datenschutz"] == "Datenschutzerklärung"
    assert len(pages) == 5


def test_bad_parameters_are_400(client, home):
    assert client.get(f"{API}/portal/?locale=xx").status_code == 400
    assert client.get(f"{API}/portal/?page=2").json()["parameter"] == "page"


def test_cached_and_conditional(client, home):
    first = client.get(f"{API}/portal/")
    assert first["Cache-Control"].startswith("public") or "public" in first["Cache-Control"]
    again = client.get(f"{API}/portal/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_page_role_unique_per_locale(home):
    duplicate = PortalPage(title="Noch ein Impressum", slug="impressum-2", page_role="impressum")
    with pytest.raises(ValidationError) as error:
        home.add_child(instance=duplicate)
    assert "page_role" in error.value.message_dict
    for number in range(2):
        home.add_child(instance=PortalPage(title=f"Weitere {number}", slug=f"weitere-{number}"))
    impressum = PortalPage.objects.get(page_role="impressum")
    impressum.full_clean()


def populate(home, size: int):
    clubs = [ClubFactory(f"Verein {size}-{number}") for number in range(size)]
    room = Room.objects.get_or_create(
        name="Café International",
        defaults={
            "location": "Rurufer 12, 52349 Düren",
            "municipality": Municipality.objects.get(name="Düren"),
            "capacity": 40,
        },
    )[0]
    for club in clubs:
        events, news = event_index(club), news_index(club)
        event_page(events, f"Treffen {club.title}", start=soon(2))
        news_page(news, f"Nachricht {club.title}")
    set_sections(
        home,
        ("featured_clubs", {"selection": "manual", "clubs": [club.pk for club in clubs]}),
        ("featured_clubs", {"selection": "recent", "count": size}),
        ("upcoming_events", {"count": size}),
        ("latest_news", {"count": size}),
        (
            "cafe_series",
            {
                "room": room.pk,
                "evenings": [
                    {"date": in_days(day), "start_time": "18:00:00", "topic": "T", "language": "tr"}
                    for day in range(size)
                ],
            },
        ),
        ("call_to_action", {"title": "Los", "page": clubs[0].pk}),
    )


def test_query_count_is_constant_in_the_number_of_results(
    client, home, django_assert_max_num_queries
):
    populate(home, 2)
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        body = client.get(f"{API}/portal/").json()
    assert len(body["sections"][0]["value"]["clubs"]) == 2
    populate(home, 6)
    cache.clear()
    with django_assert_max_num_queries(len(small)):
        body = client.get(f"{API}/portal/").json()
    assert len(body["sections"][0]["value"]["clubs"]) == 6
    assert len(body["sections"][2]["value"]["events"]) == 6
    assert len(body["sections"][3]["value"]["news"]) == 6


def test_page_query_count_is_bounded(client, home, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(f"{API}/portal/pages/datenschutz/").status_code == 200


def test_changing_the_room_refreshes_the_cached_home(client, home):
    room = Room.objects.create(
        name="Café International",
        location="Rurufer 12, 52349 Düren",
        municipality=Municipality.objects.get(name="Düren"),
        capacity=40,
    )
    set_sections(
        home,
        (
            "cafe_series",
            {
                "room": room.pk,
                "evenings": [{"date": in_days(3), "start_time": "18:00:00", "topic": "Ehrenamt"}],
            },
        ),
    )
    assert section(client, "cafe_series")["room"]["address"] == "Rurufer 12, 52349 Düren"
    room.location = "Markt 1, 52349 Düren"
    room.save()
    assert section(client, "cafe_series")["room"]["address"] == "Markt 1, 52349 Düren"
