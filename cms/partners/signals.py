"""Publishing a cooperation page brings its links up to date; publishing, unpublishing or
deleting a partner's page queues the rebuild of the clubs whose homepages show it; a new
translation of a partner's root page gets the tenant's rights like a club's."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms.tenancy.provisioning import sync_translation

from . import links
from .models import CooperationPage, PartnerPage


@receiver(post_save, sender=PartnerPage)
def grant_rights_on_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        sync_translation(instance)


def shown_cooperations(page):
    """The cooperations whose public view depends on ``page``."""
    return CooperationPage.objects.descendant_of(page, inclusive=True)


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    if isinstance(instance, CooperationPage):
        links.sync_links(instance)
    elif isinstance(instance, PartnerPage):
        links.queue_rebuilds(links.confirmed_club_slugs(shown_cooperations(instance)))


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, CooperationPage | PartnerPage):
        links.queue_rebuilds(links.confirmed_club_slugs(shown_cooperations(instance)))


@receiver(pre_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, CooperationPage | PartnerPage):
        links.queue_rebuilds(links.confirmed_club_slugs(shown_cooperations(instance)))
