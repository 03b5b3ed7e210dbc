"""The one-click "Alles noch aktuell": the mail's link, the confirm page, the reminder that
stops, and the date the API, the directory and the agency's report show."""

import datetime
import re

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from django.utils import timezone

from cms.freshness.models import ProfileConfirmation, ProfileReminder
from cms.freshness.selection import clubs_to_remind, stale_clubs
from cms.freshness.tasks import remind_stale_clubs
from cms.freshness.tokens import SALT, make_token
from tests.factories import PASSWORD, ClubFactory

from .test_stale_clubs import age

LINK = re.compile(r"http://testserver(/profil-bestaetigen/[^/\s]+/)")


@pytest.fixture
def stale(db, settings):
    settings.STALE_AFTER_DAYS = 90
    club = ClubFactory("Alter Verein")
    age(club, 200)
    return club


def mailed_link() -> str:
    (message,) = mail.outbox
    return LINK.search(message.body).group(1)


def test_the_mail_offers_one_click_and_the_profile(stale):
    remind_stale_clubs.enqueue()
    (message,) = mail.outbox
    assert "Alles noch aktuell? Ein Klick genügt" in message.body
    assert LINK.search(message.body)
    assert f"/admin/pages/{stale.pk}/edit/" in message.body
    assert ProfileReminder.objects.get().club_id == stale.pk


def test_get_shows_a_button_and_records_nothing(client, stale):
    remind_stale_clubs.enqueue()
    response = client.get(mailed_link())
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="post">' in html and "Alles noch aktuell" in html
    assert "Alter Verein" in html
    assert not ProfileConfirmation.objects.exists()
    assert stale_clubs().filter(pk=stale.pk).exists()


def test_post_confirms_once_without_login_and_without_a_revision(client, stale):
    remind_stale_clubs.enqueue()
    link = mailed_link()
    revisions = stale.revisions.count()
    response = client.post(link)
    assert response.status_code == 200
    assert "Danke!" in response.content.decode()
    assert client.post(link).status_code == 200  # a second click: same answer, no new row
    confirmation = ProfileConfirmation.objects.get()
    assert confirmation.club_id == stale.pk and confirmation.source == "mail"
    assert stale.revisions.count() == revisions
    assert not stale_clubs().filter(pk=stale.pk).exists()


def test_the_reminder_stops_after_confirming(client, stale):
    remind_stale_clubs.enqueue()
    client.post(mailed_link())
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(days=60)
    assert not clubs_to_remind(later).filter(pk=stale.pk).exists()
    assert remind_stale_clubs.enqueue().return_value["sent"] == []
    assert mail.outbox == []


def test_an_unconfirmed_club_is_reminded_monthly_not_weekly(stale, settings):
    settings.REMIND_EVERY_DAYS = 30
    remind_stale_clubs.enqueue()
    assert len(mail.outbox) == 1
    a_week_later = timezone.now() + datetime.timedelta(days=7)
    assert not clubs_to_remind(a_week_later).exists()
    a_month_later = timezone.now() + datetime.timedelta(days=31)
    assert list(clubs_to_remind(a_month_later)) == [stale]


def test_asked_once_a_year_even_when_stale_after_is_longer(db, settings):
    settings.STALE_AFTER_DAYS = 730
    settings.CONFIRM_EVERY_DAYS = 365
    club = ClubFactory("Ruhiger Verein")
    age(club, 400)
    assert not stale_clubs().exists()  # the report still waits for two years
    assert list(clubs_to_remind()) == [club]


@pytest.mark.parametrize(
    "token",
    [
        "kaputt",
        "a" * 300,
        TimestampSigner(salt="other").sign_object({"reminder": 1}),
        TimestampSigner(salt=SALT).sign_object({"reminder": "1"}),
    ],
)
def test_a_bad_link_is_a_clear_404(client, stale, token):
    response = client.post(f"/profil-bestaetigen/{token}/")
    assert response.status_code == 404
    assert "Dieser Link gilt nicht mehr" in response.content.decode()
    assert not ProfileConfirmation.objects.exists()


def test_an_expired_link_is_refused(client, stale, settings):
    reminder = ProfileReminder.objects.create(club=stale)
    token = make_token(reminder)
    settings.CONFIRM_LINK_MAX_AGE_DAYS = 0
    assert client.post(f"/profil-bestaetigen/{token}/").status_code == 404
    settings.CONFIRM_LINK_MAX_AGE_DAYS = 90
    assert client.post(f"/profil-bestaetigen/{token}/").status_code == 200


def test_the_link_of_an_unpublished_club_confirms_nothing(client, stale):
    reminder = ProfileReminder.objects.create(club=stale)
    stale.unpublish()
    assert client.post(f"/profil-bestaetigen/{make_token(reminder)}/").status_code == 404
    assert not ProfileConfirmation.objects.exists()


def test_the_api_shows_the_last_confirmation(client, stale, settings):
    settings.PROFILE_UNCONFIRMED_AFTER_DAYS = 150
    summary = client.get("/api/v1/clubs/").json()["results"][0]
    assert summary["profile_unconfirmed"] is True
    edited = datetime.datetime.fromisoformat(summary["profile_confirmed_at"])
    assert timezone.now() - edited > datetime.timedelta(days=199)

    ProfileConfirmation.objects.create(club=stale)
    detail = client.get(f"/api/v1/clubs/{stale.slug}/").json()
    confirmed = datetime.datetime.fromisoformat(detail["profile_confirmed_at"])
    assert timezone.now() - confirmed < datetime.timedelta(minutes=1)
    assert detail["profile_unconfirmed"] is False
    # The same date in another locale (the Arabic request falls back to the German club).
    assert (
        client.get(f"/api/v1/clubs/{stale.slug}/?locale=ar").json()["profile_confirmed_at"]
        == detail["profile_confirmed_at"]
    )


def test_confirmation_dates_cost_no_query_per_club(client, db, django_assert_max_num_queries):
    for index in range(12):
        club = ClubFactory(f"Verein {index}")
        if index % 2:
            ProfileConfirmation.objects.create(club=club)
    # The directory's budget of tests/api/test_queries.py, with 12 clubs as with 100.
    with django_assert_max_num_queries(10):
        results = client.get("/api/v1/clubs/?limit=50").json()["results"]
    assert len(results) == 12 and all(club["profile_confirmed_at"] for club in results)


def test_the_report_shows_the_confirmation_date(client, stale, agency_user):
    client.login(username=agency_user.username, password=PASSWORD)
    html = client.get("/admin/stale-clubs/").content.decode()
    assert "Alter Verein" in html and "Zuletzt bearbeitet oder bestätigt" in html
    ProfileConfirmation.objects.create(club=stale)
    assert "Alter Verein" not in client.get("/admin/stale-clubs/").content.decode()
