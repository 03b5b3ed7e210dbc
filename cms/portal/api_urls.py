"""URL patterns of the portal endpoints, relative to /api/v1/."""

from django.urls import path

from .agency_events import AgencyEventsView
from .api import PortalHomeView, PortalPageView
from .feedback import FeedbackView
from .options import RegistrationOptionsView
from .registrations import RegistrationView

urlpatterns = [
    path("portal/", PortalHomeView.as_view(), name="api-portal-home"),
    path("portal/events/", AgencyEventsView.as_view(), name="api-portal-events"),
    path("portal/pages/<slug:key>/", PortalPageView.as_view(), name="api-portal-page"),
    path(
        "registrations/options/",
        RegistrationOptionsView.as_view(),
        name="api-registration-options",
    ),
    path("registrations/", RegistrationView.as_view(), name="api-registration-create"),
    path("feedback/", FeedbackView.as_view(), name="api-feedback-create"),
]
