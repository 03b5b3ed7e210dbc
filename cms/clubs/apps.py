from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.core import privacy_registry


class ClubsConfig(AppConfig):
    name = "cms.clubs"
    label = "clubs"
    verbose_name = _("Vereine")

    def ready(self):
        from .models import GalleryImage
        from .privacy import GALLERY_RELATION

        def consented_gallery_images(public_pages):
            # A gallery picture is public only with the depicted people's consent.
            return GalleryImage.objects.filter(photo_consent=True, page__in=public_pages).values(
                "image_id"
            )

        privacy_registry.register_consented_images(GALLERY_RELATION, consented_gallery_images)
