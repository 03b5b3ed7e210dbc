"""POST /api/v1/feedback/ (BITV NRW feedback mechanism) and the agency's "Rückmeldungen"."""

import json

import pytest
from django.core import mail
from django.test import Client

from cms.portal.models import Feedback

from .conftest import API

pytestmark = pytest.mark.django_db

URL = f"{API}/feedback/"


def post(client, data, **headers):
    return client.post(URL, json.dumps(data), content_type="application/json", **headers)


def test_anonymous_feedback_is_stored_without_mail(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            {"page_url": "/vereine/kulturverein/", "message": "Der Kalender ist nicht bedienbar."},
        )
    assert response.status_code == 201, response.content
    feedback = Feedback.objects.get()
    assert feedback.page_url == "/vereine/kulturverein/"
    assert feedback.message == "Der Kalender ist nicht bedienbar."
    assert (feedback.email, feedback.consent, feedback.done, feedback.locale) == (
        "",
        False,
        False,
        "de",
    )
    assert mail.outbox == []


def test_feedback_with_email_and_consent_gets_a_confirmation(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            {
                "page_url": "https://portal.example/veranstaltungen/",
                "message": "Kontrast zu gering.",
                "name": "Olena",
                "email": "olena@example.org",
                "consent": True,
                "locale": "uk",
            },
        )
    assert response.status_code == 201, response.content
    assert response.json()["message"] == "Дякуємо за ваш відгук! Ми цим займемося."
    assert Feedback.objects.get().locale == "uk"
    (message,) = mail.outbox
    assert message.to == ["olena@example.org"]
    assert message.subject == "Ihre Rückmeldung zur Barrierefreiheit ist eingegangen"
    assert "Ми отримали ваш відгук" in message.body
    assert "Guten Tag Olena" in message.body
    assert "Ombudsstelle" in message.body


@pytest.mark.parametrize(
    "data, field, german, arabic",
    [
        ({}, "message", "Bitte füllen Sie dieses Feld aus.", "يرجى ملء هذا الحقل."),
        ({"message": "  "}, "message", "Bitte füllen Sie dieses Feld aus.", "يرجى ملء هذا الحقل."),
        ({"message": "x" * 5001}, "message", "Bitte höchstens 5000 Zeichen.", "5000"),
        (
            {"message": "x", "email": "olena@example.org"},
            "consent",
            "Bitte stimmen Sie zu, dass wir Ihre E-Mail-Adresse",
            "يرجى الموافقة على استخدام عنوان بريدك الإلكتروني",
        ),
        (
            {"message": "x", "email": "kaputt", "consent": True},
            "email",
            "Bitte geben Sie eine gültige E-Mail-Adresse an.",
            "يرجى إدخال عنوان بريد إلكتروني صالح.",
        ),
        (
            {"message": "x", "page_url": "javascript:alert(1)"},
            "page_url",
            "Bitte geben Sie die Adresse der Seite an",
            "يرجى إدخال عنوان الصفحة",
        ),
        (
            {"message": "x", "page_url": "//evil.example/"},
            "page_url",
            "Bitte geben Sie die Adresse der Seite an",
            "يرجى إدخال عنوان الصفحة",
        ),
        ({"message": "x", "name": "n" * 201}, "name", "Bitte höchstens 200 Zeichen.", "200"),
    ],
)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_invalid_feedback_is_a_400_per_field(client, data, field, german, arabic, language):
    response = post(client, data, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert list(errors) == [field]
    expected = german if language == "de" else arabic
    assert any(expected in message for message in errors[field]), errors
    assert Feedback.objects.count() == 0


def test_honeypot(client):
    response = post(client, {"message": "Kaufen Sie jetzt!", "website": "https://spam.example"})
    assert response.status_code == 201
    assert Feedback.objects.count() == 0


def test_throttled(client, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "feedback": "1/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    assert post(client, {"message": "eins"}).status_code == 201
    response = post(client, {"message": "zwei"})
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Zu viele Einsendungen.")
    assert Feedback.objects.count() == 1


def test_the_agency_lists_and_marks_feedback_done(agency_user):
    feedback = Feedback.objects.create(message="Bilder ohne Alternativtext", page_url="/")
    admin = Client()
    admin.force_login(agency_user)
    listing = admin.get("/admin/rueckmeldungen/")
    assert listing.status_code == 200
    assert "Bilder ohne Alternativtext" in listing.content.decode()
    assert "ckmeldungen (1)" in admin.get("/admin/").content.decode()

    edit_url = f"/admin/rueckmeldungen/edit/{feedback.pk}/"
    form = admin.get(edit_url)
    assert form.status_code == 200
    response = admin.post(
        edit_url, {"done": "on", "note": "Alternativtexte ergänzt", "message": "überschrieben"}
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.done is True
    assert feedback.note == "Alternativtexte ergänzt"
    assert feedback.message == "Bilder ohne Alternativtext"
    assert admin.get(f"/admin/rueckmeldungen/inspect/{feedback.pk}/").status_code == 200
    assert "ckmeldungen (1)" not in admin.get("/admin/").content.decode()


def test_the_agency_cannot_add_or_delete_feedback(agency_user):
    feedback = Feedback.objects.create(message="Etwas")
    admin = Client()
    admin.force_login(agency_user)
    assert admin.get("/admin/rueckmeldungen/new/").status_code in (302, 403)
    assert admin.get(f"/admin/rueckmeldungen/delete/{feedback.pk}/").status_code in (302, 403)
