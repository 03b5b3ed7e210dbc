"""Publishing, unpublishing, moving or deleting any page of a club queues a rebuild of that
club's homepage; the same for any page the portal shows (the portal home and pages, the
agency's own events, clubs and everything below them) queues one rebuild of the portal per
transaction, and so does a change of a board post (``cms.board``). The domain's
``content_changed`` (``cms.core.signals``) does the same for changes outside page revisions and
removes the built sites of deleted clubs."""

import shutil

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.clubs.models import ClubPage
from cms.core.signals import content_changed
from cms.portal.resource_keys import (
    club_of,
    club_slug_of,
    note_identity,
    portal_changes,
    portal_page,
)

from . import builds
from .builds import queue_club_rebuild, queue_portal_rebuild
from .domains import sync_own_domain
from .notices import collecting, note_published


def rebuild_for(page, *, moved: bool = False) -> None:
    homepage = getattr(settings, "HOMEPAGE_AUTO_REBUILD", True)
    portal = getattr(settings, "PORTAL_AUTO_REBUILD", True)
    if not (homepage or portal):
        return
    slug = club_slug_of(page)
    if slug and homepage:
        queue_club_rebuild(slug)
    if portal and (slug or portal_page(page)):
        queue_portal_rebuild(portal_changes(page, slug, moved=moved))


@receiver(pre_save, sender=ClubPage)
def note_club_identity(sender, instance, **kwargs):
    """Whether the portal's lists of news, events and so on must be read again after this
    change of the club (``resource_keys.club_changes``)."""
    note_identity(instance)


@receiver(page_published)
def note_publication(sender, instance, **kwargs):
    if not collecting():
        return
    club = club_of(instance)
    note_published(instance.title, club.title if club else None)


@receiver(page_published)
@receiver(page_unpublished)
def rebuild_on_publication_change(sender, instance, **kwargs):
    if isinstance(instance, ClubPage):
        sync_own_domain(instance)
    rebuild_for(instance)


@receiver(post_page_move)
def rebuild_on_move(sender, instance, **kwargs):
    rebuild_for(instance, moved=True)


@receiver(post_save, sender="board.BoardPost")
@receiver(post_delete, sender="board.BoardPost")
def rebuild_portal_for_board(sender, **kwargs):
    """The portal's Gesucht & Geboten shows the active posts: a new, edited or hidden post is
    seen there after the next build, not the next night; the build renders the pages that read
    the posts (``board:*``)."""
    if getattr(settings, "PORTAL_AUTO_REBUILD", True):
        queue_portal_rebuild({"board:*"})


@receiver(post_delete, sender=Page)
def rebuild_on_delete(sender, instance, **kwargs):
    # The deleted page is gone from the tree; its former club is found by path prefix.
    homepage = getattr(settings, "HOMEPAGE_AUTO_REBUILD", True)
    portal = getattr(settings, "PORTAL_AUTO_REBUILD", True)
    if not (homepage or portal):
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
    if club and homepage:
        queue_club_rebuild(club.slug)
    if portal and (club or portal_page(instance)):
        queue_portal_rebuild(portal_changes(instance, club.slug if club else None))


@receiver(content_changed)
def rebuild_on_content_change(sender, club_slugs=(), portal=False, removed_club_slugs=(), **kwargs):
    if getattr(settings, "HOMEPAGE_AUTO_REBUILD", True):
        for slug in club_slugs:
            builds.queue_club_rebuild(slug)
    if portal and getattr(settings, "PORTAL_AUTO_REBUILD", True):
        builds.queue_portal_rebuild()
    for slug in removed_club_slugs:
        transaction.on_commit(
            lambda slug=slug: shutil.rmtree(
                builds.build_root() / "vereine" / slug, ignore_errors=True
            )
        )
