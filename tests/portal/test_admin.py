"""The agency edits the portal home's sections and the portal pages in the admin."""

import pytest
from django.test import Client

from cms.portal.models import PortalPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(agency_user):
    client = Client()
    client.force_login(agency_user)
    return client


def test_home_and_portal_page_editors_open(agency, home):
    response = agency.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    # Block labels sit in JSON with non-ASCII letters escaped.
    for label in ("Vereine im Portr", "chste Veranstaltungen", "Abende im Caf", "Mitmachen"):
        assert label in html
    impressum = PortalPage.objects.get(page_role="impressum")
    assert agency.get(f"/admin/pages/{impressum.pk}/edit/").status_code == 200


def test_portal_pages_may_be_added_under_the_home(agency, home):
    response = agency.get(f"/admin/pages/add/portal/portalpage/{home.pk}/")
    assert response.status_code == 200
