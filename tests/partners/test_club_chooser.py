"""Partners choose the clubs of a cooperation from a sorted, searchable list of checkboxes
(issue 17, 13), not from an unsorted multi-select of some 70 names."""

import re

import pytest
from django.urls import reverse

from tests.factories import ClubFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_the_clubs_are_sorted_checkboxes_with_a_search_box(client):
    partner = PartnerFactory("THW Ortsverband Düren")
    for name in ("Zeytin e. V.", "Anadolu Kulturverein e. V.", "Ökumenischer Chor e. V."):
        ClubFactory(name)
    client.force_login(partner.editor)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=["partners", "cooperationpage", partner.pk])
    ).content.decode()

    chooser = html[html.index("data-vn-choose") :]
    assert '<input type="search" id="id_clubs-search"' in chooser
    assert '<label for="id_clubs-search">Namen suchen</label>' in chooser
    assert '<select name="clubs"' not in html
    names = re.findall(
        r'type="checkbox" name="clubs"[^>]*> <span dir="auto">([^<]+)</span>', chooser
    )
    assert names[:3] == ["Anadolu Kulturverein e. V.", "Ökumenischer Chor e. V.", "Zeytin e. V."]
    assert "clubs/searchable-checkboxes.js" in html
