"""A club's own domain cannot take over another club's domain or a platform host, on any path
(admin form, model validation used by every save, the Site sync and the middleware)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, Site

from cms.clubs.domains import normalise_domain
from cms.clubs.models import ClubPage
from cms.homepages.domains import own_domains, sync_own_domain
from tests.factories import ClubFactory
from tests.tenancy.admin_forms import admin_form

pytestmark = pytest.mark.django_db

PLATFORM = "vereinsnetz.kreis-dueren.de"
TAKEN = "Diese Domain verwendet schon ein anderer Verein oder die Plattform."


@pytest.fixture(autouse=True)
def platform_host(settings):
    settings.WAGTAILADMIN_BASE_URL = f"https://{PLATFORM}"
    settings.RESERVED_HOSTNAMES = ["intern.kreis-dueren.de"]
    settings.OWN_DOMAIN_ALLOWED_PARENTS = []
    settings.ALLOWED_HOSTS = ["testserver", PLATFORM, "verein-a.example", "verein-b.example"]


def spellings(host: str) -> list[str]:
    """The ways an editor (or an attacker) can write one and the same host."""
    return [
        host,
        host.upper(),
        f"{host}.",
        f" {host} ",
        f"https://{host}/",
        f"http://{host.title()}:8443/admin/",
        f"{host}:443",
        f"//{host}",
    ]


def refusal(club: ClubPage, value: str) -> list[str]:
    club.own_domain = value
    with pytest.raises(ValidationError) as raised:
        club.full_clean()
    return raised.value.message_dict.get("own_domain", [])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mein-Verein.DE", "mein-verein.de"),
        ("https://mein-verein.de/", "mein-verein.de"),
        ("mein-verein.de.", "mein-verein.de"),
        ("mein-verein.de:8080", "mein-verein.de"),
        ("http://user@mein-verein.de:80/pfad?x=1", "mein-verein.de"),
        ("Müller-Verein.de", "xn--mller-verein-dlb.de"),
        ("xn--mller-verein-dlb.de", "xn--mller-verein-dlb.de"),
        ("", ""),
    ],
)
def test_domains_are_stored_in_one_spelling(value, expected):
    assert normalise_domain(value) == expected
    club = ClubFactory()
    club.own_domain = value
    club.full_clean()
    assert club.own_domain == expected


def test_another_clubs_domain_is_refused_in_every_spelling():
    ClubFactory(own_domain="verein-a.example")
    attacker = ClubFactory()
    for spelling in spellings("verein-a.example"):
        assert TAKEN in refusal(attacker, spelling), spelling


@pytest.mark.parametrize(
    "host",
    [
        PLATFORM,
        f"admin.{PLATFORM}",
        f"a.b.{PLATFORM}",
        "intern.kreis-dueren.de",
        "www.intern.kreis-dueren.de",
        "localhost",
        "foo.localhost",
        "127.0.0.1",
        "10.1.2.3",
        "[::1]",
        "http://[2001:db8::1]/",
    ],
)
def test_platform_and_local_hosts_are_refused(host, club):
    for spelling in [host, host.upper(), f"https://{host}/", f"{host}."]:
        assert refusal(club, spelling), spelling


def test_wildcard_allowed_hosts_are_platform_hosts(settings):
    settings.ALLOWED_HOSTS = [".plattform.example"]
    club = ClubFactory()
    assert refusal(club, "plattform.example")
    assert refusal(club, "verein.plattform.example")


def test_the_agency_may_allow_subdomains_of_the_platform(settings):
    settings.OWN_DOMAIN_ALLOWED_PARENTS = [f"vereine.{PLATFORM}"]
    club = ClubFactory()
    club.own_domain = f"sonnenblume.vereine.{PLATFORM}"
    club.full_clean()
    assert refusal(club, f"admin.{PLATFORM}")


def test_a_domain_held_by_another_site_is_refused():
    Site.objects.create(hostname="portal-zwei.example", port=443, root_page_id=1)
    assert TAKEN in refusal(ClubFactory(), "portal-zwei.example")


def test_a_clubs_translations_share_its_domain():
    club = ClubFactory(own_domain="verein-a.example")
    translation = club.copy_for_translation(
        Locale.objects.get_or_create(language_code="tr")[0], copy_parents=True
    )
    translation.own_domain = "verein-a.example"
    translation.full_clean()


def test_the_admin_form_refuses_another_clubs_domain_in_german(client):
    ClubFactory(own_domain="verein-a.example")
    attacker = ClubFactory()
    url = reverse("wagtailadmin_pages:edit", args=[attacker.pk])
    client.force_login(attacker.editor)
    response = client.post(url, admin_form(attacker.editor, url, own_domain="VEREIN-A.example."))
    assert response.status_code == 200
    assert TAKEN in response.context["form"].errors["own_domain"]
    attacker.refresh_from_db()
    assert attacker.own_domain == ""


def test_one_clubs_change_never_touches_another_clubs_site():
    victim = ClubFactory(own_domain="verein-a.example")
    victim.save_revision().publish()
    victim_site = Site.objects.get(root_page=victim)
    attacker = ClubFactory(own_domain="verein-b.example")
    attacker.save_revision().publish()
    # A value that bypassed validation (save without clean) is still never served.
    ClubPage.objects.filter(pk=attacker.pk).update(own_domain="verein-a.example")
    attacker.refresh_from_db()
    sync_own_domain(attacker)
    assert Site.objects.get(pk=victim_site.pk).root_page_id == victim.pk
    assert not Site.objects.filter(root_page=attacker).exists()
    # Changing back, and removing the domain, leaves the victim's row alone.
    ClubPage.objects.filter(pk=attacker.pk).update(own_domain="")
    attacker.refresh_from_db()
    sync_own_domain(attacker)
    assert Site.objects.get(pk=victim_site.pk).root_page_id == victim.pk
    assert own_domains() == {"verein-a.example": victim.slug}


def test_a_clubs_domain_change_moves_its_own_site_row():
    club = ClubFactory(own_domain="verein-a.example")
    club.save_revision().publish()
    first = Site.objects.get(root_page=club)
    club.own_domain = "verein-b.example"
    club.save_revision().publish()
    assert list(Site.objects.filter(root_page=club).values_list("pk", "hostname")) == [
        (first.pk, "verein-b.example")
    ]


def test_a_platform_host_in_the_database_never_shadows_the_platform(client):
    club = ClubFactory()
    # As if written before validation existed, or straight into the database.
    Site.objects.create(hostname=PLATFORM, port=443, root_page=club, is_default_site=False)
    assert PLATFORM not in own_domains()
    response = client.get("/admin/login/", HTTP_HOST=PLATFORM)
    assert response.status_code == 200
    assert b"wagtail" in response.content.lower()
    assert client.get("/api/v1/clubs/", HTTP_HOST=PLATFORM).status_code == 200
