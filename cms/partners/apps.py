from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core import privacy_registry
from cms.core.caching import invalidate_on_change


class PartnersConfig(AppConfig):
    name = "cms.partners"
    label = "partners"
    verbose_name = _("Partnerorganisationen und Kooperationen")

    def ready(self):

        from . import signals  # noqa: F401
        from .models import CooperationLink, CooperationPage, Mentoring
        from .privacy import unconfirmed_cooperations

        invalidate_on_change(CooperationLink, Mentoring)
        privacy_registry.register_page_exclusion(unconfirmed_cooperations, CooperationPage)
