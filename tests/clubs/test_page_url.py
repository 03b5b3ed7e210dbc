"""``v2_page_url`` builds Wagtail's page detail URL around the id without ``reverse`` per item,
and gives exactly what ``reverse`` gives, under any script prefix."""

import pytest
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix

from cms.clubs.serializers import v2_page_url


class Page:
    def __init__(self, pk):
        self.pk = pk


@pytest.mark.parametrize("prefix", ["/", "/vereinsnetz/"])
@pytest.mark.parametrize("pk", [1, 7, 4611686018427387911, 123456])
def test_the_url_is_what_reverse_gives(prefix, pk):
    request = RequestFactory().get("/api/v1/news/")
    set_script_prefix(prefix)
    try:
        expected = request.build_absolute_uri(reverse("wagtailapi:pages:detail", args=(pk,)))
        assert v2_page_url(request, Page(pk)) == expected
        assert expected.startswith(f"http://testserver{prefix}")
    finally:
        set_script_prefix("/")
