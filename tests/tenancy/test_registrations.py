"""The agency's decision on a registration, through the real admin views, and the
``provision_club`` command."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection

from cms.clubs.models import ClubPage
from cms.taxonomy.models import Country, Municipality
from cms.tenancy.models import RegistrationRequest, RegistrationStatus, Tenant
from tests.factories import ClubFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration():
    request = RegistrationRequest.objects.create(
        club_name="Verein der Freundinnen & Freunde Eritreas e. V.",
        legal_form="ev",
        municipality=Municipality.objects.get(name="Jülich"),
        founding_year=2024,
        short_description="Treffpunkt für eritreische Familien.",
        applicant_name="Senait Tesfay",
        applicant_email="Senait@Example.org",
        privacy_consent=True,
    )
    request.countries.set(Country.objects.filter(code="ER"))
    return request


def decide_url(registration):
    return reverse("registrations:decide", args=(registration.pk,))


def test_agency_sees_pending_registrations(client, agency_user, registration):
    client.force_login(agency_user)
    listing = client.get(reverse("registrations:index"))
    assert listing.status_code == 200
    assert "Freundinnen" in listing.content.decode()
    page = client.get(decide_url(registration))
    assert page.status_code == 200
    assert "Annehmen und einrichten" in page.content.decode()


def test_approval_provisions_the_club_and_mails_a_one_time_link(
    client, agency_user, registration, django_capture_on_commit_callbacks
):
    client.force_login(agency_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(registration), {"decision": "approve"})
    assert response.status_code == 302

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED
    assert registration.decided_by == agency_user and registration.decided_at
    tenant = registration.tenant
    club = ClubPage.objects.get(pk=tenant.root_page_id)
    assert not club.live  # a draft until the agency's workflow publishes it
    assert [c.code for c in club.countries.all()] == ["ER"]
    assert Group.objects.filter(name=f"Verein: {club.title} — Redaktion").count() == 1
    assert Collection.objects.filter(name=club.title).count() == 1
    editor = tenant.group.user_set.get()
    assert editor.email == "senait@example.org" and not editor.has_usable_password()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Senait@Example.org"]
    assert "freigeschaltet" in message.subject
    link = next(line for line in message.body.splitlines() if "/password_reset/confirm/" in line)
    path = link.split("http://testserver", 1)[1]
    client.logout()
    form = client.get(path, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()


def test_approving_twice_changes_nothing(client, agency_user, registration):
    client.force_login(agency_user)
    client.post(decide_url(registration), {"decision": "approve"})
    counts = (Tenant.objects.count(), ClubPage.objects.count(), Group.objects.count())
    response = client.post(decide_url(registration), {"decision": "approve"})
    assert response.status_code == 200
    assert (Tenant.objects.count(), ClubPage.objects.count(), Group.objects.count()) == counts


def test_rejection_needs_a_reason(
    client, agency_user, registration, django_capture_on_commit_callbacks
):
    client.force_login(agency_user)
    response = client.post(decide_url(registration), {"decision": "reject", "reason": "  "})
    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    registration.refresh_from_db()
    assert registration.is_pending

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            decide_url(registration), {"decision": "reject", "reason": "Kein Bezug zum Kreis."}
        )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REJECTED
    assert registration.decision_reason == "Kein Bezug zum Kreis."
    assert not Tenant.objects.exists()
    assert "Kein Bezug zum Kreis." in mail.outbox[0].body


def test_a_club_editor_cannot_decide(client, registration):
    club = ClubFactory()
    client.force_login(club.editor)
    for url in (reverse("registrations:index"), decide_url(registration)):
        response = client.get(url)
        assert response.status_code in (302, 403)
    client.post(decide_url(registration), {"decision": "approve"})
    registration.refresh_from_db()
    assert registration.is_pending


def test_editor_dashboard_shows_the_own_club_only(client):
    club = ClubFactory("Tamilischer Kulturverein e. V.")
    other = ClubFactory("Somalischer Elternverein e. V.")
    client.force_login(club.editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ihr Verein" in home and club.title in home
    assert other.title not in home


def test_provision_club_command_is_idempotent(capsys, django_capture_on_commit_callbacks):
    args = ["Kurdischer Kulturverein e. V.", "--municipality", "Düren", "--country", "iq"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command(*["provision_club", *args, "--editor-email", "a@example.org"])
    assert "Provisioned" in capsys.readouterr().out
    assert len(mail.outbox) == 1
    call_command(*["provision_club", *args, "--editor-email", "a@example.org"])
    assert "Already provisioned" in capsys.readouterr().out
    assert Tenant.objects.count() == 1 and len(mail.outbox) == 1


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--municipality", "Atlantis"], "Unknown municipality"),
        (["--municipality", "Düren", "--country", "QQ"], "QQ"),
        (["--municipality", "Düren", "--language", "xx-Klingon-Nope"], "xx-Klingon-Nope"),
        (["--municipality", "Düren", "--founding-year", "1700"], "Gründungsjahr"),
    ],
)
def test_provision_club_command_reports_bad_input(extra, message):
    with pytest.raises(CommandError, match=message):
        call_command("provision_club", "Irgendein Verein", *extra)
    assert not Tenant.objects.exists()


def test_the_menu_counts_pending_registrations_once(client, agency_user, registration):
    client.force_login(agency_user)
    for _ in range(2):
        page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Anmeldungen (1)" in page
    assert "(1) (1)" not in page
