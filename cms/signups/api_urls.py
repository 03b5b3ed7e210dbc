"""URL patterns of the sign-up endpoints, relative to /api/v1/."""

from django.urls import path

from .api import EventSignupView, SignupListView

urlpatterns = [
    path("signups/", SignupListView.as_view(), name="api-signup-list"),
    path("events/<int:pk>/signup/", EventSignupView.as_view(), name="api-event-signup"),
]
