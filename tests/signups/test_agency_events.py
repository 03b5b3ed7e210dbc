"""The agency's own events (issue 20): an events index below the portal home, its events on
the portal with sign-ups; the agency organises them, clubs cannot touch them."""

import json

import pytest
from django.urls import reverse

from cms.signups.access import may_manage
from tests.factories import (
    agency_event_index,
    event_page,
    news_index,
    news_page,
    signup_options,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    index = agency_event_index(intro="Austauschtreffen und Workshops der Integrationsagentur.")
    event = event_page(index, title="Workshop: Förderanträge schreiben", slug="workshop")
    event_page(index, title="Noch nicht veröffentlicht", slug="entwurf", publish=False)
    signup_options(event, capacity=2)
    return event


def test_the_portal_lists_the_agency_events_with_their_fields(client, workshop, settings):
    body = client.get(reverse("api-portal-events"), {"locale": "ar"}).json()
    assert body["index"]["url_path"] == "/agentur-termine/"
    assert body["index"]["fields"]["intro"].startswith("Austauschtreffen")
    assert [e["title"] for e in body["events"]] == ["Workshop: Förderanträge schreiben"]
    event = body["events"][0]
    assert event["url_path"] == "/agentur-termine/workshop/"
    assert event["locale"] == "de"  # no Arabic translation: the German event stands in
    assert event["fields"]["start"] and event["fields"]["flyer_url"].endswith(
        f"/events/{workshop.pk}/flyer.pdf"
    )


def test_the_event_list_links_agency_events_to_the_portal(client, workshop, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://vereinsnetz.example"
    items = client.get(reverse("api-event-list")).json()["results"]
    (item,) = [i for i in items if i["id"] == workshop.pk]
    assert item["club"] is None
    assert item["homepage_url"] == "https://vereinsnetz.example/de/agentur-termine/workshop/"


def test_visitors_sign_up_for_an_agency_event(client, workshop):
    data = {"name": "Layla", "email": "layla@example.org", "people": 1, "privacy_consent": True}
    response = client.post(
        reverse("api-event-signup", args=[workshop.pk]),
        json.dumps(data),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert workshop.signup_options.signups.get().status == "confirmed"


def test_the_agency_edits_and_organises_its_events_a_club_does_not(workshop, club, agency_user):
    editor = club.editor
    assert not workshop.permissions_for_user(editor).can_edit()
    assert not workshop.get_parent().permissions_for_user(editor).can_add_subpage()
    assert not may_manage(editor, workshop)
    assert workshop.permissions_for_user(agency_user).can_edit()
    assert may_manage(agency_user, workshop)


def test_the_agency_events_name_the_club_pages_their_texts_link_to(client, workshop, club):
    """The portal's incremental build reads the agency's events again only after a change of
    what they show (``X-Resource-Keys``): the agency's pages, and of the clubs only the news
    items their texts link to, not every club's news."""

    def keys() -> set[str]:
        response = client.get(reverse("api-portal-events"), {"locale": "ar"})
        assert response.status_code == 200, response.content
        return set(response["X-Resource-Keys"].split())

    assert keys() == {"portal:*"}
    item = news_page(news_index(club), "Bericht vom letzten Workshop")
    workshop.body = [
        {"type": "text", "value": f'<p><a linktype="page" id="{item.pk}">Bericht</a></p>'}
    ]
    workshop.save_revision().publish()
    assert keys() == {"portal:*", f"news:{club.slug}"}
