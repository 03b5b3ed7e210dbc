"""Search across clubs, news, events and club pages, with highlighted excerpts."""

import re

from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import generics, serializers
from wagtail.models import Page

from cms.clubs.models import ClubPage, ContentPage, GalleryPage, NewsPage, ProjectPage
from cms.clubs.pages import attach_clubs, specific_pages
from cms.clubs.serializers import ClubRefSerializer, v2_page_url
from cms.core.errors import InvalidParameter
from cms.core.locales import direction, localized
from cms.core.schema import LOCALE_PARAMETER
from cms.core.streams import stream_text
from cms.core.views import PublicReadMixin
from cms.events.models import EventPage

from .filters import ranked, search_hits

SEARCH_TYPES = {
    "club": (ClubPage,),
    "news": (NewsPage,),
    "event": (EventPage,),
    "page": (ContentPage, ProjectPage, GalleryPage),
}
MAX_QUERY_LENGTH = 200
EXCERPT_LENGTH = 200


def result_type(page) -> str:
    return next(name for name, models in SEARCH_TYPES.items() if isinstance(page, models))


def searchable_text(page) -> str:
    parts = [
        getattr(page, name, "") or ""
        for name in ("short_description", "teaser", "summary", "intro", "plain_summary")
    ]
    if getattr(page, "description", ""):
        parts.append(strip_tags(page.description))
    if hasattr(page, "body"):
        parts.append(stream_text(page.body))
    return " ".join(part for part in parts if part)


def highlight(text: str, terms: list[str], length: int | None = None) -> str:
    """``text`` (HTML-escaped) with the query terms wrapped in <mark>; cut to an excerpt of
    about ``length`` characters around the first hit when a length is given."""
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    if length is not None and len(text) > length:
        match = pattern.search(text)
        start = max(0, (match.start() if match else 0) - length // 4)
        excerpt = text[start : start + length]
        text = ("…" if start else "") + excerpt + ("…" if start + length < len(text) else "")
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=list(SEARCH_TYPES))
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField()
    locale = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    club = ClubRefSerializer(allow_null=True)
    highlight = inline_serializer(
        "SearchHighlight",
        {
            "title": serializers.CharField(help_text="HTML, Treffer in <mark>."),
            "text": serializers.CharField(help_text="Ausschnitt als HTML, Treffer in <mark>."),
        },
    )
    api_url = serializers.CharField()


@extend_schema(
    summary="Suche",
    description="Volltextsuche über Vereine, Neuigkeiten, Veranstaltungen und Seiten.",
    parameters=[
        OpenApiParameter("q", OpenApiTypes.STR, required=True, description="Suchbegriffe."),
        OpenApiParameter(
            "type",
            OpenApiTypes.STR,
            description="Nur diese Arten, kommagetrennt: " + ", ".join(SEARCH_TYPES),
        ),
        OpenApiParameter("limit", OpenApiTypes.INT),
        OpenApiParameter("offset", OpenApiTypes.INT),
        LOCALE_PARAMETER,
    ],
    responses={200: SearchResultSerializer(many=True)},
)
class SearchView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = SearchResultSerializer
    queryset = Page.objects.none()

    def allowed_parameters(self):
        return ["q", "type", "limit", "offset", "locale"]

    def get_types(self):
        raw = self.request.query_params.get("type", "")
        names = [name.strip() for name in raw.split(",") if name.strip()] or list(SEARCH_TYPES)
        unknown = [name for name in names if name not in SEARCH_TYPES]
        if unknown:
            raise InvalidParameter(
                "type", _("Unbekannte Art. Möglich: %s") % ", ".join(SEARCH_TYPES)
            )
        return [model for name in names for model in SEARCH_TYPES[name]]

    def get(self, request):
        query = request.query_params.get("q", "").strip()
        if not query:
            raise InvalidParameter("q", _("Bitte einen Suchbegriff angeben."))
        if len(query) > MAX_QUERY_LENGTH:
            raise InvalidParameter("q", _("Höchstens %d Zeichen.") % MAX_QUERY_LENGTH)
        models = self.get_types()
        hits = search_hits(Page, query)
        results = ranked(localized(Page.objects.type(*models), self.locale), hits).order_by(
            "search_rank"
        )
        page = self.paginate_queryset(results)
        pages = specific_pages(page)
        attach_clubs(pages)
        terms = [term for term in re.split(r"\W+", query) if term] or [query]
        data = [
            {
                "type": result_type(item),
                "id": item.pk,
                "slug": item.slug,
                "title": item.title,
                "locale": item.locale.language_code,
                "direction": direction(item.locale),
                "club": item.club,
                "highlight": {
                    "title": highlight(item.title, terms),
                    "text": highlight(searchable_text(item), terms, EXCERPT_LENGTH),
                },
                "api_url": v2_page_url(request, item),
            }
            for item in pages
        ]
        return self.get_paginated_response(self.get_serializer(data, many=True).data)
