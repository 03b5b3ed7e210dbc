from django.apps import AppConfig


class HelpConfig(AppConfig):
    name = "cms.help"
    label = "vereinsnetz_help"
    verbose_name = "Hilfe"
