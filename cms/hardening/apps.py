from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HardeningConfig(AppConfig):
    name = "cms.hardening"
    verbose_name = _("Sicherheit")

    def ready(self):
        from . import signals  # noqa: F401
