"""Eligibility matching: each criterion alone, the reasons reported, and deadline dates."""

import datetime
import types

import pytest
from django.utils import translation

from cms.clubs.models import LegalForm
from cms.funding import matching
from cms.funding.models import FundingDeadline, Recurrence
from tests.factories import funding_programme

TODAY = datetime.date(2026, 11, 24)


def profile(**overrides):
    values = {
        "legal_form": LegalForm.EV,
        "founding_year": 2015,
        "municipality_id": None,
        "municipality_name": "Düren",
        "focus": {},
    }
    values.update(overrides)
    return matching.ClubProfile(**values)


def reason_for(programme, club, criterion):
    found = matching.reasons(programme, club, TODAY)
    assert [reason.criterion for reason in found] == list(matching.CRITERIA)
    return next(reason for reason in found if reason.criterion == criterion)


@pytest.fixture
def places(db):
    from cms.taxonomy.models import FocusArea, Municipality

    return types.SimpleNamespace(
        dueren=Municipality.objects.get(name="Düren"),
        jülich=Municipality.objects.get(name="Jülich"),
        culture=FocusArea.objects.get(name="Kultur"),
        education=FocusArea.objects.get(name="Bildung"),
    )


def test_unrestricted_programme_matches_every_club(db):
    programme = funding_programme()
    found = matching.reasons(programme, profile(founding_year=None), TODAY)
    assert matching.is_eligible(found)
    assert all(reason.detail for reason in found)


def test_legal_form(db):
    programme = funding_programme(legal_forms=[LegalForm.EV, LegalForm.GGMBH])
    met = reason_for(programme, profile(legal_form=LegalForm.EV), "legal_form")
    assert met.met and "eingetragener Verein" in met.detail
    unmet = reason_for(programme, profile(legal_form=LegalForm.INITIATIVE), "legal_form")
    assert not unmet.met
    assert "Initiative ohne Rechtsform" in unmet.detail and "gGmbH" in unmet.detail


@pytest.mark.parametrize(
    ("founding_year", "minimum", "maximum", "met"),
    [
        (2023, 3, None, True),  # 3 years old in 2026
        (2024, 3, None, False),
        (2024, None, 3, True),
        (2022, None, 3, False),  # 4 years
        (2020, 2, 6, True),
        (2019, 2, 6, False),
        (None, 2, None, False),
    ],
)
def test_club_age(db, founding_year, minimum, maximum, met):
    programme = funding_programme(min_club_age_years=minimum, max_club_age_years=maximum)
    reason = reason_for(programme, profile(founding_year=founding_year), "club_age")
    assert reason.met is met
    if founding_year is not None:
        assert str(founding_year) in reason.detail
    else:
        assert "Gründungsjahr" in reason.detail


@pytest.mark.parametrize(
    ("founding_year", "language", "expected"),
    [
        (2025, "de", "also 1 Jahr alt"),
        (2024, "de", "also 2 Jahre alt"),
        (2025, "ru", "1 год"),
        (2024, "ru", "2 года"),
        (2021, "ru", "5 лет"),
    ],
)
def test_club_age_counts_years_in_the_language(db, founding_year, language, expected):
    """The age is a plural (ngettext): "1 Jahr", "2 Jahre"; Russian has three forms."""
    programme = funding_programme(min_club_age_years=10)
    with translation.override(language):
        reason = reason_for(programme, profile(founding_year=founding_year), "club_age")
    assert expected in reason.detail


def test_focus(places):
    programme = funding_programme(focus=["Bildung"])
    reason = reason_for(
        programme,
        profile(focus={places.culture.pk: "Kultur", places.education.pk: "Bildung"}),
        "focus",
    )
    assert reason.met and "Bildung" in reason.detail
    reason = reason_for(programme, profile(focus={places.culture.pk: "Kultur"}), "focus")
    assert not reason.met and "Bildung" in reason.detail


def test_municipality(places):
    programme = funding_programme(municipalities=["Jülich"])
    assert reason_for(
        programme,
        profile(municipality_id=places.jülich.pk, municipality_name="Jülich"),
        "municipality",
    ).met
    reason = reason_for(programme, profile(municipality_id=places.dueren.pk), "municipality")
    assert not reason.met and "Jülich" in reason.detail


def test_matching_programmes_keeps_only_eligible_with_reasons(db):
    from tests.factories import ClubFactory

    club = ClubFactory(founding_year=2024, focus=("Bildung",), municipality_name="Jülich")
    fits = funding_programme("Starthilfe", max_club_age_years=3, focus=["Bildung"])
    funding_programme("Nur Düren", municipalities=["Düren"])
    funding_programme("Nur etablierte", min_club_age_years=5)
    matches = matching.matching_programmes(
        [fits, *fits.__class__.objects.exclude(pk=fits.pk)], club, TODAY
    )
    assert [programme.title for programme, _found in matches] == ["Starthilfe"]
    assert all(reason.met for reason in matches[0][1])


@pytest.mark.parametrize(
    ("date", "recurrence", "expected"),
    [
        (datetime.date(2026, 12, 1), Recurrence.ONCE, datetime.date(2026, 12, 1)),
        (datetime.date(2026, 11, 24), Recurrence.ONCE, datetime.date(2026, 11, 24)),
        (datetime.date(2026, 11, 23), Recurrence.ONCE, None),
        (datetime.date(2024, 3, 31), Recurrence.YEARLY, datetime.date(2027, 3, 31)),
        (datetime.date(2024, 12, 15), Recurrence.YEARLY, datetime.date(2026, 12, 15)),
        (datetime.date(2024, 2, 29), Recurrence.YEARLY, datetime.date(2027, 2, 28)),
        (datetime.date(2027, 6, 1), Recurrence.YEARLY, datetime.date(2027, 6, 1)),
    ],
)
def test_next_occurrence(date, recurrence, expected):
    assert FundingDeadline(date=date, recurrence=recurrence).next_occurrence(TODAY) == expected
