"""URL patterns of the flyers, relative to /api/v1/."""

from django.urls import path

from cms.core import converters  # noqa: F401 - registers <id:…>

from .api import ClubFlyerView, EventFlyerView

urlpatterns = [
    path("events/<id:pk>/flyer.pdf", EventFlyerView.as_view(), name="api-event-flyer"),
    path("clubs/<slug:slug>/flyer.pdf", ClubFlyerView.as_view(), name="api-club-flyer"),
]
