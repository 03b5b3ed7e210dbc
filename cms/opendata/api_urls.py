"""URL patterns of the open data, relative to /api/v1/."""

from django.urls import path

from .api import ClubsCsvView, HsdsOrganizationsCsvView, HsdsOrganizationsView, OpenDataIndexView

urlpatterns = [
    path("open-data/", OpenDataIndexView.as_view(), name="api-open-data"),
    path(
        "open-data/hsds/organizations.json",
        HsdsOrganizationsView.as_view(),
        name="api-open-data-hsds-json",
    ),
    path(
        "open-data/hsds/organizations.csv",
        HsdsOrganizationsCsvView.as_view(),
        name="api-open-data-hsds-csv",
    ),
    path("open-data/vereine.csv", ClubsCsvView.as_view(), name="api-open-data-csv"),
]
