"""The agency's tenant list says which languages each club's homepage is published in, and
filters by one (issue 18: the agency sees which clubs have which languages)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import ClubFactory
from tests.plugins.helpers import translate

pytestmark = pytest.mark.django_db


def rows(html: str) -> dict[str, str]:
    """Tenant name → the row's text, from the listing's table."""
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
        for name in ("Verein Yasmin", "Verein Lale", "Verein Ohne"):
            if name in text:
                found[name] = text
    return found


def test_the_tenant_list_names_and_filters_the_homepage_languages(
    client, agency_user, django_assert_max_num_queries
):
    yasmin = ClubFactory("Verein Yasmin")
    lale = ClubFactory("Verein Lale")
    ClubFactory("Verein Ohne")
    translate(yasmin, "ar", short_description="نحن جمعية في دورن.")
    translate(yasmin, "fa")
    translate(lale, "tr")
    draft = lale.copy_for_translation(Locale.objects.get(language_code="uk"), copy_parents=True)
    assert not draft.live  # an unpublished translation is no language of the homepage yet

    client.force_login(agency_user)
    url = reverse("tenants:index")
    html = client.get(url).content.decode()
    listed = rows(html)
    assert "Sprachen der Homepage" in html
    assert "Deutsch, Arabisch, Persisch" in listed["Verein Yasmin"]
    assert "Deutsch, Türkisch" in listed["Verein Lale"]
    assert "Ukrainisch" not in listed["Verein Lale"]
    assert "Arabisch" not in listed["Verein Ohne"]

    arabic = client.get(url, {"homepage_language": "ar"}).content.decode()
    assert set(rows(arabic)) == {"Verein Yasmin"}
    assert client.get(url, {"homepage_language": "xx"}).status_code == 200

    # the languages of a whole page of tenants are looked up at once, however many there are
    def language_queries() -> int:
        with django_assert_max_num_queries(500) as counted:
            client.get(url)
        return sum("translation_key" in query["sql"] for query in counted.captured_queries)

    few = language_queries()
    for number in range(5):
        translate(ClubFactory(f"Weiterer Verein {number}"), "uk")
    assert language_queries() == few
