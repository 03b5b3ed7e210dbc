"""The funding endpoints: the programme list (with and without a club), the deadline calendar
and the dashboard panel for club editors."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from cms.clubs.models import LegalForm
from cms.funding.models import Recurrence
from tests.factories import PASSWORD, ClubFactory, funding_programme

LIST_URL = "/api/v1/funding-programmes/"
ICS_URL = "/api/v1/funding-programmes.ics"


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def programmes(db):
    this_year = timezone.localdate().year
    return {
        "start": funding_programme(
            "Starthilfe",
            max_club_age_years=3,
            legal_forms=[LegalForm.EV, LegalForm.INITIATIVE],
            min_amount=500,
            max_amount=5000,
            required_documents="Satzung\nFinanzplan\n",
            deadlines=[(days(30), Recurrence.ONCE)],
        ),
        "projects": funding_programme(
            "Projektförderung",
            min_club_age_years=2,
            focus=["Bildung"],
            deadlines=[(datetime.date(this_year - 2, 3, 31), Recurrence.YEARLY)],
        ),
        "local": funding_programme("Heimatfonds", municipalities=["Jülich"]),
        "expired": funding_programme("Abgelaufen", deadlines=[(days(-1), Recurrence.ONCE)]),
        "inactive": funding_programme("Abgeschaltet", active=False),
    }


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()]


def test_list_shows_open_active_programmes_soonest_deadline_first(client, programmes):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert titles(response) == ["Starthilfe", "Projektförderung", "Heimatfonds"]
    start = response.json()[0]
    assert start["next_deadline"] == days(30).isoformat()
    assert start["max_amount"] == "5000.00"
    assert start["required_documents"] == ["Satzung", "Finanzplan"]
    assert [form["value"] for form in start["eligibility"]["legal_forms"]] == ["ev", "initiative"]
    assert "reasons" not in start
    yearly = response.json()[1]["deadlines"][0]
    assert yearly["recurrence"] == "yearly"
    assert yearly["date"] >= timezone.localdate().isoformat()
    assert yearly["date"].endswith("-03-31")


def test_club_gets_only_eligible_programmes_with_a_reason_per_criterion(client, programmes):
    young = ClubFactory(founding_year=timezone.localdate().year - 1, focus=("Bildung",))
    old = ClubFactory(founding_year=2000, focus=("Bildung",), municipality_name="Jülich")
    response = client.get(LIST_URL, {"club": young.slug})
    assert titles(response) == ["Starthilfe"]
    reasons = response.json()[0]["reasons"]
    assert [reason["criterion"] for reason in reasons] == [
        "legal_form",
        "club_age",
        "focus",
        "municipality",
    ]
    assert all(reason["met"] and reason["detail"] for reason in reasons)
    assert titles(client.get(LIST_URL, {"club": old.slug})) == ["Projektförderung", "Heimatfonds"]


@pytest.mark.parametrize(
    "params", [{"club": "gibt-es-nicht"}, {"club": "entwurf"}, {"clubs": "x"}, {"locale": "xx"}]
)
def test_bad_parameters_are_400(client, programmes, params):
    ClubFactory("Entwurf", publish=False)
    response = client.get(LIST_URL, params)
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_parameter"


def test_list_query_count_does_not_grow(client, django_assert_max_num_queries, programmes):
    for number in range(8):
        funding_programme(
            f"Programm {number}",
            focus=["Kultur", "Bildung"],
            municipalities=["Düren"],
            deadlines=[(days(number + 1), Recurrence.ONCE), (days(200), Recurrence.YEARLY)],
        )
    club = ClubFactory()
    with django_assert_max_num_queries(14):
        assert client.get(LIST_URL, {"club": club.slug}).status_code == 200


def test_calendar_has_deadlines_with_yearly_rule(client, programmes):
    response = client.get(ICS_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "Antragsfrist: Starthilfe",
        "Antragsfrist: Projektförderung",
        "Antragsfrist: Abgelaufen",
    }
    yearly = events["Antragsfrist: Projektförderung"]
    assert yearly["rrule"]["FREQ"] == ["YEARLY"]
    assert "rrule" not in events["Antragsfrist: Starthilfe"]
    assert events["Antragsfrist: Starthilfe"].decoded("dtstart") == days(30)
    assert "Satzung, Finanzplan" in str(events["Antragsfrist: Starthilfe"]["description"])
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(set(uids)) == len(uids)


def test_calendar_is_cached_and_invalidated_on_change(client, programmes):
    first = client.get(ICS_URL)
    assert client.get(ICS_URL, headers={"if-none-match": first["ETag"]}).status_code == 304
    programmes["start"].title = "Starthilfe neu"
    programmes["start"].save()
    assert b"Starthilfe neu" in client.get(ICS_URL).content


def test_dashboard_panel_for_club_editor(client, programmes):
    club = ClubFactory(founding_year=timezone.localdate().year - 1)
    client.login(username=club.editor.username, password=PASSWORD)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Passende Förderprogramme" in html
    assert "Starthilfe" in html
    assert "Projektförderung" not in html
    assert days(30).strftime("%d.%m.%Y") in html


def test_dashboard_panel_not_for_agency(client, agency_user, programmes):
    client.login(username=agency_user.username, password=PASSWORD)
    assert "Passende Förderprogramme" not in client.get("/admin/").content.decode()
