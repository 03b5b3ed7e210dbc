"""The club directory (with facets), club profiles and the per-club bundle."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cms.clubs.contributions import annotate_clubs
from cms.clubs.models import ClubPage
from cms.clubs.serializers import ClubDetailSerializer, ClubSummarySerializer
from cms.core.caching import cache_timeout, content_version
from cms.core.locales import default_locale, localized, requested_language
from cms.core.media import prefetch_image
from cms.core.pagination import LimitOffsetPagination
from cms.core.params import datetime_param, query_params
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import PublicReadMixin
from cms.events.api import (
    DEFAULT_LIST_WINDOW,
    Window,
    checked_window,
    club_occurrence_times,
    public_club,
)
from cms.events.calendar import calendar_content
from cms.taxonomy import names

from .bundle import BundleBuilder
from .filters import ClubFilter
from .relations import club_relations, prefetch_relations

FACETS = ("municipality", "country", "language", "focus")


# Facet name → (ClubPage field, the facet's value field on the related model).
FACET_FIELDS = {
    "municipality": ("municipality", "slug"),
    "country": ("countries", "code"),
    "language": ("languages", "tag"),
    "focus": ("focus_areas", "slug"),
}


def _facet_select(name: str, field_name: str, value: str) -> str:
    """One grouped count over the clubs in ``ids``: through the foreign key on the club's
    table, or through the many-to-many table."""
    q = connection.ops.quote_name
    field = ClubPage._meta.get_field(field_name)
    target = field.related_model._meta
    if field.many_to_many:
        through = field.remote_field.through._meta
        source = through.get_field(field.m2m_field_name()).column
        link = through.get_field(field.m2m_reverse_field_name()).column
        joins = (
            f"JOIN {q(through.db_table)} r ON r.{q(source)} = ids.pk "
            f"JOIN {q(target.db_table)} t ON t.{q(target.pk.column)} = r.{q(link)}"
        )
    else:
        club = ClubPage._meta
        joins = (
            f"JOIN {q(club.db_table)} c ON c.{q(club.pk.column)} = ids.pk "
            f"JOIN {q(target.db_table)} t ON t.{q(target.pk.column)} = c.{q(field.column)}"
        )
    columns = f"t.{q(target.get_field(value).column)}, t.{q('name')}"
    # Focus areas carry their names in the other locales; the rest is named by CLDR.
    # (as text: UNION ALL needs one type per column, and PostgreSQL's jsonb is not text).
    extra = f"CAST(t.{q('translations')} AS TEXT)" if name == "focus" else "CAST(NULL AS TEXT)"
    grouped = f"{columns}, {extra}" if name == "focus" else columns
    return f"SELECT '{name}', {columns}, {extra}, COUNT(*) FROM ids {joins} GROUP BY {grouped}"


def facet_label(facet: str, value: str, german: str, translations, language: str) -> str:
    if facet == "country":
        return names.country_name(value, german, language)
    if facet == "language":
        return names.language_name(value, german, language)
    if facet == "focus":
        return names.focus_area_name(german, translations, language)
    return german


def facet_counts(clubs, language: str = "") -> dict:
    """Counts per municipality, country, language and focus area within ``clubs`` (a
    queryset), in one query whatever its size.

    The clubs' filter (public, locale, the request's filters) is the expensive part at
    thousands of clubs, so it runs once, as a common table expression the four grouped counts
    join (SQLite and PostgreSQL both materialise a CTE that is used more than once); as four
    ``IN (subquery)`` it ran four times. A club is in each group at most once (a foreign key;
    unique many-to-many rows), so ``COUNT(*)`` needs no ``DISTINCT``."""
    rows = {name: [] for name in FACET_FIELDS}
    try:
        ids_sql, params = clubs.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that selects nothing, e.g. a search without hits
        return rows
    selects = " UNION ALL ".join(
        _facet_select(name, field, value) for name, (field, value) in FACET_FIELDS.items()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"WITH ids (pk) AS ({ids_sql}) {selects}", params)
        for facet, value, label, translations, count in cursor.fetchall():
            label = facet_label(facet, value, label, translations, language)
            rows[facet].append({"value": value, "label": label, "count": count})
    return {
        name: sorted(items, key=lambda item: (-item["count"], item["label"]))
        for name, items in rows.items()
    }


FACET_SCHEMA = {
    "type": "object",
    "description": "Anzahl der Vereine je Filterwert in der gefilterten Menge.",
    "properties": {
        name: {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "value": {"type": "string"},
                    "label": {"type": "string"},
                    "count": {"type": "integer"},
                },
            },
        }
        for name in FACETS
    },
}


def directory_summary_key(request, locale) -> str:
    """Count and facets depend on the filters and the locale, not on the page."""
    filters = sorted(
        (name, values) for name, values in request.GET.lists() if name not in ("limit", "offset")
    )
    raw = repr((content_version()["token"], locale.pk, filters))
    return "api:directory-summary:" + hashlib.sha256(raw.encode()).hexdigest()


class FacetedPagination(LimitOffsetPagination):
    # Set by the view when the directory summary knows the count (no COUNT query).
    known_count: int | None = None

    def get_count(self, queryset):
        if self.known_count is not None:
            return self.known_count
        return super().get_count(queryset)

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        response["properties"]["facets"] = FACET_SCHEMA
        response["required"] = [*response.get("required", []), "facets"]
        return response


@extend_schema_view(
    list=extend_schema(
        summary="Vereinsverzeichnis",
        description="Öffentliche Vereine mit Filtern, Sortierung und Facetten.",
        parameters=[LOCALE_PARAMETER],
    ),
    retrieve=extend_schema(summary="Vereinsprofil", parameters=[LOCALE_PARAMETER]),
)
class ClubViewSet(PublicReadMixin, viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClubFilter
    pagination_class = FacetedPagination
    queryset = ClubPage.objects.none()

    def get_serializer_class(self):
        return ClubSummarySerializer if self.action == "list" else ClubDetailSerializer

    def allowed_parameters(self):
        if self.action == "list":
            return [*ClubFilter.base_filters, "limit", "offset", "locale"]
        if self.action == "bundle":
            return ["locale", "updated_since", *BUNDLE_EXTRAS]
        return ["locale"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ClubPage.objects.none()
        queryset = localized(ClubPage.objects.all(), self.locale).select_related(
            "locale", "municipality"
        )
        if self.action in ("list", "retrieve"):
            queryset = annotate_clubs(queryset)
        # The small relations (countries, languages, …) are loaded after pagination, for the
        # clubs shown, in one query: relations.prefetch_relations via club_relations.
        # The bundle loads its images (logo and cover among them) in one query of its own.
        prefetch = [] if self.action == "bundle" else [prefetch_image("logo")]
        if self.action == "retrieve":
            prefetch += [prefetch_image("cover_image")]
        return queryset.prefetch_related(*prefetch).order_by("title")

    def get_object(self):
        """The club with this slug in the requested locale, else in German."""
        candidates = public_pages(ClubPage.objects.filter(slug=self.kwargs["slug"]))
        keys = candidates.values("translation_key")
        club = self.get_queryset().filter(translation_key__in=keys).first()
        if club is None:
            raise Http404
        if self.action == "retrieve":
            prefetch_relations({ClubPage: [club]}, club_relations(detail=True))
        return club

    def bundle_club(self) -> tuple[ClubPage, list[ClubPage] | None]:
        """The club as :meth:`get_object` finds it, with its public pages in every locale (the
        roots of the bundle's trees) read in the same query: the one in the requested locale,
        else the German one. When the slug names several clubs (or none), the club is found
        as ``get_object`` finds it and the bundle reads the translations itself (None)."""
        candidates = public_pages(ClubPage.objects.filter(slug=self.kwargs["slug"]))
        translations = list(
            public_pages(
                ClubPage.objects.filter(translation_key__in=candidates.values("translation_key"))
            ).select_related("locale", "municipality")
        )
        if len({page.translation_key for page in translations}) != 1:
            return self.get_object(), None
        by_locale = {page.locale_id: page for page in translations}
        club = by_locale.get(self.locale.pk) or by_locale.get(default_locale().pk)
        if club is None:
            raise Http404
        return club, translations

    def list(self, request, *args, **kwargs):
        """One narrow query for the ordered ids (the count, when not known yet, is their
        number), the page's clubs by id; count and facets once per content version and
        filter (they change only on publish), not once per page and request."""
        clubs = self.filter_queryset(self.get_queryset())
        ids = clubs.values_list("pk", flat=True)
        key = directory_summary_key(request, self.locale)
        summary = cache.get(key)
        if summary is None:
            ids = list(ids)
            facets = facet_counts(clubs, requested_language(request))
            summary = {"count": len(ids), "facets": facets}
            cache.set(key, summary, cache_timeout())
        self.paginator.known_count = summary["count"]
        page_ids = self.paginate_queryset(ids)
        by_id = {club.pk: club for club in self.get_queryset().filter(pk__in=page_ids)}
        page = [by_id[pk] for pk in page_ids if pk in by_id]
        prefetch_relations({ClubPage: page}, club_relations(detail=False))
        response = self.get_paginated_response(self.get_serializer(page, many=True).data)
        response.data["facets"] = summary["facets"]
        return response

    @extend_schema(
        summary="Bündel für den Seitengenerator",
        description=(
            "Der ganze veröffentlichte Seitenbaum eines Vereins in einer Antwort: Profil, "
            "Homepage-Einstellungen, alle Seiten mit aufgelösten Inhalten. Mit updated_since "
            "nur die seitdem geänderten Seiten (page_ids nennt immer alle)."
        ),
        parameters=[
            LOCALE_PARAMETER,
            OpenApiParameter(
                "updated_since",
                OpenApiTypes.DATETIME,
                description="Nur Seiten, die danach veröffentlicht wurden (ISO 8601).",
            ),
            OpenApiParameter(
                "occurrences_from",
                OpenApiTypes.STR,
                description="Mit diesem Parameter enthält das Bündel unter occurrences die "
                "Termine des Vereins ab diesem Zeitpunkt (ISO-Datum oder -Zeitpunkt) wie "
                "/api/v1/events/?club=… sie liefert (Reihenfolge und Zeiten gleich), je Termin "
                "nur id, start, end und all_day: {from, to, results}.",
            ),
            OpenApiParameter(
                "occurrences_to",
                OpenApiTypes.STR,
                description="Ende des Zeitraums der occurrences (ausschließlich), höchstens "
                "366 Tage nach occurrences_from; Standard: 90 Tage danach.",
            ),
            OpenApiParameter(
                "calendar",
                OpenApiTypes.BOOL,
                description="calendar=1: das Bündel enthält unter calendar den Text von "
                "/api/v1/clubs/{slug}/events.ics (iCalendar), Byte für Byte derselbe.",
            ),
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def bundle(self, request, slug=None):
        club, translations = self.bundle_club()
        updated_since = datetime_param(request, "updated_since")
        builder = BundleBuilder(club, self.locale, request, updated_since, translations)
        bundle = builder.build()
        # The club's events as the bundle loaded them (None with updated_since: then only the
        # changed pages were loaded, and the extras read the events on their own).
        events = builder.events
        window = occurrences_window(request)
        if window is not None:
            bundle["occurrences"] = {
                "from": window.start.isoformat(),
                "to": window.end.isoformat(),
                "results": club_occurrence_times(request, club, self.locale, window, events),
            }
        if query_params(request).get("calendar", "").lower() in ("1", "true"):
            # The club as the calendar's own endpoint finds it (its name heads the file): the
            # first public club page of the slug. When the slug of the address names one club,
            # its public pages are all among the translations read with the club.
            named = (
                min((page for page in translations if page.slug == club.slug), key=_pk)
                if translations is not None and club.slug == slug
                else public_club(club.slug)
            )
            bundle["calendar"] = calendar_content(request, self.locale, named, events).decode()
        return Response(bundle)


def _pk(page) -> int:
    return page.pk


# What a site builder may ask the bundle to carry besides the pages, to spare reads of its own.
BUNDLE_EXTRAS = ("occurrences_from", "occurrences_to", "calendar")


def occurrences_window(request) -> Window | None:
    """The window of the bundle's ``occurrences``, if asked for (as ``from`` and ``to`` of
    ``/api/v1/events/``)."""
    start = datetime_param(request, "occurrences_from")
    if start is None:
        return None
    end = datetime_param(request, "occurrences_to", start + DEFAULT_LIST_WINDOW)
    return checked_window(start, end, "occurrences_to")
