"""``/api/v1/locales/``: the platform's locales (``cms/locales.py``) for clients that do not
import the CMS, such as the site builders in ``sites/``."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from cms import locales
from cms.core.views import PublicReadMixin


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="BCP-47-Kürzel, z. B. „ar“.")
    name = serializers.CharField(help_text="Name der Sprache in ihr selbst.")
    direction = serializers.ChoiceField(choices=["ltr", "rtl"], help_text="Schreibrichtung.")
    plural_forms = serializers.CharField(help_text="Pluralregel (gettext, aus CLDR).")
    review = serializers.ChoiceField(
        choices=[locales.REVIEWED, locales.DRAFT],
        help_text="„reviewed“: muttersprachlich geprüft; „draft“: noch nicht geprüft.",
    )


@extend_schema(
    summary="Sprachen",
    description="Die Sprachen der Plattform, Deutsch zuerst (Standard und Rückfallsprache).",
    responses=LocaleSerializer(many=True),
)
class LocaleListView(PublicReadMixin, GenericAPIView):
    serializer_class = LocaleSerializer
    pagination_class = None

    def allowed_parameters(self):
        return []

    def get(self, request):
        return Response([locale.as_dict() for locale in locales.LOCALES])
