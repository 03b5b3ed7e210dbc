"""The district's municipalities (with approximate coordinates and how many published clubs
each has), for maps and filter lists."""

from django.db.models import Count, Q
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from cms.clubs.models import ClubPage
from cms.clubs.serializers import MunicipalitySerializer
from cms.core.privacy import public_pages
from cms.core.views import PublicReadMixin
from cms.taxonomy.models import Municipality


class MunicipalityEntrySerializer(MunicipalitySerializer):
    ags = serializers.CharField(help_text="Amtlicher Gemeindeschlüssel")
    district = serializers.CharField()
    club_count = serializers.IntegerField(help_text="Veröffentlichte Vereine in der Gemeinde.")


@extend_schema(
    summary="Gemeinden",
    description="Alle Gemeinden des Kreises mit ungefährer Ortsmitte und Zahl der Vereine.",
)
class MunicipalityListView(PublicReadMixin, generics.ListAPIView):
    serializer_class = MunicipalityEntrySerializer
    pagination_class = None
    queryset = Municipality.objects.none()

    def allowed_parameters(self):
        return []

    def get_queryset(self):
        public_clubs = public_pages(ClubPage.objects.all()).values("pk")
        return Municipality.objects.annotate(
            club_count=Count("clubs", filter=Q(clubs__in=public_clubs), distinct=True)
        ).order_by("name")
