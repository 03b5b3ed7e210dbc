from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.caching import invalidate_on_change


class RoomsConfig(AppConfig):
    name = "cms.rooms"
    label = "rooms"
    verbose_name = _("Räume")

    def ready(self):

        from .models import BlockedPeriod, Booking, OpeningHours, Room

        # Rooms, their availability and occupancy feeds are cached like every public read.
        invalidate_on_change(Room, Booking, OpeningHours, BlockedPeriod)
