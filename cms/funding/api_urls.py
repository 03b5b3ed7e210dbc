"""URL patterns of the funding endpoints, relative to /api/v1/."""

from django.urls import path

from .api import FundingProgrammeListView
from .calendar import FundingCalendarView

urlpatterns = [
    path("funding-programmes/", FundingProgrammeListView.as_view(), name="api-funding-programmes"),
    path("funding-programmes.ics", FundingCalendarView.as_view(), name="api-funding-calendar"),
]
