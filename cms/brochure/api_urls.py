"""URL pattern of the brochure, relative to /api/v1/."""

from django.urls import path

from .api import BrochureView

urlpatterns = [path("brochure.pdf", BrochureView.as_view(), name="api-brochure")]
