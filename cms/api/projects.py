"""Integration projects of all clubs (``ProjectPage``), for the portal's project overview.

Only public projects appear (the privacy layer), each with its club and its partner clubs, of
which only published ones are named. Filters: ``club``, ``municipality`` (the club's), and
``active`` (not completed and not ended before today).
"""

import django_filters
from django.db.models import Case, F, IntegerField, Prefetch, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers

from cms.clubs.homepage_links import page_homepage_url
from cms.clubs.models import ClubPage, ProjectPage, ProjectStatus
from cms.clubs.pages import attach_clubs
from cms.clubs.serializers import ClubRefSerializer, LocalizedPageSerializer, club_ref, v2_page_url
from cms.core.locales import localized
from cms.core.privacy import public_pages
from cms.core.schema import LOCALE_PARAMETER
from cms.core.views import PublicReadMixin
from cms.taxonomy.models import Municipality

from .filters import ClubTreeFilterSet, public_clubs


def active_condition() -> Q:
    today = timezone.localdate()
    return ~Q(status=ProjectStatus.COMPLETED) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


class ProjectFilter(ClubTreeFilterSet):
    club = django_filters.ModelMultipleChoiceFilter(
        method="filter_club",
        to_field_name="slug",
        queryset=public_clubs,
        help_text=_("Kurzname (slug) des Vereins, der das Projekt trägt; mehrfach = oder."),
    )
    municipality = django_filters.ModelMultipleChoiceFilter(
        method="filter_municipality",
        to_field_name="slug",
        queryset=Municipality.objects.all(),
        help_text=_("Kurzname der Gemeinde des Vereins; mehrfach = oder."),
    )
    active = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_active",
        help_text=_(
            "true: geplant oder laufend und nicht vor heute beendet; false: abgeschlossen."
        ),
    )

    class Meta:
        model = ProjectPage
        fields = []

    def filter_active(self, queryset, name, value):
        if value == "true":
            return queryset.filter(active_condition())
        return queryset.exclude(active_condition())


class ProjectSerializer(LocalizedPageSerializer):
    title = serializers.CharField()
    summary = serializers.CharField()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=ProjectStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    funding_source = serializers.CharField()
    club = serializers.SerializerMethodField()
    partner_clubs = serializers.SerializerMethodField(
        help_text="Veröffentlichte Partnervereine (ohne den Träger)."
    )
    homepage_url = serializers.SerializerMethodField(
        help_text="Das Projekt auf der Homepage des Vereins (absolut)."
    )
    api_url = serializers.SerializerMethodField(help_text="Die Seite in Wagtails v2-API.")

    @extend_schema_field(ClubRefSerializer(allow_null=True))
    def get_club(self, page):
        club = getattr(page, "club", None)
        return club_ref(club)

    @extend_schema_field(ClubRefSerializer(many=True))
    def get_partner_clubs(self, page):
        club = getattr(page, "club", None)
        own = club.translation_key if club is not None else None
        partners = [p for p in page.public_partners if p.translation_key != own]
        return ClubRefSerializer(partners, many=True).data

    def get_homepage_url(self, page) -> str | None:
        return page_homepage_url(page)

    def get_api_url(self, page) -> str:
        return v2_page_url(self.context.get("request"), page)


@extend_schema(
    tags=["projects"],
    summary="Projekte",
    description=(
        "Öffentliche Integrationsprojekte aller Vereine: laufende und geplante zuerst, "
        "dann nach Beginn (neueste zuerst)."
    ),
    parameters=[LOCALE_PARAMETER],
)
class ProjectListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = ProjectSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ProjectFilter
    queryset = ProjectPage.objects.none()

    def allowed_parameters(self):
        return [*ProjectFilter.base_filters, "limit", "offset", "locale"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProjectPage.objects.none()
        partners = public_pages(ClubPage.objects.all()).order_by("title")
        return (
            localized(ProjectPage.objects.all(), self.locale)
            .select_related("locale")
            .prefetch_related(
                Prefetch("partner_clubs", queryset=partners, to_attr="public_partners")
            )
            .annotate(
                finished=Case(
                    When(active_condition(), then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            # active first, then the newest start first (undated ones after the dated)
            .order_by("finished", F("start_date").desc(nulls_last=True), "title", "pk")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        attach_clubs(page)
        return page
