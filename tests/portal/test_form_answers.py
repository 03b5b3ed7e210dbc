"""The portal's forms posted without JavaScript (form-encoded, accepting HTML) get a page a
person can read: a redirect to the thank-you page, or the errors field by field with the
form's labels, in the visitor's language. JSON clients keep getting JSON."""

import pytest

from cms.portal.models import Feedback
from cms.tenancy.models import RegistrationRequest

pytestmark = pytest.mark.django_db

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
REGISTRATION = {
    "club_name": "Deutsch-Syrischer Kulturverein",
    "legal_form": "ev",
    "municipality": "juelich",
    "countries": ["SY", "DE"],
    "languages": ["ar", "de"],
    "focus_areas": ["kultur"],
    "applicant_name": "Rania Haddad",
    "applicant_email": "rania@example.org",
    "privacy_consent": "true",
    "locale": "ar",
    "return_to": "/ar/mitmachen/danke/",
    "website": "",
}


def test_a_valid_registration_redirects_to_the_thank_you_page(client):
    response = client.post("/api/v1/registrations/", REGISTRATION, headers=BROWSER)
    assert response.status_code == 303
    assert response["Location"] == "/ar/mitmachen/danke/"
    request = RegistrationRequest.objects.get(club_name="Deutsch-Syrischer Kulturverein")
    assert sorted(request.countries.values_list("code", flat=True)) == ["DE", "SY"]


def test_errors_come_as_a_page_with_the_form_labels_in_the_visitors_language(client):
    data = {**REGISTRATION, "applicant_email": "keine-adresse", "privacy_consent": ""}
    del data["club_name"]
    response = client.post(
        "/api/v1/registrations/",
        data,
        headers={**BROWSER, "referer": "http://testserver/ar/mitmachen/"},
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "اسم الجمعية أو المبادرة" in html  # the label of club_name in Arabic
    assert "بريدك الإلكتروني" in html  # applicant_email
    assert 'href="http://testserver/ar/mitmachen/"' in html
    assert not RegistrationRequest.objects.filter(applicant_name="Rania Haddad").exists()


def test_a_foreign_referer_gets_no_back_link_and_a_foreign_return_to_no_redirect(client):
    data = {**REGISTRATION, "club_name": "", "return_to": "https://evil.example/"}
    response = client.post(
        "/api/v1/registrations/", data, headers={**BROWSER, "referer": "https://evil.example/x"}
    )
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()
    data = {**REGISTRATION, "return_to": "//evil.example/"}
    response = client.post("/api/v1/registrations/", data, headers=BROWSER)
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")


def test_feedback_without_javascript(client):
    data = {"message": "Der Kalender ist mit der Tastatur nicht bedienbar.", "locale": "de"}
    response = client.post(
        "/api/v1/feedback/", {**data, "return_to": "/de/barrierefreiheit/danke/"}, headers=BROWSER
    )
    assert response.status_code == 303
    assert Feedback.objects.get().message == data["message"]
    response = client.post(
        "/api/v1/feedback/",
        {"message": "", "email": "x@example.org", "locale": "de"},
        headers=BROWSER,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ihre Nachricht:" in html
    assert "Zurück-Funktion" in html


def test_json_clients_still_get_json(client):
    response = client.post(
        "/api/v1/registrations/",
        {**REGISTRATION, "club_name": ""},
        content_type="application/json",
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"]["club_name"]


def test_registration_options_list_every_accepted_value(client):
    response = client.get("/api/v1/registrations/options/")
    assert response.status_code == 200
    body = response.json()
    assert {"value": "juelich", "label": "Jülich"} in body["municipalities"]
    assert {o["value"] for o in body["legal_forms"]} == {
        "ev",
        "verein",
        "ggmbh",
        "stiftung",
        "initiative",
    }
    assert any(o["value"] == "SY" for o in body["countries"])
    assert any(o["value"] == "ar" and o["direction"] == "rtl" for o in body["languages"])
    assert any(o["value"] == "kultur" for o in body["focus_areas"])
