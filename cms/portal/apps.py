from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "cms.portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from cms.api.caching import invalidate_on_change
        from cms.rooms.models import Room

        # The café series on the portal home shows a room's name and address.
        invalidate_on_change(Room)
