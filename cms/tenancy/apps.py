from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "cms.tenancy"
    label = "tenancy"
    verbose_name = _("Mandanten und Anmeldungen")

    def ready(self):
        from . import signals  # noqa: F401
