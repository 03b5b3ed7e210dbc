from django.apps import AppConfig
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.core import privacy_registry


class TenancyConfig(AppConfig):
    name = "cms.tenancy"
    label = "tenancy"
    verbose_name = _("Mandanten und Anmeldungen")

    def ready(self):
        from . import signals  # noqa: F401
        from .models import Tenant

        def unpublished_tenants(public_pages):
            # An unpublished club's documents are nobody's business, linked or not.
            visible = public_pages.filter(tenant__isnull=False).values("pk")
            return Tenant.objects.exclude(root_page__in=visible).values_list(
                "collection__path", flat=True
            )

        privacy_registry.register_hidden_collections(unpublished_tenants)
        # A document its club marked "öffentlich" (DocumentRelease) needs no public link.
        privacy_registry.register_document_release(lambda: Q(release__public=True))
