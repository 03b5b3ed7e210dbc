from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Kern")

    def ready(self):
        from .caching import connect_invalidation

        connect_invalidation()
