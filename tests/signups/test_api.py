import datetime
import json

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from cms.signups.api import FORM_TOKEN_SALT, form_token
from cms.signups.models import Signup
from tests.factories import event_page, signup, signup_options

pytestmark = pytest.mark.django_db

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
VALID = {"name": "Layla Haddad", "email": "layla@example.org", "people": 1, "privacy_consent": True}


def url(event):
    return reverse("api-event-signup", args=[event.pk])


def post(client, event, data, **extra):
    return client.post(url(event), json.dumps(data), content_type="application/json", **extra)


def test_state_says_how_many_places_are_left(client, options):
    signup(options, people=2)
    response = client.get(url(options.event), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["free"], body["capacity"]) == ("open", 1, 3)
    assert body["label"] == "noch 1 Platz"
    assert response["Cache-Control"] == "no-store"


def test_state_is_waitlist_when_full_and_closed_after_the_deadline(client, options):
    for name in "ABCD":
        signup(options, name=name)
    assert client.get(url(options.event)).json()["state"] == "waitlist"
    options.deadline = timezone.now() - datetime.timedelta(minutes=1)
    options.save()
    body = client.get(url(options.event), HTTP_ACCEPT_LANGUAGE="ar").json()
    assert (body["state"], body["label"]) == ("closed", "التسجيل مغلق")


def test_events_without_sign_up_and_unpublished_events_are_404(client, club, options):
    index = options.event.get_parent()
    plain = event_page(index, title="Ohne Anmeldung")
    draft = event_page(index, title="Entwurf", publish=False)
    signup_options(draft)
    for event in (plain, draft):
        assert client.get(url(event)).status_code == 404
        assert post(client, event, VALID).status_code == 404


def test_sign_up_is_confirmed_then_waits(client, options):
    options.capacity = 1
    options.save()
    first = post(client, options.event, VALID)
    second = post(client, options.event, {**VALID, "email": "b@example.org"})
    assert (first.status_code, first.json()["status"]) == (201, "confirmed")
    assert (second.status_code, second.json()["status"]) == (201, "waiting")
    assert list(Signup.objects.values_list("status", flat=True)) == ["confirmed", "waiting"]


def test_invalid_fields_are_named_in_the_requested_language(client, options):
    response = post(
        client,
        options.event,
        {"name": "", "email": "kein", "people": "viele", "privacy_consent": False},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors == {
        "name": ["Bitte füllen Sie dieses Feld aus."],
        "email": ["Bitte geben Sie eine gültige E-Mail-Adresse an."],
        "people": ["Bitte geben Sie die Zahl der Personen an."],
        "privacy_consent": ["Bitte stimmen Sie der Datenschutzerklärung zu."],
    }
    arabic = post(client, options.event, {**VALID, "people": 9, "locale": "ar"})
    assert arabic.json()["errors"] == {"people": ["4 أشخاص كحد أقصى لكل تسجيل."]}
    assert not Signup.objects.exists()


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "{", '{"people": {"a": 1}}'])
def test_odd_bodies_are_400_not_500(client, options, body):
    response = client.post(url(options.event), body, content_type="application/json")
    assert response.status_code == 400


def test_honeypot_and_too_fast_posts_look_successful_but_store_nothing(client, options, settings):
    settings.SIGNUP_MIN_FORM_SECONDS = 3
    assert post(client, options.event, {**VALID, "website": "http://spam"}).status_code == 201
    assert post(client, options.event, {**VALID, "form_token": form_token()}).status_code == 201
    assert post(client, options.event, {**VALID, "form_token": "forged:abc"}).status_code == 201
    assert not Signup.objects.exists()

    old = signing.TimestampSigner(salt=FORM_TOKEN_SALT)
    stamp = timezone.now() - datetime.timedelta(seconds=10)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(old, "timestamp", lambda: signing.b62_encode(int(stamp.timestamp())))
        token = old.sign("form")
    assert post(client, options.event, {**VALID, "form_token": token}).status_code == 201
    assert Signup.objects.count() == 1


def test_a_plain_html_form_gets_a_readable_page(client, options):
    form = {**VALID, "privacy_consent": "on", "locale": "ar"}
    response = client.post(url(options.event), form, HTTP_ACCEPT=BROWSER)
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "تم تسجيلك" in html
    assert "Workshop Vereinsfinanzen" in html

    referer = "http://testserver/de/veranstaltungen/workshop/"
    bad = client.post(url(options.event), {"name": ""}, HTTP_ACCEPT=BROWSER, HTTP_REFERER=referer)
    assert bad.status_code == 400
    assert f'href="{referer}"' in bad.content.decode()


def test_closed_sign_up_is_409(client, options):
    options.deadline = timezone.now() - datetime.timedelta(minutes=1)
    options.save()
    response = post(client, options.event, VALID)
    assert (response.status_code, response.json()["code"]) == (409, "signup_closed")


def test_posts_are_throttled_per_address(client, options, settings):
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "signups": "2/hour"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    assert [post(client, options.event, VALID).status_code for _ in range(3)] == [201, 201, 429]
    # Reading the state is never throttled.
    assert client.get(url(options.event)).status_code == 200


def test_state_is_read_in_a_constant_number_of_queries(
    client, options, django_assert_max_num_queries
):
    for number in range(20):
        signup(options, name=f"P{number}")
    with django_assert_max_num_queries(8):
        assert client.get(url(options.event)).status_code == 200


def test_schema_documents_both_methods(client):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").json()
    operations = schema["paths"]["/api/v1/events/{id}/signup/"]
    assert set(operations) >= {"get", "post"}
    assert "Warteliste" in operations["post"]["description"]
    assert "SignupRequest" in json.dumps(operations["post"]["requestBody"])


def test_a_translation_shares_the_sign_up_of_its_original(client, options):
    arabic = options.event.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.save_revision().publish()
    post(client, arabic, {**VALID, "locale": "ar"})
    assert client.get(url(options.event)).json()["free"] == 2
    assert Signup.objects.get().options == options


def test_a_sign_up_posted_in_turkish_is_answered_and_confirmed_in_turkish(
    client, options, mails, mailoutbox
):
    with mails(execute=True):
        response = post(client, options.event, {**VALID, "locale": "tr"})

    assert response.status_code == 201
    assert response.json()["message"] == "Kaydınız alındı. Size bir onay gönderdik."
    (message,) = mailoutbox
    assert message.subject == "Kayıt onaylandı: Workshop Vereinsfinanzen"
    assert "Merhaba Layla Haddad," in message.body
    assert "Kaydınız onaylandı." in message.body
    assert "Etkinlik: Workshop Vereinsfinanzen" in message.body


def test_the_club_list_names_each_event_with_sign_ups_and_its_translations(client, options):
    club = options.event.get_parent().get_parent()
    arabic = options.event.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.save_revision().publish()
    event_page(options.event.get_parent(), title="Ohne Anmeldung")
    signup(options, people=2)

    everywhere = client.get(reverse("api-signup-list")).json()
    of_the_club = client.get(reverse("api-signup-list"), {"club": club.slug}).json()

    assert [(item["event"], item["events"], item["free"]) for item in everywhere] == [
        (options.event.pk, sorted([options.event.pk, arabic.pk]), 1)
    ]
    # The club's tree in its own language: the translation lives in the Arabic tree.
    assert [(item["event"], item["events"]) for item in of_the_club] == [
        (options.event.pk, [options.event.pk])
    ]


def test_the_club_list_reads_in_few_queries_and_none_more_without_sign_ups(
    client, options, django_assert_max_num_queries
):
    """The list is not cached (the places change with every sign-up), so the site builder
    asks it once per club site: a club whose events take no sign-ups costs the club, the
    hidden paths and its events, nothing more."""
    from tests.factories import ClubFactory, event_index

    club = options.event.get_parent().get_parent()
    index = options.event.get_parent()
    for number in range(5):
        signup_options(event_page(index, title=f"Kurs {number}"), capacity=5)
    with django_assert_max_num_queries(6) as some:
        assert len(client.get(reverse("api-signup-list"), {"club": club.slug}).json()) == 6
    quiet = ClubFactory("Verein ohne Anmeldungen")
    event_page(event_index(quiet), title="Offenes Treffen")
    with django_assert_max_num_queries(len(some.captured_queries) - 2):
        assert client.get(reverse("api-signup-list"), {"club": quiet.slug}).json() == []
