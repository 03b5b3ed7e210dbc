"""The agency curates programmes in the admin (snippet with checkboxes for legal forms)."""

from django.urls import reverse

from cms.funding.models import FundingProgramme
from tests.tenancy.admin_forms import admin_form

ADD_URL = reverse("wagtailsnippets_funding_fundingprogramme:add")


def test_agency_creates_a_programme_with_legal_forms_and_deadline(client, agency_user):
    data = admin_form(
        agency_user,
        ADD_URL,
        title="Kleinprojekte",
        slug="kleinprojekte",
        funder="Kreis Düren",
        max_amount="2500",
        legal_forms=["ev", "initiative"],
        min_club_age_years="1",
        **{
            "deadlines-TOTAL_FORMS": "1",
            "deadlines-INITIAL_FORMS": "0",
            "deadlines-0-date": "2027-03-31",
            "deadlines-0-recurrence": "yearly",
            "deadlines-0-label": "Antragsfrist",
            "deadlines-0-ORDER": "1",
        },
    )
    client.force_login(agency_user)
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    programme = FundingProgramme.objects.get(slug="kleinprojekte")
    assert programme.legal_forms == ["ev", "initiative"]
    assert [(d.date.isoformat(), d.recurrence) for d in programme.deadlines.all()] == [
        ("2027-03-31", "yearly")
    ]


def test_inconsistent_terms_are_refused_with_a_message(client, agency_user):
    data = admin_form(
        agency_user,
        ADD_URL,
        title="Widersprüchlich",
        slug="widerspruechlich",
        funder="Land NRW",
        min_amount="5000",
        max_amount="1000",
        min_club_age_years="5",
        max_club_age_years="2",
    )
    client.force_login(agency_user)
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "max_amount" in errors and "max_club_age_years" in errors
    assert not FundingProgramme.objects.filter(slug="widerspruechlich").exists()
