from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrochureConfig(AppConfig):
    name = "cms.brochure"
    label = "brochure"
    verbose_name = _("Broschüre")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
