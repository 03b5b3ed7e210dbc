"""URL patterns of the sign-up endpoints, relative to /api/v1/."""

from django.urls import path

from cms.core import converters  # noqa: F401 - registers <id:…>

from .api import EventSignupView, SignupListView

urlpatterns = [
    path("signups/", SignupListView.as_view(), name="api-signup-list"),
    path("events/<id:pk>/signup/", EventSignupView.as_view(), name="api-event-signup"),
]
