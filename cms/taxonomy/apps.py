from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core.caching import invalidate_on_change


class TaxonomyConfig(AppConfig):
    name = "cms.taxonomy"
    label = "taxonomy"
    verbose_name = _("Taxonomie")

    def ready(self):
        from .models import Country, FocusArea, Language, Municipality, UmbrellaOrganisation

        # The API shows every taxonomy entry (filters, facets, names).
        invalidate_on_change(Municipality, Country, Language, FocusArea, UmbrellaOrganisation)
