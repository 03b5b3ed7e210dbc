"""URL patterns of the rooms and bookings endpoints, relative to /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .api import BookingViewSet, RoomViewSet
from .calendar import OccupancyCalendarView

router = SimpleRouter(trailing_slash=True)
router.register("rooms", RoomViewSet, basename="api-room")
router.register("bookings", BookingViewSet, basename="api-booking")

urlpatterns = [
    path("rooms/<int:pk>/occupancy.ics", OccupancyCalendarView.as_view(), name="api-room-ics"),
    *router.urls,
]
