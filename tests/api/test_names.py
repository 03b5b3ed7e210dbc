"""Reference data in the reader's language: country and language names from CLDR, focus
areas as translated in the taxonomy; the locale list itself."""

import pytest

from cms import locales
from tests.factories import ClubFactory

pytestmark = pytest.mark.django_db


def test_the_locale_list_is_the_platforms(client):
    answer = client.get("/api/v1/locales/").json()
    assert [item["code"] for item in answer] == locales.codes()
    arabic = next(item for item in answer if item["code"] == "ar")
    assert arabic == {
        "code": "ar",
        "name": "العربية",
        "direction": "rtl",
        "plural_forms": locales.get("ar").plural_forms,
        "review": "reviewed",
    }
    assert answer[0]["code"] == "de"


def test_club_names_countries_languages_and_focus_areas_in_the_readers_language(client):
    ClubFactory("Syrischer Kulturverein", countries=("SY",), languages=("ar",), focus=("Kultur",))
    german = client.get("/api/v1/clubs/").json()
    arabic = client.get("/api/v1/clubs/?locale=ar").json()
    club_de, club_ar = german["results"][0], arabic["results"][0]
    assert club_de["countries"][0]["name"] == "Syrien"
    assert club_ar["countries"][0]["name"] == "سوريا"
    assert club_de["languages"][0]["name"] == "Arabisch"
    assert club_ar["languages"][0]["name"] == "العربية"
    assert club_de["focus_areas"][0]["name"] == "Kultur"
    assert club_ar["focus_areas"][0]["name"] == "الثقافة"
    facets = {name: [item["label"] for item in items] for name, items in arabic["facets"].items()}
    assert facets["country"] == ["سوريا"]
    assert facets["language"] == ["العربية"]
    assert facets["focus"] == ["الثقافة"]
    assert german["facets"]["focus"][0]["label"] == "Kultur"


def test_registration_options_are_named_in_the_readers_language(client):
    options = client.get("/api/v1/registrations/options/?locale=fa").json()
    countries = {item["value"]: item["label"] for item in options["countries"]}
    focus = {item["value"]: item["label"] for item in options["focus_areas"]}
    languages = {item["value"]: item["label"] for item in options["languages"]}
    assert countries["AF"] == "افغانستان"
    assert focus["kultur"] == "فرهنگ"
    assert languages["ar"] == "عربی"


def test_an_unknown_locale_is_refused_not_guessed(client):
    assert client.get("/api/v1/clubs/?locale=xx").status_code == 400
