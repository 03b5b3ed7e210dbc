from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """An app (without models) so that Django finds the open-data index's catalogue."""

    name = "cms.opendata"
    label = "opendata"
