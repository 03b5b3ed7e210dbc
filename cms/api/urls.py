"""The API's table of contents: the domain API under /api/v1/, Wagtail's v2 under /api/v2/.
Unknown paths under /api/ answer with a JSON 404."""

from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import SimpleRouter

from cms.core import errors
from cms.core.caching import cache_api_response

from .clubs import ClubViewSet
from .locale_list import LocaleListView
from .municipalities import MunicipalityListView
from .news import NewsListView
from .projects import ProjectListView
from .search import SearchView
from .wagtail_api import router as wagtail_router

v1_router = SimpleRouter(trailing_slash=True)
v1_router.register("clubs", ClubViewSet, basename="api-club")

v1_patterns = [
    path("news/", NewsListView.as_view(), name="api-news-list"),
    path("projects/", ProjectListView.as_view(), name="api-project-list"),
    path("locales/", LocaleListView.as_view(), name="api-locales"),
    path("municipalities/", MunicipalityListView.as_view(), name="api-municipalities"),
    path("search/", SearchView.as_view(), name="api-search"),
    path(
        "schema/",
        cache_api_response(SpectacularAPIView.as_view(authentication_classes=[])),
        name="api-schema",
    ),
    path(
        "docs/",
        # The split view loads its set-up script from a URL: no inline script (CSP).
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", authentication_classes=[]),
        name="api-docs",
    ),
    path(
        "docs/redoc/",
        SpectacularRedocView.as_view(
            url_name="api-schema", authentication_classes=[], template_name="api/redoc.html"
        ),
        name="api-redoc",
    ),
    path("", include("cms.events.api_urls")),
    path("", include("cms.portal.api_urls")),
    path("", include("cms.rooms.api_urls")),
    path("", include("cms.partners.api_urls")),
    path("", include("cms.funding.api_urls")),
    path("", include("cms.stats.api_urls")),
    path("", include("cms.brochure.api_urls")),
    path("", include("cms.signups.api_urls")),
    path("", include("cms.board.api_urls")),
    path("", include("cms.opendata.api_urls")),
    path("", include("cms.flyers.api_urls")),
    *v1_router.urls,
]

urlpatterns = [
    path("v1/", include(v1_patterns)),
    path("v2/", wagtail_router.urls),
    re_path(r"^[\s\S]*$", errors.not_found),  # [\s\S]: also paths with a newline
]
