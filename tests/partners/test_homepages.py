"""A cooperation reaches a club's homepage only after the club confirms it: the confirmation
queues the rebuild, and the built site shows it; pending and declined ones never appear."""

import pytest
from django.urls import reverse

from cms.partners.models import CooperationLink
from tests.factories import ClubFactory, PartnerFactory, confirm, cooperation
from tests.plugins.helpers import main_of

pytestmark = pytest.mark.django_db


def test_confirming_in_the_admin_rebuilds_the_homepage_with_the_cooperation(
    client, settings, build_club_site, django_capture_on_commit_callbacks
):
    partner = PartnerFactory("THW Ortsverband Düren", website="https://thw.example.org/")
    club = ClubFactory("Anadolu Kulturverein e. V.")
    page = cooperation(partner, [club], title="Gemeinsame Übung", kind="exercise")
    declined = cooperation(partner, [club], title="Abgelehnter Kurs")
    confirm(declined, club, "declined")
    cooperation(partner, [club], title="Noch offener Kurs")
    root = build_club_site(club)
    assert not (root / "de/kooperationen").exists()

    settings.HOMEPAGE_AUTO_REBUILD = True
    client.force_login(club.editor)
    link = CooperationLink.objects.get(cooperation=page)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cooperations:decide_link", args=[link.pk, "bestaetigen"]))
    assert response.status_code == 302

    live = settings.SITE_BUILD_DIR / "vereine" / club.slug / "current"
    listing = main_of((live / "de/kooperationen/index.html").read_text())
    assert '<h2 dir="auto">Gemeinsame Übung</h2>' in listing
    assert "<bdi>THW Ortsverband Düren</bdi>" in listing
    assert '<dd dir="auto">Übung</dd>' in listing
    assert 'href="https://thw.example.org/"' in listing
    home = (live / "de/index.html").read_text()
    assert 'aria-labelledby="section-cooperations"' in home
    for built in live.rglob("*.html"):
        text = built.read_text()
        assert "Abgelehnter Kurs" not in text and "Noch offener Kurs" not in text


def test_declining_later_takes_it_off_the_homepage(settings, build_club_site):
    partner, club = PartnerFactory(), ClubFactory()
    page = cooperation(partner, [club], title="Erste Hilfe")
    confirm(page, club)
    assert (build_club_site(club) / "de/kooperationen/index.html").is_file()
    confirm(page, club, "declined")
    assert not (build_club_site(club) / "de/kooperationen").exists()
