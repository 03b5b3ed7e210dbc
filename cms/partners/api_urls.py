"""URL patterns of the partners endpoints, relative to /api/v1/."""

from django.urls import path

from .api import CooperationListView, NetworkView, PartnerDetailView, PartnerListView

urlpatterns = [
    path("partners/", PartnerListView.as_view(), name="api-partner-list"),
    path("partners/<slug:slug>/", PartnerDetailView.as_view(), name="api-partner-detail"),
    path("cooperations/", CooperationListView.as_view(), name="api-cooperation-list"),
    path("network/", NetworkView.as_view(), name="api-network"),
]
