"""The agency sees the platform's locales with their review state and which club has its
homepage in which language; club editors do not."""

import pytest
from wagtail.models import Locale

from tests.api.conftest import translate
from tests.factories import PASSWORD, ClubFactory

pytestmark = pytest.mark.django_db


def test_the_agency_sees_each_locales_review_state(client, agency_user):
    client.force_login(agency_user)
    response = client.get("/admin/sprachen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kurmancî" in html and "دری" in html
    assert "Entwurf – noch nicht muttersprachlich geprüft" in html
    assert "geprüft" in html


def test_the_agency_sees_which_club_has_which_languages(client, agency_user):
    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    club = ClubFactory("Syrischer Kulturverein")
    ClubFactory("Nur-Deutsch-Verein")
    translate(club, arabic, title="الجمعية الثقافية السورية")
    client.force_login(agency_user)
    html = client.get("/admin/sprachen/vereine/").content.decode()
    assert "Syrischer Kulturverein" in html
    assert "Deutsch, العربية" in html
    assert html.index("Syrischer Kulturverein") < html.index("Nur-Deutsch-Verein")


def test_club_editors_do_not_see_the_language_reports(client):
    club = ClubFactory("Anadolu e. V.")
    client.login(username=club.editor.username, password=PASSWORD)
    assert client.get("/admin/sprachen/").status_code == 302
    assert client.get("/admin/sprachen/vereine/").status_code == 302
    assert "Sprachen der Plattform" not in client.get("/admin/").content.decode()
