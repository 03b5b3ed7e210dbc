"""The demo plan on its own: deterministic, varied and valid, without touching the database."""

import datetime
import re
from collections import Counter

import pytest

from cms.clubs.colours import MIN_TEXT_CONTRAST, WHITE, contrast_ratio
from cms.demo import data
from cms.demo.plan import SHORT_DESCRIPTION_MAX, build_plan
from cms.events.models import validate_rrule
from cms.taxonomy.loaders import read

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def plan():
    return build_plan(TODAY)


def test_the_plan_is_deterministic(plan):
    assert build_plan(TODAY) == plan


def test_72_clubs_with_unique_names_and_slugs(plan):
    assert len(plan) == 72
    assert len({club.name for club in plan}) == 72
    assert len({club.slug for club in plan}) == 72
    for club in plan:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", club.slug)
        assert len(club.slug) <= 50  # a DNS label in the editor's e-mail address


def test_every_municipality_has_clubs_and_the_towns_most(plan):
    counts = Counter(club.municipality for club in plan)
    assert set(counts) == set(data.MUNICIPALITY_WEIGHTS)
    assert counts.most_common(2) == [("Düren", 20), ("Jülich", 9)]


def test_origins_and_languages_are_varied(plan):
    countries = {code for club in plan for code in club.countries}
    assert len(countries) >= 30
    assert {"TR", "PL", "RO", "SY", "IQ", "ER", "RU", "UA", "LK", "SO", "BD", "AF", "XK"} <= (
        countries
    )
    languages = {tag for club in plan for tag in club.languages}
    assert {"ar", "fa", "ckb", "ps"} <= languages
    known = {item["tag"] for item in read("languages.json")}
    known_countries = {item["code"] for item in read("countries.json")}
    assert languages <= known
    assert countries <= known_countries


def test_profiles_respect_the_model_rules(plan):
    years = [club.founding_year for club in plan]
    assert min(years) >= 1965
    assert max(years) == TODAY.year  # some are brand new
    register_numbers = [club.register_number for club in plan if club.register_number]
    assert len(register_numbers) == len(set(register_numbers))
    for club in plan:
        assert len(club.short_description) <= SHORT_DESCRIPTION_MAX
        assert bool(club.register_number) == (club.legal_form == "ev")
        for colour in (club.primary_colour, club.accent_colour):
            assert contrast_ratio(colour, WHITE) >= MIN_TEXT_CONTRAST
        assert sum(club.board) >= 3
    assert Counter(club.legal_form for club in plan).most_common(1)[0][0] == "ev"
    consents = [club.contact_consent for club in plan]
    assert any(consents) and not all(consents)
    assert sum(bool(club.plain_summary) for club in plan) >= 10


def test_events_are_past_upcoming_and_recurring(plan):
    events = [event for club in plan for event in club.events]
    now = datetime.datetime.combine(TODAY, datetime.time(), tzinfo=datetime.UTC)
    assert any(event.start < now for event in events)
    assert any(event.start > now for event in events)
    recurring = [event for event in events if event.recurrence]
    assert recurring
    for event in recurring:
        validate_rrule(event.recurrence)
    assert any(event.room for event in events)


def test_projects_name_partner_clubs_that_exist(plan):
    slugs = {club.slug for club in plan}
    projects = [project for club in plan for project in club.projects]
    assert any(project.partner_slugs for project in projects)
    for project in projects:
        assert set(project.partner_slugs) <= slugs


def test_a_few_deliberate_drafts(plan):
    drafts = [club for club in plan if club.draft]
    assert 1 <= len(drafts) <= 5
    assert any(not news.published for club in plan for news in club.news)
