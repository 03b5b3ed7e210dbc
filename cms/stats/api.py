"""``GET /api/v1/stats/`` and ``GET /api/v1/stats.csv``: the district's figures for the
council (see ``tables`` for what is counted and how board figures are protected). Labels and
names in the language of ``?locale=`` (German without it); the locale is part of the query, so
of the response cache's key."""

from django.http import HttpResponse
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.core.locales import requested_language
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import FirstRendererNegotiation, PublicReadMixin

from . import tables
from .export import to_csv


def localized_stats(request) -> dict:
    """The tables in the language of ``?locale=`` (German without it)."""
    language = requested_language(request)
    with translation.override(language):
        return tables.compute(language=language)


class StatsRowSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Kurzname, Ländercode, Sprach-Tag, Jahrzehnt …")
    label = serializers.CharField()
    clubs = serializers.IntegerField(
        help_text="Vereine in der Gruppe; in Vorstandstabellen: Vereine mit Vorstandsangaben."
    )
    women = serializers.IntegerField(
        required=False, allow_null=True, help_text="Nur Vorstandstabellen; null = unterdrückt."
    )
    men = serializers.IntegerField(required=False, allow_null=True)
    diverse = serializers.IntegerField(required=False, allow_null=True)
    suppressed = serializers.BooleanField(required=False)

    def to_representation(self, instance):
        # Counting tables have no board columns: leave them out rather than write nulls.
        data = super().to_representation(instance)
        return {key: value for key, value in data.items() if key in instance}


class StatsTableSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=["counts", "board"])
    note = serializers.CharField()
    rows = StatsRowSerializer(many=True)


@extend_schema_serializer(component_name="Statistics")
class StatsSerializer(serializers.Serializer):
    clubs = serializers.IntegerField(help_text="Veröffentlichte, öffentliche Vereine.")
    members = serializers.IntegerField(help_text="Summe der angegebenen Mitgliederzahlen.")
    clubs_with_member_count = serializers.IntegerField()
    min_group_size = serializers.IntegerField(
        help_text="Vorstandszahlen nur für Gruppen aus mindestens so vielen Vereinen."
    )
    established_after_years = serializers.IntegerField()
    tables = StatsTableSerializer(many=True)


class StatsView(PublicReadMixin, APIView):
    @extend_schema(
        tags=["stats"],
        operation_id="stats",
        summary="Statistik der Vereine",
        description=(
            "Vereine nach Gemeinde, Herkunftsland, Sprache, Schwerpunkt, Gründungsjahrzehnt, "
            "etabliert/neu; Mitglieder gesamt; Vorstände (Frauen/Männer/divers) nur "
            "zusammengefasst und für Gruppen unter min_group_size Vereinen unterdrückt."
        ),
        parameters=[LOCALE_PARAMETER],
        responses={200: StatsSerializer},
    )
    def get(self, request):
        return Response(StatsSerializer(localized_stats(request)).data)


class StatsCsvView(PublicReadMixin, APIView):
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRendererNegotiation

    @extend_schema(
        tags=["stats"],
        operation_id="stats_csv",
        summary="Statistik als CSV",
        description=(
            "Dieselben Tabellen wie /api/v1/stats/, eine Zeile je Tabellenzeile. Spalten: "
            "table, key, label, clubs, women, men, diverse, suppressed."
        ),
        parameters=[LOCALE_PARAMETER],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="CSV (UTF-8)."),
            (400, "application/json"): OpenApiResponse(
                OpenApiTypes.OBJECT, description="Ungültiger Parameter."
            ),
        },
    )
    def get(self, request):
        language = requested_language(request)
        with translation.override(language):
            text = to_csv(tables.compute(language=language))
        return HttpResponse(
            text,
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="vereinsnetz-statistik.csv"'},
        )
