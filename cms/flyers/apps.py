from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FlyersConfig(AppConfig):
    name = "cms.flyers"
    label = "flyers"
    verbose_name = _("Flyer")
