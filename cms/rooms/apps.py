from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "cms.rooms"
    label = "rooms"
    verbose_name = _("Räume")

    def ready(self):
        from cms.api.caching import invalidate_on_change

        from .models import BlockedPeriod, Booking, OpeningHours

        # Availability and occupancy feeds are cached like every public read.
        invalidate_on_change(Booking, OpeningHours, BlockedPeriod)
