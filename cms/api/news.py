"""News of all clubs, newest first."""

from django.http import QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics

from cms.clubs.models import NewsPage
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import NewsSerializer
from cms.core.locales import default_locale, localized
from cms.core.media import prefetch_image
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import PublicReadMixin

from .filters import NewsFilter

# With ``club``: the languages besides German into which some news item of those clubs is
# translated (and public), so that a reader of several languages (the portal's build) reads
# the clubs' news once in German and again only in these; in every other language the answer
# is the German one, byte for byte.
TRANSLATIONS_HEADER = "X-Translated-Into"


@extend_schema(
    summary="Neuigkeiten",
    description="Veröffentlichte Neuigkeiten aller Vereine, neueste zuerst (mit q nach Relevanz).",
    parameters=[
        LOCALE_PARAMETER,
        OpenApiParameter(
            TRANSLATIONS_HEADER,
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            response=True,
            description=(
                "Nur mit club: die Sprachen außer Deutsch, in die eine Neuigkeit dieser Vereine "
                "übersetzt ist, durch Leerzeichen getrennt. In jeder anderen Sprache ist die "
                "Antwort die deutsche."
            ),
        ),
    ],
)
class NewsListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = NewsSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NewsFilter
    queryset = NewsPage.objects.none()

    def allowed_parameters(self):
        return [*NewsFilter.base_filters, "limit", "offset", "locale"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return NewsPage.objects.none()
        return (
            localized(NewsPage.objects.all(), self.locale)
            .select_related("locale")
            .prefetch_related(prefetch_image("image"), "tags")
            .order_by("-date", "-pk")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.query_params.get("q", "").strip():
            return queryset.order_by("search_rank")
        return queryset

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        if request.query_params.get("club"):
            response[TRANSLATIONS_HEADER] = " ".join(self.translated_into())
        return response

    def translated_into(self) -> tuple[str, ...]:
        """The languages besides the default of the public news items in the chosen clubs'
        trees (in every locale): where ``localized`` may pick another item than the German
        one."""
        clubs = QueryDict(mutable=True)
        clubs.setlist("club", self.request.query_params.getlist("club"))
        news = public_pages(NewsPage.objects.all())
        scope = NewsFilter(clubs, queryset=news, request=self.request).qs
        codes = scope.exclude(locale=default_locale()).values_list(
            "locale__language_code", flat=True
        )
        return tuple(sorted(set(codes)))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_clubs(page)
        return page
