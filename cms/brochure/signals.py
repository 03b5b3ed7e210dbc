"""What the brochure shows changed: a club's public page was published, unpublished or moved,
or a club was removed (``content_changed``). The worker lays the German brochure out again
(``tasks.lay_out_brochure``; it finds it unchanged, and does nothing, after a news item)."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from cms.clubs.models import ClubPage
from cms.core.signals import content_changed

from .tasks import lay_out_after_commit


@receiver(page_published, sender=ClubPage)
@receiver(page_unpublished, sender=ClubPage)
def club_page_changed(sender, **kwargs):
    lay_out_after_commit()


@receiver(content_changed)
def club_removed(sender, removed_club_slugs=(), **kwargs):
    if removed_club_slugs:
        lay_out_after_commit()
