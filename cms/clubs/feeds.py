"""Atom feeds of club news (Django's syndication framework), for all clubs or one club.

Only public news pages appear (the privacy layer), newest first, at most ``NewsFeed.limit``.
Entry ids derive from the page's translation key, so they survive edits and moves.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models.functions import Left, Length
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView
from wagtail.models import Locale, Page

from cms.clubs.homepage_links import page_homepage_url
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import v2_page_url
from cms.core.locales import localized
from cms.core.media import absolute
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from .content_checks import strip_control_characters
from .models import ClubPage, NewsPage

# A news page sits two levels below its club: ClubPage → NewsIndexPage → NewsPage.
CLUB_PATH_LENGTH = Length("path") - 2 * Page.steplen


def _xml_safe(value):
    if isinstance(value, str):
        return strip_control_characters(value)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom with every text stripped of the characters XML 1.0 forbids: one club's bad data
    (that bypassed the forms' check) never breaks the feed of all clubs."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *(_xml_safe(a) for a in args), **{k: _xml_safe(v) for k, v in kwargs.items()}
        )

    def add_item(self, *args, **kwargs):
        super().add_item(
            *(_xml_safe(a) for a in args), **{k: _xml_safe(v) for k, v in kwargs.items()}
        )


class NewsFeed(Feed):
    """The news of all clubs or, given a club's slug, of one club. One instance per request:
    it keeps the request (for absolute URLs) and the locale the view resolved."""

    feed_type = XmlSafeAtom1Feed
    limit = 50

    def __init__(self, locale: Locale):
        self.locale = locale

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, slug: str | None = None) -> ClubPage | None:
        if slug is None:
            return None
        club = public_pages(ClubPage.objects.filter(slug=slug)).order_by("pk").first()
        if club is None:
            raise Http404
        return club

    def title(self, club: ClubPage | None) -> str:
        name = club.title if club else settings.WAGTAIL_SITE_NAME
        return _("%(name)s: Neuigkeiten") % {"name": name}

    def subtitle(self, club: ClubPage | None) -> str:
        return club.short_description if club else _("Neuigkeiten der Vereine")

    def link(self, club: ClubPage | None) -> str:
        """The same news as JSON, in the domain API."""
        query = {"locale": self.locale.language_code}
        if club is not None:
            query["club"] = club.slug
        return absolute(self.request, f"{reverse('api-news-list')}?{urlencode(query)}")

    def feed_url(self, club: ClubPage | None) -> str:
        return absolute(self.request, self.request.get_full_path())

    def author_name(self, club: ClubPage | None) -> str:
        return club.title if club else settings.WAGTAIL_SITE_NAME

    def items(self, club: ClubPage | None) -> list[NewsPage]:
        news = localized(NewsPage.objects.all(), self.locale)
        if club is not None:
            club_trees = ClubPage.objects.filter(translation_key=club.translation_key)
            news = news.annotate(club_path=Left("path", CLUB_PATH_LENGTH)).filter(
                club_path__in=club_trees.values("path")
            )
        newest = news.select_related("locale").order_by("-date", "-first_published_at", "-pk")
        items = list(newest[: self.limit])
        attach_clubs(items)
        return items

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.teaser

    def item_link(self, item: NewsPage) -> str:
        """The article on its club's homepage (the page in the v2 API if it has none)."""
        return page_homepage_url(item) or v2_page_url(self.request, item)

    def item_guid(self, item: NewsPage) -> str:
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsPage) -> datetime.datetime:
        # The editor's date counts; the publication time refines it when it is the same day.
        published = item.first_published_at
        if published is not None and timezone.localdate(published) == item.date:
            return published
        return datetime.datetime.combine(
            item.date, datetime.time(), tzinfo=timezone.get_default_timezone()
        )

    def item_updateddate(self, item: NewsPage) -> datetime.datetime | None:
        return item.last_published_at

    def item_author_name(self, item: NewsPage) -> str | None:
        club = getattr(item, "club", None)
        return club.title if club is not None else None


FEED_RESPONSES = {
    (200, "application/atom+xml"): OpenApiResponse(OpenApiTypes.STR, description="Atom 1.0"),
    (400, "application/json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="Ungültiger Parameter."
    ),
}


class NewsFeedView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        tags=["news"],
        operation_id="news_feed",
        summary="Neuigkeiten aller Vereine (Atom)",
        description=f"Die neuesten {NewsFeed.limit} öffentlichen Neuigkeiten, neueste zuerst.",
        parameters=[LOCALE_PARAMETER],
        responses=FEED_RESPONSES,
    )
    def get(self, request, slug: str | None = None):
        feed = NewsFeed(self.locale)
        if slug is None:
            return feed(request._request)
        return feed(request._request, slug=slug)


class ClubNewsFeedView(NewsFeedView):
    @extend_schema(
        tags=["news"],
        operation_id="club_news_feed",
        summary="Neuigkeiten eines Vereins (Atom)",
        parameters=[
            OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH),
            LOCALE_PARAMETER,
        ],
        responses={
            **FEED_RESPONSES,
            (404, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Unbekannter Verein."
            ),
        },
    )
    def get(self, request, slug: str | None = None):
        return super().get(request, slug)
