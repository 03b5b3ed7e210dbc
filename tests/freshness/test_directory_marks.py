"""The portal's directory shows when a profile was last confirmed and marks (without hiding)
a club that has not confirmed it for PROFILE_UNCONFIRMED_AFTER_DAYS."""

from cms.freshness.models import ProfileConfirmation
from plugins.directory import BASE
from tests.factories import ClubFactory
from tests.locales import LOCALES

from .test_stale_clubs import age


def test_unconfirmed_clubs_are_marked_not_hidden(db, build_portal_site, settings):
    settings.PROFILE_UNCONFIRMED_AFTER_DAYS = 365
    old = ClubFactory("Lange still e. V.")
    age(old, 500)
    confirmed = ClubFactory("Bestätigt e. V.")
    age(confirmed, 500)
    ProfileConfirmation.objects.create(club=confirmed)
    ClubFactory("Frisch bearbeitet e. V.")
    root = build_portal_site(locales=[LOCALES[0], LOCALES[3]])
    index = (root / "de" / BASE / "index.html").read_text()
    cards = index.split('<li class="card directory-card"')[1:]
    marked = {
        card.split("<bdi>")[1].split("</bdi>")[0]: "data-unconfirmed" in card for card in cards
    }
    assert marked == {
        "Bestätigt e. V.": False,
        "Frisch bearbeitet e. V.": False,
        "Lange still e. V.": True,
    }
    profile = (root / "de" / BASE / old.slug / "index.html").read_text()
    assert "Angaben bestätigt" in profile and "Angaben seit Langem nicht bestätigt" in profile
    arabic = (root / "ar" / BASE / confirmed.slug / "index.html").read_text()
    assert "تم تأكيد البيانات" in arabic and "data-unconfirmed" not in arabic
