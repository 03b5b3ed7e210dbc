"""The portal's funding page: programmes with amounts, eligibility, deadlines and documents,
and the deadline calendar written into the site."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from cms.funding.models import Recurrence
from plugins.funding import plugin
from tests.factories import funding_programme
from tests.plugins.helpers import main_of
from tests.plugins.portal_site import render_portal


@pytest.fixture
def programmes(db):
    soon = timezone.localdate() + datetime.timedelta(days=20)
    funding_programme(
        "MSO-Starthilfe",
        min_amount=1000,
        max_amount=5000,
        max_club_age_years=3,
        focus=["Bildung"],
        required_documents="Satzung\nFinanzplan",
        contact_email="foerderung@example.org",
        link="https://foerderung.example/starthilfe",
        deadlines=[(soon, Recurrence.ONCE)],
    )
    funding_programme("Heimatfonds Jülich", municipalities=["Jülich"])
    funding_programme("Abgeschaltet", active=False)
    return soon


def test_page_lists_open_programmes(programmes):
    files, errors = render_portal([plugin], locales=("de", "uk"))
    assert errors == {}
    main = main_of(files["de/foerderprogramme/index.html"].decode())
    assert "MSO-Starthilfe" in main and "Heimatfonds Jülich" in main
    assert "Abgeschaltet" not in main
    assert "1.000 bis 5.000 €" in main
    assert "Verein höchstens 3 Jahre alt" in main
    assert "Schwerpunkte: Bildung" in main
    assert "<li>Satzung</li>" in main
    assert f'<time datetime="{programmes.isoformat()}">' in main
    assert "Laufend, ohne Frist" in main
    assert 'href="../../foerderfristen.ics"' in main
    ukrainian = main_of(files["uk/foerderprogramme/index.html"].decode())
    assert "від 1 000 до 5 000 €" in ukrainian.replace("\xa0", " ")


def test_calendar_is_written_into_the_site(programmes):
    files, _errors = render_portal([plugin], locales=("de",))
    calendar = Calendar.from_ical(files["foerderfristen.ics"])
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")] == [
        "Antragsfrist: MSO-Starthilfe"
    ]


def test_no_programmes(db):
    files, _errors = render_portal([plugin], locales=("ar",))
    html = files["ar/foerderprogramme/index.html"].decode()
    assert "لا يوجد حالياً برنامج مفتوح." in html and 'dir="rtl"' in html
