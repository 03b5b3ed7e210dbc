"""The partners endpoints of the domain API: partner organisations, confirmed cooperations
and the network of confirmed links (cooperations, mentoring, joint projects)."""

import functools

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.response import Response
from wagtail.rich_text import expand_db_html

from cms.clubs.models import ClubPage
from cms.clubs.serializers import MunicipalitySerializer, SlugNameSerializer
from cms.core.errors import InvalidParameter
from cms.core.filters import NormalisingFilterSet
from cms.core.pagination import LimitOffsetPagination
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import PublicReadMixin
from cms.taxonomy.models import Municipality

from . import data
from .models import CooperationKind, CooperationLink, PartnerPage, is_active


class PartnerRefSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.URLField(allow_null=True, help_text="Website der Organisation.")


class CooperationSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="Gleich in jeder Sprache.")
    slug = serializers.CharField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=CooperationKind.values)
    kind_label = serializers.CharField(help_text="Deutsche Bezeichnung der Art.")
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    active = serializers.BooleanField(help_text="Läuft heute.")
    description = serializers.CharField()
    locale = serializers.CharField()
    partner = PartnerRefSerializer()
    clubs = SlugNameSerializer(many=True, help_text="Vereine, die bestätigt haben.")


class PartnerSummarySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="title")
    locale = serializers.SerializerMethodField()
    short_description = serializers.CharField()
    municipality = MunicipalitySerializer(allow_null=True)
    website = serializers.CharField()
    email = serializers.CharField()
    cooperation_count = serializers.SerializerMethodField(
        help_text="Bestätigte Kooperationen der Organisation."
    )

    def get_locale(self, partner) -> str:
        return partner.locale.language_code

    def get_cooperation_count(self, partner) -> int:
        return len(self.context["cooperations"].get(partner.translation_key, []))


class PartnerDetailSerializer(PartnerSummarySerializer):
    description = serializers.SerializerMethodField(help_text="HTML mit aufgelösten Links.")
    cooperations = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_description(self, partner):
        return expand_db_html(partner.description or "")

    @extend_schema_field(CooperationSerializer(many=True))
    def get_cooperations(self, partner):
        items = self.context["cooperations"].get(partner.translation_key, [])
        return [item.as_dict() for item in items]


def cooperations_by_partner(directory) -> dict:
    grouped: dict = {}
    for item in data.cooperations(directory):
        grouped.setdefault(item.partner.translation_key, []).append(item)
    return grouped


class DirectoryMixin:
    """The public partners and clubs of the request's locale, read once per request."""

    @functools.cached_property
    def directory(self) -> data.Directory:
        return data.Directory(self.locale)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["cooperations"] = cooperations_by_partner(self.directory)
        return context


@extend_schema(
    summary="Partnerorganisationen",
    description="Feuerwehr, DRK, Malteser, THW …: jede öffentliche Partnerorganisation.",
    parameters=[LOCALE_PARAMETER],
)
class PartnerListView(DirectoryMixin, PublicReadMixin, generics.ListAPIView):
    serializer_class = PartnerSummarySerializer
    pagination_class = LimitOffsetPagination
    queryset = PartnerPage.objects.none()

    def allowed_parameters(self):
        return ["locale", "limit", "offset"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return PartnerPage.objects.none()
        return (
            self.directory.localized(PartnerPage)
            .select_related("municipality", "locale")
            .order_by("title")
        )


@extend_schema(
    summary="Partnerorganisation",
    description="Profil einer Partnerorganisation mit ihren bestätigten Kooperationen.",
    parameters=[LOCALE_PARAMETER],
)
class PartnerDetailView(DirectoryMixin, PublicReadMixin, generics.RetrieveAPIView):
    serializer_class = PartnerDetailSerializer
    lookup_field = "slug"
    queryset = PartnerPage.objects.none()

    def get_object(self):
        keys = PartnerPage.objects.filter(self.directory.public, slug=self.kwargs["slug"]).values(
            "translation_key"
        )
        partner = self.directory.partner_by_key.get(
            next(iter(keys.values_list("translation_key", flat=True)), None)
        )
        if partner is None:
            raise Http404
        return partner


def public_clubs(request=None):
    return public_pages(ClubPage.objects.all())


def public_partners(request=None):
    return public_pages(PartnerPage.objects.all())


class CooperationFilter(NormalisingFilterSet):
    club = django_filters.ModelMultipleChoiceFilter(
        method="filter_club",
        to_field_name="slug",
        queryset=public_clubs,
        help_text=_("Kurzname (slug) des Vereins; mehrfach = oder."),
    )
    partner = django_filters.ModelMultipleChoiceFilter(
        method="filter_partner",
        to_field_name="slug",
        queryset=public_partners,
        help_text=_("Kurzname (slug) der Partnerorganisation; mehrfach = oder."),
    )
    kind = django_filters.MultipleChoiceFilter(
        field_name="cooperation__kind",
        choices=CooperationKind.choices,
        help_text=_("Art der Kooperation, z. B. training, exercise; mehrfach = oder."),
    )
    active = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_active",
        help_text=_("true: läuft heute; false: beendet oder noch nicht begonnen."),
    )

    class Meta:
        model = CooperationLink
        fields = []

    def filter_club(self, queryset, name, clubs):
        if not clubs:
            return queryset
        return queryset.filter(club__translation_key__in=[club.translation_key for club in clubs])

    def filter_partner(self, queryset, name, partners):
        if not partners:
            return queryset
        keys = [partner.translation_key for partner in partners]
        paths = PartnerPage.objects.filter(translation_key__in=keys).values_list("path", flat=True)
        return data.under_any(queryset, "cooperation__path", list(paths))

    def filter_active(self, queryset, name, value):
        active_ids = [
            pk
            for pk, start, end in queryset.values_list(
                "pk", "cooperation__start_date", "cooperation__end_date"
            )
            if is_active(start, end)
        ]
        if value == "true":
            return queryset.filter(pk__in=active_ids)
        return queryset.exclude(pk__in=active_ids)


@extend_schema(
    summary="Kooperationen",
    description=(
        "Bestätigte Kooperationen von Partnerorganisationen mit Vereinen: erst wenn ein Verein "
        "und die Partnerorganisation zugestimmt haben; laufende zuerst, dann die neuesten."
    ),
    parameters=[LOCALE_PARAMETER],
)
class CooperationListView(DirectoryMixin, PublicReadMixin, generics.ListAPIView):
    serializer_class = CooperationSerializer
    pagination_class = LimitOffsetPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = CooperationFilter

    def allowed_parameters(self):
        return [*CooperationFilter.base_filters, "locale", "limit", "offset"]

    queryset = CooperationLink.objects.none()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CooperationLink.objects.none()
        return self.directory.confirmed_links()

    def list(self, request, *args, **kwargs):
        links = self.filter_queryset(self.get_queryset())
        items = [item.as_dict() for item in data.cooperations(self.directory, links)]
        page = self.paginate_queryset(items)
        return self.get_paginated_response(page)


class NetworkNodeSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="„club:<slug>“ oder „partner:<slug>“.")
    type = serializers.ChoiceField(choices=["club", "partner"])
    slug = serializers.CharField()
    name = serializers.CharField()
    municipality = MunicipalitySerializer(allow_null=True)
    url = serializers.URLField(allow_null=True, help_text="Website.")
    established = serializers.BooleanField(allow_null=True, help_text="Nur bei Vereinen.")


class NetworkEdgeSerializer(serializers.Serializer):
    id = serializers.CharField()
    type = serializers.ChoiceField(choices=["cooperation", data.MENTORING, data.JOINT_PROJECT])
    source = serializers.CharField(
        help_text="Partner (Kooperation), Mentorverein (Mentoring), Projektträger (Projekt)."
    )
    target = serializers.CharField()
    kind = serializers.ChoiceField(choices=data.EDGE_KINDS)
    kind_label = serializers.CharField()
    title = serializers.CharField()
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    active = serializers.BooleanField()
    cooperation = serializers.CharField(allow_null=True, help_text="Slug der Kooperation.")
    funding_reference = serializers.CharField(help_text="Nur bei Mentoring.")


class NetworkSerializer(serializers.Serializer):
    nodes = NetworkNodeSerializer(many=True)
    edges = NetworkEdgeSerializer(many=True)


@extend_schema(
    summary="Netzwerk",
    description=(
        "Knoten (Vereine, Partnerorganisationen) und Kanten (Kooperation, Mentoring, "
        "gemeinsames Projekt) der bestätigten Verbindungen. Ohne Filter sind alle "
        "Partnerorganisationen Knoten, Vereine sobald sie eine Verbindung haben; mit Filtern "
        "nur die Enden der verbliebenen Kanten."
    ),
    parameters=[
        LOCALE_PARAMETER,
        OpenApiParameter(
            "municipality",
            OpenApiTypes.STR,
            many=True,
            description="Kanten mit einem Ende in dieser Gemeinde (Kurzname); mehrfach = oder.",
        ),
        OpenApiParameter(
            "kind",
            OpenApiTypes.STR,
            many=True,
            enum=data.EDGE_KINDS,
            description="Art der Kante; mehrfach = oder.",
        ),
    ],
    responses={200: NetworkSerializer},
)
class NetworkView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = NetworkSerializer

    def allowed_parameters(self):
        return ["locale", "municipality", "kind"]

    def get(self, request, *args, **kwargs):
        municipalities = request.query_params.getlist("municipality")
        known = set(
            Municipality.objects.filter(slug__in=municipalities).values_list("slug", flat=True)
        )
        for slug in municipalities:
            if slug not in known:
                raise InvalidParameter("municipality", _("Unbekannte Gemeinde: %s") % slug)
        kinds = request.query_params.getlist("kind")
        for kind in kinds:
            if kind not in data.EDGE_KINDS:
                raise InvalidParameter(
                    "kind",
                    _("Unbekannte Art: %(kind)s. Möglich: %(kinds)s")
                    % {"kind": kind, "kinds": ", ".join(data.EDGE_KINDS)},
                )
        return Response(data.network(self.locale, municipalities, kinds))
