"""Selecting stale club profiles, the weekly reminder and the agency's report."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.clubs.models import ClubPage
from cms.freshness.selection import stale_clubs
from cms.freshness.tasks import remind_stale_clubs
from tests.factories import PASSWORD, ClubFactory


def age(club, days: int) -> None:
    """Pretend the club's page was last saved and published ``days`` ago."""
    then = timezone.now() - datetime.timedelta(days=days)
    ClubPage.objects.filter(translation_key=club.translation_key).update(
        latest_revision_created_at=then, last_published_at=then, first_published_at=then
    )


@pytest.fixture
def clubs(db, settings):
    settings.STALE_AFTER_DAYS = 90
    stale = ClubFactory("Alter Verein")
    age(stale, 200)
    borderline = ClubFactory("Knapp frischer Verein")
    age(borderline, 89)
    fresh = ClubFactory("Frischer Verein")
    draft = ClubFactory("Alter Entwurf", publish=False)
    age(draft, 400)
    no_editor = ClubFactory("Verein ohne Redaktion", contact_email="kontakt@ohne.example")
    no_editor.tenant.group.user_set.clear()
    age(no_editor, 100)
    return {"stale": stale, "borderline": borderline, "fresh": fresh, "no_editor": no_editor}


def test_selects_published_clubs_untouched_for_the_configured_days(clubs, settings):
    assert [club.title for club in stale_clubs()] == ["Alter Verein", "Verein ohne Redaktion"]
    settings.STALE_AFTER_DAYS = 30
    assert "Knapp frischer Verein" in [club.title for club in stale_clubs()]
    settings.STALE_AFTER_DAYS = 365
    assert list(stale_clubs()) == []


def test_a_new_draft_revision_counts_as_update(clubs):
    clubs["stale"].save_revision()
    assert "Alter Verein" not in [club.title for club in stale_clubs()]


def test_reminder_mails_editors_or_the_club_address(clubs):
    result = remind_stale_clubs.enqueue()
    assert result.return_value == {
        "sent": [clubs["stale"].slug, clubs["no_editor"].slug],
        "without_address": [],
    }
    assert len(mail.outbox) == 2
    first, second = mail.outbox
    assert first.to == [clubs["stale"].editor.email]
    assert "Alter Verein" in first.subject
    assert f"/admin/pages/{clubs['stale'].pk}/edit/" in first.body
    assert "90 Tagen" in first.body
    assert second.to == ["kontakt@ohne.example"]


def test_command_runs_the_task(clubs, capsys):
    call_command("remind_stale_clubs")
    assert "2 Erinnerungen verschickt" in capsys.readouterr().out
    assert len(mail.outbox) == 2


def test_agency_report_lists_stale_clubs(client, clubs, agency_user):
    client.login(username=agency_user.username, password=PASSWORD)
    response = client.get("/admin/stale-clubs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alter Verein" in html and "Verein ohne Redaktion" in html
    assert "Frischer Verein" not in html and "Alter Entwurf" not in html
    assert "Veraltete Vereinsprofile" in client.get("/admin/").content.decode()


def test_club_editor_cannot_see_the_report(client, clubs):
    client.login(username=clubs["fresh"].editor.username, password=PASSWORD)
    assert client.get("/admin/stale-clubs/").status_code == 302
    assert "Veraltete Vereinsprofile" not in client.get("/admin/").content.decode()
