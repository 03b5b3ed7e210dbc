"""``GET /api/v1/registrations/options/``: every value the registration form accepts (legal
forms, municipalities, countries, languages, focus areas), so the portal's form offers them as
choices instead of asking for codes."""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from cms.api.views import PublicReadMixin
from cms.clubs.models import LegalForm
from cms.taxonomy.models import Country, FocusArea, Language, Municipality


class OptionSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="Der Wert, den das Formular schickt.")
    label = serializers.CharField(help_text="Deutsche Bezeichnung.")


class LanguageOptionSerializer(OptionSerializer):
    native_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])


class RegistrationOptionsSerializer(serializers.Serializer):
    legal_forms = OptionSerializer(many=True)
    municipalities = OptionSerializer(many=True)
    countries = OptionSerializer(many=True)
    languages = LanguageOptionSerializer(many=True)
    focus_areas = OptionSerializer(many=True)


@extend_schema(
    tags=["portal"],
    summary="Auswahlwerte der Anmeldung",
    description=(
        "Alle Werte, die POST /api/v1/registrations/ annimmt: Rechtsformen, Gemeinden, "
        "Herkunftsländer (ISO-Codes), Sprachen (BCP-47-Tags) und Schwerpunkte, jeweils mit "
        "deutscher Bezeichnung."
    ),
    responses={200: RegistrationOptionsSerializer},
)
class RegistrationOptionsView(PublicReadMixin, generics.GenericAPIView):
    serializer_class = RegistrationOptionsSerializer
    pagination_class = None
    filter_backends = []

    def allowed_parameters(self):
        return []

    def get(self, request, *args, **kwargs):
        def options(queryset, value: str):
            return [{"value": getattr(row, value), "label": row.name} for row in queryset]

        return Response(
            {
                "legal_forms": [
                    {"value": value, "label": str(label)} for value, label in LegalForm.choices
                ],
                "municipalities": options(Municipality.objects.order_by("name"), "slug"),
                "countries": options(Country.objects.order_by("name"), "code"),
                "languages": [
                    {
                        "value": language.tag,
                        "label": language.name,
                        "native_name": language.native_name,
                        "direction": language.direction,
                    }
                    for language in Language.objects.order_by("name")
                ],
                "focus_areas": options(FocusArea.objects.order_by("name"), "slug"),
            }
        )
