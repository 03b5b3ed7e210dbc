"""URL patterns of the events, calendar and news-feed endpoints, relative to /api/v1/."""

from django.urls import path

from cms.clubs.feeds import ClubNewsFeedView, NewsFeedView

from .api import EventListView
from .calendar import ClubEventCalendarView, EventCalendarView

urlpatterns = [
    path("events/", EventListView.as_view(), name="api-event-list"),
    path("events.ics", EventCalendarView.as_view(), name="api-event-calendar"),
    path(
        "clubs/<slug:slug>/events.ics",
        ClubEventCalendarView.as_view(),
        name="api-club-event-calendar",
    ),
    path("news.atom", NewsFeedView.as_view(), name="api-news-feed"),
    path("clubs/<slug:slug>/news.atom", ClubNewsFeedView.as_view(), name="api-club-news-feed"),
]
