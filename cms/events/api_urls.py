"""URL patterns of the events, calendar and feed endpoints, relative to /api/v1/."""

urlpatterns = []
