"""URL patterns of the sign-up endpoints, relative to /api/v1/."""

from django.urls import path

from .api import EventSignupView

urlpatterns = [
    path("events/<int:pk>/signup/", EventSignupView.as_view(), name="api-event-signup"),
]
