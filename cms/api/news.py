"""News of all clubs, newest first."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics

from cms.clubs.models import NewsPage
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import NewsSerializer
from cms.core.locales import localized
from cms.core.media import prefetch_image
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import PublicReadMixin

from .filters import NewsFilter


@extend_schema(
    summary="Neuigkeiten",
    description="Veröffentlichte Neuigkeiten aller Vereine, neueste zuerst (mit q nach Relevanz).",
    parameters=[LOCALE_PARAMETER],
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

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_clubs(page)
        return page
