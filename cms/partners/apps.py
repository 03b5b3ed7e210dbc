from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "cms.partners"
    label = "partners"
    verbose_name = _("Partnerorganisationen und Kooperationen")

    def ready(self):
        from cms.api.caching import invalidate_on_change

        from . import signals  # noqa: F401
        from .models import CooperationLink, Mentoring

        invalidate_on_change(CooperationLink, Mentoring)
