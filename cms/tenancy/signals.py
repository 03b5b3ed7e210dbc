from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

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
