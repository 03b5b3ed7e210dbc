"""Nothing hidden leaks through the events list, the calendars or the news feeds: drafts,
pages under an unpublished club, pages behind a login, password or group restriction."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ClubFactory, event_index, event_page, news_index, news_page

from .conftest import API, days_ahead

SECRET = "Geheim"


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="pw" if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name=f"Mitglieder {page.pk}")])


def hide_nothing(club, event_index_page, event, news_index_page, news):
    pass


def draft(club, event_index_page, event, news_index_page, news):
    event.unpublish()
    news.unpublish()


def unpublished_club(club, *pages):
    club.unpublish()


def club_behind_login(club, *pages):
    restrict(club, PageViewRestriction.LOGIN)


def sections_behind_password(club, event_index_page, event, news_index_page, news):
    restrict(event_index_page, PageViewRestriction.PASSWORD)
    restrict(news_index_page, PageViewRestriction.PASSWORD)


def pages_for_a_group(club, event_index_page, event, news_index_page, news):
    restrict(event, PageViewRestriction.GROUPS)
    restrict(news, PageViewRestriction.GROUPS)


def pages_behind_login(club, event_index_page, event, news_index_page, news):
    restrict(event, PageViewRestriction.LOGIN)
    restrict(news, PageViewRestriction.LOGIN)


@pytest.fixture
def secret_club(db):
    club = ClubFactory("Verein Sonnenschein")
    events, news = event_index(club), news_index(club)
    event = event_page(events, f"{SECRET}es Treffen", start=days_ahead(2), recurrence="FREQ=DAILY")
    item = news_page(news, f"{SECRET}e Nachricht")
    return club, events, event, news, item


def responses(api, club):
    yield api.get(f"{API}/events/", {"limit": 100})
    yield api.get(f"{API}/events.ics")
    yield api.get(f"{API}/clubs/{club.slug}/events.ics")
    yield api.get(f"{API}/news.atom")
    yield api.get(f"{API}/clubs/{club.slug}/news.atom")


def test_visible_when_nothing_is_hidden(api, secret_club):
    hide_nothing(*secret_club)
    club = secret_club[0]
    for response in responses(api, club):
        assert response.status_code == 200
        assert SECRET.encode() in response.content


@pytest.mark.parametrize(
    "hide",
    [
        draft,
        unpublished_club,
        club_behind_login,
        sections_behind_password,
        pages_for_a_group,
        pages_behind_login,
    ],
)
def test_hidden_pages_never_appear(api, secret_club, hide):
    # An unrelated public club keeps the answers from being trivially empty.
    public = ClubFactory("Offener Verein")
    event_page(event_index(public), "Offenes Treffen", start=days_ahead(2))
    news_page(news_index(public), "Offene Nachricht")

    hide(*secret_club)
    club = secret_club[0]
    for response in responses(api, club):
        assert response.status_code in (200, 404), response.content
        assert SECRET.encode() not in response.content
    assert b"Offenes Treffen" in api.get(f"{API}/events/").content
    assert b"Offene Nachricht" in api.get(f"{API}/news.atom").content


@pytest.mark.parametrize("hide", [unpublished_club, club_behind_login])
def test_a_hidden_club_is_unknown(api, secret_club, hide):
    hide(*secret_club)
    club = secret_club[0]
    assert api.get(f"{API}/clubs/{club.slug}/events.ics").status_code == 404
    assert api.get(f"{API}/clubs/{club.slug}/news.atom").status_code == 404
    response = api.get(f"{API}/events/", {"club": club.slug})
    assert response.status_code == 400


def test_a_draft_revision_of_a_live_event_is_not_shown(api, secret_club):
    event = secret_club[2]
    event.title = "Entwurfstitel"
    event.save_revision()
    for response in responses(api, secret_club[0]):
        assert b"Entwurfstitel" not in response.content
        assert SECRET.encode() in response.content


def test_a_club_never_published_hides_its_published_events(api, db):
    club = ClubFactory("Noch im Aufbau", publish=False)
    event_page(event_index(club), SECRET, start=days_ahead(1))
    assert SECRET.encode() not in api.get(f"{API}/events/").content
    assert SECRET.encode() not in api.get(f"{API}/events.ics").content
