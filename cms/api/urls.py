"""The API's table of contents: the domain API under /api/v1/, Wagtail's v2 under /api/v2/."""

from django.urls import include, path, re_path

from . import errors

v1_patterns = [
    path("", include("cms.events.api_urls")),
]

urlpatterns = [
    path("v1/", include(v1_patterns)),
    re_path(r"^.*$", errors.not_found),
]
