"""Every v2 field that nests pages goes through the privacy layer (#15 item 6).

The nesting fields are enumerated from every page type's ``api_fields`` (relations to page
models without a serializer of their own: Wagtail nests the related page with all its API
fields). Each needs a scenario in ``SCENARIOS``; a new one fails
``test_every_nesting_field_has_a_scenario`` until it has one.
"""

import pytest
from wagtail.models import Page, get_page_models

from cms.clubs.models import ProjectPage
from tests.factories import ClubFactory, PartnerFactory, add_child

SECRET = "geheim"


def nesting_fields() -> list[tuple[str, str]]:
    found = []
    for model in get_page_models():
        for api_field in getattr(model, "api_fields", []):
            name = getattr(api_field, "name", api_field)
            if getattr(api_field, "serializer", None) is not None:
                continue
            try:
                field = model._meta.get_field(name)
            except Exception:  # noqa: BLE001 - properties and methods nest nothing
                continue
            if field.is_relation and issubclass(field.related_model, Page):
                found.append((model._meta.label, name))
    return sorted(found)


def hidden_club():
    club = ClubFactory(
        f"{SECRET}er Verein e. V.",
        street=f"{SECRET}straße 1",
        postal_code="52349",
        city="Düren",
        publish_address=True,
        contact_name=f"{SECRET} Person",
        contact_email="geheim@example.org",
        contact_phone="02421 999999",
        contact_consent=True,
    )
    return club


def unpublish(page):
    page.unpublish()
    return page


def project_with(field: str, visible, hidden):
    host = ClubFactory("Gastgeber e. V.")
    project = add_child(host, ProjectPage(title="Gemeinsames Projekt", slug="projekt"))
    getattr(project, field).set([visible, hidden])
    project.save_revision().publish()
    return project


SCENARIOS = {
    # A joint project naming a published and a (since) unpublished club.
    ("clubs.ProjectPage", "partner_clubs"): lambda: project_with(
        "partner_clubs", ClubFactory("Offener Verein e. V."), hidden_club()
    ),
    # … and a published and an unpublished partner organisation.
    ("clubs.ProjectPage", "partner_organisations"): lambda: project_with(
        "partner_organisations",
        PartnerFactory("Offener Partner"),
        PartnerFactory(f"{SECRET}er Partner", website="https://geheim.example.org/"),
    ),
}
UNPUBLISH_LATER = {"partner_clubs", "partner_organisations"}


def test_every_nesting_field_has_a_scenario():
    assert nesting_fields() == sorted(SCENARIOS)


@pytest.mark.parametrize(("label", "field"), sorted(SCENARIOS))
def test_nested_pages_are_public_pages_only(label, field, client, db):
    page = SCENARIOS[(label, field)]()
    related = list(getattr(page, field).all())
    unpublish(next(item for item in related if SECRET in item.title.lower()))
    urls = [
        f"/api/v2/pages/{page.pk}/?fields={field}(*)",
        f"/api/v2/pages/{page.pk}/?fields=*,{field}(*)",
        f"/api/v2/pages/{page.pk}/",
        f"/api/v2/pages/?type={label}&fields={field}(*)",
        f"/api/v2/pages/?type={label}&fields={field}(title)",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode().lower()
        assert SECRET not in body, url
        assert "offen" in body, url  # the published one is still nested
