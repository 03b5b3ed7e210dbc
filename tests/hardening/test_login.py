"""Login throttling (django-axes) on Wagtail's login view, and the TOTP second factor."""

import pyotp
import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.tenancy.platform import agency_group
from tests.factories import PASSWORD, AgencyUserFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_the_account_from_that_address(client):
    user = UserFactory(is_superuser=True)
    for _ in range(2):
        response = attempt(client, user.username, "falsch")
        assert response.status_code == 200  # the login form again, with its error
    response = attempt(client, user.username, "falsch")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in page
    assert "15 Minuten" in page

    # Locked: even the right password does not get in from there …
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # … while the same account from another address still can.
    response = attempt(client, user.username, PASSWORD, address="198.51.100.9")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_success_resets_the_failure_count(client):
    user = UserFactory(is_superuser=True)
    attempt(client, user.username, "falsch")
    attempt(client, user.username, "falsch")
    assert attempt(client, user.username, PASSWORD).status_code == 302
    client.logout()
    attempt(client, user.username, "falsch")
    attempt(client, user.username, "falsch")
    assert attempt(client, user.username, PASSWORD).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1, AXES_FAILURE_LIMIT=2)
def test_behind_a_proxy_the_forwarded_address_is_counted(client):
    user = UserFactory(is_superuser=True)
    for _ in range(2):
        client.post(
            LOGIN,
            {"username": user.username, "password": "falsch"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="spoofed, 203.0.113.50",
        )
    # Another client behind the same proxy is not locked out.
    response = client.post(
        LOGIN,
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.51",
    )
    assert response.status_code == 302


def login(client, user):
    response = attempt(client, user.username, PASSWORD)
    assert response.status_code == 302
    return response


def confirmed_device(user) -> tuple[TOTPDevice, pyotp.TOTP]:
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    return device, pyotp.TOTP(pyotp_secret(device))


def wait_out_the_throttle(user):
    """django-otp refuses any code for a moment after a wrong one; a person would wait."""
    TOTPDevice.objects.filter(user=user).update(
        throttling_failure_timestamp=None, throttling_failure_count=0
    )


def pyotp_secret(device) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode()


@override_settings(VEREINSNETZ_OTP_REQUIRED_GROUPS=["Integrationsagentur"])
def test_the_agency_must_set_up_a_second_factor(client):
    user = AgencyUserFactory()
    login(client, user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("hardening_otp_setup"))

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Zweiten Faktor einrichten" in html
    assert "<svg" in html  # the QR code, inline
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = pyotp_secret(device)
    assert secret in html

    wrong = client.post(reverse("hardening_otp_setup"), {"otp_token": "000000", "next": "/admin/"})
    assert "Der Code stimmt nicht" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    wait_out_the_throttle(user)
    code = pyotp.TOTP(secret).now()
    response = client.post(reverse("hardening_otp_setup"), {"otp_token": code, "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@override_settings(VEREINSNETZ_OTP_REQUIRED_GROUPS=["Integrationsagentur"])
def test_a_user_with_a_device_enters_a_code_after_the_password(client):
    user = AgencyUserFactory()
    device, totp = confirmed_device(user)
    login(client, user)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('hardening_otp_verify')}?next=/admin/pages/"

    wrong = client.post(reverse("hardening_otp_verify"), {"otp_token": "123456"})
    assert "Der Code stimmt nicht oder ist abgelaufen" in wrong.content.decode()
    malformed = client.post(reverse("hardening_otp_verify"), {"otp_token": "12ab"})
    assert "Bitte die sechs Ziffern" in malformed.content.decode()

    wait_out_the_throttle(user)
    response = client.post(
        reverse("hardening_otp_verify"), {"otp_token": totp.now(), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@override_settings(VEREINSNETZ_OTP_REQUIRED_GROUPS=["Integrationsagentur"])
def test_the_verification_refuses_to_redirect_to_another_host(client):
    user = AgencyUserFactory()
    _device, totp = confirmed_device(user)
    login(client, user)
    response = client.post(
        reverse("hardening_otp_verify"),
        {"otp_token": totp.now(), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("wagtailadmin_home")


@override_settings(VEREINSNETZ_OTP_REQUIRED_GROUPS=["Integrationsagentur"])
def test_an_unverified_session_is_anonymous_outside_the_admin(client):
    user = AgencyUserFactory()
    login(client, user)
    response = client.post("/api/v1/clubs/", {})
    # Not "method not allowed for this user" but "not logged in".
    assert response.status_code in (401, 403)
    assert "Anmeldedaten" in response.content.decode() or response.status_code == 401


@override_settings(VEREINSNETZ_OTP_REQUIRED_GROUPS=["Integrationsagentur"])
def test_others_may_work_without_a_second_factor(client, club):
    login(client, club.editor)
    assert client.get("/admin/").status_code == 200
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("hardening_otp_setup") in account


@override_settings(VEREINSNETZ_OTP_REQUIRED_PERMISSIONS=["tenancy.work_across_tenants"])
def test_the_second_factor_follows_the_agencys_right_not_its_groups_name(client, club):
    """By group name alone, renaming the agency's group switched the second factor off."""
    group = agency_group()
    group.name = "Team Integration"
    group.save()
    for user in (AgencyUserFactory(), UserFactory(is_superuser=True)):
        client.logout()
        login(client, user)
        response = client.get("/admin/")
        assert response.status_code == 302, user
        assert response["Location"].startswith(reverse("hardening_otp_setup"))
    client.logout()
    login(client, club.editor)
    assert client.get("/admin/").status_code == 200


def test_without_the_setting_the_agency_logs_in_with_the_password_alone(client, settings):
    assert settings.VEREINSNETZ_OTP_REQUIRED_GROUPS == []
    login(client, AgencyUserFactory())
    assert client.get("/admin/").status_code == 200
