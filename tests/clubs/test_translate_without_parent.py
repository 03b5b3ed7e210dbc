"""„Übersetzen“ of a page whose parent has no translation (issue 15, item 12): a German message
in the form, no 500, nothing created."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.clubs.models import ContentPage
from tests.factories import ClubFactory, add_child

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("which", ["club", "content page"])
def test_translating_below_an_untranslated_parent_is_explained(client, agency_user, which):
    turkish = Locale.objects.get_or_create(language_code="tr")[0]
    club = ClubFactory()
    page = club
    if which == "content page":
        page = add_child(club, ContentPage(title="Über uns", slug="ueber-uns"))
    pages = Page.objects.count()
    client.force_login(agency_user)
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [turkish.pk]}, follow=True)
    assert response.status_code == 200
    text = response.content.decode()
    assert "kann noch nicht übersetzt werden" in text
    assert page.get_parent().title in text
    assert Page.objects.count() == pages
