"""Loading pages for API results in a constant number of queries, whatever their number."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Left, Length
from wagtail.models import Page

from .models import ClubPage


def item_club_key() -> Subquery:
    """The translation key of the club a news item or event belongs to (two levels below its
    club page: club → index → item), as a subquery over the row's path: the same for a club's
    items in every locale, so per-club limits count a locale's mixed list right."""
    club_path = Left(OuterRef("path"), Length(OuterRef("path")) - 2 * Page.steplen)
    return Subquery(ClubPage.objects.filter(path=club_path).values("translation_key")[:1])


def attach_clubs(pages) -> None:
    """Set ``page.club`` to the club whose tree each page is in (or None), in one query."""
    steplen = Page.steplen
    ancestor_paths = {
        page.path[:end] for page in pages for end in range(steplen, len(page.path) + 1, steplen)
    }
    clubs = {
        club.path: club
        for club in ClubPage.objects.filter(path__in=ancestor_paths).select_related("locale")
    }
    for page in pages:
        page.club = next(
            (
                clubs[page.path[:end]]
                for end in range(steplen, len(page.path) + 1, steplen)
                if page.path[:end] in clubs
            ),
            None,
        )


def specific_pages(pages, prefetch: dict | None = None) -> list:
    """The specific instances of ``pages`` (base ``Page`` objects), in the same order, one
    query per page type, each with its locale and the given per-model prefetches."""
    prefetch = prefetch or {}
    by_type = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    loaded = {}
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        queryset = model.objects.filter(pk__in=ids).select_related("locale")
        for lookups in prefetch_for(model, prefetch):
            queryset = queryset.prefetch_related(lookups)
        loaded.update({page.pk: page for page in queryset})
    return [loaded[page.pk] for page in pages if page.pk in loaded]


def prefetch_for(model, prefetch: dict) -> list:
    lookups = []
    for klass, items in prefetch.items():
        if issubclass(model, klass):
            lookups.extend(items)
    return lookups
