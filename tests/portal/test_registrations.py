"""POST /api/v1/registrations/: a new club registers from the portal."""

import json

import pytest
from django.core import mail
from django.test import Client

from cms.tenancy.models import RegistrationRequest, RegistrationStatus
from cms.tenancy.registration import reject

from .conftest import API

pytestmark = pytest.mark.django_db

URL = f"{API}/registrations/"


def valid(**changes) -> dict:
    data = {
        "club_name": "Deutsch-Syrischer Kulturverein Jülich",
        "legal_form": "ev",
        "municipality": "juelich",
        "founding_year": 2021,
        "countries": ["sy", "IQ"],
        "languages": ["ar", "CKB", "de"],
        "focus_areas": ["kultur", "bildung"],
        "short_description": "Musik, Sprache und Hausaufgabenhilfe für Familien.",
        "applicant_name": "Rania Haddad",
        "applicant_email": "rania@example.org",
        "applicant_phone": "02461 12345",
        "message": "Wir freuen uns auf die Zusammenarbeit.",
        "privacy_consent": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, **headers):
    return client.post(URL, json.dumps(data), content_type="application/json", **headers)


def test_happy_path_creates_a_pending_request_and_mails_the_applicant(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, valid(locale="ar"))
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "received"
    assert response["Content-Language"] == "ar"
    registration = RegistrationRequest.objects.get()
    assert registration.club_name == "Deutsch-Syrischer Kulturverein Jülich"
    assert registration.status == RegistrationStatus.PENDING
    assert registration.municipality.slug == "juelich"
    assert registration.privacy_consent is True
    assert sorted(registration.countries.values_list("code", flat=True)) == ["IQ", "SY"]
    assert sorted(registration.languages.values_list("tag", flat=True)) == ["ar", "ckb", "de"]
    assert sorted(registration.focus_areas.values_list("slug", flat=True)) == [
        "bildung",
        "kultur",
    ]
    assert registration.language == "ar"
    # The whole mail in the language of the form (it used to be German with one Arabic line).
    (message,) = mail.outbox
    assert message.to == ["rania@example.org"]
    assert (
        message.subject
        == "وصل تسجيلك لـ «Deutsch-Syrischer Kulturverein Jülich» في شبكة جمعيات منطقة دورن"
    )
    assert message.body.startswith("مرحبًا Rania Haddad،")
    assert "تراجع وكالة الاندماج بياناتك" in message.body
    assert "Guten Tag" not in message.body and "Integrationsagentur" not in message.body


def test_the_decision_mail_is_in_the_language_of_the_registration(
    client, agency_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, valid(locale="uk")).status_code == 201
    registration = RegistrationRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        reject(registration, agency_user, "Bitte zuerst die Satzung schicken.")
    message = mail.outbox[-1]
    assert (
        message.subject == "Ваша реєстрація «Deutsch-Syrischer Kulturverein Jülich» у Vereinsnetz"
    )
    assert "на жаль, агенція з інтеграції не змогла прийняти" in message.body
    assert "Bitte zuerst die Satzung schicken." in message.body


def test_german_mail_without_extra_line(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, valid()).status_code == 201
    (message,) = mail.outbox
    assert message.body.startswith("Guten Tag Rania Haddad")


def test_the_agency_sees_it_under_anmeldungen(client, agency_user):
    assert post(client, valid()).status_code == 201
    admin = Client()
    admin.force_login(agency_user)
    response = admin.get("/admin/anmeldungen/")
    assert response.status_code == 200
    assert "Deutsch-Syrischer Kulturverein Jülich" in response.content.decode()


def test_form_encoded_posts_work_too(client):
    data = valid()
    data["privacy_consent"] = "true"
    response = client.post(URL, data)
    assert response.status_code == 201, response.content
    assert RegistrationRequest.objects.get().countries.count() == 2


# field, bad value (None = missing), German message, Arabic message
INVALID = [
    ("club_name", None, "Bitte füllen Sie dieses Feld aus.", "يرجى ملء هذا الحقل."),
    ("club_name", "x" * 201, "Bitte höchstens 200 Zeichen.", "يرجى استخدام 200 حرفًا كحد أقصى."),
    (
        "legal_form",
        "gmbh",
        "Bitte wählen Sie eine der angebotenen Rechtsformen.",
        "يرجى اختيار أحد الأشكال القانونية المعروضة.",
    ),
    (
        "municipality",
        "berlin",
        "Diese Gemeinde gibt es im Kreis nicht.",
        "هذه البلدية غير موجودة في المقاطعة.",
    ),
    (
        "founding_year",
        "bald",
        "Bitte geben Sie das Gründungsjahr als Zahl an, z. B. 2015.",
        "يرجى إدخال سنة التأسيس كرقم، مثل 2015.",
    ),
    ("founding_year", 1850, "Das Gründungsjahr muss zwischen 1900 und", "يجب أن تكون سنة التأسيس"),
    ("countries", ["TR", "XX"], "Unbekannter Ländercode: XX.", "رمز بلد غير معروف: XX."),
    ("countries", "TR", "Bitte eine Liste angeben.", "يرجى تقديم قائمة."),
    ("languages", ["klingon"], "Unbekannte Sprache: klingon.", "لغة غير معروفة: klingon."),
    ("focus_areas", ["astrologie"], "Unbekannter Schwerpunkt: astrologie.", "مجال عمل غير معروف"),
    ("short_description", "x" * 301, "Bitte höchstens 300 Zeichen.", "300 حرفًا"),
    ("applicant_name", "", "Bitte füllen Sie dieses Feld aus.", "يرجى ملء هذا الحقل."),
    (
        "applicant_email",
        "keine-adresse",
        "Bitte geben Sie eine gültige E-Mail-Adresse an.",
        "يرجى إدخال عنوان بريد إلكتروني صالح.",
    ),
    (
        "applicant_phone",
        "ruf mich an",
        "Bitte geben Sie eine gültige Telefonnummer an",
        "يرجى إدخال رقم هاتف صالح",
    ),
    ("message", "x" * 2001, "Bitte höchstens 2000 Zeichen.", "2000 حرفًا"),
    (
        "privacy_consent",
        False,
        "Bitte stimmen Sie der Datenschutzerklärung zu.",
        "يرجى الموافقة على سياسة الخصوصية.",
    ),
    (
        "privacy_consent",
        None,
        "Bitte stimmen Sie der Datenschutzerklärung zu.",
        "يرجى الموافقة على سياسة الخصوصية.",
    ),
    ("locale", "xx", "Diese Sprache wird nicht angeboten.", "هذه اللغة غير متاحة."),
]


@pytest.mark.parametrize("field, value, german, arabic", INVALID, ids=lambda v: str(v)[:20])
@pytest.mark.parametrize("language", ["de", "ar-header", "ar-field"])
def test_each_invalid_field_is_a_400_in_the_visitors_language(
    client, field, value, german, arabic, language
):
    data = valid(**{field: value}) if value is not None else valid(**{field: None})
    if value is None:
        data.pop(field, None)
    headers = {}
    if language == "ar-header":
        headers["HTTP_ACCEPT_LANGUAGE"] = "ar,de;q=0.5"
    elif language == "ar-field" and field != "locale":
        data["locale"] = "ar"
    elif language == "ar-field":
        headers["HTTP_ACCEPT_LANGUAGE"] = "ar"
    response = post(client, data, **headers)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400
    assert body["code"] == "invalid_input"
    assert list(body["errors"]) == [field]
    expected = german if language == "de" else arabic
    assert any(expected in message for message in body["errors"][field]), body
    assert RegistrationRequest.objects.count() == 0
    if language != "de":
        assert body["detail"] == "يرجى التحقق من البيانات المحددة."
        assert response["Content-Language"] == "ar"


@pytest.mark.parametrize(
    "language, message",
    [
        ("en", "Please fill in this field."),
        ("tr", "Lütfen bu alanı doldurun."),
        ("uk", "Будь ласка, заповніть це поле."),
        ("ru", "Пожалуйста, заполните это поле."),
        ("fa", "لطفاً این فیلد را پر کنید."),
    ],
)
def test_messages_in_the_other_portal_languages(client, language, message):
    response = post(client, valid(club_name="", locale=language))
    assert response.json()["errors"]["club_name"] == [message]


def test_several_invalid_fields_at_once(client):
    response = post(client, valid(club_name="", applicant_email="x", privacy_consent=False))
    assert set(response.json()["errors"]) == {"club_name", "applicant_email", "privacy_consent"}


@pytest.mark.parametrize(
    "body, content_type",
    [("{nicht json", "application/json"), ("[1, 2]", "application/json"), ("x", "text/plain")],
)
def test_malformed_bodies_are_4xx_json_never_500(client, body, content_type):
    response = client.post(URL, body, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == "application/json"


def test_honeypot_answers_like_success_but_stores_and_sends_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        honeypot = post(client, valid(website="http://spam.example"))
        real = post(client, valid())
    assert honeypot.status_code == real.status_code == 201
    assert honeypot.json() == real.json()
    assert RegistrationRequest.objects.count() == 1
    assert len(mail.outbox) == 1


def test_honeypot_even_with_invalid_fields(client):
    response = post(client, {"website": "spam", "club_name": ""})
    assert response.status_code == 201
    assert RegistrationRequest.objects.count() == 0


def test_throttled_per_client_address(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "registrations": "2/hour",
        },
    }
    assert post(client, valid()).status_code == 201
    assert post(client, valid(club_name="")).status_code == 400
    throttled = post(client, valid(), HTTP_ACCEPT_LANGUAGE="ar")
    assert throttled.status_code == 429
    assert throttled.json()["detail"].startswith("عدد كبير جدًا من الإرسالات.")
    assert "Retry-After" in throttled
    other_address = post(client, valid(), REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 201
    assert RegistrationRequest.objects.count() == 2


def test_anonymous_needs_no_csrf_token():
    response = post(Client(enforce_csrf_checks=True), valid())
    assert response.status_code == 201


def test_a_logged_in_session_without_csrf_token_is_refused(agency_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(agency_user)
    response = post(client, valid())
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert RegistrationRequest.objects.count() == 0


def test_get_is_not_allowed(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
