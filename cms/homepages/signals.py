"""Publishing, unpublishing, moving or deleting any page of a club queues a rebuild of that
club's homepage."""

from django.conf import settings
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.clubs.models import ClubPage

from .builds import queue_club_rebuild
from .domains import sync_own_domain


def club_slug_of(page) -> str | None:
    club = ClubPage.objects.ancestor_of(page, inclusive=True).only("slug").first()
    return club.slug if club else None


def rebuild_for(page) -> None:
    if not getattr(settings, "HOMEPAGE_AUTO_REBUILD", True):
        return
    slug = club_slug_of(page)
    if slug:
        queue_club_rebuild(slug)


@receiver(page_published)
@receiver(page_unpublished)
def rebuild_on_publication_change(sender, instance, **kwargs):
    if isinstance(instance, ClubPage):
        sync_own_domain(instance)
    rebuild_for(instance)


@receiver(post_page_move)
def rebuild_on_move(sender, instance, **kwargs):
    rebuild_for(instance)


@receiver(post_delete, sender=Page)
def rebuild_on_delete(sender, instance, **kwargs):
    # The deleted page is gone from the tree; its former club is found by path prefix.
    if not getattr(settings, "HOMEPAGE_AUTO_REBUILD", True):
        return
    club = (
        ClubPage.objects.filter(
            path__in=[
                instance.path[:i] for i in range(Page.steplen, len(instance.path) + 1, Page.steplen)
            ]
        )
        .only("slug")
        .first()
    )
    if club:
        queue_club_rebuild(club.slug)
