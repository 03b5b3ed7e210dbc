import os
import secrets

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate, post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from cms.clubs.models import ClubPage

from .models import Tenant
from .platform import ensure_platform_setup
from .provisioning import apply_publishing_mode, sync_translation


@receiver(post_migrate)
def set_up_platform(sender, using="default", **kwargs):
    if sender.name != "cms.tenancy":
        return
    # Permissions of apps later in INSTALLED_APPS are created after this app's post_migrate.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure_platform_setup()


@receiver(post_save, sender=ClubPage)
def grant_rights_on_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_translation(instance)


@receiver(post_save, sender=Tenant)
def apply_tenant_publishing_mode(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        apply_publishing_mode(instance)


# Hex characters of the key in every new image's file name (80 bits).
FILE_KEY_BYTES = 10


@receiver(pre_save, sender=get_image_model())
def unguessable_image_name(sender, instance, raw=False, **kwargs):
    """Every new image file is stored as ``<name>-<random key>.<ext>``, and so are its
    renditions (Wagtail names them after the original): a rendition's URL cannot be guessed
    from a photo's title or file name. Photos without the depicted people's consent are never
    listed publicly (cms/core/privacy.py), so nobody learns their URLs. Runs before the metadata
    is stripped (cms/hardening/signals.py keeps the name). The name part is cut to 20
    characters so that Wagtail's own truncation of long paths never cuts the key."""
    upload = instance.file
    if raw or not upload or getattr(upload, "_committed", True):
        return
    stem, extension = os.path.splitext(os.path.basename(upload.name))
    upload.name = f"{stem[:20]}-{secrets.token_hex(FILE_KEY_BYTES)}{extension.lower()}"
