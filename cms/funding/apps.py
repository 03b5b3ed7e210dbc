from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.caching import invalidate_on_change


class FundingConfig(AppConfig):
    name = "cms.funding"
    label = "funding"
    verbose_name = _("Förderprogramme")

    def ready(self):

        from .models import FundingDeadline, FundingProgramme

        invalidate_on_change(FundingProgramme, FundingDeadline)
