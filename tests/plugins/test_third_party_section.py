"""A section plugin from another distribution (tests/plugin_fixtures/vn_section_example) is
offered to a club's editor as soon as it is installed, is chosen through the real admin edit
form, and appears on the built homepage in every locale, named by its own catalogue — with
no change to the CMS or the engine."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from sites.engine.plugins import discover
from tests import plugin_fixtures
from tests.factories import ClubFactory
from tests.plugins.helpers import main_of, translate
from tests.tenancy.admin_forms import admin_form

SECTION = "homepage_sections"


@pytest.fixture(scope="module")
def chronik():
    with plugin_fixtures.installed():
        yield discover().get("chronik")


def section_options(html: str) -> dict[str, str]:
    """The choices of the section select in the form's template for a new row."""
    name = f"{SECTION}-__prefix__-section"
    start = html.index(f'<select name="{name}"')
    select = BeautifulSoup(html[start : html.index("</select>", start) + 9], "html.parser")
    return {option["value"]: option.get_text(strip=True) for option in select.find_all("option")}


def with_sections(data: dict, *names: str) -> dict:
    """The edit form's data with the homepage sections replaced by ``names`` (new rows)."""
    data = {key: value for key, value in data.items() if not key.startswith(f"{SECTION}-")}
    data.update(
        {
            f"{SECTION}-TOTAL_FORMS": str(len(names)),
            f"{SECTION}-INITIAL_FORMS": "0",
            f"{SECTION}-MIN_NUM_FORMS": "0",
            f"{SECTION}-MAX_NUM_FORMS": "1000",
        }
    )
    for index, name in enumerate(names):
        data.update(
            {
                f"{SECTION}-{index}-section": name,
                f"{SECTION}-{index}-id": "",
                f"{SECTION}-{index}-ORDER": str(index + 1),
            }
        )
    return data


def test_the_registry_lists_it_as_a_club_section_named_by_its_catalogue(chronik):
    assert chronik is not None and chronik.section
    registry = discover()
    assert "chronik" in {plugin.name for plugin in registry.sections("club")}
    assert "chronik" not in {plugin.name for plugin in registry.sections("portal")}
    assert (chronik.label_in("de"), chronik.label_in("en"), chronik.label_in("ar")) == (
        "Vereinschronik",
        "Club history",
        "تاريخ الجمعية",
    )
    # The project's own sections are offered too; pages without a home block (legal) and
    # themes are not.
    names = {plugin.name for plugin in registry.sections("club")}
    assert {"about", "news", "events", "contact"} <= names
    assert not names & {"legal", "theme_default", "club_home"}


@pytest.mark.django_db
def test_a_club_editor_chooses_it_and_the_homepage_shows_it(
    chronik, client, build_club_site, django_capture_on_commit_callbacks
):
    club = ClubFactory("Chronikverein e. V.", founding_year=1987)
    club.tenant.direct_publishing = True
    club.tenant.save()
    translate(club, "ar")
    url = reverse("wagtailadmin_pages:edit", args=[club.pk])
    client.force_login(club.editor)

    page = client.get(url).content.decode()
    # A new row offers the installed sections, this one among them.
    options = section_options(page)
    assert options["chronik"] == "Vereinschronik"
    assert options["news"] == "Neuigkeiten"

    data = with_sections(admin_form(club.editor, url), "about", "chronik")
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    club.refresh_from_db()
    assert [s.section for s in club.homepage_sections.all()] == ["about", "chronik"]

    site = build_club_site(club)
    german = main_of((site / "de" / "index.html").read_text())
    assert "Vereinschronik" in german and "Gegründet im Jahr 1987." in german
    assert german.index("section-about") < german.index("section-chronik")
    arabic = main_of((site / "ar" / "index.html").read_text())
    assert "تاريخ الجمعية" in arabic and "تأسست عام 1987." in arabic


@pytest.mark.django_db
def test_a_section_that_is_not_installed_is_refused(chronik, client):
    club = ClubFactory("Ohne Chronik e. V.")
    url = reverse("wagtailadmin_pages:edit", args=[club.pk])
    client.force_login(club.editor)
    response = client.post(url, with_sections(admin_form(club.editor, url), "gibt_es_nicht"))
    assert response.status_code == 200
    formset = response.context["form"].formsets[SECTION]
    assert formset.errors[0]["section"] == ["Diesen Abschnitt gibt es nicht."]
