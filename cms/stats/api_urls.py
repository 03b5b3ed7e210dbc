"""URL patterns of the statistics endpoints, relative to /api/v1/."""

from django.urls import path

from .api import StatsCsvView, StatsView

urlpatterns = [
    path("stats/", StatsView.as_view(), name="api-stats"),
    path("stats.csv", StatsCsvView.as_view(), name="api-stats-csv"),
]
