from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    name = "cms.signups"
    label = "signups"
    verbose_name = _("Anmeldungen zu Veranstaltungen")
